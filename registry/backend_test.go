package registry_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/glassbox-audit/glassbox/internal/anviltest"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// chainEnv is a backend to run the conformance suite on: three funded
// signers and, for a simulated chain, a way to mine.
type chainEnv struct {
	backend registry.Backend
	signers [3]*bind.TransactOpts
	commit  func()
}

// TestBackends runs the same suite on the simulated backend and on anvil
// over JSON-RPC: the client must behave the same on both.
func TestBackends(t *testing.T) {
	t.Run("simulated", func(t *testing.T) {
		c, err := simchain.New(context.Background(), &simchain.Options{Accounts: 3})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		backendSuite(t, chainEnv{c.Client, [3]*bind.TransactOpts{c.TransactOpts(0), c.TransactOpts(1), c.TransactOpts(2)}, func() { c.Commit() }})
	})
	t.Run("anvil", func(t *testing.T) {
		n := anviltest.Start(t, &anviltest.Options{Accounts: 3, Hardfork: "prague"})
		backendSuite(t, chainEnv{n.Client, [3]*bind.TransactOpts{n.TransactOpts(0), n.TransactOpts(1), n.TransactOpts(2)}, nil})
	})
}

// backendSuite: deployment, a log and its anchors, a model and its artifact
// check, a dispute, and custom errors decoded from the node's error data,
// including for a transaction that failed after mining.
func backendSuite(t *testing.T, env chainEnv) {
	ctx := context.Background()
	adm, anc, anyone := env.signers[0], env.signers[1], env.signers[2]
	opts := &registry.Options{Commit: env.commit}

	r, _, err := registry.Deploy(ctx, env.backend, adm, opts)
	if err != nil {
		t.Fatal(err)
	}
	// A second client from the address alone, as a verifier would make.
	r, err = registry.New(ctx, env.backend, r.Address(), opts)
	if err != nil {
		t.Fatal(err)
	}

	origin := "anvil.example/log"
	id := registry.LogIDFor(origin)
	must[*types.Receipt](t)(r.RegisterLog(ctx, adm, origin, pubKey(origin), anc.From))
	rc5 := must[*types.Receipt](t)(r.Anchor(ctx, anc, id, 5, h("r5")))
	must[*types.Receipt](t)(r.AnchorMany(ctx, anc, []registry.Anchor{{LogID: id, TreeSize: 8, Root: h("r8")}}))

	// Reverts over JSON-RPC come back decoded, with their arguments.
	_, err = r.Anchor(ctx, anc, id, 8, h("again"))
	wantArgs(t, wantRevert(t, err, registry.ErrSizeNotGrowing, "SizeNotGrowing"), id, uint64(8), uint64(8))
	_, err = r.Anchor(ctx, anyone, id, 9, h("r9"))
	wantRevert(t, err, registry.ErrNotAnchorer, "NotAnchorer")
	_, err = r.RootAt(ctx, id, 6)
	wantRevert(t, err, registry.ErrNotAnchored, "NotAnchored")
	// A transaction that fails after mining (gas limit given, so no
	// estimation) is explained by replaying it.
	forced := *anc
	forced.GasLimit = 200_000
	rcpt, err := r.Anchor(ctx, &forced, id, 7, h("r7"))
	wantRevert(t, err, registry.ErrSizeNotGrowing, "SizeNotGrowing")
	if rcpt == nil || rcpt.Status != types.ReceiptStatusFailed {
		t.Fatalf("receipt %+v; want a failed one", rcpt)
	}

	if a := must[registry.Anchor](t)(r.RootAt(ctx, id, 5)); a.Root != h("r5") || a.BlockNumber != rc5.BlockNumber.Uint64() {
		t.Fatalf("RootAt(5) = %+v", a)
	}
	if a := must[registry.Anchor](t)(r.LatestAnchor(ctx, id)); a.TreeSize != 8 || a.Root != h("r8") {
		t.Fatalf("LatestAnchor = %+v", a)
	}

	path := filepath.Join(t.TempDir(), "model.bin")
	if err := os.WriteFile(path, []byte("model bytes"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := must[[32]byte](t)(registry.ArtifactDigest(path))
	lin := registry.Lineage{SchemaDigest: h("schema"), ManifestRoot: h("manifest"), CardDigest: h("card"), CodeRef: "https://example.com/train.git@0123abc"}
	must[*types.Receipt](t)(r.RegisterModel(ctx, adm, "credit", "2.0", d, lin, "https://example.com/card"))
	if m := must[registry.ModelVersion](t)(r.Model(ctx, "credit", "2.0")); m.Lineage != lin {
		t.Fatalf("lineage read back %+v, registered %+v", m.Lineage, lin)
	}
	_, err = r.RegisterModel(ctx, adm, "credit", "2.0", d, registry.Lineage{}, "")
	wantRevert(t, err, registry.ErrDuplicateVersion, "VersionExists")
	if _, err := r.CheckArtifact(ctx, "credit", "2.0", path); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("model bytez"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := r.CheckArtifact(ctx, "credit", "2.0", path); !errors.Is(err, registry.ErrDigestMismatch) {
		t.Fatalf("tampered model: %v", err)
	}

	did, _, err := r.FileDispute(ctx, anyone, id, 3, h("leaf 3"), "https://example.com/d")
	if err != nil || did != 1 {
		t.Fatalf("FileDispute: %d, %v", did, err)
	}
	must[*types.Receipt](t)(r.ResolveDispute(ctx, adm, did, registry.DisputeUpheld, "https://example.com/r"))
	if d := must[registry.Dispute](t)(r.Dispute(ctx, did)); d.Status != registry.DisputeUpheld {
		t.Fatalf("dispute %+v", d)
	}
}
