// Package receiptchecktest holds what the tests of the browser receipt
// verifier share: the receipt test vectors of package auditlog/receipt, an
// HTTP [receiptcheck.Transport], and a real chain serving JSON-RPC over
// HTTP on 127.0.0.1 (go-ethereum's simulated backend, or anvil) with the
// GlassboxRegistry deployed, on which a test registers the vectors' log
// and anchors receipts.
//
// Only tests import it: it links go-ethereum, which the verifier itself
// must not.
package receiptchecktest

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/internal/anviltest"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
	"github.com/glassbox-audit/glassbox/registry"
)

// ModuleRoot returns the directory of the module's go.mod, found from the
// working directory up.
func ModuleRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("receiptchecktest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Case is one receipt vector. Want is "valid", "format" (the receipt does
// not parse) or the failed check; Field names the failed commitment.
type Case struct {
	Name    string `json:"name"`
	Receipt string `json:"receipt"`
	Want    string `json:"want"`
	Field   string `json:"field,omitempty"`
}

// Vectors are the receipt vectors of auditlog/receipt/testdata/vectors.json.
type Vectors struct {
	LogKey string `json:"log_key"`
	Cases  []Case `json:"cases"`
}

// ReadVectors reads auditlog/receipt/testdata/vectors.json.
func ReadVectors(tb testing.TB) Vectors {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(ModuleRoot(tb), "auditlog", "receipt", "testdata", "vectors.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var v Vectors
	if err := json.Unmarshal(b, &v); err != nil {
		tb.Fatal(err)
	}
	if len(v.Cases) == 0 || v.LogKey == "" {
		tb.Fatal("receiptchecktest: vectors.json has no cases or no log key")
	}
	return v
}

// Issued are the receipts of auditlog/receipt/testdata/issued, issued by a
// real log, and that log's verifier key. All of them are valid.
type Issued struct {
	LogKey   string
	Receipts map[string]string // file name: receipt
}

// ReadIssued reads auditlog/receipt/testdata/issued.
func ReadIssued(tb testing.TB) Issued {
	tb.Helper()
	dir := filepath.Join(ModuleRoot(tb), "auditlog", "receipt", "testdata", "issued")
	key, err := os.ReadFile(filepath.Join(dir, "log.pub"))
	if err != nil {
		tb.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("receiptchecktest: no issued receipts in %s (%v)", dir, err)
	}
	out := Issued{LogKey: strings.TrimSpace(string(key)), Receipts: map[string]string{}}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out.Receipts[filepath.Base(f)] = string(b)
	}
	return out
}

// HTTPTransport posts JSON-RPC requests to url with net/http.
func HTTPTransport(url string) receiptcheck.Transport {
	return receiptcheck.TransportFunc(func(ctx context.Context, req []byte) ([]byte, error) {
		hr, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(req))
		if err != nil {
			return nil, err
		}
		hr.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(hr)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(io.LimitReader(resp.Body, receiptcheck.MaxResponse+1))
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("HTTP %s: %.200s", resp.Status, body)
		}
		return body, nil
	})
}

// Chain is a node serving JSON-RPC over HTTP on 127.0.0.1, with the
// registry deployed from Auth's account, which also anchors.
type Chain struct {
	URL      string
	ChainID  uint64
	Registry *registry.Client
	Auth     *bind.TransactOpts

	backend  registry.Backend
	commit   func() common.Hash
	anchored map[uint64]*receipt.Anchor // by tree size, for the one registered log
}

// StartSimulated starts go-ethereum's simulated backend with its HTTP
// JSON-RPC server on a free port of 127.0.0.1 (CORS open to any origin, so
// that a page on another port may call it), deploys the registry and
// closes the chain when the test ends.
func StartSimulated(tb testing.TB) *Chain {
	tb.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		tb.Fatal(err)
	}
	alloc := types.GenesisAlloc{crypto.PubkeyToAddress(key.PublicKey): {Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))}}
	var lastErr error
	// A probed free port can be taken before the node binds it: retry.
	for range 3 {
		port, err := freePort()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := newSimulated(alloc, port)
		if err != nil {
			lastErr = err
			continue
		}
		tb.Cleanup(func() { b.Close() })
		url := fmt.Sprintf("http://127.0.0.1:%d", port)
		return deploy(tb, url, b.Client(), key, big.NewInt(1337), b.Commit)
	}
	tb.Fatalf("receiptchecktest: starting the simulated backend's HTTP server: %v", lastErr)
	return nil
}

