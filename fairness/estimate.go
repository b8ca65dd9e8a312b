package fairness

import "encoding/json"

// Estimate is a metric [Value] with a confidence interval: a Wilson score
// interval for a group's rate, a bootstrap percentile interval for a
// difference or a ratio. CI is undefined (with a reason) when there is none.
//
// In JSON: {"value": v, "ci": {"lo": a, "hi": b}}, or with "value": null and
// "undefined": "reason" when the value does not exist.
type Estimate struct {
	Value
	CI Interval
}

type estimateJSON struct {
	Value     *float64  `json:"value"`
	Undefined string    `json:"undefined,omitempty"`
	CI        *Interval `json:"ci,omitempty"`
}

// MarshalJSON implements [json.Marshaler].
func (e Estimate) MarshalJSON() ([]byte, error) {
	var j estimateJSON
	if e.Defined {
		v := e.V
		j.Value = &v
	} else {
		j.Undefined = e.Reason
		if j.Undefined == "" {
			j.Undefined = "undefined"
		}
	}
	ci := e.CI
	if ci.Defined || ci.Reason != "" {
		j.CI = &ci
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements [json.Unmarshaler].
func (e *Estimate) UnmarshalJSON(b []byte) error {
	var j estimateJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*e = Estimate{}
	if j.Value != nil {
		e.Value = Value{V: *j.Value, Defined: true}
	} else {
		e.Value = Value{Reason: j.Undefined}
		if e.Reason == "" {
			e.Reason = "undefined"
		}
	}
	if j.CI != nil {
		e.CI = *j.CI
	}
	return nil
}
