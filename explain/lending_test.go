package explain

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"
)

const lendingDir = "../examples/lending/model/"

// TestLendingModel checks the model the lending example ships: XGBoost's
// own outputs for the sample applicants, reason codes for every variable,
// and that protected attributes are not features.
func TestLendingModel(t *testing.T) {
	m, err := LoadXGBoostFile(lendingDir+"model.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Applicants    []string    `json:"applicants"`
		Margins       []float64   `json:"margins"`
		Probabilities []float64   `json:"probabilities"`
		Contribs      [][]float64 `json:"contribs"`
	}
	b, err := os.ReadFile(lendingDir + "expected.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	var texts map[string]string
	b, _ = os.ReadFile(lendingDir + "reasons.json")
	if err := json.Unmarshal(b, &texts); err != nil {
		t.Fatal(err)
	}
	for _, f := range m.FeatureNames() {
		if strings.Contains(strings.ToLower(f), "personal") || f == "Age" || f == "ForeignWorker" {
			t.Fatalf("protected attribute %q is a model feature", f)
		}
	}
	ropts := &ReasonOptions{Adverse: AdverseHigh, Variables: GroupByPrefix(m.FeatureNames(), "="), Texts: texts}
	f, err := os.Open(lendingDir + "applicants.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	k := 0
	for ; sc.Scan(); k++ {
		var obj map[string]any
		if err := json.Unmarshal(sc.Bytes(), &obj); err != nil {
			t.Fatal(err)
		}
		if obj["applicant_id"] != exp.Applicants[k] || obj["sex"] == nil || obj["age_band"] == nil {
			t.Fatalf("applicant %d: %v", k, obj)
		}
		row := make([]float64, m.NumFeature())
		for j, n := range m.FeatureNames() {
			row[j] = obj[n].(float64)
		}
		a, err := m.Explain(row, 0)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := m.Predict(row, nil)
		if math.Abs(a.Output-exp.Margins[k]) > tolXGBoost || math.Abs(p[0]-exp.Probabilities[k]) > tolXGBoost {
			t.Fatalf("applicant %d: margin %v prob %v, XGBoost %v %v", k, a.Output, p[0], exp.Margins[k], exp.Probabilities[k])
		}
		for j, c := range a.Contributions {
			if math.Abs(c.Contribution-exp.Contribs[k][j]) > tolXGBoost {
				t.Fatalf("applicant %d %s: %v, XGBoost %v", k, c.Feature, c.Contribution, exp.Contribs[k][j])
			}
		}
		rs, err := Reasons(&a, ropts)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) > DefaultReasonCount {
			t.Fatalf("%d reasons", len(rs))
		}
	}
	if k != len(exp.Applicants) || k == 0 {
		t.Fatalf("%d applicants, expected.json has %d", k, len(exp.Applicants))
	}
}
