package loadtest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/glassbox-audit/glassbox/portal/access"
)

// LendingPackage is the import path of the lending example.
const LendingPackage = "github.com/glassbox-audit/glassbox/examples/lending"

// LendingOptions configure [StartLending]. A nil *LendingOptions is all
// defaults.
type LendingOptions struct {
	// Binary is a built examples/lending; "" builds one into the
	// temporary directory with `go build` (run in the current directory,
	// which must be inside a module that can build LendingPackage, such
	// as bench/).
	Binary string
	// Dir is the parent of the temporary directory; "" is os.TempDir.
	Dir string
	// Args are more flags for the service (examples/lending's, such as
	// --anchor-interval); --http, --dir and --tokens are StartLending's.
	Args []string
	// Stderr receives the service's standard error; nil discards it.
	Stderr io.Writer
}

// Lending is a running lending service started by [StartLending].
type Lending struct {
	// URL is its base URL, http://127.0.0.1:PORT.
	URL string
	// Tokens are its bearer tokens, one per role (access.RoleLender, ...).
	Tokens map[access.Role]string

	dir  string // temporary: the log, the tokens file, the binary
	cmd  *exec.Cmd
	done chan error // the process's exit
}

// StartLending starts the lending service (examples/lending --http) on
// 127.0.0.1 on a free port, in a new temporary directory, with a tokens
// file it writes (one new token per role), and returns once it listens.
// [Lending.Close] stops it and removes the directory. If ctx ends first,
// the process is killed.
func StartLending(ctx context.Context, o *LendingOptions) (_ *Lending, err error) {
	if o == nil {
		o = &LendingOptions{}
	}
	dir, err := os.MkdirTemp(o.Dir, "glassbox-loadtest-")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	bin := o.Binary
	if bin == "" {
		bin = filepath.Join(dir, "lending")
		out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, LendingPackage).CombinedOutput()
		if err != nil {
			return nil, fmt.Errorf("loadtest: building %s: %w\n%s", LendingPackage, err, out)
		}
	}
	l := &Lending{dir: dir, Tokens: map[access.Role]string{}, done: make(chan error, 1)}
	var tokens bytes.Buffer
	tokens.WriteString("# loadtest's tokens: ROLE TOKEN\n")
	for _, role := range access.Roles {
		l.Tokens[role] = access.NewToken()
		fmt.Fprintf(&tokens, "%s %s\n", role, l.Tokens[role])
	}
	tokFile := filepath.Join(dir, "tokens")
	if err := os.WriteFile(tokFile, tokens.Bytes(), 0o600); err != nil {
		return nil, err
	}
	logDir := filepath.Join(dir, "log")
	args := append([]string{"--http", "127.0.0.1:0", "--dir", logDir, "--tokens", tokFile}, o.Args...)
	l.cmd = exec.Command(bin, args...)
	dieWithParent(l.cmd)
	l.cmd.Stderr = o.Stderr
	stdout, err := l.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := l.cmd.Start(); err != nil {
		return nil, err
	}
	// The service prints "lending service on http://ADDR (...)" once it
	// listens. The reader goroutine drains stdout until the process ends.
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		const prefix = "lending service on "
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), prefix); ok {
				u, _, _ := strings.Cut(rest, " ")
				select {
				case addr <- u:
				default:
				}
			}
		}
		io.Copy(io.Discard, stdout)
		l.done <- l.cmd.Wait()
	}()
	select {
	case l.URL = <-addr:
		return l, nil
	case err := <-l.done:
		l.done <- err
		return nil, fmt.Errorf("loadtest: the lending service exited before listening: %v", err)
	case <-ctx.Done():
		l.cmd.Process.Kill()
		<-l.done
		return nil, ctx.Err()
	}
}

