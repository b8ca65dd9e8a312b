package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/registry"
)

// registryCommand is `glassbox registry <sub>`: the model registry and the
// log anchors on the GlassboxRegistry contract (docs/contracts.md).
func registryCommand() command {
	return command{name: "registry", summary: "model versions and log anchors on the registry contract", run: runRegistry}
}

type registrySub struct {
	name, args, summary string
	run                 func(ctx context.Context, env *cliEnv, args []string) int
}

func registrySubs() []registrySub {
	return []registrySub{
		{"digest", "FILE", "print a model file's artifact digest (SHA-256)", runRegistryDigest},
		{"logid", "ORIGIN", "print the log id (SHA-256 of the origin line)", runRegistryLogID},
		{"deploy", "--rpc URL --key-file F", "deploy a new contract; the key becomes admin, publisher, resolver", runRegistryDeploy},
		{"register-model", "--rpc URL --contract A --key-file F --name N --version V --file F [--metadata URI] [--schema F] [--card F] [--training F | --manifest-root HEX] [--code-ref REF]", "publish a model version and its lineage", runRegistryRegisterModel},
		{"deprecate", "--rpc URL --contract A --key-file F --name N --version V [--reason R]", "deprecate a model version", runRegistryDeprecate},
		{"model", "--rpc URL --contract A --name N --version V [--check FILE]", "show a model version and its lineage; --check exits 1 unless FILE matches its digest", runRegistryModel},
		{"versions", "--rpc URL --contract A --name N", "list a model's versions", runRegistryVersions},
		{"models", "--rpc URL --contract A [--name N] [--from-block B]", "list published model versions from the chain's events", runRegistryModels},
		{"register-log", "--rpc URL --contract A --key-file F [--origin O] --public-key K --anchorer ADDR", "register a log (K: the key as glassbox log init prints it, a verifier.key file, base64 or hex)", runRegistryRegisterLog},
		{"log", "--rpc URL --contract A (--origin O | --log-id ID) [--size N]", "show a log and its latest anchor, or the anchor of size N", runRegistryLog},
	}
}

func registryUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: glassbox registry <subcommand> [flags]")
	for _, s := range registrySubs() {
		fmt.Fprintf(w, "  %-15s %s\n  %-15s   %s\n", s.name, s.summary, "", s.args)
	}
}

