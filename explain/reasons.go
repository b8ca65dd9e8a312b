package explain

import (
	"fmt"
	"slices"
	"strings"
)

// Adverse says which direction of a model's output is the adverse outcome
// for the applicant.
type Adverse int

const (
	// AdverseHigh: a higher output is adverse (the model predicts default or risk).
	AdverseHigh Adverse = iota
	// AdverseLow: a lower output is adverse (the model predicts approval or repayment).
	AdverseLow
)

// DefaultReasonCount is the number of reasons returned when ReasonOptions.K
// is 0: US Regulation B (12 CFR 1002.9, official interpretation) says more
// than four principal reasons are unlikely to be helpful.
const DefaultReasonCount = 4

// ReasonOptions configures [Reasons]. A nil *ReasonOptions means the
// defaults: four reasons, a higher output is adverse, each column its own
// variable, the variable name as the text.
type ReasonOptions struct {
	// K is the maximum number of reasons; 0 means DefaultReasonCount.
	K int
	// Adverse is the direction of the adverse outcome.
	Adverse Adverse
	// Variables maps a column (feature) to the variable it encodes, so that
	// one-hot columns ("purpose=car", "purpose=education") are summed back
	// into one reason ("purpose"). Columns not listed are their own variable.
	// See [GroupByPrefix].
	Variables map[string]string
	// Texts maps a variable to the reason text given to the applicant. When
	// Texts is non-nil every variable of the attribution must have a text:
	// an applicant must never receive a reason that nobody wrote.
	Texts map[string]string
}

// Reason is one principal reason for an adverse outcome.
type Reason struct {
	Variable string `json:"variable"`
	Text     string `json:"text"`
	// Contribution is how much the variable moved the output toward the
	// adverse side, in the attribution's space; always > 0.
	Contribution float64  `json:"contribution"`
	Features     []string `json:"features"` // the columns summed, in attribution order
}

// Reasons returns the variables that pushed the prediction furthest toward
// the adverse outcome, at most K of them, largest first. Only variables with
// a strictly positive push are reasons. Ties are broken by variable name, so
// the result is deterministic.
func Reasons(a *Attribution, opts *ReasonOptions) ([]Reason, error) {
	var o ReasonOptions
	if opts != nil {
		o = *opts
	}
	if o.K == 0 {
		o.K = DefaultReasonCount
	}
	if o.K < 0 {
		return nil, fmt.Errorf("%w: reason count %d", ErrInvalidInput, o.K)
	}
	var sign float64
	switch o.Adverse {
	case AdverseHigh:
		sign = 1
	case AdverseLow:
		sign = -1
	default:
		return nil, fmt.Errorf("%w: adverse direction %d", ErrInvalidInput, o.Adverse)
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	byVar := make(map[string]*Reason)
	var order []*Reason
	for _, c := range a.Contributions {
		v := c.Feature
		if g, ok := o.Variables[c.Feature]; ok {
			if g == "" {
				return nil, fmt.Errorf("%w: feature %q maps to an empty variable name", ErrInvalidInput, c.Feature)
			}
			v = g
		}
		r := byVar[v]
		if r == nil {
			text := v
			if o.Texts != nil {
				t, ok := o.Texts[v]
				if !ok || strings.TrimSpace(t) == "" {
					return nil, fmt.Errorf("%w: no reason text for variable %q", ErrInvalidInput, v)
				}
				text = t
			}
			r = &Reason{Variable: v, Text: text}
			byVar[v] = r
			order = append(order, r)
		}
		r.Contribution += float64(sign * c.Contribution)
		r.Features = append(r.Features, c.Feature)
	}
	out := make([]Reason, 0, o.K)
	for _, r := range order {
		if r.Contribution > 0 {
			out = append(out, *r)
		}
	}
	slices.SortFunc(out, func(x, y Reason) int {
		switch {
		case x.Contribution > y.Contribution:
			return -1
		case x.Contribution < y.Contribution:
			return 1
		}
		return strings.Compare(x.Variable, y.Variable)
	})
	if len(out) > o.K {
		out = out[:o.K]
	}
	return out, nil
}

// GroupByPrefix maps each feature name that contains sep to the part before
// its first sep: with sep "=", "purpose=car" belongs to variable "purpose".
// Names without sep are left out (they are their own variable).
func GroupByPrefix(features []string, sep string) map[string]string {
	m := make(map[string]string)
	if sep == "" {
		return m
	}
	for _, f := range features {
		if i := strings.Index(f, sep); i > 0 {
			m[f] = f[:i]
		}
	}
	return m
}
