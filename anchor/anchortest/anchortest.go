// Package anchortest is the conformance suite for chain backends of package
// anchor: what the anchorer assumes of a node, checked against a real one.
//
// [TestChain] runs against any [anchor.Chain] (go-ethereum's simulated
// backend, anvil, a testnet node) given a funded key, a way to mine a block
// and a deployed GlassboxRegistry. It checks the node behaviours the
// anchorer's safety rests on, then runs an anchorer on it through a restart
// with a transaction in flight:
//
//   - the chain id is stable; a mined block raises the block number; the
//     head header has a base fee;
//   - PendingNonceAt counts a sent, unmined transaction; NonceAt does not,
//     until it is mined;
//   - TransactionReceipt answers ethereum.NotFound (not another error) for
//     a transaction that is not mined;
//   - sending the same signed transaction again does not create a second
//     one;
//   - a replacement with the same nonce and fees raised by 10% replaces the
//     pending transaction, and only it is mined;
//   - a contract revert comes back with its revert data, decoded into the
//     contract's custom error;
//   - an anchorer on the chain anchors a log, is restarted with its
//     transaction in flight, follows it, and anchors each size once.
package anchortest

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/registry"
)

// Env is a chain under test.
type Env struct {
	// Chain is the node's client.
	Chain anchor.Chain
	// Registry is a GlassboxRegistry deployed on the chain, with Admin
	// its admin.
	Registry *registry.Client
	Admin    *ecdsa.PrivateKey
	// Key is a funded account with no transactions pending; the suite
	// sends from it and makes it a log's anchorer.
	Key *ecdsa.PrivateKey
	// Mine mines one block with the pending transactions.
	Mine func(ctx context.Context) error
}

// TestChain runs the suite (see the package documentation).
func TestChain(t *testing.T, env Env) {
	t.Run("Basics", func(t *testing.T) { testBasics(t, env) })
	t.Run("Nonces", func(t *testing.T) { testNonces(t, env) })
	t.Run("Replacement", func(t *testing.T) { testReplacement(t, env) })
	t.Run("Revert", func(t *testing.T) { testRevert(t, env) })
	t.Run("Anchorer", func(t *testing.T) { testAnchorer(t, env) })
}

func testBasics(t *testing.T, env Env) {
	ctx := context.Background()
	id1, err := env.Chain.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n1, err := env.Chain.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := env.Mine(ctx); err != nil {
		t.Fatal(err)
	}
	n2, _ := env.Chain.BlockNumber(ctx)
	id2, _ := env.Chain.ChainID(ctx)
	if n2 <= n1 || id1.Cmp(id2) != 0 {
		t.Fatalf("block %d -> %d after mining, chain id %s -> %s", n1, n2, id1, id2)
	}
	h, err := env.Chain.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if h.BaseFee == nil || h.Number.Uint64() != n2 {
		t.Fatalf("head header: base fee %v, number %v (block number %d)", h.BaseFee, h.Number, n2)
	}
}

