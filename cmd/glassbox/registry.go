package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"encoding/base64"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

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
		{"register-model", "--rpc URL --contract A --key-file F --name N --version V --file F [--metadata URI]", "publish a model version", runRegistryRegisterModel},
		{"deprecate", "--rpc URL --contract A --key-file F --name N --version V [--reason R]", "deprecate a model version", runRegistryDeprecate},
		{"model", "--rpc URL --contract A --name N --version V [--check FILE]", "show a model version; --check exits 1 unless FILE matches its digest", runRegistryModel},
		{"versions", "--rpc URL --contract A --name N", "list a model's versions", runRegistryVersions},
		{"models", "--rpc URL --contract A [--name N] [--from-block B]", "list published model versions from the chain's events", runRegistryModels},
		{"register-log", "--rpc URL --contract A --key-file F --origin O --public-key K --anchorer ADDR", "register a log (K: base64 or hex Ed25519 key)", runRegistryRegisterLog},
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
		cf.keyFile = fs.String("key-file", "", "file holding the sender's hex secp256k1 private key (required)")
	}
	return cf
}

// regSession is an open connection to the contract.
type regSession struct {
	client *ethclient.Client
	reg    *registry.Client
	auth   *bind.TransactOpts
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
		if !common.IsHexAddress(*cf.contract) {
			return nil, usageErr(env, cmd, "--contract %q is not an address", *cf.contract)
		}
		addr = common.HexToAddress(*cf.contract)
	}
	var key *ecdsa.PrivateKey
	if cf.keyFile != nil {
		if *cf.keyFile == "" {
			return nil, usageErr(env, cmd, "--key-file is required")
		}
		raw, err := os.ReadFile(*cf.keyFile)
		if err != nil {
			return nil, usageErr(env, cmd, "%v", err)
		}
		key, err = crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(string(raw)), "0x"))
		if err != nil {
			return nil, usageErr(env, cmd, "%s: not a hex secp256k1 private key", *cf.keyFile)
		}
	}
	c, err := ethclient.DialContext(ctx, *cf.rpc)
	if err != nil {
		return nil, usageErr(env, cmd, "dial %s: %v", *cf.rpc, err)
	}
	s := &regSession{client: c}
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

// chainErr reports an error from the chain: a contract revert or a check
// is exitFailed, anything else too (the node answered something unusable).
func chainErr(env *cliEnv, cmd string, err error) int {
	return failed(env, cmd, "%v", err)
}

func withTimeout(ctx context.Context, cf chainFlags) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, *cf.timeout)
}

func runRegistryDigest(_ context.Context, env *cliEnv, args []string) int {
	const cmd = "registry digest"
	fs := newFlagSet(env, cmd)
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() != 1 {
		return usageErr(env, cmd, "want exactly one FILE")
	}
	d, err := registry.ArtifactDigest(fs.Arg(0))
	if err != nil {
		return usageErr(env, cmd, "%v", err)
	}
	writeJSON(env.stdout, map[string]string{"path": fs.Arg(0), "artifact_digest": hex32(d)})
	return exitOK
}

func runRegistryLogID(_ context.Context, env *cliEnv, args []string) int {
	const cmd = "registry logid"
	fs := newFlagSet(env, cmd)
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() != 1 || fs.Arg(0) == "" {
		return usageErr(env, cmd, "want exactly one non-empty ORIGIN")
	}
	writeJSON(env.stdout, map[string]string{"origin": fs.Arg(0), "log_id": hex32(registry.LogID(fs.Arg(0)))})
	return exitOK
}

