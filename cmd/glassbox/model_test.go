package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/glassbox-audit/glassbox/internal/anviltest"
	"github.com/glassbox-audit/glassbox/lineage"
)

const testCard = `{"model":"credit","version":"1.0","description":"a test model","output":"probability of default",
"data_sources":[{"name":"test rows","origin":"written by the test"}],"time_range":{"note":"unknown"},
"training":"none","evaluation":[{"name":"auc","dataset":"test","value":0.5}],"fairness":[{"name":"dp","dataset":"test","value":null,"note":"not measured"}]}`

// lineageFixture writes a card, a schema and three training lines, and
// returns their paths and the digests package lineage computes for them.
func lineageFixture(t testing.TB, dir string) (card, schema, training string, want lineageJSON) {
	t.Helper()
	card, schema, training = filepath.Join(dir, "card.json"), filepath.Join(dir, "schema.json"), filepath.Join(dir, "train.csv")
	s, err := lineage.SchemaFromColumns([]string{"age", "amount"}, nil, map[string]string{"age": "Age", "amount": "Amount"})
	if err != nil {
		t.Fatal(err)
	}
	sb, err := s.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	lines := "a,1\nb,2\nc,3\n"
	for p, b := range map[string][]byte{card: []byte(testCard), schema: sb, training: []byte(lines)} {
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	c, err := lineage.ParseCard([]byte(testCard))
	if err != nil {
		t.Fatal(err)
	}
	cd, _ := c.Digest()
	sd, _ := s.Digest()
	m, err := lineage.NewManifest([][32]byte{lineage.RecordHash([]byte("a,1")), lineage.RecordHash([]byte("b,2")), lineage.RecordHash([]byte("c,3"))})
	if err != nil {
		t.Fatal(err)
	}
	r := m.Root()
	return card, schema, training, lineageJSON{SchemaDigest: hex.EncodeToString(sd[:]), ManifestRoot: hex.EncodeToString(r[:]),
		CardDigest: hex.EncodeToString(cd[:]), CodeRef: "repo/gen.py@xgboost-2.0"}
}

// TestModelCommands: card, schema and manifest print the digests package
// lineage computes; prove by line and by record file gives a proof that
// verify-record accepts (exit 0); another record, a changed root or a line
// not in the file is exit 1; bad input is exit 2 naming the flag.
func TestModelCommands(t *testing.T) {
	dir := t.TempDir()
	card, schema, training, want := lineageFixture(t, dir)
	var got map[string]any
	code, out, errs := runRegistryCLI(t, "model", "card", "--file", card)
	decodeRegistryJSON(t, out, &got)
	if code != exitOK || got["card_digest"] != want.CardDigest {
		t.Fatalf("model card: %d %q %s; want %s", code, out, errs, want.CardDigest)
	}
	code, out, errs = runRegistryCLI(t, "model", "schema", "--file", schema)
	decodeRegistryJSON(t, out, &got)
	if code != exitOK || got["schema_digest"] != want.SchemaDigest {
		t.Fatalf("model schema: %d %q %s", code, out, errs)
	}
	code, out, errs = runRegistryCLI(t, "model", "manifest", "--training", training)
	decodeRegistryJSON(t, out, &got)
	if code != exitOK || got["manifest_root"] != want.ManifestRoot || got["size"] != 3.0 {
		t.Fatalf("model manifest: %d %q %s", code, out, errs)
	}

	rec := filepath.Join(dir, "rec")
	other := filepath.Join(dir, "other")
	os.WriteFile(rec, []byte("b,2\n"), 0o600)
	os.WriteFile(other, []byte("d,4\n"), 0o600)
	code, byLine, errs := runRegistryCLI(t, "model", "prove", "--training", training, "--line", "2")
	if code != exitOK {
		t.Fatalf("prove --line: %d %s", code, errs)
	}
	code, byRec, errs := runRegistryCLI(t, "model", "prove", "--training", training, "--record-file", rec)
	if code != exitOK || byRec != byLine {
		t.Fatalf("prove --record-file: %d %q %s; want the proof of line 2 %q", code, byRec, errs, byLine)
	}
	proof := filepath.Join(dir, "proof.json")
	os.WriteFile(proof, []byte(byLine), 0o600)
	code, out, errs = runRegistryCLI(t, "model", "verify-record", "--root", want.ManifestRoot, "--proof", proof, "--record-file", rec)
	if code != exitOK || !strings.Contains(out, `"included":true`) {
		t.Fatalf("verify-record: %d %q %s", code, out, errs)
	}
	// The attacks: another record with this proof, this record against
	// another root (line 1's record hash as a root).
	code, out, errs = runRegistryCLI(t, "model", "verify-record", "--root", want.ManifestRoot, "--proof", proof, "--record-file", other)
	if code != exitFailed || !strings.Contains(out, `"included":false`) || !strings.Contains(errs, "not the proof's record") {
		t.Errorf("verify-record of another record: %d %q %s; want 1", code, out, errs)
	}
	wrongRoot := strings.Repeat("ab", 32)
	code, _, errs = runRegistryCLI(t, "model", "verify-record", "--root", wrongRoot, "--proof", proof, "--record-file", rec)
	if code != exitFailed || !strings.Contains(errs, "not in the training manifest") {
		t.Errorf("verify-record against another root: %d %s; want 1", code, errs)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"model", "card", "--file", schema}, "invalid model card"},
		{[]string{"model", "schema", "--file", card}, "invalid feature schema"},
		{[]string{"model", "manifest", "--training", filepath.Join(dir, "missing")}, "missing"},
		{[]string{"model", "prove", "--training", training}, "exactly one of --line and --record-file"},
		{[]string{"model", "prove", "--training", training, "--line", "4"}, "has 3 records"},
		{[]string{"model", "prove", "--training", training, "--line", "0"}, "not a positive integer"},
		{[]string{"model", "prove", "--training", training, "--record-file", other}, "not in the training manifest"},
		{[]string{"model", "verify-record", "--root", "zz", "--proof", proof, "--record-file", rec}, "--root"},
		{[]string{"model", "verify-record", "--root", wrongRoot, "--proof", rec, "--record-file", rec}, "--proof"},
		{[]string{"model", "verify-record", "--root", wrongRoot, "--proof", proof, "--record-file", training}, "one line"},
	} {
		if code, out, errs := runRegistryCLI(t, c.args...); code != exitUsage || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 naming %q", c.args, code, out, errs, c.want)
		}
	}
}

