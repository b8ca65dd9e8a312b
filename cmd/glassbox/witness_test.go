package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
)

// cosigningServer cosigns every checkpoint it is sent (no state: the
// protocol's refusals are tested in auditlog/witness and interop/).
func cosigningServer(t *testing.T, name string) (vkey, url string) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := cosig.NewSigner(name, priv, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		_, n, ok := bytes.Cut(b, []byte("\n\n"))
		i := bytes.LastIndex(n, []byte("\n\n"))
		if r.URL.Path != "/add-checkpoint" || !ok || i < 0 {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		body := string(n[:i+1])
		signed, err := note.Sign(&note.Note{Text: body}, s)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Write(signed[len(body)+1:])
	}))
	t.Cleanup(srv.Close)
	return s.Verifier().String(), srv.URL
}

// TestWitnessCLI: witness submit stores a cosignature, receipt attaches it,
// verify checks a 1-of-1 policy (exit 0) and fails a 2-of-2 one (exit 1);
// bad flags are usage errors (exit 2).
func TestWitnessCLI(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "log")
	if code, out, stderr := runRecCLI(t, "", "log", "init", "--dir", dir, "--origin", "example.org/witness-cli"); code != exitOK {
		t.Fatalf("log init: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := runRecCLI(t, cliDecisions, "append", "--dir", dir); code != exitOK {
		t.Fatalf("append: %s", stderr)
	}
	vkey, url := cosigningServer(t, "example.org/cli-witness")
	other, _ := cosigningServer(t, "example.org/other-witness")
	code, out, stderr := runRecCLI(t, "", "witness", "submit", "--dir", dir, "--witness", vkey+"="+url)
	if code != exitOK || !strings.Contains(out, `"cosigned":[{"witness":"example.org/cli-witness"`) || !strings.Contains(out, `"refused":[]`) {
		t.Fatalf("witness submit: %d %s %s", code, out, stderr)
	}
	code, rc, stderr := runRecCLI(t, "", "receipt", "--dir", dir, "--id", "d-1")
	if code != exitOK || !strings.Contains(rc, "\u2014 example.org/cli-witness ") {
		t.Fatalf("receipt: %d %s %s", code, rc, stderr)
	}
	rfile := filepath.Join(t.TempDir(), "receipt.json")
	if err := os.WriteFile(rfile, []byte(rc), 0o644); err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(t.TempDir(), "witness.vkey")
	if err := os.WriteFile(keyFile, []byte(vkey+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	logKey := filepath.Join(dir, "verifier.key")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"1 of 1", []string{"--witness", vkey}, exitOK, `"cosigned":["example.org/cli-witness"],"witnesses":1,"witness_threshold":1`},
		{"key file", []string{"--witness", keyFile, "--witness-threshold", "1"}, exitOK, `"valid":true`},
		{"1 of 2", []string{"--witness", vkey, "--witness", other, "--witness-threshold", "1"}, exitOK, `"witnesses":2`},
		{"2 of 2", []string{"--witness", vkey, "--witness", other}, exitFailed, `"check":"witness"`},
		{"threshold without witnesses", []string{"--witness-threshold", "1"}, exitUsage, ""},
		{"threshold above n", []string{"--witness", vkey, "--witness-threshold", "2"}, exitUsage, ""},
		{"log key as witness", []string{"--witness", logKey}, exitUsage, ""},
		{"same key twice", []string{"--witness", vkey, "--witness", keyFile}, exitUsage, ""},
	} {
		code, out, stderr := runRecCLI(t, "", append([]string{"verify", rfile, "--log-key", logKey}, c.args...)...)
		if code != c.code || !strings.Contains(out, c.want) {
			t.Errorf("%s: exit %d (want %d), %s %s", c.name, code, c.code, out, stderr)
		}
	}
	for name, args := range map[string][]string{
		"no subcommand":  {"witness"},
		"no witness":     {"witness", "submit", "--dir", dir},
		"witness no url": {"witness", "submit", "--dir", dir, "--witness", vkey},
		"not a key":      {"witness", "submit", "--dir", dir, "--witness", "nokey=" + url},
	} {
		if code, _, stderr := runRecCLI(t, "", args...); code != exitUsage {
			t.Errorf("%s: exit %d, want 2 (%s)", name, code, stderr)
		}
	}
	// A witness that refuses: reported, exit 1.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "unknown log", http.StatusForbidden)
	}))
	defer srv.Close()
	code, out, stderr = runRecCLI(t, "", "witness", "submit", "--dir", dir, "--witness", vkey+"="+srv.URL)
	if code != exitFailed || !strings.Contains(out, `"status":403`) || !strings.Contains(stderr, "unknown log") {
		t.Fatalf("refusing witness: %d %s %s", code, out, stderr)
	}
}
