package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// oneLeafReceipt builds a receipt for a log of one decision, whose root is
// the leaf hash (RFC 6962), so no proof code is involved.
func oneLeafReceipt(t *testing.T) ([]byte, string) {
	skey, vkey, err := note.GenerateKey(rand.Reader, "example.org/cli-test")
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(skey)
	rec, err := record.Build(&record.Decision{
		ID: "d-1", Time: time.Unix(1700000000, 0), Subject: "alice",
		Model:  record.Model{Name: "m", Version: "1", ArtifactDigest: record.Digest{1}},
		Inputs: []record.Feature{{Name: "income", Value: record.Number(1)}},
		Output: record.Output{Label: "approve", Score: 0.5},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	root := verify.LeafHash(rec.LeafBytes)
	body := fmt.Sprintf("example.org/cli-test\n1\n%s\n", base64.StdEncoding.EncodeToString(root[:]))
	cp, err := note.Sign(&note.Note{Text: body}, signer)
	if err != nil {
		t.Fatal(err)
	}
	r := &receipt.Receipt{Origin: "example.org/cli-test", Leaf: rec.LeafBytes, Checkpoint: cp,
		Disclosures: receipt.Disclose(rec.Leaf, rec.Payload)}
	b, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return b, vkey
}

func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func TestVerifyCommand(t *testing.T) {
	rc, key := oneLeafReceipt(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "receipt.json")
	keyFile := filepath.Join(dir, "log.pub")
	os.WriteFile(file, append(rc, '\n'), 0o644)
	os.WriteFile(keyFile, []byte(key+"\n"), 0o644)

	code, out, stderr := runCmd(t, "verify", file, "--log-key", key)
	if code != exitOK || !strings.Contains(out, `"valid":true`) || !strings.Contains(out, `"decision_id":"d-1"`) {
		t.Fatalf("valid receipt: %d %s %s", code, out, stderr)
	}
	if code, out, _ = runCmd(t, "verify", "--log-key", keyFile, "--id", "d-1", file); code != exitOK {
		t.Fatalf("key file, flags first: %d %s", code, out)
	}
	if code, out, _ = runCmd(t, "verify", file, "--log-key", key, "--id", "d-2"); code != exitFailed || !strings.Contains(out, `"check":"decision"`) {
		t.Fatalf("other id: %d %s", code, out)
	}
	_, otherKey, _ := note.GenerateKey(rand.Reader, "example.org/cli-test")
	if code, out, _ = runCmd(t, "verify", file, "--log-key", otherKey); code != exitFailed || !strings.Contains(out, `"check":"signature"`) {
		t.Fatalf("other key: %d %s", code, out)
	}
	os.WriteFile(file, bytes.Replace(rc, []byte(`"value":"alice"`), []byte(`"value":"alicf"`), 1), 0o644)
	if code, out, _ = runCmd(t, "verify", file, "--log-key", key); code != exitFailed || !strings.Contains(out, `"check":"commitment","field":"subject"`) {
		t.Fatalf("tampered disclosure: %d %s", code, out)
	}
	// A pretty-printed receipt is the receipt (white space carries no
	// meaning in JSON); any other rewriting is refused, saying what to do.
	var pretty bytes.Buffer
	json.Indent(&pretty, rc, "", "  ")
	os.WriteFile(file, pretty.Bytes(), 0o644)
	if code, out, stderr = runCmd(t, "verify", file, "--log-key", key); code != exitOK || !strings.Contains(out, `"reformatted":true`) || !strings.Contains(stderr, "re-indented") {
		t.Fatalf("pretty-printed: %d %s %s", code, out, stderr)
	}
	os.WriteFile(file, bytes.Replace(pretty.Bytes(), []byte(`"index"`), []byte(`"ind\u0065x"`), 1), 0o644)
	if code, out, _ = runCmd(t, "verify", file, "--log-key", key); code != exitUsage || !strings.Contains(out, `"check":"format"`) || !strings.Contains(out, "use the receipt as the log issued it") {
		t.Fatalf("non-canonical: %d %s", code, out)
	}
	for _, args := range [][]string{
		{"verify", file},
		{"verify", "--log-key", key},
		{"verify", filepath.Join(dir, "missing.json"), "--log-key", key},
		{"verify", file, "--log-key", "not-a-key"},
		{"verify", file, file, "--log-key", key},
		{"verify", file, "--bogus"},
	} {
		if code, _, _ := runCmd(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// TestVerifyExitCodes: 0 valid, 1 a check failed (the JSON line names it),
// 2 bad usage or bad input (the receipt file cannot be read or parsed, or
// the key is another log's). Offline, an anchor is only claimed.
func TestVerifyExitCodes(t *testing.T) {
	rc, key := oneLeafReceipt(t)
	r, err := receipt.Parse(rc)
	if err != nil {
		t.Fatal(err)
	}
	root := verify.LeafHash(r.Leaf)
	r.Anchor = &receipt.Anchor{ChainID: 1, TreeSize: 1, Root: root, BlockNumber: 7, ConsistencyProof: []verify.Hash{}} // invented, never on a chain
	withAnchor, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	_, sameLogKey, _ := note.GenerateKey(rand.Reader, "example.org/cli-test")
	_, otherLogKey, _ := note.GenerateKey(rand.Reader, "example.org/other-log")
	dir := t.TempDir()
	file := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := file("huge.json", nil)
	if err := os.Truncate(huge, receipt.MaxSize+1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		file     string
		key      string
		code     int
		out, err string // substrings of stdout and stderr
	}{
		{"valid", file("valid.json", rc), key, exitOK, `"valid":true`, ""},
		{"valid, no anchor", file("valid.json", rc), key, exitOK, `"anchor":"none"`, ""},
		{"valid, anchor not checked offline", file("anchor.json", withAnchor), key, exitOK, `"anchor":"claimed"`, ""},
		{"tampered disclosure", file("tampered.json", bytes.Replace(rc, []byte(`"value":"alice"`), []byte(`"value":"alicf"`), 1)), key, exitFailed, `"check":"commitment"`, "commitment"},
		{"another key of the same log", file("valid.json", rc), sameLogKey, exitFailed, `"check":"signature"`, "signature"},
		{"key of another log", file("valid.json", rc), otherLogKey, exitUsage, "", `"example.org/other-log"`},
		{"key of another log names the receipt's", file("valid.json", rc), otherLogKey, exitUsage, "", `"example.org/cli-test"`},
		{"white space only", file("spaced.json", bytes.Replace(rc, []byte(`"index":0`), []byte(`"index": 0`), 1)), key, exitOK, `"reformatted":true`, "re-indented"},
		{"not canonical", file("escaped.json", bytes.Replace(rc, []byte(`"index":0`), []byte(`"ind\u0065x":0`), 1)), key, exitUsage, `"check":"format"`, "canonical"},
		{"not JSON", file("text.json", []byte("receipt\n")), key, exitUsage, `"check":"format"`, "format"},
		{"empty", file("empty.json", nil), key, exitUsage, `"check":"format"`, "format"},
		{"over the size limit", huge, key, exitUsage, `"check":"format"`, "limit"},
		{"endless input", "/dev/zero", key, exitUsage, `"check":"format"`, "limit"},
		{"missing file", filepath.Join(dir, "missing.json"), key, exitUsage, "", "missing.json"},
		{"endless key file", file("valid.json", rc), "/dev/zero", exitUsage, "", "log-key"},
	}
	for _, c := range cases {
		if c.file == "/dev/zero" || c.key == "/dev/zero" {
			if _, err := os.Stat("/dev/zero"); err != nil {
				t.Logf("%s: no /dev/zero on this system", c.name)
				continue
			}
		}
		code, out, errs := runCmd(t, "verify", c.file, "--log-key", c.key)
		if code != c.code || !strings.Contains(out, c.out) || !strings.Contains(errs, c.err) {
			t.Errorf("%s: exit %d, stdout %.200q, stderr %.200q; want exit %d, stdout with %q, stderr with %q", c.name, code, out, errs, c.code, c.out, c.err)
		}
		if strings.Contains(out, `"anchored"`) {
			t.Errorf("%s: output still has the unqualified \"anchored\": %s", c.name, out)
		}
	}
}
