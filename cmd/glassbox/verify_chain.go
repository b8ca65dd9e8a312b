package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/registry"
)

// CheckChain names the chain check of `glassbox verify` in its JSON output.
const CheckChain receipt.Check = "chain"

// chainOptions are the flags of the chain check of `glassbox verify`:
// with --rpc and --contract, the receipt's anchor is checked against the
// GlassboxRegistry contract (docs/anchoring.md).
type chainOptions struct {
	rpc      *string
	contract *string
}

func verifyChainFlags(fs *flag.FlagSet) *chainOptions {
	return &chainOptions{
		rpc:      fs.String("rpc", "", "Ethereum JSON-RPC URL: also check the receipt's anchor against the contract"),
		contract: fs.String("contract", "", "GlassboxRegistry contract address (with --rpc)"),
	}
}

// validate reports a usage error in the chain flags.
func (o *chainOptions) validate() error {
	if (*o.rpc == "") != (*o.contract == "") {
		return errors.New("--rpc and --contract go together")
	}
	if *o.contract != "" && !common.IsHexAddress(*o.contract) {
		return fmt.Errorf("--contract %q is not an address", *o.contract)
	}
	return nil
}

// chainCheck checks the receipt against the chain when --rpc is given:
// the log's key and origin registered on the contract, and the contract's
// root for the anchored tree size (anchor.VerifyReceipt). A failure is a
// *receipt.VerifyError with Check "chain".
func chainCheck(ctx context.Context, o *chainOptions, r *receipt.Receipt) error {
	if o == nil || *o.rpc == "" {
		return nil
	}
	fail := func(err error) error { return &receipt.VerifyError{Check: CheckChain, Err: err} }
	c, err := ethclient.DialContext(ctx, *o.rpc)
	if err != nil {
		return fail(fmt.Errorf("connecting to %s: %w", *o.rpc, err))
	}
	defer c.Close()
	reg, err := registry.New(ctx, c, common.HexToAddress(*o.contract), nil)
	if err != nil {
		return fail(err)
	}
	if _, err := anchor.VerifyReceipt(ctx, r, reg); err != nil {
		return fail(err)
	}
	return nil
}

// chainLogKey reads from the contract the key that signs the receipt's
// checkpoint: keyAt(log id of the receipt's origin, the checkpoint's tree
// size), so a rotated key is honoured. It returns the key and that size;
// a failure is a *receipt.VerifyError with Check "chain".
func chainLogKey(ctx context.Context, o *chainOptions, r *receipt.Receipt) (verify.LogKey, uint64, error) {
	fail := func(err error) error { return &receipt.VerifyError{Check: CheckChain, Err: err} }
	body, _, ok := bytes.Cut(r.Checkpoint, []byte("\n\n"))
	if !ok {
		return verify.LogKey{}, 0, fail(fmt.Errorf("%w: the receipt's checkpoint has no signature block", verify.ErrMalformedCheckpoint))
	}
	cp, err := verify.ParseCheckpoint(append(body, '\n'))
	if err != nil {
		return verify.LogKey{}, 0, fail(err)
	}
	c, err := ethclient.DialContext(ctx, *o.rpc)
	if err != nil {
		return verify.LogKey{}, 0, fail(fmt.Errorf("connecting to %s: %w", *o.rpc, err))
	}
	defer c.Close()
	reg, err := registry.New(ctx, c, common.HexToAddress(*o.contract), nil)
	if err != nil {
		return verify.LogKey{}, 0, fail(err)
	}
	k, err := reg.KeyAt(ctx, registry.LogIDFor(r.Origin), cp.Size)
	if err != nil {
		return verify.LogKey{}, 0, fail(fmt.Errorf("the key of log %q at tree size %d: %w", r.Origin, cp.Size, err))
	}
	return verify.LogKey{Name: r.Origin, PublicKey: k.PublicKey}, cp.Size, nil
}
