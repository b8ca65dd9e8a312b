package regulator_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/fairness"
	"github.com/glassbox-audit/glassbox/fairness/fairnesslog"
	"github.com/glassbox-audit/glassbox/portal/regulator"
)

// TestOverviewVerdicts: the good log's verdict passes with its three
// anchors; the forged log's fails and names the first bad checkpoint, the
// second anchored size (the copy shares the history up to the first
// anchor, then holds a rewritten decision).
func TestOverviewVerdicts(t *testing.T) {
	f := newFixture(t, nil)
	c := f.client(t)
	code, body := c.login(tokPublic)
	if code != http.StatusOK {
		t.Fatalf("login: %d\n%s", code, body)
	}
	if !strings.Contains(body, `id="log-0" data-verdict="pass"`) || !strings.Contains(body, "anchored checkpoints match the contract") {
		t.Errorf("the good log's verdict is not pass:\n%s", body)
	}
	want := `id="log-1" data-verdict="fail" data-first-bad="` + itoa(f.forged.anchored[1]) + `"`
	if !strings.Contains(body, want) || !strings.Contains(body, "1 of 3 anchors verified before it") {
		t.Errorf("want %s, after 1 of 3 verified, in\n%s", want, body)
	}
}

var hrefRE = regexp.MustCompile(`href="([^"#]*)`)

// crawl follows every link of the portal's pages from the start paths,
// visiting at most max pages, and returns the bodies by path.
func crawl(t *testing.T, c *client, max int, start ...string) map[string]string {
	t.Helper()
	seen := map[string]string{}
	queue := slices.Clone(start)
	for len(queue) > 0 && len(seen) < max {
		p := queue[0]
		queue = queue[1:]
		if _, ok := seen[p]; ok {
			continue
		}
		code, body := c.get(p)
		if code != http.StatusOK {
			t.Errorf("GET %s: %d", p, code)
		}
		seen[p] = body
		for _, m := range hrefRE.FindAllStringSubmatch(body, -1) {
			h := strings.ReplaceAll(m[1], "&amp;", "&")
			if strings.HasPrefix(h, "?") {
				h = strings.SplitN(p, "?", 2)[0] + h
			}
			if !strings.HasPrefix(h, "/") || strings.HasPrefix(h, "/static/") {
				continue
			}
			queue = append(queue, h)
		}
	}
	return seen
}

