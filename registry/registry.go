package registry

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/glassbox-audit/glassbox/contracts"
)

// DefaultPollInterval is how often a [Client] asks for the receipt of a
// transaction it sent, when [Options].PollInterval is zero.
const DefaultPollInterval = 100 * time.Millisecond

// Options configures a [Client]. The zero value (or nil) is valid.
type Options struct {
	// PollInterval is how often to ask for a sent transaction's receipt.
	// Zero means DefaultPollInterval.
	PollInterval time.Duration

	// Commit, if set, is called after each transaction is sent and before
	// waiting for its receipt. Set it to a simulated backend's Commit so
	// that each write is mined at once (package simchain does this).
	Commit func()
}

func (o *Options) withDefaults() (Options, error) {
	var out Options
	if o != nil {
		out = *o
	}
	if out.PollInterval < 0 {
		return out, fmt.Errorf("%w: negative PollInterval %v", ErrInvalidArgument, out.PollInterval)
	}
	if out.PollInterval == 0 {
		out.PollInterval = DefaultPollInterval
	}
	return out, nil
}

// The parsed ABI and the bindings, shared read-only.
var (
	bindings    = contracts.NewGlassboxRegistry()
	registryABI = mustABI()
)

func mustABI() *abi.ABI {
	a, err := contracts.GlassboxRegistryMetaData.ParseABI()
	if err != nil {
		panic("registry: generated ABI does not parse: " + err.Error()) // generated input; cannot happen
	}
	return a
}

// Bindings returns the abigen bindings of the contract: Pack* methods for
// every function (to build raw transactions), Unpack* for results, events
// and errors.
func Bindings() *contracts.GlassboxRegistry { return bindings }

// Backend is what a [Client] needs of a node: go-ethereum's bind.Backend
// (calls, gas estimation, sending, receipts, logs) and the chain id, which
// a verifier compares with the chain a receipt names. go-ethereum's
// *ethclient.Client and the simulated backend's client implement it.
type Backend interface {
	bind.Backend
	ChainID(ctx context.Context) (*big.Int, error)
}

// Client is the Go API over one deployed GlassboxRegistry contract. It works
// with any [Backend]: an *ethclient.Client talking JSON-RPC to a node, or a
// simulated backend's client. A Client is safe for concurrent use; it holds
// no state of its own beyond its configuration.
//
// Write methods take the sender's *bind.TransactOpts, send one transaction,
// wait until it is mined and return its receipt. A revert, whether found
// when estimating gas or after mining, is returned as a [*ContractError].
type Client struct {
	backend  Backend
	address  common.Address
	contract *bind.BoundContract
	opts     Options
}

// New returns a Client for the contract at address. It checks that code is
// deployed there ([ErrNoContract] otherwise).
func New(ctx context.Context, backend Backend, address common.Address, opts *Options) (*Client, error) {
	c, err := At(backend, address, opts)
	if err != nil {
		return nil, err
	}
	code, err := backend.CodeAt(ctx, address, nil)
	if err != nil {
		return nil, fmt.Errorf("registry: reading code at %s: %w", address, err)
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrNoContract, address)
	}
	return c, nil
}

// At returns a Client for the contract at address without reading the
// chain, for constructors that must not do I/O (an anchorer's). A missing
// contract shows on the first call as [ErrNoContract].
func At(backend Backend, address common.Address, opts *Options) (*Client, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	if backend == nil {
		return nil, fmt.Errorf("%w: nil backend", ErrInvalidArgument)
	}
	if address == (common.Address{}) {
		return nil, fmt.Errorf("%w: zero contract address", ErrInvalidArgument)
	}
	return newClient(backend, address, o), nil
}

func newClient(backend Backend, address common.Address, o Options) *Client {
	return &Client{
		backend:  backend,
		address:  address,
		contract: bindings.Instance(backend, address),
		opts:     o,
	}
}

// Deploy deploys a new GlassboxRegistry from auth.From, which becomes its
// admin, its dispute resolver and a model publisher. It waits for the
// deployment to be mined and returns a Client for it.
func Deploy(ctx context.Context, backend Backend, auth *bind.TransactOpts, opts *Options) (*Client, *types.Receipt, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, nil, err
	}
	if auth == nil {
		return nil, nil, fmt.Errorf("%w: nil TransactOpts", ErrInvalidArgument)
	}
	a := withContext(auth, ctx)
	addr, tx, err := bind.DeployContract(a, common.FromHex(contracts.GlassboxRegistryMetaData.Bin), backend, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("registry: deploy: %w", DecodeError(err))
	}
	c := newClient(backend, addr, o)
	rcpt, err := c.wait(ctx, "deploy", a.From, nil, tx)
	if err != nil {
		return nil, rcpt, err
	}
	if rcpt.ContractAddress != (common.Address{}) && rcpt.ContractAddress != addr {
		return nil, rcpt, fmt.Errorf("registry: deploy: contract at %s, expected %s", rcpt.ContractAddress, addr)
	}
	return c, rcpt, nil
}

