// Command applicant is the applicant's side of Glassbox: it checks one
// decision receipt, trusting only the chain, and says in plain words what it
// proves.
//
//	go run ./examples/applicant --receipt receipt.json --rpc URL --contract ADDR
//	go run ./examples/applicant --service http://127.0.0.1:8080 --link TOKEN [--id app-0000001] --rpc URL --contract ADDR
//	go run ./examples/applicant --devnet devnet.json    # demo: what `glassbox devnet` printed
//
// The receipt comes from a file or from the lending service's
// GET /v1/receipts/{token} (examples/lending --http), with the capability
// token the lender handed the applicant (docs/http.md); --id, if given,
// is the decision the receipt must be of. The log's signing key is
// read from the GlassboxRegistry contract, not from the lender: the check is
// anchor.VerifyReceipt (signature, inclusion, the disclosed values against
// their commitments, consistency to the anchor, the anchor's root on the
// contract). Exit code 0: verified; 1: not verified; 2: bad usage.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/registry"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("applicant", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("receipt", "", "receipt file (JSON)")
	service := fs.String("service", "", "base URL of the lending service (with --link)")
	link := fs.String("link", "", "the capability token the lender gave you, to fetch the receipt from --service")
	id := fs.String("id", "", "the decision id the receipt must be of (optional)")
	rpcURL := fs.String("rpc", "", "Ethereum JSON-RPC URL (required)")
	contract := fs.String("contract", "", "GlassboxRegistry address (required)")
	devnet := fs.String("devnet", "", "demo: the JSON line `glassbox devnet` printed (a file, - for stdin), instead of --service, --link, --id, --rpc and --contract")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *devnet != "" {
		if *file != "" || *service != "" || *link != "" || *id != "" || *rpcURL != "" || *contract != "" {
			fmt.Fprintln(stderr, "applicant: --devnet replaces the other flags")
			return 2
		}
		d, err := readDevnet(*devnet, os.Stdin)
		if err != nil {
			fmt.Fprintln(stderr, "applicant: --devnet:", err)
			return 2
		}
		*service, *link, *id, *rpcURL, *contract = d.Service, d.LinkToken, d.DecisionID, d.RPC, d.Contract
	}
	if fs.NArg() > 0 || (*file == "") == (*service == "") || (*service != "") != (*link != "") ||
		*rpcURL == "" || !common.IsHexAddress(*contract) {
		fmt.Fprintln(stderr, "usage: applicant (--receipt FILE | --service URL --link TOKEN) [--id ID] --rpc URL --contract ADDR")
		return 2
	}
	var (
		b   []byte
		err error
	)
	if *file != "" {
		b, err = os.ReadFile(*file)
	} else {
		b, err = fetch(ctx, *service, *link)
	}
	if err != nil {
		fmt.Fprintln(stderr, "applicant:", err)
		return 2
	}
	c, err := ethclient.DialContext(ctx, *rpcURL)
	if err != nil {
		fmt.Fprintln(stderr, "applicant:", err)
		return 2
	}
	defer c.Close()
	reg, err := registry.New(ctx, c, common.HexToAddress(*contract), nil)
	if err != nil {
		fmt.Fprintln(stderr, "applicant:", err)
		return 2
	}
	r, err := receipt.Parse(b)
	if err != nil {
		fmt.Fprintln(stdout, "NOT VERIFIED: this is not a valid receipt:", err)
		return 1
	}
	v, err := anchor.VerifyReceipt(ctx, r, reg)
	if err != nil {
		fmt.Fprintln(stdout, "NOT VERIFIED:", err)
		return 1
	}
	if *id != "" && v.Leaf.DecisionID != *id {
		fmt.Fprintf(stdout, "NOT VERIFIED: the service sent the receipt of decision %s, not %s\n", v.Leaf.DecisionID, *id)
		return 1
	}
	describe(stdout, r, v)
	return 0
}

// devnetInfo is the part of glassbox devnet's output the applicant uses.
type devnetInfo struct {
	RPC        string `json:"rpc"`
	Contract   string `json:"contract"`
	Service    string `json:"service"`
	DecisionID string `json:"decision_id"`
	LinkToken  string `json:"link_token"`
}

func readDevnet(path string, stdin io.Reader) (*devnetInfo, error) {
	var b []byte
	var err error
	if path == "-" {
		b, err = io.ReadAll(io.LimitReader(stdin, 1<<20))
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	var d devnetInfo
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("%s: not glassbox devnet's output: %w", path, err)
	}
	for name, v := range map[string]string{"rpc": d.RPC, "contract": d.Contract, "service": d.Service, "link_token": d.LinkToken} {
		if v == "" {
			return nil, fmt.Errorf("%s: no %q", path, name)
		}
	}
	return &d, nil
}

func fetch(ctx context.Context, service, token string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(service, "/")+"/v1/receipts/"+url.PathEscape(token), nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET receipt: %s: %s", resp.Status, b)
	}
	return b, nil
}

// describe says what the verified receipt proves, for the applicant.
func describe(w io.Writer, r *receipt.Receipt, v *anchor.Verified) {
	l := v.Leaf
	fmt.Fprintf(w, "VERIFIED: decision %s\n", l.DecisionID)
	fmt.Fprintf(w, "  made:        %s by model %s %s (artifact sha256 %x..)\n", l.Time.UTC().Format(time.RFC3339), l.Model.Name, l.Model.Version, l.Model.ArtifactDigest[:8])
	fmt.Fprintf(w, "  decision:    %s (score %.3f, policy %s)\n", l.Output.Label, l.Output.Score, l.PolicyVersion)
	fmt.Fprintf(w, "  recorded:    entry %d of log %s, signed by the key the contract registers for it\n", v.Index, r.Origin)
	fmt.Fprintf(w, "  anchored:    tree size %d, root held by contract 0x%x on chain %d since block %d\n", v.OnChain.TreeSize, v.Contract, v.ChainID, v.OnChain.BlockNumber)
	var fields []string
	for _, f := range v.Disclosed {
		fields = append(fields, f.String())
	}
	fmt.Fprintf(w, "  your data:   %s match what was committed in the log\n", strings.Join(fields, ", "))
	if d := r.Disclosures.Explanation; d != nil {
		a := d.Value
		if rs, err := explain.Reasons(&a, &explain.ReasonOptions{K: 4}); err == nil && len(rs) > 0 && l.Output.Label != "approve" {
			fmt.Fprintf(w, "  main reasons against you (recorded explanation, %s):\n", a.Method)
			for _, x := range rs {
				fmt.Fprintf(w, "    - %s (%+.3f)\n", x.Variable, x.Contribution)
			}
		} else {
			cs := slices.Clone(a.Contributions)
			slices.SortFunc(cs, func(x, y explain.Contribution) int {
				switch {
				case abs(x.Contribution) > abs(y.Contribution):
					return -1
				case abs(x.Contribution) < abs(y.Contribution):
					return 1
				}
				return 0
			})
			fmt.Fprintf(w, "  what weighed most (recorded explanation, %s):\n", a.Method)
			for _, c := range cs[:min(4, len(cs))] {
				fmt.Fprintf(w, "    - %s = %v (%+.3f)\n", c.Feature, c.Value, c.Contribution)
			}
		}
	}
	if v.Reanchored {
		fmt.Fprintln(w, "  note:        a chain reorganisation moved the anchoring transaction; the anchored root is unchanged")
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
