package explain

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// Method names how an attribution was computed.
type Method string

// Methods this package produces.
const (
	MethodTreeSHAP   Method = "tree_shap_path_dependent"
	MethodLinearSHAP Method = "linear_shap"
)

// Space is the output space in which contributions add up.
type Space string

// Output spaces.
const (
	SpaceMargin      Space = "margin"      // raw score before the link (log-odds for logistic models)
	SpaceProbability Space = "probability" // after the link
)

// Contribution is one feature's share of a prediction.
//
// A missing input is Missing == true; its Value is then meaningless (it is
// NaN when produced by this package) and is encoded as JSON null.
type Contribution struct {
	Feature      string  `json:"feature"`
	Value        float64 `json:"value"`   // the input value; NaN when the value was missing
	Missing      bool    `json:"missing"` // the input value was missing
	Contribution float64 `json:"contribution"`
}

// Attribution explains one prediction: Base + sum of Contributions equals
// the model's output in Space.
//
// Its JSON form (MarshalJSON) is the canonical encoding described in the
// package documentation; [Attribution.Digest] hashes exactly those bytes.
type Attribution struct {
	Method        Method         `json:"method"`
	Space         Space          `json:"space"`
	Class         int            `json:"class"` // output class for multi-class models, 0 otherwise
	Base          float64        `json:"base"`
	Output        float64        `json:"output"`
	Contributions []Contribution `json:"contributions"`
}

// CanonicalVersion is the version of the canonical encoding, written as the
// field "v". A decoder rejects any other version.
const CanonicalVersion = 1

// DigestDomain prefixes the canonical bytes when computing [Attribution.Digest],
// so that the digest of an attribution can never equal the digest of some
// other object that happens to have the same bytes.
const DigestDomain = "glassbox/explain/attribution/v1\n"

// Validate reports whether a can be encoded canonically: the method, space
// and feature names are non-empty valid UTF-8, feature names are unique, the
// class is not negative, and every number is finite (a missing input value is
// allowed to be NaN, and only then).
func (a *Attribution) Validate() error {
	if a.Method == "" || !utf8.ValidString(string(a.Method)) {
		return fmt.Errorf("%w: method %q is empty or not UTF-8", ErrInvalidAttribution, a.Method)
	}
	if a.Space == "" || !utf8.ValidString(string(a.Space)) {
		return fmt.Errorf("%w: space %q is empty or not UTF-8", ErrInvalidAttribution, a.Space)
	}
	if a.Class < 0 {
		return fmt.Errorf("%w: class %d is negative", ErrInvalidAttribution, a.Class)
	}
	if !finite(a.Base) {
		return fmt.Errorf("%w: base %v is not finite", ErrInvalidAttribution, a.Base)
	}
	if !finite(a.Output) {
		return fmt.Errorf("%w: output %v is not finite", ErrInvalidAttribution, a.Output)
	}
	seen := make(map[string]struct{}, len(a.Contributions))
	for i, c := range a.Contributions {
		if c.Feature == "" || !utf8.ValidString(c.Feature) {
			return fmt.Errorf("%w: contribution %d: feature name %q is empty or not UTF-8", ErrInvalidAttribution, i, c.Feature)
		}
		if _, dup := seen[c.Feature]; dup {
			return fmt.Errorf("%w: contribution %d: duplicate feature %q", ErrInvalidAttribution, i, c.Feature)
		}
		seen[c.Feature] = struct{}{}
		if !c.Missing && !finite(c.Value) {
			return fmt.Errorf("%w: feature %q: value %v is not finite and not marked missing", ErrInvalidAttribution, c.Feature, c.Value)
		}
		if !finite(c.Contribution) {
			return fmt.Errorf("%w: feature %q: contribution %v is not finite", ErrInvalidAttribution, c.Feature, c.Contribution)
		}
	}
	return nil
}

