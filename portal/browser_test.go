package portal_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/glassbox-audit/glassbox/internal/browsertest"
	"github.com/glassbox-audit/glassbox/portal"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
)

// verified waits for the page's check to finish and returns its report,
// the verdict the page shows and the time the check took in the page.
func verified(t *testing.T, p *browsertest.Page) (receiptcheck.Report, string, string) {
	t.Helper()
	if err := chromedp.Do(p.Context(), chromedp.WaitReady(chromedp.CSS("#verify[data-verdict]"))); err != nil {
		t.Fatal(err)
	}
	verdict := browsertest.Eval[string](t, p, `document.getElementById("verify").dataset.verdict`)
	var rep receiptcheck.Report
	if raw := browsertest.Eval[string](t, p, `document.getElementById("verify").dataset.report || ""`); raw != "" {
		if err := json.Unmarshal([]byte(raw), &rep); err != nil {
			t.Fatal(err)
		}
	}
	return rep, verdict, browsertest.Eval[string](t, p, `document.getElementById("verify").dataset.ms || ""`)
}

// shownSteps returns the steps the page lists: "check[:field] status".
func shownSteps(t *testing.T, p *browsertest.Page) []string {
	t.Helper()
	return browsertest.Eval[[]string](t, p, `Array.from(document.querySelectorAll("#steps li")).map(function (li) {
		return li.dataset.check + (li.dataset.field ? ":" + li.dataset.field : "") + " " + li.className; })`)
}

// unlabelled lists the form controls of the page without a label.
const unlabelled = `Array.from(document.querySelectorAll("textarea, input:not([type=hidden]), select")).filter(function (e) { return e.labels.length === 0; }).map(function (e) { return e.id || e.name; })`

