package interop

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
)

const witnessName = "example.org/glassbox/litewitness"

// goBuild builds a package into dir, from module directory mod ("" for
// this one).
func goBuild(t *testing.T, dir, mod, pkg, name string) string {
	t.Helper()
	out := filepath.Join(dir, name)
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = mod
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, b)
	}
	return out
}

// startProcess starts cmd, stops it when the test ends, and returns a
// channel of its stderr lines (closed when it exits).
func startProcess(t *testing.T, cmd *exec.Cmd, log *bytes.Buffer) <-chan string {
	t.Helper()
	r, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	// exec copies stdout into log from its own goroutine, and the scanner
	// below writes stderr lines: one lock for both.
	lw := &lockedWriter{w: log}
	cmd.Stdout = lw
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", cmd.Path, err)
	}
	lines := make(chan string, 1024)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(lines)
		s := bufio.NewScanner(r)
		for s.Scan() {
			lw.Write([]byte(s.Text() + "\n"))
			select {
			case lines <- s.Text():
			default:
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
		cmd.Wait()
	})
	return lines
}

// lockedWriter serialises writes to w.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// litewitness is a running torchwood litewitness.
type litewitness struct {
	url  string
	vkey string // its cosignature/v1 verifier key, as it logs it
	db   string
	log  *bytes.Buffer
}

// startLitewitness starts ssh-agent with a fresh Ed25519 key, and
// litewitness (built from torchwood v0.6.1) on loopback signing with it.
func startLitewitness(t *testing.T, bin, work string) *litewitness {
	t.Helper()
	sock := filepath.Join(work, "agent.sock")
	agentLog := &bytes.Buffer{}
	agent := exec.Command("ssh-agent", "-D", "-a", sock)
	agentLines := startProcess(t, agent, agentLog)
	go func() {
		for range agentLines {
		}
	}()
	key := filepath.Join(work, "witness_ed25519")
	if b, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "glassbox-test-witness", "-f", key).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, b)
	}
	for {
		add := exec.Command("ssh-add", key)
		add.Env = append(os.Environ(), "SSH_AUTH_SOCK="+sock)
		b, err := add.CombinedOutput()
		if err == nil {
			break
		}
		if _, serr := os.Stat(sock); serr == nil || agent.ProcessState != nil {
			t.Fatalf("ssh-add: %v\n%s\nagent: %s", err, b, agentLog)
		}
		time.Sleep(20 * time.Millisecond) // the agent's socket is not there yet: a poll interval, not a limit
	}
	fp, err := exec.Command("ssh-keygen", "-l", "-E", "sha256", "-f", key+".pub").Output()
	if err != nil {
		t.Fatalf("ssh-keygen -l: %v", err)
	}
	fields := strings.Fields(string(fp))
	if len(fields) < 2 || !strings.HasPrefix(fields[1], "SHA256:") {
		t.Fatalf("ssh-keygen -l printed %q", fp)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	w := &litewitness{url: "http://" + addr, db: filepath.Join(work, "litewitness.db"), log: &bytes.Buffer{}}
	cmd := exec.Command(bin, "-name", witnessName, "-db", w.db, "-ssh-agent", sock, "-listen", addr, "-key", fields[1])
	lines := startProcess(t, cmd, w.log)
	// It logs its verifier key, then that it listens.
	for line := range lines {
		if _, v, ok := strings.Cut(line, "vkey="); ok {
			w.vkey = strings.Trim(strings.Fields(v)[0], `"`)
		}
		if strings.Contains(line, "msg=listening") {
			break
		}
	}
	if w.vkey == "" {
		t.Fatalf("litewitness did not start:\n%s", w.log)
	}
	go func() {
		for range lines {
		}
	}()
	for {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			return w
		}
		if cmd.ProcessState != nil {
			t.Fatalf("litewitness exited:\n%s", w.log)
		}
		time.Sleep(20 * time.Millisecond) // a poll interval, not a limit
	}
}

// addLog registers a log with the witness the way torchwood's witnessctl
// does: a row in table log (size 0, the empty tree's hash) and its
// verifier key in table key.
func (w *litewitness) addLog(t *testing.T, origin, vkey string) {
	t.Helper()
	const emptyHash = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
	sql := fmt.Sprintf("INSERT INTO log (origin, tree_size, tree_hash) VALUES ('%s', 0, '%s'); INSERT INTO key (origin, key) VALUES ('%s', '%s');",
		origin, emptyHash, origin, vkey)
	if b, err := exec.Command("sqlite3", w.db, sql).CombinedOutput(); err != nil {
		t.Fatalf("sqlite3: %v\n%s", err, b)
	}
}

