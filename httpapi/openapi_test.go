package httpapi_test

import (
	"encoding/json"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/httpapi"
)

// openAPIDoc is the part of openapi.json the test checks.
type openAPIDoc struct {
	OpenAPI string `json:"openapi"`
	Paths   map[string]map[string]struct {
		Security  []map[string][]string      `json:"security"`
		Role      string                     `json:"x-glassbox-role"`
		MountedBy string                     `json:"x-glassbox-mounted-by"`
		Responses map[string]json.RawMessage `json:"responses"`
	} `json:"paths"`
}

func readOpenAPI(t *testing.T, b []byte) openAPIDoc {
	t.Helper()
	var d openAPIDoc
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(d.OpenAPI, "3.") {
		t.Fatalf("openapi %q, want 3.x", d.OpenAPI)
	}
	return d
}

// TestOpenAPIMatchesRoutes walks the handler's registered routes and the
// OpenAPI document: a route missing from either side fails, and so does a
// protected route whose document lacks its role, its bearer security or
// its 401 and 403 answers (or a public route documented with them).
// Routes that a program mounts (x-glassbox-mounted-by) are checked by
// that program's test (examples/lending TestOpenAPIDocumentsTheService).
func TestOpenAPIMatchesRoutes(t *testing.T) {
	f := newFixture(t)
	src, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	doc := readOpenAPI(t, src)
	registered := map[string]httpapi.Route{}
	for _, r := range f.h.Routes() {
		if r.Path == "/v1/echo" { // the fixture's own test route
			continue
		}
		registered[strings.ToLower(r.Method)+" "+r.Path] = r
		op, ok := doc.Paths[r.Path][strings.ToLower(r.Method)]
		if !ok {
			t.Errorf("route %s %s is not in openapi.json", r.Method, r.Path)
			continue
		}
		_, has401 := op.Responses["401"]
		_, has403 := op.Responses["403"]
		if r.Roles == nil {
			if has401 || has403 || len(op.Security) != 0 || op.Role != "" {
				t.Errorf("public route %s %s documented with authentication", r.Method, r.Path)
			}
			continue
		}
		if !has401 || !has403 || len(op.Security) == 0 || op.Role != string(r.Roles[0]) {
			t.Errorf("route %s %s (role %s): documented with 401 %v, 403 %v, security %v, role %q", r.Method, r.Path, r.Roles, has401, has403, op.Security, op.Role)
		}
	}
	for p, ops := range doc.Paths {
		for m, op := range ops {
			if _, ok := registered[m+" "+p]; !ok && op.MountedBy == "" {
				t.Errorf("openapi.json documents %s %s, which the handler does not mount", strings.ToUpper(m), p)
			}
		}
	}
	// The fixture's test route is the one undocumented route.
	if u := f.h.Undocumented(); len(u) != 1 || u[0].Path != "/v1/echo" {
		t.Errorf("Undocumented() = %+v, want the fixture's /v1/echo only", u)
	}
	// Served, public, and listing exactly the routes of this handler.
	code, b := f.do(t, "GET", httpapi.OpenAPIPath, "", "", "")
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", httpapi.OpenAPIPath, code, b)
	}
	served := readOpenAPI(t, b)
	var got, want []string
	for p, ops := range served.Paths {
		for m := range ops {
			got = append(got, m+" "+p)
		}
	}
	for k := range registered {
		if _, ok := doc.Paths[strings.SplitN(k, " ", 2)[1]]; ok {
			want = append(want, k)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("served document lists\n%v\nwant the mounted routes\n%v", got, want)
	}
	if _, ok := served.Paths["/v1/decisions"]["post"]; ok {
		t.Errorf("served document lists POST /v1/decisions, which this handler does not mount")
	}
}
