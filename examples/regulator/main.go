// Command regulator is the regulator's side of Glassbox: it checks a lending
// service's audit log against the chain, trusting nothing the service says.
//
// For every anchor of the log on the contract (its Anchored events), it asks
// the service for its checkpoint of that size and checks that the checkpoint
// is signed by the key registered on the contract, that its root is the
// root on the contract, and that each anchored tree extends the one before
// it (consistency proofs). It checks that the service's latest checkpoint
// extends the latest anchor. Then it verifies a random sample of decision
// receipts end to end (signature, inclusion, disclosed commitments,
// consistency to the anchor, the anchor's root on chain).
//
//	go run ./examples/regulator                    # demo: a log on a simulated chain, in process
//	go run ./examples/regulator --tamper           # demo: the operator edits one decision; names the first bad checkpoint and the leaf
//	go run ./examples/regulator --service http://127.0.0.1:8080 --tokens FILE --rpc http://127.0.0.1:8545 --contract 0x..
//
// The last form audits a running `examples/lending --http` service anchored
// on a real node (anvil, for instance), with the regulator's bearer token
// from a tokens file ("regulator TOKEN" line; docs/http.md). It prints a JSON report and exits 0
// when everything verified, 1 when something did not, 2 on bad usage.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/registry"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("regulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	service := fs.String("service", "", "base URL of the lending service's HTTP API (default: an in-process demo)")
	rpcURL := fs.String("rpc", "", "Ethereum JSON-RPC URL (with --service)")
	contract := fs.String("contract", "", "GlassboxRegistry address (with --service)")
	tokens := fs.String("tokens", "", "tokens file holding the regulator's bearer token (with --service)")
	sample := fs.Int("sample", 20, "receipts to verify")
	decisions := fs.Int("n", 300, "decisions in the demo log")
	tamper := fs.Bool("tamper", false, "demo: the operator rewrites one decision after it was anchored")
	seed := fs.Uint64("seed", uint64(time.Now().UnixNano()), "seed of the receipt sample")
	receipts := fs.String("receipts", "", "with --service: a directory of receipts (*.json) applicants handed over; each is checked against the chain and against the service's leaf")
	modelFile := fs.String("model", "", "with --receipts: the model artifact, to re-execute a decision whose leaf changed (package reproduce)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || *sample < 0 || *decisions < 1 || (*receipts != "" && *service == "") || (*modelFile != "" && *receipts == "") {
		fmt.Fprintln(stderr, "regulator: bad arguments")
		return 2
	}
	rng := rand.New(rand.NewPCG(*seed, 0x5eed))

	var (
		op  Operator
		reg *registry.Client
		ev  *Evidence
	)
	if *service != "" {
		if *rpcURL == "" || !common.IsHexAddress(*contract) || *tokens == "" {
			fmt.Fprintln(stderr, "regulator: --service needs --rpc, --contract and --tokens")
			return 2
		}
		token, err := regulatorToken(*tokens)
		if err != nil {
			fmt.Fprintln(stderr, "regulator:", err)
			return 2
		}
		c, err := ethclient.DialContext(ctx, *rpcURL)
		if err != nil {
			fmt.Fprintln(stderr, "regulator:", err)
			return 2
		}
		defer c.Close()
		if reg, err = registry.New(ctx, c, common.HexToAddress(*contract), nil); err != nil {
			fmt.Fprintln(stderr, "regulator:", err)
			return 1
		}
		if op, err = newHTTPOperator(ctx, *service, token); err != nil {
			fmt.Fprintln(stderr, "regulator:", err)
			return 1
		}
		if ev, err = readEvidence(*receipts, *modelFile); err != nil {
			fmt.Fprintln(stderr, "regulator:", err)
			return 2
		}
	} else {
		d, err := startDemo(ctx, *decisions, *tamper, stderr)
		if err != nil {
			fmt.Fprintln(stderr, "regulator: demo:", err)
			return 1
		}
		defer d.close()
		op, reg, ev = d.operator, d.reg, d.evidence
	}
	rep, err := audit(ctx, op, reg, *sample, rng, ev)
	if err != nil {
		fmt.Fprintln(stderr, "regulator:", err)
		return 1
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		return 1
	}
	if !rep.OK() {
		fmt.Fprintf(stderr, "regulator: the log does NOT verify against the chain (%d failures)\n", len(rep.Failures))
		if rep.FirstFailingCheckpoint != 0 {
			fmt.Fprintf(stderr, "regulator: first checkpoint failing against the chain: tree size %d (the last that verified: %d)\n", rep.FirstFailingCheckpoint, rep.LastGoodCheckpoint)
		}
		for _, c := range rep.ChangedLeaves {
			fmt.Fprintf(stderr, "regulator: leaf %d (decision %s) changed: %s\n", c.Index, c.DecisionID, strings.Join(c.Differs, "; "))
			if c.Reproduce != "" {
				fmt.Fprintf(stderr, "regulator: reproduce of the operator's decision %s: %s\n", c.DecisionID, c.Reproduce)
			}
		}
		return 1
	}
	fmt.Fprintf(stderr, "regulator: %d anchors and %d receipts verified against contract %s\n", rep.AnchorsChecked, rep.ReceiptsVerified, rep.Contract)
	return 0
}

// regulatorToken returns the regulator's token from a tokens file.
func regulatorToken(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	m, err := access.ParseTokens(f)
	if err != nil {
		return "", err
	}
	for tok, role := range m {
		if role == access.RoleRegulator {
			return tok, nil
		}
	}
	return "", fmt.Errorf("%s holds no regulator token", path)
}