// TestPublicScopeNeverShowsPersonalData: a regulator without the sealed
// scope crawls every page (every decision of the first pages, their
// receipts, the fairness reports and exports, models, disputes) and never
// sees a planted personal value; the group filter is refused. A regulator
// with the scope sees them on a decision's page, and each read is an
// access leaf of the log (after the leaves the crawl saw), listed on the
// trail page with its inclusion verified.
func TestPublicScopeNeverShowsPersonalData(t *testing.T) {
	f := newFixture(t, nil)
	c := f.client(t)
	c.login(tokPublic)
	fq := "/logs/0/fairness?model=" + modelName + "&by=sex,age_band&window=week&outcomes=1"
	pages := crawl(t, c, 400, "/", fq, fq+"&format=csv", fq+"&format=json", "/logs/0/decisions/"+f.disputed)
	if len(pages) < 120 {
		t.Errorf("crawled only %d pages", len(pages))
	}
	decisionPages := 0
	for p, body := range pages {
		if strings.Contains(body, plantedSubject) || strings.Contains(body, plantedInput) {
			t.Errorf("%s shows personal data", p)
		}
		if strings.Contains(p, "/decisions/app-") && !strings.HasSuffix(p, ".json") {
			decisionPages++
			if !strings.Contains(body, "does not allow reading sealed personal data") {
				t.Errorf("%s does not say why the payload is not shown", p)
			}
		}
	}
	if decisionPages < 50 {
		t.Errorf("crawled %d decision pages", decisionPages)
	}
	if code, body := c.get("/logs/0/decisions?group=sex%3Dfemale"); code != http.StatusBadRequest || !strings.Contains(body, "needs the sealed scope") {
		t.Errorf("group filter without the sealed scope: %d", code)
	}
	sizeBefore := f.good.lg.Size()
	if got := accesses(t, f); len(got) != 0 {
		t.Errorf("access leaves after the public crawl: %+v", got)
	}

	s := f.client(t)
	s.login(tokSealed)
	_, body := s.get("/logs/0/decisions/app-000004")
	if !strings.Contains(body, plantedInput) || !strings.Contains(body, plantedSubject+"000004") {
		t.Fatalf("the sealed scope does not show the payload:\n%s", body)
	}
	if _, rc := s.get("/logs/0/decisions/app-000004/receipt.json"); !strings.Contains(rc, `"subject"`) {
		t.Errorf("the sealed receipt has no subject disclosure: %s", rc)
	}
	got := accesses(t, f)
	if len(got) != 2 || got[0].Access.DecisionID != "app-000004" || got[0].Access.What != "payload" || got[1].Access.What != "receipt" ||
		got[0].Access.Reader != "Examiner A (sealed)" || got[0].Index != sizeBefore || got[1].Index != sizeBefore+1 {
		t.Errorf("access leaves: %+v", got)
	}
	st, err := f.good.dec.Get(context.Background(), "app-000004")
	if err != nil || got[0].Access.Index != st.Index {
		t.Errorf("the access names leaf %d, the decision is leaf %d (%v)", got[0].Access.Index, st.Index, err)
	}
	// The trail page lists both, inclusion verified, and no personal data.
	_, tp := s.get("/logs/0/trail")
	if strings.Count(tp, `<span class="pass">verified</span>`) != 2 || !strings.Contains(tp, "Examiner A (sealed)") ||
		strings.Contains(tp, plantedSubject) || strings.Contains(tp, plantedInput) {
		t.Errorf("trail page:\n%s", tp)
	}
	if code, body := s.get("/logs/0/decisions?group=sex%3Dfemale&model=" + modelName); code != http.StatusOK || strings.Count(body, `<tr><td><a href=`) != regulator.PageRows {
		t.Errorf("group filter with the sealed scope: %d", code)
	}
}

// TestSessionExpires: after its TTL a session redirects to the login form,
// which says it expired; logout ends a session at once.
func TestSessionExpires(t *testing.T) {
	f := newFixture(t, nil)
	c := f.client(t)
	if _, body := c.login(tokPublic); !strings.Contains(body, "Overview") {
		t.Fatal("no overview after login")
	}
	f.clock.add(21 * time.Minute)
	code, body := c.get("/logs/0/decisions")
	if code != http.StatusOK || !strings.Contains(body, "Your session expired") || strings.Contains(body, "app-0000") {
		t.Errorf("expired session: %d\n%s", code, body)
	}
	c.login(tokPublic)
	if _, body := c.post("/logout", nil); !strings.Contains(body, "You are logged out") {
		t.Errorf("logout: %s", body)
	}
	if _, body := c.get("/"); !strings.Contains(body, "Regulator login") {
		t.Errorf("after logout: %s", body)
	}
}

