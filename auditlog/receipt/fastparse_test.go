package receipt

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// slowParse is Parse with encoding/json alone, as it was before the fast
// reading: the reference the fast reading is held to.
func slowParse(b []byte) (*Receipt, error) {
	body := bytes.TrimSuffix(b, []byte("\n"))
	var w wireReceipt
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, ErrFormat
	}
	return fromWire(&w, body)
}

// fastReceipts are receipts that the fast reading must take: every valid
// vector, every case that fails only at verification, and the issued
// fixtures.
func fastReceipts(t testing.TB) [][]byte {
	var out [][]byte
	for _, c := range readVectors(t).Cases {
		if c.Want != "format" {
			out = append(out, []byte(c.Receipt))
		}
	}
	for _, name := range []string{"full.json", "minimal.json", "erased.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", "issued", name))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// TestFastReading checks that the fast reading takes every well-formed
// receipt we have (so Parse does not silently fall back to encoding/json)
// and reads it to the same receipt as encoding/json.
func TestFastReading(t *testing.T) {
	for i, b := range fastReceipts(t) {
		body := bytes.TrimSuffix(b, []byte("\n"))
		var w wireReceipt
		if !decodeCanonical(body, &w) {
			t.Errorf("receipt %d: the fast reading gave up on a canonical receipt", i)
			continue
		}
		fast, err := fromWire(&w, body)
		if err != nil {
			t.Errorf("receipt %d: fast reading: %v", i, err)
			continue
		}
		slow, err := slowParse(b)
		if err != nil {
			t.Fatalf("receipt %d: encoding/json: %v", i, err)
		}
		sameReceipt(t, fast, slow)
	}
}

// sameReceipt compares two receipts by their canonical form and their
// fields that the form does not show (the nil-ness of empty values).
func sameReceipt(t testing.TB, a, b *Receipt) {
	t.Helper()
	ma, err1 := a.Marshal()
	mb, err2 := b.Marshal()
	if err1 != nil || err2 != nil || !bytes.Equal(ma, mb) {
		t.Fatalf("readings differ:\n%s (%v)\n%s (%v)", ma, err1, mb, err2)
	}
	da, db := &a.Disclosures, &b.Disclosures
	if (da.Inputs != nil && (da.Inputs.Value == nil) != (db.Inputs.Value == nil)) ||
		(da.Groups != nil && (da.Groups.Groups == nil) != (db.Groups.Groups == nil)) ||
		(da.Metadata != nil && (da.Metadata.Value == nil) != (db.Metadata.Value == nil)) ||
		(da.Explanation != nil && (da.Explanation.Value.Contributions == nil) != (db.Explanation.Value.Contributions == nil)) {
		t.Fatal("readings differ in an empty value being nil")
	}
}

// FuzzFastReading holds the fast reading to encoding/json's on any input:
// whatever Parse accepts by the fast reading, encoding/json accepts too,
// as the same receipt.
func FuzzFastReading(f *testing.F) {
	for _, b := range fastReceipts(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		body := bytes.TrimSuffix(b, []byte("\n"))
		var w wireReceipt
		if !decodeCanonical(body, &w) {
			return
		}
		fast, err := fromWire(&w, body)
		if err != nil {
			return
		}
		slow, err := slowParse(b)
		if err != nil {
			t.Fatalf("the fast reading accepted what encoding/json refuses (%v):\n%q", err, b)
		}
		sameReceipt(t, fast, slow)
	})
}

// TestCanonicalEncoder holds Marshal to encoding/json's output of the
// wire form (marshalJSON), on the receipts we have and on values chosen
// for the corners of string and number encoding.
func TestCanonicalEncoder(t *testing.T) {
	var base *Receipt
	for i, b := range fastReceipts(t) {
		r, err := Parse(b)
		if err != nil {
			continue // fails at verification only, but some fail Parse too
		}
		if i == 0 || (base == nil && r.Disclosures.Metadata != nil && r.Disclosures.Groups != nil) {
			base = r
		}
		sameEncoding(t, r)
	}
	if base == nil {
		t.Fatal("no receipt with metadata and groups")
	}
	for _, s := range []string{"", "plain", "<b>&amp;</b>", "tab\there", "nl\nnl", "quote\"back\\slash", "\x00\x1f\x7f", "\u2028\u2029", "é—日本", "bad\xffutf8"} {
		r := *base
		d := *r.Disclosures.Metadata
		d.Value = map[string]string{"k": s, s + "key": "v", "a": "b"}
		r.Disclosures.Metadata = &d
		r.Origin = s
		sameEncoding(t, &r)
	}
	for _, w := range []float64{1, 0.5, 1e-6, 9.99e-7, 1e-7, 1.5e-9, 5e-324, 1e20, 1e21, 1.7976931348623157e308, 123456.789} {
		r := *base
		g := *r.Disclosures.Groups
		g.Weight = w
		r.Disclosures.Groups = &g
		sameEncoding(t, &r)
	}
}

func sameEncoding(t testing.TB, r *Receipt) {
	t.Helper()
	got, err1 := r.Marshal()
	want, err2 := r.marshalJSON()
	if (err1 == nil) != (err2 == nil) || !bytes.Equal(got, want) {
		t.Fatalf("Marshal:\n%s (%v)\nencoding/json:\n%s (%v)", got, err1, want, err2)
	}
}

// FuzzCanonicalEncoder compares Marshal with encoding/json's output on
// receipts with fuzzed strings and weight.
func FuzzCanonicalEncoder(f *testing.F) {
	var base *Receipt
	for _, b := range fastReceipts(f) {
		if r, err := Parse(b); err == nil && r.Disclosures.Metadata != nil && r.Disclosures.Groups != nil && r.Disclosures.Subject != nil {
			base = r
			break
		}
	}
	if base == nil {
		f.Fatal("no receipt with subject, metadata and groups")
	}
	f.Add("subject", "key", "value", 1.0)
	f.Add("<\u2028\n\x01\xff", "\"", "\\", 1e-7)
	f.Fuzz(func(t *testing.T, subject, key, value string, weight float64) {
		r := *base
		s := *r.Disclosures.Subject
		s.Value = subject
		r.Disclosures.Subject = &s
		m := *r.Disclosures.Metadata
		m.Value = map[string]string{key: value, value: key}
		r.Disclosures.Metadata = &m
		g := *r.Disclosures.Groups
		g.Weight = weight
		r.Disclosures.Groups = &g
		r.Origin = key
		sameEncoding(t, &r)
	})
}
