package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/internal/anviltest"
)

// gunzipTo writes explain's test model name (made by XGBoost) to dir.
func gunzipTo(t *testing.T, name, dir string) (string, []byte) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "explain", "testdata", name+".json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name+".json")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p, b
}

// reproduceFixture writes a receipt of a decision made with a real XGBoost
// model (explain's binary_d3) and returns its file, the model's file and
// score, another model's file, and the log's verifier key file.
func reproduceFixture(t *testing.T) (rfile, modelPath string, score float64, otherPath, key string) {
	t.Helper()
	tmp := t.TempDir()
	modelPath, model := gunzipTo(t, "binary_d3", tmp)
	otherPath, _ = gunzipTo(t, "binary_d8_missing", tmp)
	m, err := explain.ParseXGBoost(model, nil)
	if err != nil {
		t.Fatal(err)
	}
	row := []float64{1, 2.5, 0.25, 3, 4, 0.5, 1.5, 2}
	a, err := m.Explain(row, 0)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := m.Predict(row, nil)
	var inputs []record.Feature
	for i, n := range m.FeatureNames() {
		inputs = append(inputs, record.Feature{Name: n, Value: record.Number(row[i])})
	}
	dir := filepath.Join(tmp, "log")
	const origin = "glassbox.example/reproduce"
	if _, err := auditlog.CreateDir(dir, origin); err != nil {
		t.Fatal(err)
	}
	l, err := auditlog.OpenDir(dir, &auditlog.Options{Origin: origin})
	if err != nil {
		t.Fatal(err)
	}
	dl, err := decisions.Open(l, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = dl.Append(context.Background(), record.Decision{
		ID: "r-1", Time: time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC), Subject: "alice",
		Model:  record.Model{Name: "credit", Version: "1.0", ArtifactDigest: record.Digest(sha256.Sum256(model))},
		Inputs: inputs, Output: record.Output{Label: "decline", Score: p[0]}, Explanation: &a, PolicyVersion: "pd-below-0.5",
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	code, rc, stderr := runRecCLI(t, "", "receipt", "--dir", dir, "--id", "r-1")
	if code != exitOK {
		t.Fatalf("receipt: %d %s", code, stderr)
	}
	rfile = filepath.Join(tmp, "receipt.json")
	if err := os.WriteFile(rfile, []byte(rc), 0o644); err != nil {
		t.Fatal(err)
	}
	return rfile, modelPath, p[0], otherPath, filepath.Join(dir, auditlog.VerifierKeyFile)
}

// TestReproduceCLI: a receipt of a decision made with a real XGBoost model
// reproduces with that model (exit 0, every part checked, the label and
// the registration reported as not checked); with another model file it
// does not, naming the artifact (exit 1); bad usage is exit 2.
func TestReproduceCLI(t *testing.T) {
	rfile, modelPath, score, otherPath, key := reproduceFixture(t)
	code, out, stderr := runRecCLI(t, "", "reproduce", rfile, "--model", modelPath, "--log-key", key)
	var got reproduceOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitOK {
		t.Fatalf("reproduce: %d %v %s %s", code, err, out, stderr)
	}
	if !got.Reproduced || got.DecisionID != "r-1" || len(got.Checked) != 4 || got.Score == nil || *got.Score != score ||
		!strings.HasPrefix(got.Registered, "not checked") || len(got.Unchecked) != 2 {
		t.Errorf("reproduce: %+v", got)
	}

	code, out, _ = runRecCLI(t, "", "reproduce", rfile, "--model", otherPath, "--log-key", key)
	got = reproduceOutput{}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitFailed || got.Reproduced || got.Part != "artifact" {
		t.Errorf("another model: %d %s", code, out)
	}
	for _, args := range [][]string{
		{"reproduce", rfile, "--log-key", key},
		{"reproduce", rfile, "--model", modelPath},
		{"reproduce", "--model", modelPath, "--log-key", key},
		{"reproduce", rfile, "--model", modelPath, "--log-key", key, "--rpc", "http://127.0.0.1:1"},
		{"reproduce", rfile, "--model", filepath.Join(t.TempDir(), "none.json"), "--log-key", key},
	} {
		if code, _, _ := runRecCLI(t, "", args...); code != exitUsage {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

// TestReproduceManyReceipts: given several receipts, reproduce prints one
// line per receipt naming its file, and the exit code is the worst of
// them: 0 when all reproduce, 1 when one was edited (its line says it
// does not verify), 2 when one is not a receipt (its line says why).
func TestReproduceManyReceipts(t *testing.T) {
	rfile, modelPath, _, _, key := reproduceFixture(t)
	dir := t.TempDir()
	b, err := os.ReadFile(rfile)
	if err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(dir, "again.json")
	if err := os.WriteFile(second, b, 0o644); err != nil {
		t.Fatal(err)
	}
	lines := func(out string) []reproduceOutput {
		t.Helper()
		var got []reproduceOutput
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var o reproduceOutput
			if err := json.Unmarshal([]byte(l), &o); err != nil {
				t.Fatalf("line %q: %v", l, err)
			}
			got = append(got, o)
		}
		return got
	}
	code, out, stderr := runRecCLI(t, "", "reproduce", rfile, second, "--model", modelPath, "--log-key", key)
	got := lines(out)
	if code != exitOK || len(got) != 2 || got[0].Receipt != rfile || got[1].Receipt != second || !got[0].Reproduced || !got[1].Reproduced {
		t.Fatalf("two good receipts: %d %s %s", code, out, stderr)
	}

	edited := filepath.Join(dir, "edited.json")
	if err := os.WriteFile(edited, bytes.Replace(b, []byte(`2.5`), []byte(`2.75`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runRecCLI(t, "", "reproduce", rfile, edited, "--model", modelPath, "--log-key", key)
	got = lines(out)
	if code != exitFailed || len(got) != 2 || !got[0].Reproduced || got[1].Reproduced || got[1].Receipt != edited || got[1].Error == "" {
		t.Errorf("an edited receipt: %d %s", code, out)
	}

	junk := filepath.Join(dir, "junk.json")
	if err := os.WriteFile(junk, []byte("not a receipt"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = runRecCLI(t, "", "reproduce", junk, edited, rfile, "--model", modelPath, "--log-key", key)
	got = lines(out)
	if code != exitUsage || len(got) != 3 || got[0].Receipt != junk || got[0].Error == "" || got[1].Reproduced || !got[2].Reproduced ||
		!strings.Contains(stderr, junk) {
		t.Errorf("a file that is not a receipt: %d %s %s", code, out, stderr)
	}
}

// TestReproduceAgainstAnvil: with --rpc, reproduce also requires the
// artifact to be the one the contract registers for the model version: on
// a real node, before the version is registered it fails (exit 1,
// "registered": "no"), after registering the model file it passes.
func TestReproduceAgainstAnvil(t *testing.T) {
	rfile, modelPath, _, otherPath, key := reproduceFixture(t)
	n := anviltest.Start(t, &anviltest.Options{Accounts: 2})
	keyFile := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(n.Keys[0]))+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runRegistryCLI(t, "registry", "deploy", "--rpc", n.URL, "--key-file", keyFile)
	var dep struct{ Contract string }
	decodeRegistryJSON(t, out, &dep)
	if code != exitOK {
		t.Fatalf("deploy: %d %s", code, errs)
	}
	chain := []string{"--rpc", n.URL, "--contract", dep.Contract}
	reproduceArgs := append([]string{"reproduce", rfile, "--model", modelPath, "--log-key", key}, chain...)
	code, out, _ = runRecCLI(t, "", reproduceArgs...)
	var got reproduceOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitFailed || got.Reproduced || got.Registered != "no" {
		t.Fatalf("before registration: %d %s", code, out)
	}
	// Registered with another file's digest: still not the registered artifact.
	code, _, errs = runRegistryCLI(t, append(append([]string{"registry", "register-model"}, append(chain, "--key-file", keyFile)...), "--name", "credit", "--version", "1.0", "--file", otherPath)...)
	if code != exitOK {
		t.Fatalf("register-model: %d %s", code, errs)
	}
	code, out, _ = runRecCLI(t, "", reproduceArgs...)
	got = reproduceOutput{}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitFailed || got.Registered != "no" || !strings.Contains(got.Error, "the contract registers artifact") {
		t.Fatalf("another artifact registered: %d %s", code, out)
	}
	// On a second contract the version is registered with this model file.
	code, out, errs = runRegistryCLI(t, "registry", "deploy", "--rpc", n.URL, "--key-file", keyFile)
	decodeRegistryJSON(t, out, &dep)
	if code != exitOK {
		t.Fatalf("deploy: %d %s", code, errs)
	}
	chain = []string{"--rpc", n.URL, "--contract", dep.Contract}
	code, _, errs = runRegistryCLI(t, append(append([]string{"registry", "register-model"}, append(chain, "--key-file", keyFile)...), "--name", "credit", "--version", "1.0", "--file", modelPath)...)
	if code != exitOK {
		t.Fatalf("register-model: %d %s", code, errs)
	}
	code, out, _ = runRecCLI(t, "", append([]string{"reproduce", rfile, "--model", modelPath, "--log-key", key}, chain...)...)
	got = reproduceOutput{}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitOK || !got.Reproduced || !strings.HasPrefix(got.Registered, "yes") || len(got.Unchecked) != 1 {
		t.Fatalf("registered: %d %s", code, out)
	}
}
