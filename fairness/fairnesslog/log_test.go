package fairnesslog_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/fairness"
	"github.com/glassbox-audit/glassbox/fairness/fairnesslog"
	"github.com/glassbox-audit/glassbox/internal/testkeys"
)

const logTestOrigin = "example.org/glassbox/fairness-test"

func logTestOptions(t testing.TB) (*auditlog.Options, note.Verifier) {
	t.Helper()
	s, v := testkeys.New(t, logTestOrigin)
	return &auditlog.Options{Origin: logTestOrigin, Signer: s}, v
}

// openTestLog opens the log in dir and its decisions layer; the caller
// closes the log.
func openTestLog(t testing.TB, dir string, opts *auditlog.Options) (*auditlog.Log, *decisions.Log) {
	t.Helper()
	l, err := auditlog.Open(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	d, err := decisions.Open(l, nil)
	if err != nil {
		l.Close()
		t.Fatal(err)
	}
	return l, d
}

var logT0 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC) // a Monday

// testDecisions returns n decisions over 14 days, two model versions, sex
// (missing for every 17th) × age band, with dyadic weights (exact sums in
// any order) and approval rates that differ by group.
func testDecisions(n, first int) []record.Decision {
	out := make([]record.Decision, n)
	for j := range out {
		i := first + j
		sex := []string{"F", "M"}[i%2]
		age := []string{"18-29", "30-49", "50+"}[(i/2)%3]
		label := "decline"
		if (i*7919)%100 < 40+15*(i%2) {
			label = "approve"
		}
		groups := []record.Attr{{Name: "age_band", Value: age}, {Name: "sex", Value: sex}}
		if i%17 == 0 {
			groups = groups[:1]
		}
		out[j] = record.Decision{
			ID:      fmt.Sprintf("dec-%07d", i),
			Time:    logT0.Add(time.Duration(i%14)*24*time.Hour + time.Duration(i)*time.Second),
			Subject: fmt.Sprintf("subject-%d", i%97),
			Model:   record.Model{Name: "credit", Version: []string{"1.0", "1.1"}[(i/3)%2], ArtifactDigest: record.Digest{1}},
			Inputs:  []record.Feature{{Name: "income", Value: record.Number(30000 + float64(i))}},
			Output:  record.Output{Label: label, Score: float64(i%100) / 100},
			Groups:  groups,
			Weight:  []float64{0, 0.5, 2}[i%3],
		}
	}
	return out
}

