package record

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/explain"
)

func sampleDecision() *Decision {
	return &Decision{
		ID:      "dec-0001",
		Time:    time.Date(2026, 11, 23, 1, 2, 3, 456789, time.UTC),
		Subject: "applicant-42@example.org",
		Model:   Model{Name: "credit-xgb", Version: "1.3.0", ArtifactDigest: Digest{1, 2, 3}},
		Inputs: []Feature{
			{Name: "income", Value: Number(52000.5)},
			{Name: "age", Value: Integer(41)},
			{Name: "employment", Value: String("salaried-secret")},
			{Name: "homeowner", Value: Bool(true)},
		},
		Output: Output{Label: "approve", Score: 0.82},
		Explanation: &explain.Attribution{
			Method: explain.MethodTreeSHAP, Space: explain.SpaceMargin, Base: -0.5, Output: 1.5,
			Contributions: []explain.Contribution{
				{Feature: "income", Value: 52000.5, Contribution: 1.25},
				{Feature: "age", Value: math.NaN(), Missing: true, Contribution: 0.75},
			},
		},
		Groups:        []Attr{{Name: "sex", Value: "female"}, {Name: "age_band", Value: "40-49"}},
		Weight:        2,
		PolicyVersion: "policy-7",
		Metadata:      map[string]string{"channel": "web", "branch": "north"},
	}
}

