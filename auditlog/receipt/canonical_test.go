package receipt

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// truncatingInputs is the inputs encoding of docs/leaf-format.md written
// the way the first version of package record wrote it: every length as
// uint16(len), silently truncated. It is the attacked encoding, written out
// here by hand, not the code under test.
func truncatingInputs(in []record.Feature) []byte {
	u16 := func(b []byte, n int) []byte { return binary.BigEndian.AppendUint16(b, uint16(n)) }
	str := func(b []byte, s string) []byte { return append(u16(b, len(s)), s...) }
	b := u16(nil, len(in))
	for _, f := range in {
		b = str(b, f.Name)
		b = append(b, byte(f.Value.Kind()))
		switch f.Value.Kind() {
		case record.KindInteger:
			i, _ := f.Value.Int()
			b = binary.BigEndian.AppendUint64(b, uint64(i))
		case record.KindString:
			s, _ := f.Value.Str()
			b = str(b, s)
		case record.KindBool:
			v, _ := f.Value.Boolean()
			b = append(b, map[bool]byte{false: 0, true: 1}[v])
		default:
			panic("truncatingInputs: kind not used by the forgery")
		}
	}
	return b
}

// longStringForgery returns a valid input list of more than 64 KiB that
// records income 16705, and a forged list, in the same (canonical) order,
// that discloses income 9000: under the truncating encoding both have the
// same bytes. The forged list's first value is a 65,538-byte string whose
// length is written as 2; its tail swallows the honest list's next 65,536
// bytes (64 filler features, the real income and the header of "note"),
// and the forgery reads the content of the honest "note" value as 66
// features of its own.
func longStringForgery(t testing.TB) (honest, forged []record.Feature) {
	honest = []record.Feature{{Name: "a", Value: record.String("AA")}}
	fillers := append(slices.Repeat([]int{1024}, 62), 895, 615) // every length byte < 0x80, so the forgery is valid UTF-8
	for i, n := range fillers {
		honest = append(honest, record.Feature{Name: fmt.Sprintf("f%02d", i), Value: record.String(strings.Repeat("A", n))})
	}
	honest = append(honest, record.Feature{Name: "income", Value: record.Integer(16705)})
	var tail []record.Feature
	for i := range 65 {
		v := record.Bool(true)
		if i == 64 {
			v = record.String(strings.Repeat("B", 39)) // pads the note to 512 bytes
		}
		tail = append(tail, record.Feature{Name: fmt.Sprintf("b%02d", i), Value: v})
	}
	tail = append(tail, record.Feature{Name: "income", Value: record.Integer(9000)})
	note := truncatingInputs(tail)[2:] // the features without their count
	honest = append(honest, record.Feature{Name: "note", Value: record.String(string(note))})
	enc := truncatingInputs(honest)
	start := len(truncatingInputs(honest[:1])) // just after "AA"
	end := bytes.Index(enc, note)              // the note's content
	s := "AA" + string(enc[start:end])
	forged = append([]record.Feature{{Name: "a", Value: record.String(s)}}, tail...)
	if len(note) != 512 || len(s) != 65538 || !utf8.ValidString(s) || !bytes.Equal(truncatingInputs(forged), enc) {
		t.Fatalf("forgery construction broken: note %d bytes, string %d bytes", len(note), len(s))
	}
	return honest, forged
}

// replaceJSON replaces the one occurrence of old's JSON encoding in b by
// new's (encoded as Marshal encodes: no HTML escaping).
func replaceJSON(t testing.TB, b []byte, old, new any) []byte {
	t.Helper()
	enc := func(v any) []byte {
		var buf bytes.Buffer
		e := json.NewEncoder(&buf)
		e.SetEscapeHTML(false)
		if err := e.Encode(v); err != nil {
			t.Fatal(err)
		}
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	}
	o, n := enc(old), enc(new)
	if c := bytes.Count(b, o); c != 1 {
		t.Fatalf("%d occurrences of %.60s", c, o)
	}
	return bytes.Replace(b, o, n, 1)
}

// rejected fails unless b is refused by Parse or, parsed, by Verify.
func rejected(t *testing.T, name string, b []byte, v note.Verifier) {
	t.Helper()
	r, err := Parse(b)
	if err == nil {
		_, err = Verify(r, v)
	}
	if err == nil {
		t.Errorf("%s: accepted", name)
	}
}

