package main

import (
	"context"
	"errors"
	"flag"
	"os"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
)

// verifyCommand is `glassbox verify RECEIPT --log-key KEY [--id ID]`: checks a
// decision receipt offline (docs/receipts.md).
func verifyCommand() command {
	return command{name: "verify", summary: "verify a decision receipt offline (exit 0 valid, 1 invalid)", run: runVerify}
}

// verifyOptions are the options of `glassbox verify`. Chain checks (the
// anchor's root on the registry contract) hook in after the offline checks:
// add their flags in verifyFlags and their check in verifyChecks.
type verifyOptions struct {
	logKey *string
	id     *string
	chain  *chainOptions // verify_chain.go
}

func verifyFlags(fs *flag.FlagSet) *verifyOptions {
	return &verifyOptions{
		logKey: fs.String("log-key", "", "the log's note verifier key (name+hash+base64), or a file holding it"),
		id:     fs.String("id", "", "also require the receipt to be for this decision id"),
		chain:  verifyChainFlags(fs),
	}
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
	Anchored   *bool    `json:"anchored,omitempty"`
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

// readVerifierKey accepts a verifier key or the name of a file holding one.
func readVerifierKey(s string) (note.Verifier, error) {
	v, err := note.NewVerifier(strings.TrimSpace(s))
	if err == nil {
		return v, nil
	}
	b, ferr := os.ReadFile(s)
	if ferr != nil {
		return nil, err
	}
	return note.NewVerifier(strings.TrimSpace(string(b)))
}

func runVerify(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlagSet(env, "verify")
	opts := verifyFlags(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) != 1 {
		return usageErr(env, "verify", "want exactly one receipt file, got %d arguments (usage: glassbox verify RECEIPT --log-key KEY [--id ID])", len(pos))
	}
	if *opts.logKey == "" {
		return usageErr(env, "verify", "--log-key is required")
	}
	if err := opts.chain.validate(); err != nil {
		return usageErr(env, "verify", "%v", err)
	}
	v, err := readVerifierKey(*opts.logKey)
	if err != nil {
		return usageErr(env, "verify", "--log-key: %v", err)
	}
	b, err := os.ReadFile(pos[0])
	if err != nil {
		return usageErr(env, "verify", "%v", err)
	}
	out := verifyOutput{}
	r, err := receipt.Parse(b)
	if err != nil {
		out.Check, out.Error = "format", err.Error()
		writeJSON(env.stdout, out)
		return failed(env, "verify", "%v", err)
	}
	var res *receipt.Result
	if *opts.id != "" {
		res, err = receipt.VerifyDecision(r, v, *opts.id)
	} else {
		res, err = receipt.Verify(r, v)
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
	anchored := res.Anchor != nil
	out = verifyOutput{
		Valid: true, DecisionID: res.Leaf.DecisionID, Kind: res.Leaf.Kind.String(),
		Index: &res.Index, TreeSize: &res.Checkpoint.Size, Origin: res.Checkpoint.Origin, Anchored: &anchored,
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