func runRegistry(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		registryUsage(env.stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, s := range registrySubs() {
		if s.name == args[0] {
			return s.run(ctx, env, args[1:])
		}
	}
	registryUsage(env.stderr)
	return usageErr(env, "registry", "unknown subcommand %q", args[0])
}

// chainFlags are the flags shared by subcommands that talk to a node.
type chainFlags struct {
	rpc, contract, keyFile *string
	ks                     *keystoreFlags // with keyFile (keys.go)
	timeout                *time.Duration
}

func addChainFlags(fs *flag.FlagSet, contract, key bool) chainFlags {
	var cf chainFlags
	cf.rpc = fs.String("rpc", "", "JSON-RPC endpoint of an Ethereum node (required)")
	cf.timeout = fs.Duration("timeout", 2*time.Minute, "give up after this long")
	if contract {
		cf.contract = fs.String("contract", "", "address of the GlassboxRegistry contract (required)")
	}
	if key {
		cf.keyFile = fs.String("key-file", "", "file holding the sender's hex secp256k1 private key (or --keystore)")
		cf.ks = addKeystoreFlags(fs)
	}
	return cf
}

// regSession is an open connection to the contract.
type regSession struct {
	client *ethclient.Client
	reg    *registry.Client   // with --contract
	key    *ecdsa.PrivateKey  // with --key-file
	auth   *bind.TransactOpts // signs as key
}

func (s *regSession) close() { s.client.Close() }

// open dials the node, checks the contract and loads the key, as the flags
// ask. It returns an exit code other than exitOK on failure.
func (cf chainFlags) open(ctx context.Context, env *cliEnv, cmd string) (*regSession, int) {
	if *cf.rpc == "" {
		return nil, usageErr(env, cmd, "--rpc is required")
	}
	var addr common.Address
	if cf.contract != nil {
		if *cf.contract == "" {
			return nil, usageErr(env, cmd, "--contract is required")
		}
		if !common.IsHexAddress(*cf.contract) {
			return nil, usageErr(env, cmd, "--contract %q is not an address", *cf.contract)
		}
		addr = common.HexToAddress(*cf.contract)
	}
	var key *ecdsa.PrivateKey
	if cf.keyFile != nil {
		var code int
		if key, code = cf.loadKey(env, cmd); code != exitOK {
			return nil, code
		}
	}
	c, err := ethclient.DialContext(ctx, *cf.rpc)
	if err != nil {
		return nil, usageErr(env, cmd, "dial %s: %v", *cf.rpc, err)
	}
	s := &regSession{client: c, key: key}
	if key != nil {
		id, err := c.ChainID(ctx)
		if err != nil {
			s.close()
			return nil, failed(env, cmd, "chain id from %s: %v", *cf.rpc, err)
		}
		s.auth = bind.NewKeyedTransactor(key, id)
	}
	if cf.contract != nil {
		r, err := registry.New(ctx, c, addr, nil)
		if err != nil {
			s.close()
			return nil, failed(env, cmd, "%v", err)
		}
		s.reg = r
	}
	return s, exitOK
}

// chainSub is the one shape of the registry subcommands that talk to a
// node: the chain flags and its own, a check of its flags (a usage error),
// one call on the open session, its result printed as JSON.
type chainSub struct {
	name     string // "registry deploy"
	contract bool   // --contract is required
	key      bool   // --key-file is required: the subcommand sends a transaction
	// flags declares the subcommand's own flags and returns the check of
	// their values, run after parsing; either may be nil.
	flags func(fs *flag.FlagSet) func() error
	// call is the one library call. What it returns is printed even with
	// an error: a failed check prints what it found, then exits 1.
	call func(ctx context.Context, s *regSession) (any, error)
}

func (c chainSub) run(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlagSet(env, c.name)
	cf := addChainFlags(fs, c.contract, c.key)
	var check func() error
	if c.flags != nil {
		check = c.flags(fs)
	}
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() != 0 {
		return usageErr(env, c.name, "unexpected argument %q", fs.Arg(0))
	}
	if check != nil {
		if err := check(); err != nil {
			return usageErr(env, c.name, "%v", err)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, *cf.timeout)
	defer cancel()
	s, code := cf.open(ctx, env, c.name)
	if code != exitOK {
		return code
	}
	defer s.close()
	out, err := c.call(ctx, s)
	if out != nil {
		writeJSON(env.stdout, out)
	}
	if err != nil {
		return failed(env, c.name, "%v", err)
	}
	return exitOK
}

// offlineSub is the shape of the subcommands that read no chain: one
// non-empty argument in, JSON out; an error is bad input.
func offlineSub(env *cliEnv, cmd, what string, args []string, fn func(arg string) (any, error)) int {
	fs := newFlagSet(env, cmd)
	fs.Usage = func() { fmt.Fprintf(env.stderr, "usage: glassbox %s %s\n", cmd, what) }
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() != 1 || fs.Arg(0) == "" {
		return usageErr(env, cmd, "want exactly one non-empty %s", what)
	}
	out, err := fn(fs.Arg(0))
	if err != nil {
		return usageErr(env, cmd, "%v", err)
	}
	writeJSON(env.stdout, out)
	return exitOK
}

// modelFlags declares --name and --version of a model version; check them
// with required.
func modelFlags(fs *flag.FlagSet) (name, version *string) {
	return fs.String("name", "", "model name (required)"), fs.String("version", "", "model version (required)")
}

// required reports the named string flags left empty, as a usage error.
func required(fs *flag.FlagSet, names ...string) error {
	var missing []string
	for _, n := range names {
		if fs.Lookup(n).Value.String() == "" {
			missing = append(missing, "--"+n)
		}
	}
	switch len(missing) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("%s is required", missing[0])
	}
	return fmt.Errorf("%s and %s are required", strings.Join(missing[:len(missing)-1], ", "), missing[len(missing)-1])
}

func hex32(b [32]byte) string { return hexutil.Encode(b[:]) }

// parse32 reads a 32-byte value in hex (with or without 0x) or base64.
func parse32(s string) ([32]byte, error) {
	var out [32]byte
	t := strings.TrimPrefix(s, "0x")
	if b, err := hexutil.Decode("0x" + t); err == nil && len(b) == 32 {
		copy(out[:], b)
		return out, nil
	}
	if b, err := base64.StdEncoding.DecodeString(s); err == nil && len(b) == 32 {
		copy(out[:], b)
		return out, nil
	}
	return out, fmt.Errorf("%q is not 32 bytes of hex or base64", s)
}

// txJSON is what write subcommands print.
type txJSON struct {
	Tx          string `json:"tx_hash"`
	BlockNumber uint64 `json:"block_number"`
	GasUsed     uint64 `json:"gas_used"`
}

func txOut(r *types.Receipt) txJSON {
	return txJSON{Tx: r.TxHash.Hex(), BlockNumber: r.BlockNumber.Uint64(), GasUsed: r.GasUsed}
}

func runRegistryDigest(_ context.Context, env *cliEnv, args []string) int {
	return offlineSub(env, "registry digest", "FILE", args, func(path string) (any, error) {
		d, err := registry.ArtifactDigest(path)
		if err != nil {
			return nil, err
		}
		return map[string]string{"path": path, "artifact_digest": hex32(d)}, nil
	})
}

func runRegistryLogID(_ context.Context, env *cliEnv, args []string) int {
	return offlineSub(env, "registry logid", "ORIGIN", args, func(origin string) (any, error) {
		return map[string]string{"origin": origin, "log_id": registry.LogIDFor(origin).String()}, nil
	})
}

func runRegistryDeploy(ctx context.Context, env *cliEnv, args []string) int {
	return chainSub{name: "registry deploy", key: true,
		call: func(ctx context.Context, s *regSession) (any, error) {
			r, rcpt, err := registry.Deploy(ctx, s.client, s.auth, nil)
			if err != nil {
				return nil, err
			}
			return struct {
				Contract string `json:"contract"`
				Admin    string `json:"admin"`
				txJSON
			}{r.Address().Hex(), s.auth.From.Hex(), txOut(rcpt)}, nil
		},
	}.run(ctx, env, args)
}

func runRegistryRegisterModel(ctx context.Context, env *cliEnv, args []string) int {
	var name, version, file, meta *string
	var digest [32]byte
	var lf lineageFlags
	var lin registry.Lineage
	return chainSub{name: "registry register-model", contract: true, key: true,
		flags: func(fs *flag.FlagSet) func() error {
			name, version = modelFlags(fs)
			file = fs.String("file", "", "model artifact; its SHA-256 is registered (required)")
			meta = fs.String("metadata", "", "metadata URI (model card)")
			lf = addLineageFlags(fs)
			return func() (err error) {
				if err := required(fs, "name", "version", "file"); err != nil {
					return err
				}
				if digest, err = registry.ArtifactDigest(*file); err != nil {
					return err
				}
				lin, err = lf.binding()
				return err
			}
		},
		call: func(ctx context.Context, s *regSession) (any, error) {
			rcpt, err := s.reg.RegisterModel(ctx, s.auth, *name, *version, digest, lin, *meta)
			if err != nil {
				return nil, err
			}
			return struct {
				Name           string      `json:"name"`
				Version        string      `json:"version"`
				ArtifactDigest string      `json:"artifact_digest"`
				Lineage        lineageJSON `json:"lineage"`
				txJSON
			}{*name, *version, hex32(digest), lineageOut(lin), txOut(rcpt)}, nil
		},
	}.run(ctx, env, args)
}

func runRegistryDeprecate(ctx context.Context, env *cliEnv, args []string) int {
	var name, version, reason *string
	return chainSub{name: "registry deprecate", contract: true, key: true,
		flags: func(fs *flag.FlagSet) func() error {
			name, version = modelFlags(fs)
			reason = fs.String("reason", "", "why the version is deprecated")
			return func() error { return required(fs, "name", "version") }
		},
		call: func(ctx context.Context, s *regSession) (any, error) {
			rcpt, err := s.reg.DeprecateModel(ctx, s.auth, *name, *version, *reason)
			if err != nil {
				return nil, err
			}
			return txOut(rcpt), nil
		},
	}.run(ctx, env, args)
}

// modelJSON is the output of `registry model`.
type modelJSON struct {
	Name              string      `json:"name"`
	Version           string      `json:"version"`
	ArtifactDigest    string      `json:"artifact_digest"`
	MetadataURI       string      `json:"metadata_uri"`
	Publisher         string      `json:"publisher"`
	BlockNumber       uint64      `json:"block_number"`
	Deprecated        bool        `json:"deprecated"`
	DeprecationReason string      `json:"deprecation_reason"`
	Lineage           lineageJSON `json:"lineage"`
	Check             *checkJSON  `json:"check,omitempty"`
}

type checkJSON struct {
	Path           string `json:"path"`
	ArtifactDigest string `json:"artifact_digest"`
	Match          bool   `json:"match"`
}

func runRegistryModel(ctx context.Context, env *cliEnv, args []string) int {
	var name, version, check *string
	var digest [32]byte
	return chainSub{name: "registry model", contract: true,
		flags: func(fs *flag.FlagSet) func() error {
			name, version = modelFlags(fs)
			check = fs.String("check", "", "a model file to check against the registered digest")
			return func() (err error) {
				if err := required(fs, "name", "version"); err != nil || *check == "" {
					return err
				}
				digest, err = registry.ArtifactDigest(*check)
				return err
			}
		},
		call: func(ctx context.Context, s *regSession) (any, error) {
			m, err := s.reg.Model(ctx, *name, *version)
			if err != nil {
				return nil, err
			}
			out := modelJSON{
				Name: m.Name, Version: m.Version, ArtifactDigest: hex32(m.ArtifactDigest), MetadataURI: m.MetadataURI,
				Publisher: m.Publisher.Hex(), BlockNumber: m.BlockNumber, Deprecated: m.Deprecated, DeprecationReason: m.DeprecationReason,
				Lineage: lineageOut(m.Lineage),
			}
			if *check == "" {
				return out, nil
			}
			out.Check = &checkJSON{Path: *check, ArtifactDigest: hex32(digest), Match: digest == m.ArtifactDigest}
			if !out.Check.Match {
				return out, fmt.Errorf("%s: digest %s differs from %s registered for %s %s", *check, hex32(digest), hex32(m.ArtifactDigest), *name, *version)
			}
			return out, nil
		},
	}.run(ctx, env, args)
}

func runRegistryVersions(ctx context.Context, env *cliEnv, args []string) int {
	var name *string
	return chainSub{name: "registry versions", contract: true,
		flags: func(fs *flag.FlagSet) func() error {
			name = fs.String("name", "", "model name (required)")
			return func() error { return required(fs, "name") }
		},
		call: func(ctx context.Context, s *regSession) (any, error) {
			v, err := s.reg.Versions(ctx, *name)
			if err != nil {
				return nil, err
			}
			if v == nil {
				v = []string{}
			}
			return map[string]any{"name": *name, "versions": v}, nil
		},
	}.run(ctx, env, args)
}

func runRegistryRegisterLog(ctx context.Context, env *cliEnv, args []string) int {
	var origin, pub, anchorer *string
	var pk [32]byte
	return chainSub{name: "registry register-log", contract: true, key: true,
		flags: func(fs *flag.FlagSet) func() error {
			origin = fs.String("origin", "", "the log's checkpoint origin line (default: the name of a note verifier key)")
			pub = fs.String("public-key", "", "the log's key: its note verifier key (glassbox log init), verifier.key, base64 or hex (required)")
			anchorer = fs.String("anchorer", "", "address allowed to anchor the log (required)")
			return func() (err error) {
				if err := required(fs, "public-key"); err != nil {
					return err
				}
				k, err := readLogKey(*pub)
				if err != nil {
					return fmt.Errorf("--public-key: %w", err)
				}
				switch {
				case *origin == "" && k.Name == "":
					return errors.New("--origin is required with a bare public key")
				case *origin == "":
					*origin = k.Name
				case k.Name != "" && k.Name != *origin:
					return fmt.Errorf("--public-key is the key of log %q, not of --origin %q", k.Name, *origin)
				}
				copy(pk[:], k.PublicKey)
				if !common.IsHexAddress(*anchorer) {
					return fmt.Errorf("--anchorer %q is not an address", *anchorer)
				}
				return nil
			}
		},
		call: func(ctx context.Context, s *regSession) (any, error) {
			rcpt, err := s.reg.RegisterLog(ctx, s.auth, *origin, ed25519.PublicKey(pk[:]), common.HexToAddress(*anchorer))
			if err != nil {
				return nil, err
			}
			return struct {
				LogID registry.LogID `json:"log_id"`
				txJSON
			}{registry.LogIDFor(*origin), txOut(rcpt)}, nil
		},
	}.run(ctx, env, args)
}

// logJSON is the output of `registry log`.
type logJSON struct {
	LogID     string `json:"log_id"`
	Origin    string `json:"origin"`
	PublicKey string `json:"public_key"`
	// VerifierKey is the same key as a note verifier key, the form that
	// glassbox log init prints (every --log-key takes either).
	VerifierKey string      `json:"verifier_key"`
	Anchorer    string      `json:"anchorer"`
	LatestSize  uint64      `json:"latest_size"`
	Anchor      *anchorJSON `json:"anchor"`
}

type anchorJSON struct {
	TreeSize    uint64 `json:"tree_size"`
	Root        string `json:"root"`
	BlockNumber uint64 `json:"block_number"`
}

func runRegistryLog(ctx context.Context, env *cliEnv, args []string) int {
	var origin, logID, size *string
	var id registry.LogID
	var n uint64
	return chainSub{name: "registry log", contract: true,
		flags: func(fs *flag.FlagSet) func() error {
			origin = fs.String("origin", "", "the log's origin line")
			logID = fs.String("log-id", "", "the log id (hex), instead of --origin")
			size = fs.String("size", "", "show the anchor of exactly this tree size instead of the latest")
			return func() (err error) {
				switch {
				case *origin != "" && *logID == "":
					id = registry.LogIDFor(*origin)
				case *origin == "" && *logID != "":
					if id, err = parse32(*logID); err != nil {
						return fmt.Errorf("--log-id: %w", err)
					}
				default:
					return errors.New("give exactly one of --origin and --log-id")
				}
				if *size != "" {
					if n, err = strconv.ParseUint(*size, 10, 64); err != nil || n == 0 {
						return fmt.Errorf("--size %q is not a positive integer", *size)
					}
				}
				return nil
			}
		},
		call: func(ctx context.Context, s *regSession) (any, error) {
			info, err := s.reg.Log(ctx, id)
			if err != nil {
				return nil, err
			}
			var a registry.Anchor
			if n > 0 {
				a, err = s.reg.RootAt(ctx, id, n)
			} else {
				a, err = s.reg.LatestAnchor(ctx, id)
			}
			if err != nil {
				return nil, err
			}
			out := logJSON{LogID: id.String(), Origin: info.Origin, PublicKey: base64.StdEncoding.EncodeToString(info.PublicKey),
				Anchorer: info.Anchorer.Hex(), LatestSize: info.LatestSize,
				VerifierKey: verify.LogKey{Name: info.Origin, PublicKey: info.PublicKey}.String()}
			if a.TreeSize > 0 {
				out.Anchor = &anchorJSON{TreeSize: a.TreeSize, Root: hex32(a.Root), BlockNumber: a.BlockNumber}
			}
			return out, nil
		},
	}.run(ctx, env, args)
}

// modelEventJSON is one entry of `registry models`.
type modelEventJSON struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	ArtifactDigest string      `json:"artifact_digest"`
	MetadataURI    string      `json:"metadata_uri"`
	Publisher      string      `json:"publisher"`
	Lineage        lineageJSON `json:"lineage"`
	BlockNumber    uint64      `json:"block_number"`
	TxHash         string      `json:"tx_hash"`
}

func runRegistryModels(ctx context.Context, env *cliEnv, args []string) int {
	var name *string
	var from *uint64
	return chainSub{name: "registry models", contract: true,
		flags: func(fs *flag.FlagSet) func() error {
			name = fs.String("name", "", "only this model's versions")
			from = fs.Uint64("from-block", 0, "first block to search (the contract's deployment block saves work)")
			return nil
		},
		call: func(ctx context.Context, s *regSession) (any, error) {
			evs, err := s.reg.ModelEvents(ctx, *name, *from, nil)
			if err != nil {
				return nil, err
			}
			out := make([]modelEventJSON, len(evs))
			for i, e := range evs {
				out[i] = modelEventJSON{Name: e.Name, Version: e.Version, ArtifactDigest: hex32(e.ArtifactDigest), MetadataURI: e.MetadataURI,
					Publisher: e.Publisher.Hex(), Lineage: lineageOut(e.Lineage), BlockNumber: e.BlockNumber, TxHash: e.TxHash.Hex()}
			}
			return map[string]any{"models": out}, nil
		},
	}.run(ctx, env, args)
}
