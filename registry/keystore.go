package registry

import (
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
)

// Keystore files: an account's secp256k1 key encrypted under a passphrase,
// in the JSON format of go-ethereum's accounts/keystore (version 3, the
// "UTC--..." files that geth, clef and Foundry's cast write). A transaction
// signer — the anchorer, the contract's admin — is read from one with
// [LoadKeystore], so that the key itself is never on a command line, where
// any user of the machine sees it (ps, /proc/PID/cmdline).

// Sentinels of keystore files.
var (
	// ErrKeystore: the file is not a keystore file this package reads
	// (malformed, an unsupported version or cipher, or KDF parameters out
	// of bounds).
	ErrKeystore = errors.New("registry: not a usable keystore file")
	// ErrKeystorePassphrase: the passphrase does not decrypt the key.
	ErrKeystorePassphrase = errors.New("registry: wrong keystore passphrase")
	// ErrNoPassphrase: neither a passphrase file nor the environment
	// variable gives one.
	ErrNoPassphrase = errors.New("registry: no keystore passphrase")
)

// Bounds on a keystore's KDF parameters, so that a hostile file cannot
// make decryption take all memory or all day. go-ethereum's standard
// scrypt parameters (N = 2^18, r = 8, p = 1: 256 MiB) are the largest
// accepted.
const (
	MaxKeystoreScryptN  = 1 << 18
	MaxKeystoreScryptR  = 8
	MaxKeystoreScryptP  = 16
	MaxKeystorePBKDF2C  = 10_000_000
	MaxKeystoreFileSize = 64 << 10
)

// PassphraseEnv is the environment variable a passphrase is read from
// when no passphrase file is given.
const PassphraseEnv = "GLASSBOX_KEYSTORE_PASSWORD"

// DecryptKeystore decrypts a keystore file's contents with passphrase.
// The file is checked before any key derivation: version 3, cipher
// aes-128-ctr, scrypt or pbkdf2 (hmac-sha256) with parameters within the
// bounds above; anything else is ErrKeystore. A wrong passphrase is
// ErrKeystorePassphrase.
func DecryptKeystore(data []byte, passphrase string) (*ecdsa.PrivateKey, error) {
	if len(data) > MaxKeystoreFileSize {
		return nil, fmt.Errorf("%w: %d bytes (at most %d)", ErrKeystore, len(data), MaxKeystoreFileSize)
	}
	if err := checkKeystore(data); err != nil {
		return nil, err
	}
	k, err := keystore.DecryptKey(data, passphrase)
	if errors.Is(err, keystore.ErrDecrypt) {
		return nil, ErrKeystorePassphrase
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrKeystore, err)
	}
	return k.PrivateKey, nil
}