func mustBuild(t testing.TB, d *Decision) *Record {
	t.Helper()
	r, err := Build(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestBuildDecodeRoundTrip(t *testing.T) {
	d := sampleDecision()
	r := mustBuild(t, d)
	l, err := DecodeLeaf(r.LeafBytes)
	if err != nil {
		t.Fatal(err)
	}
	if l.DecisionID != d.ID || !l.Time.Equal(d.Time) || l.Model != d.Model || l.Output != d.Output ||
		l.PolicyVersion != d.PolicyVersion || l.ExplanationMethod != string(explain.MethodTreeSHAP) || l.Commitments != r.Leaf.Commitments {
		t.Fatalf("decoded leaf differs: %+v vs %+v", l, r.Leaf)
	}
	again, err := EncodeLeaf(l)
	if err != nil || !bytes.Equal(again, r.LeafBytes) {
		t.Fatalf("re-encoding differs (%v)", err)
	}
	if err := l.CheckPayload(r.Payload); err != nil {
		t.Fatal(err)
	}
}

// The leaf must not hold any personal value in clear, and two records of one
// subject must share no commitment.
func TestLeafHidesPersonalData(t *testing.T) {
	d := sampleDecision()
	r1, r2 := mustBuild(t, d), mustBuild(t, d)
	for _, secret := range []string{d.Subject, "salaried-secret", "female", "40-49", "web", "north", "income", "sex", "channel"} {
		if bytes.Contains(r1.LeafBytes, []byte(secret)) {
			t.Errorf("leaf contains %q in clear", secret)
		}
	}
	var f [8]byte
	binary.BigEndian.PutUint64(f[:], math.Float64bits(52000.5))
	if bytes.Contains(r1.LeafBytes, f[:]) {
		t.Error("leaf contains the income value")
	}
	c1, c2 := r1.Leaf.Commitments, r2.Leaf.Commitments
	for _, a := range []Hash{c1.Subject, c1.Inputs, c1.Groups, c1.Metadata, c1.Explanation} {
		for _, b := range []Hash{c2.Subject, c2.Inputs, c2.Groups, c2.Metadata, c2.Explanation} {
			if a == b {
				t.Fatal("two records of one subject share a commitment")
			}
		}
		if bytes.Contains(r2.LeafBytes, a[:]) {
			t.Fatal("second leaf contains a commitment of the first")
		}
	}
}

// TestCommitmentReference recomputes commitments from the byte layout of
// docs/leaf-format.md, written out by hand here rather than with the encoder.
func TestCommitmentReference(t *testing.T) {
	var salt Salt
	for i := range salt {
		salt[i] = byte(i)
	}
	ref := func(domain string, canonical ...[]byte) Hash {
		b := append([]byte(domain), salt[:]...)
		for _, c := range canonical {
			b = append(b, c...)
		}
		return sha256.Sum256(b)
	}
	if got, want := must(CommitSubject(salt, "bob")), ref("glassbox/v1/commit/subject\x00", []byte{0, 3, 'b', 'o', 'b'}); got != want {
		t.Errorf("subject: %x, want %x", got, want)
	}
	// inputs {"a": number 1.5, "b": integer -2, "c": string "x", "d": bool true}, in canonical order.
	in := []Feature{{"a", Number(1.5)}, {"b", Integer(-2)}, {"c", String("x")}, {"d", Bool(true)}}
	want := ref("glassbox/v1/commit/inputs\x00",
		[]byte{0, 4},
		[]byte{0, 1, 'a', 1, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0},
		[]byte{0, 1, 'b', 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe},
		[]byte{0, 1, 'c', 3, 0, 1, 'x'},
		[]byte{0, 1, 'd', 4, 1})
	if got := must(CommitInputs(salt, in)); got != want {
		t.Errorf("inputs: %x, want %x", got, want)
	}
	// The same inputs in another order are not canonical: no commitment.
	if _, err := CommitInputs(salt, []Feature{in[1], in[0], in[2], in[3]}); !errors.Is(err, ErrInvalid) {
		t.Errorf("unsorted inputs: %v", err)
	}
	// groups {"sex": "f"}, weight 1.0 (a decision's weight 0 is committed as 1).
	want = ref("glassbox/v1/commit/groups\x00", []byte{0, 1, 0, 3, 's', 'e', 'x', 0, 1, 'f', 0x3f, 0xf0, 0, 0, 0, 0, 0, 0})
	if got := must(CommitGroups(salt, []Attr{{"sex", "f"}}, 1)); got != want {
		t.Errorf("groups: %x, want %x", got, want)
	}
	want = ref("glassbox/v1/commit/metadata\x00", []byte{0, 0})
	if got := must(CommitMetadata(salt, nil)); got != want {
		t.Errorf("metadata: %x, want %x", got, want)
	}
	// Explanation: the committed value is package explain's digest of its
	// canonical JSON, written out here by hand.
	a := &explain.Attribution{Method: "m", Space: "margin", Output: 1, Contributions: []explain.Contribution{{Feature: "a", Value: math.NaN(), Missing: true, Contribution: 2}}}
	ed := sha256.Sum256([]byte("glassbox/explain/attribution/v1\n" +
		`{"v":1,"method":"m","space":"margin","class":0,"base":0,"output":1,"contributions":[{"feature":"a","value":null,"missing":true,"contribution":2}]}`))
	if got, err := ExplanationDigest(a); err != nil || got != ed {
		t.Errorf("explanation digest: %x (%v), want %x", got, err, ed)
	}
	if got, err := CommitExplanation(salt, a); err != nil || got != ref("glassbox/v1/commit/explanation\x00", ed[:]) {
		t.Errorf("explanation: %x (%v)", got, err)
	}
	// Negative zero commits like positive zero.
	if must(CommitInputs(salt, []Feature{{"a", Number(math.Copysign(0, -1))}})) != must(CommitInputs(salt, []Feature{{"a", Number(0)}})) {
		t.Error("-0 and 0 commit differently")
	}
}

func TestLeafReferenceBytes(t *testing.T) {
	l := &Leaf{Version: 1, Kind: KindOutcome, DecisionID: "d1", Time: time.Unix(0, 258), OutcomeLabel: "repaid"}
	b, err := EncodeLeaf(l)
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{1, 2, 0, 2, 'd', '1', 0, 0, 0, 0, 0, 0, 1, 2, 0, 6, 'r', 'e', 'p', 'a', 'i', 'd'}
	if !bytes.Equal(b, want) {
		t.Fatalf("outcome leaf\n got %x\nwant %x", b, want)
	}
}

func TestValidation(t *testing.T) {
	cases := []struct {
		name, record, field string
		mod                 func(d *Decision)
	}{
		{"missing id", "", "id", func(d *Decision) { d.ID = "" }},
		{"oversized id", "", "id", func(d *Decision) { d.ID = strings.Repeat("x", MaxIDLen+1) }},
		{"control char id", "", "id", func(d *Decision) { d.ID = "a\nb" }},
		{"missing time", "dec-0001", "time", func(d *Decision) { d.Time = time.Time{} }},
		{"missing subject", "dec-0001", "subject", func(d *Decision) { d.Subject = "" }},
		{"missing model", "dec-0001", "model.name", func(d *Decision) { d.Model.Name = "" }},
		{"missing digest", "dec-0001", "model.artifact_digest", func(d *Decision) { d.Model.ArtifactDigest = Digest{} }},
		{"NaN input", "dec-0001", "inputs[0].value", func(d *Decision) { d.Inputs[0].Value = Number(math.NaN()) }},
		{"Inf input", "dec-0001", "inputs[0].value", func(d *Decision) { d.Inputs[0].Value = Number(math.Inf(1)) }},
		{"no value", "dec-0001", "inputs[1].value", func(d *Decision) { d.Inputs[1].Value = Value{} }},
		{"duplicate input", "dec-0001", "inputs[1].name", func(d *Decision) { d.Inputs[1].Name = "income" }},
		{"oversized string", "dec-0001", "inputs[2].value", func(d *Decision) { d.Inputs[2].Value = String(strings.Repeat("v", MaxValueLen+1)) }},
		{"too many inputs", "dec-0001", "inputs", func(d *Decision) { d.Inputs = make([]Feature, MaxFeatures+1) }},
		{"NaN score", "dec-0001", "output.score", func(d *Decision) { d.Output.Score = math.NaN() }},
		{"missing label", "dec-0001", "output.label", func(d *Decision) { d.Output.Label = "" }},
		{"NaN contribution", "dec-0001", "explanation.contributions[0].contribution", func(d *Decision) { d.Explanation.Contributions[0].Contribution = math.NaN() }},
		{"NaN value not missing", "dec-0001", "explanation.contributions[0].value", func(d *Decision) { d.Explanation.Contributions[0].Value = math.NaN() }},
		{"duplicate contribution", "dec-0001", "explanation", func(d *Decision) { d.Explanation.Contributions[1].Feature = "income" }},
		{"duplicate group", "dec-0001", "groups[1].name", func(d *Decision) { d.Groups[1].Name = "sex" }},
		{"negative weight", "dec-0001", "weight", func(d *Decision) { d.Weight = -1 }},
		{"bad utf8 metadata", "dec-0001", `metadata["channel"]`, func(d *Decision) { d.Metadata["channel"] = "\xff" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := sampleDecision()
			c.mod(d)
			err := d.Validate()
			var ve *ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("got %v, want a ValidationError", err)
			}
			if ve.Record != c.record || ve.Field != c.field {
				t.Fatalf("got record %q field %q (%v), want %q %q", ve.Record, ve.Field, err, c.record, c.field)
			}
			if _, err := Build(d, nil); !errors.Is(err, ErrInvalid) {
				t.Fatalf("Build accepted an invalid decision: %v", err)
			}
		})
	}
	if err := sampleDecision().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestDecodeLeafRejects(t *testing.T) {
	r := mustBuild(t, sampleDecision())
	good := r.LeafBytes
	mod := func(f func(b []byte) []byte) []byte { return f(bytes.Clone(good)) }
	cases := []struct {
		name string
		b    []byte
		want error
	}{
		{"empty", nil, ErrMalformed},
		{"version 0", mod(func(b []byte) []byte { b[0] = 0; return b }), ErrUnknownVersion},
		{"version 2", mod(func(b []byte) []byte { b[0] = 2; return b }), ErrUnknownVersion},
		{"kind 4", mod(func(b []byte) []byte { b[1] = 4; return b }), ErrUnknownKind},
		{"decision bytes as kind 3", mod(func(b []byte) []byte { b[1] = 3; return b }), ErrMalformed},
		{"trailing byte", append(bytes.Clone(good), 0), ErrTrailingBytes},
		{"has_explanation 2", mod(func(b []byte) []byte {
			i := len(b) - 32 - 2 - len(explain.MethodTreeSHAP) - 1
			b[i] = 2
			return b
		}), ErrMalformed},
	}
	for _, c := range cases {
		if _, err := DecodeLeaf(c.b); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
	for i := range good {
		if _, err := DecodeLeaf(good[:i]); err == nil {
			t.Fatalf("truncation to %d bytes accepted", i)
		}
	}
	// Negative zero score is not canonical.
	l := *r.Leaf
	l.Output.Score = 0
	b, _ := EncodeLeaf(&l)
	off := bytes.Index(b, []byte("approve")) + len("approve")
	b[off] = 0x80
	if _, err := DecodeLeaf(b); !errors.Is(err, ErrMalformed) {
		t.Errorf("negative zero accepted: %v", err)
	}
}

func TestSealOpen(t *testing.T) {
	r := mustBuild(t, sampleDecision())
	key, _ := NewKey(nil)
	sealed, err := Seal(key, r.Leaf.DecisionID, r.LeafBytes, r.Payload, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Open(key, r.Leaf.DecisionID, r.LeafBytes, sealed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(must(EncodePayload(p)), must(EncodePayload(r.Payload))) {
		t.Fatal("opened payload differs")
	}
	if err := r.Leaf.CheckPayload(p); err != nil {
		t.Fatal(err)
	}
	e1, _ := ExplanationDigest(p.Explanation)
	e2, _ := ExplanationDigest(r.Payload.Explanation)
	if e1 != e2 {
		t.Fatal("opened explanation differs")
	}
	if !math.IsNaN(p.Explanation.Contributions[1].Value) || !p.Explanation.Contributions[1].Missing {
		t.Fatal("missing explanation value not restored as NaN")
	}
	other, _ := NewKey(nil)
	r2 := mustBuild(t, sampleDecision())
	if _, err := Open(other, r.Leaf.DecisionID, r.LeafBytes, sealed); !errors.Is(err, ErrSealed) {
		t.Errorf("wrong key: %v", err)
	}
	if _, err := Open(key, "dec-0002", r.LeafBytes, sealed); !errors.Is(err, ErrSealed) {
		t.Errorf("wrong id: %v", err)
	}
	if _, err := Open(key, r.Leaf.DecisionID, r2.LeafBytes, sealed); !errors.Is(err, ErrSealed) {
		t.Errorf("wrong leaf: %v", err)
	}
	for i := range sealed {
		s := bytes.Clone(sealed)
		s[i] ^= 0x01
		if _, err := Open(key, r.Leaf.DecisionID, r.LeafBytes, s); !errors.Is(err, ErrSealed) {
			t.Fatalf("tampered byte %d: %v", i, err)
		}
	}
	// A payload whose values differ fails the commitment check with the field.
	p.Inputs[0].Value = Integer(42)
	var ce *CommitmentError
	if err := r.Leaf.CheckPayload(p); !errors.As(err, &ce) || ce.Field != FieldInputs {
		t.Fatalf("changed input: %v", err)
	}
}

func TestDecisionJSON(t *testing.T) {
	d := sampleDecision()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back Decision
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if err := back.Validate(); err != nil {
		t.Fatal(err)
	}
	// Same commitments under the same salts.
	var salt Salt
	if must(CommitInputs(salt, sortedFeatures(back.Inputs))) != must(CommitInputs(salt, sortedFeatures(d.Inputs))) ||
		must(CommitMetadata(salt, back.Metadata)) != must(CommitMetadata(salt, d.Metadata)) {
		t.Fatal("JSON round trip changed a committed value")
	}
	if e1, _ := ExplanationDigest(back.Explanation); e1 != must(ExplanationDigest(d.Explanation)) {
		t.Fatal("JSON round trip changed the explanation")
	}
	bad := []struct{ name, in, want string }{
		{"unknown field", `{"id":"x","colour":"red"}`, `unknown field "colour"`},
		{"unknown model field", `{"id":"x","model":{"name":"m","flavour":1}}`, `unknown field "model.flavour"`},
		{"two values", `{"inputs":[{"name":"a","number":1,"integer":2}]}`, "more than one"},
		{"fraction integer", `{"inputs":[{"name":"a","integer":1.5}]}`, "not an int64"},
		{"huge integer", `{"inputs":[{"name":"a","integer":99999999999999999999}]}`, "not an int64"},
		{"NaN literal", `{"output":{"label":"a","score":NaN}}`, "invalid character"},
		{"value with missing", `{"explanation":{"v":1,"method":"m","space":"s","class":0,"base":0,"output":0,"contributions":[{"feature":"a","value":1,"missing":true,"contribution":0}]}}`, "marked missing"},
	}
	for _, c := range bad {
		var d Decision
		err := json.Unmarshal([]byte(c.in), &d)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.name, err, c.want)
		}
	}
}

func TestOutcome(t *testing.T) {
	o := &Outcome{DecisionID: "d1", Time: time.Unix(1700000000, 0), Label: "repaid"}
	l, b, err := BuildOutcome(o)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeLeaf(b)
	if err != nil || got.Kind != KindOutcome || got.OutcomeLabel != "repaid" || !got.Time.Equal(l.Time) {
		t.Fatalf("%+v %v", got, err)
	}
	o.Label = ""
	var ve *ValidationError
	if _, _, err := BuildOutcome(o); !errors.As(err, &ve) || ve.Field != "label" || ve.Record != "d1" {
		t.Fatalf("%v", err)
	}
}

func FuzzDecodeLeaf(f *testing.F) {
	d := sampleDecision()
	r, _ := Build(d, nil)
	f.Add(r.LeafBytes)
	d.Explanation = nil
	r, _ = Build(d, nil)
	f.Add(r.LeafBytes)
	_, b, _ := BuildOutcome(&Outcome{DecisionID: "d", Time: time.Unix(5, 0), Label: "repaid"})
	f.Add(b)
	_, b, _ = BuildAccess(&Access{DecisionID: "d", Index: 7, Reader: "examiner", What: "payload", Time: time.Unix(6, 0)})
	f.Add(b)
	f.Add([]byte{1, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := DecodeLeaf(b)
		if err != nil {
			return
		}
		again, err := EncodeLeaf(l)
		if err != nil {
			t.Fatalf("decoded leaf does not encode: %v", err)
		}
		if !bytes.Equal(again, b) {
			t.Fatalf("non-canonical leaf accepted:\n in %x\nout %x", b, again)
		}
	})
}

func FuzzDecodePayload(f *testing.F) {
	r, _ := Build(sampleDecision(), nil)
	f.Add(must(EncodePayload(r.Payload)))
	d := sampleDecision()
	d.Explanation, d.Groups, d.Metadata = nil, nil, nil
	r, _ = Build(d, nil)
	f.Add(must(EncodePayload(r.Payload)))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := DecodePayload(b)
		if err != nil {
			return
		}
		if again, err := EncodePayload(p); err != nil || !bytes.Equal(again, b) {
			t.Fatalf("non-canonical payload accepted (%v):\n in %x\nout %x", err, b, again)
		}
	})
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// FuzzDecisionJSON: whatever JSON decodes and validates builds a leaf that
// decodes to the same public fields.
func FuzzDecisionJSON(f *testing.F) {
	b, _ := json.Marshal(sampleDecision())
	f.Add(b)
	f.Add([]byte(`{"id":"x","time":"2026-01-01T00:00:00Z","subject":"s","model":{"name":"m","version":"1","artifact_digest":"0101010101010101010101010101010101010101010101010101010101010101"},"output":{"label":"a","score":1}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var d Decision
		if json.Unmarshal(b, &d) != nil || d.Validate() != nil {
			return
		}
		r, err := Build(&d, nil)
		if err != nil {
			t.Fatalf("valid decision does not build: %v", err)
		}
		l, err := DecodeLeaf(r.LeafBytes)
		if err != nil || l.DecisionID != d.ID || !l.Time.Equal(d.Time) || l.Output.Label != d.Output.Label {
			t.Fatalf("leaf does not round-trip: %v", err)
		}
		if err := l.CheckPayload(r.Payload); err != nil {
			t.Fatal(err)
		}
	})
}

// BenchmarkBuildSeal measures the CPU cost of recording a decision before
// storage: validation, salts, commitments, leaf encoding and sealing, for a
// decision with 30 inputs and a 30-feature explanation. The baseline hashes
// the same number of leaf bytes with SHA-256 (the engine's leaf hash).
func BenchmarkBuildSeal(b *testing.B) {
	d := sampleDecision()
	d.Inputs, d.Explanation.Contributions = nil, nil
	for f := range 30 {
		name := "feature_" + string(rune('a'+f%26)) + string(rune('a'+f/26))
		d.Inputs = append(d.Inputs, Feature{Name: name, Value: Number(float64(f) * 1.5)})
		d.Explanation.Contributions = append(d.Explanation.Contributions, explain.Contribution{Feature: name, Value: float64(f) * 1.5, Contribution: 0.01})
	}
	key, _ := NewKey(nil)
	r := mustBuild(b, d)
	b.Run("build+seal", func(b *testing.B) {
		for b.Loop() {
			r, err := Build(d, nil)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := Seal(key, d.ID, r.LeafBytes, r.Payload, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline-leaf-hash", func(b *testing.B) {
		for b.Loop() {
			sha256.Sum256(append([]byte{0}, r.LeafBytes...))
		}
	})
}
