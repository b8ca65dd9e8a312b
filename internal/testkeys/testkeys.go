// Package testkeys makes checkpoint keys for tests: fresh Ed25519 note key
// pairs (golang.org/x/mod/sumdb/note), real keys and real signatures.
package testkeys

import (
	"crypto/rand"
	"testing"

	"golang.org/x/mod/sumdb/note"
)

// New returns a fresh note signer and its verifier, named name (a log's
// origin). It fails the test if name is not a valid key name.
func New(t testing.TB, name string) (note.Signer, note.Verifier) {
	t.Helper()
	skey, vkey, err := note.GenerateKey(rand.Reader, name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return s, v
}
