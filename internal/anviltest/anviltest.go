// Package anviltest starts anvil, a local Ethereum node, for tests that must
// talk to a real node over JSON-RPC.
//
// # Finding anvil
//
// [Binary] looks, in order, at $ANVIL, at node_modules/.bin/anvil in the
// module root (installed by `bash scripts/setup` from the npm package
// @foundry-rs/anvil-linux-amd64), and at anvil on $PATH. [Start] skips the
// test, saying so, when none is found, and under `go test -short` (anvil is
// an external process; CI runs without -short). Any other failure fails the
// test.
//
// # The node
//
// Each [Start] runs its own anvil on a free loopback port with instant
// mining (a transaction is mined as soon as it is sent), reads the funded
// dev keys anvil reports, and kills the process when the test ends.
package anviltest

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// ErrNotInstalled is returned by Binary when no anvil executable is found.
var ErrNotInstalled = errors.New("anviltest: anvil is not installed (run bash scripts/setup, or set $ANVIL)")

// Defaults for [Options].
const (
	DefaultAccounts = 4
	// StartTimeout bounds how long Start waits for anvil to answer; it is a
	// safety net against a hung process, not a performance limit.
	StartTimeout = 2 * time.Minute
)

// Options configures [Start]. Nil means all defaults.
type Options struct {
	// Accounts is the number of funded dev accounts (0: DefaultAccounts).
	Accounts int
	// Hardfork is passed as --hardfork when set (e.g. "prague", "osaka").
	Hardfork string
	// Args are extra command-line arguments for anvil.
	Args []string
}

// Node is a running anvil.
type Node struct {
	URL     string
	Client  *ethclient.Client
	RPC     *rpc.Client
	ChainID *big.Int
	Keys    []*ecdsa.PrivateKey
}

// Binary returns the path of the anvil executable, or ErrNotInstalled.
func Binary() (string, error) {
	if p := os.Getenv("ANVIL"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("anviltest: $ANVIL=%s: %w", p, err)
		}
		return p, nil
	}
	if dir, err := os.Getwd(); err == nil {
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				p := filepath.Join(dir, "node_modules", ".bin", "anvil")
				if _, err := os.Stat(p); err == nil {
					return p, nil
				}
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	if p, err := exec.LookPath("anvil"); err == nil {
		return p, nil
	}
	return "", ErrNotInstalled
}

