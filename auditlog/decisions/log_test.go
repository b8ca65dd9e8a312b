package decisions_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/decisions/keystoretest"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/internal/testkeys"
)

const recTestOrigin = "example.org/glassbox/records-test"

// testKeys makes a fresh Ed25519 note key pair named origin.
func testKeys(t testing.TB, origin string) (note.Signer, note.Verifier) {
	t.Helper()
	return testkeys.New(t, origin)
}

func recTestOptions(t testing.TB) *auditlog.Options {
	s, v := testKeys(t, recTestOrigin)
	return &auditlog.Options{Origin: recTestOrigin, Signer: s, Verifier: v}
}

// openRecTestLog opens the log in dir and its decisions layer (default
// options when dopts is nil). The caller closes the log.
func openRecTestLog(t testing.TB, dir string, opts *auditlog.Options, dopts *decisions.Options) (*auditlog.Log, *decisions.Log) {
	t.Helper()
	lg, err := auditlog.Open(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	d, err := decisions.Open(lg, dopts)
	if err != nil {
		lg.Close()
		t.Fatal(err)
	}
	return lg, d
}

var testT0 = time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)

// testDecision returns decision i: subjects cycle over nSubjects, models over
// two versions, days over a week, groups over two values.
func testDecision(i, nSubjects int) record.Decision {
	label := "approve"
	if i%3 == 0 {
		label = "decline"
	}
	sex := "female"
	if i%2 == 1 {
		sex = "male"
	}
	return record.Decision{
		ID:      fmt.Sprintf("dec-%07d", i),
		Time:    testT0.Add(time.Duration(i%7)*24*time.Hour + time.Duration(i)*time.Millisecond),
		Subject: fmt.Sprintf("subject-%d", i%nSubjects),
		Model:   record.Model{Name: "credit", Version: fmt.Sprintf("1.%d", i%2), ArtifactDigest: record.Digest{1}},
		Inputs: []record.Feature{
			{Name: "income", Value: record.Number(30000 + float64(i))},
			{Name: "age", Value: record.Integer(int64(20 + i%50))},
		},
		Output: record.Output{Label: label, Score: float64(i%100) / 100},
		Explanation: &explain.Attribution{Method: explain.MethodTreeSHAP, Space: explain.SpaceMargin, Base: 0.1, Output: 0.3,
			Contributions: []explain.Contribution{{Feature: "income", Value: 30000 + float64(i), Contribution: 0.2}}},
		Groups: []record.Attr{{Name: "sex", Value: sex}},
		Weight: float64(1 + i%2),
	}
}

