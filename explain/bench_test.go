package explain

import (
	"runtime"
	"testing"
	"time"
)

// BenchmarkExplain measures one row's TreeSHAP explanation on the
// 150-tree, depth-7 model, with prediction alone and the previous
// implementation (treeshap-old, treeshap_old_test.go: the same bits) as
// baselines in the same run. Run:
//
//	go test ./explain -run '^$' -bench BenchmarkExplain -benchmem
func BenchmarkExplain(b *testing.B) {
	m, _, rows := loadVectors(b, "bench_d7_150")
	b.Logf("model: %d trees, max depth %d, %d features", m.NumTrees(), m.MaxDepth(), m.NumFeature())
	b.Run("predict", func(b *testing.B) {
		out := make([]float64, 0, 1)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			out, _ = m.Margin(rows[i%len(rows)], out[:0])
			i++
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	b.Run("treeshap", func(b *testing.B) {
		e := m.NewExplainer()
		phi := make([]float64, m.NumFeature())
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, _, err := e.Contributions(rows[i%len(rows)], 0, phi); err != nil {
				b.Fatal(err)
			}
			i++
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	b.Run("treeshap-old", func(b *testing.B) {
		e := newOldExplainer(m)
		phi := make([]float64, m.NumFeature())
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, _, err := e.Contributions(rows[i%len(rows)], 0, phi); err != nil {
				b.Fatal(err)
			}
			i++
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	b.Run("attribution", func(b *testing.B) {
		e := m.NewExplainer()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := e.Explain(rows[i%len(rows)], 0); err != nil {
				b.Fatal(err)
			}
			i++
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
}

// BenchmarkExplainPaired runs the explainer and the previous implementation
// (treeshap_old_test.go) alternately on the same rows and times each call on
// the thread's CPU clock, so that a busy shared machine slows both alike:
// it reports each one's CPU time a row and old/new, the same-run speed-up.
//
//	go test ./explain -run '^$' -bench BenchmarkExplainPaired -count 3
func BenchmarkExplainPaired(b *testing.B) {
	m, _, rows := loadVectors(b, "bench_d7_150")
	e, old := m.NewExplainer(), newOldExplainer(m)
	phi := make([]float64, m.NumFeature())
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var tNew, tOld time.Duration
	newRow := func(row []float64) {
		t := threadCPU()
		if _, _, err := e.Contributions(row, 0, phi); err != nil {
			b.Fatal(err)
		}
		tNew += threadCPU() - t
	}
	oldRow := func(row []float64) {
		t := threadCPU()
		if _, _, err := old.Contributions(row, 0, phi); err != nil {
			b.Fatal(err)
		}
		tOld += threadCPU() - t
	}
	i := 0
	for b.Loop() {
		row := rows[i%len(rows)]
		if i%2 == 0 { // alternate which one runs first
			newRow(row)
			oldRow(row)
		} else {
			oldRow(row)
			newRow(row)
		}
		i++
	}
	b.ReportMetric(float64(tNew.Nanoseconds())/float64(b.N)/1e3, "new-µs/row")
	b.ReportMetric(float64(tOld.Nanoseconds())/float64(b.N)/1e3, "old-µs/row")
	b.ReportMetric(float64(tOld)/float64(tNew), "old/new")
}
