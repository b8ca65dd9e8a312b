package anchor

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

func newSimChain(t testing.TB, opts *simchain.Options) *simchain.Chain {
	t.Helper()
	c, err := simchain.New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// The anchorer's calldata is the registry's anchor call: the contract
// accepts it from the log's anchorer; from another account the gas
// estimate carries NotAnchorer, which the anchorer reads as
// registry.ErrNotAnchorer and stops on. (The anchorer tests check the
// roots the contract then holds.)
func TestCalldataAndRefusal(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	id := registry.LogIDFor(f.log.origin)
	root := [32]byte{1, 2, 3}
	data := anchorCalldata(id, 5, root)
	if want := registry.Bindings().PackAnchor(id, 5, root); !bytes.Equal(want, data) {
		t.Fatal("anchorCalldata differs from the registry's anchor call")
	}
	to := f.chain.Registry.Address()
	_, err := f.chain.Client.EstimateGas(ctx, ethereum.CallMsg{From: f.chain.Address(2), To: &to, Data: data})
	a := f.anchorer(t, func(o *Options) { o.Key = f.chain.Keys[2] })
	refused := a.refused(ctx, 5, err)
	var ce *registry.ContractError
	if !errors.Is(refused, registry.ErrNotAnchorer) || !errors.As(refused, &ce) || ce.Name != "NotAnchorer" || !isFatal(refused) {
		t.Fatalf("estimate from a non-anchorer: %v, want a fatal registry.ErrNotAnchorer carrying the contract's NotAnchorer", refused)
	}
	// From the anchorer the same calldata is accepted.
	if gas, err := f.chain.Client.EstimateGas(ctx, ethereum.CallMsg{From: f.chain.Address(1), To: &to, Data: data}); err != nil || gas == 0 {
		t.Fatalf("estimate from the anchorer: %d, %v", gas, err)
	}
}

// An anchorer pointed at an address without the contract stops with
// registry.ErrNoContract before sending anything.
func TestNoContractEndsRun(t *testing.T) {
	c := newSimChain(t, nil)
	tl := newTestLog(t)
	tl.appendN(t, 1)
	a, err := New(tl, tl.state(t), c.Client, Options{Contract: common.Address{0xaa}, Key: c.Keys[1], PollInterval: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Run(context.Background()); !errors.Is(err, registry.ErrNoContract) {
		t.Fatalf("Run against an empty address: %v, want registry.ErrNoContract", err)
	}
	if n, _ := c.Client.NonceAt(context.Background(), c.Address(1), nil); n != 0 {
		t.Fatalf("sent %d transactions", n)
	}
}