// glassbox runs the built CLI and returns its exit code and stdout.
func glassbox(t *testing.T, bin string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, out.String(), errb.String()
	case errors.As(err, &ee):
		return ee.ExitCode(), out.String(), errb.String()
	}
	t.Fatalf("glassbox %v: %v", args, err)
	return 0, "", ""
}

func decisionsJSONL(prefix string, from, n int) string {
	var b strings.Builder
	for i := from; i < from+n; i++ {
		fmt.Fprintf(&b, `{"id":"%s-%d","time":"2026-11-23T01:00:00Z","subject":"applicant-%d","model":{"name":"credit","version":"1.0","artifact_digest":"0101010101010101010101010101010101010101010101010101010101010101"},"inputs":[{"name":"income","number":%d}],"output":{"label":"approve","score":0.8}}`+"\n", prefix, i, i, 1000*i+7)
	}
	return b.String()
}

type submitOut struct {
	TreeSize uint64 `json:"tree_size"`
	Cosigned []struct {
		Witness string    `json:"witness"`
		Time    time.Time `json:"time"`
	} `json:"cosigned"`
	Refused []struct {
		Witness     string  `json:"witness"`
		Kind        string  `json:"kind"`
		Status      int     `json:"status"`
		WitnessSize *uint64 `json:"witness_size"`
		Error       string  `json:"error"`
	} `json:"refused"`
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if b, err := exec.Command("cp", "-a", from, to).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v\n%s", err, b)
	}
}