// Close stops the service (an interrupt, as Ctrl-C; killed if it has not
// exited after 30 s), waits for it and removes its directory.
func (l *Lending) Close() error {
	if l.cmd == nil {
		return nil
	}
	l.cmd.Process.Signal(os.Interrupt)
	var err error
	select {
	case err = <-l.done:
	case <-time.After(30 * time.Second):
		l.cmd.Process.Kill()
		err = <-l.done
	}
	l.cmd = nil
	if rerr := os.RemoveAll(l.dir); err == nil {
		err = rerr
	}
	return err
}

// TreeSize returns the size of the service's log (the gauge
// glassbox_auditlog_tree_size of GET /metrics, read with metricsToken):
// the leaves committed, each before its request was answered.
func TreeSize(ctx context.Context, baseURL, metricsToken string) (uint64, error) {
	m, err := Scrape(ctx, baseURL, metricsToken)
	if err != nil {
		return 0, err
	}
	v, ok := m["glassbox_auditlog_tree_size"]
	if !ok {
		return 0, errors.New("loadtest: metrics: no glassbox_auditlog_tree_size")
	}
	return uint64(v), nil
}

// Metrics are the samples of a Prometheus text exposition by metric name,
// labels dropped and the values of one name summed; histogram buckets are
// left out (their _sum and _count are kept).
type Metrics map[string]float64

// Scrape reads GET /metrics of the service at baseURL with a metrics
// role's bearer token.
func Scrape(ctx context.Context, baseURL, metricsToken string) (Metrics, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(baseURL, "/")+"/metrics", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+metricsToken)
	// No keep-alive: an idle connection would hold one of the service's
	// connection slots (httpapi's MaxConns) through the steps.
	req.Close = true
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("loadtest: GET /metrics: %s", resp.Status)
	}
	m := Metrics{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		name, value := line, ""
		if i := strings.IndexByte(line, '{'); i >= 0 {
			j := strings.LastIndexByte(line, '}')
			if j < i {
				return nil, fmt.Errorf("loadtest: metrics: %q", line)
			}
			name, value = line[:i], line[j+1:]
		} else {
			name, value, _ = strings.Cut(line, " ")
		}
		if strings.HasSuffix(name, "_bucket") {
			continue
		}
		f := strings.Fields(value) // value [timestamp]
		if len(f) == 0 {
			return nil, fmt.Errorf("loadtest: metrics: %q", line)
		}
		v, err := strconv.ParseFloat(f[0], 64)
		if err != nil {
			return nil, fmt.Errorf("loadtest: metrics: %q: %w", line, err)
		}
		m[name] += v
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

// Sample reads the service's commit metrics and, on Linux, its CPU time
// (from /proc; 0 elsewhere): a [Options.Sample] function.
func (l *Lending) Sample(ctx context.Context) (Sample, error) {
	s, err := ScrapeSample(ctx, l.URL, l.Tokens[access.RoleMetrics])
	if err != nil {
		return s, err
	}
	s.ServiceCPU = procCPU(l.cmd.Process.Pid)
	return s, nil
}

// ScrapeSample is a [Sample] of the service at baseURL from its metrics
// alone (no CPU time).
func ScrapeSample(ctx context.Context, baseURL, metricsToken string) (Sample, error) {
	m, err := Scrape(ctx, baseURL, metricsToken)
	if err != nil {
		return Sample{}, err
	}
	return Sample{
		Commits:     m["glassbox_auditlog_commit_batch_entries_count"],
		Leaves:      m["glassbox_auditlog_commit_batch_entries_sum"],
		SyncSeconds: m["glassbox_auditlog_commit_sync_seconds_sum"],
	}, nil
}

// procCPU is the user and system CPU time of process pid, from
// /proc/PID/stat (Linux, 100 ticks a second); 0 when unknown.
func procCPU(pid int) time.Duration {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// pid (comm) state ppid ...: comm may hold spaces; fields count
	// from the last ')'. utime and stime are fields 14 and 15.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0
	}
	ut, err1 := strconv.ParseUint(f[11], 10, 64)
	st, err2 := strconv.ParseUint(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return time.Duration(ut+st) * (time.Second / 100)
}
