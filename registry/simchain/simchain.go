// Package simchain starts an in-process Ethereum chain (go-ethereum's
// simulated backend) with funded accounts and the GlassboxRegistry contract
// deployed. The SDK's defaults, the examples and the tests use it so that
// nothing has to be installed to try Glassbox.
//
// # Rules
//
// By default the chain runs the fork rules mainnet runs today (Osaka), see
// [MainnetRules]; the simulated backend's own default also enables a
// not-yet-scheduled fork that prices new storage several times higher, which
// would make gas figures measured here meaningless for mainnet.
//
// # Blocks
//
// A simulated chain mines a block only when asked. [Chain.Commit] mines one.
// The [Chain.Registry] client commits after each of its writes. Code that
// sends its own transactions (an anchorer) either calls Commit, sets
// [Options].MineOnSend so that [Chain.Client] mines a block as soon as a
// transaction arrives (as a development node does), or sets
// [Options].AutoCommit so that a goroutine mines pending transactions; Close
// stops it.
//
// # Development chain
//
// This is the SDK's one development chain: the examples anchor on it when
// no node is given, and the tests of packages registry and anchor run on it.
// No production package links it (internal/importrules holds the CLI, the
// registry client and the anchorer to that), so a binary built from them
// carries no in-process node. An anchorer on it:
//
//	sim, _ := simchain.New(ctx, &simchain.Options{MineOnSend: true})
//	sim.Registry.RegisterLog(ctx, sim.TransactOpts(0), log.Origin(), pub, sim.Address(1))
//	a, _ := anchor.New(log, state, sim.Client, anchor.Options{
//		Contract: sim.Registry.Address(), Key: sim.Keys[1], Confirmations: 1,
//	})
//
// The chain is for development and tests: its keys are generated at random
// and live in memory, and everything is lost on Close. It never
// reorganises, so one confirmation is enough.
package simchain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"net"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/glassbox-audit/glassbox/registry"
)

// Defaults for [Options].
const (
	// DefaultAccounts is the number of funded accounts.
	DefaultAccounts = 4
	// DefaultBalanceEther is each account's balance, in ether.
	DefaultBalanceEther = 1000
)

// Options configures [New]. Nil means all defaults.
type Options struct {
	// Accounts is the number of funded accounts (0: DefaultAccounts).
	// Account 0 deploys the contract and holds the admin, publisher and
	// resolver roles.
	Accounts int
	// Keys, if set, are used for the first accounts instead of new random
	// keys.
	Keys []*ecdsa.PrivateKey
	// Config is the chain's fork configuration (nil: MainnetRules()).
	// Its ChainID is replaced by 1337, the simulated backend's chain id.
	Config *params.ChainConfig
	// AutoCommit, when positive, starts a goroutine that mines a block every
	// AutoCommit if there are pending transactions. Close stops it.
	AutoCommit time.Duration
	// MineOnSend makes Chain.Client mine a block after each transaction it
	// accepts, before SendTransaction returns. (The node indexes the
	// receipt in the background: poll for it, as for any node.)
	MineOnSend bool
	// HTTP serves the chain's JSON-RPC (eth, net, web3) on a free port of
	// 127.0.0.1, at [Chain].URL, so that other processes and browsers can
	// read it (CORS allows any origin: it is a loopback development
	// chain). Transactions sent there are mined only by Commit or
	// AutoCommit.
	HTTP bool
}

// MainnetRules returns the fork rules of Ethereum mainnet as go-ethereum
// v1.17.10 knows them (params.MainnetChainConfig: Osaka and its blob
// parameter forks), all active from genesis, on the simulated chain's
// chain id. Forks mainnet has not scheduled are off.
func MainnetRules() *params.ChainConfig {
	c := *params.AllDevChainProtocolChanges
	m := params.MainnetChainConfig
	zero := func(t *uint64) *uint64 {
		if t == nil {
			return nil
		}
		return new(uint64)
	}
	c.ShanghaiTime = zero(m.ShanghaiTime)
	c.CancunTime = zero(m.CancunTime)
	c.PragueTime = zero(m.PragueTime)
	c.OsakaTime = zero(m.OsakaTime)
	c.BPO1Time = zero(m.BPO1Time)
	c.BPO2Time = zero(m.BPO2Time)
	c.BPO3Time = zero(m.BPO3Time)
	c.BPO4Time = zero(m.BPO4Time)
	c.BPO5Time = zero(m.BPO5Time)
	c.AmsterdamTime = zero(m.AmsterdamTime)
	c.BogotaTime = zero(m.BogotaTime)
	c.UBTTime = zero(m.UBTTime)
	if m.BlobScheduleConfig != nil {
		b := *m.BlobScheduleConfig
		c.BlobScheduleConfig = &b
	}
	return &c
}

// Chain is a running simulated chain with the registry deployed.
type Chain struct {
	Backend *simulated.Backend
	// Client is the chain's client; with Options.MineOnSend it mines a
	// block after each transaction sent through it.
	Client   simulated.Client
	ChainID  *big.Int
	Keys     []*ecdsa.PrivateKey
	Registry *registry.Client
	// URL is the JSON-RPC endpoint with Options.HTTP, else "".
	URL string

	mu       sync.Mutex // serialises Commit
	closed   bool
	stop     chan struct{}
	done     chan struct{}
	stopOnce sync.Once
}