// TestLitewitness: torchwood's litewitness, an independent witness, cosigns
// a growing Glassbox log over several checkpoints (each cosignature checked
// with our cosignature/v1 verifier), refuses a stale checkpoint and a
// forked one (each reported by glassbox witness submit, exit 1), and
// glassbox verify with a witness policy accepts the cosigned receipt and
// rejects the same receipt without its cosignatures.
func TestLitewitness(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds and runs litewitness and ssh-agent (CI runs it)")
	}
	for _, tool := range []string{"ssh-agent", "ssh-keygen", "ssh-add", "sqlite3"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (apt-get install openssh-client sqlite3): the litewitness test needs it", tool)
		}
	}
	work := t.TempDir()
	lwBin := goBuild(t, work, "", "filippo.io/torchwood/cmd/litewitness", "litewitness")
	// The CLI is built in its own module (the root, which this one
	// replaces), with its own go.sum.
	gb := goBuild(t, work, "..", "./cmd/glassbox", "glassbox")
	w := startLitewitness(t, lwBin, work)
	wv, err := cosig.NewVerifier(w.vkey)
	if err != nil {
		t.Fatalf("litewitness's key %q: %v", w.vkey, err)
	}
	if wv.Name() != witnessName {
		t.Fatalf("witness name %q", wv.Name())
	}
	wflag := w.vkey + "=" + w.url

	const logOrigin = "example.org/glassbox/witnessed"
	dir := filepath.Join(work, "log")
	code, out, errs := glassbox(t, gb, "", "log", "init", "--dir", dir, "--origin", logOrigin)
	if code != 0 {
		t.Fatalf("log init: %d %s", code, errs)
	}
	var initOut struct {
		VerifierKey string `json:"verifier_key"`
	}
	if err := json.Unmarshal([]byte(out), &initOut); err != nil {
		t.Fatal(err)
	}
	logV, err := note.NewVerifier(initOut.VerifierKey)
	if err != nil {
		t.Fatal(err)
	}
	w.addLog(t, logOrigin, initOut.VerifierKey)

	// A growing log, cosigned at each of several checkpoints.
	var sizes []uint64
	stale, fork := filepath.Join(work, "stale"), filepath.Join(work, "fork")
	n := 0
	for round, grow := range []int{2, 3, 5} {
		if code, _, errs := glassbox(t, gb, decisionsJSONL("d", n, grow), "append", "--dir", dir); code != 0 {
			t.Fatalf("append: %s", errs)
		}
		n += grow
		code, out, errs := glassbox(t, gb, "", "witness", "submit", "--dir", dir, "--witness", wflag)
		var so submitOut
		if err := json.Unmarshal([]byte(out), &so); code != 0 || err != nil || len(so.Cosigned) != 1 || len(so.Refused) != 0 || so.Cosigned[0].Witness != witnessName {
			t.Fatalf("round %d: witness submit: %d %s %s\n%s", round, code, out, errs, w.log)
		}
		sizes = append(sizes, so.TreeSize)
		// The receipt carries litewitness's cosignature, and our verifier
		// checks it.
		code, rb, errs := glassbox(t, gb, "", "receipt", "--dir", dir, "--id", fmt.Sprintf("d-%d", n-1))
		if code != 0 {
			t.Fatalf("receipt: %s", errs)
		}
		r, err := receipt.Parse([]byte(rb))
		if err != nil {
			t.Fatal(err)
		}
		res, err := receipt.VerifyWith(r, logV, &receipt.VerifyOptions{Witnesses: []note.Verifier{wv}})
		if err != nil || res.Checkpoint.Size != so.TreeSize || len(res.Cosigned) != 1 {
			t.Fatalf("round %d: cosigned receipt: %v\n%s", round, err, r.Checkpoint)
		}
		if round == 0 {
			copyDir(t, dir, stale) // the witness's state there stays at this size
			copyDir(t, dir, fork)
		}
	}
	if !(sizes[0] < sizes[1] && sizes[1] < sizes[2]) {
		t.Fatalf("sizes %v do not grow", sizes)
	}

	// Stale: a copy of the log at the first size submits its checkpoint;
	// the witness has a larger tree.
	code, out, errs = glassbox(t, gb, "", "witness", "submit", "--dir", stale, "--witness", wflag)
	var so submitOut
	if err := json.Unmarshal([]byte(out), &so); code != 1 || err != nil || len(so.Refused) != 1 || so.Refused[0].Kind != "stale" ||
		so.Refused[0].Status != http.StatusConflict || so.Refused[0].WitnessSize == nil || *so.Refused[0].WitnessSize != sizes[2] {
		t.Fatalf("stale: %d %s %s", code, out, errs)
	}
	t.Logf("stale: %s", strings.TrimSpace(errs))
	// Forked: the copy grows by other decisions past the witness's size.
	if code, _, errs := glassbox(t, gb, decisionsJSONL("fork", 0, 12), "append", "--dir", fork); code != 0 {
		t.Fatalf("fork append: %s", errs)
	}
	code, out, errs = glassbox(t, gb, "", "witness", "submit", "--dir", fork, "--witness", wflag)
	so = submitOut{}
	if err := json.Unmarshal([]byte(out), &so); code != 1 || err != nil || len(so.Refused) != 1 || so.Refused[0].Kind != "inconsistent" ||
		so.Refused[0].Status != http.StatusUnprocessableEntity || len(so.Cosigned) != 0 {
		t.Fatalf("fork: %d %s %s", code, out, errs)
	}
	t.Logf("fork: %s", strings.TrimSpace(errs))
	if !strings.Contains(errs, "inconsistent") {
		t.Errorf("fork: stderr %q does not report the refusal", errs)
	}

	// glassbox verify with the witness policy: the honest receipt passes,
	// the same receipt without the cosignature fails with check "witness".
	code, rb, errs := glassbox(t, gb, "", "receipt", "--dir", dir, "--id", "d-0")
	if code != 0 {
		t.Fatalf("receipt: %s", errs)
	}
	honest := filepath.Join(work, "honest.json")
	if err := os.WriteFile(honest, []byte(rb), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = glassbox(t, gb, "", "verify", honest, "--log-key", initOut.VerifierKey, "--witness", w.vkey, "--witness-threshold", "1")
	if code != 0 || !strings.Contains(out, `"valid":true`) || !strings.Contains(out, `"cosigned":["`+witnessName+`"]`) {
		t.Fatalf("verify honest: %d %s %s", code, out, errs)
	}
	r, err := receipt.Parse([]byte(rb))
	if err != nil {
		t.Fatal(err)
	}
	body, sigs, _ := strings.Cut(string(r.Checkpoint), "\n\n")
	var logOnly strings.Builder
	logOnly.WriteString(body + "\n\n")
	for _, l := range strings.SplitAfter(sigs, "\n") {
		if strings.HasPrefix(l, "\u2014 "+logOrigin+" ") {
			logOnly.WriteString(l)
		}
	}
	if logOnly.String() == string(r.Checkpoint) {
		t.Fatal("the receipt had no cosignature to strip")
	}
	r.Checkpoint = []byte(logOnly.String())
	b, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	bare := filepath.Join(work, "bare.json")
	if err := os.WriteFile(bare, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = glassbox(t, gb, "", "verify", bare, "--log-key", initOut.VerifierKey, "--witness", w.vkey)
	if code != 1 || !strings.Contains(out, `"check":"witness"`) || !strings.Contains(errs, "0 valid cosignatures of the 1 policy witnesses, 1 required") {
		t.Fatalf("verify without cosignatures: %d %s %s", code, out, errs)
	}
	t.Logf("sizes %v; receipt without cosignatures: %s", sizes, strings.TrimSpace(out))
	// Without a policy, the bare receipt is what today's receipts are: valid.
	if code, out, errs := glassbox(t, gb, "", "verify", bare, "--log-key", initOut.VerifierKey); code != 0 {
		t.Fatalf("verify without policy: %d %s %s", code, out, errs)
	}
}