// TestRegisterModelLineage: register-model with --schema, --card,
// --training and --code-ref registers the digests package lineage
// computes, and registry model prints them back from the chain; with
// --manifest-root the given root is registered; bad lineage input is exit
// 2 before any transaction.
func TestRegisterModelLineage(t *testing.T) {
	n := anviltest.Start(t, &anviltest.Options{Accounts: 1})
	dir := t.TempDir()
	card, schema, training, want := lineageFixture(t, dir)
	keyFile := filepath.Join(dir, "key")
	os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(n.Keys[0]))+"\n"), 0o600)
	model := filepath.Join(dir, "model.json")
	os.WriteFile(model, []byte(`{"trees":[]}`), 0o600)
	code, out, errs := runRegistryCLI(t, "registry", "deploy", "--rpc", n.URL, "--key-file", keyFile)
	if code != exitOK {
		t.Fatalf("deploy: %d %s", code, errs)
	}
	var dep struct{ Contract string }
	decodeRegistryJSON(t, out, &dep)
	chain := []string{"--rpc", n.URL, "--contract", dep.Contract}
	reg := append([]string{"registry", "register-model"}, append(chain, "--key-file", keyFile, "--file", model)...)

	code, out, errs = runRegistryCLI(t, append(reg, "--name", "credit", "--version", "1.0", "--schema", schema, "--card", card,
		"--training", training, "--code-ref", want.CodeRef)...)
	var r struct{ Lineage lineageJSON }
	decodeRegistryJSON(t, out, &r)
	if code != exitOK || r.Lineage != want {
		t.Fatalf("register-model: %d %q %s; want lineage %+v", code, out, errs, want)
	}
	code, out, errs = runRegistryCLI(t, append([]string{"registry", "model"}, append(chain, "--name", "credit", "--version", "1.0")...)...)
	var m modelJSON
	decodeRegistryJSON(t, out, &m)
	if code != exitOK || m.Lineage != want {
		t.Fatalf("registry model: %d %q %s; want lineage %+v", code, out, errs, want)
	}

	code, _, errs = runRegistryCLI(t, append(reg, "--name", "credit", "--version", "1.1", "--manifest-root", "0x"+want.ManifestRoot)...)
	if code != exitOK {
		t.Fatalf("register-model --manifest-root: %d %s", code, errs)
	}
	code, out, _ = runRegistryCLI(t, append([]string{"registry", "model"}, append(chain, "--name", "credit", "--version", "1.1")...)...)
	decodeRegistryJSON(t, out, &m)
	if code != exitOK || m.Lineage != (lineageJSON{ManifestRoot: want.ManifestRoot}) {
		t.Fatalf("registry model 1.1: %d %q; want only the manifest root", code, out)
	}
	// The registration events carry each version's lineage too.
	code, out, _ = runRegistryCLI(t, append([]string{"registry", "models"}, append(chain, "--name", "credit")...)...)
	var ms struct{ Models []modelEventJSON }
	decodeRegistryJSON(t, out, &ms)
	if code != exitOK || len(ms.Models) != 2 || ms.Models[0].Lineage != want || ms.Models[1].Lineage != (lineageJSON{ManifestRoot: want.ManifestRoot}) {
		t.Fatalf("registry models: %d %q; want each version's lineage", code, out)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--schema", card}, "--schema"},
		{[]string{"--card", schema}, "--card"},
		{[]string{"--training", filepath.Join(dir, "missing")}, "--training"},
		{[]string{"--training", training, "--manifest-root", want.ManifestRoot}, "at most one of --training and --manifest-root"},
		{[]string{"--manifest-root", "12"}, "--manifest-root"},
		{[]string{"--manifest-root", strings.Repeat("0", 64)}, "not declared"},
	} {
		code, out, errs := runRegistryCLI(t, append(append(reg, "--name", "credit", "--version", "2.0"), c.args...)...)
		if code != exitUsage || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 naming %q", c.args, code, out, errs, c.want)
		}
	}
	// None of the refused registrations reached the chain.
	code, out, _ = runRegistryCLI(t, append([]string{"registry", "versions"}, append(chain, "--name", "credit")...)...)
	if code != exitOK || strings.Contains(out, "2.0") {
		t.Errorf("versions after refused registrations: %d %q", code, out)
	}
}

