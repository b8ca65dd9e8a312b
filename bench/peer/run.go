package peer

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Defaults of [Config].
const (
	DefaultDuration = 10 * time.Second
	DefaultLeafSize = 512
)

// DefaultWriters are the writer counts of issue 17's table.
var DefaultWriters = []int{1, 8, 64, 1024}

// childEnv names the environment variable that makes a process of this
// binary a benchmark child; it holds the child's job as JSON.
const childEnv = "GLASSBOX_PEERBENCH_CHILD"

// Config says what a run measures. The zero value of each field selects its
// default.
type Config struct {
	// Writers are the numbers of concurrent writers, each run in turn.
	Writers []int `json:"writers"`
	// Duration is how long each system writes at each writer count.
	Duration time.Duration `json:"duration"`
	// LeafSize is the size of each entry in bytes.
	LeafSize int `json:"leaf_size"`
	// Dir is where the stores are made (a fresh temporary directory inside
	// it, removed at the end). Empty: os.TempDir().
	Dir string `json:"dir"`
	// Systems are the systems to run, in order; empty: [Systems]. Ratios
	// are against raw-pebble, so it should be among them.
	Systems []string `json:"systems"`
	// Rounds is how many times each writer count is run (every system in
	// turn, then again); the table shows the median of the rounds and the
	// range of the ratios. Zero: 1.
	Rounds int `json:"rounds"`
	// Keep leaves the stores on disk after the run.
	Keep bool `json:"keep,omitempty"`
	// Progress, when set, receives one line per finished child.
	Progress io.Writer `json:"-"`
}

