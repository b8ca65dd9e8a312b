package main

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/reproduce"
)

// reproduceCommand is `glassbox reproduce RECEIPT... --model FILE
// --log-key KEY [--rpc URL --contract ADDR]`: re-executes decisions
// (package reproduce), one JSON line per receipt.
func reproduceCommand() command {
	return command{name: "reproduce", summary: "re-execute receipts' decisions with the model artifact (exit 0 all reproduce, 1 one does not, 2 bad input)", run: runReproduce}
}

// reproduceOutput is the JSON line `glassbox reproduce` prints for each
// receipt.
type reproduceOutput struct {
	// Receipt is the file read, when more than one is given.
	Receipt    string   `json:"receipt,omitempty"`
	Reproduced bool     `json:"reproduced"`
	DecisionID string   `json:"decision_id,omitempty"`
	Model      string   `json:"model,omitempty"`
	Score      *float64 `json:"score,omitempty"`
	Checked    []string `json:"checked,omitempty"`
	Unchecked  []string `json:"unchecked,omitempty"`
	// Registered says whether the artifact's digest is the one the
	// contract holds for the model version: "not checked" without --rpc.
	Registered string `json:"registered,omitempty"`
	// On a mismatch: what differs.
	Part       string `json:"part,omitempty"`
	Feature    string `json:"feature,omitempty"`
	Recorded   string `json:"recorded,omitempty"`
	Recomputed string `json:"recomputed,omitempty"`
	Error      string `json:"error,omitempty"`
}

func runReproduce(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlagSet(env, "reproduce")
	modelFile := fs.String("model", "", "the model artifact (XGBoost JSON) the decisions name (required)")
	logKey := fs.String("log-key", "", "the log's note verifier key, or a file holding it (required)")
	rpc := fs.String("rpc", "", "a JSON-RPC endpoint: also check that the artifact is the one registered for the model version")
	contract := fs.String("contract", "", "the registry contract's address (with --rpc)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return parseExit(err)
	}
	switch {
	case len(pos) == 0:
		return usageErr(env, "reproduce", "want one or more receipt files")
	case *modelFile == "":
		return usageErr(env, "reproduce", "--model is required")
	case *logKey == "":
		return usageErr(env, "reproduce", "--log-key is required")
	case (*rpc == "") != (*contract == ""):
		return usageErr(env, "reproduce", "--rpc and --contract go together")
	case *contract != "" && !common.IsHexAddress(*contract):
		return usageErr(env, "reproduce", "--contract %q is not an address", *contract)
	}
	key, err := readLogKey(*logKey)
	if err != nil {
		return usageErr(env, "reproduce", "--log-key: %v", err)
	}
	model, err := readModelFile(*modelFile)
	if err != nil {
		return usageErr(env, "reproduce", "--model: %v", err)
	}
	rp := &reproducer{env: env, key: key, checker: reproduce.NewChecker(model), named: len(pos) > 1}
	if *rpc != "" {
		c, err := ethclient.DialContext(ctx, *rpc)
		if err != nil {
			return usageErr(env, "reproduce", "--rpc %s: %v", *rpc, err)
		}
		defer c.Close()
		if rp.reg, err = registry.New(ctx, c, common.HexToAddress(*contract), nil); err != nil {
			return failed(env, "reproduce", "%v", err)
		}
		rp.versions = make(map[string]registeredVersion)
	}
	code := exitOK
	for _, name := range pos {
		code = max(code, rp.one(ctx, name))
	}
	return code
}

// reproducer re-executes receipts one by one with one artifact, one key
// and, with --rpc, one registry client (each model version read once).
type reproducer struct {
	env      *cliEnv
	key      verify.LogKey
	checker  *reproduce.Checker
	named    bool
	reg      *registry.Client
	versions map[string]registeredVersion
}

// registeredVersion is a model version as the contract holds it, or the
// error reading it gave.
type registeredVersion struct {
	mv  registry.ModelVersion
	err error
}

