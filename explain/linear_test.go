package explain

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
)

// gblinearWeights reads the weights of an XGBoost gblinear model: one per
// feature, then the bias.
func gblinearWeights(t *testing.T, data []byte) (coef []float64, bias, baseScore float64) {
	t.Helper()
	var doc struct {
		Learner struct {
			GradientBooster struct {
				Model struct {
					Weights []float64 `json:"weights"`
				} `json:"model"`
			} `json:"gradient_booster"`
			LearnerModelParam struct {
				BaseScore string `json:"base_score"`
			} `json:"learner_model_param"`
		} `json:"learner"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	w := doc.Learner.GradientBooster.Model.Weights
	bs, err := parseXGBFloat(doc.Learner.LearnerModelParam.BaseScore)
	if err != nil {
		t.Fatal(err)
	}
	return w[:len(w)-1], w[len(w)-1], float64(float32(bs))
}

// TestLinearAgainstXGBoost: with zero means, linear SHAP is what XGBoost's
// gblinear pred_contribs reports (w_i·x_i, bias = intercept + base margin).
func TestLinearAgainstXGBoost(t *testing.T) {
	for _, c := range []struct {
		name     string
		logistic bool
	}{{"linear_logistic", true}, {"linear_squarederror", false}} {
		var v vectors
		if err := json.Unmarshal(readGz(t, "testdata/"+c.name+".vectors.json.gz"), &v); err != nil {
			t.Fatal(err)
		}
		raw := readGz(t, "testdata/"+v.Model)
		if _, err := ParseXGBoost(raw, nil); !errors.Is(err, ErrUnsupported) {
			t.Fatalf("gblinear through the tree loader: %v", err)
		}
		coef, bias, bs := gblinearWeights(t, raw)
		intercept := bias + bs
		if c.logistic {
			intercept = bias + math.Log(bs/(1-bs))
		}
		l := &Linear{Coef: coef, Intercept: intercept, Logistic: c.logistic}
		for i := range coef {
			l.Features = append(l.Features, "f"+string(rune('0'+i)))
		}
		for r, rr := range v.Rows {
			row := make([]float64, len(rr))
			for j, x := range rr {
				row[j] = *x
			}
			a, err := l.Explain(row)
			if err != nil {
				t.Fatal(err)
			}
			want := v.Contribs[r][0]
			for j, ct := range a.Contributions {
				if math.Abs(ct.Contribution-want[j]) > tolXGBoost {
					t.Fatalf("%s row %d feature %d: %v, XGBoost %v", c.name, r, j, ct.Contribution, want[j])
				}
			}
			if math.Abs(a.Base-want[len(want)-1]) > tolXGBoost || math.Abs(a.Output-v.Margins[r][0]) > tolXGBoost {
				t.Fatalf("%s row %d: base %v output %v, XGBoost %v %v", c.name, r, a.Base, a.Output, want[len(want)-1], v.Margins[r][0])
			}
			p, _ := l.Predict(row)
			if math.Abs(p-v.Predictions[r][0]) > tolXGBoost {
				t.Fatalf("%s row %d: prediction %v, XGBoost %v", c.name, r, p, v.Predictions[r][0])
			}
		}
	}
}

// TestLinearWithMeans checks linear SHAP with a background against the
// Shapley definition: with independent features, v(S) = f(x_S, mean_rest).
func TestLinearWithMeans(t *testing.T) {
	l := &Linear{Features: []string{"a", "b", "c"}, Coef: []float64{2, -1, 0.5}, Intercept: 0.25,
		Means: []float64{1, 3, -2}, Logistic: true}
	row := []float64{4, 1, -2}
	a, err := l.Explain(row)
	if err != nil {
		t.Fatal(err)
	}
	v := func(s int) float64 { // value of coalition s
		m := l.Intercept
		for i := range 3 {
			x := l.Means[i]
			if s&(1<<i) != 0 {
				x = row[i]
			}
			m += l.Coef[i] * x
		}
		return m
	}
	for i := range 3 {
		phi := 0.0
		for s := range 8 {
			if s&(1<<i) != 0 {
				continue
			}
			size := 0
			for j := range 3 {
				if s&(1<<j) != 0 {
					size++
				}
			}
			w := []float64{1.0 / 3, 1.0 / 6, 1.0 / 3}[size]
			phi += w * (v(s|1<<i) - v(s))
		}
		if math.Abs(phi-a.Contributions[i].Contribution) > 1e-12 {
			t.Fatalf("feature %d: %v, Shapley %v", i, a.Contributions[i].Contribution, phi)
		}
	}
	if a.Base != v(0) || a.Output != v(7) {
		t.Fatalf("base %v output %v, want %v %v", a.Base, a.Output, v(0), v(7))
	}
	if a.Contributions[2].Contribution != 0 {
		t.Fatal("a feature at its mean must contribute 0")
	}
	for _, bad := range [][]float64{{1, 2}, {1, math.NaN(), 2}, {math.Inf(1), 0, 0}} {
		if _, err := l.Explain(bad); err == nil {
			t.Errorf("row %v accepted", bad)
		}
	}
	if _, err := (&Linear{Features: []string{"a"}, Coef: []float64{1, 2}}).Explain([]float64{1}); !errors.Is(err, ErrFeatureCount) {
		t.Errorf("coefficient count: %v", err)
	}
	if _, err := (&Linear{Features: []string{"a", "a"}, Coef: []float64{1, 2}}).Explain([]float64{1, 1}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("duplicate names: %v", err)
	}
}
