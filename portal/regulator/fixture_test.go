package regulator_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/regulator"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// Planted personal values: every decision's subject and one input carry
// them, so a page that shows personal data shows one of them.
const (
	plantedSubject = "PLANTED-SUBJECT-"
	plantedInput   = "PLANTED-EMPLOYER-7391"
)

// Hostile strings recorded as a model name, a label and a group value:
// the pages must show them as text.
const (
	xssModel = `<img src=x onerror=alert(1)>`
	xssLabel = `<script>alert(2)</script>`
	xssGroup = `"><svg onload=alert(3)>`
)

var (
	start     = time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC) // a Monday, midnight UTC
	modelName = "credit-xgb"
	digestV1  = sha256.Sum256([]byte("credit-xgb 1.0"))
	digestV2  = sha256.Sum256([]byte("credit-xgb 2.0"))
)

// Credentials of the fixture's regulators.
var (
	tokSealed   = strings.Repeat("s", 40)
	tokPublic   = strings.Repeat("p", 40)
	tokOneModel = strings.Repeat("m", 40)
)

// lendingDecisions returns n decisions over weeks weeks from start: two
// versions of one model (the second from half-way), groups sex and
// age_band, approval rates that differ by group. With hostile, a few
// decisions of a model with a hostile name, label and group value.
func lendingDecisions(n, weeks int, hostile bool) []record.Decision {
	out := make([]record.Decision, 0, n)
	span := time.Duration(weeks) * 7 * 24 * time.Hour
	sexes := []string{"female", "male"}
	ages := []string{"18-29", "30-49", "50+"}
	for i := range n {
		sex, age := sexes[i%2], ages[(i/2)%3]
		version, digest := "1.0", digestV1
		if i >= n/2 {
			version, digest = "2.0", digestV2
		}
		// Approve about 60% of men and 45% of women (version 1), closer in version 2.
		threshold := 60
		if sex == "female" {
			threshold = 45
			if version == "2.0" {
				threshold = 55
			}
		}
		label := "decline"
		if (i*37)%100 < threshold {
			label = "approve"
		}
		d := record.Decision{
			ID:      fmt.Sprintf("app-%06d", i),
			Time:    start.Add(span / time.Duration(n) * time.Duration(i)),
			Subject: fmt.Sprintf("%s%06d", plantedSubject, i),
			Model:   record.Model{Name: modelName, Version: version, ArtifactDigest: record.Digest(digest)},
			Inputs: []record.Feature{
				{Name: "amount", Value: record.Number(1000 + float64(i%50)*100)},
				{Name: "employer", Value: record.String(plantedInput)},
			},
			Output: record.Output{Label: label, Score: float64(i%100) / 100},
			Groups: []record.Attr{{Name: "age_band", Value: age}, {Name: "sex", Value: sex}},
		}
		if hostile && i%50 == 7 {
			d.Model = record.Model{Name: xssModel, Version: "1", ArtifactDigest: record.Digest(digestV1)}
			d.Output.Label = xssLabel
			d.Groups = []record.Attr{{Name: "age_band", Value: xssGroup}, {Name: "sex", Value: sex}}
		}
		out = append(out, d)
	}
	return out
}

// lenderLog is one log of the fixture's lender.
type lenderLog struct {
	lg    *auditlog.Log
	dec   *decisions.Log
	state anchor.State
	ds    []record.Decision
	// anchored lists the tree sizes anchored, in order.
	anchored []uint64
	// victim is the decision rewritten after anchoring (tampered only).
	victim string
}

// fixture is a lender with two logs on one simulated chain: "good",
// anchored three times, and "forged", whose operator rewrote a decision
// after anchoring and serves a log rebuilt with the same key, with the real
// anchors copied into its state (the regulator example's tamper demo).
type fixture struct {
	sim    *simchain.Chain
	good   *lenderLog
	forged *lenderLog
	p      *regulator.Portal
	srv    *httptest.Server
	clock  *clock
	// disputed is the decision with an open dispute; resolved the one
	// whose dispute was rejected.
	disputed, resolved string
}

// clock is a settable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

type fixtureOpts struct {
	n, weeks int
	hostile  bool
	prefix   string
	// static: serve the WebAssembly verifier from this directory, and
	// the chain's JSON-RPC over HTTP for the browser to read.
	static string
}

