package anchor

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"runtime"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/registry"
)

// anchoredFixture: decisions in two anchors (sizes 3 and 5) on the
// simulated chain, and more entries after that are not anchored.
func anchoredFixture(t testing.TB) (*fixture, *Anchorer, []string) {
	t.Helper()
	f := newFixture(t)
	a := f.anchorer(t, func(o *Options) { o.Confirmations = 1 })
	ids := f.log.appendDecisions(t, 3)
	step(t, a)
	f.chain.Commit()
	step(t, a)
	ids = append(ids, f.log.appendDecisions(t, 2)...)
	step(t, a)
	f.chain.Commit()
	step(t, a)
	if anc, ok := a.Latest(); !ok || anc.TreeSize != 5 {
		t.Fatalf("latest anchor %+v", anc)
	}
	return f, a, ids
}

func TestVerifyReceipt(t *testing.T) {
	ctx := context.Background()
	f, a, ids := anchoredFixture(t)
	reader := a.Registry()

	// A receipt whose checkpoint is older than the anchor: Attach adds a
	// consistency proof from size 3 to 5.
	cp3, err := f.log.CheckpointAt(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	proof, err := f.log.InclusionProof(ctx, 1, 3)
	if err != nil {
		t.Fatal(err)
	}
	full, err := f.log.Receipt(ctx, ids[1])
	if err != nil {
		t.Fatal(err)
	}
	r := *full
	r.InclusionProof, r.Checkpoint = proof, cp3.Note
	if err := a.Attach(ctx, &r); err != nil {
		t.Fatal(err)
	}
	if r.Anchor.TreeSize != 3 || len(r.Anchor.ConsistencyProof) != 0 {
		t.Fatalf("smallest covering anchor of size 3: %+v", r.Anchor)
	}
	v, err := VerifyReceipt(ctx, &r, reader)
	if err != nil {
		t.Fatal(err)
	}
	if v.OnChain.TreeSize != 3 || v.Reanchored || v.Index != 1 || v.ChainID != 1337 || !v.BlockChecked || !v.TxChecked {
		t.Fatalf("verified %+v", v)
	}

	// The latest receipt (checkpoint of size 5): covered by anchor 5.
	if err := a.Attach(ctx, full); err != nil {
		t.Fatal(err)
	}
	if _, err := VerifyReceipt(ctx, full, reader); err != nil {
		t.Fatal(err)
	}

	// A receipt with a checkpoint of size 3 against anchor 5: consistency.
	r35 := r
	an := *r.Anchor
	latest, _ := a.Latest()
	an.TreeSize, an.Root = 5, verify.Hash(latest.Root)
	an.ConsistencyProof, err = f.log.ConsistencyProof(ctx, 3, 5)
	if err != nil {
		t.Fatal(err)
	}
	r35.Anchor = &an
	if _, err := VerifyReceipt(ctx, &r35, reader); err != nil {
		t.Fatalf("receipt of size 3 through consistency to anchor 5: %v", err)
	}

	// Tampering with the chain fields.
	for name, c := range map[string]struct {
		edit func(*receipt.Anchor)
		want error
	}{
		"other chain":    {func(a *receipt.Anchor) { a.ChainID = 1 }, ErrWrongChain},
		"other contract": {func(a *receipt.Anchor) { a.Contract[0] ^= 1 }, ErrWrongChain},
		"other log id":   {func(a *receipt.Anchor) { a.LogID[0] ^= 1 }, ErrKeyMismatch},
		"unanchored size": {func(a *receipt.Anchor) {
			a.TreeSize, a.Root = 4, verify.Hash{}
		}, receipt.ErrVerify},
	} {
		bad := r35
		ba := *r35.Anchor
		c.edit(&ba)
		bad.Anchor = &ba
		if _, err := VerifyReceipt(ctx, &bad, reader); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", name, err, c.want)
		}
	}
	noAnchor := *full
	noAnchor.Anchor = nil
	if _, err := VerifyReceipt(ctx, &noAnchor, reader); !errors.Is(err, ErrNoAnchor) {
		t.Errorf("receipt without anchor: %v", err)
	}

	// The log's operator signs a different tree of size 5 with the same
	// key: the offline checks pass, the chain's root does not.
	forged := newTestLogWithKey(t, f.log.origin, f.log.skey)
	forged.appendDecisions(t, 5)
	fr, err := forged.Receipt(ctx, ids[1])
	if err != nil {
		t.Fatal(err)
	}
	fcp, _ := forged.Log.LatestCheckpoint(ctx)
	fr.Anchor = &receipt.Anchor{ChainID: 1337, Contract: reader.Address(), LogID: a.LogID(), TreeSize: 5, Root: fcp.Root}
	_, err = VerifyReceipt(ctx, fr, reader)
	var rm *RootMismatchError
	if !errors.As(err, &rm) || rm.TreeSize != 5 || rm.ChainRoot != latest.Root {
		t.Fatalf("forged tree: %v, want a RootMismatchError naming the contract's root", err)
	}
}

