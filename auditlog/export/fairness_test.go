package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/decisions/keystoretest"
	"github.com/glassbox-audit/glassbox/auditlog/export"
	"github.com/glassbox-audit/glassbox/auditlog/export/offline"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/fairness"
	"github.com/glassbox-audit/glassbox/fairness/fairnesslog"
)

// handedKeys is the key store of the decisions log under test: the real
// in-memory store of keystoretest, which also lists the keys it holds, as
// an operator would hand them to a regulator under a data-access order.
type handedKeys struct {
	keystoretest.Memory
	mu   sync.Mutex
	keys map[decisions.SubjectID][]byte
}

func (h *handedKeys) CreateKey(ctx context.Context, id decisions.SubjectID) ([]byte, error) {
	k, err := h.Memory.CreateKey(ctx, id)
	if err == nil {
		h.mu.Lock()
		h.keys[id] = k
		h.mu.Unlock()
	}
	return k, err
}

func (h *handedKeys) DeleteKey(ctx context.Context, id decisions.SubjectID) error {
	err := h.Memory.DeleteKey(ctx, id)
	if err == nil {
		h.mu.Lock()
		delete(h.keys, id)
		h.mu.Unlock()
	}
	return err
}

func (h *handedKeys) list() [][]byte {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out [][]byte
	for _, k := range h.keys {
		out = append(out, k)
	}
	return out
}

var t0 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC) // a Monday

// history appends n decisions over 10 days, two model versions, sex ×
// age band (sex missing for every 13th), weights 1, 0.5 and 2, approval
// rates that differ by group, outcomes for two in three (a second one for
// every 7th: the latest counts), and erases one subject.
func history(t *testing.T, d *decisions.Log, n int) {
	ctx := context.Background()
	var ds []record.Decision
	for i := range n {
		groups := []record.Attr{{Name: "age_band", Value: []string{"18-29", "30-49", "50+"}[(i/2)%3]}, {Name: "sex", Value: []string{"F", "M"}[i%2]}}
		if i%13 == 0 {
			groups = groups[:1]
		}
		label := "decline"
		if (i*7919)%100 < 40+15*(i%2) {
			label = "approve"
		}
		ds = append(ds, record.Decision{
			ID:       fmt.Sprintf("dec-%05d", i),
			Time:     t0.Add(time.Duration(i%10)*24*time.Hour + time.Duration(i)*time.Second),
			Subject:  fmt.Sprintf("subject-%d", i%41),
			Model:    record.Model{Name: "credit", Version: []string{"1.0", "1.1"}[(i/3)%2], ArtifactDigest: record.Digest{1}},
			Inputs:   []record.Feature{{Name: "income", Value: record.Number(30000 + float64(i))}},
			Output:   record.Output{Label: label, Score: float64(i%100) / 100},
			Groups:   groups,
			Weight:   []float64{0, 0.5, 2}[i%3],
			Metadata: map[string]string{"channel": []string{"web", "branch"}[i%2]},
		})
	}
	if _, err := d.AppendBatch(ctx, ds); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if i%3 == 2 {
			continue
		}
		o := record.Outcome{DecisionID: ds[i].ID, Time: ds[i].Time.Add(24 * time.Hour), Label: []string{"repaid", "default"}[(i/5)%2]}
		if _, err := d.AppendOutcome(ctx, o); err != nil {
			t.Fatal(err)
		}
		if i%7 == 0 {
			o.Time, o.Label = o.Time.Add(24*time.Hour), "repaid"
			if _, err := d.AppendOutcome(ctx, o); err != nil {
				t.Fatal(err)
			}
		}
	}
	if k, err := d.Erase(ctx, "subject-5"); err != nil || k == 0 {
		t.Fatalf("erase: %d %v", k, err)
	}
}

// exportSource is what a regulator builds from a verified export and the
// subjects' keys: a fairness.CountSource from the export's counters and a
// fairness.DecisionSource from its leaves (decoded with package record)
// and payloads (opened with the keys).
type exportSource struct {
	e    *offline.Export
	keys [][]byte
}

func (s exportSource) checkpoint() fairness.Checkpoint {
	c := s.e.Checkpoint
	return fairness.Checkpoint{Origin: c.Origin, Size: c.Size, Root: c.Root, Note: c.Note}
}

func (s exportSource) FairnessCounts(ctx context.Context, model, version string, from, to time.Time) ([]record.CountCell, fairness.Checkpoint, error) {
	return s.e.Counters, s.checkpoint(), nil
}

func (s exportSource) ScanFairness(ctx context.Context, model, version string, from, to time.Time, fn func(*fairness.Decision) error) (fairness.Checkpoint, error) {
	if s.e.From != 0 || s.e.To != s.e.Checkpoint.Size || !s.e.HasPayloads {
		return fairness.Checkpoint{}, fmt.Errorf("a scan needs every leaf and the payloads")
	}
	sealed := map[uint64][]byte{}
	for _, p := range s.e.Payloads {
		sealed[p.Index] = p.Sealed
	}
	// The latest outcome of each decision: outcome leaves name the decision
	// by id; a later one supersedes an earlier one.
	ids := map[string]uint64{}
	latest := map[uint64]string{}
	leaves := make([]*record.Leaf, len(s.e.Leaves))
	for i, b := range s.e.Leaves {
		l, err := record.DecodeLeaf(b)
		if err != nil {
			return fairness.Checkpoint{}, fmt.Errorf("leaf %d: %w", i, err)
		}
		leaves[i] = l
		switch l.Kind {
		case record.KindDecision:
			ids[l.DecisionID] = uint64(i)
		case record.KindOutcome:
			latest[ids[l.DecisionID]] = l.OutcomeLabel
		}
	}
	for i, l := range leaves {
		if l.Kind != record.KindDecision {
			continue
		}
		d := &fairness.Decision{
			Index: uint64(i), ID: l.DecisionID, Time: l.Time, Model: l.Model.Name, Version: l.Model.Version,
			Label: l.Output.Label, Outcome: latest[uint64(i)], Weight: 1, Erased: true,
		}
		if sb, ok := sealed[uint64(i)]; ok {
			p, err := s.open(l, s.e.Leaves[i], sb)
			if err != nil {
				return fairness.Checkpoint{}, fmt.Errorf("payload of leaf %d: %w", i, err)
			}
			d.Erased, d.Groups, d.Metadata, d.Weight = false, p.Groups, p.Metadata, p.Weight
		}
		if err := fn(d); err != nil {
			return fairness.Checkpoint{}, err
		}
	}
	return s.checkpoint(), nil
}

