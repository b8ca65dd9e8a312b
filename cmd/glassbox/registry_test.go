package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/glassbox-audit/glassbox/internal/anviltest"
	"github.com/glassbox-audit/glassbox/registry"
)

func runRegistryCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func decodeRegistryJSON(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("output %q: %v", s, err)
	}
}

func (l logJSON) logID(t *testing.T) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.TrimPrefix(l.LogID, "0x"))
	if err != nil || len(b) != 32 {
		t.Fatalf("log_id %q", l.LogID)
	}
	return b
}

func TestRegistryOffline(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "m.bin")
	if err := os.WriteFile(path, []byte("abc"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runRegistryCLI(t, "registry", "digest", path)
	var d map[string]string
	decodeRegistryJSON(t, out, &d)
	// FIPS 180-2 B.1: SHA-256("abc").
	if code != exitOK || d["artifact_digest"] != "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Fatalf("digest: %d %q", code, out)
	}
	code, out, _ = runRegistryCLI(t, "registry", "logid", "example.com/log")
	decodeRegistryJSON(t, out, &d)
	if id := registry.LogIDFor("example.com/log"); code != exitOK || d["log_id"] != "0x"+hex.EncodeToString(id[:]) {
		t.Fatalf("logid: %d %q", code, out)
	}
	for _, args := range [][]string{
		{"registry"},
		{"registry", "nope"},
		{"registry", "digest"},
		{"registry", "digest", filepath.Join(dir, "missing")},
		{"registry", "model", "--name", "x", "--version", "1"},
		{"registry", "model", "--rpc", "http://127.0.0.1:1", "--contract", "zz", "--name", "x", "--version", "1"},
		{"registry", "log", "--rpc", "http://127.0.0.1:1", "--contract", "0x0000000000000000000000000000000000000001"},
		{"registry", "register-log", "--rpc", "http://127.0.0.1:1", "--contract", "0x0000000000000000000000000000000000000001",
			"--key-file", path, "--origin", "o", "--public-key", "short", "--anchorer", "0x0000000000000000000000000000000000000001"},
		{"registry", "deploy", "--rpc", "http://127.0.0.1:1", "--key-file", path},
		{"registry", "versions", "--rpc", "http://127.0.0.1:1", "--contract", "0x0000000000000000000000000000000000000001", "--name", "x", "stray"},
		{"registry", "logid", "a", "b"},
	} {
		if code, _, errs := runRegistryCLI(t, args...); code != exitUsage || errs == "" {
			t.Errorf("%q: exit %d, stderr %q; want %d with a message", args, code, errs, exitUsage)
		}
	}
	// Missing flags are named, all of them, before anything is dialled.
	code, _, errs := runRegistryCLI(t, "registry", "register-model", "--rpc", "http://127.0.0.1:1", "--name", "x")
	if code != exitUsage || !strings.Contains(errs, "--version and --file are required") {
		t.Errorf("register-model without --version and --file: exit %d, stderr %q", code, errs)
	}
}