// Address returns the contract's address.
func (c *Client) Address() common.Address { return c.address }

// Backend returns the backend the Client talks to.
func (c *Client) Backend() Backend { return c.backend }

// ChainID returns the id of the chain the Client reads.
func (c *Client) ChainID(ctx context.Context) (uint64, error) {
	id, err := c.backend.ChainID(ctx)
	if err != nil {
		return 0, fmt.Errorf("registry: reading the chain id: %w", err)
	}
	if !id.IsUint64() {
		return 0, fmt.Errorf("registry: chain id %s does not fit 64 bits", id)
	}
	return id.Uint64(), nil
}

// Contract returns the bound contract, for use with bind.Call,
// bind.Transact and the Pack functions of [Bindings].
func (c *Client) Contract() *bind.BoundContract { return c.contract }

func withContext(auth *bind.TransactOpts, ctx context.Context) *bind.TransactOpts {
	a := *auth
	a.Context = ctx
	return &a
}

// call runs a read-only call and unpacks its result.
func call[T any](ctx context.Context, c *Client, method string, data []byte, unpack func([]byte) (T, error)) (T, error) {
	v, err := bind.Call(c.contract, &bind.CallOpts{Context: ctx}, data, unpack)
	if err != nil {
		var zero T
		return zero, c.callErr(method, err)
	}
	return v, nil
}

// callErr names the method in an error of a call or a gas estimate, decoding
// a revert and telling a missing contract apart.
func (c *Client) callErr(method string, err error) error {
	if errors.Is(err, bind.ErrNoCode) {
		return fmt.Errorf("registry: %s: %w: %s", method, ErrNoContract, c.address)
	}
	return fmt.Errorf("registry: %s: %w", method, DecodeError(err))
}

// transact sends data to the contract from auth and waits for the receipt.
func (c *Client) transact(ctx context.Context, method string, auth *bind.TransactOpts, data []byte) (*types.Receipt, error) {
	if auth == nil {
		return nil, fmt.Errorf("registry: %s: %w: nil TransactOpts", method, ErrInvalidArgument)
	}
	if auth.NoSend {
		return nil, fmt.Errorf("registry: %s: %w: NoSend is set; build unsent transactions with Bindings() and bind.Transact", method, ErrInvalidArgument)
	}
	a := withContext(auth, ctx)
	tx, err := bind.Transact(c.contract, a, data)
	if err != nil {
		return nil, c.callErr(method, err)
	}
	return c.wait(ctx, method, a.From, data, tx)
}

// wait commits (when configured) and polls for tx's receipt. When the
// transaction failed, it replays it as a call at its block to recover the
// revert reason.
func (c *Client) wait(ctx context.Context, method string, from common.Address, data []byte, tx *types.Transaction) (*types.Receipt, error) {
	if c.opts.Commit != nil {
		c.opts.Commit()
	}
	rcpt, err := WaitMined(ctx, c.backend, tx.Hash(), c.opts.PollInterval)
	if err != nil {
		return nil, fmt.Errorf("registry: %s: waiting for %s: %w", method, tx.Hash(), err)
	}
	if rcpt.Status == types.ReceiptStatusSuccessful {
		return rcpt, nil
	}
	reason := error(ErrReverted)
	if data != nil {
		msg := ethereum.CallMsg{From: from, To: &c.address, Gas: tx.Gas(), Value: tx.Value(), Data: data}
		// Replaying on the state after the block explains the common cases
		// (an earlier transaction in the same block anchored a larger size).
		_, cerr := c.backend.CallContract(ctx, msg, rcpt.BlockNumber)
		if d := DecodeError(cerr); d != nil {
			var ce *ContractError
			if errors.As(d, &ce) {
				reason = ce
			}
		}
	}
	return rcpt, fmt.Errorf("registry: %s: transaction %s failed in block %s: %w", method, tx.Hash(), rcpt.BlockNumber, reason)
}

// WaitMined waits until the transaction with the given hash is mined and
// returns its receipt, asking every interval (DefaultPollInterval if zero).
// It returns ctx's error when ctx ends first.
func WaitMined(ctx context.Context, b bind.DeployBackend, hash common.Hash, interval time.Duration) (*types.Receipt, error) {
	if interval <= 0 {
		interval = DefaultPollInterval
	}
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-t.C:
		}
		rcpt, err := b.TransactionReceipt(ctx, hash)
		if err == nil {
			return rcpt, nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			return nil, err
		}
		t.Reset(interval)
	}
}
