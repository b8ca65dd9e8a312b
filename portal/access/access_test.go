package access_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/portal/access"
)

func newTokens(t *testing.T) (*access.Tokens, map[access.Role]string) {
	t.Helper()
	byRole := map[access.Role]string{}
	m := map[string]access.Role{}
	for _, r := range access.Roles {
		tok := access.NewToken()
		byRole[r], m[tok] = tok, r
	}
	tk, err := access.NewTokens(m)
	if err != nil {
		t.Fatal(err)
	}
	return tk, byRole
}

// TestRequire: each role reaches only the handlers that name it; no token is
// 401 with a challenge; a wrong or altered token is 401; the handler sees
// the role.
func TestRequire(t *testing.T) {
	tk, tok := newTokens(t)
	h := tk.Require(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		role, _ := access.RoleFrom(r.Context())
		w.Write([]byte(role))
	}), access.RoleRegulator, access.RoleLender)
	do := func(auth ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", "/", nil)
		for _, a := range auth {
			req.Header.Add("Authorization", a)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return w
	}
	if w := do("Bearer " + tok[access.RoleRegulator]); w.Code != 200 || w.Body.String() != "regulator" {
		t.Errorf("regulator: %d %q", w.Code, w.Body)
	}
	if w := do("bearer " + tok[access.RoleLender]); w.Code != 200 || w.Body.String() != "lender" {
		t.Errorf("lender (scheme in lower case): %d %q", w.Code, w.Body)
	}
	if w := do("Bearer " + tok[access.RoleMetrics]); w.Code != 403 {
		t.Errorf("metrics token on a regulator handler: %d, want 403", w.Code)
	}
	altered := []byte(tok[access.RoleLender])
	altered[len(altered)-1] ^= 1
	for name, auth := range map[string][]string{
		"none":          nil,
		"altered":       {"Bearer " + string(altered)},
		"prefix":        {"Bearer " + tok[access.RoleLender][:access.MinTokenLen]},
		"basic":         {"Basic " + base64.StdEncoding.EncodeToString([]byte("u:"+tok[access.RoleLender]))},
		"empty":         {"Bearer "},
		"two headers":   {"Bearer " + tok[access.RoleLender], "Bearer " + tok[access.RoleLender]},
		"huge":          {"Bearer " + strings.Repeat("a", 10000)},
		"no scheme":     {tok[access.RoleLender]},
		"token + extra": {"Bearer " + tok[access.RoleLender] + " x"},
	} {
		w := do(auth...)
		if w.Code != 401 || w.Header().Get("WWW-Authenticate") == "" {
			t.Errorf("%s: %d %q, want 401 with a challenge", name, w.Code, w.Header())
		}
		if strings.Contains(w.Body.String(), tok[access.RoleLender]) {
			t.Errorf("%s: the answer echoes the token", name)
		}
	}
}

func TestNewTokensRefuses(t *testing.T) {
	good := access.NewToken()
	for name, m := range map[string]map[string]access.Role{
		"short":        {"abc": access.RoleLender},
		"unknown role": {good: "admin"},
		"space":        {strings.Repeat("a", 20) + " " + strings.Repeat("b", 20): access.RoleLender},
		"non-ascii":    {strings.Repeat("é", 20): access.RoleLender},
	} {
		if _, err := access.NewTokens(m); !errors.Is(err, access.ErrConfig) {
			t.Errorf("%s: %v, want ErrConfig", name, err)
		}
	}
}