func appendTestHistory(t testing.TB, l *decisions.Log, n, first int) {
	t.Helper()
	ctx := context.Background()
	ds := testDecisions(n, first)
	for i := 0; i < len(ds); i += 200 {
		if _, err := l.AppendBatch(ctx, ds[i:min(i+200, len(ds))]); err != nil {
			t.Fatal(err)
		}
	}
	// Outcomes for two decisions in three; a second, different outcome for
	// every 10th (the latest counts).
	for j := 0; j < n; j++ {
		i := first + j
		if i%3 == 2 {
			continue
		}
		label := []string{"repaid", "default"}[(i/5)%2]
		if _, err := l.AppendOutcome(ctx, record.Outcome{DecisionID: fmt.Sprintf("dec-%07d", i), Time: ds[j].Time.Add(24 * time.Hour), Label: label}); err != nil {
			t.Fatal(err)
		}
		if i%10 == 0 {
			if _, err := l.AppendOutcome(ctx, record.Outcome{DecisionID: fmt.Sprintf("dec-%07d", i), Time: ds[j].Time.Add(48 * time.Hour), Label: "repaid"}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func logQueries() []fairness.Query {
	spec := fairness.Spec{Favourable: []string{"approve"}, Outcomes: true, FavourableOutcomes: []string{"repaid"}, Replicates: 200, Seed: 7}
	return []fairness.Query{
		{Model: "credit", By: []string{"sex"}, Spec: spec},
		{Model: "credit", Version: "1.1", By: []string{"sex", "age_band"}, Window: fairness.Week, Spec: spec},
		{Model: "credit", By: []string{"age_band"}, Window: fairness.Day, Spec: spec,
			From: time.Date(2026, 11, 4, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 11, 11, 0, 0, 0, 0, time.UTC)},
		{By: []string{"age_band", "sex"}, Spec: spec},
	}
}

// reportJSON is a report's JSON without its Source, which differs between
// the counters and the scan by design.
func reportJSON(t *testing.T, r *fairness.Report) string {
	t.Helper()
	r2 := *r
	r2.Source = ""
	b, err := json.Marshal(r2)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLogCountersAndScanAgree(t *testing.T) {
	ctx := context.Background()
	opts, verifier := logTestOptions(t)
	l, d := openTestLog(t, t.TempDir(), opts)
	defer l.Close()
	const n = 900
	appendTestHistory(t, d, n, 0)
	src := fairnesslog.Source(d)
	for _, q := range logQueries() {
		fast, err := fairness.NewReport(ctx, src, &q)
		if err != nil {
			t.Fatal(err)
		}
		slow, err := fairness.ScanReport(ctx, src, &q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := reportJSON(t, fast), reportJSON(t, slow); a != b {
			t.Fatalf("query %+v: counters and scan differ:\n%s\n%s", q, a, b)
		}
		// The checkpoint is the log's, signed by its key, at its current size.
		if fast.Checkpoint.Size != l.Size() || fast.Checkpoint.Origin != logTestOrigin {
			t.Errorf("report at size %d of %q, log has %d", fast.Checkpoint.Size, fast.Checkpoint.Origin, l.Size())
		}
		cp, err := verify.OpenCheckpoint(fast.Checkpoint.Note, verifier)
		if err != nil {
			t.Fatalf("report's checkpoint note does not verify: %v", err)
		}
		if cp.Size != fast.Checkpoint.Size || [32]byte(cp.Root) != fast.Checkpoint.Root {
			t.Errorf("note says size %d root %x, report says %d %x", cp.Size, cp.Root, fast.Checkpoint.Size, fast.Checkpoint.Root)
		}
		root, err := l.RootAt(ctx, cp.Size)
		if err != nil || root != cp.Root {
			t.Errorf("root at %d: %x %v", cp.Size, root, err)
		}
	}

	// Check the numbers of one report against the decisions as appended.
	q := logQueries()[0]
	r, err := fairness.NewReport(ctx, src, &q)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]float64{} // sex -> weight, approved weight
	for _, d := range testDecisions(n, 0) {
		sex := ""
		for _, g := range d.Groups {
			if g.Name == "sex" {
				sex = g.Value
			}
		}
		w := want[sex]
		w[0] += d.EffectiveWeight()
		if d.Output.Label == "approve" {
			w[1] += d.EffectiveWeight()
		}
		want[sex] = w
	}
	if r.Decisions != n || len(r.Metrics.Groups) != 3 {
		t.Fatalf("%d decisions in %d groups", r.Decisions, len(r.Metrics.Groups))
	}
	for _, g := range r.Metrics.Groups {
		w := want[g.Group[0]]
		if g.Weight != w[0] || g.SelectionRate.V != w[1]/w[0] {
			t.Errorf("%s: weight %v rate %v, want %v %v", g.Label, g.Weight, g.SelectionRate.V, w[0], w[1]/w[0])
		}
	}
}

func TestLogReportSurvivesErasureAndExport(t *testing.T) {
	ctx := context.Background()
	opts, verifier := logTestOptions(t)
	dir := filepath.Join(t.TempDir(), "log")
	l, d := openTestLog(t, dir, opts)
	appendTestHistory(t, d, 600, 0)
	if _, err := l.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	src := fairnesslog.Source(d)
	qs := logQueries()
	before := make([]*fairness.Report, len(qs))
	for i := range qs {
		r, err := fairness.NewReport(ctx, src, &qs[i])
		if err != nil {
			t.Fatal(err)
		}
		before[i] = r
	}
	scanBefore, err := fairness.ScanReport(ctx, src, &qs[0], nil)
	if err != nil {
		t.Fatal(err)
	}

	// Erasing a subject moves its decisions out of their groups into the
	// erased cells: the checkpoint and the totals (decisions plus erased)
	// of every counter report stay, the groups lose the erased decisions.
	erased, err := d.Erase(ctx, "subject-5")
	if err != nil || erased == 0 {
		t.Fatalf("erase: %d %v", erased, err)
	}
	var movedOut uint64
	after := make([]string, len(qs))
	for i := range qs {
		r, err := fairness.NewReport(ctx, src, &qs[i])
		if err != nil {
			t.Fatal(err)
		}
		b := before[i]
		after[i] = mustJSON(t, r)
		if mustJSON(t, r.Checkpoint) != mustJSON(t, b.Checkpoint) || r.Decisions+r.Erased != b.Decisions+b.Erased || len(r.Suppressed) != len(b.Suppressed) {
			t.Fatalf("query %d after erasure: %d decisions + %d erased, %d suppressed; before %d + %d, %d suppressed",
				i, r.Decisions, r.Erased, len(r.Suppressed), b.Decisions, b.Erased, len(b.Suppressed))
		}
		movedOut += r.Erased
	}
	if movedOut == 0 {
		t.Fatal("no counter report counts the erased decisions as erased")
	}
	// The scan can no longer place the erased subject's decisions.
	scanAfter, err := fairness.ScanReport(ctx, src, &qs[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	if scanAfter.Erased != uint64(erased) || scanAfter.Decisions != scanBefore.Decisions-uint64(erased) {
		t.Errorf("scan after erasing %d decisions: %d decisions, %d erased (before: %d)", erased, scanAfter.Decisions, scanAfter.Erased, scanBefore.Decisions)
	}

	// Export the log as it is (a copy of the closed log directory), then let
	// the original grow. The copy recomputes the identical reports, bound to
	// the same checkpoint; the grown log's new checkpoint is consistent with
	// it.
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(t.TempDir(), "export")
	if err := os.CopyFS(export, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	l, d = openTestLog(t, dir, opts)
	defer l.Close()
	appendTestHistory(t, d, 300, 600)
	exportOpts, _ := logTestOptions(t) // the holder of an export does not have the log's signing key
	exportOpts.Origin = logTestOrigin
	ex, exd := openTestLog(t, export, exportOpts)
	defer ex.Close()
	var old fairness.Checkpoint
	for i := range qs {
		r, err := fairness.NewReport(ctx, fairnesslog.Source(exd), &qs[i])
		if err != nil {
			t.Fatal(err)
		}
		if got := mustJSON(t, r); got != after[i] {
			t.Fatalf("query %d from the export differs:\n%s\n%s", i, after[i], got)
		}
		old = r.Checkpoint
	}
	grown, err := fairness.NewReport(ctx, fairnesslog.Source(d), &qs[0])
	if err != nil {
		t.Fatal(err)
	}
	if grown.Checkpoint.Size <= old.Size || grown.Decisions+grown.Erased != 900 || grown.Erased != uint64(erased) {
		t.Fatalf("grown log: size %d (old %d), %d decisions, %d erased", grown.Checkpoint.Size, old.Size, grown.Decisions, grown.Erased)
	}
	proof, err := l.ConsistencyProof(ctx, old.Size, grown.Checkpoint.Size)
	if err != nil {
		t.Fatal(err)
	}
	if err := verify.VerifyConsistency(old.Size, grown.Checkpoint.Size, proof, verify.Hash(old.Root), verify.Hash(grown.Checkpoint.Root)); err != nil {
		t.Fatalf("the old report's checkpoint is not consistent with the grown log: %v", err)
	}
	if _, err := verify.OpenCheckpoint(grown.Checkpoint.Note, verifier); err != nil {
		t.Fatal(err)
	}
}
