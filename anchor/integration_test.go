package anchor

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/glassbox-audit/glassbox/registry"
)

// anvilFixture: an anvil node (mining on demand), the registry deployed,
// a log registered with dev account 1 as its anchorer.
type anvilFixture struct {
	node  *node
	reg   *registry.Client
	log   *testLog
	clock *fakeClock
}

func newAnvilFixture(t *testing.T) *anvilFixture {
	t.Helper()
	ctx := context.Background()
	n := startNode(t)
	stop := n.miner(20 * time.Millisecond) // mine while the registry client waits for its receipts
	defer stop()
	auth := bind.NewKeyedTransactor(n.keys[0], new(big.Int).SetUint64(n.chainID))
	reg, _, err := registry.Deploy(ctx, n.client, auth, nil)
	if err != nil {
		t.Fatal(err)
	}
	tl := newTestLog(t)
	if _, err := reg.RegisterLog(ctx, auth, tl.origin, tl.pub, crypto.PubkeyToAddress(n.keys[1].PublicKey)); err != nil {
		t.Fatal(err)
	}
	return &anvilFixture{node: n, reg: reg, log: tl, clock: newClock()}
}

func (f *anvilFixture) options() Options {
	return Options{
		Contract:      f.reg.Address(),
		Key:           f.node.keys[1],
		Entries:       1,
		Interval:      time.Hour,
		Confirmations: 2,
		PollInterval:  10 * time.Millisecond,
		MaxBackoff:    200 * time.Millisecond,
		ReplaceAfter:  time.Minute,
	}
}

