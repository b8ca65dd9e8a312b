package decisions_test

import (
	"context"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// TestAppendsMetricSkipsDuplicates: a decision appended again (the same
// id: an HTTP client retrying its POST) writes nothing, and the log's
// glassbox_auditlog_appends_total does not count it.
func TestAppendsMetricSkipsDuplicates(t *testing.T) {
	ctx := context.Background()
	reg := prometheus.NewRegistry()
	opts := recTestOptions(t)
	opts.Registerer = reg
	lg, l := openRecTestLog(t, t.TempDir(), opts, nil)
	defer lg.Close()
	d := testDecision(1, 1)
	for range 3 {
		if _, err := l.Append(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := l.AppendBatch(ctx, []record.Decision{d, testDecision(2, 1)}); err != nil {
		t.Fatal(err)
	}
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var got float64 = -1
	for _, mf := range mfs {
		if mf.GetName() == "glassbox_auditlog_appends_total" {
			got = mf.GetMetric()[0].GetCounter().GetValue()
		}
	}
	if got != 2 || lg.Size() != 2 {
		t.Errorf("appends_total %v, tree size %d after 4 appends of decision 1 and one of decision 2; want 2 and 2", got, lg.Size())
	}
}
