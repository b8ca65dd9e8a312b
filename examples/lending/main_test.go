package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
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
			t.Fatalf("applicant %s not in applicants.jsonl", id)
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

func TestHTTPAPI(t *testing.T) {
	ctx := context.Background()
	cfg, err := parseFlags([]string{"-anchor-entries", "1", "-anchor-interval", "10ms"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	s, err := startService(ctx, cfg, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	srv := httptest.NewServer(s.handler())
	defer srv.Close()

	apps := s.model.applicants(3, 0)
	var decided []Decided
	for _, a := range apps {
		body, _ := json.Marshal(a)
		resp, err := http.Post(srv.URL+"/v1/decisions", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var d Decided
		if err := json.NewDecoder(resp.Body).Decode(&d); err != nil || resp.StatusCode != 200 {
			t.Fatalf("POST: %s %v", resp.Status, err)
		}
		resp.Body.Close()
		if d.ID != a.ID || (d.Label == "decline") != (len(d.Reasons) > 0) {
			t.Fatalf("decision %+v", d)
		}
		decided = append(decided, d)
	}
	// The same application again is recorded once.
	body, _ := json.Marshal(apps[0])
	resp, _ := http.Post(srv.URL+"/v1/decisions", "application/json", bytes.NewReader(body))
	var again Decided
	json.NewDecoder(resp.Body).Decode(&again)
	resp.Body.Close()
	if !again.Existing || again.Index != decided[0].Index {
		t.Fatalf("repeated application: %+v, want existing index %d", again, decided[0].Index)
	}

	// Bad applications are 400 with a reason.
	for _, bad := range []string{`{`, `{"id":"x","subject":"s","features":{}}`, `{"id":"x","subject":"s","features":{},"extra":1}`} {
		resp, err := http.Post(srv.URL+"/v1/decisions", "application/json", strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), "error") {
			t.Errorf("POST %s: %s %s", bad, resp.Status, b)
		}
	}

	// Once anchored, the receipt verifies against the chain.
	if _, err := s.anchorer.WaitAnchored(ctx, s.log.Size()); err != nil {
		t.Fatal(err)
	}
	resp, err = http.Get(srv.URL + "/v1/receipts/" + decided[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
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
	if resp, _ := http.Get(srv.URL + "/v1/receipts/nope"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown receipt: %s", resp.Status)
	}

	var cp checkpointJSON
	resp, _ = http.Get(srv.URL + "/v1/checkpoints/latest")
	json.NewDecoder(resp.Body).Decode(&cp)
	resp.Body.Close()
	if cp.Origin != Origin || cp.TreeSize != 3 || !strings.Contains(cp.Note, Origin) || cp.Anchor == nil {
		t.Fatalf("latest checkpoint %+v", cp)
	}

	resp, _ = http.Get(srv.URL + "/metrics")
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, m := range []string{"glassbox_anchor_anchored_size 3", "lending_decisions_total 4", "glassbox_anchor_gas_used_total"} {
		if !strings.Contains(string(b), m) {
			t.Errorf("/metrics lacks %q", m)
		}
	}
	_ = time.Second
}