// New starts a chain, funds the accounts and deploys the registry from
// account 0. Close the chain when done.
func New(ctx context.Context, opts *Options) (*Chain, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Accounts < 0 || o.AutoCommit < 0 {
		return nil, fmt.Errorf("simchain: negative Accounts (%d) or AutoCommit (%v)", o.Accounts, o.AutoCommit)
	}
	if o.Accounts == 0 {
		o.Accounts = DefaultAccounts
	}
	if len(o.Keys) > o.Accounts {
		o.Accounts = len(o.Keys)
	}
	cfg := MainnetRules()
	if o.Config != nil {
		c := *o.Config
		cfg = &c
	}
	cfg.ChainID = big.NewInt(1337)

	keys := make([]*ecdsa.PrivateKey, o.Accounts)
	alloc := types.GenesisAlloc{}
	balance := new(big.Int).Mul(big.NewInt(DefaultBalanceEther), big.NewInt(params.Ether))
	for i := range keys {
		if i < len(o.Keys) && o.Keys[i] != nil {
			keys[i] = o.Keys[i]
		} else {
			k, err := crypto.GenerateKey()
			if err != nil {
				return nil, fmt.Errorf("simchain: generating key: %w", err)
			}
			keys[i] = k
		}
		alloc[crypto.PubkeyToAddress(keys[i].PublicKey)] = types.Account{Balance: balance}
	}
	var backend *simulated.Backend
	var url string
	if o.HTTP {
		var err error
		if backend, url, err = newHTTPBackend(alloc, cfg); err != nil {
			return nil, err
		}
	} else {
		backend = simulated.NewBackend(alloc, func(_ *node.Config, ec *ethconfig.Config) {
			ec.Genesis.Config = cfg
		})
	}
	c := &Chain{
		URL:     url,
		Backend: backend,
		Client:  backend.Client(),
		ChainID: cfg.ChainID,
		Keys:    keys,
	}
	regOpts := &registry.Options{Commit: func() { c.Commit() }}
	if o.MineOnSend {
		c.Client = mineOnSend{c.Client, c}
		regOpts.Commit = nil // the client mines already
	}
	reg, _, err := registry.Deploy(ctx, c.Client, c.TransactOpts(0), regOpts)
	if err != nil {
		backend.Close()
		return nil, fmt.Errorf("simchain: %w", err)
	}
	c.Registry = reg
	if o.AutoCommit > 0 {
		c.stop, c.done = make(chan struct{}), make(chan struct{})
		go c.autoCommit(o.AutoCommit)
	}
	return c, nil
}

// newHTTPBackend starts a backend whose node serves JSON-RPC over HTTP on
// a free loopback port. A probed port can be taken before the node binds
// it (the backend then panics): it retries on another.
func newHTTPBackend(alloc types.GenesisAlloc, cfg *params.ChainConfig) (*simulated.Backend, string, error) {
	var lastErr error
	for range 5 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, "", fmt.Errorf("simchain: finding a free port: %w", err)
		}
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		b, err := func() (b *simulated.Backend, err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("%v", r)
				}
			}()
			return simulated.NewBackend(alloc, func(nc *node.Config, ec *ethconfig.Config) {
				ec.Genesis.Config = cfg
				nc.HTTPHost = "127.0.0.1"
				nc.HTTPPort = port
				nc.HTTPCors = []string{"*"}
				nc.HTTPVirtualHosts = []string{"127.0.0.1", "localhost"}
				nc.HTTPModules = []string{"eth", "net", "web3"}
			}), nil
		}()
		if err == nil {
			return b, fmt.Sprintf("http://127.0.0.1:%d", port), nil
		}
		lastErr = err
	}
	return nil, "", fmt.Errorf("simchain: serving JSON-RPC over HTTP: %v", lastErr)
}

// Commit mines a block with the pending transactions and returns its hash.
// It is safe for concurrent use; after Close it does nothing.
func (c *Chain) Commit() common.Hash {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return common.Hash{}
	}
	return c.Backend.Commit()
}

// mineOnSend is a client that mines a block after each sent transaction.
type mineOnSend struct {
	simulated.Client
	chain *Chain
}

func (m mineOnSend) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := m.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	m.chain.Commit()
	return nil
}

func (c *Chain) autoCommit(every time.Duration) {
	defer close(c.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
		}
		n, err := c.Client.PendingTransactionCount(context.Background())
		if err == nil && n > 0 {
			c.Commit()
		}
	}
}

// Address returns account i's address.
func (c *Chain) Address(i int) common.Address {
	return crypto.PubkeyToAddress(c.Keys[i].PublicKey)
}

// TransactOpts returns a new signer for account i.
func (c *Chain) TransactOpts(i int) *bind.TransactOpts {
	return bind.NewKeyedTransactor(c.Keys[i], c.ChainID)
}

// Close stops the auto-commit goroutine, if any, and the chain. It is safe
// to call more than once.
func (c *Chain) Close() error {
	if c.stop != nil {
		c.stopOnce.Do(func() { close(c.stop) })
		<-c.done
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil
	}
	c.closed = true
	return c.Backend.Close()
}
