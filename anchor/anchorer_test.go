package anchor

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// fakeClock is the anchorer's Options.Clock in tests that step time.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock { return &fakeClock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var logSeq atomic.Int64

// testLog is a real log on disk with a fresh Ed25519 checkpoint key.
type testLog struct {
	*auditlog.Log
	dec    *decisions.Log // its decisions layer
	dir    string
	origin string
	skey   string
	vkey   string
	pub    ed25519.PublicKey
}

func newTestLog(t testing.TB) *testLog {
	t.Helper()
	origin := fmt.Sprintf("glassbox.test/anchor/%d", logSeq.Add(1))
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	if err != nil {
		t.Fatal(err)
	}
	tl := &testLog{dir: t.TempDir(), origin: origin, skey: skey, vkey: vkey, pub: vkeyPublic(t, vkey)}
	tl.open(t)
	return tl
}

// vkeyPublic extracts the Ed25519 public key from a note verifier key
// (name+hash+base64(0x01 || key)).
func vkeyPublic(t testing.TB, vkey string) ed25519.PublicKey {
	t.Helper()
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 {
		t.Fatalf("bad vkey %q", vkey)
	}
	raw, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(raw) != 1+ed25519.PublicKeySize || raw[0] != 1 {
		t.Fatalf("bad vkey %q", vkey)
	}
	return ed25519.PublicKey(raw[1:])
}