func TestAppendDecisionReadReceipt(t *testing.T) {
	ctx := context.Background()
	lg, l := openRecTestLog(t, t.TempDir(), recTestOptions(t), nil)
	defer lg.Close()
	d := testDecision(1, 10)
	d.Metadata = map[string]string{"channel": "web"}
	res, err := l.Append(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if res.Index != 0 || res.Existing {
		t.Fatalf("%+v", res)
	}
	got, err := l.Get(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != decisions.StatusSealed || got.Payload.Subject != d.Subject || got.Leaf.DecisionID != d.ID || got.Payload.Metadata["channel"] != "web" {
		t.Fatalf("%+v", got)
	}
	if err := got.Leaf.CheckPayload(got.Payload); err != nil {
		t.Fatal(err)
	}
	r, err := l.Receipt(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	r2, err := receipt.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	vr, err := receipt.VerifyDecision(r2, lg.Verifier(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(vr.Disclosed) != 5 {
		t.Fatalf("disclosed %v", vr.Disclosed)
	}
	if _, err := l.Get(ctx, "nope"); !errors.Is(err, decisions.ErrNotFound) {
		t.Fatalf("unknown id: %v", err)
	}
}

func TestIdempotentConcurrentAppends(t *testing.T) {
	ctx := context.Background()
	lg, l := openRecTestLog(t, t.TempDir(), recTestOptions(t), nil)
	defer lg.Close()
	if _, err := l.Append(ctx, testDecision(0, 5)); err != nil {
		t.Fatal(err)
	}
	const n = 32
	results := make([]decisions.Appended, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for g := range n {
		wg.Go(func() {
			d := testDecision(7, 5)
			d.Subject = fmt.Sprintf("racer-%d", g) // same id, different content
			results[g], errs[g] = l.Append(ctx, d)
		})
	}
	wg.Wait()
	fresh := 0
	for g := range n {
		if errs[g] != nil {
			t.Fatal(errs[g])
		}
		if results[g].Index != results[0].Index {
			t.Fatalf("goroutine %d got index %d, another %d", g, results[g].Index, results[0].Index)
		}
		if !results[g].Existing {
			fresh++
		}
	}
	if fresh != 1 {
		t.Fatalf("%d appends claim to have written the decision", fresh)
	}
	if lg.Size() != 2 {
		t.Fatalf("log size %d, want 2", lg.Size())
	}
	again, err := l.Append(ctx, testDecision(7, 5))
	if err != nil || !again.Existing || again.Index != results[0].Index {
		t.Fatalf("%+v %v", again, err)
	}
	cv, err := l.Counts(ctx, decisions.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var total uint64
	for _, c := range cv.Cells {
		total += c.Count
	}
	if total != 2 {
		t.Fatalf("counters count %d decisions, want 2", total)
	}
}

func TestBadBatchWritesNothing(t *testing.T) {
	ctx := context.Background()
	lg, l := openRecTestLog(t, t.TempDir(), recTestOptions(t), nil)
	defer lg.Close()
	batch := []record.Decision{testDecision(1, 3), testDecision(2, 3), testDecision(3, 3)}
	batch[2].Output.Score = math.NaN()
	_, err := l.AppendBatch(ctx, batch)
	var ve *record.ValidationError
	if !errors.As(err, &ve) || ve.Record != "dec-0000003" || ve.Field != "output.score" {
		t.Fatalf("got %v", err)
	}
	batch[2] = testDecision(3, 3)
	batch[1].Inputs = append(batch[1].Inputs, record.Feature{Name: "income", Value: record.Integer(1)})
	if _, err := l.AppendBatch(ctx, batch); !errors.As(err, &ve) || ve.Field != "inputs[2].name" {
		t.Fatalf("got %v", err)
	}
	// An outcome for an unknown decision is rejected in the commit itself.
	if _, err := l.AppendOutcome(ctx, record.Outcome{DecisionID: "dec-0000001", Time: testT0, Label: "repaid"}); !errors.Is(err, decisions.ErrNotFound) {
		t.Fatalf("outcome for an unknown decision: %v", err)
	}
	if lg.Size() != 0 {
		t.Fatalf("log size %d after rejected appends", lg.Size())
	}
	for _, d := range batch {
		if _, err := l.Get(ctx, d.ID); !errors.Is(err, decisions.ErrNotFound) {
			t.Fatalf("%s: %v", d.ID, err)
		}
	}
	cv, err := l.Counts(ctx, decisions.Filter{})
	if err != nil || len(cv.Cells) != 0 {
		t.Fatalf("counters after rejected appends: %v %v", cv, err)
	}
}

// refCells computes the counters from the inputs, independently of the
// stored counters: each decision counts in the cell of its latest outcome.
// refCells computes the counter cells of ds; the decisions of the subjects
// in erased count in erased cells, without groups or weight.
func refCells(ds []record.Decision, outcomes map[string]string, erased ...string) map[string]record.CountCell {
	out := map[string]record.CountCell{}
	for _, d := range ds {
		c := record.CountCell{Model: d.Model.Name, Version: d.Model.Version, Day: d.Time.UTC().Format(time.DateOnly),
			Groups: d.Groups, Decision: d.Output.Label, Outcome: outcomes[d.ID]}
		w := d.EffectiveWeight()
		if slices.Contains(erased, d.Subject) {
			c.Groups, c.Erased, w = nil, true, 0
		}
		k := fmt.Sprint(c.Model, c.Version, c.Day, c.Groups, c.Decision, c.Outcome, c.Erased)
		cur := out[k]
		c.Count = cur.Count + 1
		c.Weight = cur.Weight + w
		out[k] = c
	}
	return out
}

func checkCells(t *testing.T, got []record.CountCell, want map[string]record.CountCell) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d cells, want %d", len(got), len(want))
	}
	for _, c := range got {
		if len(c.Groups) == 0 {
			c.Groups = nil
		}
		k := fmt.Sprint(c.Model, c.Version, c.Day, c.Groups, c.Decision, c.Outcome, c.Erased)
		w, ok := want[k]
		if !ok || w.Count != c.Count || math.Abs(w.Weight-c.Weight) > 1e-9 {
			t.Fatalf("cell %s: got %d/%v, want %d/%v (present %v)", k, c.Count, c.Weight, w.Count, w.Weight, ok)
		}
	}
}

func TestCountsOutcomesErase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	opts := recTestOptions(t)
	lg, l := openRecTestLog(t, dir, opts, nil)
	var ds []record.Decision
	for i := range 40 {
		ds = append(ds, testDecision(i, 6))
	}
	if _, err := l.AppendBatch(ctx, ds); err != nil {
		t.Fatal(err)
	}
	outcomes := map[string]string{}
	for i := 0; i < 40; i += 3 {
		o := record.Outcome{DecisionID: ds[i].ID, Time: testT0.AddDate(0, 3, 0), Label: "repaid"}
		if _, err := l.AppendOutcome(ctx, o); err != nil {
			t.Fatal(err)
		}
		outcomes[o.DecisionID] = o.Label
	}
	// A later outcome supersedes; replaying one is idempotent.
	o := record.Outcome{DecisionID: ds[3].ID, Time: testT0.AddDate(0, 6, 0), Label: "defaulted"}
	first, err := l.AppendOutcome(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	outcomes[o.DecisionID] = o.Label
	if again, err := l.AppendOutcome(ctx, o); err != nil || !again.Existing || again.Index != first.Index {
		t.Fatalf("replayed outcome: %+v %v", again, err)
	}
	size := lg.Size()
	cv, err := l.Counts(ctx, decisions.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if cv.Checkpoint.Size != size {
		t.Fatalf("counts bound to size %d, log has %d", cv.Checkpoint.Size, size)
	}
	if c, err := verify.OpenCheckpoint(cv.Checkpoint.Note, lg.Verifier()); err != nil || c.Size != size {
		t.Fatalf("counts checkpoint: %v (size %d)", err, c.Size)
	}
	want := refCells(ds, outcomes)
	checkCells(t, cv.Cells, want)
	// A filter on model, version and days.
	from, to := testT0.AddDate(0, 0, 2).Truncate(24*time.Hour), testT0.AddDate(0, 0, 5).Truncate(24*time.Hour)
	cf, err := l.Counts(ctx, decisions.Filter{Model: "credit", Version: "1.1", From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	var sel []record.Decision
	for _, d := range ds {
		if d.Model.Version == "1.1" && !d.Time.Before(from) && d.Time.Before(to) {
			sel = append(sel, d)
		}
	}
	checkCells(t, cf.Cells, refCells(sel, outcomes))

	// ScanDecisions sees the same decisions with their latest outcomes.
	n := 0
	cp, err := l.Scan(ctx, decisions.Filter{}, func(d decisions.Stored) error {
		if d.Index != uint64(n) {
			return fmt.Errorf("scan out of log order: %d at %d", d.Index, n)
		}
		want := outcomes[d.Leaf.DecisionID]
		if (want == "") != (d.Outcome == nil) || (d.Outcome != nil && d.Outcome.Label != want) {
			return fmt.Errorf("decision %s: outcome %+v, want %q", d.Leaf.DecisionID, d.Outcome, want)
		}
		if d.Payload == nil || d.Payload.Groups[0] != ds[n].Groups[0] {
			return fmt.Errorf("decision %s: payload %+v", d.Leaf.DecisionID, d.Payload)
		}
		n++
		return nil
	})
	if err != nil || n != 40 || cp.Size != size {
		t.Fatalf("scan: %v, %d decisions, size %d", err, n, cp.Size)
	}

	// Erase subject-1: its records keep their leaves, lose their payloads.
	before, err := lg.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	oldReceipt, err := l.Receipt(ctx, ds[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	erased, err := l.Erase(ctx, "subject-1")
	if err != nil {
		t.Fatal(err)
	}
	var victims []record.Decision
	for _, d := range ds {
		if d.Subject == "subject-1" {
			victims = append(victims, d)
		}
	}
	if erased != len(victims) {
		t.Fatalf("erased %d, want %d", erased, len(victims))
	}
	if n, err := l.Erase(ctx, "subject-1"); err != nil || n != 0 {
		t.Fatalf("second erase: %d %v", n, err)
	}
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}
	lg, l = openRecTestLog(t, dir, opts, nil)
	defer lg.Close()
	for _, d := range victims {
		got, err := l.Get(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != decisions.StatusErased || got.Payload != nil || got.Leaf.DecisionID != d.ID {
			t.Fatalf("erased record: %+v", got)
		}
		r, err := l.Receipt(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.Disclosures != (receipt.Disclosures{}) {
			t.Fatal("receipt of an erased record discloses data")
		}
		if _, err := receipt.VerifyDecision(r, lg.Verifier(), d.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := receipt.VerifyDecision(oldReceipt, lg.Verifier(), ds[1].ID); err != nil {
		t.Fatalf("receipt issued before erasure: %v", err)
	}
	p, err := l.BySubject(ctx, "subject-1", decisions.PageRequest{})
	if err != nil || len(p.Records) != 0 {
		t.Fatalf("subject index after erase: %v %v", p, err)
	}
	p, err = l.BySubject(ctx, "subject-2", decisions.PageRequest{})
	if err != nil || len(p.Records) == 0 || p.Records[0].Status != decisions.StatusSealed {
		t.Fatalf("other subject after erase: %v %v", p, err)
	}
	after, err := lg.CheckpointAt(ctx, before.Size)
	if err != nil || after.Root != before.Root {
		t.Fatalf("root changed by erasure (%v)", err)
	}
	cv2, err := l.Counts(ctx, decisions.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// The erased decisions moved to erased cells: no groups, no weight.
	checkCells(t, cv2.Cells, refCells(ds, outcomes, "subject-1"))
	if err := lg.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}
	// New data for an erased subject gets a new key and is readable again.
	d := testDecision(1000, 1000)
	d.Subject = "subject-1"
	if _, err := l.Append(ctx, d); err != nil {
		t.Fatal(err)
	}
	if got, err := l.Get(ctx, d.ID); err != nil || got.Status != decisions.StatusSealed {
		t.Fatalf("%v %v", got, err)
	}
	p, err = l.BySubject(ctx, "subject-1", decisions.PageRequest{})
	if err != nil || len(p.Records) != 1 {
		t.Fatalf("%v %v", p, err)
	}
}

// pageAll collects every page of a query.
func pageAll(t *testing.T, limit int, q func(decisions.PageRequest) (*decisions.Page, error)) []uint64 {
	t.Helper()
	var out []uint64
	req := decisions.PageRequest{Limit: limit}
	for {
		p, err := q(req)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Records) > limit {
			t.Fatalf("page of %d records, limit %d", len(p.Records), limit)
		}
		for _, r := range p.Records {
			out = append(out, r.Index)
		}
		if p.Next == "" {
			return out
		}
		req.Cursor = p.Next
	}
}

func TestQueries(t *testing.T) {
	n := 1_000_000
	switch {
	case testing.Short():
		n = 5_000 // the full size runs without -short
	case raceEnabled:
		n = 50_000 // under the race detector a million records take far too long on 2 cores
	}
	ctx := context.Background()
	lg, l := openRecTestLog(t, t.TempDir(), recTestOptions(t), nil)
	defer lg.Close()
	const batch = 2000
	nSubjects := n / 4
	for start := 0; start < n; start += batch {
		ds := make([]record.Decision, 0, batch)
		for i := start; i < min(start+batch, n); i++ {
			ds = append(ds, testDecision(i, nSubjects))
		}
		if _, err := l.AppendBatch(ctx, ds); err != nil {
			t.Fatal(err)
		}
	}
	if lg.Size() != uint64(n) {
		t.Fatalf("size %d", lg.Size())
	}
	// By subject: subject s has decisions s, s+nSubjects, ...
	for _, s := range []int{0, 1, nSubjects - 1} {
		got := pageAll(t, 3, func(r decisions.PageRequest) (*decisions.Page, error) {
			return l.BySubject(ctx, fmt.Sprintf("subject-%d", s), r)
		})
		var want []uint64
		for i := s; i < n; i += nSubjects {
			want = append(want, uint64(i))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("subject %d: %v, want %v", s, got, want)
		}
	}
	// By time: one day in a week-long cycle, first pages only at scale.
	day := testT0.AddDate(0, 0, 3)
	p, err := l.ByTime(ctx, day.Truncate(24*time.Hour), day.Truncate(24*time.Hour).Add(24*time.Hour), decisions.PageRequest{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Records) != 50 || p.Next == "" {
		t.Fatalf("time page: %d records", len(p.Records))
	}
	prev := time.Time{}
	for _, r := range p.Records {
		if r.Index%7 != 3 || r.Leaf.Time.Before(prev) {
			t.Fatalf("time query returned index %d at %v", r.Index, r.Leaf.Time)
		}
		prev = r.Leaf.Time
	}
	// By model: every page of version 1.1 in a small log is exact; at scale,
	// walk the first pages and check the indexes.
	p, err = l.ByModel(ctx, "credit", "1.1", decisions.PageRequest{Limit: 100})
	if err != nil || len(p.Records) != 100 {
		t.Fatalf("%v", err)
	}
	for j, r := range p.Records {
		if r.Index != uint64(2*j+1) {
			t.Fatalf("model page: index %d at %d", r.Index, j)
		}
	}
	p2, err := l.ByModel(ctx, "credit", "1.1", decisions.PageRequest{Limit: 100, Cursor: p.Next})
	if err != nil || p2.Records[0].Index != 201 {
		t.Fatalf("second model page: %v", err)
	}
	if _, err := l.ByModel(ctx, "credit", "1.1", decisions.PageRequest{Cursor: "!!"}); !errors.Is(err, decisions.ErrInvalidQuery) {
		t.Fatalf("bad cursor: %v", err)
	}
	// Lookup by id at the far end.
	last := fmt.Sprintf("dec-%07d", n-1)
	if d, err := l.Get(ctx, last); err != nil || d.Index != uint64(n-1) {
		t.Fatalf("%v", err)
	}
}

// TestDefaultKeyStore runs the conformance suite on the key store a log
// uses by default (keys in the layer's namespace, written through the
// committer).
func TestDefaultKeyStore(t *testing.T) {
	keystoretest.Run(t, func(t *testing.T) decisions.KeyStore {
		lg, l := openRecTestLog(t, t.TempDir(), recTestOptions(t), nil)
		t.Cleanup(func() { lg.Close() })
		return decisions.DefaultKeyStore(l)
	})
}

func TestQueryEdges(t *testing.T) {
	ctx := context.Background()
	lg, l := openRecTestLog(t, t.TempDir(), recTestOptions(t), nil)
	defer lg.Close()
	for i := range 10 {
		if _, err := l.Append(ctx, testDecision(i, 5)); err != nil {
			t.Fatal(err)
		}
	}
	far := time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)
	old := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		from, to time.Time
		want     int
	}{{far, old, 0}, {old, far, 10}, {far, time.Time{}, 0}, {time.Time{}, old, 0}, {testT0, testT0.Add(time.Hour), 2}} {
		p, err := l.ByTime(ctx, c.from, c.to, decisions.PageRequest{})
		if err != nil || len(p.Records) != c.want {
			t.Fatalf("[%v, %v): %v, %v", c.from, c.to, p, err)
		}
		n := 0
		if _, err := l.Scan(ctx, decisions.Filter{From: c.from, To: c.to}, func(decisions.Stored) error { n++; return nil }); err != nil || n != c.want {
			t.Fatalf("scan [%v, %v): %d, %v", c.from, c.to, n, err)
		}
	}
	// A cursor cannot leave its query's range.
	p, err := l.BySubject(ctx, "subject-3", decisions.PageRequest{Limit: 1})
	if err != nil || len(p.Records) != 1 {
		t.Fatal(err)
	}
	other, err := l.BySubject(ctx, "subject-2", decisions.PageRequest{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if p.Next == "" || other.Next == "" {
		t.Fatal("no second page")
	}
	for _, cur := range []string{p.Next, other.Next} {
		q, err := l.BySubject(ctx, "subject-4", decisions.PageRequest{Cursor: cur})
		if err == nil && len(q.Records) != 0 {
			t.Fatalf("a foreign cursor returned %d records", len(q.Records))
		}
	}
	if _, err := l.ByModel(ctx, "credit", "1.0", decisions.PageRequest{Limit: decisions.MaxPageSize + 1}); !errors.Is(err, decisions.ErrInvalidQuery) {
		t.Fatal(err)
	}
	if _, err := l.Counts(ctx, decisions.Filter{Version: "1.0"}); !errors.Is(err, decisions.ErrInvalidQuery) {
		t.Fatal(err)
	}
}

// TestLeavesHoldNoPersonalData scans every stored leaf for the subjects,
// their keyed hashes, group values and string inputs of the decisions.
func TestLeavesHoldNoPersonalData(t *testing.T) {
	ctx := context.Background()
	lg, l := openRecTestLog(t, t.TempDir(), recTestOptions(t), nil)
	defer lg.Close()
	var ds []record.Decision
	for i := range 20 {
		d := testDecision(i, 2)
		d.Inputs = append(d.Inputs, record.Feature{Name: "employer", Value: record.String("Acme Widgets Ltd")})
		d.Metadata = map[string]string{"branch": "Northampton"}
		ds = append(ds, d)
	}
	if _, err := l.AppendBatch(ctx, ds); err != nil {
		t.Fatal(err)
	}
	secrets := [][]byte{[]byte("Acme Widgets"), []byte("Northampton"), []byte("female"), []byte("male"), []byte("employer"), []byte("income")}
	for _, s := range []string{"subject-0", "subject-1"} {
		sid := decisions.SubjectIDOf(l, s)
		secrets = append(secrets, []byte(s), sid[:8])
	}
	seen := map[[32]byte]uint64{}
	err := lg.ScanLeaves(ctx, 0, lg.Size(), func(i uint64, leaf []byte) error {
		for _, s := range secrets {
			if bytes.Contains(leaf, s) {
				return fmt.Errorf("leaf %d contains %q", i, s)
			}
		}
		dl, err := record.DecodeLeaf(leaf)
		if err != nil {
			return err
		}
		// No commitment repeats across leaves, though every subject has ten.
		for _, c := range []record.Hash{dl.Commitments.Subject, dl.Commitments.Inputs, dl.Commitments.Groups, dl.Commitments.Metadata, dl.Commitments.Explanation} {
			if j, dup := seen[c]; dup {
				return fmt.Errorf("leaves %d and %d share a commitment", j, i)
			}
			seen[c] = i
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestEraseDuringAppends erases a subject while its decisions are being
// appended: afterwards every decision of the subject is either erased or
// readable, and the subject index lists exactly the readable ones.
func TestEraseDuringAppends(t *testing.T) {
	ctx := context.Background()
	lg, l := openRecTestLog(t, t.TempDir(), recTestOptions(t), nil)
	defer lg.Close()
	const writers, each = 4, 25
	var wg, eraser sync.WaitGroup
	errs := make(chan error, writers+1)
	done := make(chan struct{})
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				d := testDecision(w*each+i, 1) // all for subject-0
				if _, err := l.Append(ctx, d); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	erased, rounds := 0, 0
	eraser.Go(func() {
		for {
			n, err := l.Erase(ctx, "subject-0")
			if err != nil {
				errs <- err
				return
			}
			erased += n
			rounds++
			select {
			case <-done:
				return
			default:
			}
		}
	})
	wg.Wait()
	close(done)
	eraser.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	readable := map[uint64]bool{}
	for i := range writers * each {
		d, err := l.Get(ctx, fmt.Sprintf("dec-%07d", i))
		if err != nil {
			t.Fatal(err)
		}
		switch d.Status {
		case decisions.StatusSealed:
			if d.Payload.Subject != "subject-0" {
				t.Fatalf("payload %+v", d.Payload)
			}
			readable[d.Index] = true
		case decisions.StatusErased:
		default:
			t.Fatalf("status %q", d.Status)
		}
	}
	t.Logf("%d erase rounds erased %d, %d readable", rounds, erased, len(readable))
	if erased+len(readable) != writers*each {
		t.Fatalf("%d erased + %d readable != %d", erased, len(readable), writers*each)
	}
	listed := pageAll(t, 7, func(r decisions.PageRequest) (*decisions.Page, error) { return l.BySubject(ctx, "subject-0", r) })
	if len(listed) != len(readable) {
		t.Fatalf("subject index lists %d, %d are readable", len(listed), len(readable))
	}
	for _, i := range listed {
		if !readable[i] {
			t.Fatalf("subject index lists erased record %d", i)
		}
	}
}

func TestDuplicateIDInOneBatch(t *testing.T) {
	ctx := context.Background()
	lg, l := openRecTestLog(t, t.TempDir(), recTestOptions(t), nil)
	defer lg.Close()
	a, b := testDecision(1, 3), testDecision(1, 3)
	b.Subject = "someone-else"
	res, err := l.AppendBatch(ctx, []record.Decision{a, testDecision(2, 3), b})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Existing || res[1].Existing || !res[2].Existing || res[2].Index != res[0].Index || lg.Size() != 2 {
		t.Fatalf("%+v, size %d", res, lg.Size())
	}
	if p, err := l.BySubject(ctx, "someone-else", decisions.PageRequest{}); err != nil || len(p.Records) != 0 {
		t.Fatalf("the duplicate left an index entry: %v %v", p, err)
	}
}

// TestNamespaces: two decisions layers on one log, in two namespaces, are
// independent: the same id is recorded in each, and neither sees the
// other's records or counters; a layer opened again on its namespace finds
// its own.
func TestNamespaces(t *testing.T) {
	ctx := context.Background()
	lg, err := auditlog.Open(t.TempDir(), recTestOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	a, err := decisions.Open(lg, &decisions.Options{Namespace: "a"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := decisions.Open(lg, &decisions.Options{Namespace: "b"})
	if err != nil {
		t.Fatal(err)
	}
	d := testDecision(1, 3)
	ra, err := a.Append(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := b.Append(ctx, d)
	if err != nil || rb.Existing || rb.Index == ra.Index {
		t.Fatalf("the same id in another namespace: %+v %v (first %+v)", rb, err, ra)
	}
	only := testDecision(2, 3)
	if _, err := a.Append(ctx, only); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Get(ctx, only.ID); !errors.Is(err, decisions.ErrNotFound) {
		t.Fatalf("b sees a's decision: %v", err)
	}
	ca, err := a.Counts(ctx, decisions.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	cb, err := b.Counts(ctx, decisions.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	count := func(cs []record.CountCell) (n uint64) {
		for _, c := range cs {
			n += c.Count
		}
		return n
	}
	if count(ca.Cells) != 2 || count(cb.Cells) != 1 {
		t.Fatalf("counters: a %d, b %d; want 2 and 1", count(ca.Cells), count(cb.Cells))
	}
	again, err := decisions.Open(lg, &decisions.Options{Namespace: "a"})
	if err != nil {
		t.Fatal(err)
	}
	if s, err := again.Get(ctx, only.ID); err != nil || s.Status != decisions.StatusSealed || s.Payload.Subject != only.Subject {
		t.Fatalf("reopened layer: %+v %v", s, err)
	}
	if _, err := decisions.Open(lg, &decisions.Options{Namespace: "bad\x00name"}); !errors.Is(err, auditlog.ErrInvalidOptions) {
		t.Fatalf("a namespace with a NUL byte: %v", err)
	}
}

// TestClosedLog: the layer does not own the log; once the log is closed,
// every method returns auditlog.ErrClosed, and so does Open.
func TestClosedLog(t *testing.T) {
	ctx := context.Background()
	lg, l := openRecTestLog(t, t.TempDir(), recTestOptions(t), nil)
	if _, err := l.Append(ctx, testDecision(1, 3)); err != nil {
		t.Fatal(err)
	}
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}
	for name, call := range map[string]func() error{
		"Append":  func() error { _, err := l.Append(ctx, testDecision(2, 3)); return err },
		"Get":     func() error { _, err := l.Get(ctx, testDecision(1, 3).ID); return err },
		"Counts":  func() error { _, err := l.Counts(ctx, decisions.Filter{}); return err },
		"Erase":   func() error { _, err := l.Erase(ctx, "subject-1"); return err },
		"Receipt": func() error { _, err := l.Receipt(ctx, testDecision(1, 3).ID); return err },
		"Open":    func() error { _, err := decisions.Open(lg, nil); return err },
	} {
		if err := call(); !errors.Is(err, auditlog.ErrClosed) {
			t.Errorf("%s after the log closed: %v, want auditlog.ErrClosed", name, err)
		}
	}
}
