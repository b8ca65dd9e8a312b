package desk_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/desk"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// A lender's desk files an applicant's dispute against an anchored
// decision, reads the text back (checked against the chain) and follows
// its status.
func Example() {
	ctx := context.Background()
	chain, err := simchain.New(ctx, nil) // account 0: admin and resolver; 1: anchorer; 2: the desk
	if err != nil {
		panic(err)
	}
	defer chain.Close()
	dir, err := os.MkdirTemp("", "desk-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	// The lender's log, with one decision, registered and anchored.
	const origin = "lender.example/decisions"
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	if err != nil {
		panic(err)
	}
	// The log's Ed25519 key, as the contract registers it: the verifier
	// key's bytes after the algorithm byte.
	raw, err := base64.StdEncoding.DecodeString(strings.SplitN(vkey, "+", 3)[2])
	if err != nil {
		panic(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		panic(err)
	}
	log, err := auditlog.Open(dir, &auditlog.Options{Signer: signer, CheckpointInterval: -1})
	if err != nil {
		panic(err)
	}
	defer log.Close()
	leaf := []byte("decision of applicant 42: declined")
	index, err := log.Append(ctx, leaf)
	if err != nil {
		panic(err)
	}
	r, admin := chain.Registry, chain.TransactOpts(0)
	logID := registry.LogIDFor(origin)
	if _, err := r.RegisterLog(ctx, admin, origin, ed25519.PublicKey(raw[1:]), chain.Address(1)); err != nil {
		panic(err)
	}
	root, err := log.RootAt(ctx, log.Size())
	if err != nil {
		panic(err)
	}
	if _, err := r.Anchor(ctx, chain.TransactOpts(1), logID, log.Size(), root); err != nil {
		panic(err)
	}

	// The admin lets the desk hold many disputes open; the desk files one.
	if _, err := r.SetDisputeLimit(ctx, admin, chain.Address(2), 10_000); err != nil {
		panic(err)
	}
	st, err := log.Store(desk.DefaultNamespace)
	if err != nil {
		panic(err)
	}
	d, err := desk.New(r, chain.TransactOpts(2), logID, st)
	if err != nil {
		panic(err)
	}
	id, err := d.File(ctx, index, verify.LeafHash(leaf), "My income is 52,000, not 25,000.")
	if err != nil {
		panic(err)
	}
	again, _ := d.File(ctx, index, verify.LeafHash(leaf), "My income is 52,000, not 25,000.")
	text, err := d.Text(ctx, id)
	if err != nil {
		panic(err)
	}
	rec, err := d.Status(ctx, id)
	if err != nil {
		panic(err)
	}
	fmt.Println("dispute", id, "filed; the retried form gives", again)
	fmt.Println("text:", text)
	fmt.Println("on chain:", rec.ReasonURI[:15]+"…", rec.Status)
	if _, err := r.ResolveDispute(ctx, admin, id, registry.DisputeUpheld, "https://lender.example/rulings/1"); err != nil {
		panic(err)
	}
	rec, _ = d.Status(ctx, id)
	fmt.Println("now:", rec.Status, rec.ResolutionURI)
	// Output:
	// dispute 1 filed; the retried form gives 1
	// text: My income is 52,000, not 25,000.
	// on chain: sha256:5923f9be… open
	// now: upheld https://lender.example/rulings/1
}
