package record

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/explain"
)

// genValue is one committed value of the field it names, drawn from fuzz
// bytes by gen. Strings may be far longer than the limits, so that lengths
// beyond 16 bits are reachable from short inputs.
type genValue struct {
	field   Field
	subject string
	inputs  []Feature
	groups  []Attr
	weight  float64
	meta    map[string]string
}

// genReader reads fuzz bytes; repeated strings share a budget of 256 KiB
// per value, so that one input stays small whatever its counts.
type genReader struct {
	b      []byte
	budget int
}

func (r *genReader) n(k int) uint64 {
	var v uint64
	for range k {
		v <<= 8
		if len(r.b) > 0 {
			v |= uint64(r.b[0])
			r.b = r.b[1:]
		}
	}
	return v
}

// str reads a tag byte: even, raw bytes with a 24-bit length; odd, one byte
// repeated a 24-bit count of times, within the budget.
func (r *genReader) str() string {
	tag := r.n(1)
	n := int(r.n(3))
	if tag&1 == 1 {
		n = min(n, r.budget)
		r.budget -= n
		return strings.Repeat(string(rune(r.n(1)&0x7f)), n)
	}
	n = min(n, len(r.b))
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *genReader) count() int { return int(min(r.n(2), 1100)) }

var genFields = [...]Field{FieldSubject, FieldInputs, FieldGroups, FieldMetadata}

func gen(field Field, b []byte) genValue {
	r := &genReader{b: b, budget: 256 << 10}
	g := genValue{field: field}
	switch field {
	case FieldSubject:
		g.subject = r.str()
	case FieldInputs:
		for n := r.count(); n > 0 && len(r.b) > 0; n-- {
			f := Feature{Name: r.str()}
			switch ValueKind(r.n(1)) {
			case KindNumber:
				f.Value = Number(math.Float64frombits(r.n(8)))
			case KindInteger:
				f.Value = Integer(int64(r.n(8)))
			case KindString:
				f.Value = String(r.str())
			case KindBool:
				f.Value = Bool(r.n(1) == 1)
			}
			g.inputs = append(g.inputs, f)
		}
	case FieldGroups:
		for n := r.count(); n > 0 && len(r.b) > 0; n-- {
			g.groups = append(g.groups, Attr{Name: r.str(), Value: r.str()})
		}
		g.weight = math.Float64frombits(r.n(8))
	case FieldMetadata:
		g.meta = map[string]string{}
		for n := r.count(); n > 0 && len(r.b) > 0; n-- {
			k := r.str()
			g.meta[k] = r.str()
		}
	}
	return g
}

// genInputs is the inverse of gen for inputs (raw strings only).
func genInputs(in []Feature) []byte {
	str := func(b []byte, s string) []byte {
		b = append(b, 0, byte(len(s)>>16), byte(len(s)>>8), byte(len(s)))
		return append(b, s...)
	}
	b := binary.BigEndian.AppendUint16(nil, uint16(len(in)))
	for _, f := range in {
		b = str(b, f.Name)
		b = append(b, byte(f.Value.Kind()))
		switch f.Value.Kind() {
		case KindNumber:
			b = binary.BigEndian.AppendUint64(b, math.Float64bits(f.Value.num))
		case KindInteger:
			b = binary.BigEndian.AppendUint64(b, uint64(f.Value.i))
		case KindString:
			b = str(b, f.Value.s)
		case KindBool:
			b = append(b, map[bool]byte{false: 0, true: 1}[f.Value.b])
		}
	}
	return b
}

// canonical returns the canonical encoding of g and its commitment under
// salt, through the exported functions.
func (g genValue) canonical(salt Salt) ([]byte, Hash, error) {
	var (
		c   []byte
		h   Hash
		err error
	)
	switch g.field {
	case FieldSubject:
		if c, err = CanonicalSubject(g.subject); err == nil {
			h, err = CommitSubject(salt, g.subject)
		}
	case FieldInputs:
		if c, err = CanonicalInputs(g.inputs); err == nil {
			h, err = CommitInputs(salt, g.inputs)
		}
	case FieldGroups:
		if c, err = CanonicalGroups(g.groups, g.weight); err == nil {
			h, err = CommitGroups(salt, g.groups, g.weight)
		}
	case FieldMetadata:
		if c, err = CanonicalMetadata(g.meta); err == nil {
			h, err = CommitMetadata(salt, g.meta)
		}
	}
	return c, h, err
}