// state is the anchorer's state in the log's own store, as the CLI keeps it.
func (tl *testLog) state(t testing.TB) State {
	t.Helper()
	st, err := tl.Store(DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// open (re)opens the log from its directory.
func (tl *testLog) open(t testing.TB) {
	t.Helper()
	signer, err := note.NewSigner(tl.skey)
	if err != nil {
		t.Fatal(err)
	}
	l, err := auditlog.Open(tl.dir, &auditlog.Options{Origin: tl.origin, Signer: signer})
	if err != nil {
		t.Fatal(err)
	}
	d, err := decisions.Open(l, nil)
	if err != nil {
		l.Close()
		t.Fatal(err)
	}
	tl.Log, tl.dec = l, d
	t.Cleanup(func() { l.Close() })
}

// Receipt is the receipt of a decision appended with appendDecisions.
func (tl *testLog) Receipt(ctx context.Context, id string) (*receipt.Receipt, error) {
	return tl.dec.Receipt(ctx, id)
}

func (tl *testLog) appendN(t testing.TB, n int) {
	t.Helper()
	leaves := make([][]byte, n)
	for i := range leaves {
		leaves[i] = fmt.Appendf(nil, "leaf %d of %s at size %d", i, tl.origin, tl.Size())
	}
	if _, err := tl.AppendBatch(context.Background(), leaves); err != nil {
		t.Fatal(err)
	}
}

// fixture: a simulated chain with the registry, a log registered on it with
// account 1 as its anchorer.
type fixture struct {
	chain *simchain.Chain
	log   *testLog
	clock *fakeClock
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	c := newSimChain(t, nil)
	tl := newTestLog(t)
	if _, err := c.Registry.RegisterLog(context.Background(), c.TransactOpts(0), tl.origin, tl.pub, c.Address(1)); err != nil {
		t.Fatal(err)
	}
	return &fixture{chain: c, log: tl, clock: newClock()}
}

// options: anchor as soon as anything is new, two confirmations, time from
// the fake clock.
func (f *fixture) options() Options {
	return Options{
		Contract:      f.chain.Registry.Address(),
		Key:           f.chain.Keys[1],
		Entries:       1,
		Interval:      time.Hour,
		Confirmations: 2,
		PollInterval:  time.Millisecond,
		ReplaceAfter:  time.Minute,
		Clock:         f.clock.Now,
	}
}

func (f *fixture) anchorer(t testing.TB, edit func(*Options)) *Anchorer {
	t.Helper()
	o := f.options()
	if edit != nil {
		edit(&o)
	}
	a, err := New(f.log, f.log.state(t), f.chain.Client, o)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// metricValue reads a gauge's or counter's current value.
func metricValue(m prometheus.Metric) float64 {
	var d dto.Metric
	if err := m.Write(&d); err != nil {
		return math.NaN()
	}
	switch {
	case d.Gauge != nil:
		return d.Gauge.GetValue()
	case d.Counter != nil:
		return d.Counter.GetValue()
	}
	return math.NaN()
}

func step(t testing.TB, a *Anchorer) {
	t.Helper()
	if err := a.step(context.Background()); err != nil {
		t.Fatalf("step: %v", err)
	}
}

// sentFrom returns how many transactions account i has had mined.
func (f *fixture) sentFrom(t *testing.T, i int) uint64 {
	t.Helper()
	n, err := f.chain.Client.NonceAt(context.Background(), f.chain.Address(i), nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// checkOnChain asserts the contract holds the log's own root for size.
func (f *fixture) checkOnChain(t *testing.T, size uint64) {
	t.Helper()
	ctx := context.Background()
	on, err := f.chain.Registry.RootAt(ctx, registry.LogIDFor(f.log.origin), size)
	if err != nil {
		t.Fatalf("RootAt(%d): %v", size, err)
	}
	cp, err := f.log.CheckpointAt(ctx, size)
	if err != nil {
		t.Fatalf("CheckpointAt(%d): %v", size, err)
	}
	if on.Root != [32]byte(cp.Root) {
		t.Fatalf("contract root at %d = %x, log's checkpoint root %x", size, on.Root, cp.Root)
	}
}

func TestAnchorConfirmsAfterConfirmations(t *testing.T) {
	f := newFixture(t)
	f.log.appendN(t, 10)
	reg := prometheus.NewRegistry()
	a := f.anchorer(t, func(o *Options) { o.Registerer = reg })

	step(t, a)
	if a.pend == nil || a.pend.TreeSize != 10 {
		t.Fatalf("after the first step: pending %+v, want an anchor of size 10 in flight", a.pend)
	}
	f.chain.Commit() // mined: one confirmation
	step(t, a)
	if _, ok := a.Latest(); ok {
		t.Fatal("confirmed with one confirmation, want two")
	}
	f.chain.Commit()
	step(t, a)
	anc, ok := a.Latest()
	if !ok {
		t.Fatal("not confirmed after two confirmations")
	}
	f.checkOnChain(t, 10)
	hdr, err := f.chain.Client.HeaderByNumber(context.Background(), new(big.Int).SetUint64(anc.BlockNumber))
	if err != nil {
		t.Fatal(err)
	}
	if anc.TreeSize != 10 || anc.BlockHash != hdr.Hash() || anc.ChainID != 1337 || anc.Contract != f.chain.Registry.Address() || anc.GasUsed == 0 {
		t.Fatalf("anchor %+v (block hash %s)", anc, hdr.Hash())
	}
	// Nothing new: no second transaction.
	step(t, a)
	f.chain.Commit()
	step(t, a)
	if a.pend != nil || f.sentFrom(t, 1) != 1 {
		t.Fatalf("anchored again without new entries: pending %+v, %d transactions", a.pend, f.sentFrom(t, 1))
	}
	stored, err := a.Anchors()
	if err != nil || len(stored) != 1 || stored[0].TxHash != anc.TxHash {
		t.Fatalf("stored anchors %+v, %v", stored, err)
	}
	if got := metricValue(a.metrics.anchoredSize); got != 10 {
		t.Errorf("anchored_size = %v", got)
	}
	if got := metricValue(a.metrics.gasUsed); got != float64(anc.GasUsed) {
		t.Errorf("gas_used_total = %v, want %d", got, anc.GasUsed)
	}
	if got := metricValue(a.metrics.lagEntries); got != 0 {
		t.Errorf("lag_entries = %v after anchoring everything", got)
	}
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, mf := range mfs {
		names[mf.GetName()] = true
	}
	for _, n := range []string{"glassbox_anchor_anchored_size", "glassbox_anchor_lag_entries", "glassbox_anchor_lag_seconds",
		"glassbox_anchor_latency_seconds", "glassbox_anchor_gas_used_total", "glassbox_anchor_anchors_total", "glassbox_anchor_failures_total"} {
		if !names[n] {
			t.Errorf("registry lacks %s", n)
		}
	}
}

func TestAnchorTriggers(t *testing.T) {
	f := newFixture(t)
	a := f.anchorer(t, func(o *Options) { o.Entries = 5; o.Confirmations = 1 })
	f.log.appendN(t, 4)
	step(t, a)
	if a.pend != nil {
		t.Fatal("anchored 4 entries with Entries=5 before the interval")
	}
	f.log.appendN(t, 1)
	step(t, a)
	if a.pend == nil || a.pend.TreeSize != 5 {
		t.Fatalf("pending %+v, want size 5 once 5 entries are new", a.pend)
	}
	f.chain.Commit()
	step(t, a)
	if anc, ok := a.Latest(); !ok || anc.TreeSize != 5 {
		t.Fatalf("latest %+v %v", anc, ok)
	}
	f.log.appendN(t, 1)
	step(t, a)
	if a.pend != nil {
		t.Fatal("anchored one new entry before the interval")
	}
	f.clock.Advance(time.Hour)
	step(t, a)
	if a.pend == nil || a.pend.TreeSize != 6 {
		t.Fatalf("pending %+v, want size 6 once the interval passed", a.pend)
	}
	f.chain.Commit()
	step(t, a)
	f.checkOnChain(t, 5)
	f.checkOnChain(t, 6)
	if n := f.sentFrom(t, 1); n != 2 {
		t.Fatalf("%d transactions, want 2", n)
	}
}

// The anchorer stops between broadcasting and confirmation (it is simply
// dropped, as a killed process would be); a new one on the same log finds
// the transaction in the store and follows it instead of sending another.
func TestRestartFollowsTransactionInFlight(t *testing.T) {
	f := newFixture(t)
	f.log.appendN(t, 3)
	a1 := f.anchorer(t, nil)
	step(t, a1)
	sent := a1.pend.Attempts[0].TxHash

	a2 := f.anchorer(t, nil)
	step(t, a2)
	if a2.pend == nil || a2.pend.Attempts[0].TxHash != sent {
		t.Fatalf("restarted anchorer did not resume %s: %+v", sent, a2.pend)
	}
	f.chain.Commit()
	f.chain.Commit()
	step(t, a2)
	anc, ok := a2.Latest()
	if !ok || anc.TxHash != sent {
		t.Fatalf("latest %+v, want the first anchorer's transaction %s", anc, sent)
	}
	if n := f.sentFrom(t, 1); n != 1 {
		t.Fatalf("%d transactions mined, want 1", n)
	}
}

// The anchorer stops after storing a signed transaction and before
// broadcasting it: the next one broadcasts exactly that transaction.
func TestRestartBroadcastsStoredTransaction(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.log.appendN(t, 7)
	a1 := f.anchorer(t, nil)
	if err := a1.start(ctx); err != nil {
		t.Fatal(err)
	}
	cp, err := f.log.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := anchorCalldata(a1.logID, cp.Size, cp.Root), error(nil)
	tip, feeCap, err := a1.fees(ctx)
	if err != nil {
		t.Fatal(err)
	}
	at, err := a1.sign(0, 200_000, tip, feeCap, data)
	if err != nil {
		t.Fatal(err)
	}
	if err := a1.savePending(&pending{TreeSize: cp.Size, Root: common.Hash(cp.Root), Nonce: 0, Gas: 200_000, Attempts: []attempt{at}}); err != nil {
		t.Fatal(err)
	}
	if n, _ := f.chain.Client.PendingNonceAt(ctx, f.chain.Address(1)); n != 0 {
		t.Fatalf("a transaction reached the node before the crash")
	}

	a2 := f.anchorer(t, nil)
	step(t, a2)
	f.chain.Commit()
	f.chain.Commit()
	step(t, a2)
	anc, ok := a2.Latest()
	if !ok || anc.TxHash != at.TxHash || anc.TreeSize != 7 {
		t.Fatalf("latest %+v, want the stored transaction %s", anc, at.TxHash)
	}
	if n := f.sentFrom(t, 1); n != 1 {
		t.Fatalf("%d transactions mined, want 1", n)
	}
}

func TestStuckTransactionIsReplaced(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.log.appendN(t, 2)
	a := f.anchorer(t, nil)
	step(t, a)
	first, err := a.pend.Attempts[0].tx()
	if err != nil {
		t.Fatal(err)
	}
	step(t, a) // not stuck yet
	if len(a.pend.Attempts) != 1 {
		t.Fatalf("replaced before ReplaceAfter")
	}
	f.clock.Advance(2 * time.Minute)
	step(t, a)
	if len(a.pend.Attempts) != 2 {
		t.Fatalf("%d attempts after ReplaceAfter, want 2", len(a.pend.Attempts))
	}
	second, err := a.pend.Attempts[1].tx()
	if err != nil {
		t.Fatal(err)
	}
	if second.Nonce() != first.Nonce() {
		t.Fatalf("replacement nonce %d, want %d", second.Nonce(), first.Nonce())
	}
	// Both fees up by at least 10%: new*100 >= old*110.
	for _, c := range []struct {
		name     string
		old, new *big.Int
	}{{"tip", first.GasTipCap(), second.GasTipCap()}, {"fee cap", first.GasFeeCap(), second.GasFeeCap()}} {
		lhs := new(big.Int).Mul(c.new, big.NewInt(100))
		rhs := new(big.Int).Mul(c.old, big.NewInt(110))
		if lhs.Cmp(rhs) < 0 {
			t.Errorf("%s %s -> %s: less than a 10%% bump", c.name, c.old, c.new)
		}
	}
	f.chain.Commit()
	f.chain.Commit()
	step(t, a)
	anc, ok := a.Latest()
	if !ok || anc.TxHash != second.Hash() {
		t.Fatalf("latest %+v, want the replacement %s", anc, second.Hash())
	}
	if n := f.sentFrom(t, 1); n != 1 {
		t.Fatalf("%d transactions mined, want 1", n)
	}
	if _, err := f.chain.Client.TransactionReceipt(ctx, first.Hash()); err == nil {
		t.Fatal("the replaced transaction was mined too")
	}
	if got := metricValue(a.metrics.failures.WithLabelValues(FailureStuck)); got != 1 {
		t.Errorf("failures{stuck} = %v", got)
	}
}

func TestReorgedAnchorIsConfirmedAgain(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.log.appendN(t, 4)
	a := f.anchorer(t, func(o *Options) { o.Confirmations = 1 })
	parent, err := f.chain.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	step(t, a)
	f.chain.Commit()
	step(t, a)
	before, ok := a.Latest()
	if !ok {
		t.Fatal("not confirmed")
	}
	// A longer side chain from the anchoring block's parent.
	if err := f.chain.Backend.Fork(parent.Hash()); err != nil {
		t.Fatal(err)
	}
	f.chain.Commit()
	f.chain.Commit()
	hdr, _ := f.chain.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(before.BlockNumber))
	if hdr.Hash() == before.BlockHash {
		t.Fatal("the fork did not replace the anchoring block")
	}
	step(t, a) // re-check finds the block gone
	if a.pend == nil || !a.pend.Reanchor {
		t.Fatalf("reorg not noticed: pending %+v", a.pend)
	}
	f.chain.Commit()
	step(t, a)
	after, ok := a.Latest()
	if !ok || after.TreeSize != 4 || after.BlockHash == before.BlockHash {
		t.Fatalf("after the reorg: %+v (before %+v)", after, before)
	}
	hdr, _ = f.chain.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(after.BlockNumber))
	if hdr.Hash() != after.BlockHash {
		t.Fatalf("re-confirmed anchor names a non-canonical block")
	}
	f.checkOnChain(t, 4)
	if got := metricValue(a.metrics.failures.WithLabelValues(FailureReorg)); got != 1 {
		t.Errorf("failures{reorg} = %v", got)
	}
	if all, _ := a.Anchors(); len(all) != 1 {
		t.Fatalf("%d stored anchors, want 1", len(all))
	}
}

func TestWrongKeyEndsRun(t *testing.T) {
	f := newFixture(t)
	f.log.appendN(t, 1)
	a := f.anchorer(t, func(o *Options) { o.Key = f.chain.Keys[2] })
	err := a.Run(context.Background())
	if !errors.Is(err, registry.ErrNotAnchorer) {
		t.Fatalf("Run with a key that is not the anchorer: %v, want registry.ErrNotAnchorer", err)
	}
	if !strings.Contains(err.Error(), f.chain.Address(2).Hex()) || !strings.Contains(err.Error(), f.chain.Address(1).Hex()) {
		t.Errorf("error does not name both addresses: %v", err)
	}
	if n := f.sentFrom(t, 2); n != 0 {
		t.Fatalf("sent %d transactions", n)
	}
}

// The anchorer role moves to another account while the anchorer runs: the
// contract's NotAnchorer error ends Run.
func TestRevokedRoleEndsRun(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	a := f.anchorer(t, nil)
	step(t, a) // started with the role
	if _, err := f.chain.Registry.SetAnchorer(ctx, f.chain.TransactOpts(0), [32]byte(a.logID), f.chain.Address(3)); err != nil {
		t.Fatal(err)
	}
	f.log.appendN(t, 1)
	err := a.step(ctx)
	if !errors.Is(err, registry.ErrNotAnchorer) || !strings.Contains(err.Error(), "NotAnchorer") {
		t.Fatalf("step after losing the role: %v, want registry.ErrNotAnchorer naming NotAnchorer", err)
	}
	if !isFatal(err) {
		t.Fatal("not fatal")
	}
}

func TestUnknownLogEndsRun(t *testing.T) {
	c := newSimChain(t, nil)
	tl := newTestLog(t)
	tl.appendN(t, 1)
	a, err := New(tl, tl.state(t), c.Client, Options{Contract: c.Registry.Address(), Key: c.Keys[1], PollInterval: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Run(context.Background()); !errors.Is(err, registry.ErrUnknownLog) {
		t.Fatalf("Run on an unregistered log: %v, want registry.ErrUnknownLog", err)
	}
}

func TestStateOfAnotherContractIsRefused(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.log.appendN(t, 1)
	a := f.anchorer(t, nil)
	step(t, a)
	// A second chain and contract for the same log.
	// Another deployer, so that the contract gets another address.
	deployer, _ := crypto.GenerateKey()
	other := newSimChain(t, &simchain.Options{Keys: append([]*ecdsa.PrivateKey{deployer}, f.chain.Keys[1:]...)})
	if _, err := other.Registry.RegisterLog(ctx, other.TransactOpts(0), f.log.origin, f.log.pub, other.Address(1)); err != nil {
		t.Fatal(err)
	}
	b, err := New(f.log, f.log.state(t), other.Client, Options{Contract: other.Registry.Address(), Key: other.Keys[1]})
	if err != nil {
		t.Fatal(err)
	}
	err = b.step(ctx)
	if other.Registry.Address() == f.chain.Registry.Address() {
		t.Skip("both deployments got the same address; nothing to tell apart")
	}
	if !errors.Is(err, ErrStateMismatch) {
		t.Fatalf("anchoring one store on two contracts: %v, want ErrStateMismatch", err)
	}
}

func TestRunEndsWithContext(t *testing.T) {
	f := newFixture(t)
	f.chainAutoMine(t)
	f.log.appendN(t, 3)
	a := f.anchorer(t, func(o *Options) { o.Clock = nil; o.Confirmations = 1 })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	if _, err := a.WaitAnchored(context.Background(), 3); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run after cancel: %v", err)
	}
	f.checkOnChain(t, 3)
}

// chainAutoMine mines a block every few milliseconds until the test ends.
func (f *fixture) chainAutoMine(t *testing.T) {
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tk := time.NewTicker(5 * time.Millisecond)
		defer tk.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tk.C:
				f.chain.Commit()
			}
		}
	}()
	t.Cleanup(func() { close(stop); <-done })
}

func TestBumpFees(t *testing.T) {
	for _, c := range []struct {
		tip, cap, pct     int64
		wantTip, wantCaps int64
	}{
		{100, 1000, 10, 110, 1100},
		{101, 1001, 10, 112, 1102}, // rounded up
		{0, 1, 10, 1, 2},           // at least one wei more
		{1_000_000_000, 3_000_000_000, 25, 1_250_000_000, 3_750_000_000},
	} {
		tip, feeCap := bumpFees(big.NewInt(c.tip), big.NewInt(c.cap), uint64(c.pct))
		if tip.Int64() != c.wantTip || feeCap.Int64() != c.wantCaps {
			t.Errorf("bumpFees(%d, %d, %d%%) = %s, %s; want %d, %d", c.tip, c.cap, c.pct, tip, feeCap, c.wantTip, c.wantCaps)
		}
	}
}

func TestBackoffIsBoundedAndJittered(t *testing.T) {
	a := &Anchorer{opts: Options{PollInterval: 100 * time.Millisecond, MaxBackoff: time.Second}}
	seen := map[time.Duration]bool{}
	for n := 1; n <= 12; n++ {
		want := min(100*time.Millisecond<<(n-1), time.Second)
		for range 20 {
			d := a.backoff(n)
			if d < want/2 || d > want {
				t.Fatalf("backoff(%d) = %v, want within [%v, %v]", n, d, want/2, want)
			}
			seen[d] = true
		}
	}
	if len(seen) < 10 {
		t.Errorf("backoff is hardly jittered: %d distinct values", len(seen))
	}
}

func TestOptionsValidation(t *testing.T) {
	key, _ := crypto.GenerateKey()
	good := Options{Contract: [20]byte{1}, Key: key}
	if _, err := good.withDefaults(); err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(*Options){
		"no contract":  func(o *Options) { o.Contract = [20]byte{} },
		"no key":       func(o *Options) { o.Key = nil },
		"small bump":   func(o *Options) { o.FeeBumpPercent = 9 },
		"neg interval": func(o *Options) { o.Interval = -1 },
		"zero max fee": func(o *Options) { o.MaxFeeCap = new(big.Int) },
	} {
		o := good
		edit(&o)
		if _, err := o.withDefaults(); !errors.Is(err, ErrInvalidOptions) {
			t.Errorf("%s: %v, want ErrInvalidOptions", name, err)
		}
	}
}

// appendDecisions records n synthetic decisions and returns their ids.
func (tl *testLog) appendDecisions(t testing.TB, n int) []string {
	t.Helper()
	base := tl.Size()
	ds := make([]record.Decision, n)
	ids := make([]string, n)
	for i := range ds {
		k := base + uint64(i)
		ids[i] = fmt.Sprintf("d-%06d", k)
		ds[i] = record.Decision{
			ID:      ids[i],
			Time:    time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC).Add(time.Duration(k) * time.Second),
			Subject: fmt.Sprintf("subject-%d", k),
			Model:   record.Model{Name: "m", Version: "1", ArtifactDigest: record.Digest{1}},
			Inputs:  []record.Feature{{Name: "x", Value: record.Number(float64(k))}},
			Output:  record.Output{Label: "approve", Score: 0.5},
			Groups:  []record.Attr{{Name: "g", Value: "a"}},
		}
	}
	if _, err := tl.dec.AppendBatch(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	return ids
}

// Another transaction from the anchorer's key takes the nonce of the
// anchor in flight: the anchorer notices and anchors with a new nonce.
func TestNonceTakenByAnotherTransaction(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.log.appendN(t, 2)
	a := f.anchorer(t, nil)
	step(t, a)
	ours, err := a.pend.Attempts[0].tx()
	if err != nil {
		t.Fatal(err)
	}
	// A transfer with the same nonce and fees 50% higher replaces it.
	to := f.chain.Address(3)
	bump := func(x *big.Int) *big.Int { return new(big.Int).Div(new(big.Int).Mul(x, big.NewInt(3)), big.NewInt(2)) }
	other, err := types.SignNewTx(f.chain.Keys[1], types.LatestSignerForChainID(f.chain.ChainID), &types.DynamicFeeTx{
		ChainID: f.chain.ChainID, Nonce: ours.Nonce(), GasTipCap: bump(ours.GasTipCap()), GasFeeCap: bump(ours.GasFeeCap()),
		Gas: 21000, To: &to, Value: big.NewInt(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.chain.Client.SendTransaction(ctx, other); err != nil {
		t.Fatal(err)
	}
	f.chain.Commit()
	for range minNonceStrikes {
		step(t, a)
	}
	if a.pend == nil || a.pend.Nonce != ours.Nonce()+1 {
		t.Fatalf("after the nonce was taken: pending %+v, want a new transaction with nonce %d", a.pend, ours.Nonce()+1)
	}
	f.chain.Commit()
	f.chain.Commit()
	step(t, a)
	anc, ok := a.Latest()
	if !ok || anc.TreeSize != 2 || anc.TxHash == ours.Hash() {
		t.Fatalf("latest %+v", anc)
	}
	f.checkOnChain(t, 2)
	if got := metricValue(a.metrics.failures.WithLabelValues(FailureNonce)); got != 1 {
		t.Errorf("failures{nonce} = %v", got)
	}
}

// At Options.MaxFeeCap a stuck transaction is not bumped further.
func TestMaxFeeCapStopsBumps(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	head, err := f.chain.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	maxCap := new(big.Int).Add(head.BaseFee, big.NewInt(1000))
	f.log.appendN(t, 1)
	a := f.anchorer(t, func(o *Options) { o.MaxFeeCap = maxCap })
	step(t, a)
	first, err := a.pend.Attempts[0].tx()
	if err != nil {
		t.Fatal(err)
	}
	if first.GasFeeCap().Cmp(maxCap) != 0 || first.GasTipCap().Cmp(maxCap) > 0 {
		t.Fatalf("fee cap %s, tip %s; want the fee cap clamped to %s", first.GasFeeCap(), first.GasTipCap(), maxCap)
	}
	f.clock.Advance(time.Hour)
	step(t, a)
	if len(a.pend.Attempts) != 1 {
		t.Fatalf("%d attempts: bumped past MaxFeeCap", len(a.pend.Attempts))
	}
	f.chain.Commit()
	f.chain.Commit()
	step(t, a)
	if anc, ok := a.Latest(); !ok || anc.TxHash != first.Hash() {
		t.Fatalf("latest %+v", anc)
	}
}
