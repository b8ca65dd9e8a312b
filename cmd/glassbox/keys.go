package main

import (
	"crypto/ecdsa"
	"flag"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/glassbox-audit/glassbox/registry"
)

// keystoreFlags name an encrypted Ethereum keystore file holding the
// transaction sender's key, and where its passphrase comes from: a file,
// or the environment (registry.PassphraseEnv). Never argv, where every
// user of the machine can read it.
type keystoreFlags struct {
	keystore, passwordFile *string
}

func addKeystoreFlags(fs *flag.FlagSet) *keystoreFlags {
	return &keystoreFlags{
		keystore:     fs.String("keystore", "", "encrypted Ethereum keystore file (JSON, as geth, clef or cast write it) holding the sender's key; instead of --key-file"),
		passwordFile: fs.String("password-file", "", "file (mode 0600) whose first line is the keystore's passphrase (default: $"+registry.PassphraseEnv+")"),
	}
}

// loadKey returns the sender's key from --key-file (hex) or --keystore,
// exactly one of which must be given. Problems with either are usage
// errors naming the flag.
func (cf chainFlags) loadKey(env *cliEnv, cmd string) (*ecdsa.PrivateKey, int) {
	ks := cf.ks
	hasKS := ks != nil && *ks.keystore != ""
	switch {
	case *cf.keyFile != "" && hasKS:
		return nil, usageErr(env, cmd, "give --key-file or --keystore, not both")
	case hasKS:
		key, err := registry.LoadKeystore(*ks.keystore, *ks.passwordFile, "")
		if err != nil {
			return nil, usageErr(env, cmd, "--keystore: %v", err)
		}
		return key, exitOK
	case ks != nil && *ks.passwordFile != "":
		return nil, usageErr(env, cmd, "--password-file needs --keystore")
	case *cf.keyFile == "":
		return nil, usageErr(env, cmd, "--key-file or --keystore is required")
	}
	raw, err := os.ReadFile(*cf.keyFile)
	if err != nil {
		return nil, usageErr(env, cmd, "%v", err)
	}
	key, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(string(raw)), "0x"))
	if err != nil {
		return nil, usageErr(env, cmd, "%s: not a hex secp256k1 private key", *cf.keyFile)
	}
	return key, exitOK
}