func (f *anvilFixture) anchorer(t *testing.T, edit func(*Options)) *Anchorer {
	t.Helper()
	o := f.options()
	if edit != nil {
		edit(&o)
	}
	a, err := New(f.log, f.log.state(t), f.node.client, o)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// anchoredSizes lists the tree sizes of the log's Anchored events on the
// canonical chain, in order; each size must appear once.
func (f *anvilFixture) anchoredSizes(t *testing.T) []uint64 {
	t.Helper()
	evs, err := f.reg.AnchorEvents(context.Background(), registry.LogIDFor(f.log.origin), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	var sizes []uint64
	seen := map[uint64]bool{}
	for _, e := range evs {
		if seen[e.TreeSize] {
			t.Fatalf("size %d anchored twice: %+v", e.TreeSize, evs)
		}
		seen[e.TreeSize] = true
		sizes = append(sizes, e.TreeSize)
	}
	return sizes
}

func (f *anvilFixture) minedFrom(t *testing.T, i int) uint64 {
	t.Helper()
	n, err := f.node.client.NonceAt(context.Background(), crypto.PubkeyToAddress(f.node.keys[i].PublicKey), nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func runAnchorer(t *testing.T, a *Anchorer) (stop func() error) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	return func() error { cancel(); return <-done }
}

// The node goes away while entries keep coming, then comes back with its
// state: the anchorer backs off, catches up, and anchors nothing twice.
func TestAnvilNodeStoppedAndRestarted(t *testing.T) {
	ctx := context.Background()
	f := newAnvilFixture(t)
	reg := prometheus.NewRegistry()
	a := f.anchorer(t, func(o *Options) { o.Registerer = reg })
	stopMiner := f.node.miner(20 * time.Millisecond)
	defer func() { stopMiner() }()
	stop := runAnchorer(t, a)
	f.log.appendN(t, 5)
	if _, err := a.WaitAnchored(ctx, 5); err != nil {
		t.Fatal(err)
	}

	f.node.stop()
	f.log.appendN(t, 5)
	rpcFailures := a.metrics.failures.WithLabelValues(FailureRPC)
	for metricValue(rpcFailures) < 3 {
		time.Sleep(20 * time.Millisecond) // the anchorer is retrying against the stopped node
	}
	f.node.start()
	anc, err := a.WaitAnchored(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	sizes := f.anchoredSizes(t)
	if len(sizes) != 2 || sizes[0] != 5 || sizes[1] != 10 || anc.TreeSize != 10 {
		t.Fatalf("anchored sizes %v (latest %+v), want [5 10]", sizes, anc)
	}
	if n := f.minedFrom(t, 1); n != 2 {
		t.Fatalf("%d anchoring transactions mined, want 2", n)
	}
	t.Logf("rpc failures while the node was down: %v", metricValue(rpcFailures))
}

// anvil_reorg replaces the anchoring block (and drops its transaction): the
// anchorer sends the same signed transaction again, and a receipt issued
// before the reorg still verifies against the chain afterwards.
func TestAnvilReorgRemovesAnchor(t *testing.T) {
	ctx := context.Background()
	f := newAnvilFixture(t)
	a := f.anchorer(t, func(o *Options) { o.Confirmations = 1 })
	ids := f.log.appendDecisions(t, 4)
	step(t, a)
	if a.pend == nil {
		t.Fatal("nothing sent")
	}
	sent := a.pend.Attempts[0].TxHash
	if err := f.node.mine(ctx, 1); err != nil {
		t.Fatal(err)
	}
	step(t, a)
	before, ok := a.Latest()
	if !ok || before.TxHash != sent {
		t.Fatalf("not confirmed: %+v", before)
	}
	r, err := f.log.Receipt(ctx, ids[2])
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Attach(ctx, r); err != nil {
		t.Fatal(err)
	}
	reader := a.Registry()
	if _, err := VerifyReceipt(ctx, r, reader); err != nil {
		t.Fatalf("receipt before the reorg: %v", err)
	}

	head, _ := f.node.client.BlockNumber(ctx)
	if err := f.node.reorg(ctx, head-before.BlockNumber+1); err != nil {
		t.Fatal(err)
	}
	if _, err := reader.RootAt(ctx, registry.LogIDFor(f.log.origin), 4); !errors.Is(err, registry.ErrNotAnchored) {
		t.Fatalf("after the reorg the contract still has size 4 (%v)", err)
	}
	if _, err := VerifyReceipt(ctx, r, reader); !errors.Is(err, registry.ErrNotAnchored) {
		t.Fatalf("receipt while the anchor is gone: %v, want registry.ErrNotAnchored", err)
	}
	step(t, a) // notices, sends the transaction again
	if a.pend == nil || !a.pend.Reanchor {
		t.Fatalf("reorg not noticed: %+v", a.pend)
	}
	if err := f.node.mine(ctx, 1); err != nil {
		t.Fatal(err)
	}
	step(t, a)
	after, ok := a.Latest()
	if !ok || after.TxHash != sent || after.BlockHash == before.BlockHash {
		t.Fatalf("after the reorg: %+v, before %+v", after, before)
	}
	v, err := VerifyReceipt(ctx, r, reader)
	if err != nil {
		t.Fatalf("receipt after re-anchoring: %v", err)
	}
	if v.OnChain.TreeSize != 4 || v.Reanchored != (after.BlockNumber != before.BlockNumber) {
		t.Fatalf("verified against %+v (reanchored %v; blocks %d -> %d)", v.OnChain, v.Reanchored, before.BlockNumber, after.BlockNumber)
	}
	// A receipt issued now names the new block, and all of it checks.
	if err := a.Attach(ctx, r); err != nil {
		t.Fatal(err)
	}
	if v, err := VerifyReceipt(ctx, r, reader); err != nil || v.Reanchored || !v.BlockChecked || !v.TxChecked {
		t.Fatalf("fresh receipt after the reorg: %+v, %v", v, err)
	}
	if sizes := f.anchoredSizes(t); len(sizes) != 1 || sizes[0] != 4 {
		t.Fatalf("anchored sizes %v, want [4]", sizes)
	}
	if got := metricValue(a.metrics.failures.WithLabelValues(FailureReorg)); got != 1 {
		t.Errorf("failures{reorg} = %v", got)
	}
}

func TestAnvilUnauthorizedKey(t *testing.T) {
	f := newAnvilFixture(t)
	f.log.appendN(t, 2)
	a := f.anchorer(t, func(o *Options) { o.Key = f.node.keys[2] })
	err := a.Run(context.Background())
	if !errors.Is(err, registry.ErrNotAnchorer) {
		t.Fatalf("Run: %v, want registry.ErrNotAnchorer", err)
	}
	want := crypto.PubkeyToAddress(f.node.keys[2].PublicKey).Hex()
	if !strings.Contains(err.Error(), want) {
		t.Fatalf("error does not name the key's address %s: %v", want, err)
	}
	t.Logf("error: %v", err)
}

func TestAnvilStuckTransactionReplaced(t *testing.T) {
	ctx := context.Background()
	f := newAnvilFixture(t)
	a := f.anchorer(t, func(o *Options) { o.Clock = f.clock.Now })
	f.log.appendN(t, 3)
	step(t, a)
	first := a.pend.Attempts[0].TxHash
	f.clock.Advance(2 * time.Minute)
	step(t, a)
	if len(a.pend.Attempts) != 2 {
		t.Fatalf("%d attempts, want a replacement", len(a.pend.Attempts))
	}
	second := a.pend.Attempts[1].TxHash
	if err := f.node.mine(ctx, 2); err != nil {
		t.Fatal(err)
	}
	step(t, a)
	anc, ok := a.Latest()
	if !ok || anc.TxHash != second {
		t.Fatalf("latest %+v, want the replacement %s", anc, second)
	}
	if _, err := f.node.client.TransactionReceipt(ctx, first); err == nil {
		t.Fatal("the replaced transaction was mined as well")
	}
	if n := f.minedFrom(t, 1); n != 1 {
		t.Fatalf("%d transactions mined, want 1", n)
	}
}

// The anchorer process is killed (SIGKILL) after it broadcast its
// transaction and before it was mined. A new process on the same log
// follows that transaction; nothing is anchored twice.
func TestAnvilKilledBetweenSigningAndConfirmation(t *testing.T) {
	ctx := context.Background()
	f := newAnvilFixture(t)
	f.log.appendN(t, 6)
	if err := f.log.Close(); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestAnvilCrashChild$", "-test.v")
	cmd.Env = append(os.Environ(),
		"GLASSBOX_ANCHOR_CHILD=1",
		"CHILD_RPC="+f.node.url,
		"CHILD_CONTRACT="+f.reg.Address().Hex(),
		"CHILD_DIR="+f.log.dir,
		"CHILD_ORIGIN="+f.log.origin,
		"CHILD_SKEY="+f.log.skey,
		"CHILD_KEY="+hexutil.Encode(crypto.FromECDSA(f.node.keys[1])),
	)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var sent common.Hash
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if h, ok := strings.CutPrefix(sc.Text(), "SENT "); ok {
			sent = common.HexToHash(h)
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if sent == (common.Hash{}) {
		t.Fatal("the child never reported a sent transaction")
	}

	f.log.open(t)
	a := f.anchorer(t, nil)
	step(t, a)
	if a.pend == nil || a.pend.Attempts[len(a.pend.Attempts)-1].TxHash != sent {
		t.Fatalf("restarted anchorer does not follow %s: %+v", sent, a.pend)
	}
	if n, _ := f.node.client.PendingNonceAt(ctx, crypto.PubkeyToAddress(f.node.keys[1].PublicKey)); n != 1 {
		t.Fatalf("pending nonce %d: a second transaction was sent", n)
	}
	if err := f.node.mine(ctx, 2); err != nil {
		t.Fatal(err)
	}
	step(t, a)
	anc, ok := a.Latest()
	if !ok || anc.TxHash != sent || anc.TreeSize != 6 {
		t.Fatalf("latest %+v, want the child's %s", anc, sent)
	}
	if sizes := f.anchoredSizes(t); len(sizes) != 1 {
		t.Fatalf("anchored sizes %v", sizes)
	}
	if n := f.minedFrom(t, 1); n != 1 {
		t.Fatalf("%d transactions mined, want 1", n)
	}
}

// TestAnvilCrashChild is the process killed by
// TestAnvilKilledBetweenSigningAndConfirmation; it does nothing otherwise.
func TestAnvilCrashChild(t *testing.T) {
	if os.Getenv("GLASSBOX_ANCHOR_CHILD") != "1" {
		t.Skip("runs only as the child of TestAnvilKilledBetweenSigningAndConfirmation")
	}
	ctx := context.Background()
	key, err := crypto.ToECDSA(hexutil.MustDecode(os.Getenv("CHILD_KEY")))
	if err != nil {
		t.Fatal(err)
	}
	client, err := ethclient.Dial(os.Getenv("CHILD_RPC"))
	if err != nil {
		t.Fatal(err)
	}
	tl := &testLog{dir: os.Getenv("CHILD_DIR"), origin: os.Getenv("CHILD_ORIGIN"), skey: os.Getenv("CHILD_SKEY")}
	tl.open(t)
	a, err := New(tl, tl.state(t), client, Options{
		Contract: common.HexToAddress(os.Getenv("CHILD_CONTRACT")), Key: key,
		Entries: 1, Interval: time.Hour, Confirmations: 2, PollInterval: time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	for a.pend == nil {
		if err := a.step(ctx); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Printf("SENT %s\n", a.pend.Attempts[0].TxHash.Hex())
	for {
		time.Sleep(time.Hour) // wait to be killed
	}
}

// A reorg drops a confirmed anchor's transaction (nonce N) while the next
// anchor (nonce N+1) waits in the pool: the gap is filled by sending the
// dropped transaction again, not by bumping fees, and both anchors end
// confirmed once each.
func TestAnvilReorgLeavesNonceGap(t *testing.T) {
	ctx := context.Background()
	f := newAnvilFixture(t)
	a := f.anchorer(t, func(o *Options) { o.Confirmations = 1; o.Clock = f.clock.Now })
	f.log.appendN(t, 2)
	step(t, a)
	if err := f.node.mine(ctx, 1); err != nil {
		t.Fatal(err)
	}
	step(t, a)
	first, ok := a.Latest()
	if !ok {
		t.Fatal("first anchor not confirmed")
	}
	f.log.appendN(t, 2)
	step(t, a)
	if a.pend == nil || a.pend.Nonce != first.Nonce+1 {
		t.Fatalf("second anchor not in flight: %+v", a.pend)
	}
	head, _ := f.node.client.BlockNumber(ctx)
	if err := f.node.reorg(ctx, head-first.BlockNumber+1); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(time.Hour) // stuck as far as time goes
	step(t, a)
	if len(a.pend.Attempts) != 1 {
		t.Fatalf("fees bumped for a nonce gap: %d attempts", len(a.pend.Attempts))
	}
	if err := f.node.mine(ctx, 1); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10 && (a.pend != nil || a.confirmedSize() < 4); i++ {
		step(t, a)
	}
	for i := 0; i < 10; i++ { // the re-check re-confirms the first anchor
		step(t, a)
		if err := f.node.mine(ctx, 1); err != nil {
			t.Fatal(err)
		}
	}
	if sizes := f.anchoredSizes(t); len(sizes) != 2 || sizes[0] != 2 || sizes[1] != 4 {
		t.Fatalf("anchored sizes %v, want [2 4]", sizes)
	}
	if n := f.minedFrom(t, 1); n != 2 {
		t.Fatalf("%d transactions mined, want 2", n)
	}
	all, err := a.Anchors()
	if err != nil || len(all) != 2 {
		t.Fatalf("stored anchors %+v %v", all, err)
	}
	for _, anc := range all {
		h, err := f.node.client.HeaderByNumber(ctx, new(big.Int).SetUint64(anc.BlockNumber))
		if err != nil || h.Hash() != anc.BlockHash {
			t.Fatalf("stored anchor %d names a non-canonical block", anc.TreeSize)
		}
	}
}
