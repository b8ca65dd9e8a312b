package fairnesslog_test

import (
	"context"
	"flag"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/fairness"
	"github.com/glassbox-audit/glassbox/fairness/fairnesslog"
)

// benchDecisions spreads n decisions over 90 days, 2 versions, sex × age
// band and 2 labels, so that with outcomes the log holds about as many
// counter cells (some 6,500) as a log of ten million such decisions would.
func benchDecisions(n, first int) []record.Decision {
	ds := testDecisions(n, first)
	for j := range ds {
		i := first + j
		h := uint64(i)*0x9e3779b97f4a7c15 + 0x632be59bd9b4e019 // independent draws per dimension
		h ^= h >> 29
		h *= 0xbf58476d1ce4e5b9
		h ^= h >> 32
		ds[j].Time = logT0.Add(time.Duration(h%90)*24*time.Hour + time.Duration(i%86400)*time.Second)
		ds[j].Subject = fmt.Sprintf("subject-%d", i)
		ds[j].Model.Version = []string{"1.0", "1.1"}[(h>>8)%2]
		ds[j].Groups = []record.Attr{{Name: "age_band", Value: []string{"18-29", "30-49", "50+"}[(h>>16)%3]}, {Name: "sex", Value: []string{"F", "M"}[(h>>24)%2]}}
		ds[j].Output.Label = []string{"approve", "decline"}[(h>>32)%2]
	}
	return ds
}

var benchLogLen = flag.Int("fairness.loglen", 20_000, "decisions in the log of BenchmarkLogReport")

// BenchmarkLogReport measures reports over a real log (Pebble on disk, sealed
// payloads) of 20,000 decisions (-fairness.loglen), two thirds with an outcome, by the counters
// and by a scan, in the same run. The baselines are the bare reads the two
// paths stand on: decisions' Log.Counts and Log.Scan with nothing done per
// decision. The counters path costs the same for ten million decisions
// spread over the same cells (see BenchmarkReportFromCounts); the scan
// grows linearly with the number of decisions.
func BenchmarkLogReport(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a log of 20,000 decisions")
	}
	n := *benchLogLen
	ctx := context.Background()
	opts, _ := logTestOptions(b)
	l, d := openTestLog(b, b.TempDir(), opts)
	defer l.Close()
	for i := 0; i < n; i += 2000 {
		if _, err := d.AppendBatch(ctx, benchDecisions(min(2000, n-i), i)); err != nil {
			b.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w := 0; w < 64; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += 64 {
				if i%3 == 2 {
					continue
				}
				label := []string{"repaid", "default"}[(i/5)%2] // outcomes spread over the cells above
				if _, err := d.AppendOutcome(ctx, record.Outcome{DecisionID: fmt.Sprintf("dec-%07d", i), Time: logT0.Add(100 * 24 * time.Hour), Label: label}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		b.Fatal(err)
	}
	src := fairnesslog.Source(d)
	q := &fairness.Query{Model: "credit", By: []string{"sex", "age_band"}, Spec: fairness.Spec{Favourable: []string{"approve"}, Outcomes: true, FavourableOutcomes: []string{"repaid"}}}
	cv, err := d.Counts(ctx, decisions.Filter{Model: "credit"})
	if err != nil {
		b.Fatal(err)
	}
	cells := float64(len(cv.Cells))

	b.Run("counters/baseline-Counts", func(b *testing.B) {
		for b.Loop() {
			if _, err := d.Counts(ctx, decisions.Filter{Model: "credit"}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(cells, "cells")
	})
	b.Run("counters/report", func(b *testing.B) {
		for b.Loop() {
			r, err := fairness.NewReport(ctx, src, q)
			if err != nil || r.Decisions != uint64(n) {
				b.Fatal(err)
			}
		}
		b.ReportMetric(cells, "cells")
	})
	b.Run("scan/baseline-Scan", func(b *testing.B) {
		for b.Loop() {
			k := 0
			if _, err := d.Scan(ctx, decisions.Filter{Model: "credit"}, func(decisions.Stored) error { k++; return nil }); err != nil || k != n {
				b.Fatal(err, k)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/decision")
	})
	b.Run("scan/report", func(b *testing.B) {
		for b.Loop() {
			r, err := fairness.ScanReport(ctx, src, q, nil)
			if err != nil || r.Decisions != uint64(n) {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/decision")
	})
}
