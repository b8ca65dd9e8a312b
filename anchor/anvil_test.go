package anchor

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"net"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/glassbox-audit/glassbox/internal/anviltest"
)

// node is an anvil that a test can stop and start again on the same port
// and state file: the shared starter (internal/anviltest) owns its process
// for the whole test, and these tests need the node to go away and come
// back. Mining is on demand (--no-mining): the test mines with Mine.
type node struct {
	t       *testing.T
	bin     string
	port    int
	state   string
	url     string
	mu      sync.Mutex
	cmd     *exec.Cmd
	exited  chan struct{}
	out     *bytes.Buffer
	keys    []*ecdsa.PrivateKey
	rpc     *rpc.Client
	client  *ethclient.Client
	chainID uint64
}

func startNode(t *testing.T) *node {
	t.Helper()
	if testing.Short() {
		t.Skip("anvil integration test: skipped in -short mode")
	}
	bin, err := anviltest.Binary()
	if errors.Is(err, anviltest.ErrNotInstalled) {
		t.Skip(err.Error())
	}
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	dir := t.TempDir()
	n := &node{t: t, bin: bin, port: port, state: filepath.Join(dir, "state.json")}
	n.url = "http://127.0.0.1:" + strconv.Itoa(port)
	n.start()
	privateKeys, err := anviltest.ConfigKeys(filepath.Join(dir, "config.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range privateKeys {
		k, err := crypto.ToECDSA(hexutil.MustDecode(h))
		if err != nil {
			t.Fatal(err)
		}
		n.keys = append(n.keys, k)
	}
	rc, err := rpc.Dial(n.url)
	if err != nil {
		t.Fatal(err)
	}
	n.rpc = rc
	n.client = ethclient.NewClient(rc)
	id, err := n.client.ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n.chainID = id.Uint64()
	t.Cleanup(func() {
		rc.Close()
		n.kill()
	})
	return n
}

// start runs anvil on the node's port, loading and dumping its state file.
func (n *node) start() {
	n.t.Helper()
	n.mu.Lock()
	defer n.mu.Unlock()
	args := []string{"--host", "127.0.0.1", "--port", strconv.Itoa(n.port), "--accounts", "4",
		"--no-mining", "--state", n.state, "--preserve-historical-states",
		"--config-out", filepath.Join(filepath.Dir(n.state), "config.json")}
	var lastErr error
	for attempt := 0; attempt < 50; attempt++ {
		cmd := exec.Command(n.bin, args...)
		out := new(bytes.Buffer)
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			n.t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		if err := waitServing(n.url, exited); err != nil {
			lastErr = fmt.Errorf("%v; output:\n%s", err, out.String())
			_ = cmd.Process.Kill()
			<-exited
			time.Sleep(100 * time.Millisecond) // the port may still be held
			continue
		}
		n.cmd, n.exited, n.out = cmd, exited, out
		return
	}
	n.t.Fatalf("anvil did not start: %v", lastErr)
}

func waitServing(url string, exited chan struct{}) error {
	for {
		select {
		case <-exited:
			return errors.New("anvil exited")
		default:
		}
		c, err := rpc.Dial(url)
		if err == nil {
			var id hexutil.Big
			err = c.Call(&id, "eth_chainId")
			c.Close()
			if err == nil {
				return nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stop shuts anvil down gracefully, so that it dumps its state.
func (n *node) stop() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.cmd == nil {
		return
	}
	_ = n.cmd.Process.Signal(syscall.SIGINT)
	<-n.exited
	n.cmd = nil
}

func (n *node) kill() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.cmd == nil {
		return
	}
	_ = n.cmd.Process.Kill()
	<-n.exited
	n.cmd = nil
}

// mine mines blocks (anvil_mine).
func (n *node) mine(ctx context.Context, blocks uint64) error {
	return n.rpc.CallContext(ctx, nil, "anvil_mine", hexutil.Uint64(blocks))
}

// reorg replaces the last depth blocks with as many empty ones (anvil_reorg).
func (n *node) reorg(ctx context.Context, depth uint64) error {
	return n.rpc.CallContext(ctx, nil, "anvil_reorg", depth, []any{})
}

// miner mines a block every interval until the returned stop is called.
func (n *node) miner(every time.Duration) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				_ = n.mine(context.Background(), 1) // fails while the node is down
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(done); <-finished }) }
}
