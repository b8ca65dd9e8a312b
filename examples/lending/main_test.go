package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/httpapi"
	"github.com/glassbox-audit/glassbox/portal/access"
)

//go:embed model/expected.json
var expectedJSON []byte

// The example's scoring agrees with XGBoost's own probabilities for the
// shipped applicants (model/expected.json, written by XGBoost 1.7.4).
func TestScoresMatchXGBoost(t *testing.T) {
	cm, err := loadModel()
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Applicants    []string  `json:"applicants"`
		Probabilities []float64 `json:"probabilities"`
	}
	if err := json.Unmarshal(expectedJSON, &want); err != nil {
		t.Fatal(err)
	}
	byID := map[string]sample{}
	for _, s := range cm.samples {
		byID[s.id] = s
	}
	if len(want.Applicants) == 0 {
		t.Fatal("no expected values")
	}
	for i, id := range want.Applicants {
		s, ok := byID[id]
		if !ok {
			t.Fatalf("applicant %s not in applicants.csv", id)
		}
		a, err := cm.explain(s.row)
		if err != nil {
			t.Fatal(err)
		}
		if got := cm.probability(a.Output); math.Abs(got-want.Probabilities[i]) > 1e-5 {
			t.Errorf("%s: probability %v, XGBoost says %v", id, got, want.Probabilities[i])
		}
	}
}

