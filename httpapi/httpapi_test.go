package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/httpapi"
	"github.com/glassbox-audit/glassbox/portal/access"
)

func mustJSON(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("answer is not JSON: %v\n%s", err, b)
	}
}

// route is one route of the API and who may use it ("" = everyone).
type route struct {
	method, path string
	role         access.Role
	ctype, body  string
}

func (f *fixture) routes(t *testing.T) []route {
	tok := f.link(t, f.ids[0]).Token
	return []route{
		{method: "GET", path: "/v1/checkpoints/latest"},
		{method: "GET", path: "/v1/checkpoints/3"},
		{method: "GET", path: "/v1/proofs/consistency?from=1&to=3"},
		{method: "GET", path: "/v1/receipts/" + tok},
		{method: "GET", path: "/v1/decisions", role: access.RoleRegulator},
		{method: "GET", path: "/v1/decisions/2", role: access.RoleRegulator},
		{method: "POST", path: "/v1/decisions/2/link", role: access.RoleLender},
		{method: "POST", path: "/v1/echo", role: access.RoleLender, ctype: "application/json", body: `{"name":"a","n":1}`},
		{method: "GET", path: "/metrics", role: access.RoleMetrics},
	}
}

// TestAccessControl: every route, with no token, a bad token and each
// role's token, answers 200 to its role (or to all, for a public route),
// 401 without a valid token and 403 to another role.
func TestAccessControl(t *testing.T) {
	f := newFixture(t)
	bad := access.NewToken()
	for _, rt := range f.routes(t) {
		callers := map[string]string{"none": "", "bad": bad}
		for r, tok := range f.tokens {
			callers[string(r)] = tok
		}
		for who, tok := range callers {
			want := 200
			switch {
			case rt.role == "":
			case who == "none" || who == "bad":
				want = 401
			case access.Role(who) != rt.role:
				want = 403
			}
			code, b := f.do(t, rt.method, rt.path, tok, rt.ctype, rt.body)
			if code != want {
				t.Errorf("%s %s as %s: %d, want %d: %s", rt.method, rt.path, who, code, want, b)
			}
			if code != 200 {
				var e struct{ Error string }
				if json.Unmarshal(b, &e) != nil || e.Error == "" {
					t.Errorf("%s %s as %s: the error answer is not {\"error\": ...}: %s", rt.method, rt.path, who, b)
				}
			}
		}
	}
}

// TestNoPersonalDataWithoutCredentials crawls every public route and every
// error answer (no token, a bad token, another role, an invalid
// capability, unknown and sequential ids): no subject name, input value or
// group value appears in a body or header.
func TestNoPersonalDataWithoutCredentials(t *testing.T) {
	f := newFixture(t)
	tok := f.link(t, f.ids[0]).Token
	altered := []byte(tok)
	altered[5] ^= 1
	bad := access.NewToken()
	var answers []string
	add := func(method, path, token, ctype, body string) {
		code, b, h := f.doH(t, method, path, token, ctype, body)
		answers = append(answers, fmt.Sprintf("%s %s -> %d %v %s", method, path, code, h, b))
	}
	for _, p := range []string{"/v1/checkpoints/latest", "/v1/checkpoints/1", "/v1/checkpoints/2", "/v1/checkpoints/3", "/v1/checkpoints/99", "/v1/checkpoints/x",
		"/v1/proofs/consistency?from=1&to=3", "/v1/proofs/consistency?from=3&to=1", "/v1/receipts/" + string(altered), "/v1/receipts/1", "/v1/receipts/2",
		"/v1/receipts/" + strings.Repeat("A", 60), "/", "/v1/nothing", "/v1/decisions?cursor=x"} {
		add("GET", p, "", "", "")
	}
	for _, rt := range f.routes(t) {
		if rt.role == "" {
			continue
		}
		add(rt.method, rt.path, "", rt.ctype, rt.body)
		add(rt.method, rt.path, bad, rt.ctype, rt.body)
		for r, tok := range f.tokens {
			if r != rt.role {
				add(rt.method, rt.path, tok, rt.ctype, rt.body)
			}
		}
	}
	// Bad bodies carrying personal data get errors that do not repeat it.
	lt := f.tokens[access.RoleLender]
	for _, body := range []string{
		`{"name":"` + subjectName + `","n":"` + groupValue + `"}`,
		`{"name":"` + subjectName + `","name":"` + groupValue + `"}`,
		`{"name":"` + subjectName + `","extra":` + incomeText + `}`,
		`{"name":"` + subjectName + `"} ` + incomeText,
		`{"name":"` + subjectName + strings.Repeat(" ", 300) + `"}`,
	} {
		add("POST", "/v1/echo", lt, "application/json", body)
	}
	for _, a := range answers {
		for _, p := range personalData() {
			if strings.Contains(a, p) {
				t.Errorf("an answer without credentials holds %q:\n%s", p, a)
			}
		}
	}
	// The crawl did reach the data: the capability answer holds it.
	_, b := f.do(t, "GET", "/v1/receipts/"+tok, "", "", "")
	if !strings.Contains(string(b), subjectName) {
		t.Fatalf("the receipt through its capability lacks the subject; the crawl proves nothing:\n%s", b)
	}
}

