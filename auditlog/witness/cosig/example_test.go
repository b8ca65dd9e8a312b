package cosig_test

import (
	"crypto/ed25519"
	"fmt"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
)

// A witness cosigns a checkpoint; a verifier that knows the witness's key
// checks the cosignature with note.Open, beside (or instead of) the log's.
func ExampleNewVerifier() {
	seed := make([]byte, ed25519.SeedSize) // a fixed key, for the example only
	w, err := cosig.NewSigner("example.org/witness", ed25519.NewKeyFromSeed(seed),
		func() time.Time { return time.Unix(1_790_000_000, 0) })
	if err != nil {
		panic(err)
	}
	vkey := w.Verifier().String()
	fmt.Println(vkey)

	checkpoint := "example.org/log\n3\nq6A+Gv6m0gXo0tWwfhGdPyxOzYRQgA9R7RJWbQUBQIw=\n"
	cosigned, err := note.Sign(&note.Note{Text: checkpoint}, w)
	if err != nil {
		panic(err)
	}

	v, err := cosig.NewVerifier(vkey)
	if err != nil {
		panic(err)
	}
	n, err := note.Open(cosigned, note.VerifierList(v))
	if err != nil {
		panic(err)
	}
	fmt.Println("cosigned by", n.Sigs[0].Name)
	// Output:
	// example.org/witness+56436875+BDtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop
	// cosigned by example.org/witness
}
