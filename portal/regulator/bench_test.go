package regulator_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/fairness"
	"github.com/glassbox-audit/glassbox/fairness/fairnesslog"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/regulator"
)

// benchDecisions is the size of the benchmarks' log: the lending example's
// shape (two versions of one model, sex and age band), over six weeks.
const benchDecisions = 100_000

var bench struct {
	once   sync.Once
	dir    string
	err    error
	dec    *decisions.Log
	p      *regulator.Portal
	cookie *http.Cookie
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// benchLog builds the benchmarks' log once per run, in batches of 5,000
// (AppendBatch), and a portal on it with a logged-in session.
func benchLog(b *testing.B) {
	b.Helper()
	bench.once.Do(func() {
		ctx := context.Background()
		if bench.dir, bench.err = os.MkdirTemp("", "glassbox-regulator-bench-"); bench.err != nil {
			return
		}
		logDir := filepath.Join(bench.dir, "log")
		if _, bench.err = auditlog.CreateDir(logDir, "lender.example/glassbox/bench"); bench.err != nil {
			return
		}
		lg, err := auditlog.OpenDir(logDir, &auditlog.Options{Origin: "lender.example/glassbox/bench"})
		if err != nil {
			bench.err = err
			return
		}
		if bench.dec, bench.err = decisions.Open(lg, nil); bench.err != nil {
			return
		}
		t0 := time.Now()
		ds := lendingDecisions(benchDecisions, 6, false)
		for i := 0; i < len(ds); i += 5000 {
			if _, bench.err = bench.dec.AppendBatch(ctx, ds[i:min(i+5000, len(ds))]); bench.err != nil {
				return
			}
		}
		if _, bench.err = lg.Checkpoint(ctx); bench.err != nil {
			return
		}
		b.Logf("built a log of %d decisions in %v", benchDecisions, time.Since(t0).Round(time.Millisecond))
		regs, err := access.NewRegulators(map[string]access.Regulator{tokPublic: {Name: "bench"}})
		if err != nil {
			bench.err = err
			return
		}
		if bench.p, bench.err = regulator.New(&regulator.Options{Logs: []regulator.Log{{Log: lg, Decisions: bench.dec}}, Regulators: regs,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}); bench.err != nil {
			return
		}
		req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(url.Values{"credential": {tokPublic}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		bench.p.ServeHTTP(rec, req)
		for _, c := range rec.Result().Cookies() {
			if c.Name == regulator.SessionCookie {
				bench.cookie = c
			}
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	if bench.cookie == nil {
		b.Fatal("no session cookie")
	}
}

// get serves one GET of the portal, checks its status and returns the
// number of table rows it shows.
func get(b *testing.B, path string) int {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.AddCookie(bench.cookie)
	rec := httptest.NewRecorder()
	bench.p.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("GET %s: %d\n%.500s", path, rec.Code, rec.Body.String())
	}
	return strings.Count(rec.Body.String(), "<tr><td><a href=")
}

// BenchmarkFairnessPage: the fairness page (by sex and age band, per
// week, with both versions side by side, rendered with its chart)
// against its baseline, the bare fairness.NewReport of the same query
// from the counters. Neither reads a decision.
func BenchmarkFairnessPage(b *testing.B) {
	benchLog(b)
	b.Run("baseline-NewReport", func(b *testing.B) {
		b.ReportAllocs()
		q := cliQuery(modelName, []string{"sex", "age_band"}, fairness.Week, false)
		for b.Loop() {
			if _, err := fairness.NewReport(context.Background(), fairnesslog.Source(bench.dec), q); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("page", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			get(b, "/logs/0/fairness?model="+modelName+"&by=sex,age_band&window=week")
		}
	})
}

// BenchmarkDecisionsPage: one page of the decisions table (50 rows from
// the time index, rendered) against its baseline, the bare ByTime page of
// 50; and a label-filtered page from the model index.
func BenchmarkDecisionsPage(b *testing.B) {
	benchLog(b)
	b.Run("baseline-ByTime", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := bench.dec.ByTime(context.Background(), time.Time{}, time.Time{}, decisions.PageRequest{Limit: regulator.PageRows}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("page", func(b *testing.B) {
		b.ReportAllocs()
		if n := get(b, "/logs/0/decisions"); n != regulator.PageRows {
			b.Fatalf("the page shows %d rows", n)
		}
		for b.Loop() {
			get(b, "/logs/0/decisions")
		}
	})
	b.Run("page-filtered", func(b *testing.B) {
		b.ReportAllocs()
		path := "/logs/0/decisions?model=" + modelName + "&version=2.0&label=approve&from=2026-11-24"
		if n := get(b, path); n != regulator.PageRows {
			b.Fatalf("the filtered page shows %d rows", n)
		}
		for b.Loop() {
			get(b, path)
		}
	})
}
