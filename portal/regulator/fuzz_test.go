package regulator_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/regulator"
)

// FuzzPages: any path and query string, with a live session, gets a page
// (never a panic, never a 500), and no page echoes markup from the query
// unescaped.
func FuzzPages(f *testing.F) {
	dir := f.TempDir()
	if _, err := auditlog.CreateDir(dir+"/log", "fuzz.example/log"); err != nil {
		f.Fatal(err)
	}
	lg, err := auditlog.OpenDir(dir+"/log", &auditlog.Options{Origin: "fuzz.example/log"})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { lg.Close() })
	dec, err := decisions.Open(lg, nil)
	if err != nil {
		f.Fatal(err)
	}
	if _, err := dec.AppendBatch(f.Context(), lendingDecisions(40, 1, true)); err != nil {
		f.Fatal(err)
	}
	regs, err := access.NewRegulators(map[string]access.Regulator{tokSealed: {Name: "fuzz", Scope: access.Scope{Sealed: true}}})
	if err != nil {
		f.Fatal(err)
	}
	p, err := regulator.New(&regulator.Options{Logs: []regulator.Log{{Log: lg, Decisions: dec}}, Regulators: regs})
	if err != nil {
		f.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader("credential="+tokSealed))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, req)
	cookies := rec.Result().Cookies()
	for _, s := range []string{
		"/logs/0/decisions?model=credit-xgb&label=approve&cursor=AAAA",
		"/logs/0/decisions?group=sex%3Dfemale&from=2026-11-01&to=2026-11-09",
		"/logs/0/fairness?by=sex,age_band&window=day&outcomes=1&format=csv",
		"/logs/0/fairness?by=%3Cb%3E&window=month",
		"/logs/0/decisions/app-000001",
		"/logs/00/models", "/logs/-1/disputes",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, target string) {
		if !strings.HasPrefix(target, "/") || strings.ContainsAny(target, " \r\n\t#") {
			return
		}
		req, err := http.NewRequest(http.MethodGet, "http://portal"+target, nil)
		if err != nil {
			return
		}
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("GET %s: %d\n%s", target, rec.Code, rec.Body.String())
		}
		if ct := rec.Header().Get("Content-Type"); strings.HasPrefix(ct, "text/html") && strings.Contains(rec.Body.String(), "<script") {
			t.Fatalf("GET %s: a page holds a script element", target)
		}
	})
}