func runRegistryDeploy(ctx context.Context, env *cliEnv, args []string) int {
	const cmd = "registry deploy"
	fs := newFlagSet(env, cmd)
	cf := addChainFlags(fs, false, true)
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	ctx, cancel := withTimeout(ctx, cf)
	defer cancel()
	s, code := cf.open(ctx, env, cmd)
	if code != exitOK {
		return code
	}
	defer s.close()
	r, rcpt, err := registry.Deploy(ctx, s.client, s.auth, nil)
	if err != nil {
		return chainErr(env, cmd, err)
	}
	writeJSON(env.stdout, struct {
		Contract string `json:"contract"`
		Admin    string `json:"admin"`
		txJSON
	}{r.Address().Hex(), s.auth.From.Hex(), txOut(rcpt)})
	return exitOK
}

func runRegistryRegisterModel(ctx context.Context, env *cliEnv, args []string) int {
	const cmd = "registry register-model"
	fs := newFlagSet(env, cmd)
	cf := addChainFlags(fs, true, true)
	name := fs.String("name", "", "model name (required)")
	version := fs.String("version", "", "model version (required)")
	file := fs.String("file", "", "model artifact; its SHA-256 is registered (required)")
	meta := fs.String("metadata", "", "metadata URI (model card)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if *name == "" || *version == "" || *file == "" {
		return usageErr(env, cmd, "--name, --version and --file are required")
	}
	d, err := registry.ArtifactDigest(*file)
	if err != nil {
		return usageErr(env, cmd, "%v", err)
	}
	ctx, cancel := withTimeout(ctx, cf)
	defer cancel()
	s, code := cf.open(ctx, env, cmd)
	if code != exitOK {
		return code
	}
	defer s.close()
	rcpt, err := s.reg.RegisterModel(ctx, s.auth, *name, *version, d, *meta)
	if err != nil {
		return chainErr(env, cmd, err)
	}
	writeJSON(env.stdout, struct {
		Name           string `json:"name"`
		Version        string `json:"version"`
		ArtifactDigest string `json:"artifact_digest"`
		txJSON
	}{*name, *version, hex32(d), txOut(rcpt)})
	return exitOK
}

func runRegistryDeprecate(ctx context.Context, env *cliEnv, args []string) int {
	const cmd = "registry deprecate"
	fs := newFlagSet(env, cmd)
	cf := addChainFlags(fs, true, true)
	name := fs.String("name", "", "model name (required)")
	version := fs.String("version", "", "model version (required)")
	reason := fs.String("reason", "", "why the version is deprecated")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if *name == "" || *version == "" {
		return usageErr(env, cmd, "--name and --version are required")
	}
	ctx, cancel := withTimeout(ctx, cf)
	defer cancel()
	s, code := cf.open(ctx, env, cmd)
	if code != exitOK {
		return code
	}
	defer s.close()
	rcpt, err := s.reg.DeprecateModel(ctx, s.auth, *name, *version, *reason)
	if err != nil {
		return chainErr(env, cmd, err)
	}
	writeJSON(env.stdout, txOut(rcpt))
	return exitOK
}

// modelJSON is the output of `registry model`.
type modelJSON struct {
	Name              string     `json:"name"`
	Version           string     `json:"version"`
	ArtifactDigest    string     `json:"artifact_digest"`
	MetadataURI       string     `json:"metadata_uri"`
	Publisher         string     `json:"publisher"`
	BlockNumber       uint64     `json:"block_number"`
	Deprecated        bool       `json:"deprecated"`
	DeprecationReason string     `json:"deprecation_reason"`
	Check             *checkJSON `json:"check,omitempty"`
}

type checkJSON struct {
	Path           string `json:"path"`
	ArtifactDigest string `json:"artifact_digest"`
	Match          bool   `json:"match"`
}