// AppendCanonical appends the canonical encoding of a to b.
//
// The canonical encoding is compact JSON with the fields in this fixed order:
//
//	{"v":1,"method":M,"space":S,"class":C,"base":B,"output":O,
//	 "contributions":[{"feature":F,"value":X,"missing":false,"contribution":P},...]}
//
// Numbers are the shortest decimal that round-trips to the same float64,
// written as ECMAScript writes them (no exponent for 1e-6 <= |x| < 1e21,
// otherwise "1e+21"/"1e-7" form); negative zero is written as 0. A missing
// value is written "value":null,"missing":true. Strings are written without
// escaping anything but '"', '\\' and control characters (as \u00XX).
// Contributions keep their order (the model's feature order).
func (a *Attribution) AppendCanonical(b []byte) ([]byte, error) {
	if err := a.Validate(); err != nil {
		return b, err
	}
	b = append(b, `{"v":`...)
	b = strconv.AppendInt(b, CanonicalVersion, 10)
	b = append(b, `,"method":`...)
	b = appendString(b, string(a.Method))
	b = append(b, `,"space":`...)
	b = appendString(b, string(a.Space))
	b = append(b, `,"class":`...)
	b = strconv.AppendInt(b, int64(a.Class), 10)
	b = append(b, `,"base":`...)
	b = appendFloat(b, a.Base)
	b = append(b, `,"output":`...)
	b = appendFloat(b, a.Output)
	b = append(b, `,"contributions":[`...)
	for i, c := range a.Contributions {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"feature":`...)
		b = appendString(b, c.Feature)
		if c.Missing {
			b = append(b, `,"value":null,"missing":true`...)
		} else {
			b = append(b, `,"value":`...)
			b = appendFloat(b, c.Value)
			b = append(b, `,"missing":false`...)
		}
		b = append(b, `,"contribution":`...)
		b = appendFloat(b, c.Contribution)
		b = append(b, '}')
	}
	b = append(b, "]}"...)
	return b, nil
}

// Canonical returns the canonical encoding of a (see [Attribution.AppendCanonical]).
func (a *Attribution) Canonical() ([]byte, error) {
	return a.AppendCanonical(make([]byte, 0, 128+96*len(a.Contributions)))
}

// Digest returns SHA-256(DigestDomain || canonical encoding of a). Two
// attributions have the same digest exactly when they have the same
// canonical encoding.
func (a *Attribution) Digest() ([32]byte, error) {
	b := make([]byte, 0, len(DigestDomain)+128+96*len(a.Contributions))
	b = append(b, DigestDomain...)
	b, err := a.AppendCanonical(b)
	if err != nil {
		return [32]byte{}, err
	}
	return sha256.Sum256(b), nil
}

// MarshalJSON returns the canonical encoding.
func (a Attribution) MarshalJSON() ([]byte, error) {
	return a.Canonical()
}

// UnmarshalJSON decodes any JSON object with the canonical fields, in any
// order and spacing (use [ParseCanonical] to insist on canonical bytes).
// Unknown fields, a version other than [CanonicalVersion], a missing value
// that is not null (or a null value not marked missing) are errors.
func (a *Attribution) UnmarshalJSON(data []byte) error {
	var w struct {
		V             *int     `json:"v"`
		Method        *Method  `json:"method"`
		Space         *Space   `json:"space"`
		Class         *int     `json:"class"`
		Base          *float64 `json:"base"`
		Output        *float64 `json:"output"`
		Contributions *[]struct {
			Feature      *string  `json:"feature"`
			Value        *float64 `json:"value"`
			Missing      *bool    `json:"missing"`
			Contribution *float64 `json:"contribution"`
		} `json:"contributions"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidAttribution, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: trailing data after the object", ErrInvalidAttribution)
	}
	switch {
	case w.V == nil:
		return fmt.Errorf("%w: field \"v\" is absent", ErrInvalidAttribution)
	case *w.V != CanonicalVersion:
		return fmt.Errorf("%w: encoding version %d, want %d", ErrInvalidAttribution, *w.V, CanonicalVersion)
	case w.Method == nil || w.Space == nil || w.Class == nil || w.Base == nil || w.Output == nil || w.Contributions == nil:
		return fmt.Errorf("%w: a required field (method, space, class, base, output, contributions) is absent or null", ErrInvalidAttribution)
	}
	out := Attribution{Method: *w.Method, Space: *w.Space, Class: *w.Class, Base: *w.Base, Output: *w.Output}
	out.Contributions = make([]Contribution, len(*w.Contributions))
	for i, c := range *w.Contributions {
		if c.Feature == nil || c.Missing == nil || c.Contribution == nil {
			return fmt.Errorf("%w: contribution %d: feature, missing and contribution are required", ErrInvalidAttribution, i)
		}
		cc := Contribution{Feature: *c.Feature, Missing: *c.Missing, Contribution: *c.Contribution}
		switch {
		case cc.Missing && c.Value != nil:
			return fmt.Errorf("%w: feature %q is marked missing but has value %v", ErrInvalidAttribution, cc.Feature, *c.Value)
		case !cc.Missing && c.Value == nil:
			return fmt.Errorf("%w: feature %q has a null value but is not marked missing", ErrInvalidAttribution, cc.Feature)
		case cc.Missing:
			cc.Value = math.NaN()
		default:
			cc.Value = *c.Value
		}
		out.Contributions[i] = cc
	}
	if err := out.Validate(); err != nil {
		return err
	}
	*a = out
	return nil
}

// ParseCanonical decodes the canonical encoding of an attribution. It
// rejects any input that is not byte for byte the canonical encoding of what
// it decodes to, so a digest computed over the input is the digest of the
// result.
func ParseCanonical(data []byte) (Attribution, error) {
	var a Attribution
	if err := a.UnmarshalJSON(data); err != nil {
		return Attribution{}, err
	}
	c, err := a.Canonical()
	if err != nil {
		return Attribution{}, err
	}
	if !bytes.Equal(c, data) {
		return Attribution{}, fmt.Errorf("%w: input is valid but not in canonical form", ErrInvalidAttribution)
	}
	return a, nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// appendFloat writes a finite x as ECMAScript's Number.prototype.toString
// does (the shortest round-tripping digits), with -0 written as 0.
func appendFloat(b []byte, x float64) []byte {
	if x == 0 {
		return append(b, '0')
	}
	abs := math.Abs(x)
	if abs >= 1e-6 && abs < 1e21 {
		return strconv.AppendFloat(b, x, 'f', -1, 64)
	}
	n := len(b)
	b = strconv.AppendFloat(b, x, 'e', -1, 64)
	// Go writes e-07 / e+21; ECMAScript writes e-7 / e+21.
	if m := len(b); m-n >= 4 && b[m-4] == 'e' && b[m-2] == '0' {
		b[m-2] = b[m-1]
		b = b[:m-1]
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendString writes s (valid UTF-8) as a JSON string, escaping only '"',
// '\\' and the control characters U+0000..U+001F.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
