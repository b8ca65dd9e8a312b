package fairness

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// syntheticCells returns the counter cells of n decisions spread over 90
// days, 2 versions, sex × age band, 2 labels and 3 outcome states, drawn
// with the group's approval rate; the number of cells (about 6,500) does not
// grow with n once every cell is hit.
func syntheticCells(n int, seed uint64) []record.CountCell {
	rng := rand.New(rand.NewPCG(seed, 2))
	type key struct {
		day, ver, sex, age, label, out int
	}
	m := map[key]*record.CountCell{}
	start := time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		k := key{rng.IntN(90), rng.IntN(2), rng.IntN(2), rng.IntN(3), 0, rng.IntN(3)}
		p := 0.55 - 0.1*float64(k.sex)
		if rng.Float64() < p {
			k.label = 1
		}
		c, ok := m[k]
		if !ok {
			c = &record.CountCell{
				Model: "credit", Version: []string{"1", "2"}[k.ver],
				Day:      start.AddDate(0, 0, k.day).Format(time.DateOnly),
				Groups:   []record.Attr{{Name: "age_band", Value: []string{"18-29", "30-49", "50+"}[k.age]}, {Name: "sex", Value: []string{"F", "M"}[k.sex]}},
				Decision: []string{"deny", "approve"}[k.label], Outcome: []string{"", "repaid", "default"}[k.out],
			}
			m[k] = c
		}
		c.Count++
		c.Weight++
	}
	out := make([]record.CountCell, 0, len(m))
	for _, c := range m {
		out = append(out, *c)
	}
	return out
}

// BenchmarkReportFromCounts is the pure part of the counter path: a report
// from counter cells of 1 and 10 million decisions, with the default 1,000
// bootstrap replicates. The baseline is the same report without the
// bootstrap (tables and point estimates only).
func BenchmarkReportFromCounts(b *testing.B) {
	for _, n := range []int{1_000_000, 10_000_000} {
		if testing.Short() && n > 1_000_000 {
			continue
		}
		cells := syntheticCells(n, 1)
		for _, c := range []struct {
			name string
			reps int
		}{{"baseline-no-bootstrap", -1}, {"bootstrap-1000", 0}} {
			b.Run(fmt.Sprintf("decisions=%d/%s", n, c.name), func(b *testing.B) {
				q := &Query{Model: "credit", By: []string{"sex", "age_band"}, Spec: Spec{Favourable: []string{"approve"}, Outcomes: true, FavourableOutcomes: []string{"repaid"}, Replicates: c.reps}}
				for b.Loop() {
					r, err := ReportFromCounts(cells, Checkpoint{}, q)
					if err != nil || r.Decisions != uint64(n) {
						b.Fatal(err, r.Decisions)
					}
				}
				b.ReportMetric(float64(len(cells)), "cells")
			})
		}
	}
}

// BenchmarkScanAccumulate is the pure part of the scan path: folding 1
// million decoded decisions into a report (no storage, no decryption).
func BenchmarkScanAccumulate(b *testing.B) {
	ds := history(1_000_000, 3)
	src := scanSource(ds)
	q := &Query{Model: "credit", By: []string{"sex", "age_band"}, Spec: Spec{Favourable: []string{"approve"}, Outcomes: true, FavourableOutcomes: []string{"repaid"}}}
	for b.Loop() {
		r, err := ScanReport(context.Background(), src, q, nil)
		if err != nil || r.Decisions != uint64(len(ds)) {
			b.Fatal(err)
		}
	}
}