// decode parses canonical bytes of g's field with the payload decoders.
func (g genValue) decode(b []byte) (genValue, error) {
	d := decoder{what: "canonical " + g.field.String(), b: b}
	out := genValue{field: g.field}
	switch g.field {
	case FieldSubject:
		out.subject = d.str("subject", MaxValueLen, true)
	case FieldInputs:
		out.inputs = d.inputs()
	case FieldGroups:
		out.groups, out.weight = d.groups()
	case FieldMetadata:
		out.meta = d.metadata()
	}
	d.end()
	return out, d.err
}

func (g genValue) equal(h genValue) bool {
	switch g.field {
	case FieldSubject:
		return g.subject == h.subject
	case FieldInputs:
		return slices.EqualFunc(g.inputs, h.inputs, func(a, b Feature) bool { return a.Name == b.Name && a.Value.Equal(b.Value) })
	case FieldGroups:
		return slices.Equal(g.groups, h.groups) && g.weight == h.weight
	case FieldMetadata:
		return len(g.meta) == len(h.meta) && func() bool {
			for k, v := range g.meta {
				if w, ok := h.meta[k]; !ok || w != v {
					return false
				}
			}
			return true
		}()
	}
	return false
}

// FuzzCanonicalInjective searches for two different values of one field
// with the same canonical bytes or the same commitment. Every value the
// encoder accepts must also decode back to itself, which makes the encoding
// injective by construction.
func FuzzCanonicalInjective(f *testing.F) {
	// Under a truncating 16-bit length a 65,537-byte name swallows the
	// header of a string value: these two lists had the same bytes.
	p := strings.Repeat("A", 65533)
	f.Add(byte(1), genInputs([]Feature{{Name: "a\x03\xff\xff" + p, Value: Bool(true)}}), genInputs([]Feature{{Name: "a", Value: String(p + "\x04\x01")}}))
	// A list and its reversal had the same bytes (the encoder sorted).
	in := sampleDecision().Inputs
	rev := slices.Clone(in)
	slices.Reverse(rev)
	f.Add(byte(1), genInputs(in), genInputs(rev))
	sorted := slices.Clone(in)
	slices.SortFunc(sorted, func(a, b Feature) int { return strings.Compare(a.Name, b.Name) })
	f.Add(byte(1), genInputs(sorted), genInputs(sorted[1:]))
	f.Add(byte(0), []byte{0, 0, 0, 3, 'b', 'o', 'b'}, []byte{1, 0, 0, 3, 'b'})
	f.Add(byte(2), []byte{0, 1, 0, 0, 0, 1, 'a', 0, 0, 0, 1, 'b', 0x3f, 0xf0, 0, 0, 0, 0, 0, 0}, []byte{0, 0, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0})
	f.Add(byte(3), []byte{0, 1, 0, 0, 0, 1, 'k', 0, 0, 0, 1, 'v'}, []byte{0, 0})
	var salt Salt
	f.Fuzz(func(t *testing.T, which byte, a, b []byte) {
		field := genFields[int(which)%len(genFields)]
		ga, gb := gen(field, a), gen(field, b)
		ca, ha, errA := ga.canonical(salt)
		cb, hb, errB := gb.canonical(salt)
		if errA == nil && errB == nil && (string(ca) == string(cb) || ha == hb) && !ga.equal(gb) {
			t.Fatalf("%s: two different values with the same canonical bytes (%d bytes) or commitment", field, len(ca))
		}
		for _, c := range []struct {
			g   genValue
			b   []byte
			err error
		}{{ga, ca, errA}, {gb, cb, errB}} {
			if c.err != nil {
				if !errors.Is(c.err, ErrInvalid) {
					t.Fatalf("%s: rejected without a validation error: %v", field, c.err)
				}
				continue
			}
			back, err := c.g.decode(c.b)
			if err != nil || !back.equal(c.g) {
				t.Fatalf("%s: accepted value does not decode back to itself (%v)", field, err)
			}
		}
	})
}