// open opens a sealed payload with whichever handed key seals it.
func (s exportSource) open(l *record.Leaf, leaf, sealed []byte) (*record.Payload, error) {
	for _, k := range s.keys {
		if p, err := record.Open(k, l.DecisionID, leaf, sealed); err == nil {
			return p, nil
		}
	}
	return nil, fmt.Errorf("no handed key opens it")
}

// TestFairnessFromExport: a regulator who holds only an export (verified
// offline with the log's key) and the subjects' keys computes fairness
// reports, from the counters and from a scan of the decisions, that equal
// byte for byte those the operator computes from the live log.
func TestFairnessFromExport(t *testing.T) {
	ctx := context.Background()
	s, v := keys(t)
	lg, err := auditlog.Open(filepath.Join(t.TempDir(), "log"), &auditlog.Options{Signer: s, Verifier: v, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	ks := &handedKeys{keys: map[decisions.SubjectID][]byte{}}
	d, err := decisions.Open(lg, &decisions.Options{KeyStore: ks})
	if err != nil {
		t.Fatal(err)
	}
	n := 400
	if testing.Short() {
		n = 120
	}
	history(t, d, n)

	var b bytes.Buffer
	if err := export.Write(ctx, &b, lg, &export.Options{Records: export.DecisionRecords{Log: d}, Payloads: true, Counters: true}); err != nil {
		t.Fatal(err)
	}
	e, err := offline.Verify(&b, v, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e.Checkpoint.Size != lg.Size() || len(e.Payloads) == 0 || len(e.Payloads) >= n || len(e.Counters) == 0 {
		t.Fatalf("export of size %d (log %d) with %d payloads and %d counters", e.Checkpoint.Size, lg.Size(), len(e.Payloads), len(e.Counters))
	}
	reg := exportSource{e: e, keys: ks.list()}
	live := fairnesslog.Source(d)

	spec := fairness.Spec{Favourable: []string{"approve"}, Outcomes: true, FavourableOutcomes: []string{"repaid"}, Replicates: 200, Seed: 7}
	queries := []fairness.Query{
		{Model: "credit", By: []string{"sex"}, Spec: spec},
		{Model: "credit", Version: "1.1", By: []string{"sex", "age_band"}, Window: fairness.Week, Spec: spec},
		{Model: "credit", By: []string{"age_band"}, Window: fairness.Day, Spec: spec,
			From: time.Date(2026, 11, 4, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 11, 9, 0, 0, 0, 0, time.UTC)},
		{By: []string{"age_band", "sex"}, Spec: fairness.Spec{Favourable: []string{"approve"}, Replicates: -1}},
	}
	var erased uint64
	for i, q := range queries {
		for _, path := range []string{"counters", "scan"} {
			var want, got *fairness.Report
			var werr, gerr error
			if path == "counters" {
				want, werr = fairness.NewReport(ctx, live, &q)
				got, gerr = fairness.NewReport(ctx, reg, &q)
			} else {
				want, werr = fairness.ScanReport(ctx, live, &q, nil)
				got, gerr = fairness.ScanReport(ctx, reg, &q, nil)
			}
			if werr != nil || gerr != nil {
				t.Fatalf("query %d (%s): live %v, export %v", i, path, werr, gerr)
			}
			wb, gb := mustJSON(t, want), mustJSON(t, got)
			if !bytes.Equal(wb, gb) {
				t.Fatalf("query %d (%s): the report from the export differs from the live one:\nlive   %s\nexport %s", i, path, wb, gb)
			}
			if want.Decisions == 0 || want.Metrics == nil {
				t.Fatalf("query %d (%s): an empty report proves little: %s", i, path, wb)
			}
			erased = max(erased, want.Erased)
		}
	}
	if erased == 0 {
		t.Fatal("no scan report left out an erased decision: the erasure went unexercised")
	}
	// The regulator's scan reads only what the export proves: changing one
	// payload's leaf in the export fails verification before any report.
	var again bytes.Buffer
	if err := export.Write(ctx, &again, lg, &export.Options{Records: export.DecisionRecords{Log: d}, Payloads: true, Counters: true}); err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(again.Bytes(), []byte("\n"))
	i := slices.IndexFunc(lines, func(l []byte) bool { return bytes.HasPrefix(l, []byte(`{"type":"leaf","index":3,`)) })
	changed := bytes.Replace(lines[i], []byte(`"leaf":"A`), []byte(`"leaf":"B`), 1)
	if bytes.Equal(changed, lines[i]) {
		t.Fatalf("leaf line %q does not start as expected", lines[i])
	}
	lines[i] = changed
	if _, err := offline.Verify(bytes.NewReader(bytes.Join(lines, nil)), v, nil); err == nil {
		t.Fatal("an export with a changed leaf verified")
	}
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