// newSimulated starts a simulated backend serving HTTP on port; the
// backend panics when its node cannot start (the port is taken).
func newSimulated(alloc types.GenesisAlloc, port int) (b *simulated.Backend, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return simulated.NewBackend(alloc, func(nc *node.Config, _ *ethconfig.Config) {
		nc.HTTPHost = "127.0.0.1"
		nc.HTTPPort = port
		nc.HTTPCors = []string{"*"}
		nc.HTTPVirtualHosts = []string{"127.0.0.1", "localhost"}
		nc.HTTPModules = []string{"eth", "net", "web3"}
	}), nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// OnAnvil deploys the registry on a running anvil (package anviltest).
func OnAnvil(tb testing.TB, n *anviltest.Node) *Chain {
	tb.Helper()
	return deploy(tb, n.URL, n.Client, n.Keys[0], n.ChainID, nil)
}

func deploy(tb testing.TB, url string, backend registry.Backend, key *ecdsa.PrivateKey, chainID *big.Int, commit func() common.Hash) *Chain {
	tb.Helper()
	auth := bind.NewKeyedTransactor(key, chainID)
	var opts registry.Options
	if commit != nil {
		opts.Commit = func() { commit() }
	}
	reg, _, err := registry.Deploy(context.Background(), backend, auth, &opts)
	if err != nil {
		tb.Fatalf("receiptchecktest: deploying the registry: %v", err)
	}
	return &Chain{URL: url, ChainID: chainID.Uint64(), Registry: reg, Auth: auth,
		backend: backend, commit: commit, anchored: map[uint64]*receipt.Anchor{}}
}

// Redeploy deploys another registry on the same node and returns it as a
// Chain of its own (nothing registered, nothing anchored).
func (c *Chain) Redeploy(tb testing.TB) *Chain {
	tb.Helper()
	opts := registry.Options{}
	if c.commit != nil {
		opts.Commit = func() { c.commit() }
	}
	reg, _, err := registry.Deploy(context.Background(), c.backend, c.Auth, &opts)
	if err != nil {
		tb.Fatalf("receiptchecktest: deploying the registry: %v", err)
	}
	return &Chain{URL: c.URL, ChainID: c.ChainID, Registry: reg, Auth: c.Auth,
		backend: c.backend, commit: c.commit, anchored: map[uint64]*receipt.Anchor{}}
}

// AnchorRoot anchors an arbitrary root for a tree size of a registered log.
func (c *Chain) AnchorRoot(tb testing.TB, origin string, size uint64, root [32]byte) {
	tb.Helper()
	if _, err := c.Registry.Anchor(context.Background(), c.Auth, registry.LogIDFor(origin), size, root); err != nil {
		tb.Fatalf("receiptchecktest: anchoring size %d: %v", size, err)
	}
}

// Contract returns the registry's address as 0x hex.
func (c *Chain) Contract() string { return strings.ToLower(c.Registry.Address().Hex()) }

// RegisterLog registers the log of a note verifier key (its name is the
// origin, its Ed25519 key the log's) with the chain's account as anchorer.
func (c *Chain) RegisterLog(tb testing.TB, vkey string) {
	tb.Helper()
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 {
		tb.Fatalf("receiptchecktest: %q is not a verifier key", vkey)
	}
	kb, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(kb) != 1+ed25519.PublicKeySize || kb[0] != 1 {
		tb.Fatalf("receiptchecktest: %q is not an Ed25519 verifier key", vkey)
	}
	if _, err := c.Registry.RegisterLog(context.Background(), c.Auth, parts[0], ed25519.PublicKey(kb[1:]), c.Auth.From); err != nil {
		tb.Fatalf("receiptchecktest: registering log %q: %v", parts[0], err)
	}
}

// AnchorReceipt anchors the tree the receipt's anchor names (or, for a
// receipt without an anchor, its checkpoint's tree) on the registry, unless
// that size is anchored already, and returns the receipt, re-encoded, with
// its anchor's chain fields set to this chain, contract, log id and the
// anchoring block and transaction. The receipt's log must be registered.
func (c *Chain) AnchorReceipt(tb testing.TB, text string) string {
	tb.Helper()
	r, err := receipt.Parse([]byte(text))
	if err != nil {
		tb.Fatal(err)
	}
	size, root, proof := uint64(0), verify.Hash{}, []verify.Hash{}
	if r.Anchor != nil {
		size, root, proof = r.Anchor.TreeSize, r.Anchor.Root, r.Anchor.ConsistencyProof
	} else {
		body, _, _ := strings.Cut(string(r.Checkpoint), "\n\n")
		cp, err := verify.ParseCheckpoint([]byte(body + "\n"))
		if err != nil {
			tb.Fatal(err)
		}
		size, root = cp.Size, cp.Root
	}
	a, ok := c.anchored[size]
	if !ok {
		id := registry.LogIDFor(r.Origin)
		rc, err := c.Registry.Anchor(context.Background(), c.Auth, id, size, root)
		if err != nil {
			tb.Fatalf("receiptchecktest: anchoring size %d: %v", size, err)
		}
		a = &receipt.Anchor{
			ChainID: c.ChainID, Contract: c.Registry.Address(), LogID: id, TreeSize: size, Root: root,
			BlockNumber: rc.BlockNumber.Uint64(), BlockHash: rc.BlockHash, TxHash: rc.TxHash,
		}
		c.anchored[size] = a
	}
	an := *a
	an.ConsistencyProof = proof
	r.Anchor = &an
	b, err := r.Marshal()
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// EnsureWasm returns the portal/static directory of receipt.wasm and
// wasm_exec.js, built by scripts/build-wasm when missing, older than a
// source file of cmd/receiptwasm (any package of this module it builds
// from, go.mod, go.sum, the script) or beside another Go's wasm_exec.js.
func EnsureWasm(t testing.TB) string {
	t.Helper()
	root := ModuleRoot(t)
	static := filepath.Join(root, "portal", "static")
	wasm := filepath.Join(static, "receipt.wasm")
	stale := ""
	st, err := os.Stat(wasm)
	if err != nil {
		stale = "it is missing"
	}
	if stale == "" {
		goroot, err := exec.Command("go", "env", "GOROOT").Output()
		if err != nil {
			t.Fatalf("go env GOROOT: %v", err)
		}
		dir := strings.TrimSpace(string(goroot))
		want, err := os.ReadFile(filepath.Join(dir, "lib", "wasm", "wasm_exec.js"))
		if err != nil {
			want, _ = os.ReadFile(filepath.Join(dir, "misc", "wasm", "wasm_exec.js"))
		}
		if got, err := os.ReadFile(filepath.Join(static, "wasm_exec.js")); err != nil || !bytes.Equal(got, want) {
			stale = "wasm_exec.js is missing or not this Go's"
		}
	}
	if stale == "" {
		cmd := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.Dir}}{{end}}", "./cmd/receiptwasm")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		files := []string{filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum"), filepath.Join(root, "scripts", "build-wasm")}
		for _, dir := range strings.Fields(string(out)) {
			if !strings.HasPrefix(dir, root+string(filepath.Separator)) {
				continue // the module cache does not change under a version
			}
			gofiles, _ := filepath.Glob(filepath.Join(dir, "*.go"))
			for _, f := range gofiles {
				if !strings.HasSuffix(f, "_test.go") {
					files = append(files, f)
				}
			}
		}
		for _, f := range files {
			if fi, err := os.Stat(f); err == nil && fi.ModTime().After(st.ModTime()) {
				stale = f + " is newer"
				break
			}
		}
	}
	if stale != "" {
		t.Logf("building receipt.wasm: %s", stale)
		cmd := exec.Command("bash", filepath.Join(root, "scripts", "build-wasm"))
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("scripts/build-wasm: %v\n%s", err, out)
		}
		t.Logf("%s", bytes.TrimSpace(out))
	}
	return static
}
