package explain_test

import (
	"encoding/json"
	"fmt"
	"math"
	"os"

	"github.com/glassbox-audit/glassbox/explain"
)

// A reason code list for a model of default: columns pushing the score up
// are adverse; the one-hot purpose columns count as one variable.
func ExampleReasons() {
	a := &explain.Attribution{
		Method: explain.MethodTreeSHAP, Space: explain.SpaceMargin, Base: -1, Output: 0.25,
		Contributions: []explain.Contribution{
			{Feature: "debt_ratio", Value: 0.6, Contribution: 0.75},
			{Feature: "income", Value: 42000, Contribution: -0.5},
			{Feature: "purpose=car", Value: 1, Contribution: 0.5},
			{Feature: "purpose=other", Value: 0, Contribution: 0.125},
			{Feature: "delinquencies", Value: 2, Contribution: 0.375},
		},
	}
	reasons, err := explain.Reasons(a, &explain.ReasonOptions{
		K:         2,
		Adverse:   explain.AdverseHigh,
		Variables: explain.GroupByPrefix([]string{"purpose=car", "purpose=other"}, "="),
		Texts: map[string]string{
			"debt_ratio": "Excessive obligations in relation to income", "income": "Income",
			"purpose": "Purpose of credit", "delinquencies": "Delinquent past or present credit obligations",
		},
	})
	if err != nil {
		panic(err)
	}
	for _, r := range reasons {
		fmt.Printf("%s (%s): %.3f\n", r.Text, r.Variable, r.Contribution)
	}
	// Output:
	// Excessive obligations in relation to income (debt_ratio): 0.750
	// Purpose of credit (purpose): 0.625
}

// The canonical encoding: a missing value is null and marked missing.
func ExampleAttribution_Canonical() {
	a := explain.Attribution{
		Method: explain.MethodLinearSHAP, Space: explain.SpaceMargin, Base: 0.5, Output: 1.25,
		Contributions: []explain.Contribution{{Feature: "income", Value: 52000, Contribution: 0.75}},
	}
	b, _ := a.Canonical()
	fmt.Println(string(b))
	// Output:
	// {"v":1,"method":"linear_shap","space":"margin","class":0,"base":0.5,"output":1.25,"contributions":[{"feature":"income","value":52000,"missing":false,"contribution":0.75}]}
}

// Explaining one applicant with the lending example's XGBoost model.
func ExampleModel_Explain() {
	m, err := explain.LoadXGBoostFile("../examples/lending/model/model.json", nil)
	if err != nil {
		panic(err)
	}
	f, err := os.Open("../examples/lending/model/applicants.jsonl")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	var applicant map[string]any
	if err := json.NewDecoder(f).Decode(&applicant); err != nil {
		panic(err)
	}
	row := make([]float64, m.NumFeature())
	for i, name := range m.FeatureNames() {
		row[i] = applicant[name].(float64) // sex and age_band are not features
	}
	a, err := m.Explain(row, 0)
	if err != nil {
		panic(err)
	}
	sum := a.Base
	for _, c := range a.Contributions {
		sum += c.Contribution
	}
	fmt.Printf("%s: P(default) = %.4f, base + sum of contributions = margin: %v\n",
		applicant["applicant_id"], explain.Sigmoid(a.Output), math.Abs(sum-a.Output) < 1e-9)
	reasons, _ := explain.Reasons(&a, &explain.ReasonOptions{Variables: explain.GroupByPrefix(m.FeatureNames(), "=")})
	for _, r := range reasons {
		fmt.Printf("%s %+.3f\n", r.Variable, r.Contribution)
	}
	// Output:
	// A0001: P(default) = 0.0162, base + sum of contributions = margin: true
	// Amount +0.517
	// Duration +0.331
	// Property +0.082
	// NumberExistingCredits +0.077
}
