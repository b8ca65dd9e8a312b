package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/glassbox-audit/glassbox/internal/anviltest"
)

// buildExample builds one of the examples into dir.
func buildExample(t *testing.T, dir, name string) string {
	t.Helper()
	out := filepath.Join(dir, name)
	b := exec.Command("go", "build", "-o", out, "./examples/"+name)
	b.Dir = filepath.Join("..", "..")
	if msg, err := b.CombinedOutput(); err != nil {
		t.Fatalf("go build ./examples/%s: %v\n%s", name, err, msg)
	}
	return out
}

// TestDevnetEndToEnd: glassbox devnet starts anvil, deploys the contract,
// runs the lending service with its key in a keystore; the service
// registers the log and the model and anchors; the regulator and the
// applicant examples, unchanged, verify against the node with what devnet
// printed.
func TestDevnetEndToEnd(t *testing.T) {
	// anviltest.Start skips (saying why) when anvil is absent or -short;
	// this test needs the binary itself, not a node.
	if testing.Short() {
		t.Skip("devnet: starts anvil and three example processes; not under -short")
	}
	anvilBin, err := anviltest.Binary()
	if err != nil {
		t.Skipf("devnet: %v", err)
	}
	bins := t.TempDir()
	lending := buildExample(t, bins, "lending")
	regulator := buildExample(t, bins, "regulator")
	applicant := buildExample(t, bins, "applicant")

	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errb syncBuf
	done := make(chan int, 1)
	dir := t.TempDir()
	go func() {
		done <- run(ctx, &cliEnv{stdin: strings.NewReader(""), stdout: pw, stderr: &errb},
			[]string{"devnet", "--dir", dir, "--anvil", anvilBin, "--port", "0", "--http", "127.0.0.1:0", "--lending", lending, "--demo", "5"})
		pw.Close()
	}()
	defer func() {
		cancel()
		if code := <-done; code != exitOK {
			t.Errorf("devnet exit %d after interrupt\n%s", code, errb.String())
		}
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("devnet printed nothing: %v (exit %d)\n%s", err, <-done, errb.String())
	}
	go io.Copy(io.Discard, pr)
	var out devnetOut
	if err := json.Unmarshal([]byte(line), &out); err != nil {
		t.Fatalf("devnet output %q: %v", line, err)
	}
	if out.Origin != "glassbox.example/lending" || len(out.LogKey) != 64 || out.LinkToken == "" || !strings.HasPrefix(out.Service, "http://127.0.0.1:") {
		t.Fatalf("devnet output %+v", out)
	}
	if !strings.Contains(out.Keystore, filepath.Join(dir, "keystore")) || strings.Contains(errb.String(), "--key ") {
		t.Errorf("the service's key is not from the keystore: %s", out.Keystore)
	}

	// The regulator: every anchor on the contract checked against the
	// service's checkpoints, receipts verified end to end.
	var rout, rerr bytes.Buffer
	reg := exec.Command(regulator, "--service", out.Service, "--tokens", out.Tokens, "--rpc", out.RPC, "--contract", out.Contract, "--sample", "5", "--seed", "1")
	reg.Stdout, reg.Stderr = &rout, &rerr
	if err := reg.Run(); err != nil {
		t.Fatalf("regulator: %v\n%s\n%s\ndevnet:\n%s", err, rout.String(), rerr.String(), errb.String())
	}
	var rep struct {
		Anchors          int  `json:"anchors"`
		AnchorsChecked   int  `json:"anchors_checked"`
		ReceiptsVerified int  `json:"receipts_verified"`
		LatestConsistent bool `json:"latest_consistent"`
	}
	if err := json.Unmarshal(rout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Anchors < 1 || rep.AnchorsChecked != rep.Anchors || rep.ReceiptsVerified != 5 || !rep.LatestConsistent {
		t.Errorf("regulator report %+v", rep)
	}

	// The applicant, with the link the lender gave them.
	var aout, aerr bytes.Buffer
	app := exec.Command(applicant, "--service", out.Service, "--link", out.LinkToken, "--id", out.DecisionID, "--rpc", out.RPC, "--contract", out.Contract)
	app.Stdout, app.Stderr = &aout, &aerr
	if err := app.Run(); err != nil {
		t.Fatalf("applicant: %v\n%s\n%s", err, aout.String(), aerr.String())
	}
	if !strings.HasPrefix(aout.String(), "VERIFIED: decision "+out.DecisionID) {
		t.Errorf("applicant output:\n%s", aout.String())
	}
	// The applicant's demo mode reads devnet's line itself.
	aout.Reset()
	app = exec.Command(applicant, "--devnet", "-")
	app.Stdin, app.Stdout, app.Stderr = strings.NewReader(line), &aout, &aerr
	if err := app.Run(); err != nil || !strings.HasPrefix(aout.String(), "VERIFIED: decision "+out.DecisionID) {
		t.Errorf("applicant --devnet: %v\n%s\n%s", err, aout.String(), aerr.String())
	}
}

// syncBuf is a bytes.Buffer safe for the concurrent writes of devnet's
// stderr (its own lines and the service's).
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
