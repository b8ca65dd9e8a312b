package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
	"github.com/glassbox-audit/glassbox/internal/strictjson"
)

// verifyCommand is `glassbox verify RECEIPT --log-key KEY [--id ID]
// [--witness VKEY ... [--witness-threshold K]]`: checks a decision receipt
// offline (docs/receipts.md), with a k-of-n witness policy (docs/witness.md).
func verifyCommand() command {
	return command{name: "verify", summary: "verify a decision receipt offline (exit 0 valid, 1 a check failed, 2 bad input)", run: runVerify}
}

// verifyOptions are the options of `glassbox verify`. Chain checks (the
// anchor's root on the registry contract) hook in after the offline checks:
// add their flags in verifyFlags and their check in verifyChecks.
type verifyOptions struct {
	logKey    *string
	id        *string
	witnesses *witnessKeysFlag
	threshold *int
	chain     *chainOptions // verify_chain.go
}

// witnessKeysFlag collects repeated --witness keys (cosignature/v1
// verifier keys, or files holding one).
type witnessKeysFlag []note.Verifier

func (f *witnessKeysFlag) String() string { return "" }

func (f *witnessKeysFlag) Set(s string) error {
	v, err := cosig.NewVerifier(strings.TrimSpace(s))
	if err != nil {
		if _, serr := os.Stat(s); serr != nil {
			return err
		}
		k, ferr := readKeyFile(s)
		if ferr != nil {
			return ferr
		}
		if v, err = cosig.NewVerifier(k); err != nil {
			return err
		}
	}
	*f = append(*f, v)
	return nil
}

func verifyFlags(fs *flag.FlagSet) *verifyOptions {
	o := &verifyOptions{
		logKey:    fs.String("log-key", "", "the log's key (note verifier key, base64 or hex; docs/cli.md), or a file holding it; with --rpc --contract, default: the key the contract holds"),
		id:        fs.String("id", "", "also require the receipt to be for this decision id"),
		witnesses: &witnessKeysFlag{},
		threshold: fs.Int("witness-threshold", 0, "how many of the --witness keys must have cosigned (default: all)"),
		chain:     verifyChainFlags(fs),
	}
	fs.Var(o.witnesses, "witness", "a witness's cosignature/v1 verifier key, or a file holding it (repeatable)")
	return o
}

// verifyOutput is the JSON line `glassbox verify` prints.
type verifyOutput struct {
	Valid      bool     `json:"valid"`
	Check      string   `json:"check,omitempty"` // the failed check
	Field      string   `json:"field,omitempty"` // the failed commitment's field
	Error      string   `json:"error,omitempty"`
	DecisionID string   `json:"decision_id,omitempty"`
	Kind       string   `json:"kind,omitempty"`
	Index      *uint64  `json:"index,omitempty"`
	TreeSize   *uint64  `json:"tree_size,omitempty"`
	Origin     string   `json:"origin,omitempty"`
	Disclosed  []string `json:"disclosed,omitempty"`
	// Cosigned lists the --witness witnesses whose cosignature verified.
	Cosigned []string `json:"cosigned,omitempty"`
	// Witnesses and Required: the policy's size and threshold (with --witness).
	Witnesses int `json:"witnesses,omitempty"`
	Required  int `json:"witness_threshold,omitempty"`
	// Anchor says what was checked of the receipt's anchor: anchorNone,
	// anchorClaimed or anchorOnChain.
	Anchor string `json:"anchor,omitempty"`
	// Reformatted: the receipt file was re-indented (white space only);
	// its compact form was verified (receipt.ParseReformatted).
	Reformatted bool `json:"reformatted,omitempty"`
}

// The values of verifyOutput.Anchor.
const (
	anchorNone    = "none"              // the receipt carries no anchor
	anchorClaimed = "claimed"           // consistent with the checkpoint, but not checked on a chain (no --rpc)
	anchorOnChain = "verified on chain" // the contract holds the anchored root (--rpc, --contract)
)

