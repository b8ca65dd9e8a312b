package record

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

// TestAccessLeafReferenceBytes pins the canonical bytes of an access leaf
// (docs/leaf-format.md): kind 3, the decision id, the time, then the
// reader, the leaf index read and what was read.
func TestAccessLeafReferenceBytes(t *testing.T) {
	l, b, err := BuildAccess(&Access{DecisionID: "d1", Index: 5, Reader: "R", What: "payload", Time: time.Unix(0, 258)})
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{1, 3, 0, 2, 'd', '1', 0, 0, 0, 0, 0, 0, 1, 2, 0, 1, 'R', 0, 0, 0, 0, 0, 0, 0, 5, 0, 7, 'p', 'a', 'y', 'l', 'o', 'a', 'd'}
	if !bytes.Equal(b, want) {
		t.Fatalf("access leaf\n got %x\nwant %x", b, want)
	}
	got, err := DecodeLeaf(b)
	if err != nil {
		t.Fatal(err)
	}
	a, ok := got.Access()
	if !ok || a.DecisionID != "d1" || a.Index != 5 || a.Reader != "R" || a.What != "payload" || !a.Time.Equal(l.Time) {
		t.Fatalf("decoded %+v (%v)", a, ok)
	}
	if got.Kind.String() != "access" {
		t.Errorf("kind %q", got.Kind)
	}
	if _, ok := (&Leaf{Kind: KindDecision}).Access(); ok {
		t.Error("a decision leaf reads as an access")
	}
}

// TestAccessValidation: an access without a reader, a decision id, a time
// or what was read is refused naming the field, and a truncated access leaf
// does not decode.
func TestAccessValidation(t *testing.T) {
	ok := Access{DecisionID: "d1", Index: 5, Reader: "R", What: "payload", Time: time.Unix(9, 0)}
	for field, mod := range map[string]func(a *Access){
		"access.reader": func(a *Access) { a.Reader = "" },
		"access.what":   func(a *Access) { a.What = "a\nb" },
		"decision_id":   func(a *Access) { a.DecisionID = "" },
		"time":          func(a *Access) { a.Time = time.Time{} },
	} {
		a := ok
		mod(&a)
		var ve *ValidationError
		if _, _, err := BuildAccess(&a); !errors.As(err, &ve) || ve.Field != field {
			t.Errorf("%s: %v", field, err)
		}
	}
	_, b, err := BuildAccess(&ok)
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(b) {
		if _, err := DecodeLeaf(b[:n]); err == nil {
			t.Fatalf("the first %d bytes decode", n)
		}
	}
}
