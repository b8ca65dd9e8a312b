package explain

import (
	"fmt"
)

// Linear is a linear model, margin = Intercept + Σ Coef[i]·x[i], optionally
// followed by the logistic link (a logistic regression). Its exact SHAP
// values, with features treated as independent, are
//
//	φ_i = Coef[i]·(x[i] − Means[i]),  base = Intercept + Σ Coef[i]·Means[i]
//
// in margin space (log-odds for a logistic model), where Means are the
// feature means over the background (training) data.
type Linear struct {
	Features  []string
	Coef      []float64
	Intercept float64
	Means     []float64 // nil: all zero (contributions Coef[i]·x[i], as XGBoost's gblinear reports)
	Logistic  bool
}

// Validate checks that the model is usable: matching lengths, unique
// non-empty names, finite numbers.
func (l *Linear) Validate() error {
	n := len(l.Features)
	if n == 0 {
		return fmt.Errorf("%w: linear model without features", ErrInvalidInput)
	}
	if len(l.Coef) != n {
		return fmt.Errorf("%w: %d coefficients for %d features", ErrFeatureCount, len(l.Coef), n)
	}
	if l.Means != nil && len(l.Means) != n {
		return fmt.Errorf("%w: %d means for %d features", ErrFeatureCount, len(l.Means), n)
	}
	if !finite(l.Intercept) {
		return fmt.Errorf("%w: intercept %v is not finite", ErrInvalidInput, l.Intercept)
	}
	seen := make(map[string]struct{}, n)
	for i, f := range l.Features {
		if f == "" {
			return fmt.Errorf("%w: feature %d has an empty name", ErrInvalidInput, i)
		}
		if _, dup := seen[f]; dup {
			return fmt.Errorf("%w: duplicate feature %q", ErrInvalidInput, f)
		}
		seen[f] = struct{}{}
		if !finite(l.Coef[i]) || (l.Means != nil && !finite(l.Means[i])) {
			return fmt.Errorf("%w: feature %q has a non-finite coefficient or mean", ErrInvalidInput, f)
		}
	}
	return nil
}

func (l *Linear) mean(i int) float64 {
	if l.Means == nil {
		return 0
	}
	return l.Means[i]
}

func (l *Linear) checkRow(row []float64) error {
	if err := l.Validate(); err != nil {
		return err
	}
	if len(row) != len(l.Features) {
		return fmt.Errorf("%w: row has %d values, model has %d features", ErrFeatureCount, len(row), len(l.Features))
	}
	for i, v := range row {
		if !finite(v) {
			return fmt.Errorf("%w: feature %q is %v; a linear model needs every value", ErrInvalidInput, l.Features[i], v)
		}
	}
	return nil
}

// Margin returns Intercept + Σ Coef[i]·x[i].
func (l *Linear) Margin(row []float64) (float64, error) {
	if err := l.checkRow(row); err != nil {
		return 0, err
	}
	m := l.Intercept
	for i, v := range row {
		m += float64(l.Coef[i] * v)
	}
	return m, nil
}

// Predict returns the margin, or its sigmoid for a logistic model.
func (l *Linear) Predict(row []float64) (float64, error) {
	m, err := l.Margin(row)
	if err != nil || !l.Logistic {
		return m, err
	}
	return Sigmoid(m), nil
}

// Explain returns the linear SHAP attribution of row in margin space.
// Every value must be present and finite.
func (l *Linear) Explain(row []float64) (Attribution, error) {
	margin, err := l.Margin(row)
	if err != nil {
		return Attribution{}, err
	}
	a := Attribution{Method: MethodLinearSHAP, Space: SpaceMargin, Base: l.Intercept, Output: margin,
		Contributions: make([]Contribution, len(row))}
	for i, v := range row {
		a.Base += float64(l.Coef[i] * l.mean(i))
		a.Contributions[i] = Contribution{Feature: l.Features[i], Value: v, Contribution: l.Coef[i] * (v - l.mean(i))}
	}
	if !finite(a.Base) || !finite(a.Output) {
		return Attribution{}, fmt.Errorf("%w: the margin overflows (%v)", ErrInvalidInput, a.Output)
	}
	for _, c := range a.Contributions {
		if !finite(c.Contribution) {
			return Attribution{}, fmt.Errorf("%w: contribution of %q overflows", ErrInvalidInput, c.Feature)
		}
	}
	return a, nil
}
