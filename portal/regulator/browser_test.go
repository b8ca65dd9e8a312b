package regulator_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/glassbox-audit/glassbox/fairness"
	"github.com/glassbox-audit/glassbox/fairness/fairnesslog"
	"github.com/glassbox-audit/glassbox/internal/browsertest"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
)

func run(t *testing.T, p *browsertest.Page, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(p.Context(), actions...); err != nil {
		t.Fatal(err)
	}
}

// TestRegulatorInBrowser: in chromium, a regulator types their credential
// into the login form, sees the overview's verdicts (the forged log's
// names its first bad checkpoint), checks them again in the browser
// itself (the WebAssembly verifier reading the chain through the RPC URL
// typed in: the honest log passes, the forged one fails naming the same
// first bad size), filters the decisions by model and
// label, opens one and sees its proof verified, then asks for the fairness
// series by sex and age band per week: six groups, four weekly windows,
// six lines in the chart, the checkpoint named, and the figures of
// `glassbox fairness --json` at that checkpoint; printed, the page drops
// its navigation and forms. Every page runs under the CSP with nothing in
// the console. Writes the screenshots of docs/.
func TestRegulatorInBrowser(t *testing.T) {
	f := newFixture(t, &fixtureOpts{prefix: "/regulator", static: receiptchecktest.EnsureWasm(t)})
	b := browsertest.Start(t, &browsertest.Options{Width: 1200, Height: 900})
	p := b.NewPage(t)
	base := f.srv.URL + "/regulator"
	if err := p.Navigate(base + "/"); err != nil {
		t.Fatal(err)
	}
	run(t, p, chromedp.WaitVisible(chromedp.CSS("#credential")),
		chromedp.SendKeys(chromedp.CSS("#credential"), tokPublic),
		chromedp.Click(chromedp.CSS(`form.login button`)),
		chromedp.WaitVisible(chromedp.CSS("#log-0")))
	if v := browsertest.Eval[string](t, p, `document.getElementById("log-0").dataset.verdict`); v != "pass" {
		t.Errorf("good log verdict %q", v)
	}
	if v := browsertest.Eval[string](t, p, `document.getElementById("log-1").dataset.verdict + " " + document.getElementById("log-1").dataset.firstBad`); v != "fail "+itoa(f.forged.anchored[1]) {
		t.Errorf("forged log verdict %q", v)
	}
	// The same verdicts computed in the browser, by the WebAssembly
	// verifier reading the chain through the URL typed in.
	run(t, p, chromedp.SendKeys(chromedp.CSS("#rpc-url"), f.sim.URL),
		chromedp.Click(chromedp.CSS(`#browser-check button`)),
		chromedp.WaitVisible(chromedp.CSS(`#browser-check[data-state="done"]`)))
	if v := browsertest.Eval[string](t, p, `document.getElementById("browser-log-0").dataset.verdict`); v != "pass" {
		t.Errorf("good log, in the browser: %q: %s", v, browsertest.Eval[string](t, p, `document.getElementById("browser-log-0").textContent`))
	}
	if v := browsertest.Eval[string](t, p, `document.getElementById("browser-log-1").dataset.verdict + " " + document.getElementById("browser-log-1").dataset.firstBad`); v != "fail "+itoa(f.forged.anchored[1]) {
		t.Errorf("forged log, in the browser: %q: %s", v, browsertest.Eval[string](t, p, `document.getElementById("browser-log-1").textContent`))
	}
	if u := browsertest.Eval[string](t, p, `localStorage.getItem("glassbox.regulator.rpc")`); u != f.sim.URL {
		t.Errorf("the RPC URL kept in the browser: %q", u)
	}
	p.SaveScreenshot(t, "regulator-overview.png")

	if err := p.Navigate(base + "/logs/0/decisions"); err != nil {
		t.Fatal(err)
	}
	run(t, p, chromedp.WaitVisible(chromedp.CSS("#model")),
		chromedp.SendKeys(chromedp.CSS("#model"), modelName),
		chromedp.SendKeys(chromedp.CSS("#version"), "2.0"),
		chromedp.SendKeys(chromedp.CSS("#label"), "approve"),
		chromedp.Click(chromedp.CSS(`form.filter button`)),
		chromedp.WaitVisible(chromedp.CSS(`#decisions[data-version="2.0"][data-label="approve"]`)))
	cells := browsertest.Eval[[]string](t, p, `Array.from(document.querySelectorAll("#decisions tbody tr")).map(function (tr) { return tr.cells[3].textContent + " " + tr.cells[4].textContent; })`)
	if len(cells) == 0 {
		t.Fatal("no decisions after filtering")
	}
	for _, c := range cells {
		if c != "2.0 approve" {
			t.Fatalf("a filtered row shows %q", c)
		}
	}
	run(t, p, chromedp.Click(chromedp.CSS(`#decisions tbody tr:first-child a`)), chromedp.WaitVisible(chromedp.CSS("#check")))
	if ok := browsertest.Eval[string](t, p, `document.getElementById("check").dataset.ok`); ok != "true" {
		t.Errorf("the decision's proof: %s", browsertest.Eval[string](t, p, `document.getElementById("check").textContent`))
	}
	if strings.Contains(browsertest.Eval[string](t, p, `document.body.textContent`), plantedSubject) {
		t.Error("the decision page shows personal data without the sealed scope")
	}
	p.SaveScreenshot(t, "regulator-decision.png")

	if err := p.Navigate(base + "/logs/0/fairness?model=" + modelName + "&by=sex,age_band&window=week&outcomes=1"); err != nil {
		t.Fatal(err)
	}
	run(t, p, chromedp.WaitVisible(chromedp.CSS("#groups")))
	rep, err := fairness.NewReport(context.Background(), fairnesslog.Source(f.good.dec), cliQuery(modelName, []string{"sex", "age_band"}, fairness.Week, true))
	if err != nil {
		t.Fatal(err)
	}
	if n := browsertest.Eval[int](t, p, `document.querySelectorAll("#groups tbody tr").length`); n != 6 || n != len(rep.Metrics.Groups) {
		t.Errorf("%d groups shown, report has %d", n, len(rep.Metrics.Groups))
	}
	if n := browsertest.Eval[int](t, p, `document.querySelectorAll("#windows tbody tr").length`); n != 4 || n != len(rep.Series) {
		t.Errorf("%d windows shown, report has %d", n, len(rep.Series))
	}
	if n := browsertest.Eval[int](t, p, `document.querySelectorAll("svg g.series polyline").length`); n != 6 {
		t.Errorf("%d lines in the chart", n)
	}
	if s := browsertest.Eval[string](t, p, `document.getElementById("checkpoint").dataset.size`); s != itoa(rep.Checkpoint.Size) {
		t.Errorf("checkpoint %s, report %d", s, rep.Checkpoint.Size)
	}
	shown := browsertest.Eval[[]string](t, p, `Array.from(document.querySelectorAll("#groups tbody tr")).map(function (tr) { return tr.cells[2].textContent; })`)
	for i, g := range rep.Metrics.Groups {
		if want := g.SelectionRate.Value.String() + " " + g.SelectionRate.CI.String(); i >= len(shown) || shown[i] != want {
			t.Errorf("group %s: shown %v, CLI %s", g.Label, shown, want)
		}
	}
	if title := browsertest.Eval[string](t, p, `document.querySelector("svg title").textContent`); !strings.HasPrefix(title, "Selection rate per group") {
		t.Errorf("chart title %q", title)
	}
	p.SaveScreenshot(t, "regulator-fairness.png")

	// Printed, the page is a report: no navigation, forms or export links;
	// the checkpoint, the tables and the chart stay.
	if _, err := chromedp.Call(p.Context(), emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	hidden := browsertest.Eval[[]string](t, p, `["header nav", "form.who", "form.filter", "p.exports"].map(function (s) { return s + " " + getComputedStyle(document.querySelector(s)).display; })`)
	for _, h := range hidden {
		if !strings.HasSuffix(h, " none") {
			t.Errorf("printed: %s", h)
		}
	}
	if d := browsertest.Eval[string](t, p, `getComputedStyle(document.getElementById("checkpoint")).display + " " + getComputedStyle(document.querySelector("figure.chart")).display`); d != "block block" {
		t.Errorf("printed, the checkpoint and chart are %q", d)
	}
}