// TestRegistryAgainstAnvil drives the subcommands against a real node.
func TestRegistryAgainstAnvil(t *testing.T) {
	n := anviltest.Start(t, &anviltest.Options{Accounts: 2})
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key")
	if err := os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(n.Keys[0]))+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(dir, "model.json")
	if err := os.WriteFile(model, []byte(`{"trees":[]}`), 0o600); err != nil {
		t.Fatal(err)
	}

	code, out, errs := runRegistryCLI(t, "registry", "deploy", "--rpc", n.URL, "--key-file", keyFile)
	if code != exitOK {
		t.Fatalf("deploy: %d %s", code, errs)
	}
	var dep struct{ Contract, Admin string }
	decodeRegistryJSON(t, out, &dep)
	if dep.Admin != n.Address(0).Hex() {
		t.Fatalf("deploy output %q", out)
	}
	chain := []string{"--rpc", n.URL, "--contract", dep.Contract}
	withKey := append(append([]string{}, chain...), "--key-file", keyFile)

	code, _, errs = runRegistryCLI(t, append(append([]string{"registry", "register-model"}, withKey...), "--name", "credit", "--version", "1.0", "--file", model, "--metadata", "ipfs://card")...)
	if code != exitOK {
		t.Fatalf("register-model: %d %s", code, errs)
	}
	// A second registration of the same version fails, naming the reason.
	code, _, errs = runRegistryCLI(t, append(append([]string{"registry", "register-model"}, withKey...), "--name", "credit", "--version", "1.0", "--file", model)...)
	if code != exitFailed || !strings.Contains(errs, "VersionExists") {
		t.Fatalf("duplicate register-model: %d %q", code, errs)
	}

	code, out, errs = runRegistryCLI(t, append(append([]string{"registry", "model"}, chain...), "--name", "credit", "--version", "1.0", "--check", model)...)
	var m modelJSON
	decodeRegistryJSON(t, out, &m)
	if code != exitOK || m.Check == nil || !m.Check.Match || m.MetadataURI != "ipfs://card" {
		t.Fatalf("model --check: %d %q %s", code, out, errs)
	}
	if err := os.WriteFile(model, []byte(`{"trees":[1]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runRegistryCLI(t, append(append([]string{"registry", "model"}, chain...), "--name", "credit", "--version", "1.0", "--check", model)...)
	decodeRegistryJSON(t, out, &m)
	if code != exitFailed || m.Check.Match {
		t.Fatalf("model --check of an altered file: %d %q", code, out)
	}

	code, _, errs = runRegistryCLI(t, append(append([]string{"registry", "deprecate"}, withKey...), "--name", "credit", "--version", "1.0", "--reason", "retired")...)
	if code != exitOK {
		t.Fatalf("deprecate: %d %s", code, errs)
	}
	code, out, _ = runRegistryCLI(t, append(append([]string{"registry", "versions"}, chain...), "--name", "credit")...)
	var vs struct{ Versions []string }
	decodeRegistryJSON(t, out, &vs)
	if code != exitOK || len(vs.Versions) != 1 || vs.Versions[0] != "1.0" {
		t.Fatalf("versions: %d %q", code, out)
	}

	code, out, errs = runRegistryCLI(t, append(append([]string{"registry", "models"}, chain...), "--name", "credit")...)
	var ms struct{ Models []modelEventJSON }
	decodeRegistryJSON(t, out, &ms)
	if code != exitOK || len(ms.Models) != 1 || ms.Models[0].Version != "1.0" || ms.Models[0].MetadataURI != "ipfs://card" || ms.Models[0].Publisher != n.Address(0).Hex() {
		t.Fatalf("models: %d %q %s", code, out, errs)
	}

	pub := ed25519.NewKeyFromSeed(make([]byte, 32)).Public().(ed25519.PublicKey)
	code, _, errs = runRegistryCLI(t, append(append([]string{"registry", "register-log"}, withKey...),
		"--origin", "example.com/log", "--public-key", hex.EncodeToString(pub), "--anchorer", n.Address(0).Hex())...)
	if code != exitOK {
		t.Fatalf("register-log: %d %s", code, errs)
	}
	code, out, errs = runRegistryCLI(t, append(append([]string{"registry", "log"}, chain...), "--origin", "example.com/log")...)
	var lj logJSON
	decodeRegistryJSON(t, out, &lj)
	if code != exitOK || lj.Origin != "example.com/log" || lj.Anchor != nil || lj.LatestSize != 0 {
		t.Fatalf("log: %d %q %s", code, out, errs)
	}
	code, _, errs = runRegistryCLI(t, append(append([]string{"registry", "log"}, chain...), "--origin", "example.com/log", "--size", "3")...)
	if code != exitFailed || !strings.Contains(errs, "NotAnchored") {
		t.Fatalf("log --size of an unanchored size: %d %q", code, errs)
	}

	// After an anchor, both the latest and the exact size show it.
	ctx := context.Background()
	r, err := registry.New(ctx, n.Client, common.HexToAddress(dep.Contract), nil)
	if err != nil {
		t.Fatal(err)
	}
	root := sha256.Sum256([]byte("root"))
	rcpt, err := r.Anchor(ctx, n.TransactOpts(0), registry.LogIDFor("example.com/log"), 3, root)
	if err != nil {
		t.Fatal(err)
	}
	for _, extra := range [][]string{nil, {"--size", "3"}, {"--log-id", hex.EncodeToString(lj.logID(t))}} {
		args := append(append([]string{"registry", "log"}, chain...), extra...)
		if len(extra) == 0 || extra[0] != "--log-id" {
			args = append(args, "--origin", "example.com/log")
		}
		code, out, errs = runRegistryCLI(t, args...)
		var got logJSON
		decodeRegistryJSON(t, out, &got)
		if code != exitOK || got.Anchor == nil || got.Anchor.TreeSize != 3 || got.Anchor.Root != "0x"+hex.EncodeToString(root[:]) ||
			got.Anchor.BlockNumber != rcpt.BlockNumber.Uint64() || got.LatestSize != 3 {
			t.Fatalf("log %q after anchoring: %d %q %s", extra, code, out, errs)
		}
	}
	code, _, errs = runRegistryCLI(t, append(append([]string{"registry", "log"}, chain...), "--origin", "other")...)
	if code != exitFailed || !strings.Contains(errs, "UnknownLog") {
		t.Fatalf("log of an unknown origin: %d %q", code, errs)
	}
}

func FuzzParse32(f *testing.F) {
	f.Add("0x" + strings.Repeat("ab", 32))
	f.Add(strings.Repeat("00", 32))
	f.Add("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
	f.Add("short")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parse32(s)
		if err != nil {
			return
		}
		// Whatever parses must be exactly 32 bytes in one of the two forms.
		h := hex.EncodeToString(v[:])
		if strings.ToLower(strings.TrimPrefix(s, "0x")) != h && base64.StdEncoding.EncodeToString(v[:]) != s {
			t.Fatalf("%q parsed as %x, which is neither its hex nor its base64", s, v)
		}
	})
}
