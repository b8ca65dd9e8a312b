package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
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

// TestLogKeyEveryForm: the log key in each form the tools print (what
// log init prints, the verifier.key file, registry log's base64, hex, 0x
// hex) is accepted by registry register-log --public-key and verify
// --log-key; verify --rpc --contract reads the key from the contract when
// --log-key is absent, and refuses a --log-key the contract does not hold.
func TestLogKeyEveryForm(t *testing.T) {
	ctx := context.Background()
	node := anviltest.Start(t, nil)
	reg, _, err := registry.Deploy(ctx, node.Client, node.TransactOpts(0), nil)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "log")
	code, out, errs := runCmd(t, "log", "init", "--dir", dir, "--origin", "example.org/keys")
	if code != exitOK {
		t.Fatalf("log init: %d %s", code, errs)
	}
	var initOut logInitJSON
	json.Unmarshal([]byte(out), &initOut)
	keyFile := func(name string, b []byte) string {
		p := filepath.Join(tmp, name)
		os.WriteFile(p, b, 0o600)
		return p
	}
	hexKey := func(i int) []byte { return []byte(hexutil.Encode(crypto.FromECDSA(node.Keys[i]))) }
	admin, anchorer := keyFile("admin.hex", hexKey(0)), keyFile("anchorer.hex", hexKey(1))
	chain := []string{"--rpc", node.URL, "--contract", reg.Address().Hex()}
	register := func(extra ...string) (int, string) {
		args := append(append([]string{"registry", "register-log"}, chain...), "--key-file", admin, "--anchorer", node.Address(1).Hex())
		code, _, errs := runCmd(t, append(args, extra...)...)
		return code, errs
	}
	// A key of another log than --origin is refused before any transaction.
	if code, errs := register("--public-key", filepath.Join(dir, auditlog.VerifierKeyFile), "--origin", "example.org/other"); code != exitUsage || !strings.Contains(errs, `the key of log "example.org/keys"`) {
		t.Fatalf("register-log, key of another log: %d %s", code, errs)
	}
	// The verifier.key file, the origin taken from it.
	if code, errs := register("--public-key", filepath.Join(dir, auditlog.VerifierKeyFile)); code != exitOK {
		t.Fatalf("register-log --public-key verifier.key: %d %s", code, errs)
	}
	code, out, errs = runCmd(t, append(append([]string{"registry", "log"}, chain...), "--origin", "example.org/keys")...)
	var logOut logJSON
	if code != exitOK || json.Unmarshal([]byte(out), &logOut) != nil {
		t.Fatalf("registry log: %d %s %s", code, out, errs)
	}
	if logOut.VerifierKey != initOut.VerifierKey {
		t.Errorf("registry log verifier_key %q, log init printed %q", logOut.VerifierKey, initOut.VerifierKey)
	}
	pub, err := base64.StdEncoding.DecodeString(logOut.PublicKey)
	if err != nil || len(pub) != 32 {
		t.Fatalf("registry log public_key %q", logOut.PublicKey)
	}
	// Record, anchor (naming the log as --dir D --key D/signer.key) and
	// take a receipt.
	if code, _, errs := runRecCLI(t, cliDecisions, "append", "--dir", dir); code != exitOK {
		t.Fatalf("append: %d %s", code, errs)
	}
	if code, _, errs := runCmd(t, append(append([]string{"anchor", "--once", "--dir", dir, "--key", filepath.Join(dir, auditlog.SignerKeyFile)}, chain...), "--key-file", anchorer, "--confirmations", "1", "--poll", "10ms")...); code != exitOK {
		t.Fatalf("anchor: %d %s", code, errs)
	}
	code, rec, errs := runCmd(t, "receipt", "--dir", dir, "--id", "d-1")
	if code != exitOK {
		t.Fatalf("receipt: %d %s", code, errs)
	}
	recFile := keyFile("receipt.json", []byte(rec))
	for form, key := range map[string]string{
		"log init's verifier_key":     initOut.VerifierKey,
		"verifier.key file":           filepath.Join(dir, auditlog.VerifierKeyFile),
		"registry log's base64":       logOut.PublicKey,
		"hex":                         hex.EncodeToString(pub),
		"0x hex":                      "0x" + hex.EncodeToString(pub),
		"registry log's verifier_key": logOut.VerifierKey,
	} {
		if code, out, errs := runCmd(t, "verify", recFile, "--log-key", key); code != exitOK || !strings.Contains(out, `"valid":true`) {
			t.Errorf("verify --log-key (%s): %d %s %s", form, code, out, errs)
		}
	}
	// The key from the contract.
	if code, out, errs := runCmd(t, append([]string{"verify", recFile}, chain...)...); code != exitOK || !strings.Contains(out, `"anchor":"verified on chain"`) {
		t.Errorf("verify --rpc --contract without --log-key: %d %s %s", code, out, errs)
	}
	if code, out, errs := runCmd(t, append([]string{"verify", recFile, "--log-key", logOut.PublicKey}, chain...)...); code != exitOK {
		t.Errorf("verify --rpc --contract with the contract's key: %d %s %s", code, out, errs)
	}
	// A --log-key that is not the contract's: a failed check, naming it.
	_, otherKey, _ := note.GenerateKey(rand.Reader, "example.org/keys")
	code, out, errs = runCmd(t, append([]string{"verify", recFile, "--log-key", otherKey}, chain...)...)
	if code != exitFailed || !strings.Contains(out, `"check":"chain"`) || !strings.Contains(errs, "is not the key the contract holds") {
		t.Errorf("verify with a key the contract does not hold: %d %s %s", code, out, errs)
	}
	// Without --rpc, a bare key takes the receipt's origin; --log-key or
	// --rpc is needed.
	if code, _, errs := runCmd(t, "verify", recFile); code != exitUsage || !strings.Contains(errs, "--log-key is required") {
		t.Errorf("verify without a key: %d %s", code, errs)
	}
}
