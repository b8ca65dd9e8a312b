package record

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"slices"

	"github.com/glassbox-audit/glassbox/explain"
)

// Hash is a SHA-256 output: a commitment or a digest.
type Hash [32]byte

// Salt is the 32-byte random salt of one commitment.
type Salt [32]byte

// Field names a committed field of a decision.
type Field uint8

// Committed fields, in the order the leaf holds their commitments.
const (
	FieldSubject     Field = 1
	FieldInputs      Field = 2
	FieldGroups      Field = 3 // the group attributes and the sample weight
	FieldMetadata    Field = 4
	FieldExplanation Field = 5 // present only when the decision has an explanation
)

// Fields lists the committed fields in leaf order.
var Fields = [...]Field{FieldSubject, FieldInputs, FieldGroups, FieldMetadata, FieldExplanation}

func (f Field) String() string {
	switch f {
	case FieldSubject:
		return "subject"
	case FieldInputs:
		return "inputs"
	case FieldGroups:
		return "groups"
	case FieldMetadata:
		return "metadata"
	case FieldExplanation:
		return "explanation"
	}
	return fmt.Sprintf("field(%d)", uint8(f))
}

// Domain returns the NUL-terminated domain-separation prefix of f's
// commitment, e.g. "glassbox/v1/commit/subject\x00".
func (f Field) Domain() string { return "glassbox/v1/commit/" + f.String() + "\x00" }

// commit returns SHA-256(domain ‖ salt ‖ canonical).
func commit(f Field, salt Salt, canonical []byte) Hash {
	h := sha256.New()
	h.Write([]byte(f.Domain()))
	h.Write(salt[:])
	h.Write(canonical)
	var out Hash
	h.Sum(out[:0])
	return out
}

// CanonicalSubject returns canonical(subject): a 16-bit length and the
// bytes. The subject must be valid (non-empty UTF-8 of at most
// [MaxValueLen] bytes); otherwise it returns a *[ValidationError].
func CanonicalSubject(subject string) ([]byte, error) {
	if field, r := checkSubject(subject); r != "" {
		return nil, invalid(field, r)
	}
	var e encoder
	e.str("subject", subject, MaxValueLen)
	return e.b, e.err
}

// CanonicalInputs returns canonical(inputs): a 16-bit count and the
// features, each as name then kind byte and value. The inputs must be in
// canonical form, as a [Payload] holds them: valid (the rules of
// [Decision.Validate]) and sorted by name, bytewise, each name once.
// Otherwise it returns a *[ValidationError]; it never sorts or truncates,
// so two different lists never share an encoding.
func CanonicalInputs(inputs []Feature) ([]byte, error) {
	if field, r := checkInputs(inputs, canonicalForm); r != "" {
		return nil, invalid(field, r)
	}
	var e encoder
	e.inputs(inputs)
	return e.b, e.err
}

// CanonicalGroups returns canonical(groups, weight): a 16-bit count, the
// attributes, each as name then value, then the weight as a float. The
// groups must be valid and sorted by name, each name once, and the weight
// is the effective one (finite, > 0; a decision's weight 0 is committed as
// 1). Otherwise it returns a *[ValidationError].
func CanonicalGroups(groups []Attr, weight float64) ([]byte, error) {
	if field, r := checkGroups(groups, weight, canonicalForm); r != "" {
		return nil, invalid(field, r)
	}
	var e encoder
	e.groups(groups, weight)
	return e.b, e.err
}

// CanonicalMetadata returns canonical(metadata): a 16-bit count and the
// entries sorted by key, each as key then value. The metadata must be valid
// (the rules of [Decision.Validate]); otherwise it returns a
// *[ValidationError].
func CanonicalMetadata(m map[string]string) ([]byte, error) {
	if field, r := checkMetadata(m); r != "" {
		return nil, invalid(field, r)
	}
	var e encoder
	e.metadata(m)
	return e.b, e.err
}

// CommitSubject returns the commitment to a subject under salt. It fails
// as [CanonicalSubject] does.
func CommitSubject(salt Salt, subject string) (Hash, error) {
	c, err := CanonicalSubject(subject)
	if err != nil {
		return Hash{}, err
	}
	return commit(FieldSubject, salt, c), nil
}

// CommitInputs returns the commitment to a set of inputs, in canonical form,
// under salt. It fails as [CanonicalInputs] does.
func CommitInputs(salt Salt, inputs []Feature) (Hash, error) {
	c, err := CanonicalInputs(inputs)
	if err != nil {
		return Hash{}, err
	}
	return commit(FieldInputs, salt, c), nil
}

// CommitGroups returns the commitment to group attributes, in canonical
// form, and the effective sample weight under salt. It fails as
// [CanonicalGroups] does.
func CommitGroups(salt Salt, groups []Attr, weight float64) (Hash, error) {
	c, err := CanonicalGroups(groups, weight)
	if err != nil {
		return Hash{}, err
	}
	return commit(FieldGroups, salt, c), nil
}

