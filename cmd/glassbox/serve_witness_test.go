package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
	"github.com/glassbox-audit/glassbox/auditlog/witness/witnesstest"
	"github.com/glassbox-audit/glassbox/httpapi"
)

// glassbox serve --witness KEY: after glassbox witness submit, the receipt
// route serves receipts on the cosigned checkpoint with the witness's
// cosignature, which a 1-of-1 policy accepts; with the key of a witness
// nobody submitted to, the receipt stays on the latest checkpoint and
// fails that witness's policy.
func TestServeWitnessedReceipts(t *testing.T) {
	dir := sdkLogDir(t)
	info, err := auditlog.ReadDirInfo(dir)
	if err != nil {
		t.Fatal(err)
	}
	tw, _ := witnesstest.New(t, info.Verifier, "example.org/witness-a")
	if code, out, errs := runCmd(t, "witness", "submit", "--dir", dir, "--witness", tw.VKey+"="+tw.URL); code != exitOK {
		t.Fatalf("witness submit: %d %s %s", code, out, errs)
	}
	other, _ := witnesstest.New(t, info.Verifier, "example.org/witness-b")
	for _, c := range []struct {
		key string
		ok  bool
	}{{tw.VKey, true}, {other.VKey, false}} {
		wv, err := cosig.NewVerifier(c.key)
		if err != nil {
			t.Fatal(err)
		}
		r := serveReceipt(t, dir, "--witness", c.key)
		_, err = receipt.VerifyWith(r, info.Verifier, &receipt.VerifyOptions{Witnesses: []note.Verifier{wv}})
		if (err == nil) != c.ok {
			t.Errorf("--witness %s and its 1-of-1 policy: %v\n%s", c.key, err, r.Checkpoint)
		}
	}
	if code, _, errs := runCmd(t, "serve", "--dir", dir, "--witness-threshold", "1"); code != exitUsage || !strings.Contains(errs, "needs --witness") {
		t.Errorf("--witness-threshold alone: %d %s", code, errs)
	}
}

// serveReceipt runs glassbox serve on dir with extra flags and returns the
// receipt of decision lend-3, through its capability link.
func serveReceipt(t *testing.T, dir string, extra ...string) *receipt.Receipt {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errb strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, &cliEnv{stdin: strings.NewReader(""), stdout: pw, stderr: &errb}, append([]string{"serve", "--dir", dir, "--addr", ":0"}, extra...))
		pw.Close()
	}()
	defer func() {
		cancel()
		<-done
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed nothing: %s", errb.String())
	}
	go io.Copy(io.Discard, pr)
	var started serveStarted
	if err := json.Unmarshal([]byte(line), &started); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(started.Tokens)
	if err != nil {
		t.Fatal(err)
	}
	lender := ""
	for _, l := range strings.Split(string(raw), "\n") {
		if tok, ok := strings.CutPrefix(l, "lender "); ok {
			lender = tok
		}
	}
	req, _ := http.NewRequest("POST", "http://"+started.Addr+"/v1/decisions/lend-3/link", nil)
	req.Header.Set("Authorization", "Bearer "+lender)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var link httpapi.Link
	err = json.NewDecoder(resp.Body).Decode(&link)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	resp, err = http.Get("http://" + started.Addr + link.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	r, err := receipt.Parse(b)
	if err != nil {
		t.Fatalf("receipt: %v %s", err, b)
	}
	return r
}