// Start runs anvil for the duration of the test and returns it ready to
// serve. It skips the test when anvil is not installed, or under -short.
func Start(tb testing.TB, opts *Options) *Node {
	tb.Helper()
	if testing.Short() {
		tb.Skip("anviltest: anvil (an external node) is not started under -short")
	}
	bin, err := Binary()
	if errors.Is(err, ErrNotInstalled) {
		tb.Skip(err.Error())
	}
	if err != nil {
		tb.Fatal(err)
	}
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Accounts <= 0 {
		o.Accounts = DefaultAccounts
	}
	// A free port can be taken by someone else between our probe and
	// anvil's bind; try a few times.
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		n, err := start(tb, bin, o)
		if err == nil {
			return n
		}
		lastErr = err
	}
	tb.Fatal(lastErr)
	return nil
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func start(tb testing.TB, bin string, o Options) (*Node, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cfgPath := filepath.Join(tb.TempDir(), "anvil.json")
	args := []string{
		"--host", "127.0.0.1",
		"--port", strconv.Itoa(port),
		"--accounts", strconv.Itoa(o.Accounts),
		"--config-out", cfgPath,
	}
	if o.Hardfork != "" {
		args = append(args, "--hardfork", o.Hardfork)
	}
	args = append(args, o.Args...)
	cmd := exec.Command(bin, args...)
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("anviltest: starting %s: %w", bin, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() {
		_ = cmd.Process.Kill()
		<-exited
	}

	url := "http://127.0.0.1:" + strconv.Itoa(port)
	ctx, cancel := context.WithTimeout(context.Background(), StartTimeout)
	defer cancel()
	rc, err := rpc.DialContext(ctx, url)
	if err != nil {
		stop()
		return nil, fmt.Errorf("anviltest: dial %s: %w", url, err)
	}
	client := ethclient.NewClient(rc)
	var chainID *big.Int
	for {
		chainID, err = client.ChainID(ctx)
		if err == nil {
			break
		}
		select {
		case werr := <-exited:
			rc.Close()
			return nil, fmt.Errorf("anviltest: anvil exited before serving (%v); output:\n%s", werr, out.String())
		case <-ctx.Done():
			rc.Close()
			stop()
			return nil, fmt.Errorf("anviltest: anvil did not answer on %s within %v: %v; output:\n%s", url, StartTimeout, err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	keys, err := readKeys(cfgPath)
	if err != nil {
		rc.Close()
		stop()
		return nil, err
	}
	tb.Cleanup(func() {
		rc.Close()
		stop()
	})
	return &Node{URL: url, Client: client, RPC: rc, ChainID: chainID, Keys: keys}, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("anviltest: finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// ConfigKeys reads the dev keys from anvil's --config-out file. anvil may
// answer RPC before it has finished writing that file, so a missing or
// partial file is read again until it parses or StartTimeout passes.
func ConfigKeys(path string) ([]string, error) {
	deadline := time.Now().Add(StartTimeout)
	for {
		b, err := os.ReadFile(path)
		var cfg struct {
			PrivateKeys []string `json:"private_keys"`
		}
		if err == nil {
			err = json.Unmarshal(b, &cfg)
			if err == nil && len(cfg.PrivateKeys) == 0 {
				err = errors.New("no private_keys yet")
			}
		}
		if err == nil {
			return cfg.PrivateKeys, nil
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("anviltest: reading anvil's --config-out %s: %w", path, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func readKeys(path string) ([]*ecdsa.PrivateKey, error) {
	var cfg struct{ PrivateKeys []string }
	var err error
	if cfg.PrivateKeys, err = ConfigKeys(path); err != nil {
		return nil, err
	}
	keys := make([]*ecdsa.PrivateKey, len(cfg.PrivateKeys))
	for i, h := range cfg.PrivateKeys {
		raw, err := hexutil.Decode(h)
		if err != nil {
			return nil, fmt.Errorf("anviltest: dev key %d: %w", i, err)
		}
		if keys[i], err = crypto.ToECDSA(raw); err != nil {
			return nil, fmt.Errorf("anviltest: dev key %d: %w", i, err)
		}
	}
	if len(keys) == 0 {
		return nil, errors.New("anviltest: anvil reported no dev keys")
	}
	return keys, nil
}

// Address returns dev account i's address.
func (n *Node) Address(i int) common.Address { return crypto.PubkeyToAddress(n.Keys[i].PublicKey) }

// TransactOpts returns a new signer for dev account i.
func (n *Node) TransactOpts(i int) *bind.TransactOpts {
	return bind.NewKeyedTransactor(n.Keys[i], n.ChainID)
}

// Mine mines blocks empty blocks (anvil_mine).
func (n *Node) Mine(ctx context.Context, blocks uint64) error {
	return n.RPC.CallContext(ctx, nil, "anvil_mine", hexutil.Uint64(blocks))
}

// Snapshot saves the chain state and returns its id (evm_snapshot).
func (n *Node) Snapshot(ctx context.Context) (string, error) {
	var id string
	err := n.RPC.CallContext(ctx, &id, "evm_snapshot")
	return id, err
}

// Revert returns the chain to a snapshot, dropping the blocks mined since:
// a way to simulate a reorganisation (evm_revert).
func (n *Node) Revert(ctx context.Context, id string) error {
	var ok bool
	if err := n.RPC.CallContext(ctx, &ok, "evm_revert", id); err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("anviltest: evm_revert %s: not reverted", id)
	}
	return nil
}
