package fairnesslog_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/fairness"
	"github.com/glassbox-audit/glassbox/fairness/fairnesslog"
)

// TestErasedDecisionIsNotSingledOut: a subject whose group value no one
// else has made one decision on a day. Without suppression a one-day report
// shows that group with one decision; by default the group is suppressed;
// after erasure no counter holds the group value any more, and the
// decision only counts in the day's erased total.
func TestErasedDecisionIsNotSingledOut(t *testing.T) {
	ctx := context.Background()
	opts, _ := logTestOptions(t)
	l, d := openTestLog(t, t.TempDir(), opts)
	defer l.Close()
	appendTestHistory(t, d, 280, 0)
	day := logT0.AddDate(0, 0, 3).UTC().Truncate(24 * time.Hour)
	lone := testDecisions(1, 5000)[0]
	lone.ID, lone.Subject, lone.Time = "lone", "lone-subject", day.Add(9*time.Hour)
	lone.Groups = []record.Attr{{Name: "age_band", Value: "18-29"}, {Name: "sex", Value: "X"}}
	if _, err := d.Append(ctx, lone); err != nil {
		t.Fatal(err)
	}
	src := fairnesslog.Source(d)
	spec := fairness.Spec{Favourable: []string{"approve"}, Replicates: -1}
	oneDay := func(min uint64) *fairness.Report {
		t.Helper()
		q := fairness.Query{Model: "credit", Version: lone.Model.Version, From: day, To: day.AddDate(0, 0, 1), By: []string{"sex"}, MinCellSize: min, Spec: spec}
		r, err := fairness.NewReport(ctx, src, &q)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	groupN := func(r *fairness.Report, v string) (uint64, bool) {
		if r.Metrics == nil {
			return 0, false
		}
		for _, g := range r.Metrics.Groups {
			if slices.Equal(g.Group, []string{v}) {
				return g.Count, true
			}
		}
		return 0, false
	}
	suppressed := func(r *fairness.Report, v string) bool {
		for _, s := range r.Suppressed {
			if slices.Equal(s.Group, []string{v}) && strings.Contains(s.Reason, fairness.ReasonSmallCell) {
				return true
			}
		}
		return false
	}

	// The finding: with every cell shown, the one decision stands out.
	open := oneDay(1)
	if n, ok := groupN(open, "X"); !ok || n != 1 {
		t.Fatalf("before erasure, unsuppressed: group X has %d decisions (shown %v); want 1", n, ok)
	}
	// By default a group of fewer than 5 decisions is named, not counted.
	def := oneDay(0)
	if _, ok := groupN(def, "X"); ok || !suppressed(def, "X") {
		t.Fatalf("default report: group X shown %v, suppressed %v: %+v", ok, suppressed(def, "X"), def.Suppressed)
	}
	if def.Decisions != open.Decisions-1 {
		t.Fatalf("default report covers %d decisions, want %d (the unsuppressed %d minus the suppressed 1)", def.Decisions, open.Decisions-1, open.Decisions)
	}

	if n, err := d.Erase(ctx, "lone-subject"); err != nil || n != 1 {
		t.Fatalf("erase: %d %v", n, err)
	}
	after := oneDay(1)
	if _, ok := groupN(after, "X"); ok || suppressed(after, "X") {
		t.Fatal("after erasure the report still knows group X")
	}
	if after.Erased != 1 || after.Decisions != open.Decisions-1 {
		t.Fatalf("after erasure: %d decisions, %d erased; want %d and 1", after.Decisions, after.Erased, open.Decisions-1)
	}
	// The counters themselves: no cell holds X; the day's erased cell has
	// the decision's label, no groups, no weight.
	cv, err := d.Counts(ctx, decisions.Filter{Model: "credit", From: day, To: day.AddDate(0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	var erasedCells int
	for _, c := range cv.Cells {
		for _, g := range c.Groups {
			if g.Value == "X" {
				t.Fatalf("a counter still holds the erased group value: %+v", c)
			}
		}
		if c.Erased {
			erasedCells++
			if len(c.Groups) != 0 || c.Weight != 0 || c.Count != 1 || c.Decision != lone.Output.Label || c.Day != day.Format(time.DateOnly) {
				t.Fatalf("erased cell: %+v", c)
			}
		}
	}
	if erasedCells != 1 {
		t.Fatalf("%d erased cells, want 1", erasedCells)
	}
}
