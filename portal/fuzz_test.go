package portal_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzRequests: any path, method and form body, with or without a genuine
// link, gets a page and a status below 500, never a panic, and always the
// security headers.
func FuzzRequests(f *testing.F) {
	fx := newFixture(f, &fixtureOpts{static: true})
	tok, _, _ := fx.links.Issue("app-1003")
	f.Add(true, "/a/TOKEN", "")
	f.Add(false, "/a/TOKEN/dispute", "text=%3Cb%3E")
	f.Add(false, "/a/TOKEN/dispute", "text="+strings.Repeat("x", 5000))
	f.Add(false, "/a/TOKEN/erase", "")
	f.Add(false, "/a/TOKEN/erase", "confirm=no")
	f.Add(true, "/a/TOKEN/receipt.json", "")
	f.Add(true, "/a/AAAA", "")
	f.Add(false, "/a/%zz/dispute", "text=%zz")
	f.Add(true, "/static/../../go.mod", "")
	f.Add(true, "/check?x=<script>", "")
	f.Fuzz(func(t *testing.T, isGet bool, path, body string) {
		path = strings.ReplaceAll(path, "TOKEN", tok)
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \r\n\t#") {
			return
		}
		method := http.MethodPost
		if isGet {
			method = http.MethodGet
		}
		req, err := http.NewRequest(method, "http://portal.test"+path, strings.NewReader(body))
		if err != nil {
			return
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		rec := httptest.NewRecorder()
		fx.p.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s %.100q: status %d\n%.500s", method, path, body, rec.Code, rec.Body.String())
		}
		if rec.Header().Get("Content-Security-Policy") == "" || rec.Header().Get("Referrer-Policy") != "no-referrer" {
			t.Fatalf("%s %s: headers %v", method, path, rec.Header())
		}
	})
}
