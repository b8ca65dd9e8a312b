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
