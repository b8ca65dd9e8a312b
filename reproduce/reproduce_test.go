package reproduce_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/internal/testkeys"
	"github.com/glassbox-audit/glassbox/reproduce"
)

const origin = "lender.example/glassbox/reproduce-test"

// readModel returns one of explain's XGBoost test models (made by XGBoost
// itself, explain/testdata/gen).
func readModel(t *testing.T, name string) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "explain", "testdata", name+".json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// decide makes the record a lender would write for row: the model's
// explanation and score, the inputs, the artifact's digest.
func decide(t *testing.T, id string, model []byte, row []float64) record.Decision {
	t.Helper()
	m, err := explain.ParseXGBoost(model, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := m.Explain(row, 0)
	if err != nil {
		t.Fatal(err)
	}
	p, err := m.Predict(row, nil)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []record.Feature
	for i, name := range m.FeatureNames() {
		v := record.Number(row[i])
		if math.IsNaN(row[i]) {
			v = record.String("missing")
		}
		inputs = append(inputs, record.Feature{Name: name, Value: v})
	}
	label := "approve"
	if p[0] >= 0.5 {
		label = "decline"
	}
	return record.Decision{
		ID: id, Time: time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC), Subject: "applicant-" + id,
		Model:         record.Model{Name: "credit", Version: "1.0.0", ArtifactDigest: record.Digest(sha256.Sum256(model))},
		Inputs:        inputs,
		Output:        record.Output{Label: label, Score: p[0]},
		Explanation:   &a,
		PolicyVersion: "approve-if-pd-below-0.50",
	}
}

// receiptOf records ds in a real log and returns each one's verified
// receipt.
func receiptsOf(t *testing.T, ds []record.Decision) ([]*receipt.Receipt, []*receipt.Result) {
	t.Helper()
	ctx := context.Background()
	signer, verifier := testkeys.New(t, origin)
	lg, err := auditlog.Open(t.TempDir(), &auditlog.Options{Origin: origin, Signer: signer, Verifier: verifier})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lg.Close() })
	dec, err := decisions.Open(lg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dec.AppendBatch(ctx, ds); err != nil {
		t.Fatal(err)
	}
	var rs []*receipt.Receipt
	var vs []*receipt.Result
	for _, d := range ds {
		r, err := dec.Receipt(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		b, err := r.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if r, err = receipt.Parse(b); err != nil {
			t.Fatal(err)
		}
		v, err := receipt.Verify(r, verifier)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		rs, vs = append(rs, r), append(vs, v)
	}
	return rs, vs
}

func rows(n, features int) [][]float64 {
	out := make([][]float64, n)
	for i := range out {
		out[i] = make([]float64, features)
		for j := range out[i] {
			out[i][j] = float64((i*7+j*13)%23) / 4
			if (i+j)%9 == 0 {
				out[i][j] = math.NaN()
			}
		}
	}
	return out
}

// TestHonestDecisionsReproduce: decisions recorded as a lender records
// them re-execute exactly, on several of XGBoost's own models.
func TestHonestDecisionsReproduce(t *testing.T) {
	for _, name := range []string{"binary_d3", "binary_d8_missing", "dart_d4", "forest_d6"} {
		t.Run(name, func(t *testing.T) {
			model := readModel(t, name)
			m, err := explain.ParseXGBoost(model, nil)
			if err != nil {
				t.Fatal(err)
			}
			var ds []record.Decision
			for i, row := range rows(20, m.NumFeature()) {
				ds = append(ds, decide(t, fmt.Sprintf("%s-%02d", name, i), model, row))
			}
			rs, vs := receiptsOf(t, ds)
			for i := range rs {
				res, err := reproduce.Check(vs[i], rs[i], model)
				if err != nil {
					t.Fatalf("%s: %v", ds[i].ID, err)
				}
				if res.Score != ds[i].Output.Score || len(res.Checked) != 4 || len(res.Unchecked) == 0 {
					t.Fatalf("%s: %+v", ds[i].ID, res)
				}
			}
		})
	}
}

// TestTamperedDecisionsAreNamed: a decision scored with another model but
// recorded under this one's digest, one whose recorded input differs from
// the one the model saw, one whose score was edited, and the wrong model
// file are each reported with what differs.
func TestTamperedDecisionsAreNamed(t *testing.T) {
	model, other := readModel(t, "binary_d3"), readModel(t, "binary_d8_missing")
	m, _ := explain.ParseXGBoost(model, nil)
	mo, _ := explain.ParseXGBoost(other, nil)
	if m.NumFeature() != mo.NumFeature() {
		t.Fatalf("the two models have %d and %d features", m.NumFeature(), mo.NumFeature())
	}
	row := rows(1, m.NumFeature())[0]
	row[1] = 2.5

	honest := decide(t, "honest", model, row)
	otherModel := decide(t, "other-model", other, row)
	otherModel.Model = honest.Model // recorded as if the registered model decided
	alteredInput := decide(t, "altered-input", model, row)
	alteredInput.Inputs[1].Value = record.Number(3.5)
	editedScore := decide(t, "edited-score", model, row)
	editedScore.Output.Score = math.Nextafter(editedScore.Output.Score, 0)

	rs, vs := receiptsOf(t, []record.Decision{honest, otherModel, alteredInput, editedScore})
	for i, c := range []struct {
		model   []byte
		part    reproduce.Part
		feature string
	}{
		{model, "", ""},
		{model, reproduce.PartExplanation, ""},
		{model, reproduce.PartInput, m.FeatureNames()[1]},
		{model, reproduce.PartScore, ""},
	} {
		_, err := reproduce.Check(vs[i], rs[i], c.model)
		if c.part == "" {
			if err != nil {
				t.Fatalf("honest: %v", err)
			}
			continue
		}
		var me *reproduce.MismatchError
		if !errors.As(err, &me) || !errors.Is(err, reproduce.ErrMismatch) || me.Part != c.part || (c.feature != "" && me.Feature != c.feature) {
			t.Errorf("decision %d: %v, want a %s mismatch %s", i, err, c.part, c.feature)
		}
	}
	_, err := reproduce.Check(vs[0], rs[0], other)
	var me *reproduce.MismatchError
	if !errors.As(err, &me) || me.Part != reproduce.PartArtifact || !bytes.Contains([]byte(me.Recorded), []byte("sha256")) {
		t.Errorf("another model file: %v, want an artifact mismatch", err)
	}
	// Without the explanation disclosed there is nothing to re-run.
	r := *rs[0]
	r.Disclosures.Explanation = nil
	if _, err := reproduce.Check(vs[0], &r, model); !errors.Is(err, reproduce.ErrNotDisclosed) {
		t.Errorf("no explanation: %v", err)
	}
}
