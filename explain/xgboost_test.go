package explain

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// vectors is one file written by testdata/gen/gen_vectors.py: XGBoost's own
// outputs for a model it trained.
type vectors struct {
	XGBoostVersion string         `json:"xgboost_version"`
	Model          string         `json:"model"`
	NumFeature     int            `json:"num_feature"`
	NumClass       int            `json:"num_class"`
	Rows           [][]*float64   `json:"rows"`
	Margins        [][]float64    `json:"margins"`
	Predictions    [][]float64    `json:"predictions"`
	Contribs       [][][]float64  `json:"contribs"`
	Params         map[string]any `json:"params"`
}

func readGz(t testing.TB, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func loadVectors(t testing.TB, name string) (*Model, *vectors, [][]float64) {
	t.Helper()
	var v vectors
	if err := json.Unmarshal(readGz(t, filepath.Join("testdata", name+".vectors.json.gz")), &v); err != nil {
		t.Fatal(err)
	}
	m, err := ParseXGBoost(readGz(t, filepath.Join("testdata", v.Model)), nil)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	rows := make([][]float64, len(v.Rows))
	for i, r := range v.Rows {
		rows[i] = make([]float64, len(r))
		for j, x := range r {
			if x == nil {
				rows[i][j] = math.NaN()
			} else {
				rows[i][j] = *x
			}
		}
	}
	return m, &v, rows
}

var vectorSets = []string{
	"binary_d3", "binary_d8_missing", "reglogistic_d4", "squarederror_d6",
	"softprob_d5", "dart_d4", "binary_d5_nomissing", "bench_d7_150", "forest_d6", "softprob_dart_d3",
}

const (
	tolXGBoost    = 1e-5 // XGBoost computes in float32
	tolAdditivity = 1e-9
)

func TestAgainstXGBoost(t *testing.T) {
	for _, name := range vectorSets {
		t.Run(name, func(t *testing.T) {
			m, v, rows := loadVectors(t, name)
			if m.NumFeature() != v.NumFeature || m.NumOutput() != v.NumClass {
				t.Fatalf("features/outputs = %d/%d, want %d/%d", m.NumFeature(), m.NumOutput(), v.NumFeature, v.NumClass)
			}
			e := m.NewExplainer()
			phi := make([]float64, m.NumFeature())
			var worstC, worstM, worstAdd float64
			for r, row := range rows {
				margins, err := m.Margin(row, nil)
				if err != nil {
					t.Fatal(err)
				}
				preds, err := m.Predict(row, nil)
				if err != nil {
					t.Fatal(err)
				}
				for c := range m.NumOutput() {
					worstM = max(worstM, math.Abs(margins[c]-v.Margins[r][c]))
					if d := math.Abs(preds[c] - v.Predictions[r][c]); d > tolXGBoost {
						t.Errorf("row %d class %d: prediction %v, XGBoost %v", r, c, preds[c], v.Predictions[r][c])
					}
					base, margin, err := e.Contributions(row, c, phi)
					if err != nil {
						t.Fatal(err)
					}
					if margin != margins[c] {
						t.Errorf("row %d class %d: explainer margin %v != Margin %v", r, c, margin, margins[c])
					}
					want := v.Contribs[r][c]
					sum := base
					for j, p := range phi {
						worstC = max(worstC, math.Abs(p-want[j]))
						sum += p
					}
					worstC = max(worstC, math.Abs(base-want[len(want)-1]))
					worstAdd = max(worstAdd, math.Abs(sum-margin))
				}
			}
			t.Logf("xgboost %s, %d rows: max |Δcontrib| %.2g, max |Δmargin| %.2g, max additivity error %.2g",
				v.XGBoostVersion, len(rows), worstC, worstM, worstAdd)
			if worstC > tolXGBoost {
				t.Errorf("contributions differ from XGBoost's pred_contribs by %g > %g", worstC, tolXGBoost)
			}
			if worstM > tolXGBoost {
				t.Errorf("margins differ from XGBoost's by %g > %g", worstM, tolXGBoost)
			}
			if worstAdd > tolAdditivity {
				t.Errorf("base + sum(contributions) differs from the margin by %g > %g", worstAdd, tolAdditivity)
			}
		})
	}
}
