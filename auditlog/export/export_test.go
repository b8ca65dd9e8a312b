package export_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/transparency-dev/merkle/compact"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/export"
	"github.com/glassbox-audit/glassbox/auditlog/export/offline"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/internal/testkeys"
)

const origin = "example.com/export-test"

func keys(t testing.TB) (note.Signer, note.Verifier) {
	t.Helper()
	return testkeys.New(t, origin)
}

// testLog is a real log on disk and, beside it, tlog's reference tree of
// the same leaves.
type testLog struct {
	*auditlog.Log
	dir    string
	s      note.Signer
	v      note.Verifier
	leaves [][]byte
	ref    []tlog.Hash
}

func openLog(t testing.TB) *testLog {
	t.Helper()
	s, v := keys(t)
	dir := filepath.Join(t.TempDir(), "log")
	l, err := auditlog.Open(dir, &auditlog.Options{Signer: s, Verifier: v, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return &testLog{Log: l, dir: dir, s: s, v: v}
}

func (tl *testLog) ReadHashes(idx []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(idx))
	for i, x := range idx {
		out[i] = tl.ref[x]
	}
	return out, nil
}

// grow appends leaves until the log has n, and signs a checkpoint at n
// when sign is set.
func (tl *testLog) grow(t testing.TB, n int, sign bool) {
	t.Helper()
	ctx := context.Background()
	for len(tl.leaves) < n {
		leaf := fmt.Appendf(nil, "export test leaf %d", len(tl.leaves))
		if _, err := tl.Append(ctx, leaf); err != nil {
			t.Fatal(err)
		}
		tl.add(t, leaf)
	}
	if sign {
		if _, err := tl.Checkpoint(ctx); err != nil {
			t.Fatal(err)
		}
	}
}

func (tl *testLog) add(t testing.TB, leaf []byte) {
	hs, err := tlog.StoredHashes(int64(len(tl.leaves)), leaf, tl)
	if err != nil {
		t.Fatal(err)
	}
	tl.ref = append(tl.ref, hs...)
	tl.leaves = append(tl.leaves, leaf)
}

func (tl *testLog) root(t testing.TB, n uint64) tlog.Hash {
	if n == 0 {
		return tlog.Hash(verify.EmptyRoot())
	}
	h, err := tlog.TreeHash(int64(n), tl)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func write(t testing.TB, src export.Source, opts *export.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := export.Write(context.Background(), &b, src, opts); err != nil {
		t.Fatalf("Write(%+v): %v", opts, err)
	}
	return b.Bytes()
}

// header decodes an export's first line as plain JSON.
type header struct {
	From, To   uint64
	Prefix     []verify.Hash
	RangeProof []verify.Hash `json:"range_proof"`
}

func firstLine(t testing.TB, data []byte) header {
	t.Helper()
	var h header
	if err := json.Unmarshal(data[:bytes.IndexByte(data, '\n')], &h); err != nil {
		t.Fatal(err)
	}
	return h
}

// TestWriteRanges exports every leaf range of logs of many sizes, with
// checkpoints below, verifies each, and checks its proof material with
// golang.org/x/mod/sumdb/tlog: the prefix hashes are tlog's stored subtree
// hashes, the range proof and every checkpoint's consistency proof pass
// tlog.CheckTree, and the roots are tlog's.
func TestWriteRanges(t *testing.T) {
	sizes := []int{0, 1, 2, 3, 5, 8, 13, 16, 17, 31, 33}
	if testing.Short() {
		sizes = []int{0, 1, 5, 13}
	}
	tl := openLog(t)
	tl.grow(t, 0, true)
	for _, size := range sizes {
		tl.grow(t, size, true)
		n := uint64(size)
		for from := uint64(0); from <= n; from++ {
			// To 0 means the whole tree, so [0, 0) is the export of an
			// empty tree only.
			for to := max(from, 1); to <= n || (n == 0 && to == 1); to++ {
				if n == 0 {
					to = 0
				}
				data := write(t, tl, &export.Options{From: from, To: to})
				e, err := offline.Verify(bytes.NewReader(data), tl.v, nil)
				if err != nil {
					t.Fatalf("[%d, %d) of %d: %v", from, to, n, err)
				}
				if e.Checkpoint.Size != n || tlog.Hash(e.Checkpoint.Root) != tl.root(t, n) {
					t.Fatalf("[%d, %d) of %d: checkpoint %+v", from, to, n, e.Checkpoint)
				}
				if e.From != from || e.To != to || !equalLeaves(e.Leaves, tl.leaves[from:to]) {
					t.Fatalf("[%d, %d) of %d: leaves [%d, %d) differ", from, to, n, e.From, e.To)
				}
				h := firstLine(t, data)
				for k, id := range compact.RangeNodes(0, from, nil) {
					if from == to {
						break
					}
					if tlog.Hash(h.Prefix[k]) != tl.ref[tlog.StoredHashIndex(int(id.Level), int64(id.Index))] {
						t.Fatalf("[%d, %d) of %d: prefix %d is not tlog's hash of node (%d, %d)", from, to, n, k, id.Level, id.Index)
					}
				}
				if n == 0 {
					break
				}
				if from < to && to < n {
					if err := tlog.CheckTree(tlogProof(h.RangeProof), int64(n), tl.root(t, n), int64(to), tl.root(t, to)); err != nil {
						t.Fatalf("[%d, %d) of %d: the range proof fails tlog: %v", from, to, n, err)
					}
				}
			}
		}
		// Each checkpoint below n is in the export of n, in order, with a
		// consistency proof that tlog accepts.
		data := write(t, tl, nil)
		e, err := offline.Verify(bytes.NewReader(data), tl.v, nil)
		if err != nil {
			t.Fatal(err)
		}
		var want []uint64
		for _, s := range sizes {
			if s < size {
				want = append(want, uint64(s))
			}
		}
		var got []uint64
		for _, c := range e.Checkpoints {
			got = append(got, c.Size)
			if tlog.Hash(c.Root) != tl.root(t, c.Size) {
				t.Fatalf("checkpoint %d has root %s", c.Size, c.Root)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("export of %d has checkpoints %v, want %v", n, got, want)
		}
		for _, cl := range checkpointLines(t, data) {
			if cl.TreeSize == 0 {
				continue
			}
			if err := tlog.CheckTree(tlogProof(cl.ConsistencyProof), int64(n), tl.root(t, n), int64(cl.TreeSize), tl.root(t, cl.TreeSize)); err != nil {
				t.Fatalf("checkpoint %d -> %d: tlog rejects the consistency proof: %v", cl.TreeSize, n, err)
			}
		}
	}
}

func equalLeaves(a, b [][]byte) bool { return slices.EqualFunc(a, b, bytes.Equal) }

func tlogProof(p []verify.Hash) tlog.TreeProof {
	out := make(tlog.TreeProof, len(p))
	for i := range p {
		out[i] = tlog.Hash(p[i])
	}
	return out
}

type checkpointLine struct {
	TreeSize         uint64        `json:"tree_size"`
	ConsistencyProof []verify.Hash `json:"consistency_proof"`
}

func checkpointLines(t testing.TB, data []byte) []checkpointLine {
	var out []checkpointLine
	for _, l := range bytes.Split(data, []byte("\n")) {
		if bytes.HasPrefix(l, []byte(`{"type":"checkpoint",`)) {
			var c checkpointLine
			if err := json.Unmarshal(l, &c); err != nil {
				t.Fatal(err)
			}
			out = append(out, c)
		}
	}
	return out
}

// anchorAt is an anchor of the log's root at size, as package anchor
// would report it.
func anchorAt(t testing.TB, tl *testLog, size uint64) offline.Anchor {
	a := offline.Anchor{ChainID: 31337, TreeSize: size, Root: verify.Hash(tl.root(t, size)), BlockNumber: 7 + size}
	a.Contract[0], a.LogID[0] = 0xaa, 0xbb
	a.TxHash = sha256.Sum256(fmt.Appendf(nil, "tx %d", size))
	a.BlockHash = sha256.Sum256(fmt.Appendf(nil, "block %d", size))
	return a
}

// TestWriteAnchors: anchors below, at and above the export's size are
// written with their proofs and come back from Verify as given; an anchor
// whose root is not the log's fails Write.
func TestWriteAnchors(t *testing.T) {
	tl := openLog(t)
	tl.grow(t, 10, true)
	tl.grow(t, 20, false)
	anchors := []offline.Anchor{anchorAt(t, tl, 16), anchorAt(t, tl, 4), anchorAt(t, tl, 10), anchorAt(t, tl, 20)}
	e, err := offline.Verify(bytes.NewReader(write(t, tl, &export.Options{Anchors: anchors})), tl.v, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(anchors)
	slices.SortFunc(want, func(a, b offline.Anchor) int { return offline.CompareAnchors(&a, &b) })
	if !slices.Equal(e.Anchors, want) {
		t.Fatalf("anchors %+v, want %+v", e.Anchors, want)
	}
	ctx := context.Background()
	bad := anchorAt(t, tl, 4)
	bad.Root[0] ^= 1
	badFuture := anchorAt(t, tl, 16)
	badFuture.Root[0] ^= 1
	for name, a := range map[string]offline.Anchor{"below": bad, "above": badFuture} {
		err := export.Write(ctx, &bytes.Buffer{}, tl, &export.Options{Anchors: []offline.Anchor{a}})
		if !errors.Is(err, export.ErrInconsistent) || !errors.Is(err, verify.ErrProof) {
			t.Errorf("an anchor %s with a root not the log's: %v", name, err)
		}
	}
	if err := export.Write(ctx, &bytes.Buffer{}, tl, &export.Options{Anchors: []offline.Anchor{anchorAt(t, tl, 10), anchorAt(t, tl, 10)}}); !errors.Is(err, export.ErrInconsistent) {
		t.Errorf("the same anchor twice: %v", err)
	}
	beyond := anchorAt(t, tl, 20)
	beyond.TreeSize = 21
	if err := export.Write(ctx, &bytes.Buffer{}, tl, &export.Options{Anchors: []offline.Anchor{beyond}}); !errors.Is(err, auditlog.ErrOutOfRange) {
		t.Errorf("an anchor beyond the log: %v", err)
	}
}

// records is a Records source over decisions built and sealed with package
// record and appended to the log as leaves: real AES-GCM payloads bound to
// their leaves, and counters as the decision layer keeps them.
type records struct {
	sealed  map[uint64][]byte
	keys    map[uint64][]byte
	records map[uint64]*record.Record
	cells   []record.CountCell
	cp      auditlog.SignedCheckpoint
}

func (r *records) SealedPayloads(ctx context.Context, start, end uint64, fn func(uint64, []byte) error) error {
	for i := start; i < end; i++ {
		if s, ok := r.sealed[i]; ok {
			if err := fn(i, s); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *records) Counters(ctx context.Context) ([]record.CountCell, auditlog.SignedCheckpoint, error) {
	return r.cells, r.cp, nil
}

// appendDecisions appends n decisions to tl (after 3 plain leaves), seals
// their payloads and counts them; erased lists decisions whose payload is
// gone.
func appendDecisions(t *testing.T, tl *testLog, n int, erased map[int]bool) *records {
	ctx := context.Background()
	tl.grow(t, 3, false)
	rs := &records{sealed: map[uint64][]byte{}, keys: map[uint64][]byte{}, records: map[uint64]*record.Record{}}
	cells := map[string]*record.CountCell{}
	for i := range n {
		sex := []string{"f", "m"}[i%2]
		label := []string{"approve", "deny", "approve"}[i%3]
		d := &record.Decision{
			ID: fmt.Sprintf("dec-%03d", i), Time: time.Date(2026, 3, 1+i%2, 10, 0, 0, 0, time.UTC), Subject: fmt.Sprintf("subject-%d", i),
			Model:  record.Model{Name: "credit", Version: "2", ArtifactDigest: record.Digest{1}},
			Inputs: []record.Feature{{Name: "income", Value: record.Number(float64(1000 * i))}},
			Output: record.Output{Label: label, Score: 0.5}, Groups: []record.Attr{{Name: "sex", Value: sex}},
		}
		rec, err := record.Build(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		idx, err := tl.Append(ctx, rec.LeafBytes)
		if err != nil {
			t.Fatal(err)
		}
		tl.add(t, rec.LeafBytes)
		key, err := record.NewKey(nil)
		if err != nil {
			t.Fatal(err)
		}
		if !erased[i] {
			if rs.sealed[idx], err = record.Seal(key, d.ID, rec.LeafBytes, rec.Payload, nil); err != nil {
				t.Fatal(err)
			}
		}
		rs.keys[idx], rs.records[idx] = key, rec
		day := d.Time.Format(time.DateOnly)
		k := day + sex + label
		if cells[k] == nil {
			cells[k] = &record.CountCell{Model: "credit", Version: "2", Day: day, Groups: []record.Attr{{Name: "sex", Value: sex}}, Decision: label}
		}
		cells[k].Count++
		cells[k].Weight++
	}
	for _, c := range cells {
		rs.cells = append(rs.cells, *c)
	}
	cp, err := tl.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rs.cp = cp
	return rs
}

// TestWriteRecords: payloads and counters go into the export; each
// verified payload opens with its subject's key and the exported leaf of
// its index, and with no other leaf.
func TestWriteRecords(t *testing.T) {
	tl := openLog(t)
	rs := appendDecisions(t, tl, 12, map[int]bool{4: true})
	data := write(t, tl, &export.Options{Records: rs, Payloads: true, Counters: true})
	e, err := offline.Verify(bytes.NewReader(data), tl.v, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !e.HasPayloads || len(e.Payloads) != 11 || !e.HasCounters || len(e.Counters) != len(rs.cells) {
		t.Fatalf("export has %d payloads and %d counters (%v, %v)", len(e.Payloads), len(e.Counters), e.HasPayloads, e.HasCounters)
	}
	if !slices.IsSortedFunc(e.Counters, func(a, b record.CountCell) int { return offline.CompareCounters(&a, &b) }) {
		t.Fatal("counters are not in order")
	}
	var total uint64
	for _, c := range e.Counters {
		total += c.Count
	}
	if total != 12 {
		t.Fatalf("counters count %d decisions, want 12", total)
	}
	for _, p := range e.Payloads {
		leaf, ok := e.Leaf(p.Index)
		if !ok {
			t.Fatalf("payload of leaf %d, not in the export", p.Index)
		}
		rec := rs.records[p.Index]
		got, err := record.Open(rs.keys[p.Index], rec.Leaf.DecisionID, leaf, p.Sealed)
		if err != nil || got.Subject != rec.Payload.Subject {
			t.Fatalf("payload %d does not open with its leaf: %v", p.Index, err)
		}
		other, _ := e.Leaf(p.Index + 1)
		if other == nil {
			other, _ = e.Leaf(p.Index - 1)
		}
		if _, err := record.Open(rs.keys[p.Index], rec.Leaf.DecisionID, other, p.Sealed); !errors.Is(err, record.ErrSealed) {
			t.Fatalf("payload %d opens with another leaf: %v", p.Index, err)
		}
	}
	// A partial export carries the payloads of its leaves only.
	e, err = offline.Verify(bytes.NewReader(write(t, tl, &export.Options{From: 5, To: 9, Records: rs, Payloads: true})), tl.v, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Payloads) != 3 || e.Payloads[0].Index != 5 || e.HasCounters {
		t.Fatalf("payloads of [5, 9): %+v", e.Payloads)
	}
}

// TestWriteErrors: what Write refuses, and why.
func TestWriteErrors(t *testing.T) {
	ctx := context.Background()
	tl := openLog(t)
	if err := export.Write(ctx, &bytes.Buffer{}, tl, nil); !errors.Is(err, export.ErrNoCheckpoint) {
		t.Errorf("a log with no checkpoint: %v", err)
	}
	rs := appendDecisions(t, tl, 4, nil)
	tl.grow(t, 10, true)
	for name, c := range map[string]struct {
		opts *export.Options
		want error
	}{
		"no checkpoint at size": {&export.Options{Size: 5}, export.ErrNoCheckpoint},
		"range beyond":          {&export.Options{From: 3, To: 11}, export.ErrInvalidOptions},
		"range backwards":       {&export.Options{From: 5, To: 4}, export.ErrInvalidOptions},
		"payloads, no records":  {&export.Options{Payloads: true}, export.ErrInvalidOptions},
		"counters, no records":  {&export.Options{Counters: true}, export.ErrInvalidOptions},
		"counters at another":   {&export.Options{Size: 10, Records: rs, Counters: true}, export.ErrCountersSize},
	} {
		var b bytes.Buffer
		if err := export.Write(ctx, &b, tl, c.opts); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", name, err, c.want)
		} else if b.Len() != 0 {
			t.Errorf("%s: wrote %d bytes", name, b.Len())
		}
	}
	// With counters and no size, the export is at the counters' size.
	e, err := offline.Verify(bytes.NewReader(write(t, tl, &export.Options{Records: rs, Counters: true})), tl.v, nil)
	if err != nil || e.Checkpoint.Size != rs.cp.Size {
		t.Fatalf("counters export: %v, size %d, want %d", err, e.Checkpoint.Size, rs.cp.Size)
	}
	// A context already done stops Write.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := export.Write(cctx, &bytes.Buffer{}, tl, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled context: %v", err)
	}
}

// TestWriteDetectsCorruption: a leaf rewritten in the store (its stored
// hash kept) makes Write fail with ErrInconsistent instead of producing an
// export that would not verify.
func TestWriteDetectsCorruption(t *testing.T) {
	tl := openLog(t)
	tl.grow(t, 9, true)
	if err := tl.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := pebble.Open(tl.dir, &pebble.Options{Logger: quiet{}})
	if err != nil {
		t.Fatal(err)
	}
	key := append([]byte{'L'}, 0, 0, 0, 0, 0, 0, 0, 5)
	v, closer, err := db.Get(key)
	if err != nil {
		t.Fatal(err)
	}
	v = append(slices.Clone(v[:32]), "a rewritten leaf 5"...)
	closer.Close()
	if err := db.Set(key, v, pebble.Sync); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	l, err := auditlog.Open(tl.dir, &auditlog.Options{Signer: tl.s, Verifier: tl.v, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var b bytes.Buffer
	err = export.Write(context.Background(), &b, l, nil)
	var le *offline.LeavesError
	if !errors.Is(err, export.ErrInconsistent) || !errors.As(err, &le) || le.Start > 5 || le.End <= 5 {
		t.Fatalf("export of a log with leaf 5 rewritten: %v", err)
	}
	// An export of the leaves before it is still good.
	b.Reset()
	if err := export.Write(context.Background(), &b, l, &export.Options{To: 5}); err != nil {
		t.Fatal(err)
	}
	if _, err := offline.Verify(&b, tl.v, nil); err != nil {
		t.Fatal(err)
	}
}

// quiet discards Pebble's informational logging.
type quiet struct{}

func (quiet) Infof(string, ...any)  {}
func (quiet) Errorf(string, ...any) {}
func (quiet) Fatalf(format string, args ...any) {
	panic(fmt.Sprintf(format, args...))
}
