package main

import (
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/explain"
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

// TestReproduceCLI: a receipt of a decision made with a real XGBoost model
// reproduces with that model (exit 0, every part checked, the label and
// the registration reported as not checked); with another model file it
// does not, naming the artifact (exit 1); bad usage is exit 2.
func TestReproduceCLI(t *testing.T) {
	tmp := t.TempDir()
	modelPath, model := gunzipTo(t, "binary_d3", tmp)
	otherPath, _ := gunzipTo(t, "binary_d8_missing", tmp)
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
	rfile := filepath.Join(tmp, "receipt.json")
	if err := os.WriteFile(rfile, []byte(rc), 0o644); err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(dir, auditlog.VerifierKeyFile)

	code, out, stderr := runRecCLI(t, "", "reproduce", rfile, "--model", modelPath, "--log-key", key)
	var got reproduceOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitOK {
		t.Fatalf("reproduce: %d %v %s %s", code, err, out, stderr)
	}
	if !got.Reproduced || got.DecisionID != "r-1" || len(got.Checked) != 4 || got.Score == nil || *got.Score != p[0] ||
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
		{"reproduce", rfile, "--model", filepath.Join(tmp, "none.json"), "--log-key", key},
	} {
		if code, _, _ := runRecCLI(t, "", args...); code != exitUsage {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}