// FuzzModelVerifyRecord: any proof file and record file give exit 1 or 2
// (never a panic), and exit 0 only for a record whose hash is the proof's
// and a proof that leads to the root.
func FuzzModelVerifyRecord(f *testing.F) {
	dir := f.TempDir()
	_, _, training, want := lineageFixture(f, dir)
	var ok bytes.Buffer
	if code := run(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &ok, stderr: io.Discard}, []string{"model", "prove", "--training", training, "--line", "2"}); code != exitOK {
		f.Fatalf("model prove: exit %d", code)
	}
	f.Add(ok.Bytes(), []byte("b,2\n"))
	f.Add([]byte(`{"index":0,"size":1,"record_hash":"`+strings.Repeat("0", 64)+`","path":[]}`), []byte("x"))
	f.Add([]byte("{"), []byte(""))
	f.Fuzz(func(t *testing.T, proof, record []byte) {
		d := t.TempDir()
		pf, rf := filepath.Join(d, "p"), filepath.Join(d, "r")
		os.WriteFile(pf, proof, 0o600)
		os.WriteFile(rf, record, 0o600)
		code, _, _ := runRegistryCLI(t, "model", "verify-record", "--root", want.ManifestRoot, "--proof", pf, "--record-file", rf)
		if code == exitOK {
			p, err := lineage.ParseProof(proof)
			rec := strings.TrimSuffix(strings.TrimSuffix(string(record), "\n"), "\r")
			if err != nil || p.RecordHash != lineage.RecordHash([]byte(rec)) || p.Verify(mustDigest(t, want.ManifestRoot)) != nil {
				t.Fatalf("exit 0 for proof %q, record %q", proof, record)
			}
		} else if code != exitFailed && code != exitUsage {
			t.Fatalf("exit %d", code)
		}
	})
}

func mustDigest(t *testing.T, s string) [32]byte {
	t.Helper()
	d, err := lineage.ParseDigest(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