// checkKeystore validates what go-ethereum's DecryptKey would otherwise
// take on trust (it panics on a missing salt or a non-numeric parameter).
func checkKeystore(data []byte) error {
	var f struct {
		Version json.RawMessage `json:"version"`
		Address string          `json:"address"`
		ID      string          `json:"id"`
		Crypto  *struct {
			Cipher       string              `json:"cipher"`
			CipherText   string              `json:"ciphertext"`
			CipherParams struct{ IV string } `json:"cipherparams"`
			KDF          string              `json:"kdf"`
			KDFParams    map[string]any      `json:"kdfparams"`
			MAC          string              `json:"mac"`
		} `json:"crypto"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return fmt.Errorf("%w: %v", ErrKeystore, err)
	}
	if string(f.Version) != "3" {
		return fmt.Errorf("%w: version %s (want 3)", ErrKeystore, f.Version)
	}
	c := f.Crypto
	if c == nil {
		return fmt.Errorf("%w: no \"crypto\" object", ErrKeystore)
	}
	if c.Cipher != "aes-128-ctr" {
		return fmt.Errorf("%w: cipher %q (want aes-128-ctr)", ErrKeystore, c.Cipher)
	}
	for name, v := range map[string]string{"ciphertext": c.CipherText, "cipherparams.iv": c.CipherParams.IV, "mac": c.MAC} {
		if v == "" || !isHex(v) {
			return fmt.Errorf("%w: crypto.%s is not hex", ErrKeystore, name)
		}
	}
	if _, err := keystoreID(f.ID); err != nil {
		return err
	}
	p := c.KDFParams
	salt, ok := p["salt"].(string)
	if !ok || !isHex(salt) {
		return fmt.Errorf("%w: kdfparams.salt is not hex", ErrKeystore)
	}
	num := func(name string, lo, hi int) (int, error) {
		v, ok := p[name].(float64)
		if !ok || v != math.Trunc(v) || v < float64(lo) || v > float64(hi) {
			return 0, fmt.Errorf("%w: kdfparams.%s is %v (want a whole number in [%d, %d])", ErrKeystore, name, p[name], lo, hi)
		}
		return int(v), nil
	}
	if _, err := num("dklen", 32, 32); err != nil {
		return err
	}
	switch c.KDF {
	case "scrypt":
		n, err := num("n", 2, MaxKeystoreScryptN)
		if err != nil {
			return err
		}
		if n&(n-1) != 0 {
			return fmt.Errorf("%w: kdfparams.n %d is not a power of 2", ErrKeystore, n)
		}
		if _, err := num("r", 1, MaxKeystoreScryptR); err != nil {
			return err
		}
		if _, err := num("p", 1, MaxKeystoreScryptP); err != nil {
			return err
		}
	case "pbkdf2":
		if _, err := num("c", 1, MaxKeystorePBKDF2C); err != nil {
			return err
		}
		if prf, _ := p["prf"].(string); prf != "hmac-sha256" {
			return fmt.Errorf("%w: kdfparams.prf %q (want hmac-sha256)", ErrKeystore, p["prf"])
		}
	default:
		return fmt.Errorf("%w: kdf %q (want scrypt or pbkdf2)", ErrKeystore, c.KDF)
	}
	return nil
}

// keystoreID checks the key's UUID, which go-ethereum requires.
func keystoreID(id string) (string, error) {
	s := strings.ReplaceAll(id, "-", "")
	if len(s) != 32 || !isHex(s) {
		return "", fmt.Errorf("%w: id %q is not a UUID", ErrKeystore, id)
	}
	return s, nil
}

func isHex(s string) bool {
	if len(s)%2 != 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// KeystorePassphrase returns the passphrase of a keystore: the first line
// of file (without its line ending) when file is not empty, else the value
// of the environment variable env ([PassphraseEnv] when env is empty). A
// passphrase file must not be readable by group or others (mode 0600 or
// 0400), as a private key file. Neither given is ErrNoPassphrase.
func KeystorePassphrase(file, env string) (string, error) {
	if file != "" {
		info, err := os.Stat(file)
		if err != nil {
			return "", err
		}
		if info.Mode()&0o077 != 0 {
			return "", fmt.Errorf("passphrase file %s: mode %v lets others read it (chmod 600)", file, info.Mode().Perm())
		}
		b, err := os.ReadFile(file)
		if err != nil {
			return "", err
		}
		line, _, _ := strings.Cut(string(b), "\n")
		line = strings.TrimSuffix(line, "\r")
		if line == "" {
			return "", fmt.Errorf("%w: passphrase file %s is empty", ErrNoPassphrase, file)
		}
		return line, nil
	}
	if env == "" {
		env = PassphraseEnv
	}
	if v, ok := os.LookupEnv(env); ok && v != "" {
		return v, nil
	}
	return "", fmt.Errorf("%w: give a passphrase file or set %s", ErrNoPassphrase, env)
}

// LoadKeystore reads the keystore file at path and decrypts it with the
// passphrase from passphraseFile, or from the environment variable env
// (see [KeystorePassphrase]).
func LoadKeystore(path, passphraseFile, env string) (*ecdsa.PrivateKey, error) {
	data, err := readBounded(path, MaxKeystoreFileSize)
	if err != nil {
		return nil, err
	}
	pass, err := KeystorePassphrase(passphraseFile, env)
	if err != nil {
		return nil, err
	}
	key, err := DecryptKeystore(data, pass)
	if err != nil {
		return nil, fmt.Errorf("keystore %s: %w", path, err)
	}
	return key, nil
}

func readBounded(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: errors.New("not a regular file")}
	}
	if info.Size() > max {
		return nil, fmt.Errorf("keystore %s: %w: %d bytes (at most %d)", path, ErrKeystore, info.Size(), max)
	}
	return os.ReadFile(path)
}
