package portal_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/portal"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
	"github.com/glassbox-audit/glassbox/registry"
)

// chainDisputes files disputes on the registry of the simulated chain: the
// text is committed by its SHA-256 as the reason URI (a lender's desk keeps
// the text itself).
type chainDisputes struct {
	c     *receiptchecktest.Chain
	logID registry.LogID
	texts map[uint64]string
}

func (d *chainDisputes) File(ctx context.Context, leafIndex uint64, leafHash [32]byte, text string) (uint64, error) {
	sum := sha256.Sum256([]byte(text))
	id, _, err := d.c.Registry.FileDispute(ctx, d.c.Auth, d.logID, leafIndex, leafHash, "sha256:"+hex.EncodeToString(sum[:]))
	if err == nil {
		d.texts[id] = text
	}
	return id, err
}

// fixture is a lender: a real log on disk with decisions, a simulated chain
// serving JSON-RPC with the registry deployed, the log registered and
// anchored, the model registered, and the portal on an httptest server.
type fixture struct {
	lg       *auditlog.Log
	dec      *decisions.Log
	vkey     string
	links    *access.Links
	linkKey  []byte
	chain    *receiptchecktest.Chain
	disputes *chainDisputes
	p        *portal.Portal
	srv      *httptest.Server

	mu       sync.Mutex
	requests []string // method and path of every request the server got
}

// takeRequests returns the requests served so far and forgets them.
func (f *fixture) takeRequests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.requests
	f.requests = nil
	return out
}

// decisionFor is a decline with an explanation over one-hot columns.
func decisionFor(id, subject string, m record.Model, names [4]string, values [2]string) record.Decision {
	contribs := []explain.Contribution{
		{Feature: "Duration", Value: 48, Contribution: 0.61},
		{Feature: "Amount", Value: 9000, Contribution: 0.34},
		{Feature: "Purpose=car", Value: 1, Contribution: 0.22},
		{Feature: "Purpose=education", Value: 0, Contribution: 0.05},
		{Feature: "Savings", Value: 120, Contribution: 0.18},
		{Feature: "Housing=own", Value: 0, Contribution: -0.12},
		{Feature: "Age", Value: 35, Contribution: -0.25},
		{Feature: "Employment", Value: 7, Contribution: -0.31},
	}
	base, out := -0.4, -0.4
	for _, c := range contribs {
		out += c.Contribution
	}
	return record.Decision{
		ID:      id,
		Time:    time.Date(2026, 11, 20, 14, 5, 0, 0, time.UTC),
		Subject: subject,
		Model:   m,
		Inputs: []record.Feature{
			{Name: names[0], Value: record.Integer(48)},
			{Name: names[1], Value: record.Number(9000)},
			{Name: names[2], Value: record.String(values[0])},
			{Name: names[3], Value: record.String(values[1])},
		},
		Output:      record.Output{Label: "decline", Score: math.Round(1/(1+math.Exp(-out))*1000) / 1000},
		Explanation: &explain.Attribution{Method: explain.MethodTreeSHAP, Space: "log_odds", Base: base, Output: out, Contributions: contribs},
		Groups:      []record.Attr{{Name: "age_band", Value: "30-49"}},
	}
}

var (
	testModel = record.Model{Name: "german-credit-xgb", Version: "1.0.0", ArtifactDigest: record.Digest{0x42, 0x17}}
	inputs    = [4]string{"duration_months", "amount", "purpose", "housing"}
)

func modelInfo() *portal.ModelInfo {
	return &portal.ModelInfo{
		Reasons: explain.ReasonOptions{
			Adverse:   explain.AdverseHigh,
			Variables: map[string]string{"Purpose=car": "Purpose", "Purpose=education": "Purpose", "Housing=own": "Housing"},
			Texts: map[string]string{
				"Duration": "Term of the loan requested", "Amount": "Amount of credit requested", "Purpose": "Purpose of the loan",
				"Savings": "Insufficient savings", "Housing": "Housing status", "Age": "Age", "Employment": "Length of employment",
			},
		},
		Labels: map[string]string{
			"duration_months": "Term (months)", "amount": "Amount requested", "purpose": "Purpose", "housing": "Housing",
			"Duration": "Term of the loan", "Amount": "Amount requested", "Savings": "Savings", "Housing": "Housing",
			"Age": "Age", "Employment": "Years employed",
		},
		Outcomes:  map[string]string{"decline": "Declined", "approve": "Approved"},
		Adverse:   []string{"decline"},
		ScoreName: "Estimated probability of default",
	}
}

