package peer

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// TestMain lets Run re-execute the test binary as a benchmark child.
func TestMain(m *testing.M) {
	if child, err := Child(); child {
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestRun makes a short run of every system and then checks, from the
// stores the children left, that each wrote the number of entries it
// reported: raw Pebble's keys, the Glassbox tree (its size, an inclusion
// and a consistency proof), Tessera's published checkpoint. The children
// have checked the same before reporting; this reads it independently.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	var progress bytes.Buffer
	rep, err := Run(context.Background(), Config{
		Writers:  []int{1, 8},
		Duration: 200 * time.Millisecond,
		Dir:      dir,
		Keep:     true,
		Progress: &progress,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(rep.Results), 2*len(Systems); got != want {
		t.Fatalf("%d results, want %d", got, want)
	}
	for _, r := range rep.Results {
		t.Logf("%s writers=%d: %d appends, %s", r.System, r.Writers, r.Appends, r.Checked)
		if r.Appends < uint64(r.Writers) {
			t.Errorf("%s writers=%d: %d appends, want at least one per writer", r.System, r.Writers, r.Appends)
		}
		if r.PeakRSS <= 0 || r.DiskBytes <= 0 || r.P99 < r.P50 || r.P50 <= 0 || r.Checked == "" {
			t.Errorf("%s writers=%d: implausible result %+v", r.System, r.Writers, r)
		}
		if r.System == RawPebble && r.Ratio != 1 {
			t.Errorf("raw-pebble ratio %v", r.Ratio)
		}
		store := filepath.Join(rep.Machine.Dir, fmt.Sprintf("%s-w%d-r%d", r.System, r.Writers, r.Round))
		switch r.System {
		case RawPebble:
			checkPebbleKeys(t, store, r.Appends)
		case Glassbox, Decisions:
			checkGlassbox(t, store, r.Appends)
		case TesseraBatch, TesseraDefault:
			checkTessera(t, store, r.Appends)
		}
	}
	var table bytes.Buffer
	if err := rep.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	for _, s := range Systems {
		if !strings.Contains(table.String(), s) {
			t.Errorf("table lacks %s:\n%s", s, table.String())
		}
	}
	if n := strings.Count(progress.String(), "\n"); n != len(rep.Results) {
		t.Errorf("%d progress lines for %d results", n, len(rep.Results))
	}
}

func checkPebbleKeys(t *testing.T, dir string, want uint64) {
	t.Helper()
	db, err := pebble.Open(dir, pebbleOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	it, err := db.NewIter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer it.Close()
	var n uint64
	for ok := it.First(); ok; ok = it.Next() {
		n++
	}
	if n != want {
		t.Errorf("%s: %d keys, %d appends reported", dir, n, want)
	}
}

func checkGlassbox(t *testing.T, dir string, want uint64) {
	t.Helper()
	ctx := context.Background()
	l, err := auditlog.Open(dir, &auditlog.Options{ReadOnly: true, Origin: "peerbench.example/glassbox"})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if l.Size() != want {
		t.Fatalf("%s: tree size %d, %d appends reported", dir, l.Size(), want)
	}
	sc, err := l.LatestCheckpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Size != want {
		t.Errorf("%s: checkpoint size %d, %d appends reported", dir, sc.Size, want)
	}
	i := want - 1
	leaf, err := l.Leaf(ctx, i)
	if err != nil {
		t.Fatal(err)
	}
	p, err := l.InclusionProof(ctx, i, want)
	if err != nil {
		t.Fatal(err)
	}
	if err := verify.VerifyInclusion(i, want, verify.LeafHash(leaf), p, sc.Root); err != nil {
		t.Errorf("%s: inclusion of %d: %v", dir, i, err)
	}
	old := want / 3
	if old == 0 {
		return
	}
	root1, err := l.RootAt(ctx, old)
	if err != nil {
		t.Fatal(err)
	}
	cp, err := l.ConsistencyProof(ctx, old, want)
	if err != nil {
		t.Fatal(err)
	}
	if err := verify.VerifyConsistency(old, want, cp, root1, sc.Root); err != nil {
		t.Errorf("%s: consistency %d to %d: %v", dir, old, want, err)
	}
}

func checkTessera(t *testing.T, dir string, want uint64) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "checkpoint"))
	if err != nil {
		t.Fatal(err)
	}
	body, _, ok := bytes.Cut(raw, []byte("\n\n"))
	if !ok {
		t.Fatalf("%s: checkpoint is not a signed note:\n%s", dir, raw)
	}
	cp, err := verify.ParseCheckpoint(append(body, '\n'))
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	if cp.Size != want {
		t.Errorf("%s: checkpoint size %d, %d appends reported", dir, cp.Size, want)
	}
}

// TestHistogram compares the histogram's quantiles with exact ones of
// the same values: each within the bucket resolution.
func TestHistogram(t *testing.T) {
	var h histogram
	r := rand.New(rand.NewPCG(1, 2))
	vals := make([]time.Duration, 100_000)
	for i := range vals {
		vals[i] = time.Duration(r.ExpFloat64() * float64(time.Millisecond))
		h.record(i, vals[i])
	}
	slices.Sort(vals)
	qs := []float64{0.01, 0.5, 0.9, 0.99, 0.999}
	got := h.quantiles(qs...)
	for i, q := range qs {
		want := vals[int(q*float64(len(vals)))]
		if d := float64(got[i]-want) / float64(want); d > 1.0/32 || d < -1.0/32 {
			t.Errorf("q%.3f: %v, exact %v", q, got[i], want)
		}
	}
	for b := range bucketOf(1 << 62) {
		if bucketOf(bucketLow(b)) != b || bucketOf(bucketLow(b+1)-1) != b {
			t.Fatalf("bucket %d: [%d, %d) maps to %d, %d", b, bucketLow(b), bucketLow(b+1), bucketOf(bucketLow(b)), bucketOf(bucketLow(b+1)-1))
		}
	}
}

// TestSummarize checks medians, ranges and totals over rounds.
func TestSummarize(t *testing.T) {
	var rs []Result
	for round, rate := range []float64{100, 300, 200} {
		rs = append(rs,
			Result{System: RawPebble, Writers: 8, Round: round, PerSecond: 1000, Ratio: 1, Appends: 10, PeakRSS: 5},
			Result{System: Glassbox, Writers: 8, Round: round, PerSecond: rate, Ratio: rate / 1000, Appends: 1, PeakRSS: int64(rate)})
	}
	s := summarize(rs)
	if len(s) != 2 || s[0].System != RawPebble || s[1].System != Glassbox {
		t.Fatalf("summary %+v", s)
	}
	g := s[1]
	if g.PerSecond != 200 || g.Ratio != 0.2 || g.RatioMin != 0.1 || g.RatioMax != 0.3 || g.Appends != 3 || g.PeakRSS != 300 || g.Round != 3 {
		t.Errorf("glassbox summary %+v", g)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, c := range []Config{
		{Writers: []int{0}},
		{LeafSize: -1},
		{Duration: -time.Second},
		{Systems: []string{"sqlite"}},
		{Rounds: -1},
	} {
		if _, err := c.withDefaults(); err == nil {
			t.Errorf("%+v: no error", c)
		}
	}
}
