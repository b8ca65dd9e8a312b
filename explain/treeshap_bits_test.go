package explain

import (
	"bytes"
	"encoding/csv"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// sameBits compares the new explainer's output for row with the old
// reference's (treeshap_old_test.go), bit for bit.
func sameBits(t *testing.T, what string, e *Explainer, old *oldExplainer, row []float64, class int) {
	t.Helper()
	phi := make([]float64, len(row))
	want := make([]float64, len(row))
	base, margin, err := e.Contributions(row, class, phi)
	wbase, wmargin, werr := old.Contributions(row, class, want)
	if (err == nil) != (werr == nil) {
		t.Fatalf("%s: error %v, reference %v", what, err, werr)
	}
	if err != nil {
		return
	}
	if math.Float64bits(base) != math.Float64bits(wbase) || math.Float64bits(margin) != math.Float64bits(wmargin) {
		t.Fatalf("%s class %d: base %v margin %v, reference %v %v", what, class, base, margin, wbase, wmargin)
	}
	for j := range phi {
		if math.Float64bits(phi[j]) != math.Float64bits(want[j]) {
			t.Fatalf("%s class %d feature %d: %v (%#x), reference %v (%#x)", what, class, j,
				phi[j], math.Float64bits(phi[j]), want[j], math.Float64bits(want[j]))
		}
	}
}

// TestTreeSHAPBitIdenticalVectors: on every committed vector set, every
// row and every output, the explainer gives the reference's bits.
func TestTreeSHAPBitIdenticalVectors(t *testing.T) {
	for _, name := range vectorSets {
		m, _, rows := loadVectors(t, name)
		e, old := m.NewExplainer(), newOldExplainer(m)
		for i, row := range rows {
			for c := range m.NumOutput() {
				sameBits(t, name+" row "+strconv.Itoa(i), e, old, row, c)
			}
		}
	}
}

// TestTreeSHAPBitIdenticalLending: the lending example's model on all
// 1,000 applicants of its data file, and on each applicant with every
// value in turn made missing.
func TestTreeSHAPBitIdenticalLending(t *testing.T) {
	m, err := LoadXGBoostFile(lendingDir+"model.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(lendingDir + "applicants.csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	e, old := m.NewExplainer(), newOldExplainer(m)
	n := 0
	for _, rec := range recs[1:] {
		row := make([]float64, m.NumFeature())
		for j, f := range m.FeatureNames() {
			c, ok := col[f]
			if !ok {
				t.Fatalf("applicants.csv has no column %q", f)
			}
			if row[j], err = strconv.ParseFloat(rec[c], 64); err != nil {
				t.Fatal(err)
			}
		}
		sameBits(t, rec[0], e, old, row, 0)
		if n%10 == 0 {
			for j := range row {
				v := row[j]
				row[j] = math.NaN()
				sameBits(t, rec[0]+" missing "+m.FeatureNames()[j], e, old, row, 0)
				row[j] = v
			}
		}
		n++
	}
	if n != 1000 {
		t.Fatalf("%d applicants, want 1000", n)
	}
}

// TestTreeSHAPBitIdenticalRandomTrees: random trees with repeated
// features on a path and zero-cover branches (randomModel).
func TestTreeSHAPBitIdenticalRandomTrees(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 16))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for k := range n {
		data := make([]byte, 64+r.IntN(192))
		for i := range data {
			data[i] = byte(r.Uint32())
		}
		doc, _, rows := randomModel(data)
		m, err := ParseXGBoost(doc, nil)
		if err != nil {
			t.Fatalf("generated model rejected: %v", err)
		}
		e, old := m.NewExplainer(), newOldExplainer(m)
		for i, row := range rows {
			sameBits(t, "model "+strconv.Itoa(k)+" row "+strconv.Itoa(i), e, old, row, 0)
		}
	}
}

// FuzzTreeSHAPBitIdentical compares the explainer with the reference on
// fuzzed trees, bit for bit.
func FuzzTreeSHAPBitIdentical(f *testing.F) {
	f.Add([]byte{3, 2, 40, 1, 1, 3, 1, 5, 1, 2, 4, 7, 1, 1, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{1, 0, 10, 1, 0, 4, 0, 0, 1, 0, 4, 1, 10, 2, 2, 2, 2, 11, 11})
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, _, rows := randomModel(data)
		m, err := ParseXGBoost(doc, nil)
		if err != nil {
			t.Fatalf("generated model rejected: %v", err)
		}
		e, old := m.NewExplainer(), newOldExplainer(m)
		for _, row := range rows {
			sameBits(t, "fuzzed", e, old, row, 0)
		}
	})
}
