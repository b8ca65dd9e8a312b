package registry_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/glassbox-audit/glassbox/registry"
)

// keystoreFile encrypts a fresh key with go-ethereum's own writer (light
// scrypt parameters, to keep the test quick).
func keystoreFile(t testing.TB, pass string) ([]byte, accounts.Account) {
	t.Helper()
	a, err := keystore.StoreKey(t.TempDir(), pass, keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(a.URL.Path)
	if err != nil {
		t.Fatal(err)
	}
	return b, a
}

func TestLoadKeystore(t *testing.T) {
	dir := t.TempDir()
	data, k := keystoreFile(t, "correct horse")
	ks := filepath.Join(dir, "anchorer.json")
	if err := os.WriteFile(ks, data, 0o600); err != nil {
		t.Fatal(err)
	}
	pw := filepath.Join(dir, "password")
	if err := os.WriteFile(pw, []byte("correct horse\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := registry.LoadKeystore(ks, pw, "")
	if err != nil {
		t.Fatal(err)
	}
	if crypto.PubkeyToAddress(got.PublicKey) != k.Address {
		t.Fatalf("decrypted %s, want %s", crypto.PubkeyToAddress(got.PublicKey), k.Address)
	}
	// From the environment, when no file is given.
	t.Setenv("GB_TEST_PASS", "correct horse")
	if got, err := registry.LoadKeystore(ks, "", "GB_TEST_PASS"); err != nil || crypto.PubkeyToAddress(got.PublicKey) != k.Address {
		t.Fatalf("from env: %v", err)
	}
	// A wrong passphrase.
	t.Setenv("GB_TEST_PASS", "wrong")
	if _, err := registry.LoadKeystore(ks, "", "GB_TEST_PASS"); !errors.Is(err, registry.ErrKeystorePassphrase) {
		t.Errorf("wrong passphrase: %v, want ErrKeystorePassphrase", err)
	}
	// None at all.
	t.Setenv("GB_TEST_PASS", "")
	if _, err := registry.LoadKeystore(ks, "", "GB_TEST_PASS"); !errors.Is(err, registry.ErrNoPassphrase) {
		t.Errorf("no passphrase: %v, want ErrNoPassphrase", err)
	}
	// A passphrase file others can read is refused, naming the mode.
	if err := os.Chmod(pw, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := registry.LoadKeystore(ks, pw, ""); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("0644 passphrase file: %v, want it refused", err)
	}
	// A hex key file is not a keystore.
	if err := os.WriteFile(ks, []byte("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(pw, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := registry.LoadKeystore(ks, pw, ""); !errors.Is(err, registry.ErrKeystore) {
		t.Errorf("hex key file: %v, want ErrKeystore", err)
	}
}

// Malformed or hostile files are ErrKeystore before any key derivation
// (go-ethereum's DecryptKey would panic on some, and spend unbounded
// memory on others).
func TestDecryptKeystoreRejects(t *testing.T) {
	data, _ := keystoreFile(t, "p")
	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		b, _ := json.Marshal(m)
		return b
	}
	kdf := func(m map[string]any) map[string]any {
		return m["crypto"].(map[string]any)["kdfparams"].(map[string]any)
	}
	for name, b := range map[string][]byte{
		"not json":     []byte("{"),
		"version 1":    edit(func(m map[string]any) { m["version"] = 1 }),
		"no crypto":    edit(func(m map[string]any) { delete(m, "crypto") }),
		"no salt":      edit(func(m map[string]any) { delete(kdf(m), "salt") }),
		"salt number":  edit(func(m map[string]any) { kdf(m)["salt"] = 7 }),
		"n string":     edit(func(m map[string]any) { kdf(m)["n"] = "4096" }),
		"huge n":       edit(func(m map[string]any) { kdf(m)["n"] = 1 << 30 }),
		"n not pow2":   edit(func(m map[string]any) { kdf(m)["n"] = 4095 }),
		"huge r":       edit(func(m map[string]any) { kdf(m)["r"] = 1 << 20 }),
		"dklen 0":      edit(func(m map[string]any) { kdf(m)["dklen"] = 0 }),
		"other cipher": edit(func(m map[string]any) { m["crypto"].(map[string]any)["cipher"] = "aes-256-gcm" }),
		"other kdf":    edit(func(m map[string]any) { m["crypto"].(map[string]any)["kdf"] = "argon2" }),
		"bad mac":      edit(func(m map[string]any) { m["crypto"].(map[string]any)["mac"] = "xyz" }),
		"bad id":       edit(func(m map[string]any) { m["id"] = "nope" }),
	} {
		if _, err := registry.DecryptKeystore(b, "p"); !errors.Is(err, registry.ErrKeystore) {
			t.Errorf("%s: %v, want ErrKeystore", name, err)
		}
	}
	if _, err := registry.DecryptKeystore(data, "p"); err != nil {
		t.Fatalf("the good file: %v", err)
	}
}

func FuzzDecryptKeystore(f *testing.F) {
	data, _ := keystoreFile(f, "p")
	f.Add(data)
	f.Add([]byte(`{"version":3,"crypto":{"cipher":"aes-128-ctr","kdf":"pbkdf2","kdfparams":{"c":1,"dklen":32,"prf":"hmac-sha256","salt":"00"}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		k, err := registry.DecryptKeystore(b, "p")
		if err == nil && k == nil {
			t.Fatal("nil key without an error")
		}
		if err != nil && !errors.Is(err, registry.ErrKeystore) && !errors.Is(err, registry.ErrKeystorePassphrase) {
			t.Fatalf("error %v is neither ErrKeystore nor ErrKeystorePassphrase", err)
		}
	})
}
