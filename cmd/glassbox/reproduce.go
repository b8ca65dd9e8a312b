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
	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/reproduce"
)

// reproduceCommand is `glassbox reproduce RECEIPT --model FILE --log-key
// KEY [--rpc URL --contract ADDR]`: re-executes a decision (package
// reproduce).
func reproduceCommand() command {
	return command{name: "reproduce", summary: "re-execute a receipt's decision with the model artifact (exit 0 reproduces, 1 it does not, 2 bad input)", run: runReproduce}
}

// reproduceOutput is the JSON line `glassbox reproduce` prints.
type reproduceOutput struct {
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
	modelFile := fs.String("model", "", "the model artifact (XGBoost JSON) the decision names (required)")
	logKey := fs.String("log-key", "", "the log's note verifier key, or a file holding it (required)")
	rpc := fs.String("rpc", "", "a JSON-RPC endpoint: also check that the artifact is the one registered for the model version")
	contract := fs.String("contract", "", "the registry contract's address (with --rpc)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return parseExit(err)
	}
	switch {
	case len(pos) != 1:
		return usageErr(env, "reproduce", "want exactly one receipt file, got %d arguments", len(pos))
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
	b, err := readReceiptFile(pos[0])
	if err != nil {
		return usageErr(env, "reproduce", "%v", err)
	}
	r, reformatted, err := receipt.ParseReformatted(b)
	if err != nil {
		return usageErr(env, "reproduce", "%v", err)
	}
	if reformatted {
		fmt.Fprintln(env.stderr, "glassbox reproduce: note: the receipt was re-indented; its compact form, the receipt itself, is what was read")
	}
	if key.Name != "" && key.Name != r.Origin {
		return usageErr(env, "reproduce", "--log-key is the key of log %q, but the receipt is from log %q", key.Name, r.Origin)
	}
	v, err := key.Verifier(r.Origin)
	if err != nil {
		return usageErr(env, "reproduce", "--log-key: %v", err)
	}
	res, err := receipt.Verify(r, v)
	if err != nil {
		writeJSON(env.stdout, reproduceOutput{Error: "the receipt does not verify: " + err.Error()})
		return failed(env, "reproduce", "the receipt does not verify: %v", err)
	}
	got, err := reproduce.Check(res, r, model)
	var me *reproduce.MismatchError
	switch {
	case errors.As(err, &me):
		writeJSON(env.stdout, reproduceOutput{DecisionID: res.Leaf.DecisionID, Model: res.Leaf.Model.Name + "@" + res.Leaf.Model.Version,
			Part: string(me.Part), Feature: me.Feature, Recorded: me.Recorded, Recomputed: me.Recomputed, Error: err.Error()})
		return failed(env, "reproduce", "%v", err)
	case err != nil:
		return usageErr(env, "reproduce", "%v", err)
	}
	out := reproduceOutput{Reproduced: true, DecisionID: got.DecisionID, Model: got.Model.Name + "@" + got.Model.Version,
		Score: &got.Score, Unchecked: got.Unchecked, Registered: "not checked (no --rpc)"}
	for _, p := range got.Checked {
		out.Checked = append(out.Checked, string(p))
	}
	if *rpc != "" {
		c, err := ethclient.DialContext(ctx, *rpc)
		if err != nil {
			return usageErr(env, "reproduce", "--rpc %s: %v", *rpc, err)
		}
		defer c.Close()
		reg, err := registry.New(ctx, c, common.HexToAddress(*contract), nil)
		if err != nil {
			return failed(env, "reproduce", "%v", err)
		}
		mv, err := reg.Model(ctx, got.Model.Name, got.Model.Version)
		if err != nil {
			out.Reproduced, out.Registered, out.Error = false, "no", err.Error()
			writeJSON(env.stdout, out)
			return failed(env, "reproduce", "the model version on chain: %v", err)
		}
		if mv.ArtifactDigest != [32]byte(got.Model.ArtifactDigest) {
			out.Reproduced, out.Registered = false, "no"
			out.Error = fmt.Sprintf("the contract registers artifact sha256 %s for %s@%s, the leaf names %s",
				hex.EncodeToString(mv.ArtifactDigest[:]), got.Model.Name, got.Model.Version, hex.EncodeToString(got.Model.ArtifactDigest[:]))
			writeJSON(env.stdout, out)
			return failed(env, "reproduce", "%s", out.Error)
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
