package httpapi_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/httpapi"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// Personal data of the test decisions: none of it may appear in an answer
// given without a credential for it.
const (
	subjectName = "Zephyrine Quillfeather"
	incomeValue = 73519.25
	incomeText  = "73519.25"
	groupValue  = "band-Xylophone"
)

func personalData() []string { return []string{subjectName, "Zephyrine", incomeText, groupValue} }

// fixture is a real log directory (Pebble, signed checkpoints, sealed
// payloads) with three decisions and an httpapi handler over it.
type fixture struct {
	dir    string
	log    *auditlog.Log
	dec    *decisions.Log
	links  *access.Links
	tokens map[access.Role]string
	h      *httpapi.Handler
	srv    *httptest.Server
	ids    []string
	now    time.Time // the links' clock
}

func decision(id, subject string, i int) record.Decision {
	return record.Decision{
		ID:      id,
		Time:    time.Date(2026, 11, 2, 9, 30, i, 0, time.UTC),
		Subject: subject,
		Model:   record.Model{Name: "credit", Version: "1.0", ArtifactDigest: record.Digest{1}},
		Inputs:  []record.Feature{{Name: "income", Value: record.Number(incomeValue + float64(i))}},
		Output:  record.Output{Label: "decline", Score: 0.31},
		Groups:  []record.Attr{{Name: "age_band", Value: groupValue}},
	}
}

// echo is a lender route that decodes a body strictly and answers it.
type echo struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{dir: filepath.Join(t.TempDir(), "log"), now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := auditlog.CreateDir(f.dir, "test.example/httpapi"); err != nil {
		t.Fatal(err)
	}
	lg, err := auditlog.OpenDir(f.dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lg.Close() })
	dopts, err := decisions.DirOptions(f.dir, true)
	if err != nil {
		t.Fatal(err)
	}
	if f.dec, err = decisions.Open(lg, dopts); err != nil {
		t.Fatal(err)
	}
	f.log = lg
	for i, id := range []string{"1", "2", "3"} { // sequential, as many lenders number them
		if _, err := f.dec.Append(ctx, decision(id, subjectName+" "+id, i)); err != nil {
			t.Fatal(err)
		}
		f.ids = append(f.ids, id)
	}
	if _, err := lg.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if f.links, err = httpapi.DirLinks(f.dir, &access.LinkOptions{TTL: time.Hour, Now: func() time.Time { return f.now }}); err != nil {
		t.Fatal(err)
	}
	f.tokens = map[access.Role]string{}
	m := map[string]access.Role{}
	for _, r := range access.Roles {
		tok := access.NewToken()
		f.tokens[r] = tok
		m[tok] = r
	}
	toks, err := access.NewTokens(m)
	if err != nil {
		t.Fatal(err)
	}
	f.h, err = httpapi.New(httpapi.Options{
		Log: lg, Decisions: f.dec, Tokens: toks, Links: f.links,
		Metrics: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("up 1\n")) }),
		Mount: func(h *httpapi.Handler) {
			h.Handle("POST /v1/echo", access.RoleLender, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				var e echo
				if httpapi.DecodeJSON(w, r, &e, 256) != nil {
					return
				}
				httpapi.WriteJSON(w, http.StatusOK, e)
			}))
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(f.h)
	t.Cleanup(f.srv.Close)
	return f
}

// link issues a capability for id through the API, as the lender.
func (f *fixture) link(t *testing.T, id string) httpapi.Link {
	t.Helper()
	code, b := f.do(t, "POST", "/v1/decisions/"+id+"/link", f.tokens[access.RoleLender], "", "")
	if code != 200 {
		t.Fatalf("link for %s: %d %s", id, code, b)
	}
	var l httpapi.Link
	mustJSON(t, b, &l)
	return l
}

// do sends one request; token "" sends no Authorization header.
func (f *fixture) do(t *testing.T, method, path, token, ctype, body string) (int, []byte) {
	t.Helper()
	code, b, _ := f.doH(t, method, path, token, ctype, body)
	return code, b
}

func (f *fixture) doH(t *testing.T, method, path, token, ctype, body string) (int, []byte, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := f.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b, resp.Header
}