// one re-executes the receipt in file name and prints its line; it
// returns the command's exit code for that receipt.
func (rp *reproducer) one(ctx context.Context, name string) int {
	env := rp.env
	out := reproduceOutput{}
	if rp.named {
		out.Receipt = name
	}
	// bad reports bad input: on stderr, and as a line when many receipts
	// are read, so that every receipt has one.
	bad := func(format string, args ...any) int {
		if rp.named {
			out.Error = fmt.Sprintf(format, args...)
			writeJSON(env.stdout, out)
			format = name + ": " + format
		}
		return usageErr(env, "reproduce", format, args...)
	}
	b, err := readReceiptFile(name)
	if err != nil {
		return bad("%v", err)
	}
	r, reformatted, err := receipt.ParseReformatted(b)
	if err != nil {
		return bad("%v", err)
	}
	if reformatted {
		fmt.Fprintf(env.stderr, "glassbox reproduce: note: %s was re-indented; its compact form, the receipt itself, is what was read\n", name)
	}
	if rp.key.Name != "" && rp.key.Name != r.Origin {
		return bad("--log-key is the key of log %q, but the receipt is from log %q", rp.key.Name, r.Origin)
	}
	v, err := rp.key.Verifier(r.Origin)
	if err != nil {
		return bad("--log-key: %v", err)
	}
	res, err := receipt.Verify(r, v)
	if err != nil {
		out.Error = "the receipt does not verify: " + err.Error()
		writeJSON(env.stdout, out)
		return failed(env, "reproduce", "%s: the receipt does not verify: %v", name, err)
	}
	got, err := rp.checker.Check(res, r)
	var me *reproduce.MismatchError
	switch {
	case errors.As(err, &me):
		out.DecisionID, out.Model = res.Leaf.DecisionID, res.Leaf.Model.Name+"@"+res.Leaf.Model.Version
		out.Part, out.Feature, out.Recorded, out.Recomputed, out.Error = string(me.Part), me.Feature, me.Recorded, me.Recomputed, err.Error()
		writeJSON(env.stdout, out)
		return failed(env, "reproduce", "%s: %v", name, err)
	case err != nil:
		return bad("%v", err)
	}
	out.Reproduced, out.DecisionID, out.Model = true, got.DecisionID, got.Model.Name+"@"+got.Model.Version
	out.Score, out.Unchecked, out.Registered = &got.Score, got.Unchecked, "not checked (no --rpc)"
	for _, p := range got.Checked {
		out.Checked = append(out.Checked, string(p))
	}
	if rp.reg != nil {
		id := got.Model.Name + "@" + got.Model.Version
		rv, ok := rp.versions[id]
		if !ok {
			rv.mv, rv.err = rp.reg.Model(ctx, got.Model.Name, got.Model.Version)
			rp.versions[id] = rv
		}
		if rv.err != nil {
			out.Reproduced, out.Registered, out.Error = false, "no", rv.err.Error()
			writeJSON(env.stdout, out)
			return failed(env, "reproduce", "%s: the model version on chain: %v", name, rv.err)
		}
		mv := rv.mv
		if mv.ArtifactDigest != [32]byte(got.Model.ArtifactDigest) {
			out.Reproduced, out.Registered = false, "no"
			out.Error = fmt.Sprintf("the contract registers artifact sha256 %s for %s, the leaf names %s",
				hex.EncodeToString(mv.ArtifactDigest[:]), id, hex.EncodeToString(got.Model.ArtifactDigest[:]))
			writeJSON(env.stdout, out)
			return failed(env, "reproduce", "%s: %s", name, out.Error)
		}
		out.Registered = fmt.Sprintf("yes: registered in block %d", mv.BlockNumber)
		if mv.Deprecated {
			out.Registered += " (deprecated: " + mv.DeprecationReason + ")"
		}
		out.Unchecked = slices.DeleteFunc(out.Unchecked, func(u string) bool { return u == reproduce.UncheckedRegistration })
	}
	if err := writeJSON(env.stdout, out); err != nil {
		return failed(env, "reproduce", "%v", err)
	}
	return exitOK
}

// readModelFile reads a model artifact of at most
// explain.DefaultMaxModelBytes.
func readModelFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, explain.DefaultMaxModelBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > explain.DefaultMaxModelBytes {
		return nil, fmt.Errorf("%s is over %d bytes", name, explain.DefaultMaxModelBytes)
	}
	return b, nil
}
