package registry_test

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// Publish a model version, check a model file against it, and anchor a log
// checkpoint, on an in-process chain.
func Example() {
	ctx := context.Background()
	chain, err := simchain.New(ctx, nil) // account 0: admin, publisher, resolver
	if err != nil {
		fmt.Println(err)
		return
	}
	defer chain.Close()
	reg := chain.Registry

	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	model := filepath.Join(dir, "credit-1.0.0.json")
	os.WriteFile(model, []byte(`{"learner":{}}`), 0o600)

	digest, _ := registry.ArtifactDigest(model)
	if _, err := reg.RegisterModel(ctx, chain.TransactOpts(0), "credit", "1.0.0", digest, registry.Lineage{}, "ipfs://model-card"); err != nil {
		fmt.Println(err)
		return
	}
	_, err = reg.RegisterModel(ctx, chain.TransactOpts(0), "credit", "1.0.0", digest, registry.Lineage{}, "")
	fmt.Println("publish twice:", errors.Is(err, registry.ErrDuplicateVersion))

	_, err = reg.CheckArtifact(ctx, "credit", "1.0.0", model)
	fmt.Println("file matches:", err == nil)
	os.WriteFile(model, []byte(`{"learner":{"tampered":1}}`), 0o600)
	_, err = reg.CheckArtifact(ctx, "credit", "1.0.0", model)
	fmt.Println("altered file:", errors.Is(err, registry.ErrDigestMismatch))

	// A log, anchored by account 1.
	origin := "bank.example/decisions"
	seed := sha256.Sum256([]byte("demo"))
	pub := ed25519.NewKeyFromSeed(seed[:]).Public().(ed25519.PublicKey)
	if _, err := reg.RegisterLog(ctx, chain.TransactOpts(0), origin, pub, chain.Address(1)); err != nil {
		fmt.Println(err)
		return
	}
	id := registry.LogIDFor(origin)
	root := sha256.Sum256([]byte("root of the first 100 leaves"))
	if _, err := reg.Anchor(ctx, chain.TransactOpts(1), id, 100, root); err != nil {
		fmt.Println(err)
		return
	}
	_, err = reg.Anchor(ctx, chain.TransactOpts(1), id, 90, root)
	fmt.Println("shrinking tree:", errors.Is(err, registry.ErrSizeNotGrowing))

	a, _ := reg.RootAt(ctx, id, 100)
	fmt.Println("root at 100 on chain:", a.Root == root)
	// Output:
	// publish twice: true
	// file matches: true
	// altered file: true
	// shrinking tree: true
	// root at 100 on chain: true
}
