package anchor

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// Dev is an in-process development chain for an anchorer: go-ethereum's
// simulated backend with the GlassboxRegistry contract deployed (package
// registry/simchain), mining a block as soon as a transaction arrives, as a
// development node does. Nothing is installed and nothing is kept: the
// chain lives in memory until Close.
type Dev struct {
	// Sim is the simulated chain: its Registry client, funded Keys
	// (account 0 is the contract's admin, account 1 the anchorer) and
	// Commit to mine extra blocks.
	Sim *simchain.Chain
	// Client is the chain to give New: the simulated client, mining on
	// every sent transaction.
	Client Chain
}

// Close stops the chain.
func (d *Dev) Close() error { return d.Sim.Close() }

// devClient mines a block after each sent transaction.
type devClient struct {
	simulated.Client
	sim *simchain.Chain
}

func (c devClient) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := c.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	c.sim.Commit()
	return nil
}

// NewDev starts a development chain, registers the log on it (origin
// log.Origin(), checkpoint key pub, anchorer account 1), and returns an
// anchorer for it with opts (Contract and Key are filled in; Confirmations
// defaults to 1, since the chain never reorganises; Namespace defaults to
// one per development chain, see [Anchorer.Namespace]). It is what "no chain
// configured" means for the SDK and the examples. Close the Dev when done,
// after Run has returned.
func NewDev(ctx context.Context, log Log, pub ed25519.PublicKey, opts Options) (*Anchorer, *Dev, error) {
	if log == nil {
		return nil, nil, fmt.Errorf("%w: nil log", ErrInvalidOptions)
	}
	if len(pub) != ed25519.PublicKeySize {
		return nil, nil, fmt.Errorf("%w: checkpoint public key of %d bytes", ErrInvalidOptions, len(pub))
	}
	sim, err := simchain.New(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("anchor: starting the development chain: %w", err)
	}
	d := &Dev{Sim: sim, Client: devClient{sim.Client, sim}}
	if _, err := sim.Registry.RegisterLog(ctx, sim.TransactOpts(0), log.Origin(), pub, sim.Address(1)); err != nil {
		return nil, nil, errors.Join(fmt.Errorf("anchor: registering the log on the development chain: %w", err), sim.Close())
	}
	opts.Contract, opts.Key = sim.Registry.Address(), sim.Keys[1]
	if opts.Namespace == "" {
		// Each development chain is new: its anchors must not mix with
		// those of an earlier run on the same log.
		opts.Namespace = "anchor-dev-" + strings.ToLower(sim.Registry.Address().Hex())
	}
	if opts.Confirmations == 0 {
		opts.Confirmations = 1
	}
	a, err := New(log, d.Client, opts)
	if err != nil {
		return nil, nil, errors.Join(err, sim.Close())
	}
	return a, d, nil
}
