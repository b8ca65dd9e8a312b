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

// CanonicalSubject returns canonical(subject): a 16-bit length and the bytes.
func CanonicalSubject(subject string) []byte {
	var e encoder
	e.str(subject)
	return e.b
}

// CanonicalInputs returns canonical(inputs): a 16-bit count and the features
// sorted by name (bytewise), each as name then kind byte and value.
func CanonicalInputs(inputs []Feature) []byte {
	var e encoder
	e.inputs(inputs)
	return e.b
}

// CanonicalGroups returns canonical(groups, weight): a 16-bit count, the
// attributes sorted by name, each as name then value, then the effective
// weight (0 is written as 1) as a float.
func CanonicalGroups(groups []Attr, weight float64) []byte {
	var e encoder
	e.groups(groups, weight)
	return e.b
}

// CanonicalMetadata returns canonical(metadata): a 16-bit count and the
// entries sorted by key, each as key then value.
func CanonicalMetadata(m map[string]string) []byte {
	var e encoder
	e.metadata(m)
	return e.b
}

// CommitSubject returns the commitment to a subject under salt.
func CommitSubject(salt Salt, subject string) Hash {
	return commit(FieldSubject, salt, CanonicalSubject(subject))
}

// CommitInputs returns the commitment to a set of inputs under salt.
func CommitInputs(salt Salt, inputs []Feature) Hash {
	return commit(FieldInputs, salt, CanonicalInputs(inputs))
}

// CommitGroups returns the commitment to group attributes and sample weight
// (0 meaning 1) under salt.
func CommitGroups(salt Salt, groups []Attr, weight float64) Hash {
	return commit(FieldGroups, salt, CanonicalGroups(groups, weight))
}

// CommitMetadata returns the commitment to metadata under salt.
func CommitMetadata(salt Salt, m map[string]string) Hash {
	return commit(FieldMetadata, salt, CanonicalMetadata(m))
}

// CommitExplanation returns the commitment to an explanation under salt: the
// committed value is its 32-byte [ExplanationDigest]. It fails only for an
// attribution that does not validate.
func CommitExplanation(salt Salt, a *explain.Attribution) (Hash, error) {
	d, err := ExplanationDigest(a)
	if err != nil {
		return Hash{}, err
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

func (e *encoder) inputs(in []Feature) {
	e.u16(len(in))
	for _, f := range sortedFeatures(in) {
		e.str(f.Name)
		e.value(f.Value)
	}
}

func (e *encoder) groups(gs []Attr, weight float64) {
	e.u16(len(gs))
	for _, g := range sortedAttrs(gs) {
		e.str(g.Name)
		e.str(g.Value)
	}
	if weight == 0 {
		weight = 1
	}
	e.f64(weight)
}

func (e *encoder) metadata(m map[string]string) {
	keys := slices.Sorted(mapsKeys(m))
	e.u16(len(keys))
	for _, k := range keys {
		e.str(k)
		e.str(m[k])
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