// Machine describes where a run happened.
type Machine struct {
	NumCPU     int    `json:"nproc"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	GoVersion  string `json:"go_version"`
	OS         string `json:"os"`
	Arch       string `json:"arch"`
	Dir        string `json:"dir"`
}

// Result is one system at one writer count.
type Result struct {
	System  string `json:"system"`
	Writers int    `json:"writers"`
	// Round counts from 0; rows of [Report.Summary] carry the number of
	// rounds instead.
	Round int `json:"round"`
	// Appends is the number of appends that completed, each durable.
	Appends uint64 `json:"appends"`
	// Seconds is the time from the first append until the last writer
	// returned.
	Seconds float64 `json:"seconds"`
	// PerSecond is Appends / Seconds.
	PerSecond float64 `json:"appends_per_second"`
	// Ratio is PerSecond over raw-pebble's at the same writer count in the
	// same run; 0 without a raw-pebble result.
	Ratio float64 `json:"ratio_to_raw_pebble"`
	// P50 and P99 are latencies of one append.
	P50 time.Duration `json:"p50_ns"`
	P99 time.Duration `json:"p99_ns"`
	// PeakRSS is the child process's VmHWM, in bytes.
	PeakRSS int64 `json:"peak_rss_bytes"`
	// DiskBytes is the space the store's directory takes after compaction
	// (allocated blocks, as du counts them); ApparentBytes the sum of file
	// sizes.
	DiskBytes     int64 `json:"disk_bytes"`
	ApparentBytes int64 `json:"apparent_bytes"`
	// BytesPerEntry is DiskBytes / Appends.
	BytesPerEntry float64 `json:"disk_bytes_per_entry"`
	// Checked says what was verified after the run.
	Checked string `json:"checked"`
}

// Report is the outcome of [Run].
type Report struct {
	Machine  Machine       `json:"machine"`
	Duration time.Duration `json:"duration_ns"`
	LeafSize int           `json:"leaf_size"`
	Rounds   int           `json:"rounds"`
	// Results has one entry per system, writer count and round, in the
	// order they ran.
	Results []Result `json:"results"`
	// Summary has one row per writer count and system: the medians of the
	// rounds (RatioMin and RatioMax give the range of the ratio), the
	// highest peak RSS and the total of appends.
	Summary []Summary `json:"summary"`
}

// Summary is one system at one writer count over every round.
type Summary struct {
	Result
	RatioMin float64 `json:"ratio_min"`
	RatioMax float64 `json:"ratio_max"`
}

// job is what a child runs.
type job struct {
	System   string        `json:"system"`
	Writers  int           `json:"writers"`
	Duration time.Duration `json:"duration"`
	LeafSize int           `json:"leaf_size"`
	Dir      string        `json:"dir"`
}

func (c Config) withDefaults() (Config, error) {
	if len(c.Writers) == 0 {
		c.Writers = DefaultWriters
	}
	if c.Duration == 0 {
		c.Duration = DefaultDuration
	}
	if c.LeafSize == 0 {
		c.LeafSize = DefaultLeafSize
	}
	if c.Dir == "" {
		c.Dir = os.TempDir()
	}
	if c.Rounds == 0 {
		c.Rounds = 1
	}
	if len(c.Systems) == 0 {
		c.Systems = Systems
	}
	for _, w := range c.Writers {
		if w < 1 {
			return c, fmt.Errorf("peer: %d writers", w)
		}
	}
	if c.Duration < 0 || c.LeafSize < 1 || c.Rounds < 0 {
		return c, fmt.Errorf("peer: duration %v, leaf size %d", c.Duration, c.LeafSize)
	}
	for _, s := range c.Systems {
		known := false
		for _, k := range Systems {
			known = known || s == k
		}
		if !known {
			return c, fmt.Errorf("peer: unknown system %q (known: %s)", s, strings.Join(Systems, ", "))
		}
	}
	return c, nil
}

// Run runs every system of cfg at every writer count, one after the other,
// each in a child process of the running binary, which MUST call [Child]
// first thing in main (or in TestMain). It stops at the first failure.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	root, err := os.MkdirTemp(cfg.Dir, "peerbench-")
	if err != nil {
		return nil, err
	}
	if !cfg.Keep {
		defer os.RemoveAll(root)
	}
	abs, _ := filepath.Abs(root)
	rep := &Report{
		Machine: Machine{
			NumCPU:     runtime.NumCPU(),
			GOMAXPROCS: runtime.GOMAXPROCS(0),
			GoVersion:  runtime.Version(),
			OS:         runtime.GOOS,
			Arch:       runtime.GOARCH,
			Dir:        abs,
		},
		Duration: cfg.Duration,
		LeafSize: cfg.LeafSize,
		Rounds:   cfg.Rounds,
	}
	for _, w := range cfg.Writers {
		for round := range cfg.Rounds {
			base := 0.0
			for _, s := range cfg.Systems {
				j := job{System: s, Writers: w, Duration: cfg.Duration, LeafSize: cfg.LeafSize,
					Dir: filepath.Join(root, fmt.Sprintf("%s-w%d-r%d", s, w, round))}
				r, err := runChild(ctx, exe, j)
				if err != nil {
					return rep, err
				}
				r.Round = round
				if s == RawPebble {
					base = r.PerSecond
				}
				if base > 0 {
					r.Ratio = r.PerSecond / base
				}
				rep.Results = append(rep.Results, r)
				if cfg.Progress != nil {
					fmt.Fprintf(cfg.Progress, "%s writers=%d round %d: %.0f appends/s, ratio %.2f, p99 %v\n", s, w, round, r.PerSecond, r.Ratio, r.P99)
				}
				if !cfg.Keep {
					if err := os.RemoveAll(j.Dir); err != nil {
						return rep, err
					}
				}
			}
		}
	}
	rep.Summary = summarize(rep.Results)
	return rep, nil
}

// summarize folds the rounds of each system and writer count, in the
// order of their first round.
func summarize(results []Result) []Summary {
	type key struct {
		system  string
		writers int
	}
	var order []key
	groups := map[key][]Result{}
	for _, r := range results {
		k := key{r.System, r.Writers}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	out := make([]Summary, 0, len(order))
	for _, k := range order {
		g := groups[k]
		med := func(f func(Result) float64) float64 {
			v := make([]float64, len(g))
			for i, r := range g {
				v[i] = f(r)
			}
			slices.Sort(v)
			if len(v)%2 == 1 {
				return v[len(v)/2]
			}
			return (v[len(v)/2-1] + v[len(v)/2]) / 2
		}
		s := Summary{Result: Result{
			System: k.system, Writers: k.writers, Round: len(g),
			Seconds:       med(func(r Result) float64 { return r.Seconds }),
			PerSecond:     med(func(r Result) float64 { return r.PerSecond }),
			Ratio:         med(func(r Result) float64 { return r.Ratio }),
			P50:           time.Duration(med(func(r Result) float64 { return float64(r.P50) })),
			P99:           time.Duration(med(func(r Result) float64 { return float64(r.P99) })),
			DiskBytes:     int64(med(func(r Result) float64 { return float64(r.DiskBytes) })),
			ApparentBytes: int64(med(func(r Result) float64 { return float64(r.ApparentBytes) })),
			BytesPerEntry: med(func(r Result) float64 { return r.BytesPerEntry }),
			Checked:       g[len(g)-1].Checked,
		}}
		s.RatioMin, s.RatioMax = g[0].Ratio, g[0].Ratio
		for _, r := range g {
			s.Appends += r.Appends
			s.PeakRSS = max(s.PeakRSS, r.PeakRSS)
			s.RatioMin = min(s.RatioMin, r.Ratio)
			s.RatioMax = max(s.RatioMax, r.Ratio)
		}
		out = append(out, s)
	}
	return out
}

func runChild(ctx context.Context, exe string, j job) (Result, error) {
	spec, err := json.Marshal(j)
	if err != nil {
		return Result{}, err
	}
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), childEnv+"="+string(spec))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return Result{}, fmt.Errorf("peer: %s with %d writers: %w\n%s", j.System, j.Writers, err, tail(stderr.String(), 4000))
	}
	// The result is the last line of the child's output.
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	var r Result
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil {
		return Result{}, fmt.Errorf("peer: %s with %d writers: reading its result: %w\n%s", j.System, j.Writers, err, tail(stdout.String()+stderr.String(), 4000))
	}
	return r, nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

// Child runs the benchmark job of this process when it was started by
// [Run] and reports whether it was: a program calls it first in main and
// exits (with status 1 if err is not nil) when it returns true. The
// result is written to stdout as one line of JSON.
func Child() (bool, error) {
	spec, ok := os.LookupEnv(childEnv)
	if !ok {
		return false, nil
	}
	var j job
	if err := json.Unmarshal([]byte(spec), &j); err != nil {
		return true, fmt.Errorf("peer: child job: %w", err)
	}
	r, err := runJob(context.Background(), j)
	if err != nil {
		return true, err
	}
	out, err := json.Marshal(r)
	if err != nil {
		return true, err
	}
	_, err = fmt.Fprintf(os.Stdout, "\n%s\n", out)
	return true, err
}

// leafPool returns distinct random leaves that writers cycle through, so
// that the stores hold incompressible data.
func leafPool(size int) [][]byte {
	const n = 4096
	buf := make([]byte, n*size)
	rand.Read(buf)
	pool := make([][]byte, n)
	for i := range pool {
		pool[i] = buf[i*size : (i+1)*size : (i+1)*size]
	}
	return pool
}

func runJob(ctx context.Context, j job) (Result, error) {
	if err := os.MkdirAll(j.Dir, 0o755); err != nil {
		return Result{}, err
	}
	sys, err := openSystem(ctx, j.System, j.Dir, j.Writers)
	if err != nil {
		return Result{}, fmt.Errorf("%s: open: %w", j.System, err)
	}
	pool := leafPool(j.LeafSize)
	var (
		hist    = new(histogram)
		count   atomic.Uint64
		next    atomic.Uint64
		failure atomic.Pointer[error]
		wg      sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(j.Duration)
	for w := range j.Writers {
		wg.Go(func() {
			for time.Now().Before(deadline) && failure.Load() == nil {
				leaf := pool[next.Add(1)%uint64(len(pool))]
				t0 := time.Now()
				if err := sys.append(ctx, leaf); err != nil {
					failure.CompareAndSwap(nil, &err)
					return
				}
				hist.record(w, time.Since(t0))
				count.Add(1)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if p := failure.Load(); p != nil {
		return Result{}, fmt.Errorf("%s: append: %w", j.System, *p)
	}
	n := count.Load()
	checked, err := sys.finish(ctx, n)
	if err != nil {
		return Result{}, err
	}
	// Read after finish: Tessera's shutdown and Glassbox's checkpoint are
	// part of the system's work; compaction below is the harness's.
	rss, err := peakRSS()
	if err != nil {
		return Result{}, err
	}
	if err := sys.compact(); err != nil {
		return Result{}, fmt.Errorf("%s: compact: %w", j.System, err)
	}
	disk, apparent, err := diskUsage(j.Dir)
	if err != nil {
		return Result{}, err
	}
	q := hist.quantiles(0.50, 0.99)
	r := Result{
		System: j.System, Writers: j.Writers, Appends: n,
		Seconds:   elapsed.Seconds(),
		PerSecond: float64(n) / elapsed.Seconds(),
		P50:       q[0], P99: q[1],
		PeakRSS:   rss,
		DiskBytes: disk, ApparentBytes: apparent,
		Checked: checked,
	}
	if n > 0 {
		r.BytesPerEntry = float64(disk) / float64(n)
	}
	return r, nil
}

// peakRSS returns this process's VmHWM from /proc/self/status, in bytes.
func peakRSS() (int64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("peer: VmHWM %q: %w", rest, err)
			}
			return kb << 10, nil
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, errors.New("peer: no VmHWM in /proc/self/status")
}

// diskUsage returns the allocated bytes (st_blocks, as du counts them) and
// the apparent size of everything under dir, directories included.
func diskUsage(dir string) (disk, apparent int64, err error) {
	err = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			disk += st.Blocks * 512
		}
		if !info.IsDir() {
			apparent += info.Size()
		}
		return nil
	})
	return disk, apparent, err
}
