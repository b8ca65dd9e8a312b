package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"
)

func runRecCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), &cliEnv{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

const cliDecisions = `{"id":"d-1","time":"2026-11-23T01:00:00Z","subject":"alice","model":{"name":"credit","version":"1.0","artifact_digest":"0101010101010101010101010101010101010101010101010101010101010101"},"inputs":[{"name":"income","number":52000.5},{"name":"age","integer":41}],"output":{"label":"approve","score":0.8},"groups":[{"name":"sex","value":"female"}]}
{"id":"d-2","time":"2026-11-23T02:00:00Z","subject":"bob","model":{"name":"credit","version":"1.0","artifact_digest":"0101010101010101010101010101010101010101010101010101010101010101"},"inputs":[{"name":"income","number":12000}],"output":{"label":"decline","score":0.2}}
`

func TestRecordsCLI(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "log")
	skey, key, err := note.GenerateKey(rand.Reader, "example.org/cli-records")
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(t.TempDir(), "log.key")
	if err := os.WriteFile(keyFile, []byte(skey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	log := func(args ...string) []string { return append(args, "--dir", dir, "--key", keyFile) }

	// Bad input: nothing is written and the line and field are named.
	bad := map[string]string{
		"line 2: record \"d-2\": strictjson: wrong type: field \"output.score\"":                                strings.Replace(cliDecisions, `"score":0.2`, `"score":1e999`, 1),
		"line 1: record \"d-1\": strictjson: unknown field \"colour\"":                                          strings.Replace(cliDecisions, `"id":"d-1",`, `"id":"d-1","colour":"red",`, 1),
		"line 1: record: field id: missing":                                                                     strings.Replace(cliDecisions, `"id":"d-1",`, `"id":"",`, 1),
		"line 2: record \"d-2\": field weight: must be":                                                         strings.Replace(cliDecisions, `"score":0.2}`, `"score":0.2},"weight":-1`, 1),
		"line 1: record: field id":                                                                              strings.Replace(cliDecisions, `"id":"d-1",`, ``, 1),
		"line 1: strictjson: duplicate key: $.id":                                                               strings.Replace(cliDecisions, `"id":"d-1",`, `"id":"d-1","id":"d-9",`, 1),
		"line 2: strictjson: malformed JSON: $: invalid character":                                              strings.Replace(cliDecisions, `{"id":"d-2"`, `{"id":"d-2",,`, 1),
		"line 1: record \"d-1\": strictjson: malformed JSON: field model.artifact_digest: digest: encoding/hex": strings.Replace(cliDecisions, `"artifact_digest":"01`, `"artifact_digest":"zz`, 1),
		"line 1: record \"d-1\": strictjson: malformed JSON: field inputs[1]: feature \"age\": integer 1e3":     strings.Replace(cliDecisions, `"integer":41`, `"integer":1e3`, 1),
		"line 1: record \"d-1\": strictjson: wrong type: field \"inputs[0].number\"":                            strings.Replace(cliDecisions, `"number":52000.5`, `"number":1e400`, 1),
		"line 1: record \"d-1\": field inputs[0].name":                                                          strings.Replace(cliDecisions, `"name":"income","number":52000.5`, `"name":"`+strings.Repeat("x", 200)+`","number":1`, 1),
	}
	for want, in := range bad {
		code, _, stderr := runRecCLI(t, in, log("append")...)
		if code != exitUsage || !strings.Contains(stderr, want) {
			t.Errorf("append: exit %d, stderr %q; want 2 and %q", code, stderr, want)
		}
	}
	huge := `{"id":"d-9","subject":"` + strings.Repeat("x", maxLineBytes) + `"}` + "\n"
	if code, _, stderr := runRecCLI(t, cliDecisions+huge, log("append")...); code != exitUsage || !strings.Contains(stderr, "line 3: line is longer than") {
		t.Errorf("oversized line: exit %d, %q", code, stderr)
	}
	// Nor was a store created: get names the missing log, exit 2.
	code, out, stderr := runRecCLI(t, "", log("get", "--id", "d-1")...)
	if code != exitUsage || !strings.Contains(stderr, "no log here") {
		t.Fatalf("get after rejected input: %d %s %s", code, out, stderr)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("rejected input and a get left %s: %v", dir, err)
	}

	code, out, stderr = runRecCLI(t, cliDecisions, log("append")...)
	if code != exitOK || strings.Count(out, `"existing":false`) != 2 {
		t.Fatalf("append: %d %s %s", code, out, stderr)
	}
	code, out, _ = runRecCLI(t, cliDecisions, log("append")...)
	if code != exitOK || strings.Count(out, `"existing":true`) != 2 {
		t.Fatalf("re-append: %d %s", code, out)
	}
	outcomes := `{"decision_id":"d-1","time":"2027-05-01T00:00:00Z","label":"repaid"}` + "\n"
	if code, out, stderr = runRecCLI(t, outcomes, log("append", "--outcomes")...); code != exitOK || !strings.Contains(out, `"index":2`) {
		t.Fatalf("append --outcomes: %d %s %s", code, out, stderr)
	}
	if code, _, stderr = runRecCLI(t, `{"decision_id":"d-404","time":"2027-05-01T00:00:00Z","label":"repaid"}`, log("append", "--outcomes")...); code != exitUsage || !strings.Contains(stderr, "decision not found") {
		t.Fatalf("outcome for an unknown decision: %d %s", code, stderr)
	}
	if code, _, stderr = runRecCLI(t, `{"decision_id":"d-1","label":"repaid"}`, log("append", "--outcomes")...); code != exitUsage || !strings.Contains(stderr, `line 1: record "d-1": field time: missing`) {
		t.Fatalf("outcome without time: %d %s", code, stderr)
	}
	code, out, stderr = runRecCLI(t, "", log("get", "--id", "d-1")...)
	if code != exitOK || !strings.Contains(out, `"outcome":{"index":2,"label":"repaid"}`) || !strings.Contains(out, `"subject":"alice"`) || !strings.Contains(out, `"status":"sealed"`) {
		t.Fatalf("get: %d %s %s", code, out, stderr)
	}
	code, out, _ = runRecCLI(t, "", log("get", "--model", "credit", "--version", "1.0", "--limit", "1")...)
	var page struct {
		Records []json.RawMessage `json:"records"`
		Next    string            `json:"next"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &page) != nil || len(page.Records) != 1 || page.Next == "" {
		t.Fatalf("get --model: %d %s", code, out)
	}

	code, rc, stderr := runRecCLI(t, "", log("receipt", "--id", "d-1")...)
	if code != exitOK {
		t.Fatalf("receipt: %d %s", code, stderr)
	}
	rfile := filepath.Join(t.TempDir(), "receipt.json")
	os.WriteFile(rfile, []byte(rc), 0o644)
	code, out, stderr = runRecCLI(t, "", "verify", rfile, "--log-key", key, "--id", "d-1")
	if code != exitOK || !strings.Contains(out, `"valid":true`) {
		t.Fatalf("verify: %d %s %s", code, out, stderr)
	}
	code, out, _ = runRecCLI(t, "", "verify", rfile, "--log-key", key, "--id", "d-2")
	if code != exitFailed || !strings.Contains(out, `"check":"decision"`) {
		t.Fatalf("verify as another decision: %d %s", code, out)
	}
	tampered := strings.Replace(rc, `"value":"alice"`, `"value":"alicf"`, 1)
	os.WriteFile(rfile, []byte(tampered), 0o644)
	code, out, _ = runRecCLI(t, "", "verify", rfile, "--log-key", key)
	if code != exitFailed || !strings.Contains(out, `"check":"commitment","field":"subject"`) {
		t.Fatalf("verify tampered: %d %s", code, out)
	}
	if code, _, _ = runRecCLI(t, "", "verify", rfile); code != exitUsage {
		t.Fatalf("verify without key: %d", code)
	}
	if code, _, _ = runRecCLI(t, "", "verify", filepath.Join(dir, "missing.json"), "--log-key", key); code != exitUsage {
		t.Fatalf("verify missing file: %d", code)
	}

	code, out, _ = runRecCLI(t, "", log("erase", "--subject", "alice")...)
	if code != exitOK || !strings.Contains(out, `"erased":1`) {
		t.Fatalf("erase: %d %s", code, out)
	}
	code, out, _ = runRecCLI(t, "", log("get", "--id", "d-1")...)
	if code != exitOK || !strings.Contains(out, `"status":"erased"`) || strings.Contains(out, "alice") {
		t.Fatalf("get erased: %d %s", code, out)
	}
	os.WriteFile(rfile, []byte(rc), 0o644)
	if code, out, _ = runRecCLI(t, "", "verify", rfile, "--log-key", key); code != exitOK {
		t.Fatalf("receipt issued before erasure: %d %s", code, out)
	}
}

// TestRecordsCLIInitDir uses a directory made by "glassbox log init": keys
// and store inside, no --key.
func TestRecordsCLIInitDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "log")
	if code, out, stderr := runRecCLI(t, "", "log", "init", "--dir", dir, "--origin", "example.org/records-init"); code != exitOK {
		t.Fatalf("log init: %d %s %s", code, out, stderr)
	}
	if code, out, stderr := runRecCLI(t, cliDecisions, "append", "--dir", dir); code != exitOK || strings.Count(out, `"existing":false`) != 2 {
		t.Fatalf("append: %d %s %s", code, out, stderr)
	}
	code, rc, stderr := runRecCLI(t, "", "receipt", "--dir", dir, "--id", "d-2")
	if code != exitOK {
		t.Fatalf("receipt: %d %s", code, stderr)
	}
	rfile := filepath.Join(t.TempDir(), "receipt.json")
	os.WriteFile(rfile, []byte(rc), 0o644)
	if code, out, stderr := runRecCLI(t, "", "verify", rfile, "--log-key", filepath.Join(dir, "verifier.key"), "--id", "d-2"); code != exitOK {
		t.Fatalf("verify: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := runRecCLI(t, "", "get", "--dir", t.TempDir(), "--id", "d-2"); code != exitUsage || !strings.Contains(stderr, "no log here") {
		t.Fatalf("get in a non-log directory: %d %s", code, stderr)
	}
}
