package decisions_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

var benchScanLen = flag.Int("decisions.scanlen", 50_000, "decisions in the log of BenchmarkScan")

// benchDirs holds the logs built by benchScanLog, removed by TestMain.
var benchDirs struct {
	sync.Mutex
	dirs []string
	logs map[int]*scanLog
}

type scanLog struct {
	lg *auditlog.Log
	d  *decisions.Log
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	for _, l := range benchDirs.logs {
		l.lg.Close()
	}
	for _, d := range benchDirs.dirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

// benchScanLog returns a log of n decisions (those of TestQueries, every
// tenth with an outcome), built once per process with AppendBatch so that
// -count runs share it.
func benchScanLog(b *testing.B, n int) *scanLog {
	b.Helper()
	benchDirs.Lock()
	defer benchDirs.Unlock()
	if l, ok := benchDirs.logs[n]; ok {
		return l
	}
	dir, err := os.MkdirTemp("", "glassbox-scan-bench-")
	if err != nil {
		b.Fatal(err)
	}
	benchDirs.dirs = append(benchDirs.dirs, dir)
	lg, d := openRecTestLog(b, dir, recTestOptions(b), nil)
	ctx := context.Background()
	const batch = 2000
	for start := 0; start < n; start += batch {
		ds := make([]record.Decision, 0, batch)
		for i := start; i < min(start+batch, n); i++ {
			ds = append(ds, testDecision(i, max(1, n/4)))
		}
		if _, err := d.AppendBatch(ctx, ds); err != nil {
			b.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w*10 + 3; i < n; i += 640 {
				o := record.Outcome{DecisionID: fmt.Sprintf("dec-%07d", i), Time: testT0.Add(30 * 24 * time.Hour), Label: "repaid"}
				if _, err := d.AppendOutcome(ctx, o); err != nil {
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
	// Settle the store, as a log that has existed a while is: the counters
	// and indexes compacted, no compaction running under the benchmark.
	st, err := lg.Store(decisions.DefaultNamespace)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Compact(ctx, nil, nil); err != nil {
		b.Fatal(err)
	}
	if benchDirs.logs == nil {
		benchDirs.logs = map[int]*scanLog{}
	}
	l := &scanLog{lg: lg, d: d}
	benchDirs.logs[n] = l
	return l
}

// BenchmarkScan measures Log.Scan of every decision of a log of 50,000
// (-decisions.scanlen), payloads opened, against its physical floor in the
// same run: one iteration over the same leaves and one over the same sealed
// payload entries, with nothing done per record; and against reading each
// decision on its own (Log.Get), the way Scan read them before.
func BenchmarkScan(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a log of 50,000 decisions")
	}
	n := *benchScanLen
	l := benchScanLog(b, n)
	ctx := context.Background()
	// The process's CPU time is reported too: on a shared machine it
	// varies less than the elapsed time.
	var cpu0 time.Duration
	perDecision := func(b *testing.B) {
		ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / float64(n)
		b.ReportMetric(ns, "ns/decision")
		b.ReportMetric(1e9/ns, "decisions/s")
		b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N)/float64(n), "cpu-ns/decision")
	}
	b.Run("floor/leaves+payloads", func(b *testing.B) {
		st, err := l.lg.Store(decisions.DefaultNamespace)
		if err != nil {
			b.Fatal(err)
		}
		cpu0 = cpuTime()
		for b.Loop() {
			size := l.lg.Size()
			var sum int
			if err := l.lg.ScanLeaves(ctx, 0, size, func(_ uint64, leaf []byte) error { sum += len(leaf); return nil }); err != nil {
				b.Fatal(err)
			}
			v, err := st.View(ctx)
			if err != nil {
				b.Fatal(err)
			}
			k := 0
			err = v.Scan([]byte{'p'}, []byte{'p' + 1}, func(_, val []byte) error { k++; sum += len(val); return nil })
			v.Close()
			if err != nil || k != n {
				b.Fatal(err, k)
			}
		}
		perDecision(b)
	})
	// The per-record path that Scan took before it read in passes: a point
	// lookup of the leaf, the payload and the subject key, and an iterator
	// for the outcomes, for every decision (what Get still does, after
	// the id lookup).
	b.Run("per-record/Get-each", func(b *testing.B) {
		cpu0 = cpuTime()
		for b.Loop() {
			for i := range n {
				s, err := l.d.Get(ctx, fmt.Sprintf("dec-%07d", i))
				if err != nil || s.Payload == nil {
					b.Fatal(err)
				}
			}
		}
		perDecision(b)
	})
	for _, c := range []struct {
		name string
		f    decisions.Filter
		want int
	}{
		{"glassbox/all", decisions.Filter{}, n},
		{"glassbox/model", decisions.Filter{Model: "credit"}, n},
		{"glassbox/version", decisions.Filter{Model: "credit", Version: "1.1"}, n / 2},
	} {
		b.Run(c.name, func(b *testing.B) {
			cpu0 = cpuTime()
			for b.Loop() {
				k, outcomes := 0, 0
				_, err := l.d.Scan(ctx, c.f, func(s decisions.Stored) error {
					if s.Payload == nil {
						return fmt.Errorf("decision %d: no payload", s.Index)
					}
					if s.Outcome != nil {
						outcomes++
					}
					k++
					return nil
				})
				if err != nil || k != c.want || outcomes == 0 {
					b.Fatal(err, k, outcomes)
				}
			}
			perDecision(b)
		})
	}
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