func runRegistryModel(ctx context.Context, env *cliEnv, args []string) int {
	const cmd = "registry model"
	fs := newFlagSet(env, cmd)
	cf := addChainFlags(fs, true, false)
	name := fs.String("name", "", "model name (required)")
	version := fs.String("version", "", "model version (required)")
	check := fs.String("check", "", "a model file to check against the registered digest")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if *name == "" || *version == "" {
		return usageErr(env, cmd, "--name and --version are required")
	}
	var d [32]byte
	if *check != "" {
		var err error
		if d, err = registry.ArtifactDigest(*check); err != nil {
			return usageErr(env, cmd, "%v", err)
		}
	}
	ctx, cancel := withTimeout(ctx, cf)
	defer cancel()
	s, code := cf.open(ctx, env, cmd)
	if code != exitOK {
		return code
	}
	defer s.close()
	m, err := s.reg.Model(ctx, *name, *version)
	if err != nil {
		return chainErr(env, cmd, err)
	}
	out := modelJSON{
		Name: m.Name, Version: m.Version, ArtifactDigest: hex32(m.ArtifactDigest), MetadataURI: m.MetadataURI,
		Publisher: m.Publisher.Hex(), BlockNumber: m.BlockNumber, Deprecated: m.Deprecated, DeprecationReason: m.DeprecationReason,
	}
	if *check != "" {
		out.Check = &checkJSON{Path: *check, ArtifactDigest: hex32(d), Match: d == m.ArtifactDigest}
	}
	writeJSON(env.stdout, out)
	if out.Check != nil && !out.Check.Match {
		return failed(env, cmd, "%s: digest %s differs from %s registered for %s %s", *check, hex32(d), hex32(m.ArtifactDigest), *name, *version)
	}
	return exitOK
}

func runRegistryVersions(ctx context.Context, env *cliEnv, args []string) int {
	const cmd = "registry versions"
	fs := newFlagSet(env, cmd)
	cf := addChainFlags(fs, true, false)
	name := fs.String("name", "", "model name (required)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if *name == "" {
		return usageErr(env, cmd, "--name is required")
	}
	ctx, cancel := withTimeout(ctx, cf)
	defer cancel()
	s, code := cf.open(ctx, env, cmd)
	if code != exitOK {
		return code
	}
	defer s.close()
	v, err := s.reg.Versions(ctx, *name)
	if err != nil {
		return chainErr(env, cmd, err)
	}
	if v == nil {
		v = []string{}
	}
	writeJSON(env.stdout, map[string]any{"name": *name, "versions": v})
	return exitOK
}

func runRegistryRegisterLog(ctx context.Context, env *cliEnv, args []string) int {
	const cmd = "registry register-log"
	fs := newFlagSet(env, cmd)
	cf := addChainFlags(fs, true, true)
	origin := fs.String("origin", "", "the log's checkpoint origin line (required)")
	pub := fs.String("public-key", "", "the log's Ed25519 public key, hex or base64 (required)")
	anchorer := fs.String("anchorer", "", "address allowed to anchor the log (required)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if *origin == "" {
		return usageErr(env, cmd, "--origin is required")
	}
	pk, err := parse32(*pub)
	if err != nil {
		return usageErr(env, cmd, "--public-key: %v", err)
	}
	if !common.IsHexAddress(*anchorer) {
		return usageErr(env, cmd, "--anchorer %q is not an address", *anchorer)
	}
	ctx, cancel := withTimeout(ctx, cf)
	defer cancel()
	s, code := cf.open(ctx, env, cmd)
	if code != exitOK {
		return code
	}
	defer s.close()
	rcpt, err := s.reg.RegisterLog(ctx, s.auth, *origin, ed25519.PublicKey(pk[:]), common.HexToAddress(*anchorer))
	if err != nil {
		return chainErr(env, cmd, err)
	}
	writeJSON(env.stdout, struct {
		LogID string `json:"log_id"`
		txJSON
	}{hex32(registry.LogID(*origin)), txOut(rcpt)})
	return exitOK
}

// logJSON is the output of `registry log`.
type logJSON struct {
	LogID      string      `json:"log_id"`
	Origin     string      `json:"origin"`
	PublicKey  string      `json:"public_key"`
	Anchorer   string      `json:"anchorer"`
	LatestSize uint64      `json:"latest_size"`
	Anchor     *anchorJSON `json:"anchor"`
}