// TestCrossSitePostRefused: a login or logout posted from another site is
// refused with 403, sets no cookie and ends no session.
func TestCrossSitePostRefused(t *testing.T) {
	f := newFixture(t, nil)
	c := f.client(t)
	c.login(tokPublic)
	for _, path := range []string{"/login", "/logout"} {
		req, _ := http.NewRequest(http.MethodPost, f.srv.URL+path, strings.NewReader(url.Values{"credential": {tokSealed}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden || len(resp.Cookies()) != 0 {
			t.Errorf("cross-site POST %s: %d, cookies %v", path, resp.StatusCode, resp.Cookies())
		}
	}
	if _, body := c.get("/"); !strings.Contains(body, "Examiner B") {
		t.Error("the session ended")
	}
}

// TestLoginCookie: a wrong credential is refused; the session cookie is
// HttpOnly, SameSite=Strict, with the portal's prefix as its path.
func TestLoginCookie(t *testing.T) {
	f := newFixture(t, &fixtureOpts{prefix: "/regulator"})
	c := f.client(t)
	if code, body := c.post("/regulator/login", url.Values{"credential": {strings.Repeat("x", 40)}}); code != http.StatusUnauthorized || !strings.Contains(body, "not valid") {
		t.Errorf("bad credential: %d", code)
	}
	req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/regulator/login", strings.NewReader(url.Values{"credential": {tokPublic}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	sc := resp.Header.Get("Set-Cookie")
	for _, want := range []string{regulator.SessionCookie + "=", "Path=/regulator", "HttpOnly", "SameSite=Strict"} {
		if !strings.Contains(sc, want) {
			t.Errorf("Set-Cookie %q lacks %s", sc, want)
		}
	}
	if loc := resp.Header.Get("Location"); loc != "/regulator/" {
		t.Errorf("redirect to %q", loc)
	}
}

// TestHostileValuesShownAsText: a model name, a label and a group value
// holding markup are shown escaped on every page that shows them.
func TestHostileValuesShownAsText(t *testing.T) {
	f := newFixture(t, &fixtureOpts{hostile: true})
	c := f.client(t)
	c.login(tokSealed)
	checks := []struct{ path, raw string }{
		{"/logs/0/decisions", xssLabel},
		{"/logs/0/decisions", xssModel},
		{"/logs/0/decisions/app-000007", xssModel},
		{"/logs/0/decisions/app-000007", xssGroup},
		{"/logs/0/models", xssModel},
		{"/logs/0/fairness?by=age_band&window=week", xssGroup},
		{"/logs/0/fairness?by=age_band&window=week", xssModel},
	}
	for _, ck := range checks {
		_, body := c.get(ck.path)
		if strings.Contains(body, ck.raw) {
			t.Errorf("%s holds %s unescaped", ck.path, ck.raw)
		}
		esc := strings.NewReplacer("<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(ck.raw)
		if !strings.Contains(body, esc) {
			t.Errorf("%s does not show %s as text (%s)", ck.path, ck.raw, esc)
		}
	}
}

// cliQuery is the query `glassbox fairness --model M --by B --window W
// [--outcomes] --json` builds with its default flags (cmd/glassbox
// fairness.go): favourable approve, favourable outcome repaid, the
// default minimum group size, confidence and replicates, seed 0.
func cliQuery(model string, by []string, window fairness.Window, outcomes bool) *fairness.Query {
	q := &fairness.Query{Model: model, By: by, Window: window, Spec: fairness.Spec{
		Favourable: []string{"approve"}, Outcomes: outcomes, MinGroupSize: fairness.DefaultMinGroupSize,
		Confidence: fairness.DefaultConfidence, Replicates: fairness.DefaultReplicates,
	}}
	if outcomes {
		q.Spec.FavourableOutcomes = []string{"repaid"}
	}
	return q
}

// TestFairnessMatchesCLI: the JSON export is byte for byte what `glassbox
// fairness --json` writes for the same query at the same checkpoint; the
// CSV export carries that checkpoint on every row and the same selection
// rates; the page shows six intersectional groups, one row per week, and
// both versions side by side.
func TestFairnessMatchesCLI(t *testing.T) {
	f := newFixture(t, nil)
	c := f.client(t)
	c.login(tokPublic)
	q := "/logs/0/fairness?model=" + modelName + "&by=sex,age_band&window=week&outcomes=1"
	_, got := c.get(q + "&format=json")
	rep, err := fairness.NewReport(context.Background(), fairnesslog.Source(f.good.dec), cliQuery(modelName, []string{"sex", "age_band"}, fairness.Week, true))
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		t.Fatal(err)
	}
	if got != want.String() {
		t.Fatalf("the JSON export differs from the CLI's report:\n got %.400s\nwant %.400s", got, want.String())
	}
	if rep.Checkpoint.Size != f.good.lg.Size() || len(rep.Series) != 4 || len(rep.Metrics.Groups) != 6 || rep.Metrics.EqualOpportunity == nil {
		t.Fatalf("report: size %d, %d windows, %d groups", rep.Checkpoint.Size, len(rep.Series), len(rep.Metrics.Groups))
	}
	_, csvText := c.get(q + "&format=csv")
	rows, err := csv.NewReader(strings.NewReader(csvText)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rates := 0
	for _, r := range rows[1:] {
		if r[1] != itoa(rep.Checkpoint.Size) || r[0] != f.good.lg.Origin() {
			t.Fatalf("CSV row not bound to the checkpoint: %v", r)
		}
		if r[3] == "all" && r[5] == "selection_rate" {
			g := rep.Metrics.Groups[rates]
			if r[4] != g.Label || r[6] != strconvF(g.SelectionRate.V) {
				t.Errorf("CSV %v, report %s %v", r, g.Label, g.SelectionRate.V)
			}
			rates++
		}
	}
	if rates != 6 {
		t.Errorf("%d selection rates in the CSV", rates)
	}
	_, page := c.get(q)
	if n := strings.Count(page, `<g class="series`); n != 6 {
		t.Errorf("%d series in the chart", n)
	}
	if !strings.Contains(page, `data-size="`+itoa(rep.Checkpoint.Size)+`"`) {
		t.Error("the page does not name the checkpoint")
	}
	for _, g := range rep.Metrics.Groups {
		if !strings.Contains(page, g.SelectionRate.Value.String()+" "+g.SelectionRate.CI.String()) {
			t.Errorf("the page lacks %s's selection rate %s", g.Label, g.SelectionRate.Value)
		}
	}
	if !strings.Contains(page, `<th scope="row">1.0</th>`) || !strings.Contains(page, `<th scope="row">2.0</th>`) {
		t.Error("no versions side by side")
	}
}

// TestScopedCredential: a credential scoped to one log and one model sees
// that log only, and must choose the model for a fairness report.
func TestScopedCredential(t *testing.T) {
	f := newFixture(t, nil)
	c := f.client(t)
	_, body := c.login(tokOneModel)
	if strings.Contains(body, f.forged.lg.Origin()) || !strings.Contains(body, f.good.lg.Origin()) {
		t.Error("the overview shows a log out of scope")
	}
	if code, _ := c.get("/logs/1/decisions"); code != http.StatusNotFound {
		t.Errorf("a log out of scope: %d", code)
	}
	if code, body := c.get("/logs/0/fairness?by=sex"); code != http.StatusBadRequest || !strings.Contains(body, "choose one") {
		t.Errorf("fairness over all models with a model scope: %d", code)
	}
}

// TestDecisionAndDisputes: a decision's page verifies its receipt against
// the contract; the disputes page lists the open and the rejected dispute,
// linked to their decisions and receipts; the models page shows both
// versions with their registrations, the deprecation and the counts.
func TestDecisionAndDisputes(t *testing.T) {
	f := newFixture(t, nil)
	c := f.client(t)
	c.login(tokPublic)
	_, body := c.get("/logs/0/decisions/" + f.disputed)
	if !strings.Contains(body, `data-ok="true"`) || !strings.Contains(body, "its anchor on the contract") || !strings.Contains(body, "open, filed in block") {
		t.Errorf("decision page:\n%s", body)
	}
	_, body = c.get("/logs/1/decisions/" + f.forged.victim)
	if !strings.Contains(body, `data-ok="false"`) {
		t.Errorf("the forged decision verifies:\n%s", body)
	}
	_, body = c.get("/logs/0/disputes")
	open, resolved, _ := strings.Cut(body, `id="resolved"`)
	if !strings.Contains(open, ">"+f.disputed+"</a>") || !strings.Contains(resolved, ">"+f.resolved+"</a>") || !strings.Contains(resolved, "rejected") {
		t.Errorf("disputes page:\n%s", body)
	}
	_, body = c.get("/logs/0/models")
	if !strings.Contains(body, "deprecated</span>: replaced by 2.0") || strings.Count(body, "digest matches") != 2 || !strings.Contains(body, "<td>240</td>") {
		t.Errorf("models page:\n%s", body)
	}
}

// accesses returns the access leaves of the fixture's good log.
func accesses(t *testing.T, f *fixture) []decisions.AccessEntry {
	t.Helper()
	var out []decisions.AccessEntry
	if _, _, err := f.good.dec.Accesses(context.Background(), 0, 0, func(e decisions.AccessEntry) error {
		out = append(out, e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}