// transfer signs a 1-wei transfer from the env's key.
func transfer(t *testing.T, env Env, nonce uint64, tip, feeCap *big.Int) *types.Transaction {
	t.Helper()
	ctx := context.Background()
	id, err := env.Chain.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	to := common.Address{0x42}
	tx, err := types.SignNewTx(env.Key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
		ChainID: id, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21000, To: &to, Value: big.NewInt(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	return tx
}

func fees(t *testing.T, env Env) (tip, feeCap *big.Int) {
	t.Helper()
	ctx := context.Background()
	tip, err := env.Chain.SuggestGasTipCap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	h, err := env.Chain.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	return tip, new(big.Int).Add(new(big.Int).Mul(h.BaseFee, big.NewInt(2)), tip)
}

func testNonces(t *testing.T, env Env) {
	ctx := context.Background()
	from := crypto.PubkeyToAddress(env.Key.PublicKey)
	mined, err := env.Chain.NonceAt(ctx, from, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip, feeCap := fees(t, env)
	tx := transfer(t, env, mined, tip, feeCap)
	if err := env.Chain.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	// Sent, not mined (a node that mines on send has mined it already).
	if _, err := env.Chain.TransactionReceipt(ctx, tx.Hash()); err != nil && !errors.Is(err, ethereum.NotFound) {
		t.Fatalf("receipt of an unmined transaction: %v, want ethereum.NotFound", err)
	}
	if _, err := env.Chain.TransactionReceipt(ctx, common.Hash{1}); !errors.Is(err, ethereum.NotFound) {
		t.Fatalf("receipt of an unknown transaction: %v, want ethereum.NotFound", err)
	}
	pending, err := env.Chain.PendingNonceAt(ctx, from)
	if err != nil || pending != mined+1 {
		t.Fatalf("pending nonce %d (%v), want %d", pending, err, mined+1)
	}
	// The same transaction again is not a second transaction.
	_ = env.Chain.SendTransaction(ctx, tx)
	if err := env.Mine(ctx); err != nil {
		t.Fatal(err)
	}
	rc, err := env.Chain.TransactionReceipt(ctx, tx.Hash())
	if err != nil || rc.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("receipt after mining: %v %v", rc, err)
	}
	if n, _ := env.Chain.NonceAt(ctx, from, nil); n != mined+1 {
		t.Fatalf("nonce %d after one transaction mined, want %d", n, mined+1)
	}
}

func testReplacement(t *testing.T, env Env) {
	ctx := context.Background()
	from := crypto.PubkeyToAddress(env.Key.PublicKey)
	nonce, err := env.Chain.NonceAt(ctx, from, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip, feeCap := fees(t, env)
	first := transfer(t, env, nonce, tip, feeCap)
	if err := env.Chain.SendTransaction(ctx, first); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Chain.TransactionReceipt(ctx, first.Hash()); err == nil {
		t.Skip("the node mines on send: no pending transaction to replace")
	}
	up := func(x *big.Int) *big.Int {
		return new(big.Int).Div(new(big.Int).Mul(x, big.NewInt(110)), big.NewInt(100))
	}
	second := transfer(t, env, nonce, new(big.Int).Add(up(tip), big.NewInt(1)), new(big.Int).Add(up(feeCap), big.NewInt(1)))
	if err := env.Chain.SendTransaction(ctx, second); err != nil {
		t.Fatalf("replacement with fees +10%%: %v", err)
	}
	if err := env.Mine(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Chain.TransactionReceipt(ctx, second.Hash()); err != nil {
		t.Fatalf("the replacement was not mined: %v", err)
	}
	if _, err := env.Chain.TransactionReceipt(ctx, first.Hash()); !errors.Is(err, ethereum.NotFound) {
		t.Fatalf("the replaced transaction: %v, want ethereum.NotFound", err)
	}
}

func testRevert(t *testing.T, env Env) {
	ctx := context.Background()
	// Read through the chain under test, whatever client Registry uses.
	r, err := registry.At(env.Chain, env.Registry.Address(), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.LatestAnchor(ctx, registry.LogID{0xde, 0xad})
	var ce *registry.ContractError
	if !errors.Is(err, registry.ErrUnknownLog) || !errors.As(err, &ce) || ce.Name != "UnknownLog" {
		t.Fatalf("a reverting call: %v, want the contract's UnknownLog error", err)
	}
}

func testAnchorer(t *testing.T, env Env) {
	ctx := context.Background()
	origin := fmt.Sprintf("anchortest.example/%d", time.Now().UnixNano())
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(skey)
	raw, err := base64.StdEncoding.DecodeString(strings.SplitN(vkey, "+", 3)[2])
	if err != nil {
		t.Fatal(err)
	}
	id, err := env.Chain.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	admin := bindKey(env.Admin, id)
	// The registry client waits for mining: mine while it waits.
	stopMining := mineInBackground(env)
	_, err = env.Registry.RegisterLog(ctx, admin, origin, ed25519.PublicKey(raw[1:]), crypto.PubkeyToAddress(env.Key.PublicKey))
	stopMining()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	l, err := auditlog.Open(dir, &auditlog.Options{Signer: signer, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for i := range 3 {
		if _, err := l.Append(ctx, fmt.Appendf(nil, "entry %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	opts := anchor.Options{Contract: env.Registry.Address(), Key: env.Key, Entries: 1, Confirmations: 1, PollInterval: 5 * time.Millisecond}
	state, err := l.Store(anchor.DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}

	// First anchorer: runs until its transaction is sent, then stops.
	a1, err := anchor.New(l, state, env.Chain, opts)
	if err != nil {
		t.Fatal(err)
	}
	from := crypto.PubkeyToAddress(env.Key.PublicKey)
	before, _ := env.Chain.NonceAt(ctx, from, nil)
	run1, stop1 := context.WithCancel(ctx)
	done1 := make(chan error, 1)
	go func() { done1 <- a1.Run(run1) }()
	for {
		n, err := env.Chain.PendingNonceAt(ctx, from)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := env.Chain.NonceAt(ctx, from, nil)
		if n > before || m > before {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	stop1()
	if err := <-done1; err != nil {
		t.Fatal(err)
	}

	// Second anchorer on the same log: follows the same transaction.
	a2, err := anchor.New(l, state, env.Chain, opts)
	if err != nil {
		t.Fatal(err)
	}
	stopMining = mineInBackground(env)
	defer stopMining()
	run2, stop2 := context.WithCancel(ctx)
	done2 := make(chan error, 1)
	go func() { done2 <- a2.Run(run2) }()
	anc, err := a2.WaitAnchored(ctx, 3)
	stop2()
	if err != nil {
		t.Fatal(err)
	}
	if err := <-done2; err != nil {
		t.Fatal(err)
	}
	if n, _ := env.Chain.NonceAt(ctx, from, nil); n != before+1 {
		t.Fatalf("%d transactions for one anchor", n-before)
	}
	cp, err := l.CheckpointAt(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := anchor.VerifyCheckpoint(ctx, a2.Registry(), cp.Checkpoint, anc.TreeSize, nil); err != nil {
		t.Fatal(err)
	}
}

func bindKey(k *ecdsa.PrivateKey, chainID *big.Int) *bind.TransactOpts {
	return bind.NewKeyedTransactor(k, chainID)
}

// mineInBackground mines a block every few milliseconds until stopped.
func mineInBackground(env Env) (stop func()) {
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tk := time.NewTicker(5 * time.Millisecond)
		defer tk.Stop()
		for {
			select {
			case <-quit:
				return
			case <-tk.C:
				_ = env.Mine(context.Background())
			}
		}
	}()
	return func() { close(quit); <-done }
}