// readReceiptFile reads at most receipt.MaxSize bytes of a receipt file; a
// longer file (or an endless one such as /dev/zero) is an error, found
// without reading past the limit.
func readReceiptFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, receipt.MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > receipt.MaxSize {
		return nil, fmt.Errorf("%w: %s is over the limit of %d bytes", receipt.ErrFormat, name, receipt.MaxSize)
	}
	return b, nil
}

// parseInterspersed parses flags that may come before or after positional
// arguments and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// maxKeyFile bounds a key file: a verifier key is about 100 bytes.
const maxKeyFile = 4 << 10

// readLogKey reads a log key given on the command line: in any form
// verify.ParseLogKey reads (the note verifier key that glassbox log init
// prints, base64 as glassbox registry log prints it, hex, 0x hex), or the
// name of a file holding one, such as a log directory's verifier.key (at
// most maxKeyFile bytes).
func readLogKey(s string) (verify.LogKey, error) {
	k, err := verify.ParseLogKey(s)
	if err == nil {
		return k, nil
	}
	if _, serr := os.Stat(s); serr != nil {
		return verify.LogKey{}, err
	}
	text, ferr := readKeyFile(s)
	if ferr != nil {
		return verify.LogKey{}, ferr
	}
	if k, err = verify.ParseLogKey(text); err != nil {
		return verify.LogKey{}, fmt.Errorf("%s: %w", s, err)
	}
	return k, nil
}

// readVerifierKey is readLogKey for a key that must name its log (where
// no origin is at hand to name a bare key with).
func readVerifierKey(s string) (note.Verifier, error) {
	k, err := readLogKey(s)
	if err != nil {
		return nil, err
	}
	if k.Name == "" {
		return nil, fmt.Errorf("%w: a bare public key does not name its log; give the note verifier key (glassbox log init prints it; a log directory holds it in verifier.key)", verify.ErrLogKey)
	}
	return k.Verifier("")
}

// readKeyFile reads a key file of at most maxKeyFile bytes.
func readKeyFile(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	switch {
	case err != nil:
		return "", err
	case len(b) > maxKeyFile:
		return "", fmt.Errorf("%s is over %d bytes: not a key file", name, maxKeyFile)
	}
	return strings.TrimSpace(string(b)), nil
}

