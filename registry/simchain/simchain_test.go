package simchain_test

import (
	"context"
	"math/big"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

func TestNewDeploysRegistry(t *testing.T) {
	ctx := context.Background()
	c, err := simchain.New(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if len(c.Keys) != simchain.DefaultAccounts {
		t.Fatalf("%d keys, want %d", len(c.Keys), simchain.DefaultAccounts)
	}
	admin, err := c.Registry.Admin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if admin != c.Address(0) {
		t.Fatalf("admin %s, want account 0 %s", admin, c.Address(0))
	}
	if _, err := registry.New(ctx, c.Client, c.Registry.Address(), nil); err != nil {
		t.Fatalf("New on the deployed address: %v", err)
	}
	if _, err := registry.New(ctx, c.Client, c.Address(1), nil); err == nil {
		t.Fatal("New on an account without code succeeded")
	}
}

// TestAutoCommit checks that a transaction sent without calling Commit is
// mined by the auto-commit goroutine, and that Close ends that goroutine.
func TestAutoCommit(t *testing.T) {
	ctx := context.Background()
	before := runtime.NumGoroutine()
	c, err := simchain.New(ctx, &simchain.Options{AutoCommit: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	// A client without the Commit hook relies on the goroutine.
	r, err := registry.New(ctx, c.Client, c.Registry.Address(), &registry.Options{PollInterval: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.SetPublisher(ctx, c.TransactOpts(0), c.Address(1), true); err != nil {
		t.Fatal(err)
	}
	ok, err := r.IsPublisher(ctx, c.Address(1))
	if err != nil || !ok {
		t.Fatalf("IsPublisher = %v, %v; want true", ok, err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	// The node's own goroutines wind down asynchronously; wait for them.
	for i := 0; runtime.NumGoroutine() > before && i < 500; i++ {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after Close, %d before", n, before)
	}
}

// With MineOnSend, a transaction sent through Client is mined by the time
// SendTransaction returns, in a block of its own (its receipt follows once
// the node has indexed it), and a registry write
// costs one block (no empty block from the registry's Commit hook).
func TestMineOnSend(t *testing.T) {
	ctx := context.Background()
	c, err := simchain.New(ctx, &simchain.Options{MineOnSend: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	head := func() uint64 {
		t.Helper()
		n, err := c.Client.BlockNumber(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := head()
	to := common.Address{0x42}
	h, err := c.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip, err := c.Client.SuggestGasTipCap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := types.SignNewTx(c.Keys[1], types.LatestSignerForChainID(c.ChainID), &types.DynamicFeeTx{
		ChainID: c.ChainID, GasTipCap: tip, GasFeeCap: new(big.Int).Add(new(big.Int).Mul(h.BaseFee, big.NewInt(2)), tip),
		Gas: 21000, To: &to, Value: big.NewInt(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if n := head(); n != before+1 {
		t.Fatalf("head %d after SendTransaction, want %d", n, before+1)
	}
	blk, err := c.Client.BlockByNumber(ctx, new(big.Int).SetUint64(before+1))
	if err != nil || blk.Transaction(tx.Hash()) == nil || len(blk.Transactions()) != 1 {
		t.Fatalf("block %d does not hold exactly the sent transaction (%v)", before+1, err)
	}
	// The node indexes receipts in the background: poll for it.
	rc, err := registry.WaitMined(ctx, c.Client, tx.Hash(), time.Millisecond)
	if err != nil || rc.Status != types.ReceiptStatusSuccessful || rc.BlockNumber.Uint64() != before+1 {
		t.Fatalf("receipt %+v, %v; want success in block %d", rc, err, before+1)
	}
	if _, err := c.Registry.SetPublisher(ctx, c.TransactOpts(0), c.Address(1), true); err != nil {
		t.Fatal(err)
	}
	if n := head(); n != before+2 {
		t.Fatalf("head %d after one registry write, want %d", n, before+2)
	}
}

// TestMainnetRules checks MainnetRules against go-ethereum's own mainnet
// configuration: every timed fork active on mainnet is active from genesis,
// every other one is off.
func TestMainnetRules(t *testing.T) {
	ours, m := simchain.MainnetRules(), params.MainnetChainConfig
	forks := []struct {
		name      string
		ours, net *uint64
	}{
		{"shanghai", ours.ShanghaiTime, m.ShanghaiTime},
		{"cancun", ours.CancunTime, m.CancunTime},
		{"prague", ours.PragueTime, m.PragueTime},
		{"osaka", ours.OsakaTime, m.OsakaTime},
		{"bpo1", ours.BPO1Time, m.BPO1Time},
		{"bpo2", ours.BPO2Time, m.BPO2Time},
		{"bpo3", ours.BPO3Time, m.BPO3Time},
		{"bpo4", ours.BPO4Time, m.BPO4Time},
		{"bpo5", ours.BPO5Time, m.BPO5Time},
		{"amsterdam", ours.AmsterdamTime, m.AmsterdamTime},
		{"bogota", ours.BogotaTime, m.BogotaTime},
		{"ubt", ours.UBTTime, m.UBTTime},
	}
	for _, f := range forks {
		if (f.ours != nil) != (f.net != nil) || (f.ours != nil && *f.ours != 0) {
			t.Errorf("%s: ours %v, mainnet %v", f.name, f.ours, f.net)
		}
	}
	if ours.OsakaTime == nil {
		t.Error("Osaka is not active; this go-ethereum's mainnet config predates it")
	}
	if ours.ChainID.Cmp(params.AllDevChainProtocolChanges.ChainID) != 0 {
		t.Errorf("chain id %s", ours.ChainID)
	}
	// MainnetRules must not alias go-ethereum's shared configs.
	if ours.BlobScheduleConfig == m.BlobScheduleConfig || ours == params.AllDevChainProtocolChanges {
		t.Error("MainnetRules aliases a shared config")
	}
}

// TestHTTP: with Options.HTTP another client reads the chain over JSON-RPC
// on loopback, with CORS for a browser, and sees the deployed registry.
func TestHTTP(t *testing.T) {
	ctx := context.Background()
	c, err := simchain.New(ctx, &simchain.Options{HTTP: true, MineOnSend: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if !strings.HasPrefix(c.URL, "http://127.0.0.1:") {
		t.Fatalf("URL %q", c.URL)
	}
	ec, err := ethclient.DialContext(ctx, c.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer ec.Close()
	if id, err := ec.ChainID(ctx); err != nil || id.Cmp(c.ChainID) != 0 {
		t.Fatalf("chain id over HTTP: %v %v", id, err)
	}
	if _, err := registry.New(ctx, ec, c.Registry.Address(), nil); err != nil {
		t.Fatalf("the registry over HTTP: %v", err)
	}
	req, _ := http.NewRequest("POST", c.URL, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "http://127.0.0.1:9999")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Access-Control-Allow-Origin") == "" {
		t.Errorf("no CORS header for a browser's request: %v", resp.Header)
	}
	if nohttp, err := simchain.New(ctx, nil); err != nil || nohttp.URL != "" {
		t.Errorf("without HTTP: URL %q, %v", nohttp.URL, err)
	} else {
		nohttp.Close()
	}
}
