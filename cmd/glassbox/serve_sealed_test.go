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
	"github.com/glassbox-audit/glassbox/portal/access"
)

// TestServeSealedReadFailsClosed: `glassbox serve` opens the log read-only,
// so it cannot write the access leaf a sealed read needs: a regulator with
// the sealed scope gets a 503 page saying that sealed reads go through the
// lender's service, no personal data, and the log does not grow.
func TestServeSealedReadFailsClosed(t *testing.T) {
	dir := sdkLogDir(t)
	tok := access.NewToken()
	regs := filepath.Join(t.TempDir(), "regulators.json")
	if err := os.WriteFile(regs, []byte(`{"regulators":[{"token":"`+tok+`","name":"Examiner","scope":{"sealed":true}}]}`), 0o600); err != nil {
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
	resp, err := c.PostForm(base+"/login", url.Values{"credential": {tok}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, p := range []string{"/logs/0/decisions/lend-3", "/logs/0/decisions/lend-3/receipt.json"} {
		resp, err := c.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(b), "Sealed reads go through the lender") {
			t.Errorf("%s: %d\n%.500s", p, resp.StatusCode, b)
		}
		if strings.Contains(string(b), ">s-3<") || strings.Contains(string(b), `"s-3"`) {
			t.Errorf("%s shows the subject", p)
		}
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Fatalf("serve exit %d: %s", code, errb.String())
	}
	lg, err := auditlog.OpenDir(dir, &auditlog.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	if lg.Size() != 40 {
		t.Errorf("the log has %d leaves after serve, want the 40 it had", lg.Size())
	}
}