type fixtureOpts struct {
	model     record.Model
	names     [4]string
	values    [2]string
	info      *portal.ModelInfo
	static    bool // Options.Static: an empty directory (no verifier)
	noDispute bool
	prefix    string
	rpcURL    string // the browser's RPC URL, instead of the chain's
	// unregistered: the model is not registered on the contract.
	unregistered bool
	// readOnly: the portal reads a log opened read-only.
	readOnly bool
	// artifacts is Options.Artifacts.
	artifacts func(ctx context.Context, digest [32]byte) ([]byte, error)
}

func newFixture(t testing.TB, fo *fixtureOpts) *fixture {
	t.Helper()
	if fo == nil {
		fo = &fixtureOpts{}
	}
	if fo.model.Name == "" {
		fo.model = testModel
	}
	if fo.names[0] == "" {
		fo.names = inputs
	}
	if fo.values[0] == "" {
		fo.values = [2]string{"car", "rent"}
	}
	ctx := context.Background()
	skey, vkey, err := note.GenerateKey(rand.Reader, "lender.example/glassbox/portal-test")
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	logDir := filepath.Join(t.TempDir(), "log")
	lg, err := auditlog.Open(logDir, &auditlog.Options{Signer: signer})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lg.Close() })
	dec, err := decisions.Open(lg, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range []string{"app-1001", "app-1002", "app-1003"} {
		d := decisionFor(id, "applicant-"+id, fo.model, fo.names, fo.values)
		if i == 1 {
			d.Output.Label = "approve"
		}
		if _, err := dec.Append(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	chain := receiptchecktest.StartSimulated(t)
	chain.RegisterLog(t, vkey)
	if !fo.unregistered {
		if _, err := chain.Registry.RegisterModel(ctx, chain.Auth, fo.model.Name, fo.model.Version, fo.model.ArtifactDigest, registry.Lineage{}, "https://lender.example/models/credit"); err != nil {
			t.Fatal(err)
		}
	}
	// Anchor the log as it is now; the portal's Attach then finds the anchor.
	r, err := dec.Receipt(ctx, "app-1001")
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	anchored, err := receipt.Parse([]byte(chain.AnchorReceipt(t, string(b))))
	if err != nil {
		t.Fatal(err)
	}
	if fo.readOnly {
		if err := lg.Close(); err != nil {
			t.Fatal(err)
		}
		if lg, err = auditlog.Open(logDir, &auditlog.Options{Signer: signer, ReadOnly: true}); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { lg.Close() })
		if dec, err = decisions.Open(lg, nil); err != nil {
			t.Fatal(err)
		}
	}
	key := access.NewLinkKey()
	links, err := access.NewLinks(key, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{lg: lg, dec: dec, vkey: vkey, links: links, linkKey: key, chain: chain,
		disputes: &chainDisputes{c: chain, logID: registry.LogIDFor("lender.example/glassbox/portal-test"), texts: map[uint64]string{}}}
	info := fo.info
	if info == nil {
		info = modelInfo()
	}
	opts := &portal.Options{
		Decisions: dec,
		Links:     links,
		Log:       lg,
		// The one anchor, of the tree every receipt's checkpoint has (no
		// decision is appended after it).
		Attach: func(ctx context.Context, r *receipt.Receipt) error {
			body, _, _ := strings.Cut(string(r.Checkpoint), "\n\n")
			cp, err := verify.ParseCheckpoint([]byte(body + "\n"))
			if err != nil {
				return err
			}
			if cp.Size != anchored.Anchor.TreeSize {
				return anchor.ErrNoAnchor
			}
			a := *anchored.Anchor
			r.Anchor = &a
			return nil
		},
		Models: func(name, version string) (*portal.ModelInfo, bool) {
			return info, name == fo.model.Name && version == fo.model.Version
		},
		Registry: chain.Registry,
		RPCURL:   chain.URL,
		Contract: chain.Contract(),
		LogKey:   vkey,
		Disputes: f.disputes,
		DisputeStatus: func(ctx context.Context, id uint64) (string, error) {
			d, err := chain.Registry.Dispute(ctx, id)
			return d.Status.String(), err
		},
		Lender: "Example Lending",
		Prefix: fo.prefix,
	}
	opts.Artifacts = fo.artifacts
	if fo.noDispute {
		opts.Disputes, opts.DisputeStatus = nil, nil
	}
	if fo.rpcURL != "" {
		opts.RPCURL = fo.rpcURL
	}
	if fo.static {
		opts.Static = fstest.MapFS{}
	}
	f.p, err = portal.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.requests = append(f.requests, r.Method+" "+r.URL.Path)
		f.mu.Unlock()
		f.p.ServeHTTP(w, r)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

// link returns the applicant's link of a decision.
func (f *fixture) link(t *testing.T, id string) string {
	t.Helper()
	tok, _, err := f.links.Issue(id)
	if err != nil {
		t.Fatal(err)
	}
	return f.srv.URL + "/a/" + tok
}
