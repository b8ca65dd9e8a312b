package portal_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/portal"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/registry"
)

func get(t *testing.T, u string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// postForm posts a form as a browser on the portal's own page would
// (Sec-Fetch-Site: same-origin), or from site when it is set.
func postForm(t *testing.T, u string, form url.Values, site string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if site == "" {
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	} else {
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		req.Header.Set("Origin", site)
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// TestHeaders: every response, page, error or file, carries the strict
// CSP (with the configured RPC origin in connect-src and nothing else from
// outside), no-referrer (the token is in the URL), no-store and nosniff.
func TestHeaders(t *testing.T) {
	f := newFixture(t, &fixtureOpts{static: true})
	for _, u := range []string{f.link(t, "app-1001"), f.srv.URL + "/check", f.srv.URL + "/a/nonsense", f.srv.URL + "/static/portal.css", f.srv.URL + "/nowhere"} {
		resp, body := get(t, u)
		h := resp.Header
		want := "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self' " + f.chain.URL +
			"; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
		if got := h.Get("Content-Security-Policy"); got != want {
			t.Errorf("%s: CSP %q, want %q", u, got, want)
		}
		if h.Get("Referrer-Policy") != "no-referrer" || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: headers %v", u, h)
		}
		if cc := h.Get("Cache-Control"); cc != "no-store" && !strings.HasSuffix(u, ".css") {
			t.Errorf("%s: Cache-Control %q", u, cc)
		}
		// No outside origin in any page: every src and href is ours.
		for _, m := range regexp.MustCompile(`(?:src|href|action)="([^"]*)"`).FindAllStringSubmatch(body, -1) {
			if !strings.HasPrefix(m[1], "/") && !strings.HasPrefix(m[1], "#") {
				t.Errorf("%s: reference to %q", u, m[1])
			}
		}
		if strings.Contains(body, "<script>") || strings.Contains(body, " style=") || strings.Contains(body, " on") && regexp.MustCompile(` on[a-z]+=`).MatchString(body) {
			t.Errorf("%s: an inline script, style or handler", u)
		}
	}
}

// TestApplicantPageHTML: the page shows the decision from its receipt: the
// outcome's text, the score, the date, the model and its registration, at
// most four reasons with the lender's texts (one-hot columns summed into
// one reason, never a column name), the chart with its table, and the
// inputs under their labels.
func TestApplicantPageHTML(t *testing.T) {
	f := newFixture(t, &fixtureOpts{static: true})
	resp, body := get(t, f.link(t, "app-1001"))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d\n%s", resp.StatusCode, body)
	}
	for _, want := range []string{"Declined", "Estimated probability of default", "20 November 2026, 14:05 UTC", "german-credit-xgb", "1.0.0",
		"Registered in block", "with this digest", "Term (months)", "Amount requested", "<svg class=\"chart\"", "<caption>The chart",
		"In-browser check not available", "Download the receipt", "File the dispute", "Erase my personal data"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	reasons := regexp.MustCompile(`(?s)<ol class="reasons">(.*?)</ol>`).FindStringSubmatch(body)
	if reasons == nil {
		t.Fatal("no reasons")
	}
	items := regexp.MustCompile(`<li>([^<]*)</li>`).FindAllStringSubmatch(reasons[1], -1)
	var got []string
	for _, it := range items {
		got = append(got, it[1])
	}
	want := []string{"Term of the loan requested", "Amount of credit requested", "Purpose of the loan", "Insufficient savings"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("reasons %q, want %q", got, want)
	}
	shown := regexp.MustCompile(`data-receipt="[^"]*"`).ReplaceAllString(body, "")
	if strings.Contains(shown, "Purpose=car") {
		t.Errorf("a one-hot column name is shown")
	}
	// The approved decision gives no reasons.
	_, body = get(t, f.link(t, "app-1002"))
	if strings.Contains(body, "Principal reasons") || !strings.Contains(body, "Approved") {
		t.Errorf("the approved decision's page gives reasons or lacks its outcome")
	}
	// The receipt the page verifies is the one the server downloads.
	m := regexp.MustCompile(`data-receipt="([^"]*)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no receipt in the page")
	}
}

// TestDownload: the receipt downloads as an attachment and parses, with
// every disclosure and the anchor.
func TestDownload(t *testing.T) {
	f := newFixture(t, &fixtureOpts{static: true})
	resp, body := get(t, f.link(t, "app-1001")+"/receipt.json")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Disposition") != `attachment; filename="receipt-app-1001.json"` {
		t.Fatalf("status %d, headers %v", resp.StatusCode, resp.Header)
	}
	r, err := receipt.Parse([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if r.Anchor == nil || r.Disclosures.Inputs == nil || r.Disclosures.Explanation == nil || r.Disclosures.Subject == nil {
		t.Errorf("the receipt lacks its anchor or a disclosure: %+v", r)
	}
}

// TestLinkErrorsHTTP: a foreign, a truncated and an expired link get the
// error page, with 404 and 410, and show nothing of a decision.
func TestLinkErrorsHTTP(t *testing.T) {
	f := newFixture(t, &fixtureOpts{static: true})
	good := f.link(t, "app-1001")
	foreign, err := access.NewLinks(access.NewLinkKey(), nil)
	if err != nil {
		t.Fatal(err)
	}
	ftok, _, _ := foreign.Issue("app-1001")
	etok := expiredToken(t, f.linkKey, "app-1001")
	for _, c := range []struct {
		url, heading string
		status       int
	}{
		{f.srv.URL + "/a/" + ftok, "This link is not valid", http.StatusNotFound},
		{good[:len(good)-3], "This link is not valid", http.StatusNotFound},
		{f.srv.URL + "/a/" + etok, "This link has expired", http.StatusGone},
		{f.srv.URL + "/a/" + etok + "/receipt.json", "This link has expired", http.StatusGone},
	} {
		resp, body := get(t, c.url)
		if resp.StatusCode != c.status || !strings.Contains(body, c.heading) || strings.Contains(body, "german-credit") {
			t.Errorf("%s: status %d\n%s", c.url, resp.StatusCode, body)
		}
	}
}

// TestCrossSitePost: a dispute or an erasure posted from another site is
// refused with 403, saying why, and changes nothing.
func TestCrossSitePost(t *testing.T) {
	f := newFixture(t, &fixtureOpts{static: true})
	link := f.link(t, "app-1001")
	for _, path := range []string{"/dispute", "/erase"} {
		resp, body := postForm(t, link+path, url.Values{"text": {"wrong"}, "confirm": {"yes"}}, "https://evil.example")
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "https://evil.example") || !strings.Contains(body, "Nothing was changed") {
			t.Errorf("%s: status %d\n%s", path, resp.StatusCode, body)
		}
	}
	st, err := f.dec.Get(context.Background(), "app-1001")
	if err != nil || st.Status != decisions.StatusSealed {
		t.Errorf("after refused posts: %v %v", st.Status, err)
	}
	if n, _ := f.chain.Registry.DisputeCount(context.Background()); n != 0 {
		t.Errorf("%d disputes filed", n)
	}
}

// TestDisputeAndErasureHTTP: a dispute is filed on the contract, with the
// text's hash, once; its status is shown; an empty text is refused with
// the form kept. Erasure asks for confirmation, then erases the subject:
// the page shows the erased state and no personal data, and the receipt
// still verifies offline.
func TestDisputeAndErasureHTTP(t *testing.T) {
	f := newFixture(t, &fixtureOpts{static: true})
	ctx := context.Background()
	link := f.link(t, "app-1001")
	resp, body := postForm(t, link+"/dispute", url.Values{"text": {"  "}}, "")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Please write what you think is wrong") {
		t.Errorf("empty dispute: %d", resp.StatusCode)
	}
	for range 2 {
		resp, _ = postForm(t, link+"/dispute", url.Values{"text": {"My savings were 12000, not 120."}}, "")
		if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(resp.Header.Get("Location"), "?done=dispute#dispute") {
			t.Fatalf("dispute: %d %v", resp.StatusCode, resp.Header)
		}
	}
	if n, _ := f.chain.Registry.DisputeCount(ctx); n != 1 {
		t.Fatalf("%d disputes on the contract, want 1", n)
	}
	d, err := f.chain.Registry.Dispute(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := f.dec.Get(ctx, "app-1001")
	if d.LeafIndex != st.Index || !strings.HasPrefix(d.ReasonURI, "sha256:") {
		t.Errorf("dispute %+v", d)
	}
	_, body = get(t, link+"?done=dispute")
	if !strings.Contains(body, "Dispute number <strong>1</strong>") || !strings.Contains(body, "Status: <strong class=\"status\">open</strong>") {
		t.Errorf("the page does not show the open dispute")
	}

	resp, body = postForm(t, link+"/erase", nil, "")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Yes, erase my personal data") {
		t.Fatalf("erase, first step: %d", resp.StatusCode)
	}
	if st, _ := f.dec.Get(ctx, "app-1001"); st.Status != decisions.StatusSealed {
		t.Fatal("erased before confirmation")
	}
	resp, _ = postForm(t, link+"/erase", url.Values{"confirm": {"yes"}}, "")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("erase: %d", resp.StatusCode)
	}
	if st, _ := f.dec.Get(ctx, "app-1001"); st.Status != decisions.StatusErased {
		t.Fatal("not erased")
	}
	_, body = get(t, link+"?done=erased")
	for _, want := range []string{"Your personal data is gone", "Declined", "remains verifiable"} {
		if !strings.Contains(body, want) {
			t.Errorf("erased page lacks %q", want)
		}
	}
	for _, gone := range []string{"Term (months)", "applicant-app-1001", "Principal reasons", "Erase my personal data…"} {
		if strings.Contains(body, gone) {
			t.Errorf("erased page still shows %q", gone)
		}
	}
	_, rb := get(t, link+"/receipt.json")
	r, err := receipt.Parse([]byte(rb))
	if err != nil {
		t.Fatal(err)
	}
	if r.Disclosures != (receipt.Disclosures{}) {
		t.Errorf("the erased receipt discloses %+v", r.Disclosures)
	}
}

// TestOptions: unusable options are refused with ErrConfig, naming what is
// wrong.
func TestOptions(t *testing.T) {
	f := newFixture(t, &fixtureOpts{static: true})
	for _, c := range []struct {
		o    portal.Options
		want string
	}{
		{portal.Options{Links: f.links}, "Decisions"},
		{portal.Options{Decisions: f.dec}, "Links"},
		{portal.Options{Decisions: f.dec, Links: f.links, RPCURL: "http://x"}, "go together"},
		{portal.Options{Decisions: f.dec, Links: f.links, RPCURL: "javascript:x", Contract: f.chain.Contract()}, "not an http(s) URL"},
		{portal.Options{Decisions: f.dec, Links: f.links, RPCURL: "http://a 'unsafe-inline'", Contract: f.chain.Contract()}, "not an http(s) URL"},
		{portal.Options{Decisions: f.dec, Links: f.links, RPCURL: "http://a", Contract: "0x12"}, "not a 0x address"},
		{portal.Options{Decisions: f.dec, Links: f.links, Prefix: "portal"}, "must start with /"},
	} {
		_, err := portal.New(&c.o)
		if !errors.Is(err, portal.ErrConfig) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want ErrConfig naming %q", c.o, err, c.want)
		}
	}
	if _, err := portal.New(nil); !errors.Is(err, portal.ErrConfig) {
		t.Errorf("nil options: %v", err)
	}
}

// expiredToken is a token under key that expired an hour ago.
func expiredToken(t *testing.T, key []byte, id string) string {
	t.Helper()
	past, err := access.NewLinks(key, &access.LinkOptions{TTL: time.Hour, Now: func() time.Time { return time.Now().Add(-2 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	tok, _, err := past.Issue(id)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// TestMounted: the portal works under a prefix, mounted on a mux as it is
// or behind http.StripPrefix; its pages link under the prefix.
func TestMounted(t *testing.T) {
	f := newFixture(t, &fixtureOpts{static: true, prefix: "/portal"})
	tok, _, _ := f.links.Issue("app-1001")
	mux := http.NewServeMux()
	mux.Handle("/portal/", f.p)
	mux.Handle("/stripped/", http.StripPrefix("/stripped", f.p))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, base := range []string{srv.URL + "/portal", srv.URL + "/stripped"} {
		resp, body := get(t, base+"/a/"+tok)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, `href="/portal/static/portal.css"`) || !strings.Contains(body, `action="/portal/a/`+tok+`/dispute"`) {
			t.Errorf("%s: status %d", base, resp.StatusCode)
		}
		if resp, _ := get(t, base+"/static/portal.js"); resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/javascript; charset=utf-8" {
			t.Errorf("%s: portal.js: %d %s", base, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	resp, _ := postForm(t, srv.URL+"/portal/a/"+tok+"/dispute", url.Values{"text": {"wrong"}}, "")
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != "/portal/a/"+tok+"?done=dispute#dispute" {
		t.Errorf("dispute under the prefix: %d %s", resp.StatusCode, loc)
	}
}

// TestStatic: the verifier's files come from Options.Static with their
// types; anything else under /static is not found; without them the pages
// say the in-browser check is not available and load no verifier.
func TestStatic(t *testing.T) {
	f := newFixture(t, &fixtureOpts{static: true})
	for _, name := range []string{"receipt.wasm", "wasm_exec.js", "../portal.go", "templates", "x.css"} {
		if resp, _ := get(t, f.srv.URL+"/static/"+name); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", name, resp.StatusCode)
		}
	}
	_, body := get(t, f.srv.URL+"/check")
	if !strings.Contains(body, "In-browser check not available") || strings.Contains(body, "wasm_exec.js") {
		t.Errorf("the check page without a verifier:\n%s", body)
	}
	dir := t.TempDir()
	for name, content := range map[string]string{"receipt.wasm": "\x00asm\x01\x00\x00\x00", "wasm_exec.js": "// go"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := portal.New(&portal.Options{Decisions: f.dec, Links: f.links, Static: os.DirFS(dir)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(p)
	defer srv.Close()
	resp, body := get(t, srv.URL+"/static/receipt.wasm")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/wasm" || body != "\x00asm\x01\x00\x00\x00" {
		t.Errorf("receipt.wasm: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	_, body = get(t, srv.URL+"/check")
	if !strings.Contains(body, `<script src="/static/wasm_exec.js" defer>`) || !strings.Contains(body, `data-wasm="/static/receipt.wasm"`) {
		t.Errorf("the check page with a verifier:\n%s", body)
	}
	if resp, _ := get(t, srv.URL+"/check"); !strings.Contains(resp.Header.Get("Content-Security-Policy"), "connect-src 'self';") {
		t.Errorf("without an RPC URL: CSP %s", resp.Header.Get("Content-Security-Policy"))
	}
}

// TestChainState: the page shows what the contract says: a deprecated
// model version with its reason, a resolved dispute's status, and a model
// version that was never registered.
func TestChainState(t *testing.T) {
	f := newFixture(t, &fixtureOpts{static: true})
	ctx := context.Background()
	link := f.link(t, "app-1001")
	if _, err := f.chain.Registry.DeprecateModel(ctx, f.chain.Auth, testModel.Name, testModel.Version, "retrained on 2026 data"); err != nil {
		t.Fatal(err)
	}
	if resp, _ := postForm(t, link+"/dispute", url.Values{"text": {"My savings were 12000."}}, ""); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("dispute: %d", resp.StatusCode)
	}
	if _, err := f.chain.Registry.ResolveDispute(ctx, f.chain.Auth, 1, registry.DisputeUpheld, "https://lender.example/resolutions/1"); err != nil {
		t.Fatal(err)
	}
	_, body := get(t, link)
	for _, want := range []string{`<strong class="deprecated">Deprecated</strong>: retrained on 2026 data.`, `Status: <strong class="status">upheld</strong>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}

	other := newFixture(t, &fixtureOpts{static: true, unregistered: true, model: record.Model{Name: "unregistered", Version: "0.1", ArtifactDigest: record.Digest{9}}})
	if _, body := get(t, other.link(t, "app-1001")); !strings.Contains(body, "<strong>Not registered</strong> on the registry contract.") {
		t.Errorf("an unregistered model's page lacks the warning")
	}
}

// TestAuthorize: the Authorize hook is asked with the link's decision id
// and its refusal is a 403 that shows nothing of the decision.
func TestAuthorize(t *testing.T) {
	f := newFixture(t, &fixtureOpts{static: true})
	var asked []string
	p, err := portal.New(&portal.Options{Decisions: f.dec, Links: f.links, Static: fstest.MapFS{},
		Authorize: func(r *http.Request, id string) error {
			asked = append(asked, id)
			return errors.New("this decision is under review; please call us")
		}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(p)
	defer srv.Close()
	tok, _, _ := f.links.Issue("app-1002")
	resp, body := get(t, srv.URL+"/a/"+tok)
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "under review") || strings.Contains(body, "german-credit") || len(asked) != 1 || asked[0] != "app-1002" {
		t.Errorf("status %d, asked %v\n%s", resp.StatusCode, asked, body)
	}
}

// TestReasonsNeedTexts: the page never gives a column name as a reason:
// without the lender's texts for a model it lists none and says why, and
// with texts missing for one variable it lists none either.
func TestReasonsNeedTexts(t *testing.T) {
	incomplete := modelInfo()
	delete(incomplete.Reasons.Texts, "Savings")
	noTexts := modelInfo()
	noTexts.Reasons.Texts = nil
	for name, c := range map[string]struct {
		info *portal.ModelInfo
		note string
	}{
		"incomplete": {incomplete, "the lender&#39;s texts for this model are incomplete"},
		"no texts":   {noTexts, "The lender has not given texts for the reasons of this model"},
	} {
		f := newFixture(t, &fixtureOpts{static: true, info: c.info})
		_, body := get(t, f.link(t, "app-1001"))
		if strings.Contains(body, `<ol class="reasons">`) || !strings.Contains(body, c.note) {
			t.Errorf("%s: reasons listed, or no note saying why not", name)
		}
		if !strings.Contains(body, "Term of the loan") { // the chart still draws
			t.Errorf("%s: no chart", name)
		}
	}
}

// TestReadOnlyOffersNoErasure: a portal over a log opened read-only (as
// glassbox serve opens it) shows no erasure form and refuses an erasure
// POST with a page that says where to ask, erasing nothing.
func TestReadOnlyOffersNoErasure(t *testing.T) {
	f := newFixture(t, &fixtureOpts{static: true, readOnly: true})
	link := f.link(t, "app-1001")
	resp, body := get(t, link)
	if resp.StatusCode != http.StatusOK || strings.Contains(body, "Erase my personal data") || !strings.Contains(body, "Your credit decision") {
		t.Fatalf("read-only page: %d, erase form shown: %v", resp.StatusCode, strings.Contains(body, "Erase my personal data"))
	}
	resp, body = postForm(t, link+"/erase", url.Values{"confirm": {"yes"}}, "")
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "Erasure is not offered here") {
		t.Fatalf("erase on a read-only portal: %d", resp.StatusCode)
	}
	if st, err := f.dec.Get(context.Background(), "app-1001"); err != nil || st.Status != decisions.StatusSealed {
		t.Fatalf("after the refused erasure: %v %v", st.Status, err)
	}
}

// TestModelArtifact: GET /a/{token}/model serves the artifact of the
// link's decision only when its bytes have the leaf's digest; without
// Options.Artifacts, or with a link that does not open, there is nothing.
func TestModelArtifact(t *testing.T) {
	served := map[[32]byte][]byte{}
	model := []byte("the model file")
	m := testModel
	m.ArtifactDigest = record.Digest(sha256.Sum256(model))
	f := newFixture(t, &fixtureOpts{static: true, model: m, artifacts: func(_ context.Context, d [32]byte) ([]byte, error) {
		if b, ok := served[d]; ok {
			return b, nil
		}
		return []byte("some other model"), nil
	}})
	link := f.link(t, "app-1001")
	if resp, _ := get(t, link+"/model"); resp.StatusCode != http.StatusInternalServerError {
		t.Errorf("an artifact with another digest: %d, want 500", resp.StatusCode)
	}
	served[[32]byte(m.ArtifactDigest)] = model
	resp, body := get(t, link+"/model")
	if resp.StatusCode != http.StatusOK || body != string(model) {
		t.Errorf("the artifact: %d %q", resp.StatusCode, body)
	}
	if resp, _ := get(t, f.srv.URL+"/a/not-a-token/model"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a bad link: %d", resp.StatusCode)
	}
	// A genuine link to a decision the log does not hold: 404, as for the
	// page, not a server error.
	if resp, _ := get(t, f.link(t, "app-9999")+"/model"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a link to an unknown decision: %d, want 404", resp.StatusCode)
	}
	g := newFixture(t, &fixtureOpts{static: true})
	if resp, _ := get(t, g.link(t, "app-1001")+"/model"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("no Artifacts: %d", resp.StatusCode)
	}
}
