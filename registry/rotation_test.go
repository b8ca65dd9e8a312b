package registry_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// TestLogKeyRotationWithARealLog: a real log signed by key 1 is anchored;
// the admin rotates the log's key (rotateKey from the next size); the
// operator moves the log's leaves and stores into a log directory signed
// by key 2 (docs/keys.md, "Rotation") and goes on; the next checkpoint,
// signed by key 2, is anchored. A receipt issued under key 1 before the
// rotation and one issued under key 2 after it both verify against the
// chain (anchor.VerifyReceipt, the key the contract holds for each size).
func TestLogKeyRotationWithARealLog(t *testing.T) {
	ctx := context.Background()
	const origin = "lender.example/glassbox/rotation"
	sim, err := simchain.New(ctx, &simchain.Options{MineOnSend: true, HTTP: true})
	if err != nil {
		t.Fatal(err)
	}
	defer sim.Close()
	dir := t.TempDir()
	info1, err := auditlog.CreateDir(filepath.Join(dir, "key1"), origin)
	if err != nil {
		t.Fatal(err)
	}
	id := registry.LogIDFor(origin)
	if _, err := sim.Registry.RegisterLog(ctx, sim.TransactOpts(0), origin, info1.PublicKey, sim.Address(1)); err != nil {
		t.Fatal(err)
	}
	log1, err := auditlog.OpenDir(filepath.Join(dir, "key1"), &auditlog.Options{Origin: origin})
	if err != nil {
		t.Fatal(err)
	}
	dec1, err := decisions.Open(log1, nil)
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, dec1, 0, 10)
	anchorUpTo(t, log1, sim, 10)
	r1 := anchoredReceipt(t, log1, dec1, "d-3")
	if _, err := anchor.VerifyReceipt(ctx, r1, sim.Registry); err != nil {
		t.Fatalf("key 1 receipt before the rotation: %v", err)
	}

	// Rotate: key 2 signs sizes 11 and up.
	info2, err := auditlog.CreateDir(filepath.Join(dir, "key2"), origin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.Registry.RotateKey(ctx, sim.TransactOpts(0), id, info2.PublicKey, 11); err != nil {
		t.Fatal(err)
	}
	// Move the log under key 2: the same leaves (so the same roots), the
	// decisions layer's and the anchorer's stores.
	log2, err := auditlog.OpenDir(filepath.Join(dir, "key2"), &auditlog.Options{Origin: origin})
	if err != nil {
		t.Fatal(err)
	}
	defer log2.Close()
	var leaves [][]byte
	if err := log1.ScanLeaves(ctx, 0, 10, func(_ uint64, l []byte) error { leaves = append(leaves, bytes.Clone(l)); return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := log2.AppendBatch(ctx, leaves); err != nil {
		t.Fatal(err)
	}
	for _, ns := range []string{decisions.DefaultNamespace, anchor.DefaultNamespace} {
		from, err := log1.Store(ns)
		if err != nil {
			t.Fatal(err)
		}
		to, err := log2.Store(ns)
		if err != nil {
			t.Fatal(err)
		}
		if err := from.Scan(nil, to.Put); err != nil {
			t.Fatal(err)
		}
	}
	r10, err := log1.RootAt(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := log2.RootAt(ctx, 10); err != nil || r != r10 {
		t.Fatalf("the moved log's root at 10: %x, %v; want %x", r, err, r10)
	}
	log1.Close()
	dec2, err := decisions.Open(log2, nil)
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, dec2, 10, 5)
	anchorUpTo(t, log2, sim, 15)
	k, err := sim.Registry.KeyAt(ctx, id, 15)
	if err != nil || string(k.PublicKey) != string(info2.PublicKey) {
		t.Fatalf("key at 15: %x, %v; want key 2", k.PublicKey, err)
	}
	r2 := anchoredReceipt(t, log2, dec2, "d-12")
	if _, err := anchor.VerifyReceipt(ctx, r2, sim.Registry); err != nil {
		t.Errorf("key 2 receipt after the rotation: %v", err)
	}
	if _, err := anchor.VerifyReceipt(ctx, r1, sim.Registry); err != nil {
		t.Errorf("key 1 receipt after the rotation: %v", err)
	}
	// The browser's verifier (portal/receiptcheck, over JSON-RPC) reads
	// the key for each receipt's size too.
	for name, r := range map[string]*receipt.Receipt{"key 1": r1, "key 2": r2} {
		b, err := r.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		rep, err := receiptcheck.Verify(ctx, b, &receiptcheck.Options{RPC: receiptchecktest.HTTPTransport(sim.URL), Contract: sim.Registry.Address().Hex()})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Verdict != receiptcheck.Valid {
			t.Errorf("%s receipt after the rotation, in the browser's verifier: %s (%s %s)", name, rep.Verdict, rep.Failed, rep.Field)
		}
	}
}

func appendN(t *testing.T, d *decisions.Log, from, n int) {
	t.Helper()
	digest := sha256.Sum256([]byte("model"))
	var ds []record.Decision
	for i := from; i < from+n; i++ {
		ds = append(ds, record.Decision{
			ID: fmt.Sprintf("d-%d", i), Time: time.Date(2026, 12, 2, 9, 0, i, 0, time.UTC), Subject: fmt.Sprintf("s-%d", i),
			Model:  record.Model{Name: "m", Version: "1", ArtifactDigest: record.Digest(digest)},
			Output: record.Output{Label: "approve", Score: 0.25},
		})
	}
	if _, err := d.AppendBatch(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
}

// anchorUpTo runs an anchorer on lg until size is anchored.
func anchorUpTo(t *testing.T, lg *auditlog.Log, sim *simchain.Chain, size uint64) {
	t.Helper()
	ctx := context.Background()
	if _, err := lg.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	state, err := lg.Store(anchor.DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}
	a, err := anchor.New(lg, state, sim.Client, anchor.Options{Contract: sim.Registry.Address(), Key: sim.Keys[1],
		Confirmations: 1, Entries: 1, Interval: time.Hour, PollInterval: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- a.Run(runCtx) }()
	_, err = a.WaitAnchored(runCtx, size)
	stop()
	if rerr := <-done; err != nil {
		t.Fatalf("anchoring size %d: %v (Run: %v)", size, err, rerr)
	}
}

func anchoredReceipt(t *testing.T, lg *auditlog.Log, d *decisions.Log, id string) *receipt.Receipt {
	t.Helper()
	ctx := context.Background()
	r, err := d.Receipt(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	state, err := lg.Store(anchor.DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}
	if err := anchor.Attach(ctx, lg, state, r); err != nil {
		t.Fatal(err)
	}
	b, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if r, err = receipt.Parse(b); err != nil {
		t.Fatal(err)
	}
	return r
}
