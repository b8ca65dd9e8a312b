package anchor

import (
	"context"
	"testing"
)

// BenchmarkManyLag: the append-to-anchor lag with 10 logs: each of 10 logs
// appends one entry, then the anchorer of many logs sends one anchorMany,
// a block is mined, and the next step confirms all ten (one confirmation).
// ns/op is that lag on the simulated chain; gas/log is reported too
// (go test -run '^$' -bench BenchmarkManyLag -benchtime 20x ./anchor/).
func BenchmarkManyLag(b *testing.B) {
	ctx := context.Background()
	c, logs, m := manyFixtureOn(b, nil, 10, nil)
	var gas uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for _, tl := range logs {
			tl.appendN(b, 1)
		}
		want := logs[0].Size()
		b.StartTimer()
		if err := m.step(ctx); err != nil {
			b.Fatal(err)
		}
		for _, a := range m.members {
			if a.pend == nil {
				b.Fatalf("log %s not in the batch", a.log.Origin())
			}
		}
		c.Commit()
		// The node indexes receipts in the background: step until all
		// ten are confirmed (a bounded number of steps, not a time).
		for n := 0; n < 10_000 && !allAt(m, want); n++ {
			if err := m.step(ctx); err != nil {
				b.Fatal(err)
			}
		}
		for _, a := range m.members {
			if a.confirmedSize() != want {
				b.Fatalf("log %s: confirmed %d, want %d", a.log.Origin(), a.confirmedSize(), want)
			}
		}
		anc, _ := m.members[0].Latest()
		gas = anc.GasUsed
	}
	b.ReportMetric(float64(gas)/10, "gas/log")
}

func allAt(m *Many, size uint64) bool {
	for _, a := range m.members {
		if a.confirmedSize() != size {
			return false
		}
	}
	return true
}
