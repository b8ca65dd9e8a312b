package fairnesslog_test

import (
	"context"
	"flag"
	"fmt"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/fairness"
	"github.com/glassbox-audit/glassbox/fairness/fairnesslog"
)

var benchCountsLen = flag.Int("fairness.countslen", 50_000, "decisions in the log of BenchmarkCounts")

// BenchmarkCounts measures the counter report of a real log of 50,000
// decisions (-fairness.countslen; the cells of benchDecisions, a third
// without outcome), built with AppendBatch, against its floor in the same
// run: one iteration over the same counter keys with nothing decoded. It
// runs on the store as written (the counters' overwritten versions still
// in memtables and young sstables) and again once the counter range is
// compacted.
func BenchmarkCounts(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a log of 50,000 decisions")
	}
	n := *benchCountsLen
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
	for w := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += 64 {
				if i%3 == 2 {
					continue
				}
				label := []string{"repaid", "default"}[(i/5)%2]
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
	st, err := l.Store(decisions.DefaultNamespace)
	if err != nil {
		b.Fatal(err)
	}
	src := fairnesslog.Source(d)
	q := &fairness.Query{Model: "credit", By: []string{"sex", "age_band"}, Spec: fairness.Spec{Favourable: []string{"approve"}, Outcomes: true, FavourableOutcomes: []string{"repaid"}}}
	// The process's CPU time per op is reported too: on a shared machine it
	// varies less than the elapsed time.
	cpu := func(b *testing.B, t0 time.Duration) {
		b.ReportMetric(float64((cpuTime()-t0).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
	run := func(b *testing.B) {
		b.Run("floor/raw-scan", func(b *testing.B) {
			t0 := cpuTime()
			for b.Loop() {
				v, err := st.View(ctx)
				if err != nil {
					b.Fatal(err)
				}
				k := 0
				err = v.Scan([]byte{'N'}, []byte{'N' + 1}, func(_, _ []byte) error { k++; return nil })
				v.Close()
				if err != nil || k == 0 {
					b.Fatal(err, k)
				}
			}
			cpu(b, t0)
		})
		b.Run("floor/seek-scan", func(b *testing.B) {
			t0 := cpuTime()
			for b.Loop() {
				v, err := st.View(ctx)
				if err != nil {
					b.Fatal(err)
				}
				k := 0
				err = v.Read(func(r *auditlog.Reader) error {
					c, err := r.Cursor([]byte{'N'}, []byte{'N' + 1})
					if err != nil {
						return err
					}
					for ok := c.SeekGE([]byte{'N'}); ok; ok = c.Skip() {
						k++
					}
					return c.Error()
				})
				v.Close()
				if err != nil || k == 0 {
					b.Fatal(err, k)
				}
			}
			cpu(b, t0)
		})
		b.Run("glassbox/Counts", func(b *testing.B) {
			var cells int
			t0 := cpuTime()
			for b.Loop() {
				cv, err := d.Counts(ctx, decisions.Filter{Model: "credit"})
				if err != nil {
					b.Fatal(err)
				}
				cells = len(cv.Cells)
			}
			cpu(b, t0)
			b.ReportMetric(float64(cells), "cells")
		})
		b.Run("glassbox/report", func(b *testing.B) {
			t0 := cpuTime()
			for b.Loop() {
				r, err := fairness.NewReport(ctx, src, q)
				if err != nil || r.Decisions != uint64(n) {
					b.Fatal(err)
				}
			}
			cpu(b, t0)
		})
	}
	b.Run("as-written", run)
	if err := st.Compact(ctx, []byte{'N'}, []byte{'N' + 1}); err != nil {
		b.Fatal(err)
	}
	b.Run("compacted", run)
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
