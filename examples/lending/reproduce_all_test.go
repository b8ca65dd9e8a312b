package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/internal/browsertest"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
)

// TestEveryDecisionReproducesEverywhere: the service decides every one of
// the data set's 1,000 applicants; every receipt re-executes exactly
//   - from the CLI: one `glassbox reproduce` over the 1,000 receipt files,
//     which also reads the registered artifact digest from the development
//     chain, and
//   - in chromium: the WebAssembly verifier's glassboxReproduce on the
//     portal's check page, with the model artifact's bytes.
//
// A control in each: a model file with other bytes is named as the wrong
// artifact.
func TestEveryDecisionReproducesEverywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("decides 1,000 applicants, builds the CLI and starts a browser; not in -short")
	}
	receiptchecktest.EnsureWasm(t)
	ctx := context.Background()
	a := startAPI(t, "--http", "127.0.0.1:0")
	s := a.s
	apps := s.model.applicants(len(s.model.samples), 0)
	if len(apps) != 1000 {
		t.Fatalf("the data set has %d applicants, want 1,000", len(apps))
	}
	for i := range apps {
		if _, err := s.decide(ctx, &apps[i]); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	receipts := make([]string, len(apps))
	files := make([]string, len(apps))
	for i, app := range apps {
		r, err := s.dec.Receipt(ctx, app.ID)
		if err != nil {
			t.Fatal(err)
		}
		b, err := r.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		receipts[i] = string(b)
		files[i] = filepath.Join(dir, app.ID+".json")
		if err := os.WriteFile(files[i], b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	keyFile := filepath.Join(s.dir, auditlog.VerifierKeyFile)
	keyBytes, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	logKey := strings.TrimSpace(string(keyBytes))
	modelFile := filepath.Join(dir, "model.json")
	otherFile := filepath.Join(dir, "other-model.json")
	if err := os.WriteFile(modelFile, modelJSON, 0o644); err != nil {
		t.Fatal(err)
	}
	other := append(bytes.Clone(modelJSON), '\n')
	if err := os.WriteFile(otherFile, other, 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("cli", func(t *testing.T) {
		bin := filepath.Join(t.TempDir(), "glassbox")
		if out, err := exec.Command("go", "build", "-o", bin, "github.com/glassbox-audit/glassbox/cmd/glassbox").CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		args := append([]string{"reproduce", "--model", modelFile, "--log-key", keyFile,
			"--rpc", s.chain.rpcURL, "--contract", s.chain.registry.Address().Hex()}, files...)
		cmd := exec.Command(bin, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("glassbox reproduce over %d receipts: %v\n%s", len(files), err, stderr.String())
		}
		n := 0
		sc := bufio.NewScanner(&stdout)
		for sc.Scan() {
			var o reproduceLine
			if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
				t.Fatalf("line %d %q: %v", n+1, sc.Text(), err)
			}
			if n >= len(files) || o.Receipt != files[n] {
				t.Fatalf("line %d is about %q, want %q", n+1, o.Receipt, files[min(n, len(files)-1)])
			}
			if !o.Reproduced || o.DecisionID != apps[n].ID || len(o.Checked) != 4 || !strings.HasPrefix(o.Registered, "yes") {
				t.Errorf("%s: %s", apps[n].ID, sc.Text())
			}
			n++
		}
		if n != len(files) {
			t.Fatalf("%d lines for %d receipts", n, len(files))
		}

		out, err := exec.Command(bin, "reproduce", "--model", otherFile, "--log-key", keyFile, files[0]).Output()
		var o reproduceLine
		if jerr := json.Unmarshal(out, &o); jerr != nil || o.Reproduced || o.Part != "artifact" {
			t.Errorf("another artifact: %v %s", err, out)
		}
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Errorf("another artifact: exit %v, want 1", err)
		}
	})

	t.Run("chromium", func(t *testing.T) {
		b := browsertest.Start(t, nil)
		p := b.NewPage(t)
		// Bounds a hang (a verifier that never loads, a call that never
		// resolves) so the test fails saying where, rather than at the
		// package's timeout. Not a performance limit.
		pctx, cancel := context.WithTimeout(p.Context(), 15*time.Minute)
		defer cancel()
		if err := p.Navigate(a.srv.URL + portalPrefix + "/check"); err != nil {
			t.Fatal(err)
		}
		// The page loads the verifier when a receipt is first checked: the
		// applicant pastes one and presses Check.
		if err := chromedp.Do(pctx,
			chromedp.SetValue(chromedp.CSS("#paste"), receipts[0]),
			chromedp.Click(chromedp.CSS("#check-button")),
		); err != nil {
			t.Fatalf("pasting a receipt on the check page: %v", err)
		}
		if _, err := chromedp.Run(pctx, chromedp.Poll[bool](`typeof glassboxReproduce === "function"`,
			chromedp.WithPollingTimeout(5*time.Minute))); err != nil {
			t.Fatalf("the WebAssembly verifier did not load on the check page: %v (page problems: %v)", err, p.Problems())
		}
		run := func(model []byte, rs []string) []receiptcheck.Reproduction {
			t.Helper()
			js, err := json.Marshal(rs)
			if err != nil {
				t.Fatal(err)
			}
			expr := fmt.Sprintf(`(async () => {
  const model = Uint8Array.from(atob(%q), c => c.charCodeAt(0));
  const out = [];
  for (const r of %s) out.push(JSON.parse(await glassboxReproduce(r, model, %q)));
  return JSON.stringify(out);
})()`, base64.StdEncoding.EncodeToString(model), js, logKey)
			res, err := chromedp.Run(pctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("glassboxReproduce in chromium: %v (page problems: %v)", err, p.Problems())
			}
			var got []receiptcheck.Reproduction
			if err := json.Unmarshal([]byte(res), &got); err != nil || len(got) != len(rs) {
				t.Fatalf("%d results for %d receipts: %v", len(got), len(rs), err)
			}
			return got
		}
		const chunk = 100
		for start := 0; start < len(receipts); start += chunk {
			end := min(start+chunk, len(receipts))
			for i, got := range run(modelJSON, receipts[start:end]) {
				if !got.Reproduced || len(got.Checked) != 4 {
					t.Errorf("%s in chromium: %+v", apps[start+i].ID, got)
				}
			}
		}
		if got := run(other, receipts[:1]); got[0].Reproduced || got[0].Part != "artifact" {
			t.Errorf("another artifact in chromium: %+v", got[0])
		}
		if probs := p.Problems(); len(probs) > 0 {
			t.Errorf("page problems: %v", probs)
		}
	})
}

// reproduceLine is the part of `glassbox reproduce`'s JSON line the test
// reads.
type reproduceLine struct {
	Receipt    string   `json:"receipt"`
	Reproduced bool     `json:"reproduced"`
	DecisionID string   `json:"decision_id"`
	Checked    []string `json:"checked"`
	Registered string   `json:"registered"`
	Part       string   `json:"part"`
}
