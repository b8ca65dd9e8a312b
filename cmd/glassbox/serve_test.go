package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/httpapi"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// TestServe runs glassbox serve on a log directory made by the SDK: it
// listens on loopback, makes DIR/tokens (0600) and DIR/link.key, prints
// the tokens' path and not the tokens, serves checkpoints to everyone,
// decisions to the regulator only, links to the lender, and a receipt to
// the holder of its link; the store is not written.
func TestServe(t *testing.T) {
	dir := sdkLogDir(t)
	before := treeState(t, filepath.Join(dir, auditlog.StoreDir))
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errb strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, &cliEnv{stdin: strings.NewReader(""), stdout: pw, stderr: &errb}, []string{"serve", "--dir", dir, "--addr", ":0"})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("serve printed nothing (exit %d): %s", <-done, errb.String())
	}
	go io.Copy(io.Discard, pr)
	var started serveStarted
	if err := json.Unmarshal([]byte(line), &started); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(started.Addr, "127.0.0.1:") || started.Tokens != filepath.Join(dir, httpapi.TokensFile) {
		t.Fatalf("serve started %+v, want loopback and DIR/tokens", started)
	}
	fi, err := os.Stat(started.Tokens)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("tokens file: %v %v", fi, err)
	}
	raw, _ := os.ReadFile(started.Tokens)
	tokens := map[string]string{}
	for _, l := range strings.Split(string(raw), "\n") {
		if role, tok, ok := strings.Cut(l, " "); ok && !strings.HasPrefix(l, "#") {
			tokens[role] = tok
			if strings.Contains(line, tok) || strings.Contains(errb.String(), tok) {
				t.Errorf("serve printed the %s token", role)
			}
		}
	}
	do := func(method, path, role string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, "http://"+started.Addr+path, nil)
		if role != "" {
			req.Header.Set("Authorization", "Bearer "+tokens[role])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, b := do("GET", "/v1/checkpoints/latest", ""); code != 200 || !strings.Contains(b, `"tree_size":40`) {
		t.Errorf("latest checkpoint: %d %s", code, b)
	}
	if code, _ := do("GET", "/v1/decisions", ""); code != 401 {
		t.Errorf("decisions without a token: %d", code)
	}
	if code, _ := do("GET", "/v1/decisions", "lender"); code != 403 {
		t.Errorf("decisions as the lender: %d", code)
	}
	if code, b := do("GET", "/v1/decisions", "regulator"); code != 200 || !strings.Contains(b, `"lend-39"`) {
		t.Errorf("decisions as the regulator: %d %s", code, b)
	}
	if code, b := do("GET", "/v1/decisions/lend-3", "regulator"); code != 200 || !strings.Contains(b, `"s-3"`) {
		t.Errorf("a decision as the regulator: %d %s", code, b)
	}
	code, b := do("POST", "/v1/decisions/lend-3/link", "lender")
	var link httpapi.Link
	if code != 200 || json.Unmarshal([]byte(b), &link) != nil {
		t.Fatalf("link: %d %s", code, b)
	}
	if code, b := do("GET", link.URL, ""); code != 200 || !strings.Contains(b, `"s-3"`) || strings.Contains(b, `"s-4"`) {
		t.Errorf("the receipt by its link: %d %s", code, b)
	}
	if code, _ := do("GET", "/v1/receipts/lend-3", ""); code != 404 {
		t.Errorf("a receipt by id: %d, want 404", code)
	}
	// The applicant portal: the link's page shows the decision, read-only
	// (no erasure form), and the public check page is there.
	if !strings.HasPrefix(link.Page, servePortalPrefix+"/a/") || started.Portal != "http://"+started.Addr+servePortalPrefix+"/check" {
		t.Errorf("link page %q, portal %q", link.Page, started.Portal)
	}
	if code, b := do("GET", link.Page, ""); code != 200 || !strings.Contains(b, "lend-3") || strings.Contains(b, "Erase my personal data") {
		t.Errorf("the applicant's page: %d, erase form shown: %v", code, strings.Contains(b, "Erase my personal data"))
	}
	if code, b := do("GET", servePortalPrefix+"/check", ""); code != 200 || !strings.Contains(b, "Check a receipt") {
		t.Errorf("the check page: %d", code)
	}
	// The log as tlog-tiles: its checkpoint is the latest signed one.
	{
		_, cp := do("GET", "/v1/checkpoints/latest", "")
		var c httpapi.Checkpoint
		if err := json.Unmarshal([]byte(cp), &c); err != nil {
			t.Fatal(err)
		}
		if code, b := do("GET", serveTilesPrefix+"/checkpoint", ""); code != 200 || b != c.Note || started.Tiles != "http://"+started.Addr+serveTilesPrefix {
			t.Errorf("tiles checkpoint: %d %q, want the latest note %q (tiles at %q)", code, b, c.Note, started.Tiles)
		}
		if code, _ := do("GET", serveTilesPrefix+"/tile/0/000.p/40", ""); code != 200 {
			t.Errorf("the partial hash tile of the 40 leaves: %d", code)
		}
	}
	if code, _ := do("GET", "/metrics", "metrics"); code != 200 {
		t.Errorf("metrics: %d", code)
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Fatalf("serve exit %d: %s", code, errb.String())
	}
	sameTree(t, "serving", before, treeState(t, filepath.Join(dir, auditlog.StoreDir)))
	if _, err := os.Stat(filepath.Join(dir, httpapi.LinkKeyFile)); err != nil {
		t.Errorf("no link key: %v", err)
	}
}

