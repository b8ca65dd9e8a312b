//go:build !js

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/internal/browsertest"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
	"github.com/glassbox-audit/glassbox/registry"
)

// The page's Content-Security-Policy: the wasm may be compiled, nothing
// else is allowed but the page's own files. The chain pages add the node's
// origin to connect-src, as a portal names its node.
const pageCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"

// pageCase is one receipt the page verifies, with glassboxVerify's
// arguments.
type pageCase struct {
	Name     string `json:"name"`
	Receipt  string `json:"receipt"`
	RPCURL   string `json:"rpcURL"`
	Contract string `json:"contract"`
	LogKey   string `json:"logKey"`
	AsBytes  bool   `json:"asBytes"` // pass the receipt as a Uint8Array
}

// pageResults is what the page writes into #results.
type pageResults struct {
	LoadMs  float64 `json:"loadMs"`
	Results []struct {
		Name   string              `json:"name"`
		Ms     float64             `json:"ms"`
		Report receiptcheck.Report `json:"report"`
	} `json:"results"`
	// Rejected has the errors of calls with unusable arguments.
	Rejected []string `json:"rejected"`
	// Disputes has what glassboxDispute gave for each disputeCase.
	Disputes []struct {
		Name  string `json:"name"`
		JSON  string `json:"json"`
		Error string `json:"error"`
	} `json:"disputes"`
}

// disputeCase is one call of glassboxDispute; ID is a number or a string.
type disputeCase struct {
	Name     string `json:"name"`
	RPCURL   string `json:"rpcURL"`
	Contract string `json:"contract"`
	ID       any    `json:"id"`
}

// pageSet is one page: its CSP, the receipts it verifies and the disputes
// it reads.
type pageSet struct {
	csp      string
	cases    []pageCase
	disputes []disputeCase
}

// serve serves each set at /NAME/: the test page, its script and style
// (testdata), the verifier (portal/static) and the set's cases.json.
func serve(t *testing.T, static string, sets map[string]pageSet) *httptest.Server {
	t.Helper()
	files := map[string]struct{ path, ctype string }{
		"":             {filepath.Join("testdata", "index.html"), "text/html; charset=utf-8"},
		"test.js":      {filepath.Join("testdata", "test.js"), "text/javascript; charset=utf-8"},
		"test.css":     {filepath.Join("testdata", "test.css"), "text/css; charset=utf-8"},
		"wasm_exec.js": {filepath.Join(static, "wasm_exec.js"), "text/javascript; charset=utf-8"},
		"receipt.wasm": {filepath.Join(static, "receipt.wasm"), "application/wasm"},
	}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, file, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
		set, known := sets[name]
		if !ok || !known {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Security-Policy", set.csp)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if file == "cases.json" {
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(set.cases)
			return
		}
		if file == "disputes.json" {
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(append([]disputeCase{}, set.disputes...))
			return
		}
		f, ok := files[file]
		if !ok {
			http.NotFound(w, r)
			return
		}
		b, err := os.ReadFile(f.path)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", f.ctype)
		w.Write(b)
	}))
	t.Cleanup(s.Close)
	return s
}

// runPage loads a set's page, waits for it to verify every receipt, takes a
// screenshot and returns the reports.
func runPage(t *testing.T, p *browsertest.Page, url, shot string) pageResults {
	t.Helper()
	if err := p.Navigate(url); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(p.Context(), chromedp.WaitReady(chromedp.CSS("body[data-done]"))); err != nil {
		t.Fatal(err)
	}
	done, err := chromedp.Run(p.Context(), chromedp.Evaluate[string]("document.body.dataset.done"))
	if err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(p.Context(), chromedp.TextContent(chromedp.CSS("#results")))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Screenshot(shot); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)
	if done != "ok" {
		t.Fatalf("the page failed: %s", text)
	}
	var res pageResults
	if err := json.Unmarshal([]byte(text), &res); err != nil {
		t.Fatalf("the page's results: %v\n%.500s", err, text)
	}
	return res
}

func screenshotDir(t *testing.T) string {
	if d := os.Getenv("GLASSBOX_SCREENSHOTS"); d != "" {
		return d
	}
	return t.TempDir()
}