// TestApplicantVerifiesInBrowser: the applicant opens their link; the page
// verifies the receipt it shows with the wasm verifier, reading the chain
// itself, and every check passes: format, key, signature, leaf,
// inclusion, each disclosed field, anchor, chain and block. The inputs and
// the explanation are marked verified. On a phone's width nothing scrolls
// sideways. Logs the verifier's size and the time to verify.
func TestApplicantVerifiesInBrowser(t *testing.T) {
	static := receiptchecktest.EnsureWasm(t)
	f := newFixture(t, nil)
	b := browsertest.Start(t, &browsertest.Options{Width: 760, Height: 900})
	p := b.NewPage(t)
	if err := p.Navigate(f.link(t, "app-1001")); err != nil {
		t.Fatal(err)
	}
	rep, verdict, ms := verified(t, p)
	if verdict != "valid" || rep.Verdict != receiptcheck.Valid {
		t.Fatalf("verdict %s: %s", verdict, rep.Summary)
	}
	var checks []string
	for _, s := range rep.Steps {
		if s.Status != receiptcheck.Passed {
			t.Errorf("step %s %s: %s (%s)", s.Check, s.Field, s.Status, s.Message)
		}
		checks = append(checks, string(s.Check)+":"+s.Field)
	}
	for _, want := range []string{"format:", "key:", "signature:", "leaf:", "inclusion:", "commitment:subject", "commitment:inputs", "commitment:explanation", "anchor:", "chain:", "block:"} {
		if !slices.Contains(checks, want) {
			t.Errorf("no %s step: %v", want, checks)
		}
	}
	shown := shownSteps(t, p)
	if len(shown) != len(rep.Steps) {
		t.Errorf("the page lists %d steps, the report has %d", len(shown), len(rep.Steps))
	}
	for _, s := range shown {
		if !strings.HasSuffix(s, " passed") {
			t.Errorf("the page shows step %s", s)
		}
	}
	if got := browsertest.Eval[string](t, p, `document.getElementById("verdict").textContent`); !strings.HasPrefix(got, "Verified: every check passed.") {
		t.Errorf("verdict text %q", got)
	}
	if n := browsertest.Eval[int](t, p, `document.querySelectorAll("#inputs.verified .badge:not([hidden]), #explanation.verified .badge:not([hidden])").length`); n != 2 {
		t.Errorf("%d sections marked verified, want 2", n)
	}
	if n := browsertest.Eval[int](t, p, `document.querySelectorAll(".reasons li").length`); n != portal.MaxReasons {
		t.Errorf("%d reasons, want %d", n, portal.MaxReasons)
	}
	if l := browsertest.Eval[[]string](t, p, unlabelled); len(l) != 0 {
		t.Errorf("controls without a label: %v", l)
	}
	p.SaveScreenshot(t, "portal-applicant.png")
	wasm, err := os.ReadFile(filepath.Join(static, "receipt.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(wasm)
	w.Close()
	t.Logf("receipt.wasm: %d bytes, %d gzip -9; loaded in %s ms; one receipt verified, reading the chain, in %s ms in the browser (performance.now())",
		len(wasm), gz.Len(), browsertest.Eval[string](t, p, `document.body.dataset.wasmLoadMs`), ms)

	// A phone: the page fits its width.
	phone := browsertest.Start(t, &browsertest.Options{Width: 390, Height: 844})
	pp := phone.NewPage(t)
	if err := pp.Navigate(f.link(t, "app-1001")); err != nil {
		t.Fatal(err)
	}
	if _, v, _ := verified(t, pp); v != "valid" {
		t.Errorf("on the phone: %s", v)
	}
	if sw, iw := browsertest.Eval[int](t, pp, `document.documentElement.scrollWidth`), browsertest.Eval[int](t, pp, `window.innerWidth`); sw > iw {
		t.Errorf("on a 390 px wide screen the page is %d px wide", sw)
	}
}

// TestCheckPageInBrowser: on the public page a pasted receipt verifies; the
// same receipt with one byte changed, dropped as a file, shows the failing
// check (the commitment of the inputs). Nothing is sent to the server but
// the page's own files.
func TestCheckPageInBrowser(t *testing.T) {
	receiptchecktest.EnsureWasm(t)
	f := newFixture(t, nil)
	_, text := get(t, f.link(t, "app-1001")+"/receipt.json")
	if !strings.Contains(text, `"string":"car"`) {
		t.Fatalf("the receipt has no purpose car:\n%.300s", text)
	}
	tampered := strings.Replace(text, `"string":"car"`, `"string":"cat"`, 1)
	b := browsertest.Start(t, &browsertest.Options{Width: 760, Height: 900})
	p := b.NewPage(t)
	if err := p.Navigate(f.srv.URL + "/check"); err != nil {
		t.Fatal(err)
	}
	if l := browsertest.Eval[[]string](t, p, unlabelled); len(l) != 0 {
		t.Errorf("controls without a label: %v", l)
	}
	f.takeRequests()
	js, _ := json.Marshal(text)
	browsertest.Eval[bool](t, p, `(function () { document.getElementById("paste").value = `+string(js)+`; document.getElementById("check-button").click(); return true; })()`)
	rep, verdict, _ := verified(t, p)
	if verdict != "valid" {
		t.Fatalf("pasted receipt: %s %s", verdict, rep.Summary)
	}
	browsertest.Eval[bool](t, p, `(function () { delete document.getElementById("verify").dataset.verdict; return true; })()`)
	js, _ = json.Marshal(tampered)
	browsertest.Eval[bool](t, p, `(function () {
		var dt = new DataTransfer();
		dt.items.add(new File([`+string(js)+`], "receipt.json", {type: "application/json"}));
		document.getElementById("drop").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true; })()`)
	rep, verdict, _ = verified(t, p)
	if verdict != "invalid" || rep.Failed != "commitment" || rep.Field != "inputs" {
		t.Fatalf("tampered receipt: %s, failed %s %s: %s", verdict, rep.Failed, rep.Field, rep.Summary)
	}
	failed := browsertest.Eval[[]string](t, p, `Array.from(document.querySelectorAll("#steps li.failed")).map(function (li) { return li.dataset.check + ":" + li.dataset.field + " " + li.textContent; })`)
	if len(failed) != 1 || !strings.HasPrefix(failed[0], "commitment:inputs Your inputs match the record") {
		t.Errorf("failed steps shown: %q", failed)
	}
	if got := browsertest.Eval[string](t, p, `document.getElementById("verdict").textContent`); !strings.HasPrefix(got, "Not genuine: a check failed.") {
		t.Errorf("verdict text %q", got)
	}
	for _, r := range f.takeRequests() {
		if !strings.HasPrefix(r, "GET /static/") && r != "GET /favicon.ico" { // the browser's own request
			t.Errorf("the check sent %s to the server", r)
		}
	}
	p.SaveScreenshot(t, "portal-check.png")
}

// TestLinkErrorsInBrowser: an expired link and a link of another lender
// show the error page, saying what to do, with no console error.
func TestLinkErrorsInBrowser(t *testing.T) {
	receiptchecktest.EnsureWasm(t)
	f := newFixture(t, nil)
	good := f.link(t, "app-1001")
	b := browsertest.Start(t, nil)
	p := b.NewPage(t)
	for _, c := range []struct{ url, heading string }{
		{good[:len(good)-4] + "AAAA", "This link is not valid"},
		{f.srv.URL + "/a/" + strings.Repeat("x", 40), "This link is not valid"},
		{expiredLink(t, f), "This link has expired"},
	} {
		if err := p.Navigate(c.url); err != nil {
			t.Fatal(err)
		}
		if h := browsertest.Eval[string](t, p, `document.querySelector("h1").textContent`); h != c.heading {
			t.Errorf("%s: heading %q, want %q", c.url, h, c.heading)
		}
		if n := browsertest.Eval[int](t, p, `document.querySelectorAll("#verify, #inputs, #reasons").length`); n != 0 {
			t.Errorf("%s: the error page shows decision sections", c.url)
		}
	}
	// The browser logs the page's own status code (404, 410) as an error;
	// nothing else may be there.
	for _, pr := range p.TakeProblems() {
		if pr.Kind != "log" || !strings.Contains(pr.Text, "the server responded with a status of 4") {
			t.Errorf("unexpected problem: %s", pr)
		}
	}
}

// TestChainDownInBrowser: when the chain cannot be reached from the
// browser, the page says what was checked (the signature, the inclusion,
// every commitment) and what was not (the chain), with a partial verdict.
func TestChainDownInBrowser(t *testing.T) {
	receiptchecktest.EnsureWasm(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := fmt.Sprintf("http://%s", l.Addr())
	l.Close() // nothing listens there
	f := newFixture(t, &fixtureOpts{rpcURL: dead})
	b := browsertest.Start(t, nil)
	p := b.NewPage(t)
	if err := p.Navigate(f.link(t, "app-1001")); err != nil {
		t.Fatal(err)
	}
	rep, verdict, _ := verified(t, p)
	if verdict != "partial" {
		t.Fatalf("verdict %s: %s", verdict, rep.Summary)
	}
	status := map[string]receiptcheck.Status{}
	for _, s := range rep.Steps {
		status[string(s.Check)+":"+s.Field] = s.Status
	}
	if status["signature:"] != receiptcheck.Passed || status["commitment:inputs"] != receiptcheck.Passed || status["chain:"] != receiptcheck.NotChecked {
		t.Errorf("steps %v", status)
	}
	if got := browsertest.Eval[string](t, p, `document.getElementById("verdict").textContent`); !strings.HasPrefix(got, "Partly verified") || !strings.Contains(got, "not checked") {
		t.Errorf("verdict text %q", got)
	}
	problems := p.TakeProblems()
	for _, pr := range problems {
		if pr.Kind != "log" || !strings.Contains(pr.Text, "ERR_CONNECTION_REFUSED") {
			t.Errorf("unexpected problem: %s", pr)
		}
	}
}

// TestXSSInBrowser: markup in every text a lender or an applicant
// controls (model name and version, outcome text, labels, reason texts,
// input names and values, the dispute text) is shown as text: no element
// is injected, no script runs, no CSP violation is reported.
func TestXSSInBrowser(t *testing.T) {
	receiptchecktest.EnsureWasm(t)
	x := func(n int) string {
		return fmt.Sprintf(`<img src=x onerror="window.__xss=%d">"'><script>window.__xss=%d</script>`, n, n)
	}
	info := modelInfo()
	info.Outcomes["decline"] = x(1)
	info.ScoreName = x(2)
	info.Labels["Duration"] = x(3)
	info.Labels[x(20)] = x(4)
	info.Reasons.Texts["Duration"] = x(5)
	info.Reasons.Texts["Amount"] = "</li></ol>" + x(6)
	model := testModel
	model.Name, model.Version = "m"+x(7), "v"+x(8)
	f := newFixture(t, &fixtureOpts{model: model, info: info, names: [4]string{x(20), x(21), "purpose", "zz" + x(22)}, values: [2]string{"car", x(23)}})
	b := browsertest.Start(t, nil)
	p := b.NewPage(t)
	link := f.link(t, "app-1001")
	if err := p.Navigate(link); err != nil {
		t.Fatal(err)
	}
	if _, v, _ := verified(t, p); v != "valid" {
		t.Errorf("verdict %s", v)
	}
	check := func(where string) {
		t.Helper()
		if n := browsertest.Eval[int](t, p, `document.querySelectorAll("img, iframe, object, embed, script:not([src])").length`); n != 0 {
			t.Errorf("%s: %d injected elements", where, n)
		}
		if v := browsertest.Eval[string](t, p, `String(window.__xss)`); v != "undefined" {
			t.Errorf("%s: a script ran: __xss = %s", where, v)
		}
	}
	check("the applicant's page")
	for id, want := range map[string]string{"model-name": model.Name, "model-version": model.Version, "outcome": x(1)} {
		if got := browsertest.Eval[string](t, p, `document.getElementById("`+id+`").textContent`); got != want {
			t.Errorf("#%s shows %q, want %q", id, got, want)
		}
	}
	reasons := browsertest.Eval[[]string](t, p, `Array.from(document.querySelectorAll(".reasons li")).map(function (li) { return li.textContent; })`)
	if len(reasons) < 2 || reasons[0] != x(5) || reasons[1] != "</li></ol>"+x(6) {
		t.Errorf("reasons %q", reasons)
	}
	cells := browsertest.Eval[string](t, p, `document.getElementById("inputs").textContent + document.getElementById("explanation").textContent`)
	for _, want := range []string{x(3), x(4), x(21), x(23)} {
		if !strings.Contains(cells, want) {
			t.Errorf("the inputs and chart do not show %q as text", want)
		}
	}
	// The dispute text comes back in the form when refused (too long).
	long := x(9) + "</textarea>" + strings.Repeat("a", portal.MaxDisputeText)
	js, _ := json.Marshal(long)
	browsertest.Eval[bool](t, p, `(function () { var t = document.getElementById("dispute-text"); t.removeAttribute("maxlength"); t.value = `+string(js)+`; t.form.submit(); return true; })()`)
	if err := chromedp.Do(p.Context(), chromedp.WaitReady(chromedp.CSS("#dispute-problem"))); err != nil {
		t.Fatal(err)
	}
	check("the refused dispute")
	if got := browsertest.Eval[string](t, p, `document.getElementById("dispute-text").value`); got != long {
		t.Errorf("the dispute text came back as %.80q", got)
	}
	// The refused form's page is a 400, which the browser logs.
	for _, pr := range p.TakeProblems() {
		if pr.Kind != "log" || !strings.Contains(pr.Text, "status of 400") {
			t.Errorf("unexpected problem: %s", pr)
		}
	}
}

// TestDisputeAndEraseInBrowser: with the keyboard, the applicant files a
// dispute (its status, read from the chain, is shown), then erases their
// personal data after confirming; the page then says the data is gone,
// and the record still verifies, with nothing disclosed.
func TestDisputeAndEraseInBrowser(t *testing.T) {
	receiptchecktest.EnsureWasm(t)
	f := newFixture(t, nil)
	b := browsertest.Start(t, nil)
	p := b.NewPage(t)
	if err := p.Navigate(f.link(t, "app-1001")); err != nil {
		t.Fatal(err)
	}
	verified(t, p)
	if err := chromedp.Do(p.Context(),
		chromedp.Focus(chromedp.CSS("#dispute-text")),
		chromedp.SendKeys(chromedp.CSS("#dispute-text"), "My savings were 12000, not 120."),
		chromedp.SendKeys(chromedp.CSS("#dispute-text"), "\t"), // to the button
	); err != nil {
		t.Fatal(err)
	}
	if a := browsertest.Eval[string](t, p, `document.activeElement.textContent`); a != "File the dispute" {
		t.Fatalf("Tab from the text goes to %q", a)
	}
	if err := chromedp.Do(p.Context(), chromedp.KeyEvent("\r"), chromedp.WaitReady(chromedp.CSS("#dispute-status"))); err != nil {
		t.Fatal(err)
	}
	if s := browsertest.Eval[string](t, p, `document.getElementById("dispute-status").textContent`); !strings.Contains(s, "Dispute number 1") || !strings.Contains(s, "Status: open") {
		t.Errorf("dispute status %q", s)
	}
	if txt := f.disputes.texts[1]; txt != "My savings were 12000, not 120." {
		t.Errorf("the dispute's text %q", txt)
	}
	verified(t, p)
	if err := chromedp.Do(p.Context(), chromedp.Click(chromedp.CSS("#erase button")), chromedp.WaitReady(chromedp.CSS("#confirm-h"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(p.Context(), chromedp.Click(chromedp.CSS("button.danger")), chromedp.WaitReady(chromedp.CSS("#erased-h"))); err != nil {
		t.Fatal(err)
	}
	rep, verdict, _ := verified(t, p)
	if verdict != "valid" || len(rep.Disclosed) != 0 {
		t.Errorf("after erasure: %s, disclosed %v: %s", verdict, rep.Disclosed, rep.Summary)
	}
	if n := browsertest.Eval[int](t, p, `document.querySelectorAll("#inputs, #explanation, #reasons, #erase").length`); n != 0 {
		t.Errorf("after erasure the page still has %d personal sections", n)
	}
	if s := browsertest.Eval[string](t, p, `document.getElementById("erased-h").textContent`); s != "Your personal data is gone" {
		t.Errorf("erased heading %q", s)
	}
	p.SaveScreenshot(t, "portal-erased.png")
}

// expiredLink is a link sealed under the fixture's key that expired.
func expiredLink(t *testing.T, f *fixture) string {
	t.Helper()
	return f.srv.URL + "/a/" + expiredToken(t, f.linkKey, "app-1001")
}