func newFixture(t testing.TB, fo *fixtureOpts) *fixture {
	t.Helper()
	if fo == nil {
		fo = &fixtureOpts{}
	}
	if fo.n == 0 {
		fo.n = 480
	}
	if fo.weeks == 0 {
		fo.weeks = 4
	}
	ctx := context.Background()
	sim, err := simchain.New(ctx, &simchain.Options{MineOnSend: true, HTTP: fo.static != ""})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	f := &fixture{sim: sim, clock: &clock{t: time.Now()}}
	admin := sim.TransactOpts(0)
	for _, v := range []struct {
		ver string
		d   [32]byte
	}{{"1.0", digestV1}, {"2.0", digestV2}} {
		if _, err := sim.Registry.RegisterModel(ctx, admin, modelName, v.ver, v.d, registry.Lineage{}, "https://lender.example/models/"+v.ver); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := sim.Registry.DeprecateModel(ctx, admin, modelName, "1.0", "replaced by 2.0"); err != nil {
		t.Fatal(err)
	}
	f.good = buildLog(t, sim, "lender.example/glassbox/regulator-good", lendingDecisions(fo.n, fo.weeks, fo.hostile), false)
	f.forged = buildLog(t, sim, "lender.example/glassbox/regulator-forged", lendingDecisions(90, 2, false), true)

	// Two disputes on the good log: one open, one rejected.
	for i, idx := range []uint64{3, 10} {
		leaf, err := f.good.lg.Leaf(ctx, idx)
		if err != nil {
			t.Fatal(err)
		}
		id, _, err := sim.Registry.FileDispute(ctx, sim.TransactOpts(2), registry.LogIDFor(f.good.lg.Origin()), idx, verify.LeafHash(leaf), "sha256:dispute-text")
		if err != nil {
			t.Fatal(err)
		}
		lf, _ := record.DecodeLeaf(leaf)
		if i == 0 {
			f.disputed = lf.DecisionID
			continue
		}
		f.resolved = lf.DecisionID
		if _, err := sim.Registry.ResolveDispute(ctx, admin, id, registry.DisputeRejected, "https://lender.example/disputes/2"); err != nil {
			t.Fatal(err)
		}
	}

	regs, err := access.NewRegulators(map[string]access.Regulator{
		tokSealed:   {Name: "Examiner A (sealed)", Scope: access.Scope{Sealed: true}},
		tokPublic:   {Name: "Examiner B (public)"},
		tokOneModel: {Name: "Examiner C (one model)", Scope: access.Scope{Models: []string{modelName}, Logs: []string{f.good.lg.Origin()}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	sessions, err := access.NewSessions(&access.SessionOptions{TTL: 20 * time.Minute, Clock: f.clock.now})
	if err != nil {
		t.Fatal(err)
	}
	var static fs.FS
	if fo.static != "" {
		static = os.DirFS(fo.static)
	}
	f.p, err = regulator.New(&regulator.Options{
		Logs: []regulator.Log{
			{Log: f.good.lg, Decisions: f.good.dec, Anchors: f.good.state},
			{Log: f.forged.lg, Decisions: f.forged.dec, Anchors: f.forged.state},
		},
		Regulators: regs,
		Sessions:   sessions,
		Registry:   sim.Registry,
		Prefix:     fo.prefix,
		Lender:     "Example Lending",
		Clock:      f.clock.now,
		Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Static:     static,
	})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(f.p)
	t.Cleanup(f.srv.Close)
	return f
}

// buildLog records ds in three batches, anchoring after each with a real
// anchorer on sim. With forge, the operator copies the log directory after
// the first anchor, and then rewrites the label of the decision in the
// middle of the second batch in the copy: the copy serves the same first
// anchored tree, then checkpoints of other trees at the second and third
// anchored sizes (signed with the same key), with the real anchors in its
// anchor state (the regulator example's tamper demo, with a history shared
// up to the first anchor).
func buildLog(t testing.TB, sim *simchain.Chain, origin string, ds []record.Decision, forge bool) *lenderLog {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	logDir := filepath.Join(dir, "log")
	info, err := auditlog.CreateDir(logDir, origin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.Registry.RegisterLog(ctx, sim.TransactOpts(0), origin, info.PublicKey, sim.Address(1)); err != nil {
		t.Fatal(err)
	}
	third := len(ds) / 3
	batches := [][]record.Decision{ds[:third], ds[third : 2*third], ds[2*third:]}
	ll := &lenderLog{ds: ds}
	if forge {
		lg, _, _ := openLog(t, logDir, origin)
		ll.anchored = append(ll.anchored, anchorBatches(t, sim, lg, batches[:1])...)
		if err := lg.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(filepath.Join(dir, "forged"), os.DirFS(logDir)); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(filepath.Join(dir, "forged", auditlog.SignerKeyFile), 0o600); err != nil {
			t.Fatal(err)
		}
		batches = batches[1:]
	}
	lg, dec, state := openLog(t, logDir, origin)
	var outcomes []record.Outcome
	if !forge { // four decisions in five have an outcome: repaid, or defaulted for one in seven
		for i := range ds {
			if i%5 == 4 {
				continue
			}
			label := "repaid"
			if i%7 == 0 {
				label = "defaulted"
			}
			outcomes = append(outcomes, record.Outcome{DecisionID: ds[i].ID, Time: ds[i].Time.Add(24 * time.Hour), Label: label})
		}
	}
	ll.anchored = append(ll.anchored, anchorBatches(t, sim, lg, batches, outcomes...)...)
	ll.lg, ll.dec, ll.state = lg, dec, state
	if !forge {
		return ll
	}
	forged, fdec, fstate := openLog(t, filepath.Join(dir, "forged"), origin)
	rewritten := append([]record.Decision(nil), ds...)
	victim := third + third/2
	if rewritten[victim].Output.Label == "approve" {
		rewritten[victim].Output.Label = "decline"
	} else {
		rewritten[victim].Output.Label = "approve"
	}
	for _, b := range [][]record.Decision{rewritten[third : 2*third], rewritten[2*third:]} {
		if _, err := fdec.AppendBatch(ctx, b); err != nil {
			t.Fatal(err)
		}
		if _, err := forged.Checkpoint(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if err := state.Scan(nil, fstate.Put); err != nil {
		t.Fatal(err)
	}
	return &lenderLog{lg: forged, dec: fdec, state: fstate, ds: rewritten, anchored: ll.anchored, victim: rewritten[victim].ID}
}

func openLog(t testing.TB, dir, origin string) (*auditlog.Log, *decisions.Log, *auditlog.Store) {
	t.Helper()
	lg, err := auditlog.OpenDir(dir, &auditlog.Options{Origin: origin})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lg.Close() })
	dec, err := decisions.Open(lg, nil)
	if err != nil {
		t.Fatal(err)
	}
	state, err := lg.Store(anchor.DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}
	return lg, dec, state
}

// anchorBatches appends each batch and waits for an anchorer to anchor
// it; it returns the anchored sizes.
// outcomes, when set, records outcomes after the last batch, before it is
// anchored.
func anchorBatches(t testing.TB, sim *simchain.Chain, lg *auditlog.Log, batches [][]record.Decision, outcomes ...record.Outcome) []uint64 {
	t.Helper()
	ctx := context.Background()
	dec, err := decisions.Open(lg, nil)
	if err != nil {
		t.Fatal(err)
	}
	state, err := lg.Store(anchor.DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}
	a, err := anchor.New(lg, state, sim.Client, anchor.Options{
		Contract: sim.Registry.Address(), Key: sim.Keys[1], Confirmations: 1,
		Entries: 1, Interval: time.Hour, PollInterval: 2 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- a.Run(runCtx) }()
	var sizes []uint64
	for i, b := range batches {
		if _, err := dec.AppendBatch(ctx, b); err != nil {
			stop()
			t.Fatal(errors.Join(err, <-done))
		}
		for _, o := range outcomes {
			if i < len(batches)-1 {
				break
			}
			if _, err := dec.AppendOutcome(ctx, o); err != nil {
				stop()
				t.Fatal(errors.Join(err, <-done))
			}
		}
		if _, err := a.WaitAnchored(runCtx, lg.Size()); err != nil {
			stop()
			t.Fatal(errors.Join(err, <-done))
		}
		sizes = append(sizes, lg.Size())
	}
	stop()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	return sizes
}

// client is a regulator's browser without JavaScript: a cookie jar,
// redirects followed.
type client struct {
	t   testing.TB
	f   *fixture
	c   *http.Client
	url string
}

func (f *fixture) client(t testing.TB) *client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &client{t: t, f: f, c: &http.Client{Jar: jar}, url: f.srv.URL}
}

// login posts the credential and returns the page it lands on.
func (c *client) login(tok string) (int, string) {
	c.t.Helper()
	return c.post("/login", url.Values{"credential": {tok}})
}

func (c *client) post(path string, form url.Values) (int, string) {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.url+path, strings.NewReader(form.Encode()))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return c.do(req)
}

func (c *client) get(path string) (int, string) {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.url+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return c.do(req)
}

func (c *client) do(req *http.Request) (int, string) {
	c.t.Helper()
	resp, err := c.c.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}