// goReport verifies a case natively, as the page should have.
func goReport(t *testing.T, c pageCase) *receiptcheck.Report {
	t.Helper()
	opts := &receiptcheck.Options{LogKey: c.LogKey, Contract: c.Contract}
	if c.RPCURL != "" {
		opts.RPC = receiptchecktest.HTTPTransport(c.RPCURL)
	}
	rep, err := receiptcheck.Verify(context.Background(), []byte(c.Receipt), opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// sameReport compares the browser's report with the native one: verdict,
// failed step, and every step's check, field and status (and message, when
// messages is set: they differ only where a transport's error is quoted).
func sameReport(browser, native *receiptcheck.Report, messages bool) bool {
	if browser.Verdict != native.Verdict || browser.Failed != native.Failed || browser.Field != native.Field || len(browser.Steps) != len(native.Steps) {
		return false
	}
	for i, s := range browser.Steps {
		n := native.Steps[i]
		if s.Check != n.Check || s.Field != n.Field || s.Status != n.Status || (messages && s.Message != n.Message) {
			return false
		}
	}
	return !messages || browser.Summary == native.Summary
}

// offlineVerdict is the Go verifier's verdict (receipt.Parse and
// receipt.Verify): "valid", "format", or the failed check and field.
func offlineVerdict(t *testing.T, text, logKey string) (string, string) {
	t.Helper()
	v, err := note.NewVerifier(logKey)
	if err != nil {
		t.Fatal(err)
	}
	r, err := receipt.Parse([]byte(text))
	if err != nil {
		return "format", ""
	}
	if _, err := receipt.Verify(r, v); err != nil {
		ve := err.(*receipt.VerifyError)
		if ve.Field != 0 {
			return string(ve.Check), ve.Field.String()
		}
		return string(ve.Check), ""
	}
	return "valid", ""
}

func median(ms []float64) float64 {
	sort.Float64s(ms)
	return ms[len(ms)/2]
}

// TestWasmVectorsInBrowser runs the wasm verifier in chromium, under a
// strict CSP, on every receipt vector of auditlog/receipt and the receipts
// a real log issued: the page's verdict is the Go verifier's, and its
// report is the native receiptcheck report, step for step. A receipt with
// one byte changed shows the failing step.
func TestWasmVectorsInBrowser(t *testing.T) {
	static := receiptchecktest.EnsureWasm(t)
	vf := receiptchecktest.ReadVectors(t)
	var cases []pageCase
	want := map[string][2]string{}
	for _, c := range vf.Cases {
		cases = append(cases, pageCase{Name: c.Name, Receipt: c.Receipt, LogKey: vf.LogKey})
		want[c.Name] = [2]string{c.Want, c.Field}
	}
	is := receiptchecktest.ReadIssued(t)
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range is.Receipts {
			if !yield(k) {
				return
			}
		}
	}) {
		cases = append(cases, pageCase{Name: "issued/" + name, Receipt: is.Receipts[name], LogKey: is.LogKey})
		want["issued/"+name] = [2]string{"valid", ""}
	}
	valid := vf.Cases[0]
	if valid.Name != "valid" || !strings.Contains(valid.Receipt, `"value":"applicant-2"`) {
		t.Fatalf("the first vector is not the valid receipt of applicant-2")
	}
	changed := strings.Replace(valid.Receipt, `"value":"applicant-2"`, `"value":"applicant-7"`, 1)

	asBytes := pageCase{Name: "issued/full.json, as bytes", Receipt: is.Receipts["full.json"], LogKey: is.LogKey, AsBytes: true}
	cases = append(cases, asBytes)
	want[asBytes.Name] = [2]string{"valid", ""}
	cases = append(cases, pageCase{Name: "valid, one byte changed", Receipt: changed, LogKey: vf.LogKey})
	want["valid, one byte changed"] = [2]string{"commitment", "subject"}

	srv := serve(t, static, map[string]pageSet{"vectors": {csp: pageCSP, cases: cases}})
	b := browsertest.Start(t, nil)
	p := b.NewPage(t)
	res := runPage(t, p, srv.URL+"/vectors/", filepath.Join(screenshotDir(t), "receipt-vectors.png"))
	if len(res.Results) != len(cases) {
		t.Fatalf("the page verified %d receipts, want %d", len(res.Results), len(cases))
	}
	var validMs []float64
	for i, r := range res.Results {
		c := cases[i]
		rep := &r.Report
		got := [2]string{"valid", ""}
		if rep.Verdict != receiptcheck.Valid {
			got = [2]string{string(rep.Failed), rep.Field}
		}
		gc, gf := offlineVerdict(t, c.Receipt, c.LogKey)
		if got != want[c.Name] || got != [2]string{gc, gf} {
			t.Errorf("%s: the browser says %v, the vector %v, the Go verifier %s %s\n%s", c.Name, got, want[c.Name], gc, gf, rep.Summary)
		}
		if native := goReport(t, c); !sameReport(rep, native, true) {
			t.Errorf("%s: the browser's report differs from the native one:\n%+v\n%+v", c.Name, rep, native)
		}
		if rep.Verdict == receiptcheck.Valid {
			validMs = append(validMs, r.Ms)
		}
	}
	for i, want := range []string{"the receipt must be a string or a Uint8Array", "rpcURL and contract go together", "bad options: log key", "want 1 to 6 arguments"} {
		if i >= len(res.Rejected) || !strings.Contains(res.Rejected[i], want) {
			t.Errorf("call %d with unusable arguments: %q, want a rejection saying %q", i, res.Rejected, want)
		}
	}
	last := res.Results[len(res.Results)-1].Report
	var failedStep receiptcheck.Step
	for _, s := range last.Steps {
		if s.Status == receiptcheck.Failed {
			failedStep = s
		}
	}
	if failedStep.Check != receipt.CheckCommitment || failedStep.Field != "subject" || !strings.Contains(failedStep.Message, "mismatch") {
		t.Errorf("one byte changed: failing step %+v", failedStep)
	}
	t.Logf("the verifier loaded in %.0f ms; %d receipts verified offline; the first call took %.1f ms, a valid receipt %.1f ms (median of %d; performance.now() in the page)",
		res.LoadMs, len(res.Results), res.Results[0].Ms, median(validMs), len(validMs))
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestWasmChainInBrowser: the page reads the chain itself, with fetch, from
// a node serving JSON-RPC on 127.0.0.1 (go-ethereum's simulated backend,
// with the registry deployed, the vectors' log registered and anchored): the
// key, the anchored root and the anchoring block. Its reports equal the
// native ones. A chain that cannot be reached gives a partial verdict.
func TestWasmChainInBrowser(t *testing.T) {
	static := receiptchecktest.EnsureWasm(t)
	vf := receiptchecktest.ReadVectors(t)
	caseText := func(name string) string {
		for _, c := range vf.Cases {
			if c.Name == name {
				return c.Receipt
			}
		}
		t.Fatalf("no vector %q", name)
		return ""
	}
	chain := receiptchecktest.StartSimulated(t)
	chain.RegisterLog(t, vf.LogKey)
	anchored := chain.AnchorReceipt(t, caseText("valid"))
	later := chain.AnchorReceipt(t, caseText("valid-anchored-later"))
	forked := chain.Redeploy(t)
	forked.RegisterLog(t, vf.LogKey)
	forked.AnchorRoot(t, strings.SplitN(vf.LogKey, "+", 2)[0], 5, [32]byte{0xba, 0xd})
	i := strings.Index(anchored, `"block_hash":"0x`) + len(`"block_hash":"0x`)
	flip := "1"
	if anchored[i] == '1' {
		flip = "2"
	}
	blockChanged := anchored[:i] + flip + anchored[i+1:]

	on := func(c *receiptchecktest.Chain, text, logKey string) pageCase {
		return pageCase{Receipt: text, RPCURL: chain.URL, Contract: c.Contract(), LogKey: logKey}
	}
	named := func(name string, c pageCase) pageCase { c.Name = name; return c }
	forkedText := strings.Replace(anchored, strings.TrimPrefix(chain.Contract(), "0x"), strings.TrimPrefix(forked.Contract(), "0x"), 1)
	cases := []pageCase{
		named("anchored, key from the chain", on(chain, anchored, "")),
		named("anchored later, key from the chain", on(chain, later, "")),
		named("anchored, key given and confirmed", on(chain, anchored, vf.LogKey)),
		named("another root on chain", on(forked, forkedText, "")),
		named("block hash, one byte changed", on(chain, blockChanged, "")),
		named("not anchored yet", on(chain, caseText("valid"), "")),
	}
	wantVerdict := []string{"valid", "valid", "valid", "invalid chain", "invalid block", "partial"}
	deadURL := fmt.Sprintf("http://127.0.0.1:%d", freePort(t)) // nothing listens there
	down := []pageCase{
		{Name: "chain down, key given", Receipt: anchored, RPCURL: deadURL, Contract: chain.Contract(), LogKey: vf.LogKey},
		{Name: "chain down, no key", Receipt: anchored, RPCURL: deadURL, Contract: chain.Contract()},
	}
	// Disputes of the anchored log, read with glassboxDispute: one open,
	// one upheld.
	ctx := context.Background()
	logID := registry.LogIDFor(strings.SplitN(vf.LogKey, "+", 2)[0])
	open, _, err := chain.Registry.FileDispute(ctx, chain.Auth, logID, 0, [32]byte{1}, "sha256:"+strings.Repeat("0f", 32))
	if err != nil {
		t.Fatal(err)
	}
	upheld, _, err := chain.Registry.FileDispute(ctx, chain.Auth, logID, 1, [32]byte{2}, "https://lender.example/d/2")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chain.Registry.ResolveDispute(ctx, chain.Auth, upheld, registry.DisputeUpheld, "https://lender.example/rulings/2"); err != nil {
		t.Fatal(err)
	}
	disputes := []disputeCase{
		{Name: "open", RPCURL: chain.URL, Contract: chain.Contract(), ID: open},
		{Name: "upheld, id as a string", RPCURL: chain.URL, Contract: chain.Contract(), ID: fmt.Sprint(upheld)},
		{Name: "unknown id", RPCURL: chain.URL, Contract: chain.Contract(), ID: upheld + 1},
		{Name: "fractional id", RPCURL: chain.URL, Contract: chain.Contract(), ID: 1.5},
	}
	srv := serve(t, static, map[string]pageSet{
		"chain": {csp: pageCSP + "; connect-src 'self' " + chain.URL, cases: cases, disputes: disputes},
		"down":  {csp: pageCSP + "; connect-src 'self' " + deadURL, cases: down},
	})
	b := browsertest.Start(t, nil)
	dir := screenshotDir(t)

	res := runPage(t, b.NewPage(t), srv.URL+"/chain/", filepath.Join(dir, "receipt-chain.png"))
	if len(res.Results) != len(cases) {
		t.Fatalf("the page verified %d receipts, want %d", len(res.Results), len(cases))
	}
	for i, r := range res.Results {
		rep := &r.Report
		got := string(rep.Verdict)
		if rep.Failed != "" {
			got += " " + string(rep.Failed)
		}
		if got != wantVerdict[i] {
			t.Errorf("%s: the browser says %s, want %s\n%s", cases[i].Name, got, wantVerdict[i], rep.Summary)
		}
		start := time.Now()
		native := goReport(t, cases[i])
		nativeMs := float64(time.Since(start).Microseconds()) / 1000
		if !sameReport(rep, native, true) {
			t.Errorf("%s: the browser's report differs from the native one:\n%+v\n%+v", cases[i].Name, rep, native)
		}
		t.Logf("%s: %s in %.1f ms in the browser (natively, over net/http: %.1f ms)", cases[i].Name, rep.Verdict, r.Ms, nativeMs)
	}
	if len(res.Disputes) != len(disputes) {
		t.Fatalf("the page read %d disputes, want %d", len(res.Disputes), len(disputes))
	}
	for i, id := range []uint64{open, upheld} {
		want, err := receiptcheck.ReadDispute(ctx, receiptchecktest.HTTPTransport(chain.URL), chain.Contract(), id)
		if err != nil {
			t.Fatal(err)
		}
		wantJSON, _ := json.Marshal(want)
		if got := res.Disputes[i]; got.JSON != string(wantJSON) {
			t.Errorf("glassboxDispute %s: %q (error %q)\nnatively %s", got.Name, got.JSON, got.Error, wantJSON)
		}
	}
	if !strings.Contains(res.Disputes[0].JSON, `"status":"open"`) || !strings.Contains(res.Disputes[1].JSON, `"status":"upheld"`) {
		t.Errorf("dispute statuses: %q, %q", res.Disputes[0].JSON, res.Disputes[1].JSON)
	}
	for i, want := range map[int]string{2: "UnknownDispute", 3: "TypeError: glassboxDispute: id 1.5 is not an integer"} {
		if d := res.Disputes[i]; d.JSON != "" || !strings.Contains(d.Error, want) {
			t.Errorf("glassboxDispute %s: %q, %q; want a rejection saying %q", d.Name, d.JSON, d.Error, want)
		}
	}
	steps := res.Results[0].Report.Steps
	if s := steps[len(steps)-2]; s.Check != receiptcheck.CheckChain || s.Status != receiptcheck.Passed || !strings.Contains(s.Message, chain.Contract()) {
		t.Errorf("the chain step: %+v", s)
	}

	p := b.NewPage(t)
	res = runPage(t, p, srv.URL+"/down/", filepath.Join(dir, "receipt-chain-down.png"))
	for i, r := range res.Results {
		if r.Report.Verdict != receiptcheck.Partial || !sameReport(&r.Report, goReport(t, down[i]), false) {
			t.Errorf("%s: %+v", down[i].Name, r.Report)
		}
	}
	if idx := slices.IndexFunc(res.Results[0].Report.Steps, func(s receiptcheck.Step) bool { return s.Check == receipt.CheckSignature }); res.Results[0].Report.Steps[idx].Status != receiptcheck.Passed {
		t.Errorf("chain down, key given: the offline steps did not run: %+v", res.Results[0].Report.Steps)
	}
	// The refused connections are in the browser's log, and nothing else.
	problems := p.TakeProblems()
	for _, pr := range problems {
		if pr.Kind != "log" || !strings.Contains(pr.Text, "ERR_CONNECTION_REFUSED") {
			t.Errorf("unexpected problem: %s", pr)
		}
	}
	if len(problems) == 0 {
		t.Errorf("no refused connection in the browser's log")
	}
}