type anchorJSON struct {
	TreeSize    uint64 `json:"tree_size"`
	Root        string `json:"root"`
	BlockNumber uint64 `json:"block_number"`
}

func runRegistryLog(ctx context.Context, env *cliEnv, args []string) int {
	const cmd = "registry log"
	fs := newFlagSet(env, cmd)
	cf := addChainFlags(fs, true, false)
	origin := fs.String("origin", "", "the log's origin line")
	logID := fs.String("log-id", "", "the log id (hex), instead of --origin")
	size := fs.String("size", "", "show the anchor of exactly this tree size instead of the latest")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	var id [32]byte
	switch {
	case *origin != "" && *logID == "":
		id = registry.LogID(*origin)
	case *origin == "" && *logID != "":
		var err error
		if id, err = parse32(*logID); err != nil {
			return usageErr(env, cmd, "--log-id: %v", err)
		}
	default:
		return usageErr(env, cmd, "give exactly one of --origin and --log-id")
	}
	var n uint64
	if *size != "" {
		var err error
		if n, err = strconv.ParseUint(*size, 10, 64); err != nil || n == 0 {
			return usageErr(env, cmd, "--size %q is not a positive integer", *size)
		}
	}
	ctx, cancel := withTimeout(ctx, cf)
	defer cancel()
	s, code := cf.open(ctx, env, cmd)
	if code != exitOK {
		return code
	}
	defer s.close()
	info, err := s.reg.Log(ctx, id)
	if err != nil {
		return chainErr(env, cmd, err)
	}
	var a registry.Anchor
	if n > 0 {
		a, err = s.reg.RootAt(ctx, id, n)
	} else {
		a, err = s.reg.LatestAnchor(ctx, id)
	}
	if err != nil {
		return chainErr(env, cmd, err)
	}
	out := logJSON{LogID: hex32(id), Origin: info.Origin, PublicKey: base64.StdEncoding.EncodeToString(info.PublicKey),
		Anchorer: info.Anchorer.Hex(), LatestSize: info.LatestSize}
	if a.TreeSize > 0 {
		out.Anchor = &anchorJSON{TreeSize: a.TreeSize, Root: hex32(a.Root), BlockNumber: a.BlockNumber}
	}
	writeJSON(env.stdout, out)
	return exitOK
}

// modelEventJSON is one entry of `registry models`.
type modelEventJSON struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	ArtifactDigest string `json:"artifact_digest"`
	MetadataURI    string `json:"metadata_uri"`
	Publisher      string `json:"publisher"`
	BlockNumber    uint64 `json:"block_number"`
	TxHash         string `json:"tx_hash"`
}

func runRegistryModels(ctx context.Context, env *cliEnv, args []string) int {
	const cmd = "registry models"
	fs := newFlagSet(env, cmd)
	cf := addChainFlags(fs, true, false)
	name := fs.String("name", "", "only this model's versions")
	from := fs.Uint64("from-block", 0, "first block to search (the contract's deployment block saves work)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	ctx, cancel := withTimeout(ctx, cf)
	defer cancel()
	s, code := cf.open(ctx, env, cmd)
	if code != exitOK {
		return code
	}
	defer s.close()
	evs, err := s.reg.ModelEvents(ctx, *name, *from, nil)
	if err != nil {
		return chainErr(env, cmd, err)
	}
	out := make([]modelEventJSON, len(evs))
	for i, e := range evs {
		out[i] = modelEventJSON{Name: e.Name, Version: e.Version, ArtifactDigest: hex32(e.ArtifactDigest), MetadataURI: e.MetadataURI,
			Publisher: e.Publisher.Hex(), BlockNumber: e.BlockNumber, TxHash: e.TxHash.Hex()}
	}
	writeJSON(env.stdout, map[string]any{"models": out})
	return exitOK
}