func newTestLogWithKey(t *testing.T, origin, skey string) *testLog {
	tl := &testLog{dir: t.TempDir(), origin: origin, skey: skey}
	tl.open(t)
	return tl
}

func TestAttachBeforeAnchoring(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	ids := f.log.appendDecisions(t, 2)
	r, err := f.log.Receipt(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := Attach(ctx, f.log, f.log.state(t), r); !errors.Is(err, ErrNoAnchor) || r.Anchor != nil {
		t.Fatalf("Attach before any anchor: %v, anchor %+v", err, r.Anchor)
	}
}

func TestVerifyCheckpointAndNote(t *testing.T) {
	ctx := context.Background()
	f, a, _ := anchoredFixture(t)
	reader := a.Registry()
	cp3, _ := f.log.CheckpointAt(ctx, 3)
	cp5, _ := f.log.CheckpointAt(ctx, 5)
	proof, _ := f.log.ConsistencyProof(ctx, 3, 5)

	if _, err := VerifyCheckpoint(ctx, reader, cp3.Checkpoint, 3, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := VerifyCheckpoint(ctx, reader, cp3.Checkpoint, 5, proof); err != nil {
		t.Fatal(err)
	}
	if _, _, err := VerifyNote(ctx, reader, cp3.Note, 5, proof); err != nil {
		t.Fatal(err)
	}
	f.log.appendDecisions(t, 2)
	cp7, err := f.log.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p57, _ := f.log.ConsistencyProof(ctx, 5, 7)
	if _, err := VerifyCheckpointFrom(ctx, reader, 5, cp7.Checkpoint, p57); err != nil {
		t.Fatalf("newer checkpoint extending the anchor: %v", err)
	}
	opened, err := OpenNote(ctx, reader, cp7.Note)
	if err != nil || opened != cp7.Checkpoint {
		t.Fatalf("OpenNote: %+v, %v", opened, err)
	}

	bad := cp3.Checkpoint
	bad.Root[0] ^= 1
	if _, err := VerifyCheckpoint(ctx, reader, bad, 3, nil); !errors.Is(err, ErrRootMismatch) {
		t.Errorf("bad root at the anchored size: %v", err)
	}
	if _, err := VerifyCheckpoint(ctx, reader, bad, 5, proof); !errors.Is(err, verify.ErrProof) {
		t.Errorf("bad root through consistency: %v", err)
	}
	if _, err := VerifyCheckpoint(ctx, reader, cp3.Checkpoint, 4, nil); !errors.Is(err, registry.ErrNotAnchored) {
		t.Errorf("unanchored size: %v", err)
	}
	if _, err := VerifyCheckpoint(ctx, reader, cp5.Checkpoint, 3, nil); err == nil {
		t.Error("anchored size below the checkpoint accepted")
	}
	// A note signed by another key with the same name.
	skey, _, _ := note.GenerateKey(rand.Reader, f.log.origin)
	other, _ := note.NewSigner(skey)
	n, _ := note.Sign(&note.Note{Text: string(cp3.Checkpoint.Marshal())}, other)
	if _, err := OpenNote(ctx, reader, n); err == nil {
		t.Error("note signed by another key opened with the contract's key")
	}
}

// Anchors and pending records round-trip through their stored JSON, and
// junk in the store is ErrCorruptState, never a panic.
func FuzzStoredState(f *testing.F) {
	anc, _ := json.Marshal(Anchor{ChainID: 1, TreeSize: 7, Root: common.Hash{1}, RawTx: []byte{2, 3}})
	pend, _ := json.Marshal(pending{TreeSize: 7, Attempts: []attempt{{TxHash: common.Hash{4}, Raw: []byte{0x02, 0xc0}}}})
	f.Add(anc)
	f.Add(pend)
	f.Add([]byte(`{"attempts":[{"raw":"0x"}]}`))
	f.Add([]byte(`{`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var a Anchor
		if err := decodeRecord([]byte("k"), b, &a); err != nil && !errors.Is(err, ErrCorruptState) {
			t.Fatalf("anchor: %v", err)
		}
		var p pending
		if err := decodeRecord([]byte("k"), b, &p); err != nil {
			if !errors.Is(err, ErrCorruptState) {
				t.Fatalf("pending: %v", err)
			}
			return
		}
		for _, at := range p.Attempts {
			if tx, err := at.tx(); err == nil && tx.Hash() != at.TxHash {
				t.Fatalf("accepted a transaction whose hash is not the recorded one")
			} else if err != nil && !errors.Is(err, ErrCorruptState) {
				t.Fatalf("attempt: %v", err)
			}
		}
	})
}

// A corrupt pending record stops Run with ErrCorruptState instead of
// sending anything.
func TestCorruptStateStopsRun(t *testing.T) {
	f := newFixture(t)
	f.log.appendN(t, 1)
	st, err := f.log.Store(DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Put(keyPending, []byte(`{"tree_size":1,"attempts":[{"tx_hash":"0x01","raw":"0x02"}]}`)); err != nil {
		t.Fatal(err)
	}
	a := f.anchorer(t, nil)
	if err := a.Run(context.Background()); !errors.Is(err, ErrCorruptState) {
		t.Fatalf("Run: %v, want ErrCorruptState", err)
	}
	if n := f.sentFrom(t, 1); n != 0 {
		t.Fatalf("sent %d transactions", n)
	}
}

// Run's goroutines end with it.
func TestRunLeavesNoGoroutines(t *testing.T) {
	f := newFixture(t)
	f.log.appendN(t, 2)
	a := f.anchorer(t, func(o *Options) { o.Clock = nil; o.Confirmations = 1 })
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	for a.confirmedSize() < 2 {
		f.chain.Commit()
		time.Sleep(2 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for i := 0; runtime.NumGoroutine() > before; i++ {
		if i == 2500 {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines after Run, %d before:\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// Closing the log under a running anchorer ends Run with auditlog.ErrClosed.
func TestClosedLogEndsRun(t *testing.T) {
	f := newFixture(t)
	f.log.appendN(t, 2)
	a := f.anchorer(t, func(o *Options) { o.Entries = 10 })
	step(t, a) // started; 2 entries are not enough to anchor before the interval
	if err := f.log.Close(); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(2 * time.Hour)
	if err := a.Run(context.Background()); !errors.Is(err, auditlog.ErrClosed) {
		t.Fatalf("Run on a closed log: %v, want auditlog.ErrClosed", err)
	}
}

// Any change to an anchored receipt's bytes makes it fail to parse or to
// verify against the chain; nothing panics.
func FuzzVerifyReceipt(f *testing.F) {
	ctx := context.Background()
	fx, a, ids := anchoredFixture(f)
	r, err := fx.log.Receipt(ctx, ids[2])
	if err != nil {
		f.Fatal(err)
	}
	if err := a.Attach(ctx, r); err != nil {
		f.Fatal(err)
	}
	good, err := r.Marshal()
	if err != nil {
		f.Fatal(err)
	}
	reader := a.Registry()
	f.Add(good)
	for _, pos := range []int{10, len(good) / 2, len(good) - 40, len(good) - 5} {
		b := bytes.Clone(good)
		b[pos] ^= 1
		f.Add(b)
	}
	f.Add(bytes.Replace(good, []byte(`"tree_size":5`), []byte(`"tree_size":3`), 1))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := receipt.Parse(b)
		if err != nil {
			return
		}
		// A receipt naming another block than the contract's anchoring
		// one verifies as Reanchored (its block fields are stale and
		// unchecked); any other change must fail.
		v, err := VerifyReceipt(ctx, r, reader)
		if err == nil && !v.Reanchored && !bytes.Equal(bytes.TrimSuffix(b, []byte("\n")), good) {
			t.Fatalf("a changed receipt verified:\n%s", b)
		}
		if err == nil && (v.OnChain.TreeSize != 5 || v.Index != 2) {
			t.Fatalf("verified as something else: %+v", v)
		}
	})
}

// A log registered with another checkpoint key is refused before anything
// is sent: its anchors would give receipts nobody can verify.
func TestRegisteredKeyMismatchEndsRun(t *testing.T) {
	c := newSimChain(t, nil)
	tl := newTestLog(t)
	tl.appendN(t, 1)
	other := newTestLog(t) // another key
	if _, err := c.Registry.RegisterLog(context.Background(), c.TransactOpts(0), tl.origin, other.pub, c.Address(1)); err != nil {
		t.Fatal(err)
	}
	a, err := New(tl, tl.state(t), c.Client, Options{Contract: c.Registry.Address(), Key: c.Keys[1], PollInterval: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Run(context.Background()); !errors.Is(err, ErrKeyMismatch) {
		t.Fatalf("Run: %v, want ErrKeyMismatch", err)
	}
	if n, _ := c.Client.NonceAt(context.Background(), c.Address(1), nil); n != 0 {
		t.Fatalf("sent %d transactions", n)
	}
}