func runVerify(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlagSet(env, "verify")
	opts := verifyFlags(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) != 1 {
		return usageErr(env, "verify", "want exactly one receipt file, got %d arguments (usage: glassbox verify RECEIPT --log-key KEY [--id ID] [--witness VKEY ... [--witness-threshold K]])", len(pos))
	}
	if *opts.logKey == "" && *opts.chain.rpc == "" {
		return usageErr(env, "verify", "--log-key is required (or --rpc and --contract: the log's key is then read from the contract)")
	}
	if len(*opts.witnesses) == 0 && flagSet(fs, "witness-threshold") {
		return usageErr(env, "verify", "--witness-threshold needs --witness keys")
	}
	if t := *opts.threshold; t < 0 || t > len(*opts.witnesses) {
		return usageErr(env, "verify", "--witness-threshold %d: want 1 to the number of --witness keys (%d)", t, len(*opts.witnesses))
	}
	if err := opts.chain.validate(); err != nil {
		return usageErr(env, "verify", "%v", err)
	}
	var given *verify.LogKey
	if *opts.logKey != "" {
		k, err := readLogKey(*opts.logKey)
		if err != nil {
			return usageErr(env, "verify", "--log-key: %v", err)
		}
		given = &k
	}
	b, err := readReceiptFile(pos[0])
	if errors.Is(err, receipt.ErrFormat) {
		writeJSON(env.stdout, verifyOutput{Check: "format", Error: err.Error()})
		return usageErr(env, "verify", "%v", err)
	}
	if err != nil {
		return usageErr(env, "verify", "%v", err)
	}
	// The receipt must mean one thing before its own parser reads it:
	// valid UTF-8, one JSON value, no key twice (strictjson).
	var probe any
	if err := strictjson.Decode(b, &probe); err != nil {
		err = fmt.Errorf("%w: %w", receipt.ErrFormat, err)
		writeJSON(env.stdout, verifyOutput{Check: "format", Error: err.Error()})
		return usageErr(env, "verify", "%v", err)
	}
	r, reformatted, err := receipt.ParseReformatted(b)
	if err != nil {
		writeJSON(env.stdout, verifyOutput{Check: "format", Error: err.Error()})
		return usageErr(env, "verify", "%v", err)
	}
	if reformatted {
		fmt.Fprintln(env.stderr, "glassbox verify: note: the receipt was re-indented; its compact form, the receipt itself, is what was verified")
	}
	if given != nil && given.Name != "" && given.Name != r.Origin {
		return usageErr(env, "verify", "--log-key is the key of log %q, but the receipt is from log %q", given.Name, r.Origin)
	}
	// With --rpc --contract the contract holds the log's key: it is the
	// key when --log-key is absent, and --log-key must equal it.
	key := given
	if *opts.chain.rpc != "" {
		onChain, size, err := chainLogKey(ctx, opts.chain, r)
		if err == nil && given != nil && !given.PublicKey.Equal(onChain.PublicKey) {
			err = &receipt.VerifyError{Check: CheckChain, Err: fmt.Errorf("--log-key %s is not the key the contract holds for log %q at tree size %d (%s)",
				given, r.Origin, size, onChain)}
		}
		if err != nil {
			writeJSON(env.stdout, verifyOutput{Check: string(CheckChain), Error: err.Error()})
			return failed(env, "verify", "%v", err)
		}
		key = &onChain
	}
	v, err := key.Verifier(r.Origin)
	if err != nil {
		return usageErr(env, "verify", "--log-key: %v", err)
	}
	out := verifyOutput{}
	policy := &receipt.VerifyOptions{DecisionID: *opts.id, Witnesses: *opts.witnesses, WitnessThreshold: *opts.threshold}
	res, err := receipt.VerifyWith(r, v, policy)
	if errors.Is(err, receipt.ErrPolicy) {
		return usageErr(env, "verify", "%v", err)
	}
	if err == nil {
		err = verifyChecks(ctx, opts, r, res)
	}
	if err != nil {
		out.Error = err.Error()
		var ve *receipt.VerifyError
		if errors.As(err, &ve) {
			out.Check = string(ve.Check)
			if ve.Check == receipt.CheckCommitment {
				out.Field = ve.Field.String()
			}
		}
		writeJSON(env.stdout, out)
		return failed(env, "verify", "%v", err)
	}
	out = verifyOutput{
		Valid: true, DecisionID: res.Leaf.DecisionID, Kind: res.Leaf.Kind.String(),
		Index: &res.Index, TreeSize: &res.Checkpoint.Size, Origin: res.Checkpoint.Origin, Anchor: anchorNone,
		Reformatted: reformatted,
	}
	switch {
	case res.Anchor != nil && *opts.chain.rpc != "":
		out.Anchor = anchorOnChain // chainCheck passed; it fails a receipt without an anchor
	case res.Anchor != nil:
		out.Anchor = anchorClaimed
	}
	if n := len(*opts.witnesses); n > 0 {
		out.Cosigned, out.Witnesses, out.Required = res.Cosigned, n, *opts.threshold
		if out.Required == 0 {
			out.Required = n
		}
	}
	for _, f := range res.Disclosed {
		out.Disclosed = append(out.Disclosed, f.String())
	}
	if err := writeJSON(env.stdout, out); err != nil {
		return failed(env, "verify", "%v", err)
	}
	return exitOK
}

// verifyChecks runs the checks beyond the offline ones: the chain check of
// the anchor (verify_chain.go). It returns a *receipt.VerifyError naming
// the failed check.
func verifyChecks(ctx context.Context, opts *verifyOptions, r *receipt.Receipt, _ *receipt.Result) error {
	return chainCheck(ctx, opts.chain, r)
}
