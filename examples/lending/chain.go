package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// chain is where the service anchors: the in-process simulated chain by
// default, or a node given by --rpc.
type chain struct {
	desc     string // for the summary
	client   anchor.Chain
	backend  bind.Backend
	registry *registry.Client
	admin    *bind.TransactOpts // registers the log and the model
	key      *ecdsa.PrivateKey  // the log's anchorer
	chainID  uint64
	close    func()
}

// openChain starts the simulated chain, or connects to cfg.RPC.
func openChain(ctx context.Context, cfg *config) (*chain, error) {
	if cfg.RPC == "" {
		sim, err := simchain.New(ctx, nil)
		if err != nil {
			return nil, err
		}
		return &chain{
			desc:     "simulated (in process, go-ethereum simulated backend)",
			client:   instantMining{sim.Client, sim},
			backend:  sim.Client,
			registry: sim.Registry,
			admin:    sim.TransactOpts(0),
			key:      sim.Keys[1],
			chainID:  sim.ChainID.Uint64(),
			close:    func() { sim.Close() },
		}, nil
	}
	if cfg.Contract == "" || cfg.Key == "" {
		return nil, errors.New("--rpc needs --contract and --key")
	}
	if !common.IsHexAddress(cfg.Contract) {
		return nil, fmt.Errorf("--contract %q is not an address", cfg.Contract)
	}
	key, err := crypto.HexToECDSA(trim0x(cfg.Key))
	if err != nil {
		return nil, fmt.Errorf("--key: %w", err)
	}
	c, err := ethclient.DialContext(ctx, cfg.RPC)
	if err != nil {
		return nil, fmt.Errorf("--rpc %s: %w", cfg.RPC, err)
	}
	id, err := c.ChainID(ctx)
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("--rpc %s: %w", cfg.RPC, err)
	}
	reg, err := registry.New(ctx, c, common.HexToAddress(cfg.Contract), nil)
	if err != nil {
		c.Close()
		return nil, err
	}
	return &chain{
		desc:     "JSON-RPC " + cfg.RPC,
		client:   c,
		backend:  c,
		registry: reg,
		admin:    bind.NewKeyedTransactor(key, id),
		key:      key,
		chainID:  id.Uint64(),
		close:    c.Close,
	}, nil
}

// instantMining mines a block as soon as a transaction is sent, like a dev
// node (anvil's default): the simulated backend only mines when asked.
type instantMining struct {
	simulated.Client
	sim *simchain.Chain
}

func (m instantMining) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := m.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	m.sim.Commit()
	return nil
}

func trim0x(s string) string {
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		return s[2:]
	}
	return s
}

// registerLog registers the log with the chain's anchorer key, unless it is
// registered already (a restarted service with --dir).
func (c *chain) registerLog(ctx context.Context, origin string, pub ed25519.PublicKey) error {
	_, err := c.registry.Log(ctx, registry.LogID(origin))
	if err == nil {
		return nil
	}
	if !errors.Is(err, registry.ErrUnknownLog) {
		return err
	}
	_, err = c.registry.RegisterLog(ctx, c.admin, origin, pub, crypto.PubkeyToAddress(c.key.PublicKey))
	return err
}

// registerModel publishes the model version and its artifact digest, unless
// it is published already with the same digest.
func (c *chain) registerModel(ctx context.Context, name, version string, digest [32]byte, uri string) error {
	_, err := c.registry.RegisterModel(ctx, c.admin, name, version, digest, uri)
	if errors.Is(err, registry.ErrDuplicateVersion) {
		return nil
	}
	return err
}