// TestReceiptCapability: a link opens its own decision's receipt and no
// other; an altered token and a sequential id give 404, the same as an
// unknown decision; an expired link gives 410; the answer is not cached.
func TestReceiptCapability(t *testing.T) {
	f := newFixture(t)
	l := f.link(t, f.ids[1])
	if !strings.HasSuffix(l.URL, "/v1/receipts/"+l.Token) || !l.Expires.Equal(f.now.Add(time.Hour)) {
		t.Fatalf("link %+v", l)
	}
	code, b, h := f.doH(t, "GET", "/v1/receipts/"+l.Token, "", "", "")
	if code != 200 || h.Get("Cache-Control") != "no-store" || h.Get("X-Content-Type-Options") != "nosniff" {
		t.Fatalf("own receipt: %d %v %s", code, h, b)
	}
	r, err := receipt.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := record.DecodeLeaf(r.Leaf)
	if err != nil {
		t.Fatal(err)
	}
	if leaf.DecisionID != f.ids[1] || !strings.Contains(string(b), subjectName+" "+f.ids[1]) || strings.Contains(string(b), subjectName+" "+f.ids[0]) {
		t.Fatalf("the link opened decision %q, want %q only", leaf.DecisionID, f.ids[1])
	}
	notFound := func(what, path string) {
		t.Helper()
		code, b := f.do(t, "GET", path, "", "", "")
		if code != 404 || !strings.Contains(string(b), "no such receipt") {
			t.Errorf("%s: %d %s, want 404 no such receipt", what, code, b)
		}
	}
	for i := range len(l.Token) {
		alt := []byte(l.Token)
		alt[i] = "AB"[b2i(alt[i] == 'A')]
		notFound(fmt.Sprintf("token altered at %d", i), "/v1/receipts/"+string(alt))
	}
	notFound("truncated", "/v1/receipts/"+l.Token[:len(l.Token)-1])
	for _, id := range f.ids {
		notFound("sequential id "+id, "/v1/receipts/"+id)
	}
	// A link under this key for a decision the log does not hold: the
	// same 404 as an invalid one.
	ghost, _, err := f.links.Issue("no-such-decision")
	if err != nil {
		t.Fatal(err)
	}
	notFound("unknown decision", "/v1/receipts/"+ghost)
	// Another key's link opens nothing here.
	other, err := access.NewLinks(access.NewLinkKey(), nil)
	if err != nil {
		t.Fatal(err)
	}
	foreign, _, _ := other.Issue(f.ids[1])
	notFound("another key", "/v1/receipts/"+foreign)

	f.now = f.now.Add(2 * time.Hour)
	if code, b := f.do(t, "GET", "/v1/receipts/"+l.Token, "", "", ""); code != 410 || strings.Contains(string(b), subjectName) {
		t.Errorf("expired link: %d %s, want 410 without data", code, b)
	}
	// The lender cannot link a decision the log lacks.
	if code, _ := f.do(t, "POST", "/v1/decisions/nope/link", f.tokens[access.RoleLender], "", ""); code != 404 {
		t.Errorf("link for an unknown decision: %d, want 404", code)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestStrictBodies: DecodeJSON refuses trailing data, duplicate keys,
// invalid UTF-8, unknown fields, a wrong type and a wrong or missing
// content type, each naming the problem, and a body over the limit with
// 413.
func TestStrictBodies(t *testing.T) {
	f := newFixture(t)
	lt := f.tokens[access.RoleLender]
	for _, c := range []struct {
		name, ctype, body string
		code              int
		says              string
	}{
		{"good", "application/json", `{"name":"a","n":1}`, 200, `"name":"a"`},
		{"charset", "application/json; charset=utf-8", `{"name":"a"}`, 200, `"name":"a"`},
		{"trailing", "application/json", `{"name":"a"} {"name":"b"}`, 400, "trailing data"},
		{"trailing garbage", "application/json", `{"name":"a"}x`, 400, "trailing data"},
		{"duplicate", "application/json", `{"name":"a","name":"b"}`, 400, "duplicate key: $.name"},
		{"utf8", "application/json", "{\"name\":\"a\xff\"}", 400, "invalid UTF-8 at byte offset 10"},
		{"unknown", "application/json", `{"name":"a","x":1}`, 400, `unknown field \"x\"`},
		{"type", "application/json", `{"n":"1"}`, 400, "wrong type"},
		{"syntax", "application/json", `{"name":`, 400, "malformed JSON"},
		{"empty", "application/json", ``, 400, "malformed JSON"},
		{"too large", "application/json", `{"name":"` + strings.Repeat("a", 300) + `"}`, 413, "larger than 256 bytes"},
		{"text", "text/plain", `{"name":"a"}`, 415, "application/json"},
		{"form", "application/x-www-form-urlencoded", `name=a`, 415, "application/json"},
		{"no type", "", `{"name":"a"}`, 415, "application/json"},
	} {
		code, b := f.do(t, "POST", "/v1/echo", lt, c.ctype, c.body)
		if code != c.code || !strings.Contains(string(b), c.says) {
			t.Errorf("%s: %d %s, want %d saying %q", c.name, code, b, c.code, c.says)
		}
	}
}

// TestHandlerNeedsCredentials: New refuses options without tokens or
// links, so no handler serves personal data unauthenticated by omission.
func TestHandlerNeedsCredentials(t *testing.T) {
	f := newFixture(t)
	if _, err := httpapi.New(httpapi.Options{Log: f.log, Decisions: f.dec, Links: f.links}); err == nil {
		t.Error("New without Tokens succeeded")
	}
	if _, err := httpapi.New(httpapi.Options{Log: f.log, Decisions: f.dec}); err == nil {
		t.Error("New without Tokens and Links succeeded")
	}
}

// TestHandleRoles: a route mounted for several roles serves each of them,
// sees the caller's role (access.RoleFrom), and refuses the others.
func TestHandleRoles(t *testing.T) {
	f := newFixture(t)
	f.h.Handle("GET /v1/whoami", access.RoleLender, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		role, _ := access.RoleFrom(r.Context())
		httpapi.WriteJSON(w, http.StatusOK, map[string]string{"role": string(role)})
	}), access.RoleRegulator)
	for r, tok := range f.tokens {
		code, b := f.do(t, "GET", "/v1/whoami", tok, "", "")
		switch r {
		case access.RoleLender, access.RoleRegulator:
			if code != 200 || !strings.Contains(string(b), `"role":"`+string(r)+`"`) {
				t.Errorf("%s: %d %s", r, code, b)
			}
		default:
			if code != 403 {
				t.Errorf("%s: %d, want 403", r, code)
			}
		}
	}
}
