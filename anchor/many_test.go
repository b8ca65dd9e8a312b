package anchor

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/fairness"
	"github.com/glassbox-audit/glassbox/fairness/fairnesslog"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// The child process of TestManyLogsSeparateProcesses: one service
// instance. It opens its log, serves what the anchorer reads of it over
// HTTP, appends its decisions in small batches while the anchorer runs, says
// "done", and closes the log when its stdin closes.
func init() {
	spec := os.Getenv("GLASSBOX_MANY_CHILD")
	if spec == "" {
		return
	}
	os.Exit(manyChild(spec))
}

func manyChild(spec string) int {
	parts := strings.SplitN(spec, "|", 4) // dir|origin|n|skey
	if len(parts) != 4 {
		fmt.Fprintln(os.Stderr, "bad GLASSBOX_MANY_CHILD")
		return 2
	}
	n, _ := strconv.Atoi(parts[2])
	tl := &testLog{dir: parts[0], origin: parts[1], skey: parts[3]}
	ct := &childTB{}
	tl.open(ct)
	if ct.failed {
		return 1
	}
	mux := http.NewServeMux()
	reply := func(w http.ResponseWriter, v any, err error) {
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(v)
	}
	mux.HandleFunc("/size", func(w http.ResponseWriter, r *http.Request) { reply(w, tl.Size(), nil) })
	mux.HandleFunc("/checkpoint", func(w http.ResponseWriter, r *http.Request) {
		cp, err := tl.Checkpoint(r.Context())
		reply(w, cp, err)
	})
	mux.HandleFunc("/proof", func(w http.ResponseWriter, r *http.Request) {
		a, _ := strconv.ParseUint(r.URL.Query().Get("a"), 10, 64)
		b, _ := strconv.ParseUint(r.URL.Query().Get("b"), 10, 64)
		p, err := tl.ConsistencyProof(r.Context(), a, b)
		reply(w, p, err)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	go http.Serve(ln, mux)
	fmt.Println(ln.Addr().String())
	stdin := bufio.NewReader(os.Stdin)
	if _, err := stdin.ReadString('\n'); err != nil { // "go"
		return 1
	}
	for done := 0; done < n; done += 5 {
		tl.appendDecisions(ct, min(5, n-done))
		if ct.failed {
			return 1
		}
		time.Sleep(20 * time.Millisecond) // let the instances interleave
	}
	fmt.Println("done")
	io.Copy(io.Discard, stdin)
	ln.Close()
	if err := tl.Log.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// childTB is the testing.TB of the child process: failures go to stderr.
type childTB struct {
	testing.TB
	failed bool
}

func (c *childTB) Helper()        {}
func (c *childTB) Cleanup(func()) {}
func (c *childTB) Fatal(a ...any) { fmt.Fprintln(os.Stderr, a...); c.failed = true; panic(a) }
func (c *childTB) Fatalf(f string, a ...any) {
	fmt.Fprintf(os.Stderr, f+"\n", a...)
	c.failed = true
	panic(fmt.Sprintf(f, a...))
}

// httpLog is a log in another process, read over the child's HTTP.
type httpLog struct {
	base, origin string
}

func (h *httpLog) get(ctx context.Context, path string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+h.base+path, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("%s: %s", path, b)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func (h *httpLog) Origin() string { return h.origin }

func (h *httpLog) Size() uint64 {
	var n uint64
	if err := h.get(context.Background(), "/size", &n); err != nil {
		return 0 // not grown, as far as the anchorer can tell
	}
	return n
}

func (h *httpLog) Checkpoint(ctx context.Context) (auditlog.SignedCheckpoint, error) {
	var cp auditlog.SignedCheckpoint
	err := h.get(ctx, "/checkpoint", &cp)
	return cp, err
}

func (h *httpLog) ConsistencyProof(ctx context.Context, a, b uint64) ([]verify.Hash, error) {
	var p []verify.Hash
	err := h.get(ctx, fmt.Sprintf("/proof?a=%d&b=%d", a, b), &p)
	return p, err
}

// TestManyLogsSeparateProcesses: three logs, each in its own process,
// append concurrently; one anchorer anchors them together with anchorMany
// over the chain's JSON-RPC; then every receipt of every log verifies
// against the chain, and at least one transaction carried all three logs.
func TestManyLogsSeparateProcesses(t *testing.T) {
	ctx := context.Background()
	c, err := simchain.New(ctx, &simchain.Options{HTTP: true, AutoCommit: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	rpc, err := ethclient.Dial(c.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer rpc.Close()

	const nLogs, perLog = 3, 40
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	logs := make([]*testLog, nLogs)
	children := make([]*exec.Cmd, nLogs)
	stdins := make([]io.WriteCloser, nLogs)
	outs := make([]*bufio.Reader, nLogs)
	members := make([]Member, nLogs)
	// The anchorer's own store, one namespace per log.
	own := newTestLog(t)
	for i := range logs {
		tl := newTestLog(t)
		tl.Log.Close() // the child opens it
		logs[i] = tl
		if _, err := c.Registry.RegisterLog(ctx, c.TransactOpts(0), tl.origin, tl.pub, c.Address(1)); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(self, "-test.run=^$")
		cmd.Env = append(os.Environ(), fmt.Sprintf("GLASSBOX_MANY_CHILD=%s|%s|%d|%s", tl.dir, tl.origin, perLog, tl.skey))
		cmd.Stderr = os.Stderr
		in, _ := cmd.StdinPipe()
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		children[i], stdins[i], outs[i] = cmd, in, bufio.NewReader(out)
		defer cmd.Process.Kill()
		addr, err := outs[i].ReadString('\n')
		if err != nil {
			t.Fatalf("child %d: %v", i, err)
		}
		st, err := own.Store(fmt.Sprintf("anchor-%d", i))
		if err != nil {
			t.Fatal(err)
		}
		members[i] = Member{Log: &httpLog{base: strings.TrimSpace(addr), origin: tl.origin}, State: st}
	}
	m, err := NewMany(members, rpc, Options{
		Contract:      c.Registry.Address(),
		Key:           c.Keys[1],
		Entries:       1_000_000,
		Interval:      50 * time.Millisecond,
		Confirmations: 1,
		PollInterval:  10 * time.Millisecond,
		MaxBackoff:    200 * time.Millisecond,
		ReplaceAfter:  time.Minute,
	})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- m.Run(runCtx) }()
	for _, in := range stdins {
		fmt.Fprintln(in, "go")
	}
	for i := range outs {
		if line, err := outs[i].ReadString('\n'); err != nil || strings.TrimSpace(line) != "done" {
			t.Fatalf("child %d: %q %v", i, line, err)
		}
	}
	for _, a := range m.Anchorers() {
		wctx, wcancel := context.WithTimeout(ctx, time.Minute) // a stuck run fails, it does not hang
		_, err := a.WaitAnchored(wctx, perLog)
		wcancel()
		if err != nil {
			t.Fatalf("log %s never anchored %d: %v", a.LogID(), perLog, err)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for i := range children {
		stdins[i].Close()
		if err := children[i].Wait(); err != nil {
			t.Fatalf("child %d: %v", i, err)
		}
	}
	reader, err := registry.At(rpc, c.Registry.Address(), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Every log anchored through anchorMany; some transaction carried more
	// than one.
	txLogs := map[[32]byte]int{}
	for i, a := range m.Anchorers() {
		all, err := a.Anchors()
		if err != nil {
			t.Fatal(err)
		}
		for _, anc := range all {
			txLogs[anc.TxHash]++
		}
		logs[i].open(t)
		st, _ := own.Store(fmt.Sprintf("anchor-%d", i))
		for k := range perLog {
			r, err := logs[i].Receipt(ctx, fmt.Sprintf("d-%06d", k))
			if err != nil {
				t.Fatal(err)
			}
			if err := Attach(ctx, logs[i], st, r); err != nil {
				t.Fatalf("log %d decision %d: attach: %v", i, k, err)
			}
			v, err := VerifyReceipt(ctx, r, reader)
			if err != nil {
				t.Fatalf("log %d decision %d: %v", i, k, err)
			}
			if !v.TxChecked {
				t.Fatalf("log %d decision %d: the anchoring transaction was not checked: %+v", i, k, v)
			}
		}
	}
	// The merged fairness report over the three logs' counters is the sum
	// of the per-log reports, and names each log's checkpoint.
	q := func() *fairness.Query {
		return &fairness.Query{By: []string{"g"}, MinCellSize: 1, Spec: fairness.Spec{Favourable: []string{"approve"}, Replicates: -1}}
	}
	var srcs []fairness.CountSource
	var sum, sumSelected uint64
	for _, tl := range logs {
		src := fairnesslog.Source(tl.dec)
		srcs = append(srcs, src)
		r, err := fairness.NewReport(ctx, src, q())
		if err != nil {
			t.Fatal(err)
		}
		sum += r.Decisions
		sumSelected += r.Metrics.Overall.SelectedCount
	}
	merged, err := fairness.NewMergedReport(ctx, srcs, q())
	if err != nil {
		t.Fatal(err)
	}
	if merged.Decisions != sum || merged.Decisions != nLogs*perLog || merged.Metrics.Overall.SelectedCount != sumSelected || len(merged.Checkpoints) != nLogs {
		t.Fatalf("merged report: %d decisions (%d selected), %d checkpoints; the per-log reports sum to %d (%d selected)",
			merged.Decisions, merged.Metrics.Overall.SelectedCount, len(merged.Checkpoints), sum, sumSelected)
	}
	for i, cp := range merged.Checkpoints {
		if cp.Origin != logs[i].origin || cp.Size != perLog {
			t.Fatalf("merged report's checkpoint %d: %s at %d", i, cp.Origin, cp.Size)
		}
	}
	if _, err := fairness.NewMergedReport(ctx, []fairness.CountSource{srcs[0], srcs[0]}, q()); !errors.Is(err, fairness.ErrInvalid) {
		t.Fatalf("the same log twice: %v", err)
	}
	most := 0
	for _, n := range txLogs {
		most = max(most, n)
	}
	if most < 2 {
		t.Fatalf("no transaction anchored more than one log: %v", txLogs)
	}
	t.Logf("%d anchoring transactions; the largest carried %d logs", len(txLogs), most)
}
