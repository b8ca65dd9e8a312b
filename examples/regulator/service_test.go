package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/glassbox-audit/glassbox/internal/anviltest"
	"github.com/glassbox-audit/glassbox/registry"
)

// The whole system across processes: anvil, the lending service
// (examples/lending --http) anchoring on it, and the regulator auditing the
// service over HTTP against the chain.
func TestAuditRunningServiceOnAnvil(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the lending service against anvil: skipped in -short mode")
	}
	ctx := context.Background()
	node := anviltest.Start(t, nil)
	reg, _, err := registry.Deploy(ctx, node.Client, node.TransactOpts(0), nil)
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "lending")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/glassbox-audit/glassbox/examples/lending").CombinedOutput(); err != nil {
		t.Fatalf("building the lending service: %v\n%s", err, out)
	}
	dir := t.TempDir()
	svc := exec.Command(bin, "--http", "127.0.0.1:0", "--dir", dir,
		"--rpc", node.URL, "--contract", reg.Address().Hex(), "--key", hexutil.Encode(crypto.FromECDSA(node.Keys[0])),
		"--confirmations", "1", "--anchor-interval", "50ms", "--anchor-entries", "4", "--poll", "10ms")
	stdout, err := svc.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	svc.Stderr = os.Stderr
	if err := svc.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		svc.Process.Signal(syscall.SIGINT)
		svc.Wait()
	})
	var base string
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if _, rest, ok := strings.Cut(sc.Text(), "lending service on "); ok {
			base = strings.Fields(rest)[0]
			break
		}
	}
	if base == "" {
		t.Fatal("the lending service did not start")
	}
	go func() {
		for sc.Scan() {
		}
	}()
	// The service made DIR/tokens, one token per role.
	tokensFile := filepath.Join(dir, "tokens")
	raw, err := os.ReadFile(tokensFile)
	if err != nil {
		t.Fatal(err)
	}
	var lender string
	for _, l := range strings.Split(string(raw), "\n") {
		if tok, ok := strings.CutPrefix(l, "lender "); ok {
			lender = tok
		}
	}

	apps := sampleApplications(t, 10)
	for _, body := range apps {
		req, _ := http.NewRequest("POST", base+"/v1/decisions", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+lender)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("POST /v1/decisions: %s", resp.Status)
		}
	}
	// Wait for the service to anchor all ten.
	for {
		var cp struct {
			Anchor *struct {
				TreeSize uint64 `json:"tree_size"`
			} `json:"anchor"`
		}
		resp, err := http.Get(base + "/v1/checkpoints/latest")
		if err != nil {
			t.Fatal(err)
		}
		json.NewDecoder(resp.Body).Decode(&cp)
		resp.Body.Close()
		if cp.Anchor != nil && cp.Anchor.TreeSize == uint64(len(apps)) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}

	var out, errb bytes.Buffer
	code := run(ctx, []string{"--service", base, "--tokens", tokensFile, "--rpc", node.URL, "--contract", reg.Address().Hex(), "--sample", "6", "--seed", "3"}, &out, &errb)
	var rep Report
	json.Unmarshal(out.Bytes(), &rep)
	if code != 0 || rep.Receipts != 6 || rep.ReceiptsVerified != 6 || rep.Anchors == 0 || rep.AnchorsChecked != rep.Anchors || rep.AnchoredSize != 10 {
		t.Fatalf("regulator: exit %d\n%s\n%s", code, out.String(), errb.String())
	}
	// An applicant's receipt handed to the regulator (--receipts) is checked
	// against the chain and against the service's leaf: it is the same.
	regTok, err := regulatorToken(tokensFile)
	if err != nil {
		t.Fatal(err)
	}
	op, err := newHTTPOperator(ctx, base, regTok)
	if err != nil {
		t.Fatal(err)
	}
	held, err := op.Receipt(ctx, "svc-003")
	if err != nil {
		t.Fatal(err)
	}
	rdir := t.TempDir()
	if err := os.WriteFile(filepath.Join(rdir, "svc-003.json"), held, 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errb.Reset()
	code = run(ctx, []string{"--service", base, "--tokens", tokensFile, "--rpc", node.URL, "--contract", reg.Address().Hex(), "--sample", "1",
		"--receipts", rdir, "--model", filepath.Join("..", "lending", "model", "model.json")}, &out, &errb)
	rep = Report{}
	json.Unmarshal(out.Bytes(), &rep)
	if code != 0 || rep.HeldReceipts != 1 || len(rep.ChangedLeaves) != 0 {
		t.Fatalf("regulator --receipts: exit %d\n%s\n%s", code, out.String(), errb.String())
	}
}

// sampleApplications turns the shipped sample rows into application bodies
// for POST /v1/decisions.
func sampleApplications(t *testing.T, n int) [][]byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "lending", "model", "applicants.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	for i := 0; i < n; i++ {
		var row map[string]any
		if err := json.Unmarshal([]byte(lines[i%len(lines)]), &row); err != nil {
			t.Fatal(err)
		}
		app := map[string]any{"id": fmt.Sprintf("svc-%03d", i), "subject": fmt.Sprintf("applicant %d", i)}
		feats, groups := map[string]any{}, map[string]string{}
		for k, v := range row {
			switch x := v.(type) {
			case float64:
				if k != "observed_default" {
					feats[k] = x
				}
			case string:
				if k != "applicant_id" {
					groups[k] = x
				}
			}
		}
		app["features"], app["groups"] = feats, groups
		body, _ := json.Marshal(app)
		out = append(out, body)
	}
	return out
}