// CommitMetadata returns the commitment to metadata under salt. It fails as
// [CanonicalMetadata] does.
func CommitMetadata(salt Salt, m map[string]string) (Hash, error) {
	c, err := CanonicalMetadata(m)
	if err != nil {
		return Hash{}, err
	}
	return commit(FieldMetadata, salt, c), nil
}

// CommitExplanation returns the commitment to an explanation under salt: the
// committed value is its 32-byte [ExplanationDigest]. It fails with a
// *[ValidationError] for an attribution that does not validate (the rules
// of [Decision.Validate]).
func CommitExplanation(salt Salt, a *explain.Attribution) (Hash, error) {
	if field, r := checkExplanation(a); r != "" {
		return Hash{}, invalid(field, r)
	}
	d, err := ExplanationDigest(a)
	if err != nil {
		return Hash{}, invalid("explanation", err.Error())
	}
	return commit(FieldExplanation, salt, d[:]), nil
}

func sortedFeatures(in []Feature) []Feature {
	s := slices.Clone(in)
	slices.SortFunc(s, func(a, b Feature) int { return cmp.Compare(a.Name, b.Name) })
	return s
}

func sortedAttrs(in []Attr) []Attr {
	s := slices.Clone(in)
	slices.SortFunc(s, func(a, b Attr) int { return cmp.Compare(a.Name, b.Name) })
	return s
}

// The encoders below write lists in the order given, which must be the
// canonical one (the validators check it first; the encoder checks it again).

func (e *encoder) inputs(in []Feature) {
	e.count("inputs", len(in), MaxFeatures)
	for i, f := range in {
		e.increasing("inputs.name", i, in[max(i-1, 0)].Name, f.Name)
		e.str("inputs.name", f.Name, MaxNameLen)
		e.value("inputs.value", f.Value)
	}
}

func (e *encoder) groups(gs []Attr, weight float64) {
	e.count("groups", len(gs), MaxGroups)
	for i, g := range gs {
		e.increasing("groups.name", i, gs[max(i-1, 0)].Name, g.Name)
		e.str("groups.name", g.Name, MaxNameLen)
		e.str("groups.value", g.Value, MaxValueLen)
	}
	if !(weight > 0) {
		e.fail("weight", "not positive")
	}
	e.f64("weight", weight)
}

func (e *encoder) metadata(m map[string]string) {
	keys := slices.Sorted(mapsKeys(m))
	e.count("metadata", len(keys), MaxMetadata)
	for _, k := range keys {
		e.str("metadata.key", k, MaxNameLen)
		e.str("metadata.value", m[k], MaxValueLen)
	}
}

// The decoders below accept only strictly increasing names, so that every
// accepted encoding is the canonical one.

func (d *decoder) inputs() []Feature {
	n := d.count("inputs", MaxFeatures)
	out := make([]Feature, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		field := fmt.Sprintf("inputs[%d]", i)
		at := d.off
		name := d.str(field+".name", MaxNameLen, true)
		if d.err == nil && i > 0 && name <= out[i-1].Name {
			d.off = at
			d.fail(field+".name", fmt.Errorf("%w: names not strictly increasing", ErrMalformed))
		}
		out = append(out, Feature{Name: name, Value: d.value(field + ".value")})
	}
	return out
}

func (d *decoder) groups() ([]Attr, float64) {
	n := d.count("groups", MaxGroups)
	out := make([]Attr, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		field := fmt.Sprintf("groups[%d]", i)
		at := d.off
		name := d.str(field+".name", MaxNameLen, true)
		if d.err == nil && i > 0 && name <= out[i-1].Name {
			d.off = at
			d.fail(field+".name", fmt.Errorf("%w: names not strictly increasing", ErrMalformed))
		}
		out = append(out, Attr{Name: name, Value: d.str(field+".value", MaxValueLen, false)})
	}
	at := d.off
	w := d.f64("weight")
	if d.err == nil && w <= 0 {
		d.off = at
		d.fail("weight", fmt.Errorf("%w: weight %v is not positive", ErrMalformed, w))
	}
	return out, w
}

func (d *decoder) metadata() map[string]string {
	n := d.count("metadata", MaxMetadata)
	out := make(map[string]string, n)
	prev := ""
	for i := 0; i < n && d.err == nil; i++ {
		field := fmt.Sprintf("metadata[%d]", i)
		at := d.off
		k := d.str(field+".key", MaxNameLen, true)
		if d.err == nil && i > 0 && k <= prev {
			d.off = at
			d.fail(field+".key", fmt.Errorf("%w: keys not strictly increasing", ErrMalformed))
		}
		prev = k
		out[k] = d.str(field+".value", MaxValueLen, false)
	}
	return out
}