func TestBatchRun(t *testing.T) {
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-n", "150", "-workers", "4", "-anchor-entries", "60", "-anchor-interval", "50ms"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out.String(), errb.String())
	}
	for _, want := range []string{"Decided 150 applications", "Anchored:", "Fairness by sex", "Fairness by age_band", "result:      VERIFIED"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestLogDirectory: with --dir, the example leaves a log directory in the
// one layout (auditlog.CreateDir's), which opens read-only with its
// verifier key alone and passes the integrity check (what glassbox log
// verify --dir runs), and which a second run reopens.
func TestLogDirectory(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "lending")
	args := []string{"-n", "30", "-workers", "2", "-dir", dir, "-anchor-entries", "10", "-anchor-interval", "50ms"}
	for round := range 2 {
		var out, errb bytes.Buffer
		if code := run(ctx, args, &out, &errb); code != 0 {
			t.Fatalf("run %d: exit %d\n%s\n%s", round, code, out.String(), errb.String())
		}
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if want := []string{auditlog.KEKFile, auditlog.CheckpointFileName, auditlog.StoreDir, auditlog.SignerKeyFile, auditlog.VerifierKeyFile}; !slices.Equal(names, want) {
		t.Fatalf("the example's directory holds %q, want %q", names, want)
	}
	info, err := auditlog.ReadDirInfo(dir)
	if err != nil || info.Origin != Origin {
		t.Fatalf("ReadDirInfo: %+v %v", info, err)
	}
	l, err := auditlog.OpenDir(dir, &auditlog.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if err := l.CheckIntegrity(ctx); err != nil {
		t.Fatalf("integrity: %v", err)
	}
	if l.Size() < 30 {
		t.Errorf("the log holds %d entries, want the 30 decisions at least", l.Size())
	}
	cp, err := l.LatestCheckpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := verify.OpenCheckpoint(cp.Note, info.Verifier); err != nil {
		t.Errorf("the latest checkpoint does not verify with verifier.key: %v", err)
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-n", "0"}, {"--rpc", "http://127.0.0.1:1"}, {"extra"}, {"-nope"}} {
		if code := run(context.Background(), args, io.Discard, io.Discard); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

// api is the example service behind a test server, with one token per
// role.
type api struct {
	s      *service
	srv    *httptest.Server
	tokens map[access.Role]string
}

func startAPI(t *testing.T, flags ...string) *api {
	t.Helper()
	return startAPIDir(t, t.TempDir(), flags...)
}

// startAPIDir is startAPI on the log directory dir.
func startAPIDir(t *testing.T, dir string, flags ...string) *api {
	t.Helper()
	cfg, err := parseFlags(append([]string{"-anchor-entries", "1", "-anchor-interval", "10ms"}, flags...), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	s, err := startService(context.Background(), cfg, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.close() })
	a := &api{s: s, tokens: map[access.Role]string{}}
	m := map[string]access.Role{}
	for _, r := range access.Roles {
		a.tokens[r] = access.NewToken()
		m[a.tokens[r]] = r
	}
	toks, err := access.NewTokens(m)
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.handler(toks, "")
	if err != nil {
		t.Fatal(err)
	}
	a.srv = httptest.NewServer(h)
	t.Cleanup(a.srv.Close)
	return a
}

// do sends one request with role's token ("" for none) and returns the
// status and body.
func (a *api) do(t *testing.T, method, path string, role access.Role, body string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, a.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+a.tokens[role])
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := a.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

func (a *api) post(t *testing.T, app Applicant) (int, []byte) {
	t.Helper()
	body, err := json.Marshal(app)
	if err != nil {
		t.Fatal(err)
	}
	return a.do(t, "POST", "/v1/decisions", access.RoleLender, string(body))
}

func TestHTTPAPI(t *testing.T) {
	ctx := context.Background()
	a := startAPI(t)
	s := a.s

	apps := s.model.applicants(3, 0)
	var decided []posted
	for _, app := range apps {
		code, b := a.post(t, app)
		var d posted
		if err := json.Unmarshal(b, &d); err != nil || code != 200 {
			t.Fatalf("POST: %d %v %s", code, err, b)
		}
		if d.ID != app.ID || (d.Label == "decline") != (len(d.Reasons) > 0) || d.Link.Token == "" {
			t.Fatalf("decision %+v", d)
		}
		decided = append(decided, d)
	}
	// The same application again is recorded once, and answered from the
	// log.
	code, b := a.post(t, apps[0])
	var again posted
	if err := json.Unmarshal(b, &again); err != nil || code != 200 {
		t.Fatalf("repeat: %d %s", code, b)
	}
	if !again.Existing || again.Index != decided[0].Index || again.Label != decided[0].Label || again.Score != decided[0].Score || len(again.Reasons) != len(decided[0].Reasons) {
		t.Fatalf("repeated application: %+v, want the stored %+v", again.Decided, decided[0].Decided)
	}

	// Bad applications are 400 with a reason.
	for _, bad := range []string{`{`, `{"id":"x","subject":"s","features":{}}`, `{"id":"x","subject":"s","features":{},"extra":1}`} {
		code, b := a.do(t, "POST", "/v1/decisions", access.RoleLender, bad)
		if code != http.StatusBadRequest || !strings.Contains(string(b), "error") {
			t.Errorf("POST %s: %d %s", bad, code, b)
		}
	}

	// Once anchored, the receipt (through the applicant's link) verifies
	// against the chain.
	if _, err := s.anchorer.WaitAnchored(ctx, s.log.Size()); err != nil {
		t.Fatal(err)
	}
	code, b = a.do(t, "GET", "/v1/receipts/"+decided[1].Link.Token, "", "")
	if code != 200 {
		t.Fatalf("receipt: %d %s", code, b)
	}
	r, err := receipt.Parse(b)
	if err != nil {
		t.Fatalf("receipt: %v\n%s", err, b)
	}
	v, err := anchor.VerifyReceipt(ctx, r, s.chain.registry)
	if err != nil {
		t.Fatal(err)
	}
	if v.Leaf.DecisionID != decided[1].ID {
		t.Fatalf("receipt of %s", v.Leaf.DecisionID)
	}
	if code, _ := a.do(t, "GET", "/v1/receipts/"+decided[1].ID, "", ""); code != http.StatusNotFound {
		t.Errorf("a receipt by decision id: %d, want 404", code)
	}

	var cp httpapi.Checkpoint
	_, b = a.do(t, "GET", "/v1/checkpoints/latest", "", "")
	if err := json.Unmarshal(b, &cp); err != nil {
		t.Fatal(err)
	}
	if cp.Origin != Origin || cp.TreeSize != 3 || !strings.Contains(cp.Note, Origin) || cp.Anchor == nil {
		t.Fatalf("latest checkpoint %+v", cp)
	}

	_, b = a.do(t, "GET", "/metrics", access.RoleMetrics, "")
	for _, m := range []string{"glassbox_anchor_anchored_size 3", "lending_decisions_total 3", "glassbox_anchor_gas_used_total"} {
		if !strings.Contains(string(b), m) {
			t.Errorf("/metrics lacks %q", m)
		}
	}
}

// TestAccessControl (the example): only the lender records decisions;
// no token is 401, the regulator's and the scraper's 403, and none of
// them records anything.
func TestAccessControl(t *testing.T) {
	a := startAPI(t)
	app := a.s.model.applicants(1, 0)[0]
	body, _ := json.Marshal(app)
	for _, c := range []struct {
		role access.Role
		code int
	}{{"", 401}, {access.RoleRegulator, 403}, {access.RoleMetrics, 403}} {
		if code, b := a.do(t, "POST", "/v1/decisions", c.role, string(body)); code != c.code {
			t.Errorf("POST /v1/decisions as %q: %d %s, want %d", c.role, code, b, c.code)
		}
	}
	if a.s.log.Size() != 0 {
		t.Fatalf("unauthorised posts recorded %d entries", a.s.log.Size())
	}
	if code, b := a.do(t, "POST", "/v1/decisions", access.RoleLender, string(body)); code != 200 {
		t.Fatalf("the lender: %d %s", code, b)
	}
	if code, _ := a.do(t, "GET", "/v1/decisions", access.RoleRegulator, ""); code != 200 {
		t.Errorf("the regulator lists: %d", code)
	}
	if code, _ := a.do(t, "GET", "/v1/decisions", "", ""); code != 401 {
		t.Errorf("listing without a token: %d, want 401", code)
	}
}

// TestIDSquattingIsAConflict: a decision id reused with another
// application (another subject, other features, other groups) is 409
// naming the id and none of the stored values, and records nothing; the
// same application again is 200 with the stored answer; an id whose
// subject was erased is 409 too.
func TestIDSquattingIsAConflict(t *testing.T) {
	ctx := context.Background()
	a := startAPI(t)
	apps := a.s.model.applicants(2, 0)
	first := apps[0]
	code, b := a.post(t, first)
	if code != 200 {
		t.Fatalf("first: %d %s", code, b)
	}
	var stored posted
	if err := json.Unmarshal(b, &stored); err != nil {
		t.Fatal(err)
	}
	size := a.s.log.Size()

	squat := func(name string, change func(*Applicant)) {
		t.Helper()
		other := first
		other.Features = maps.Clone(first.Features)
		other.Groups = maps.Clone(first.Groups)
		change(&other)
		code, b := a.post(t, other)
		if code != http.StatusConflict || !strings.Contains(string(b), first.ID) {
			t.Errorf("%s: %d %s, want 409 naming %s", name, code, b, first.ID)
		}
		for _, leak := range []string{first.Subject, stored.Label, fmt.Sprint(stored.Score)} {
			if strings.Contains(string(b), leak) {
				t.Errorf("%s: the conflict answer holds the stored %q: %s", name, leak, b)
			}
		}
		if a.s.log.Size() != size {
			t.Errorf("%s: the log grew to %d", name, a.s.log.Size())
		}
	}
	squat("another subject", func(o *Applicant) { o.Subject = apps[1].Subject })
	squat("other features", func(o *Applicant) { o.Features = apps[1].Features })
	squat("one feature", func(o *Applicant) {
		for k, v := range o.Features {
			if v != nil {
				x := *v + 1
				o.Features[k] = &x
				return
			}
		}
	})
	squat("other groups", func(o *Applicant) { o.Groups["sex"] = "squatter" })

	code, b = a.post(t, first)
	var again posted
	if err := json.Unmarshal(b, &again); err != nil || code != 200 || !again.Existing || again.Index != stored.Index || again.Label != stored.Label || again.Score != stored.Score {
		t.Fatalf("the same application: %d %s, want 200 with the stored answer %+v", code, b, stored.Decided)
	}

	// Two applications racing for one new id: one is recorded, the other
	// is a conflict, whichever wins.
	racers := a.s.model.applicants(4, 2)[2:]
	racers[1].ID = racers[0].ID
	codes := make(chan int, 2)
	for _, app := range racers {
		go func() {
			body, _ := json.Marshal(app)
			req, _ := http.NewRequest("POST", a.srv.URL+"/v1/decisions", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+a.tokens[access.RoleLender])
			resp, err := a.srv.Client().Do(req)
			if err != nil {
				codes <- 0
				return
			}
			resp.Body.Close()
			codes <- resp.StatusCode
		}()
	}
	if c1, c2 := <-codes, <-codes; c1+c2 != 200+409 || c1 == c2 {
		t.Errorf("racing for one id: %d and %d, want one 200 and one 409", c1, c2)
	}

	if _, err := a.s.dec.Erase(ctx, first.Subject); err != nil {
		t.Fatal(err)
	}
	if code, b := a.post(t, first); code != http.StatusConflict || strings.Contains(string(b), first.Subject) {
		t.Errorf("an erased subject's id: %d %s, want 409", code, b)
	}
}

// TestExampleRefusesPublicAddress: --http on every interface without
// --public is refused, naming the flag.
func TestExampleRefusesPublicAddress(t *testing.T) {
	var errb bytes.Buffer
	code := run(context.Background(), []string{"--http", "0.0.0.0:0"}, io.Discard, &errb)
	if code != 1 || !strings.Contains(errb.String(), "--public") {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
}

// TestStrictBodies (the example): POST /v1/decisions refuses trailing
// data, a duplicate key, invalid UTF-8, an unknown field, a body over
// 64 KiB and another content type, and records nothing.
func TestStrictBodies(t *testing.T) {
	a := startAPI(t)
	good, err := json.Marshal(a.s.model.applicants(1, 0)[0])
	if err != nil {
		t.Fatal(err)
	}
	g := string(good)
	for _, c := range []struct {
		name, body string
		code       int
		says       string
	}{
		{"trailing data", g + `{"id":"x"}`, 400, "trailing data"},
		{"duplicate key", strings.Replace(g, `{"id":`, `{"subject":"someone else","id":`, 1), 400, "duplicate key: $.subject"},
		{"invalid UTF-8", strings.Replace(g, `"subject":"`, "\"subject\":\"\xff", 1), 400, "invalid UTF-8"},
		{"unknown field", strings.Replace(g, `{"id":`, `{"colour":"red","id":`, 1), 400, `unknown field \"colour\"`},
		{"too large", strings.Replace(g, `"subject":"`, `"subject":"`+strings.Repeat("x", maxBody), 1), 413, "larger than"},
	} {
		code, b := a.do(t, "POST", "/v1/decisions", access.RoleLender, c.body)
		if code != c.code || !strings.Contains(string(b), c.says) {
			t.Errorf("%s: %d %s, want %d saying %q", c.name, code, b, c.code, c.says)
		}
	}
	req, _ := http.NewRequest("POST", a.srv.URL+"/v1/decisions", strings.NewReader(g))
	req.Header.Set("Authorization", "Bearer "+a.tokens[access.RoleLender])
	req.Header.Set("Content-Type", "text/plain")
	resp, err := a.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("text/plain: %s, want 415", resp.Status)
	}
	if a.s.log.Size() != 0 {
		t.Fatalf("refused bodies recorded %d entries", a.s.log.Size())
	}
}
