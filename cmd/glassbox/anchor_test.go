package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/internal/anviltest"
	"github.com/glassbox-audit/glassbox/registry"
)

// registeredLog is a log's checkpoint key registered on a registry
// deployed on anvil, with anvil account 1 as the log's anchorer.
type registeredLog struct {
	node       *anviltest.Node
	reg        *registry.Client
	skey, vkey string // note signer and verifier keys named by the origin
}

func newRegisteredLog(t *testing.T, origin string) registeredLog {
	t.Helper()
	ctx := context.Background()
	node := anviltest.Start(t, nil)
	reg, _, err := registry.Deploy(ctx, node.Client, node.TransactOpts(0), nil)
	if err != nil {
		t.Fatal(err)
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := base64.StdEncoding.DecodeString(strings.SplitN(vkey, "+", 3)[2])
	if _, err := reg.RegisterLog(ctx, node.TransactOpts(0), origin, ed25519.PublicKey(raw[1:]), node.Address(1)); err != nil {
		t.Fatal(err)
	}
	return registeredLog{node: node, reg: reg, skey: skey, vkey: vkey}
}

// glassbox append, then glassbox anchor --once on anvil; the contract
// then holds the log's root for its size.
func TestAnchorOnce(t *testing.T) {
	ctx := context.Background()
	const origin = "example.org/cli-anchor"
	rl := newRegisteredLog(t, origin)
	node, reg, vkey := rl.node, rl.reg, rl.vkey
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "log.key")
	os.WriteFile(keyFile, []byte(rl.skey+"\n"), 0o600)
	hexKey := func(i int) string { return hexutil.Encode(crypto.FromECDSA(node.Keys[i])) }
	anchorerKey := filepath.Join(dir, "anchorer.hex")
	os.WriteFile(anchorerKey, []byte(hexKey(1)), 0o600)
	logDir := filepath.Join(dir, "log")
	if code, out, errs := runRecCLI(t, cliDecisions, "append", "--dir", logDir, "--key", keyFile); code != exitOK {
		t.Fatalf("append: %d %s %s", code, out, errs)
	}
	args := []string{"anchor", "--once", "--dir", logDir, "--key", keyFile, "--rpc", node.URL, "--contract", reg.Address().Hex(), "--key-file", anchorerKey, "--confirmations", "1", "--poll", "10ms"}
	// The wrong key: a clear error, exit 1.
	wrong := filepath.Join(dir, "wrong.hex")
	os.WriteFile(wrong, []byte(hexKey(2)), 0o600)
	bad := append([]string(nil), args...)
	bad[len(bad)-5] = wrong
	code, _, errs := runCmd(t, bad...)
	if code != exitFailed || !strings.Contains(errs, "not the log's anchorer") {
		t.Fatalf("wrong key: exit %d, %s", code, errs)
	}
	if n := strings.Count(errs, "not the log's anchorer"); n != 1 {
		t.Errorf("wrong key: the error is printed %d times, want once:\n%s", n, errs)
	}
	code, out, errs := runCmd(t, args...)
	if code != exitOK {
		t.Fatalf("anchor: exit %d\n%s%s", code, out, errs)
	}
	var got anchorOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	on, err := reg.RootAt(ctx, registry.LogIDFor(origin), 2)
	if err != nil || got.TreeSize != 2 || got.Root != hexutil.Encode(on.Root[:]) {
		t.Fatalf("anchor output %+v, contract %+v %v", got, on, err)
	}
	// Again: nothing new, the same anchor, no new transaction.
	code, out2, _ := runCmd(t, args...)
	if code != exitOK || out2 != out {
		t.Fatalf("second --once: exit %d\n%s\nwant\n%s", code, out2, out)
	}
	if n, _ := node.Client.NonceAt(ctx, node.Address(1), nil); n != 1 {
		t.Fatalf("%d anchoring transactions, want 1", n)
	}
	// glassbox receipt now carries the anchor, and verify checks it on chain.
	code, rec, errs := runCmd(t, "receipt", "--dir", logDir, "--key", keyFile, "--id", "d-1")
	if code != exitOK {
		t.Fatalf("receipt: exit %d %s", code, errs)
	}
	var withAnchor struct {
		Anchor *struct {
			TreeSize uint64 `json:"tree_size"`
		} `json:"anchor"`
	}
	if err := json.Unmarshal([]byte(rec), &withAnchor); err != nil || withAnchor.Anchor == nil || withAnchor.Anchor.TreeSize != 2 {
		t.Fatalf("receipt has no anchor at size 2 (%v):\n%s", err, rec)
	}
	recFile := filepath.Join(dir, "receipt.json")
	os.WriteFile(recFile, []byte(rec), 0o644)
	if code, out, errs := runCmd(t, "verify", recFile, "--log-key", vkey, "--rpc", node.URL, "--contract", reg.Address().Hex()); code != exitOK {
		t.Fatalf("verify on chain: exit %d\n%s%s", code, out, errs)
	}
	if code, _, _ := runCmd(t, "anchor", "--dir", logDir); code != exitUsage {
		t.Fatalf("missing flags: exit %d", code)
	}
}

// glassbox anchor --once --dir D on a log directory made by the SDK, with
// no --key: the directory's own keys are used, and the contract then holds
// the log's root.
func TestAnchorLogDir(t *testing.T) {
	ctx := context.Background()
	node := anviltest.Start(t, nil)
	reg, _, err := registry.Deploy(ctx, node.Client, node.TransactOpts(0), nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := sdkLogDir(t)
	info, err := auditlog.ReadDirInfo(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reg.RegisterLog(ctx, node.TransactOpts(0), info.Origin, info.PublicKey, node.Address(1)); err != nil {
		t.Fatal(err)
	}
	anchorerKey := filepath.Join(t.TempDir(), "anchorer.hex")
	os.WriteFile(anchorerKey, []byte(hexutil.Encode(crypto.FromECDSA(node.Keys[1]))), 0o600)
	code, out, errs := runCmd(t, "anchor", "--once", "--dir", dir, "--rpc", node.URL, "--contract", reg.Address().Hex(),
		"--key-file", anchorerKey, "--confirmations", "1", "--poll", "10ms")
	if code != exitOK {
		t.Fatalf("anchor: exit %d\n%s%s", code, out, errs)
	}
	var got anchorOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	on, err := reg.RootAt(ctx, registry.LogIDFor(info.Origin), 40)
	if err != nil || got.TreeSize != 40 || got.Root != hexutil.Encode(on.Root[:]) {
		t.Fatalf("anchor output %+v, contract %+v %v", got, on, err)
	}
}
