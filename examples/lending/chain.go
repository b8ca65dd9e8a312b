package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// chain is where the service anchors: the in-process development chain
// (registry/simchain) by default, or a node given by --rpc.
type chain struct {
	desc     string // for the summary
	client   anchor.Chain
	registry *registry.Client
	admin    *bind.TransactOpts // registers the log and the model
	key      *ecdsa.PrivateKey  // the log's anchorer
	chainID  uint64
	// rpcURL is the chain's JSON-RPC endpoint for other processes and
	// browsers ("" when it has none).
	rpcURL string
	// desk files applicants' disputes (nil: no dispute desk). It is its
	// own account, never the anchorer's, so their nonces never collide.
	desk *bind.TransactOpts
	// namespace of the log's store for the anchorer's state: each
	// development chain is new, and its anchors must not mix with those of
	// an earlier run on the same log directory.
	namespace string
	close     func()
}

// deskDisputeLimit is the open-dispute limit the development chain's
// admin grants its dispute desk (an ordinary filer has
// registry.MaxOpenDisputes).
const deskDisputeLimit = 10000

// devChain starts the in-process development chain: a block is mined as
// soon as a transaction arrives, account 0 is the contract's admin,
// account 1 the log's anchorer and account 2 the dispute desk. With serve
// it serves JSON-RPC on loopback, for the applicants' browsers.
func devChain(ctx context.Context, serve bool) (*chain, error) {
	sim, err := simchain.New(ctx, &simchain.Options{MineOnSend: true, HTTP: serve})
	if err != nil {
		return nil, fmt.Errorf("starting the development chain: %w", err)
	}
	if _, err := sim.Registry.SetDisputeLimit(ctx, sim.TransactOpts(0), sim.Address(2), deskDisputeLimit); err != nil {
		sim.Close()
		return nil, fmt.Errorf("raising the dispute desk's limit: %w", err)
	}
	return &chain{
		rpcURL:    sim.URL,
		desk:      sim.TransactOpts(2),
		desc:      "simulated (in process, go-ethereum simulated backend)",
		client:    sim.Client,
		registry:  sim.Registry,
		admin:     sim.TransactOpts(0),
		key:       sim.Keys[1],
		chainID:   sim.ChainID.Uint64(),
		namespace: "anchor-dev-" + strings.ToLower(sim.Registry.Address().Hex()),
		close:     func() { sim.Close() },
	}, nil
}

// openChain connects to the node at cfg.RPC.
func openChain(ctx context.Context, cfg *config) (*chain, error) {
	if cfg.Contract == "" || (cfg.Key == "") == (cfg.Keystore == "") {
		return nil, errors.New("--rpc needs --contract and one of --key or --keystore")
	}
	if !common.IsHexAddress(cfg.Contract) {
		return nil, fmt.Errorf("--contract %q is not an address", cfg.Contract)
	}
	var key *ecdsa.PrivateKey
	var err error
	if cfg.Keystore != "" {
		key, err = registry.LoadKeystore(cfg.Keystore, cfg.PasswordFile, "")
		if err != nil {
			return nil, fmt.Errorf("--keystore: %w", err)
		}
	} else if key, err = crypto.HexToECDSA(trim0x(cfg.Key)); err != nil {
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
		rpcURL:    cfg.RPC,
		desc:      "JSON-RPC " + cfg.RPC,
		client:    c,
		registry:  reg,
		admin:     bind.NewKeyedTransactor(key, id),
		key:       key,
		chainID:   id.Uint64(),
		namespace: anchor.DefaultNamespace,
		close:     c.Close,
	}, nil
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
	_, err := c.registry.Log(ctx, registry.LogIDFor(origin))
	if err == nil {
		return nil
	}
	if !errors.Is(err, registry.ErrUnknownLog) {
		return err
	}
	_, err = c.registry.RegisterLog(ctx, c.admin, origin, pub, crypto.PubkeyToAddress(c.key.PublicKey))
	return err
}

// registerModel publishes the model version, its artifact digest and its
// lineage (lineage.go), unless it is published already.
func (c *chain) registerModel(ctx context.Context, name, version string, digest [32]byte, uri string) error {
	lin, err := theLineage()
	if err != nil {
		return err
	}
	_, err = c.registry.RegisterModel(ctx, c.admin, name, version, digest, lin.binding, uri)
	if errors.Is(err, registry.ErrDuplicateVersion) {
		return nil
	}
	return err
}