// TestCanonicalRejectsInvalid: the Canonical and Commit functions, the
// payload encoder and Seal refuse what validation refuses, naming the field;
// nothing is truncated into a valid-looking encoding.
func TestCanonicalRejectsInvalid(t *testing.T) {
	long := strings.Repeat("x", 65538) // its length is 2 modulo 2^16
	in := func(fs ...Feature) []Feature { return fs }
	f := func(name string, v Value) Feature { return Feature{Name: name, Value: v} }
	many := func(n int) []Feature {
		out := make([]Feature, n)
		for i := range out {
			out[i] = f(fmt.Sprintf("f%05d", i), Bool(true))
		}
		return out
	}
	type canon func() ([]byte, error)
	cases := []struct {
		name, field string
		enc         canon
	}{
		{"subject over 64 KiB", "subject", func() ([]byte, error) { return CanonicalSubject(long) }},
		{"subject over the limit", "subject", func() ([]byte, error) { return CanonicalSubject(strings.Repeat("s", MaxValueLen+1)) }},
		{"empty subject", "subject", func() ([]byte, error) { return CanonicalSubject("") }},
		{"subject not UTF-8", "subject", func() ([]byte, error) { return CanonicalSubject("\xff") }},
		{"string value over 64 KiB", "inputs[0].value", func() ([]byte, error) { return CanonicalInputs(in(f("a", String(long)))) }},
		{"string value over the limit", "inputs[0].value", func() ([]byte, error) {
			return CanonicalInputs(in(f("a", String(strings.Repeat("v", MaxValueLen+1)))))
		}},
		{"name over 64 KiB", "inputs[0].name", func() ([]byte, error) { return CanonicalInputs(in(f(long, Bool(true)))) }},
		{"name over the limit", "inputs[0].name", func() ([]byte, error) { return CanonicalInputs(in(f(strings.Repeat("n", MaxNameLen+1), Bool(true)))) }},
		{"empty name", "inputs[0].name", func() ([]byte, error) { return CanonicalInputs(in(f("", Bool(true)))) }},
		{"name with a control character", "inputs[0].name", func() ([]byte, error) { return CanonicalInputs(in(f("a\x00", Bool(true)))) }},
		{"string value not UTF-8", "inputs[0].value", func() ([]byte, error) { return CanonicalInputs(in(f("a", String("\xc3")))) }},
		{"unsorted inputs", "inputs[1].name", func() ([]byte, error) { return CanonicalInputs(in(f("b", Bool(true)), f("a", Bool(true)))) }},
		{"duplicate input", "inputs[1].name", func() ([]byte, error) { return CanonicalInputs(in(f("a", Bool(true)), f("a", Bool(false)))) }},
		{"too many inputs", "inputs", func() ([]byte, error) { return CanonicalInputs(many(MaxFeatures + 1)) }},
		{"65537 inputs (count 1 modulo 2^16)", "inputs", func() ([]byte, error) { return CanonicalInputs(many(65537)) }},
		{"NaN input", "inputs[0].value", func() ([]byte, error) { return CanonicalInputs(in(f("a", Number(math.NaN())))) }},
		{"infinite input", "inputs[0].value", func() ([]byte, error) { return CanonicalInputs(in(f("a", Number(math.Inf(-1))))) }},
		{"input without a value", "inputs[0].value", func() ([]byte, error) { return CanonicalInputs(in(f("a", Value{}))) }},
		{"unsorted groups", "groups[1].name", func() ([]byte, error) { return CanonicalGroups([]Attr{{"sex", "f"}, {"age", "40"}}, 1) }},
		{"duplicate group", "groups[1].name", func() ([]byte, error) { return CanonicalGroups([]Attr{{"sex", "f"}, {"sex", "m"}}, 1) }},
		{"group value over 64 KiB", "groups[0].value", func() ([]byte, error) { return CanonicalGroups([]Attr{{"sex", long}}, 1) }},
		{"too many groups", "groups", func() ([]byte, error) { return CanonicalGroups(make([]Attr, MaxGroups+1), 1) }},
		{"weight 0 (not the effective weight)", "weight", func() ([]byte, error) { return CanonicalGroups(nil, 0) }},
		{"negative weight", "weight", func() ([]byte, error) { return CanonicalGroups(nil, -1) }},
		{"NaN weight", "weight", func() ([]byte, error) { return CanonicalGroups(nil, math.NaN()) }},
		{"metadata value over 64 KiB", `metadata["k"]`, func() ([]byte, error) { return CanonicalMetadata(map[string]string{"k": long}) }},
		{"metadata key with a newline", `metadata["a\nb"]`, func() ([]byte, error) { return CanonicalMetadata(map[string]string{"a\nb": "v"}) }},
		{"too many metadata entries", "metadata", func() ([]byte, error) {
			m := map[string]string{}
			for i := range MaxMetadata + 1 {
				m[fmt.Sprint(i)] = ""
			}
			return CanonicalMetadata(m)
		}},
	}
	for _, c := range cases {
		b, err := c.enc()
		var ve *ValidationError
		if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) || ve.Field != c.field || b != nil {
			t.Errorf("%s: got %d bytes, %v; want a validation error for %s", c.name, len(b), err, c.field)
		}
	}
	var salt Salt
	if _, err := CommitSubject(salt, long); !errors.Is(err, ErrInvalid) {
		t.Errorf("CommitSubject: %v", err)
	}
	if _, err := CommitInputs(salt, in(f("a", String(long)))); !errors.Is(err, ErrInvalid) {
		t.Errorf("CommitInputs: %v", err)
	}
	if _, err := CommitGroups(salt, nil, 0); !errors.Is(err, ErrInvalid) {
		t.Errorf("CommitGroups: %v", err)
	}
	if _, err := CommitMetadata(salt, map[string]string{"": "v"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("CommitMetadata: %v", err)
	}
	a := *sampleDecision().Explanation
	a.Contributions = append(a.Contributions, explain.Contribution{Feature: long})
	if _, err := CommitExplanation(salt, &a); !errors.Is(err, ErrInvalid) {
		t.Errorf("CommitExplanation: %v", err)
	}

	// A payload that does not validate neither encodes nor seals; a decision
	// id that is not one seals nothing.
	r, err := Build(sampleDecision(), nil)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := NewKey(nil)
	for name, edit := range map[string]func(p *Payload){
		"long subject":    func(p *Payload) { p.Subject = long },
		"unsorted inputs": func(p *Payload) { slices.Reverse(p.Inputs) },
		"weight 0":        func(p *Payload) { p.Weight = 0 },
		"long metadata":   func(p *Payload) { p.Metadata = map[string]string{"k": long} },
	} {
		p := *r.Payload
		p.Inputs = slices.Clone(p.Inputs)
		edit(&p)
		if b, err := EncodePayload(&p); !errors.Is(err, ErrInvalid) || b != nil {
			t.Errorf("EncodePayload, %s: %d bytes, %v", name, len(b), err)
		}
		if _, err := Seal(key, r.Leaf.DecisionID, r.LeafBytes, &p, nil); !errors.Is(err, ErrInvalid) {
			t.Errorf("Seal, %s: %v", name, err)
		}
	}
	if _, err := Seal(key, strings.Repeat("i", 65536+8), r.LeafBytes, r.Payload, nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("Seal with a 64 KiB id: %v", err)
	}
	// A leaf is checked before it is encoded.
	l := *r.Leaf
	l.PolicyVersion = long
	if b, err := EncodeLeaf(&l); !errors.Is(err, ErrInvalid) || b != nil {
		t.Errorf("EncodeLeaf with a long policy version: %d bytes, %v", len(b), err)
	}
}
