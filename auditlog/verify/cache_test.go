package verify_test

import (
	"crypto/rand"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// countingVerifier counts the signature checks that reach it.
type countingVerifier struct {
	note.Verifier
	calls int
}

func (c *countingVerifier) Verify(msg, sig []byte) bool {
	c.calls++
	return c.Verifier.Verify(msg, sig)
}

func TestCachedVerifier(t *testing.T) {
	skey, vkey, err := note.GenerateKey(rand.Reader, "example.org/log")
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	nv, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	cv := &countingVerifier{Verifier: nv}
	v := verify.NewCachedVerifier(cv, 2)
	if v.Name() != nv.Name() || v.KeyHash() != nv.KeyHash() {
		t.Fatal("name or key hash differs from the wrapped verifier's")
	}
	cp := verify.Checkpoint{Origin: "example.org/log", Size: 7}
	signed, err := note.Sign(&note.Note{Text: string(cp.Marshal())}, s)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		got, err := verify.OpenCheckpoint(signed, v)
		if err != nil || got != cp {
			t.Fatalf("open %d: %v, %v", i, got, err)
		}
	}
	if cv.calls != 1 {
		t.Errorf("%d signature checks for one checkpoint opened 3 times, want 1", cv.calls)
	}

	// A hit is for the exact bytes only: another message under the same
	// signature, or a changed signature, goes to the wrapped verifier and
	// fails.
	msg := []byte(cp.Marshal())
	sig, err := s.Sign(msg)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Verify(msg, sig) {
		t.Fatal("the signer's signature does not verify")
	}
	other := verify.Checkpoint{Origin: "example.org/log", Size: 8}.Marshal()
	if v.Verify(other, sig) {
		t.Error("a cached signature verified another message")
	}
	bad := append([]byte(nil), sig...)
	bad[len(bad)-1] ^= 1
	if v.Verify(msg, bad) {
		t.Error("a changed signature verified")
	}
	if v.Verify(msg, bad) {
		t.Error("a changed signature verified the second time")
	}
	if cv.calls != 4 {
		t.Errorf("%d checks reached the wrapped verifier, want 4 (Ed25519 is deterministic: the signer's signature was a hit; failures are not cached)", cv.calls)
	}

	// The cache is bounded: past its size it starts over, and still
	// verifies.
	for size := uint64(20); size < 25; size++ {
		c := verify.Checkpoint{Origin: "example.org/log", Size: size}
		n, err := note.Sign(&note.Note{Text: string(c.Marshal())}, s)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := verify.OpenCheckpoint(n, v); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := verify.OpenCheckpoint(signed, v); err != nil {
		t.Fatal(err)
	}
}
