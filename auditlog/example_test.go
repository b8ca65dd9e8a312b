package auditlog_test

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// exampleLog opens a fresh log in a temporary directory, with a new key.
func exampleLog(origin string) (*auditlog.Log, note.Verifier, func()) {
	dir, err := os.MkdirTemp("", "auditlog-example")
	if err != nil {
		log.Fatal(err)
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	if err != nil {
		log.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		log.Fatal(err)
	}
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		log.Fatal(err)
	}
	l, err := auditlog.Open(filepath.Join(dir, "log"), &auditlog.Options{Signer: signer, Verifier: verifier})
	if err != nil {
		log.Fatal(err)
	}
	return l, verifier, func() { l.Close(); os.RemoveAll(dir) }
}

// Open a log, append leaves, sign a checkpoint, and prove that a leaf is in
// it. The verifier side needs only the signed note, the leaf, the proof and
// the log's public key: package verify opens no database.
func Example() {
	ctx := context.Background()
	l, verifier, done := exampleLog("example.org/glassbox/log")
	defer done()

	for _, leaf := range []string{"first", "second", "third"} {
		i, err := l.Append(ctx, []byte(leaf))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("appended %q at %d\n", leaf, i)
	}
	cp, err := l.Checkpoint(ctx)
	if err != nil {
		log.Fatal(err)
	}
	proof, err := l.InclusionProof(ctx, 1, cp.Size)
	if err != nil {
		log.Fatal(err)
	}

	// Offline, with what the log handed out.
	c, err := verify.OpenCheckpoint(cp.Note, verifier)
	if err != nil {
		log.Fatal(err)
	}
	err = verify.VerifyInclusion(1, c.Size, verify.LeafHash([]byte("second")), proof, c.Root)
	fmt.Printf("checkpoint of %s at size %d; leaf 1 included: %v\n", c.Origin, c.Size, err == nil)
	err = verify.VerifyInclusion(1, c.Size, verify.LeafHash([]byte("forged")), proof, c.Root)
	fmt.Println("another leaf at 1 verifies:", err == nil)
	// Output:
	// appended "first" at 0
	// appended "second" at 1
	// appended "third" at 2
	// checkpoint of example.org/glassbox/log at size 3; leaf 1 included: true
	// another leaf at 1 verifies: false
}

// A layer above the engine writes through its own Store: each entry has an
// idempotency key (here a name, so a name is logged once) and a Write that
// keeps a count in the same batch as the leaf. A View reads the count and the
// leaves of one tree size.
func ExampleStore_Append() {
	ctx := context.Background()
	l, _, done := exampleLog("example.org/glassbox/layer")
	defer done()
	st, err := l.Store("names")
	if err != nil {
		log.Fatal(err)
	}
	count := []byte("count")
	add := func(tx *auditlog.Tx, _ uint64) error {
		var n uint64
		if v, err := tx.Get(count); err == nil {
			n = binary.BigEndian.Uint64(v)
		}
		return tx.Set(count, binary.BigEndian.AppendUint64(nil, n+1))
	}
	for _, batch := range [][]string{{"ada", "grace"}, {"grace", "edsger"}} {
		var es []auditlog.Entry
		for _, name := range batch {
			es = append(es, auditlog.Entry{Leaf: []byte("hello " + name), Key: []byte("name/" + name), Write: add})
		}
		res, err := st.Append(ctx, es)
		if err != nil {
			log.Fatal(err)
		}
		for i, r := range res {
			fmt.Printf("%s: index %d, existing %v\n", batch[i], r.Index, r.Existing)
		}
	}

	v, err := st.View(ctx)
	if err != nil {
		log.Fatal(err)
	}
	defer v.Close()
	n, err := v.Get(count)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("view of size %d counts %d names\n", v.Size(), binary.BigEndian.Uint64(n))
	err = v.Scan([]byte("name/"), auditlog.PrefixEnd([]byte("name/")), func(k, idx []byte) error {
		leaf, err := v.Leaf(binary.BigEndian.Uint64(idx))
		fmt.Printf("%s -> %q\n", k, leaf)
		return err
	})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// ada: index 0, existing false
	// grace: index 1, existing false
	// grace: index 1, existing true
	// edsger: index 2, existing false
	// view of size 3 counts 3 names
	// name/ada -> "hello ada"
	// name/edsger -> "hello edsger"
	// name/grace -> "hello grace"
}
