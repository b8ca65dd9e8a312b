package fairness

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// Value is a metric value that may be undefined. When Defined is false, V is 0
// and Reason says why the value does not exist (an empty group, a zero
// denominator, fewer than two comparable groups). A Value is never NaN or
// infinite: such a result is reported as undefined with a reason instead.
//
// In JSON a defined Value is {"value": v}; an undefined one is
// {"value": null, "undefined": "reason"}.
type Value struct {
	V       float64
	Defined bool
	Reason  string
}

// Reasons used for undefined values.
const (
	ReasonEmptyGroup      = "the group has no decisions"
	ReasonZeroDenominator = "zero denominator"
	ReasonNoPositives     = "no favourable outcomes in the group (true positive rate has a zero denominator)"
	ReasonNoNegatives     = "no unfavourable outcomes in the group (false positive rate has a zero denominator)"
	ReasonFewGroups       = "fewer than two groups with a defined value"
	ReasonNoReference     = "the reference group's value is undefined"
	ReasonZeroReference   = "the reference group's value is zero"
	ReasonInfinite        = "infinite (a zero in the denominator of the odds ratio)"
	ReasonNoOutcomes      = "outcome metrics were not requested"
	ReasonTooFewSamples   = "too few bootstrap replicates with a defined value"
)

// Defined returns a defined [Value] holding v. If v is NaN or infinite it
// returns an undefined Value instead, so that no NaN or Inf ever escapes.
func defined(v float64) Value {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Value{Reason: "not a finite number"}
	}
	return Value{V: v, Defined: true}
}

func undefined(reason string) Value { return Value{Reason: reason} }

// String formats a defined value with 4 decimals and an undefined one as "undefined".
func (v Value) String() string {
	if !v.Defined {
		return "undefined"
	}
	return strconv.FormatFloat(v.V, 'f', 4, 64)
}

type valueJSON struct {
	Value     *float64 `json:"value"`
	Undefined string   `json:"undefined,omitempty"`
}

// MarshalJSON implements [json.Marshaler].
func (v Value) MarshalJSON() ([]byte, error) {
	if !v.Defined {
		r := v.Reason
		if r == "" {
			r = "undefined"
		}
		return json.Marshal(valueJSON{Undefined: r})
	}
	x := v.V
	return json.Marshal(valueJSON{Value: &x})
}

// UnmarshalJSON implements [json.Unmarshaler].
func (v *Value) UnmarshalJSON(b []byte) error {
	var j valueJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if j.Value == nil {
		if j.Undefined == "" {
			return fmt.Errorf("%w: value is null without a reason", ErrInvalid)
		}
		*v = Value{Reason: j.Undefined}
		return nil
	}
	if j.Undefined != "" {
		return fmt.Errorf("%w: value is both defined and undefined", ErrInvalid)
	}
	*v = Value{V: *j.Value, Defined: true}
	return nil
}

// Interval is a two-sided confidence interval. It is undefined (Defined
// false, with a Reason) when it cannot be computed.
type Interval struct {
	Lo, Hi  float64
	Defined bool
	Reason  string
}

type intervalJSON struct {
	Lo        *float64 `json:"lo"`
	Hi        *float64 `json:"hi"`
	Undefined string   `json:"undefined,omitempty"`
}

// MarshalJSON implements [json.Marshaler]: {"lo": a, "hi": b} or
// {"lo": null, "hi": null, "undefined": "reason"}.
func (iv Interval) MarshalJSON() ([]byte, error) {
	if !iv.Defined {
		r := iv.Reason
		if r == "" {
			r = "undefined"
		}
		return json.Marshal(intervalJSON{Undefined: r})
	}
	lo, hi := iv.Lo, iv.Hi
	return json.Marshal(intervalJSON{Lo: &lo, Hi: &hi})
}

// UnmarshalJSON implements [json.Unmarshaler].
func (iv *Interval) UnmarshalJSON(b []byte) error {
	var j intervalJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if j.Lo == nil || j.Hi == nil {
		*iv = Interval{Reason: j.Undefined}
		if iv.Reason == "" {
			iv.Reason = "undefined"
		}
		return nil
	}
	*iv = Interval{Lo: *j.Lo, Hi: *j.Hi, Defined: true}
	return nil
}

// String formats the interval as "[lo, hi]" or "undefined".
func (iv Interval) String() string {
	if !iv.Defined {
		return "undefined"
	}
	return "[" + strconv.FormatFloat(iv.Lo, 'f', 4, 64) + ", " + strconv.FormatFloat(iv.Hi, 'f', 4, 64) + "]"
}