// TestForgedLongStringDisclosure replays the attack on the truncating
// encoder: a receipt for a decision that recorded income 16705 is rewritten
// to disclose income 9000. Neither the forged file nor the forged receipt
// built in Go may verify.
func TestForgedLongStringDisclosure(t *testing.T) {
	honest, forged := longStringForgery(t)
	d := decision(0)
	d.Inputs = honest
	l := newTestLogOf(t, d)
	r := l.receipt(t, 0, 1)
	b, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(roundTrip(t, r), l.verifier); err != nil {
		t.Fatalf("honest receipt: %v", err)
	}
	fb := replaceJSON(t, b, honest, forged)
	if fr, err := Parse(fb); !errors.Is(err, ErrFormat) {
		if err == nil {
			_, err = Verify(fr, l.verifier)
		}
		t.Errorf("forged receipt file: got %v, want a format error", err)
	}
	r.Disclosures.Inputs.Value = forged
	_, err = Verify(r, l.verifier)
	wantCheck(t, err, CheckCommitment)
	if !errors.Is(err, record.ErrInvalid) {
		t.Errorf("forged inputs: %v, want a validation error", err)
	}
}

// TestMalleability: a receipt has one form. Reordered lists, a repeated
// signature line and a second signature under the log's name by another
// key are refused; a witness cosignature (another name) is allowed.
func TestMalleability(t *testing.T) {
	d := decision(1)
	d.Groups = append(d.Groups, record.Attr{Name: "age_band", Value: "30-39"})
	l := newTestLogOf(t, decision(0), d, decision(2))
	r := l.receipt(t, 1, 3)
	b, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(roundTrip(t, r), l.verifier); err != nil {
		t.Fatal(err)
	}
	in, gs := r.Disclosures.Inputs.Value, r.Disclosures.Groups.Groups
	if len(in) < 2 || len(gs) < 2 {
		t.Fatal("need two inputs and two groups")
	}
	body, sigs, _ := strings.Cut(string(r.Checkpoint), "\n\n")
	body += "\n"
	sign := func(name string) string {
		skey, _, err := note.GenerateKey(rand.Reader, name)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := note.NewSigner(skey)
		msg, err := note.Sign(&note.Note{Text: body}, s)
		if err != nil {
			t.Fatal(err)
		}
		_, line, _ := strings.Cut(string(msg), "\n\n")
		return line
	}
	withSigs := func(lines ...string) []byte { return []byte(body + "\n" + strings.Join(lines, "")) }

	// Each case is refused in its file form and in its Go form.
	for _, c := range []struct {
		name  string
		edit  func(r *Receipt)
		check Check
	}{
		{"reversed inputs", func(r *Receipt) { slices.Reverse(r.Disclosures.Inputs.Value) }, CheckCommitment},
		{"reversed groups", func(r *Receipt) { slices.Reverse(r.Disclosures.Groups.Groups) }, CheckCommitment},
		{"duplicated input", func(r *Receipt) {
			r.Disclosures.Inputs.Value = slices.Insert(r.Disclosures.Inputs.Value, 1, r.Disclosures.Inputs.Value[0])
		}, CheckCommitment},
		{"repeated signature line", func(r *Receipt) { r.Checkpoint = withSigs(sigs, sigs) }, CheckSignature},
		{"second key under the log's name", func(r *Receipt) { r.Checkpoint = withSigs(sigs, sign(testOrigin)) }, CheckSignature},
		{"second key under the log's name, first", func(r *Receipt) { r.Checkpoint = withSigs(sign(testOrigin), sigs) }, CheckSignature},
	} {
		m := roundTrip(t, r)
		c.edit(m)
		var fb []byte
		switch {
		case !slices.Equal(m.Checkpoint, r.Checkpoint):
			fb = replaceJSON(t, b, string(r.Checkpoint), string(m.Checkpoint))
		case m.Disclosures.Inputs.Value[0] != in[0] || len(m.Disclosures.Inputs.Value) != len(in):
			fb = replaceJSON(t, b, in, m.Disclosures.Inputs.Value)
		default:
			fb = replaceJSON(t, b, gs, m.Disclosures.Groups.Groups)
		}
		rejected(t, c.name+" (file)", fb, l.verifier)
		_, err := Verify(m, l.verifier)
		if err == nil {
			t.Errorf("%s: verifies", c.name)
			continue
		}
		wantCheck(t, err, c.check)
	}

	// A witness cosignature is carried, not checked: it may be added.
	w := roundTrip(t, r)
	w.Checkpoint = withSigs(sigs, sign("example.org/witness"))
	if _, err := Verify(roundTrip(t, w), l.verifier); err != nil {
		t.Errorf("witness cosignature: %v", err)
	}
}