// TestServeUsage: serve refuses a public address without --public, a
// missing --dir and a directory that holds no log, with exit 2.
func TestServeUsage(t *testing.T) {
	dir := sdkLogDir(t)
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"serve", "--dir", dir, "--addr", "0.0.0.0:0"}, "--public"},
		{[]string{"serve"}, "--dir is required"},
		{[]string{"serve", "--dir", t.TempDir()}, "serve needs a log directory"},
		{[]string{"serve", "--dir", dir, "--tokens", filepath.Join(t.TempDir(), "none")}, "no such file"},
		{[]string{"serve", "--dir", dir, "--rpc", "http://127.0.0.1:1"}, "--rpc and --contract go together"},
		{[]string{"serve", "--dir", dir, "--rpc", "http://127.0.0.1:1", "--contract", "0x12"}, "not an address"},
	} {
		code, _, stderr := runRecCLI(t, "", c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.says) {
			t.Errorf("%q: exit %d %s, want 2 saying %q", c.args, code, stderr, c.says)
		}
	}
}

// TestServeRegulators: with --regulators, serve mounts the regulator's
// portal: without a session it sends to the login page; the credential
// from the file logs in (a session cookie) and the overview names the
// log; a wrong credential is 401. A regulators file others may read is
// refused (exit 2).
func TestServeRegulators(t *testing.T) {
	dir := sdkLogDir(t)
	tok := access.NewToken()
	regs := filepath.Join(t.TempDir(), "regulators.json")
	if err := os.WriteFile(regs, []byte(`{"regulators":[{"token":"`+tok+`","name":"Examiner","scope":{}}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errb strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, &cliEnv{stdin: strings.NewReader(""), stdout: pw, stderr: &errb}, []string{"serve", "--dir", dir, "--addr", ":0", "--regulators", regs})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("serve printed nothing (exit %d): %s", <-done, errb.String())
	}
	go io.Copy(io.Discard, pr)
	var started serveStarted
	if err := json.Unmarshal([]byte(line), &started); err != nil {
		t.Fatal(err)
	}
	base := "http://" + started.Addr + serveRegulatorPrefix
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasSuffix(resp.Request.URL.Path, "/login") {
		t.Fatalf("without a session: %d at %s", resp.StatusCode, resp.Request.URL.Path)
	}
	resp, err = c.PostForm(base+"/login", url.Values{"credential": {"not-the-credential-" + tok}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a wrong credential: %d", resp.StatusCode)
	}
	resp, err = c.PostForm(base+"/login", url.Values{"credential": {tok}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "glassbox.example/lending") {
		t.Errorf("the overview after login: %d at %s", resp.StatusCode, resp.Request.URL.Path)
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Fatalf("serve exit %d: %s", code, errb.String())
	}
	if err := os.Chmod(regs, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runRecCLI(t, "", "serve", "--dir", dir, "--addr", ":0", "--regulators", regs); code != exitUsage || !strings.Contains(stderr, "--regulators") {
		t.Errorf("a regulators file others may read: exit %d %s", code, stderr)
	}
}
