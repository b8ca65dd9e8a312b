package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/internal/anviltest"
	"github.com/glassbox-audit/glassbox/registry"
)

// The sender's key comes from an encrypted keystore file, its passphrase
// from a file or the environment; never from argv.
func TestKeystoreFlags(t *testing.T) {
	n := anviltest.Start(t, &anviltest.Options{Accounts: 1})
	dir := t.TempDir()
	ks := keystore.NewKeyStore(filepath.Join(dir, "ks"), keystore.LightScryptN, keystore.LightScryptP)
	acct, err := ks.ImportECDSA(n.Keys[0], "s3cret")
	if err != nil {
		t.Fatal(err)
	}
	pw := filepath.Join(dir, "password")
	if err := os.WriteFile(pw, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runRegistryCLI(t, "registry", "deploy", "--rpc", n.URL, "--keystore", acct.URL.Path, "--password-file", pw)
	if code != exitOK {
		t.Fatalf("deploy with --keystore: %d %s", code, errs)
	}
	var dep struct{ Contract, Admin string }
	decodeRegistryJSON(t, out, &dep)
	if dep.Admin != n.Address(0).Hex() {
		t.Fatalf("admin %s, want the keystore's account %s", dep.Admin, n.Address(0).Hex())
	}
	// The passphrase from the environment.
	t.Setenv(registry.PassphraseEnv, "s3cret")
	if code, _, errs := runRegistryCLI(t, "registry", "deploy", "--rpc", n.URL, "--keystore", acct.URL.Path); code != exitOK {
		t.Fatalf("deploy with $%s: %d %s", registry.PassphraseEnv, code, errs)
	}
	keyFile := filepath.Join(dir, "hex")
	if err := os.WriteFile(keyFile, []byte("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad")
	if err := os.WriteFile(bad, []byte("nope\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--keystore", acct.URL.Path, "--key-file", keyFile}, "not both"},
		{[]string{"--key-file", keyFile, "--password-file", pw}, "--password-file needs --keystore"},
		{[]string{"--keystore", acct.URL.Path, "--password-file", bad}, "wrong keystore passphrase"},
		{[]string{"--keystore", keyFile, "--password-file", pw}, "not a usable keystore file"},
		{nil, "--key-file or --keystore is required"},
	} {
		code, _, errs := runRegistryCLI(t, append([]string{"registry", "deploy", "--rpc", n.URL}, c.args...)...)
		if code != exitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d naming %q", c.args, code, errs, exitUsage, c.want)
		}
	}
}

// glassbox anchor with the anchorer's key from a keystore, its passphrase
// from the environment: the contract then holds the log's root.
func TestAnchorWithKeystore(t *testing.T) {
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
	ks := keystore.NewKeyStore(filepath.Join(t.TempDir(), "ks"), keystore.LightScryptN, keystore.LightScryptP)
	acct, err := ks.ImportECDSA(node.Keys[1], "anchor pass")
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(registry.PassphraseEnv, "anchor pass")
	code, out, errs := runCmd(t, "anchor", "--once", "--dir", dir, "--rpc", node.URL, "--contract", reg.Address().Hex(),
		"--keystore", acct.URL.Path, "--confirmations", "1", "--poll", "10ms")
	if code != exitOK {
		t.Fatalf("anchor --keystore: exit %d\n%s%s", code, out, errs)
	}
	var got anchorOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	on, err := reg.RootAt(ctx, registry.LogIDFor(info.Origin), got.TreeSize)
	if err != nil || got.TreeSize == 0 || got.Root != hexutil.Encode(on.Root[:]) {
		t.Fatalf("anchor output %+v, contract %+v %v", got, on, err)
	}
}
