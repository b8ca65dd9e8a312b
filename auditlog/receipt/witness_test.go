package receipt

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
)

func newCosigner(t *testing.T, name string) *cosig.Signer {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := cosig.NewSigner(name, priv, func() time.Time { return time.Unix(1_790_000_000, 0) })
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// cosignLine returns s's signature line over the note's body.
func cosignLine(t *testing.T, n []byte, s note.Signer) string {
	body, _, _ := strings.Cut(string(n), "\n\n")
	signed, err := note.Sign(&note.Note{Text: body + "\n"}, s)
	if err != nil {
		t.Fatal(err)
	}
	_, line, _ := strings.Cut(string(signed), "\n\n")
	return line
}

// TestVerifyWithWitnesses: a k-of-n policy accepts a receipt with k valid
// cosignatures and names them; with fewer, or with a forged line, it fails
// with a WitnessError counting valid against required; with no policy the
// receipt verifies as before.
func TestVerifyWithWitnesses(t *testing.T) {
	l := newTestLog(t, 3)
	r := l.receipt(t, 1, 3)
	a, b, c := newCosigner(t, "example.org/wa"), newCosigner(t, "example.org/wb"), newCosigner(t, "example.org/wc")
	ws := []note.Verifier{a.Verifier(), b.Verifier(), c.Verifier()}
	plain := r.Checkpoint
	two := slices.Concat(plain, []byte(cosignLine(t, plain, a)), []byte(cosignLine(t, plain, c)))
	r.Checkpoint = two
	r = roundTrip(t, r) // cosignature lines survive the canonical form

	res, err := VerifyWith(r, l.verifier, &VerifyOptions{Witnesses: ws, WitnessThreshold: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Cosigned, []string{"example.org/wa", "example.org/wc"}) {
		t.Errorf("Cosigned = %v", res.Cosigned)
	}
	// All three (threshold 0) is more than the receipt has.
	_, err = VerifyWith(r, l.verifier, &VerifyOptions{Witnesses: ws})
	var we *WitnessError
	wantCheck(t, err, CheckWitness)
	if !errors.As(err, &we) || len(we.Valid) != 2 || we.Required != 3 || !strings.Contains(err.Error(), "2 valid cosignatures of the 3 policy witnesses, 3 required") {
		t.Fatalf("all of three: %v", err)
	}
	// No cosignatures at all: refused by a policy, fine without one.
	r.Checkpoint = plain
	if _, err := VerifyWith(r, l.verifier, &VerifyOptions{Witnesses: ws, WitnessThreshold: 1}); !errors.As(err, &we) || len(we.Valid) != 0 {
		t.Fatalf("no cosignatures: %v", err)
	}
	if res, err := VerifyWith(r, l.verifier, nil); err != nil || res.Cosigned != nil {
		t.Fatalf("no policy: %v", err)
	}
	// A line under a witness's name and key id over another body does not
	// count, and is named as invalid.
	other := strings.Replace(string(plain), "\n3\n", "\n4\n", 1)
	r.Checkpoint = slices.Concat(plain, []byte(cosignLine(t, []byte(other), a)))
	_, err = VerifyWith(r, l.verifier, &VerifyOptions{Witnesses: ws[:1]})
	if !errors.As(err, &we) || len(we.Valid) != 0 || !slices.Equal(we.Invalid, []string{"example.org/wa"}) {
		t.Fatalf("forged line: %v", err)
	}
	// A witness key of the same name but another key: no count.
	a2 := newCosigner(t, "example.org/wa")
	r.Checkpoint = slices.Concat(plain, []byte(cosignLine(t, plain, a2)))
	if _, err := VerifyWith(r, l.verifier, &VerifyOptions{Witnesses: ws[:1]}); !errors.As(err, &we) || len(we.Valid) != 0 {
		t.Fatalf("other key, same name: %v", err)
	}
}

func TestVerifyWithBadPolicy(t *testing.T) {
	l := newTestLog(t, 2)
	r := l.receipt(t, 0, 2)
	a := newCosigner(t, "example.org/wa").Verifier()
	for name, o := range map[string]*VerifyOptions{
		"threshold above n":     {Witnesses: []note.Verifier{a}, WitnessThreshold: 2},
		"negative threshold":    {Witnesses: []note.Verifier{a}, WitnessThreshold: -1},
		"key twice":             {Witnesses: []note.Verifier{a, a}, WitnessThreshold: 1},
		"threshold, no witness": {WitnessThreshold: 1},
		"witness is the log":    {Witnesses: []note.Verifier{l.verifier}},
	} {
		if _, err := VerifyWith(r, l.verifier, o); !errors.Is(err, ErrPolicy) {
			t.Errorf("%s: %v, want ErrPolicy", name, err)
		}
	}
}
