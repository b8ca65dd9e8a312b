package record

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ValueKind is the type of a feature value. Its numeric value is the kind
// byte of the canonical encoding.
type ValueKind uint8

// Value kinds.
const (
	KindNumber  ValueKind = 1 // a finite float64
	KindInteger ValueKind = 2 // an int64
	KindString  ValueKind = 3 // a UTF-8 string
	KindBool    ValueKind = 4 // a bool
)

func (k ValueKind) String() string {
	switch k {
	case KindNumber:
		return "number"
	case KindInteger:
		return "integer"
	case KindString:
		return "string"
	case KindBool:
		return "bool"
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Value is a typed feature value. The zero Value has no kind and fails
// validation; build values with [Number], [Integer], [String] and [Bool].
type Value struct {
	kind ValueKind
	num  float64
	i    int64
	s    string
	b    bool
}

// Number returns a number value. NaN and infinities fail validation.
func Number(f float64) Value { return Value{kind: KindNumber, num: f} }

// Integer returns an integer value.
func Integer(i int64) Value { return Value{kind: KindInteger, i: i} }

// String returns a string value.
func String(s string) Value { return Value{kind: KindString, s: s} }

// Bool returns a bool value.
func Bool(b bool) Value { return Value{kind: KindBool, b: b} }

// Kind returns the value's kind, 0 for the zero Value.
func (v Value) Kind() ValueKind { return v.kind }

// Float returns the number held by a [KindNumber] value.
func (v Value) Float() (float64, bool) { return v.num, v.kind == KindNumber }

// Int returns the integer held by a [KindInteger] value.
func (v Value) Int() (int64, bool) { return v.i, v.kind == KindInteger }

// Str returns the string held by a [KindString] value.
func (v Value) Str() (string, bool) { return v.s, v.kind == KindString }

// Boolean returns the bool held by a [KindBool] value.
func (v Value) Boolean() (bool, bool) { return v.b, v.kind == KindBool }

// Equal reports whether two values have the same kind and the same canonical
// encoding (so 0.0 and -0.0 are equal).
func (v Value) Equal(w Value) bool {
	if v.kind != w.kind {
		return false
	}
	switch v.kind {
	case KindNumber:
		return math.Float64bits(v.num+0) == math.Float64bits(w.num+0) // -0 + 0 is +0
	case KindInteger:
		return v.i == w.i
	case KindString:
		return v.s == w.s
	case KindBool:
		return v.b == w.b
	}
	return true // two zero Values
}

func (v Value) String() string {
	switch v.kind {
	case KindNumber:
		return strconv.FormatFloat(v.num, 'g', -1, 64)
	case KindInteger:
		return strconv.FormatInt(v.i, 10)
	case KindString:
		return strconv.Quote(v.s)
	case KindBool:
		return strconv.FormatBool(v.b)
	}
	return "<no value>"
}

// check returns why v is not a valid value, or "".
func (v Value) check() string {
	switch v.kind {
	case KindNumber:
		if math.IsNaN(v.num) || math.IsInf(v.num, 0) {
			return "NaN and infinities are not allowed"
		}
	case KindInteger, KindBool:
	case KindString:
		if r := checkString(v.s, MaxValueLen, false); r != "" {
			return r
		}
	default:
		return "no value (set exactly one of number, integer, string, bool)"
	}
	return ""
}

func (e *encoder) value(field string, v Value) {
	e.u8(byte(v.kind))
	switch v.kind {
	case KindNumber:
		e.f64(field, v.num)
	case KindInteger:
		e.i64(v.i)
	case KindString:
		e.str(field, v.s, MaxValueLen)
	case KindBool:
		e.boolean(v.b)
	default:
		e.fail(field, "no value")
	}
}

func (d *decoder) value(field string) Value {
	at := d.off
	k := ValueKind(d.u8(field + ".kind"))
	switch k {
	case KindNumber:
		return Number(d.f64(field))
	case KindInteger:
		return Integer(d.i64(field))
	case KindString:
		return String(d.str(field, MaxValueLen, false))
	case KindBool:
		return Bool(d.boolean(field))
	}
	if d.err == nil {
		d.off = at
		d.fail(field+".kind", fmt.Errorf("%w: value kind %d", ErrUnknownKind, k))
	}
	return Value{}
}

// Feature is one named, typed model input.
//
// In JSON a feature is an object with "name" and exactly one of "number",
// "integer", "string" or "bool":
//
//	{"name": "income", "number": 52000.5}
//	{"name": "age", "integer": 41}
type Feature struct {
	Name  string
	Value Value
}

type featureJSON struct {
	Name    string          `json:"name"`
	Number  *float64        `json:"number,omitempty"`
	Integer json.RawMessage `json:"integer,omitempty"`
	String  *string         `json:"string,omitempty"`
	Bool    *bool           `json:"bool,omitempty"`
}

// MarshalJSON encodes f in the form documented on [Feature].
func (f Feature) MarshalJSON() ([]byte, error) {
	w := featureJSON{Name: f.Name}
	switch f.Value.kind {
	case KindNumber:
		if r := f.Value.check(); r != "" {
			return nil, fmt.Errorf("record: feature %q: %s", f.Name, r)
		}
		n := f.Value.num
		if n == 0 {
			n = 0
		}
		w.Number = &n
	case KindInteger:
		w.Integer = json.RawMessage(strconv.FormatInt(f.Value.i, 10))
	case KindString:
		w.String = &f.Value.s
	case KindBool:
		w.Bool = &f.Value.b
	default:
		return nil, fmt.Errorf("record: feature %q has no value", f.Name)
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes the form documented on [Feature]; unknown fields, a
// missing value, or more than one value are errors. Integers must be written
// without fraction or exponent and fit in an int64.
func (f *Feature) UnmarshalJSON(b []byte) error {
	var w featureJSON
	if err := strictUnmarshal(b, &w); err != nil {
		return err
	}
	n := 0
	var v Value
	if w.Number != nil {
		n++
		v = Number(*w.Number)
	}
	if w.Integer != nil {
		n++
		s := string(w.Integer)
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("feature %q: integer %s is not an int64 written in decimal", w.Name, s)
		}
		v = Integer(i)
	}
	if w.String != nil {
		n++
		v = String(*w.String)
	}
	if w.Bool != nil {
		n++
		v = Bool(*w.Bool)
	}
	if n > 1 {
		return fmt.Errorf("feature %q: more than one of number, integer, string, bool", w.Name)
	}
	*f = Feature{Name: w.Name, Value: v}
	return nil
}

// Attr is a protected group attribute, such as {"sex", "female"}. Group
// attributes are committed and sealed, never in clear in the leaf; the
// fairness counters of package auditlog hold them in aggregate.
type Attr struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Digest is a SHA-256 digest, written in JSON as 64 lowercase hex digits.
// Parsing also accepts a "sha256:" prefix and upper-case digits.
type Digest [32]byte

// IsZero reports whether d is all zeros.
func (d Digest) IsZero() bool { return d == Digest{} }

func (d Digest) String() string { return hex.EncodeToString(d[:]) }

// MarshalText encodes d as lowercase hex.
func (d Digest) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses 64 hex digits, optionally prefixed by "sha256:".
func (d *Digest) UnmarshalText(b []byte) error {
	s := strings.TrimPrefix(string(b), "sha256:")
	if len(s) != 64 {
		return fmt.Errorf("digest must be 64 hex digits, got %d characters", len(s))
	}
	if _, err := hex.Decode(d[:], []byte(s)); err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	return nil
}

// strictUnmarshal decodes one JSON value into v, rejecting unknown fields and
// trailing data.
func strictUnmarshal(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}
