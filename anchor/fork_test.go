package anchor

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/registry"
)

// anchorAll steps a until the log's current size is anchored and
// confirmed (two confirmations).
func anchorAll(t *testing.T, f *fixture, a *Anchorer) {
	t.Helper()
	step(t, a)
	if a.pend == nil || a.pend.TreeSize != f.log.Size() {
		t.Fatalf("pending %+v, want an anchor of size %d in flight", a.pend, f.log.Size())
	}
	for range 2 {
		f.chain.Commit()
		step(t, a)
	}
	if anc, ok := a.Latest(); !ok || anc.TreeSize != f.log.Size() {
		t.Fatalf("latest anchor %+v, want size %d confirmed", anc, f.log.Size())
	}
	f.checkOnChain(t, f.log.Size())
}

func TestForkedLogIsNotAnchored(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.log.appendN(t, 10)
	anchorAll(t, f, f.anchorer(t, nil))
	before, err := f.chain.Registry.LatestAnchor(ctx, registry.LogIDFor(f.log.origin))
	if err != nil {
		t.Fatal(err)
	}

	// Another log under the same origin and key (a rolled-back store grown
	// again, a restored backup): other leaves, past the anchored size.
	fork := &testLog{dir: t.TempDir(), origin: f.log.origin, skey: f.log.skey, vkey: f.log.vkey, pub: f.log.pub}
	fork.open(t)
	fork.appendN(t, 5)
	fork.appendN(t, 10)
	forkRoot, err := fork.RootAt(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if [32]byte(forkRoot) == before.Root {
		t.Fatal("the fork has the anchored root: the test would prove nothing")
	}
	a, err := New(fork, fork.state(t), f.chain.Client, f.options())
	if err != nil {
		t.Fatal(err)
	}
	err = a.Run(ctx)
	var fe *ForkError
	if !errors.Is(err, ErrForked) || !errors.As(err, &fe) {
		t.Fatalf("Run on a forked log: %v, want ErrForked", err)
	}
	if fe.AnchoredSize != 10 || fe.AnchoredRoot != before.Root || fe.LogSize != 15 || fe.LogRoot != [32]byte(forkRoot) {
		t.Fatalf("evidence %+v; want anchored 10 %x, log 15 with %x", fe, before.Root, forkRoot)
	}
	after, err := f.chain.Registry.LatestAnchor(ctx, registry.LogIDFor(f.log.origin))
	if err != nil {
		t.Fatal(err)
	}
	if after != before || f.sentFrom(t, 1) != 1 {
		t.Fatalf("the chain's latest anchor went from %+v to %+v (%d transactions)", before, after, f.sentFrom(t, 1))
	}

	// A fork of the anchored size itself is refused too.
	same := &testLog{dir: t.TempDir(), origin: f.log.origin, skey: f.log.skey, vkey: f.log.vkey, pub: f.log.pub}
	same.open(t)
	same.appendN(t, 3)
	same.appendN(t, 7)
	a, err = New(same, same.state(t), f.chain.Client, f.options())
	if err != nil {
		t.Fatal(err)
	}
	if err := a.step(ctx); !errors.Is(err, ErrForked) || !isFatal(err) {
		t.Fatalf("a log with another root at the anchored size: %v, want a fatal ErrForked", err)
	}
}

func TestRetiredLogEndsRun(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.log.appendN(t, 3)
	a := f.anchorer(t, nil)
	anchorAll(t, f, a)

	id := registry.LogIDFor(f.log.origin)
	if _, err := f.chain.Registry.RetireLog(ctx, f.chain.TransactOpts(0), id, "key compromised"); err != nil {
		t.Fatal(err)
	}
	// A running anchorer: its next anchor is refused by the contract.
	f.log.appendN(t, 2)
	err := a.step(ctx)
	if !errors.Is(err, registry.ErrLogRetired) || !isFatal(err) {
		t.Fatalf("step after retirement: %v, want a fatal registry.ErrLogRetired", err)
	}
	// A starting one stops before it reads or sends anything else.
	a = f.anchorer(t, nil)
	err = a.Run(ctx)
	if !errors.Is(err, registry.ErrLogRetired) || !strings.Contains(err.Error(), "key compromised") {
		t.Fatalf("Run on a retired log: %v, want registry.ErrLogRetired with the reason", err)
	}
	if n := f.sentFrom(t, 1); n != 1 {
		t.Fatalf("%d transactions, want the one anchor before retirement", n)
	}
}

func TestPendingKeyRotationKeepsAnchoring(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.log.appendN(t, 10)
	a := f.anchorer(t, nil)
	anchorAll(t, f, a)

	newKey, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	id := registry.LogIDFor(f.log.origin)
	if _, err := f.chain.Registry.RotateKey(ctx, f.chain.TransactOpts(0), id, newKey, 20); err != nil {
		t.Fatal(err)
	}
	// Below the rotation's size the old key still signs: anchoring goes on,
	// in this run and in a new one.
	f.log.appendN(t, 5)
	anchorAll(t, f, a)
	f.log.appendN(t, 2)
	anchorAll(t, f, f.anchorer(t, nil))

	// At the rotation's size a checkpoint by the old key is not anchored.
	f.log.appendN(t, 10) // size 27
	sent := f.sentFrom(t, 1)
	err = a.step(ctx)
	if !errors.Is(err, ErrKeyMismatch) || !strings.Contains(err.Error(), "size 27") {
		t.Fatalf("step with an old-key checkpoint past the rotation: %v, want ErrKeyMismatch naming size 27", err)
	}
	f.chain.Commit()
	if a.pend != nil || f.sentFrom(t, 1) != sent {
		t.Fatalf("sent an anchor signed by the retired key: pending %+v", a.pend)
	}
	if err := f.anchorer(t, nil).Run(ctx); !errors.Is(err, ErrKeyMismatch) {
		t.Fatalf("Run with an old-key checkpoint past the rotation: %v, want ErrKeyMismatch", err)
	}
}
