package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// sdkLogDir makes a log directory the way the SDK's programs do (the
// lending example, logdemo, the regulator demo): auditlog.CreateDir, then
// decisions appended through auditlog.OpenDir, and a checkpoint.
func sdkLogDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "lending")
	if _, err := auditlog.CreateDir(dir, "glassbox.example/lending"); err != nil {
		t.Fatal(err)
	}
	l, err := auditlog.OpenDir(dir, &auditlog.Options{Origin: "glassbox.example/lending"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	t0 := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var ds []record.Decision
	for i := range 40 {
		ds = append(ds, record.Decision{
			ID: fmt.Sprintf("lend-%d", i), Time: t0.Add(time.Duration(i) * time.Hour), Subject: fmt.Sprintf("s-%d", i),
			Model:  record.Model{Name: "credit", Version: "1.0", ArtifactDigest: record.Digest{1}},
			Inputs: []record.Feature{{Name: "income", Value: record.Number(float64(i))}},
			Output: record.Output{Label: []string{"approve", "decline", "decline"}[i%3], Score: 0.5},
			Groups: []record.Attr{{Name: "sex", Value: []string{"female", "male"}[i%2]}},
		})
	}
	dl, err := decisions.Open(l, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dl.AppendBatch(ctx, ds); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// treeState maps every path under root to its mode and content hash.
func treeState(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			out[p] = st.Mode().String()
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[p] = fmt.Sprintf("%s %x", st.Mode(), sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for p, s := range after {
		if b, ok := before[p]; !ok || b != s {
			t.Errorf("%s: %s changed or appeared (%q -> %q)", what, p, b, s)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			t.Errorf("%s: %s disappeared", what, p)
		}
	}
}

// TestCLIOnSDKLogDir: every command that names a log works on a directory
// made by the SDK with --dir alone, and with --dir D --key D/signer.key.
// (anchor, which also needs a chain: TestAnchorLogDir.)
func TestCLIOnSDKLogDir(t *testing.T) {
	for _, withKey := range []bool{false, true} {
		t.Run(fmt.Sprintf("key=%v", withKey), func(t *testing.T) {
			dir := sdkLogDir(t)
			named := []string{"--dir", dir}
			if withKey {
				named = append(named, "--key", filepath.Join(dir, auditlog.SignerKeyFile))
			}
			for _, c := range []struct {
				stdin string
				args  []string
				want  string
			}{
				{"", []string{"log", "verify"}, `"ok":true,"tree_size":40`},
				{"", []string{"log", "proof", "--index", "3"}, `"tree_size":40`},
				{"", []string{"log", "consistency", "--from", "7"}, `"to":40`},
				{"", []string{"log", "export", "--from", "38"}, `"index":39`},
				{"", []string{"get", "--id", "lend-5"}, `"id":"lend-5"`},
				{"", []string{"get", "--subject", "s-6"}, `"subject":"s-6"`},
				{"", []string{"receipt", "--id", "lend-7"}, `"origin":"glassbox.example/lending"`},
				{"", []string{"fairness", "--by", "sex", "--replicates", "0", "--json"}, `"decisions":40`},
				{cliDecisions, []string{"append"}, `"existing":false`},
				{"", []string{"erase", "--subject", "s-8"}, `"erased":1`},
				{"a raw leaf\n", []string{"log", "append"}, `"first_index":42`},
				{"", []string{"log", "checkpoint"}, `"tree_size":43`},
				{"", []string{"log", "verify"}, `"ok":true,"tree_size":43`},
			} {
				args := append(append([]string(nil), c.args...), named...)
				code, out, errs := runRecCLI(t, c.stdin, args...)
				if code != exitOK || !strings.Contains(out, c.want) {
					t.Errorf("%q: exit %d, stdout %.300q, stderr %q; want 0 and %q", args, code, out, errs, c.want)
				}
			}
		})
	}
}

// TestCLIReadsWriteNothing: the read commands open the log read-only: they
// work without signer.key, and no file of the directory changes.
func TestCLIReadsWriteNothing(t *testing.T) {
	dir := sdkLogDir(t)
	if err := os.Remove(filepath.Join(dir, auditlog.SignerKeyFile)); err != nil {
		t.Fatal(err)
	}
	before := treeState(t, dir)
	for _, args := range [][]string{
		{"log", "verify"},
		{"log", "proof", "--index", "3"},
		{"log", "consistency", "--from", "7", "--to", "40"},
		{"get", "--id", "lend-5"},
		{"get", "--model", "credit"},
	} {
		args = append(args, "--dir", dir)
		if code, _, errs := runRecCLI(t, "", args...); code != exitOK {
			t.Errorf("%q: exit %d, %s", args, code, errs)
		}
	}
	sameTree(t, "after the read commands", before, treeState(t, dir))
	// A writing command needs the signer key, and says so.
	if code, _, errs := runRecCLI(t, "", "log", "checkpoint", "--dir", dir); code != exitUsage || !strings.Contains(errs, "signer.key is missing") {
		t.Errorf("checkpoint without signer.key: exit %d, %s", code, errs)
	}
	// A log with no decision records yet: get says not found, writes nothing.
	fresh := filepath.Join(t.TempDir(), "fresh")
	if code, _, errs := runRecCLI(t, "", "log", "init", "--dir", fresh, "--origin", "example.org/fresh"); code != exitOK {
		t.Fatal(errs)
	}
	before = treeState(t, fresh)
	if code, _, errs := runRecCLI(t, "", "get", "--id", "d-1", "--dir", fresh); code != exitFailed || !strings.Contains(errs, "not found") {
		t.Errorf("get in a log without records: exit %d, %s", code, errs)
	}
	sameTree(t, "get in a log without records", before, treeState(t, fresh))
}

// TestCLITypoCreatesNothing: every command given a --dir where there is no
// log exits 2, names the path, and creates nothing; only append with --key
// starts a bare store.
func TestCLITypoCreatesNothing(t *testing.T) {
	root := t.TempDir()
	typo := filepath.Join(root, "TYPO")
	skey, _, err := note.GenerateKey(rand.Reader, "example.org/typo")
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(root, "signer.key")
	if err := os.WriteFile(keyFile, []byte(skey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := treeState(t, root)
	for _, c := range []struct {
		stdin string
		args  []string
	}{
		{"", []string{"get", "--id", "d-1"}},
		{"", []string{"get", "--id", "d-1", "--key", keyFile}},
		{"", []string{"receipt", "--id", "d-1"}},
		{"", []string{"receipt", "--id", "d-1", "--key", keyFile}},
		{"", []string{"erase", "--subject", "s", "--key", keyFile}},
		{"", []string{"fairness", "--by", "sex"}},
		{cliDecisions, []string{"append"}},
		{"", []string{"log", "verify"}},
		{"", []string{"log", "proof", "--index", "0"}},
		{"", []string{"log", "consistency", "--from", "0"}},
		{"", []string{"log", "export"}},
		{"", []string{"log", "checkpoint", "--key", keyFile}},
		{"x\n", []string{"log", "append"}},
	} {
		args := append(append([]string(nil), c.args...), "--dir", typo)
		code, _, errs := runRecCLI(t, c.stdin, args...)
		if code != exitUsage || !strings.Contains(errs, typo) || !strings.Contains(errs, "no log here") {
			t.Errorf("%q: exit %d, %q; want 2 naming %s", args, code, errs, typo)
		}
	}
	sameTree(t, "after commands on a mistyped --dir", before, treeState(t, root))
	// The control: append with --key creates a bare store there.
	if code, _, errs := runRecCLI(t, cliDecisions, "append", "--dir", typo, "--key", keyFile); code != exitOK {
		t.Fatalf("append --key to a new bare store: exit %d, %s", code, errs)
	}
	if code, out, errs := runRecCLI(t, "", "get", "--id", "d-1", "--dir", typo, "--key", keyFile); code != exitOK || !strings.Contains(out, `"id":"d-1"`) {
		t.Fatalf("get from the bare store: exit %d, %s %s", code, out, errs)
	}
	if code, _, errs := runRecCLI(t, "", "get", "--id", "d-1", "--dir", typo); code != exitUsage || !strings.Contains(errs, "pass --key") {
		t.Errorf("a bare store without --key: exit %d, %s", code, errs)
	}
}

// TestCLILockedLog: a log held open by a service is reported as such, with
// the advice to read it through the service; a key that is not the
// directory's is refused, naming the directory.
func TestCLILockedLog(t *testing.T) {
	dir := sdkLogDir(t)
	l, err := auditlog.OpenDir(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"get", "--id", "lend-1"}, {"log", "verify"}, {"append"}} {
		args = append(args, "--dir", dir)
		code, _, errs := runRecCLI(t, cliDecisions, args...)
		if code != exitUsage || !strings.Contains(errs, "running service") || !strings.Contains(errs, "read the log through that service") {
			t.Errorf("%q on a log held open: exit %d, %q", args, code, errs)
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}

	skey, _, err := note.GenerateKey(rand.Reader, "glassbox.example/lending")
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "other.key")
	if err := os.WriteFile(other, []byte(skey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runRecCLI(t, "", "get", "--id", "d-1", "--dir", dir, "--key", other); code != exitUsage || !strings.Contains(errs, "is not the key of "+dir) {
		t.Errorf("another key for a log directory: exit %d, %q", code, errs)
	}
	if err := os.Chmod(other, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runRecCLI(t, "", "get", "--id", "d-1", "--dir", dir, "--key", other); code != exitUsage || !strings.Contains(errs, "chmod 600") {
		t.Errorf("a key file readable by others: exit %d, %q", code, errs)
	}
}
