package decisions_test

import (
	"context"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// TestScanProgress: ScanProgress reports growing counts of the candidates
// read, ending at their number, and sees the same decisions as Scan.
func TestScanProgress(t *testing.T) {
	ctx := context.Background()
	lg, l := openRecTestLog(t, t.TempDir(), recTestOptions(t), nil)
	defer lg.Close()
	const n = auditlog.ProgressEvery + 50
	ds := make([]record.Decision, n)
	for i := range ds {
		ds[i] = testDecision(i, 50)
	}
	if _, err := l.AppendBatch(ctx, ds); err != nil {
		t.Fatal(err)
	}
	if _, err := lg.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	var got [][2]uint64
	seen := 0
	if _, err := l.ScanProgress(ctx, decisions.Filter{}, func(decisions.Stored) error { seen++; return nil },
		func(done, total uint64) { got = append(got, [2]uint64{done, total}) }); err != nil {
		t.Fatal(err)
	}
	if seen != n || len(got) != 2 || got[0] != [2]uint64{auditlog.ProgressEvery, n} || got[1] != [2]uint64{n, n} {
		t.Errorf("saw %d decisions, progress %v; want %d and [[%d %d] [%d %d]]", seen, got, n, auditlog.ProgressEvery, n, n, n)
	}
}
