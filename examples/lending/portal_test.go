package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/internal/browsertest"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/reproduce"
)

// TestApplicantPortalInBrowser: the service as it runs with --http. A
// declined applicant's page, at the link the lender's POST answered with,
// is verified in chromium with every check passing, the browser reading
// the development chain's JSON-RPC itself; the model re-run in the browser
// reproduces the decision; the dispute the applicant files
// from the page goes through the service's dispute desk onto the contract,
// and the page reads its status from the chain.
func TestApplicantPortalInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser; not in -short")
	}
	receiptchecktest.EnsureWasm(t)
	ctx := context.Background()
	a := startAPI(t, "--http", "127.0.0.1:0")
	s := a.s
	if !strings.HasPrefix(s.chain.rpcURL, "http://127.0.0.1:") {
		t.Fatalf("the development chain serves no JSON-RPC: %q", s.chain.rpcURL)
	}
	var declined *posted
	for _, app := range s.model.applicants(6, 0) {
		code, b := a.post(t, app)
		var d posted
		if err := json.Unmarshal(b, &d); err != nil || code != 200 {
			t.Fatalf("POST: %d %v %s", code, err, b)
		}
		if !strings.HasPrefix(d.Link.Page, portalPrefix+"/a/") {
			t.Fatalf("the link has no page: %+v", d.Link)
		}
		if d.Label == "decline" && declined == nil {
			declined = &d
		}
	}
	if declined == nil {
		t.Fatal("no applicant of the sample was declined")
	}
	if _, err := s.anchorer.WaitAnchored(ctx, s.log.Size()); err != nil {
		t.Fatal(err)
	}

	b := browsertest.Start(t, nil)
	p := b.NewPage(t)
	if err := p.Navigate(a.srv.URL + declined.Link.Page); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(p.Context(), chromedp.WaitReady(chromedp.CSS("#verify[data-verdict]"))); err != nil {
		t.Fatal(err)
	}
	var rep receiptcheck.Report
	if err := json.Unmarshal([]byte(browsertest.Eval[string](t, p, `document.getElementById("verify").dataset.report`)), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Verdict != receiptcheck.Valid {
		t.Fatalf("verdict %s: %s", rep.Verdict, rep.Summary)
	}
	chainRead := false
	for _, st := range rep.Steps {
		if st.Status != receiptcheck.Passed {
			t.Errorf("step %s %s: %s (%s)", st.Check, st.Field, st.Status, st.Message)
		}
		if st.Check == receiptcheck.CheckChain && strings.Contains(st.Message, strings.ToLower(s.chain.registry.Address().Hex())) {
			chainRead = true
		}
	}
	if !chainRead {
		t.Errorf("no chain step names the service's contract: %+v", rep.Steps)
	}
	if n := browsertest.Eval[int](t, p, `document.querySelectorAll(".reasons li").length`); n < 1 || n > 4 {
		t.Errorf("%d principal reasons on a declined applicant's page", n)
	}
	if txt := browsertest.Eval[string](t, p, `document.querySelector(".reasons").textContent`); strings.Contains(txt, "=") {
		t.Errorf("a reason shows a raw one-hot column: %q", txt)
	}

	// The applicant re-runs the model in the browser: the artifact comes
	// through the link, and the score and explanation come out the same.
	if err := chromedp.Do(p.Context(),
		chromedp.Click(chromedp.CSS("#rerun-button")),
		chromedp.WaitReady(chromedp.CSS("#rerun[data-reproduced]")),
	); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[string](t, p, `document.getElementById("rerun").dataset.reproduced`); got != "true" {
		t.Errorf("the re-run in the browser: %s: %s", got, browsertest.Eval[string](t, p, `document.getElementById("rerun-result").textContent`))
	}

	if err := chromedp.Do(p.Context(),
		chromedp.SendKeys(chromedp.CSS("#dispute-text"), "My savings are higher than the record says."),
		chromedp.Click(chromedp.CSS("#dispute button")),
		chromedp.WaitReady(chromedp.CSS("#dispute-status")),
	); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[string](t, p, `document.getElementById("dispute-status").textContent`); !strings.Contains(got, "Dispute number 1") || !strings.Contains(got, "open") {
		t.Errorf("dispute status on the page: %q", got)
	}
	d, err := s.chain.registry.Dispute(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != registry.DisputeOpen || d.LeafIndex != declined.Index || d.Filer != s.chain.desk.From || !strings.HasPrefix(d.ReasonURI, "sha256:") {
		t.Errorf("the dispute on the contract: %+v (desk %s)", d, s.chain.desk.From)
	}
}

// TestEveryDecisionReproduces: every decision the service records
// re-executes exactly from its receipt and the shipped model artifact
// (package reproduce): score and explanation, bit for bit.
func TestEveryDecisionReproduces(t *testing.T) {
	ctx := context.Background()
	a := startAPI(t)
	s := a.s
	apps := s.model.applicants(60, 0)
	for _, app := range apps {
		if _, err := s.decide(ctx, &app); err != nil {
			t.Fatal(err)
		}
	}
	for _, app := range apps {
		r, err := s.dec.Receipt(ctx, app.ID)
		if err != nil {
			t.Fatal(err)
		}
		v, err := receipt.Verify(r, s.log.Verifier())
		if err != nil {
			t.Fatalf("%s: %v", app.ID, err)
		}
		if _, err := reproduce.Check(v, r, modelJSON); err != nil {
			t.Errorf("%s: %v", app.ID, err)
		}
	}
}

// TestRegulatorPortalOnTheService: with --regulators the service mounts
// the regulator's portal; a credential from the file logs in, and once the
// decisions are anchored the overview verifies the log against the chain.
func TestRegulatorPortalOnTheService(t *testing.T) {
	ctx := context.Background()
	tok := access.NewToken()
	regs := filepath.Join(t.TempDir(), "regulators.json")
	if err := os.WriteFile(regs, []byte(`{"regulators":[{"token":"`+tok+`","name":"Examiner","scope":{"sealed":true}}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	a := startAPI(t, "--regulators", regs)
	for _, app := range a.s.model.applicants(5, 0) {
		if code, b := a.post(t, app); code != 200 {
			t.Fatalf("POST: %d %s", code, b)
		}
	}
	if _, err := a.s.anchorer.WaitAnchored(ctx, a.s.log.Size()); err != nil {
		t.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.Get(a.srv.URL + regulatorPrefix + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if !strings.HasSuffix(resp.Request.URL.Path, "/login") {
		t.Fatalf("without a session: %s", resp.Request.URL.Path)
	}
	resp, err = c.PostForm(a.srv.URL+regulatorPrefix+"/login", url.Values{"credential": {tok}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), Origin) || !strings.Contains(string(b), "Verified") {
		t.Fatalf("the overview: %d at %s:\n%.600s", resp.StatusCode, resp.Request.URL.Path, b)
	}
}