func TestParseTokens(t *testing.T) {
	a, b := access.NewToken(), access.NewToken()
	m, err := access.ParseTokens(strings.NewReader("# tokens\n\nlender " + a + "\nregulator  " + b + "\n"))
	if err != nil || len(m) != 2 || m[a] != access.RoleLender || m[b] != access.RoleRegulator {
		t.Fatalf("ParseTokens: %v %v", m, err)
	}
	for _, bad := range []string{"lender\n", "lender " + a + " x\n", "lender " + a + "\nregulator " + a + "\n"} {
		if _, err := access.ParseTokens(strings.NewReader(bad)); !errors.Is(err, access.ErrConfig) || !strings.Contains(err.Error(), "line") {
			t.Errorf("%q: %v, want ErrConfig naming the line", bad, err)
		}
	}
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newLinks(t *testing.T, key []byte, c *clock, retired ...[]byte) *access.Links {
	t.Helper()
	l, err := access.NewLinks(key, &access.LinkOptions{TTL: time.Hour, Now: c.now, Retired: retired})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestLinks: a link opens to its decision until it expires; it does not
// carry the id in the clear; two links for one id differ; every one-byte
// change, truncation and extension is ErrLinkInvalid; another key's link is
// invalid; a retired key still opens its links.
func TestLinks(t *testing.T) {
	c := &clock{time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)}
	key := access.NewLinkKey()
	l := newLinks(t, key, c)
	tok, exp, err := l.Issue("app-000123")
	if err != nil {
		t.Fatal(err)
	}
	if !exp.Equal(c.t.Add(time.Hour)) {
		t.Errorf("expires %v", exp)
	}
	raw, _ := base64.RawURLEncoding.DecodeString(tok)
	if strings.Contains(tok, "app-000123") || bytes.Contains(raw, []byte("app-000123")) || bytes.Contains(raw, []byte("000123")) {
		t.Errorf("the token shows the decision id: %s", tok)
	}
	tok2, _, _ := l.Issue("app-000123")
	if tok2 == tok {
		t.Error("two links for one decision are equal")
	}
	id, _, err := l.Open(tok)
	if err != nil || id != "app-000123" {
		t.Fatalf("Open = %q, %v", id, err)
	}
	// One changed character anywhere.
	alphabet := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	for i := range tok {
		for _, c := range []byte{alphabet[(strings.IndexByte(alphabet, tok[i])+1)%64], '=', '.', '+'} {
			b := []byte(tok)
			b[i] = c
			if _, _, err := l.Open(string(b)); !errors.Is(err, access.ErrLinkInvalid) {
				t.Fatalf("changing character %d to %q: %v, want ErrLinkInvalid", i, c, err)
			}
		}
	}
	for name, bad := range map[string]string{
		"empty": "", "truncated": tok[:len(tok)-1], "extended": tok + "A", "padded": tok + "==",
		"huge": strings.Repeat("A", 5000), "half": tok[:len(tok)/2],
	} {
		if _, _, err := l.Open(bad); !errors.Is(err, access.ErrLinkInvalid) {
			t.Errorf("%s: %v, want ErrLinkInvalid", name, err)
		}
	}
	other := newLinks(t, access.NewLinkKey(), c)
	if _, _, err := other.Open(tok); !errors.Is(err, access.ErrLinkInvalid) {
		t.Errorf("another key: %v", err)
	}
	// Key rotation: the new key opens old links while the old one is retired.
	rotated := newLinks(t, access.NewLinkKey(), c, key)
	if id, _, err := rotated.Open(tok); err != nil || id != "app-000123" {
		t.Errorf("retired key: %q %v", id, err)
	}
	c.t = exp.Add(-time.Second)
	if _, _, err := l.Open(tok); err != nil {
		t.Errorf("a second before expiry: %v", err)
	}
	c.t = exp
	if _, e, err := l.Open(tok); !errors.Is(err, access.ErrLinkExpired) || !e.Equal(exp) {
		t.Errorf("at expiry: %v %v, want ErrLinkExpired", e, err)
	}
}

func TestIssueRefuses(t *testing.T) {
	l := newLinks(t, access.NewLinkKey(), &clock{time.Now()})
	for _, id := range []string{"", strings.Repeat("x", access.MaxLinkID+1), "bad\xff"} {
		if _, _, err := l.Issue(id); !errors.Is(err, access.ErrConfig) {
			t.Errorf("Issue(%q): %v", id, err)
		}
	}
	if tok, _, err := l.Issue(strings.Repeat("x", access.MaxLinkID)); err != nil {
		t.Errorf("longest id: %v", err)
	} else if _, _, err := l.Open(tok); err != nil {
		t.Errorf("longest id: Open: %v", err)
	}
	for _, k := range [][]byte{nil, make([]byte, 16), make([]byte, 33)} {
		if _, err := access.NewLinks(k, nil); !errors.Is(err, access.ErrConfig) {
			t.Errorf("key of %d bytes: %v", len(k), err)
		}
	}
}

// FuzzOpen: Open never panics, and accepts only what Issue made.
func FuzzOpen(f *testing.F) {
	c := &clock{time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)}
	l, _ := access.NewLinks(bytes.Repeat([]byte{7}, 32), &access.LinkOptions{Now: c.now})
	tok, _, _ := l.Issue("seed")
	f.Add(tok)
	f.Add("")
	f.Add("AAAA")
	f.Fuzz(func(t *testing.T, s string) {
		// Only "seed" was ever sealed under this key (each process of the
		// fuzzer seals its own), so any token that opens must open to it.
		id, _, err := l.Open(s)
		if err == nil && id != "seed" {
			t.Fatalf("Open accepted a token Issue did not make: %q -> %q", s, id)
		}
	})
}
