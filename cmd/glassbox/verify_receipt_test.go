package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
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
	os.WriteFile(file, bytes.Replace(rc, []byte(`"index":0`), []byte(`"index": 0`), 1), 0o644)
	if code, out, _ = runCmd(t, "verify", file, "--log-key", key); code != exitFailed || !strings.Contains(out, `"check":"format"`) {
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
