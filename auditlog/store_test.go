package auditlog

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/cockroachdb/pebble/v2"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

func testStore(t testing.TB, l *Log, ns string) *Store {
	t.Helper()
	s, err := l.Store(ns)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// getU64 reads an 8-byte counter through get, 0 when absent.
func getU64(get func([]byte) ([]byte, error), k []byte) (uint64, error) {
	v, err := get(k)
	switch {
	case errors.Is(err, ErrNotFound):
		return 0, nil
	case err != nil:
		return 0, err
	case len(v) != 8:
		return 0, fmt.Errorf("counter %q of %d bytes", k, len(v))
	}
	return binary.BigEndian.Uint64(v), nil
}

// incr is a Write that adds one to key k of the store.
func incr(k []byte) func(tx *Tx, _ uint64) error {
	return func(tx *Tx, _ uint64) error {
		n, err := getU64(tx.Get, k)
		if err != nil {
			return err
		}
		return tx.Set(k, binary.BigEndian.AppendUint64(nil, n+1))
	}
}

// TestStoreAppendIdempotency: an idempotency key is recorded once, within
// one call and across calls; a repeated entry writes nothing (its Write
// does not run) and returns the first index; the engine records the index
// under the key, inside the namespace and nowhere else.
func TestStoreAppendIdempotency(t *testing.T) {
	ctx := context.Background()
	l := openEng(t, t.TempDir(), engOptions(t))
	defer l.Close()
	s := testStore(t, l, "layer")
	other := testStore(t, l, "other")
	var ran []string
	mk := func(key string) Entry {
		return Entry{Leaf: []byte("leaf " + key), Key: []byte("id/" + key), Write: func(tx *Tx, index uint64) error {
			ran = append(ran, key)
			// Reads see the earlier writes of the same call.
			prev, err := tx.Get([]byte("last"))
			if err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
			if key == "b" && string(prev) != "a" {
				return fmt.Errorf("b saw last = %q, want a", prev)
			}
			return tx.Set([]byte("last"), []byte(key))
		}}
	}
	got, err := s.Append(ctx, []Entry{mk("a"), mk("b"), mk("a")})
	if err != nil {
		t.Fatal(err)
	}
	want := []Appended{{0, false}, {1, false}, {0, true}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	got, err = s.Append(ctx, []Entry{mk("b"), mk("c")})
	if err != nil {
		t.Fatal(err)
	}
	if want := []Appended{{1, true}, {2, false}}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("second call: got %v, want %v", got, want)
	}
	if strings.Join(ran, "") != "abc" {
		t.Fatalf("Write ran for %q, want once per new entry (abc)", ran)
	}
	// The same key in another namespace is another key.
	if got, err := other.Append(ctx, []Entry{mk("a")}); err != nil || got[0] != (Appended{3, false}) {
		t.Fatalf("other namespace: %v %v", got, err)
	}
	// Entries without a key are always new.
	if got, err := s.Append(ctx, []Entry{{Leaf: []byte("x")}, {Leaf: []byte("x"), Key: []byte{}}}); err != nil || got[0].Index != 4 || got[1].Index != 5 {
		t.Fatalf("keyless: %v %v", got, err)
	}
	if l.Size() != 6 {
		t.Fatalf("size %d, want 6", l.Size())
	}
	for k, want := range map[string]uint64{"id/a": 0, "id/b": 1, "id/c": 2} {
		v, err := s.Get([]byte(k))
		if err != nil || len(v) != 8 || binary.BigEndian.Uint64(v) != want {
			t.Fatalf("%s = %x, %v; want index %d", k, v, err, want)
		}
	}
	if v, err := s.Get([]byte("last")); err != nil || string(v) != "c" {
		t.Fatalf("last = %q, %v", v, err)
	}
	n := 0
	if err := s.Scan([]byte("id/"), func(_, _ []byte) error { n++; return nil }); err != nil || n != 3 {
		t.Fatalf("%d idempotency keys in the namespace (%v), want 3", n, err)
	}
	if err := l.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}
	// A key holding something else than an index is corruption, not a new
	// entry.
	if err := s.Put([]byte("id/d"), []byte("junk")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Append(ctx, []Entry{mk("d")}); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("a corrupt idempotency record: %v", err)
	}
}

// TestStoreWriteErrorWritesNothing: a Write that fails (or panics) rejects
// its whole call: no leaf, no idempotency key, no write of an earlier entry
// of the call; the log goes on appending.
func TestStoreWriteErrorWritesNothing(t *testing.T) {
	ctx := context.Background()
	l := openEng(t, t.TempDir(), engOptions(t))
	defer l.Close()
	s := testStore(t, l, "layer")
	set := func(k string) func(*Tx, uint64) error {
		return func(tx *Tx, _ uint64) error { return tx.Set([]byte("w/"+k), []byte(k)) }
	}
	if _, err := s.Append(ctx, []Entry{{Leaf: []byte("a"), Key: []byte("a"), Write: set("a")}}); err != nil {
		t.Fatal(err)
	}
	rejected := errors.New("rejected by the layer")
	for name, bad := range map[string]func(*Tx, uint64) error{
		"error": func(*Tx, uint64) error { return rejected },
		"panic": func(*Tx, uint64) error { panic("the layer panicked") },
	} {
		_, err := s.Append(ctx, []Entry{
			{Leaf: []byte("b"), Key: []byte("b"), Write: set("b")},
			{Leaf: []byte("c"), Write: bad},
		})
		if err == nil || (name == "error" && !errors.Is(err, rejected)) {
			t.Fatalf("%s: got %v", name, err)
		}
		if l.Size() != 1 {
			t.Fatalf("%s: size %d after a rejected call", name, l.Size())
		}
		for _, k := range []string{"b", "w/b"} {
			if _, err := s.Get([]byte(k)); !errors.Is(err, ErrNotFound) {
				t.Fatalf("%s: key %s of a rejected call: %v", name, k, err)
			}
		}
	}
	got, err := s.Append(ctx, []Entry{{Leaf: []byte("b"), Key: []byte("b"), Write: set("b")}})
	if err != nil || got[0] != (Appended{1, false}) {
		t.Fatalf("b after the rejections: %v %v", got, err)
	}
	if v, err := s.Get([]byte("w/b")); err != nil || string(v) != "b" {
		t.Fatalf("w/b = %q, %v", v, err)
	}
	if _, err := s.Append(ctx, nil); !errors.Is(err, ErrEmptyLeaf) {
		t.Fatalf("empty call: %v", err)
	}
	if err := l.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestReadingAppendsAcrossGroups runs many concurrent appends and updates
// that read what earlier ones wrote (idempotency keys and a
// read-modify-write counter) while groups are staged and synced at the
// same time. A Tx.Get that missed a write of an earlier request of the group
// being staged or of the group in flight would show as a key appended twice
// or a lost increment.
func TestReadingAppendsAcrossGroups(t *testing.T) {
	ctx := context.Background()
	reg := prometheus.NewRegistry()
	o := engOptions(t)
	o.Registerer = reg
	o.MaxBatchEntries = 64 // force many groups, some cut by the limit
	l := openEng(t, t.TempDir(), o)
	defer l.Close()
	s := testStore(t, l, "layer")

	const writers, each, keys = 32, 40, 97
	counter, updates := []byte("counter"), []byte("updates")
	var mu sync.Mutex
	got := map[int]uint64{} // key -> index
	fresh := map[int]int{}  // key -> results without Existing
	free, upd := 0, 0       // leaves appended without an idempotency key; updates
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				switch {
				case i%4 == 3:
					// A store update, ordered with the appends.
					if err := s.Update(ctx, func(tx *Tx) error {
						if err := incr(counter)(tx, 0); err != nil {
							return err
						}
						return incr(updates)(tx, 0)
					}); err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					upd++
					mu.Unlock()
					continue
				case i%2 == 1:
					// No idempotency key: always a new leaf.
					e := Entry{Leaf: fmt.Appendf(nil, "free %d %d", w, i), Write: incr(counter)}
					if _, err := s.Append(ctx, []Entry{e}); err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					free++
					mu.Unlock()
					continue
				}
				k := (w*7 + i*13) % keys
				// Every third request is a batch of two entries with
				// distinct keys, to mix request shapes in a group.
				ks := []int{k}
				if i%3 == 0 {
					ks = append(ks, (k+1)%keys)
				}
				es := make([]Entry, len(ks))
				for j, k := range ks {
					es[j] = Entry{Leaf: fmt.Appendf(nil, "key %d", k), Key: fmt.Appendf(nil, "k%d", k), Write: incr(counter)}
				}
				res, err := s.Append(ctx, es)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				for j, k := range ks {
					prev, ok := got[k]
					if ok && prev != res[j].Index {
						t.Errorf("key %d appended at %d and at %d", k, prev, res[j].Index)
					}
					if !res[j].Existing {
						fresh[k]++
					}
					got[k] = res[j].Index
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	if l.Size() != uint64(len(got)+free) {
		t.Fatalf("tree size %d, want %d keyed and %d free leaves", l.Size(), len(got), free)
	}
	for k := range got {
		if fresh[k] != 1 {
			t.Fatalf("key %d: %d results claim to have written it", k, fresh[k])
		}
	}
	for k, idx := range got {
		leaf, err := l.Leaf(ctx, idx)
		if err != nil || string(leaf) != fmt.Sprintf("key %d", k) {
			t.Fatalf("leaf %d = %q, %v; want key %d", idx, leaf, err, k)
		}
	}
	v, err := s.View(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	c, err := getU64(v.Get, counter)
	if err != nil {
		t.Fatal(err)
	}
	// The Write runs once per leaf actually added, the update once per call.
	if c != l.Size()+uint64(upd) {
		t.Fatalf("counter %d after %d leaves and %d updates: an increment was lost or doubled", c, l.Size(), upd)
	}
	if u, err := getU64(v.Get, updates); err != nil || u != uint64(upd) {
		t.Fatalf("updates %d, %v; want %d", u, err, upd)
	}
	if err := l.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d requests committed in %d group commits", writers*each, commits(t, reg))
}

// commits returns how many group commits the log's metrics counted.
func commits(t *testing.T, reg *prometheus.Registry) uint64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == "glassbox_auditlog_commit_batch_entries" {
			return mf.GetMetric()[0].GetHistogram().GetSampleCount()
		}
	}
	t.Fatal("no commit batch metric")
	return 0
}

// TestTxReadsOverlays checks, deterministically, the order in which a Tx
// reads: its own writes, the group being staged, the group in flight until
// it is durable, then the store; so a key deleted directly in the store
// after the group's appends were acknowledged is not seen again.
func TestTxReadsOverlays(t *testing.T) {
	l := openEng(t, t.TempDir(), engOptions(t))
	defer l.Close()
	s := testStore(t, l, "layer")
	k := []byte("k")
	full := string(s.key(k))
	prev := &group{overlay: map[string]txWrite{full: {value: []byte("in flight")}}}
	cur := &group{overlay: map[string]txWrite{}}
	tx := &Tx{l: l, g: cur, prev: prev, prefix: s.prefix, writes: map[string]txWrite{}}
	check := func(stage, want string) {
		t.Helper()
		v, err := tx.Get(k)
		if want == "" {
			if !errors.Is(err, ErrNotFound) {
				t.Fatalf("%s: %q, %v; want not found", stage, v, err)
			}
			return
		}
		if err != nil || string(v) != want {
			t.Fatalf("%s: %q, %v; want %q", stage, v, err, want)
		}
	}
	check("group in flight", "in flight")
	cur.overlay[full] = txWrite{value: []byte("staged")}
	check("group being staged", "staged")
	if err := tx.Set(k, []byte("own")); err != nil {
		t.Fatal(err)
	}
	check("own write", "own")
	if err := tx.Delete(k); err != nil {
		t.Fatal(err)
	}
	check("own delete", "")
	tx.writes = map[string]txWrite{}
	delete(cur.overlay, full)
	prev.synced.Store(true)
	check("after the sync, the store", "")
	tx.end()
	if _, err := tx.Get(k); !errors.Is(err, ErrClosed) {
		t.Fatalf("a Tx used after its function: %v", err)
	}
}

// TestStoreUpdate: an update is ordered with appends both ways, writes
// nothing when its function fails, and a Tx cannot outlive its function.
func TestStoreUpdate(t *testing.T) {
	ctx := context.Background()
	l := openEng(t, t.TempDir(), engOptions(t))
	s := testStore(t, l, "layer")
	if _, err := s.Append(ctx, []Entry{{Leaf: []byte("a"), Key: []byte("a"), Write: incr([]byte("n"))}}); err != nil {
		t.Fatal(err)
	}
	// The update sees the append that returned before it...
	var kept *Tx
	if err := s.Update(ctx, func(tx *Tx) error {
		kept = tx
		n, err := getU64(tx.Get, []byte("n"))
		if err != nil || n != 1 {
			return fmt.Errorf("n = %d, %v; want 1", n, err)
		}
		if _, err := tx.Get([]byte("a")); err != nil {
			return fmt.Errorf("the idempotency key of the earlier append: %w", err)
		}
		// ...and the appends after it see its writes: deleting the
		// idempotency key lets the entry be appended again.
		if err := tx.Delete([]byte("a")); err != nil {
			return err
		}
		return tx.Set([]byte("n"), binary.BigEndian.AppendUint64(nil, 10))
	}); err != nil {
		t.Fatal(err)
	}
	if err := kept.Set([]byte("late"), nil); !errors.Is(err, ErrClosed) {
		t.Fatalf("a Tx kept after Update: %v", err)
	}
	got, err := s.Append(ctx, []Entry{{Leaf: []byte("a"), Key: []byte("a"), Write: incr([]byte("n"))}})
	if err != nil || got[0] != (Appended{1, false}) {
		t.Fatalf("append after the update: %v %v", got, err)
	}
	if n, err := getU64(s.Get, []byte("n")); err != nil || n != 11 {
		t.Fatalf("n = %d, %v; want 11", n, err)
	}
	failed := errors.New("no")
	if err := s.Update(ctx, func(tx *Tx) error {
		tx.Set([]byte("n"), nil)
		return failed
	}); !errors.Is(err, failed) {
		t.Fatalf("failing update: %v", err)
	}
	if n, err := getU64(s.Get, []byte("n")); err != nil || n != 11 {
		t.Fatalf("n = %d, %v after a failed update", n, err)
	}
	if err := s.Update(ctx, nil); !errors.Is(err, ErrInvalidOptions) {
		t.Fatalf("nil function: %v", err)
	}
	if l.Size() != 2 {
		t.Fatalf("size %d: an update added a leaf", l.Size())
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Update(ctx, func(*Tx) error { return nil }); !errors.Is(err, ErrClosed) {
		t.Fatalf("update of a closed log: %v", err)
	}
}

// TestViewConsistentUnderAppends opens views while writers append entries
// whose Write keeps a count of leaves: every view sees a count equal to its
// own size, its last leaf and no later one, and a checkpoint and inclusion
// proof of exactly its size that verify offline.
func TestViewConsistentUnderAppends(t *testing.T) {
	ctx := context.Background()
	o := engOptions(t)
	o.MaxBatchEntries = 16
	l := openEng(t, t.TempDir(), o)
	defer l.Close()
	s := testStore(t, l, "layer")
	count := []byte("count")
	const writers, each = 8, 60
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				e := Entry{Leaf: fmt.Appendf(nil, "w%d-%d", w, i), Write: func(tx *Tx, index uint64) error {
					if err := incr(count)(tx, index); err != nil {
						return err
					}
					return tx.Set(binary.BigEndian.AppendUint64([]byte("at/"), index), nil)
				}}
				if _, err := s.Append(ctx, []Entry{e}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(stop) }()
	views := 0
	for done := false; !done; views++ {
		select {
		case <-stop:
			done = true // one last view of the final state
		default:
		}
		v, err := s.View(ctx)
		if err != nil {
			t.Fatal(err)
		}
		size := v.Size()
		n, err := getU64(v.Get, count)
		if err != nil || n != size {
			t.Fatalf("view of size %d counts %d leaves (%v)", size, n, err)
		}
		at := 0
		if err := v.Scan([]byte("at/"), PrefixEnd([]byte("at/")), func(_, _ []byte) error { at++; return nil }); err != nil || uint64(at) != size {
			t.Fatalf("view of size %d lists %d leaves (%v)", size, at, err)
		}
		if _, err := v.Leaf(size); !errors.Is(err, ErrOutOfRange) {
			t.Fatalf("leaf %d beyond the view: %v", size, err)
		}
		if size > 0 && views%8 == 0 {
			leaf, err := v.Leaf(size - 1)
			if err != nil {
				t.Fatal(err)
			}
			cp, err := v.Checkpoint(ctx)
			if err != nil || cp.Size != size {
				t.Fatalf("checkpoint %d of a view of size %d: %v", cp.Size, size, err)
			}
			if _, err := verify.OpenCheckpoint(cp.Note, o.Verifier); err != nil {
				t.Fatal(err)
			}
			p, err := v.InclusionProof(ctx, size-1)
			if err != nil {
				t.Fatal(err)
			}
			if err := verify.VerifyInclusion(size-1, size, verify.LeafHash(leaf), p, cp.Root); err != nil {
				t.Fatalf("view of size %d: %v", size, err)
			}
		}
		v.Close()
		v.Close() // a second Close does nothing
	}
	if l.Size() != writers*each {
		t.Fatalf("size %d", l.Size())
	}
	t.Logf("%d views checked", views)
}

// TestViewClosedWithLog: Log.Close closes the views left open (Pebble would
// refuse to close with open snapshots), and they then answer ErrClosed.
func TestViewClosedWithLog(t *testing.T) {
	ctx := context.Background()
	l := openEng(t, t.TempDir(), engOptions(t))
	s := testStore(t, l, "layer")
	if _, err := s.Append(ctx, []Entry{{Leaf: []byte("a"), Write: func(tx *Tx, _ uint64) error { return tx.Set([]byte("k"), []byte("v")) }}}); err != nil {
		t.Fatal(err)
	}
	v, err := s.View(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := v.Get([]byte("k")); err != nil || string(got) != "v" {
		t.Fatalf("%q %v", got, err)
	}
	if err := l.Close(); err != nil {
		t.Fatalf("Close with a view open: %v", err)
	}
	if _, err := v.Get([]byte("k")); !errors.Is(err, ErrClosed) {
		t.Fatalf("view after Close: %v", err)
	}
	if _, err := v.Leaf(0); !errors.Is(err, ErrClosed) {
		t.Fatalf("view leaf after Close: %v", err)
	}
	v.Close()
	if _, err := s.View(ctx); !errors.Is(err, ErrClosed) {
		t.Fatalf("new view after Close: %v", err)
	}
}

// TestViewCheckpointAheadOfSize covers the moment between a group's synced
// commit becoming visible and the committer publishing the new size: a
// view taken then holds a durable size larger than Size(), and a
// checkpoint of exactly the view's size must still be signed.
func TestViewCheckpointAheadOfSize(t *testing.T) {
	ctx := context.Background()
	o := engOptions(t)
	l := openEng(t, t.TempDir(), o)
	defer l.Close()
	for i := range 5 {
		if _, err := l.Append(ctx, leafBytes(i)); err != nil {
			t.Fatal(err)
		}
	}
	v, err := testStore(t, l, "layer").View(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	l.size.Store(4) // as if the committer had not yet published size 5
	cp, err := v.Checkpoint(ctx)
	l.size.Store(5)
	if err != nil {
		t.Fatalf("checkpoint of a durable view: %v", err)
	}
	root, err := l.RootAt(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	if cp.Size != 5 || cp.Root != root {
		t.Fatalf("checkpoint %d %s, want 5 %s", cp.Size, cp.Root, root)
	}
	if _, err := verify.OpenCheckpoint(cp.Note, o.Verifier); err != nil {
		t.Fatal(err)
	}
	// Beyond the durable size nothing is signed.
	if _, err := l.checkpointAt(ctx, v.snap, 6); err == nil {
		t.Fatal("signed a checkpoint beyond the durable size")
	}
}

// TestV1LayoutRefused: a store of layout v1 (idempotency and records keys in
// engine families) does not open, and the error names its layout.
func TestV1LayoutRefused(t *testing.T) {
	dir := t.TempDir()
	o := engOptions(t)
	l := openEng(t, dir, o)
	if _, err := l.Append(context.Background(), leafBytes(0)); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := pebble.Open(dir, &pebble.Options{ErrorIfNotExists: true, Logger: quietLogger{}})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Set(keyFormat, []byte("glassbox-auditlog/v1"), pebble.Sync); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = Open(dir, o)
	if !errors.Is(err, ErrLayout) || !strings.Contains(err.Error(), "glassbox-auditlog/v1") || !strings.Contains(err.Error(), formatMagic) {
		t.Fatalf("opening a v1 store: %v; want ErrLayout naming glassbox-auditlog/v1 and %s", err, formatMagic)
	}
}

// TestStoreCompact: compacting a namespace range keeps its live keys and
// touches no other namespace; an empty range is no work.
func TestStoreCompact(t *testing.T) {
	ctx := context.Background()
	l := openEng(t, t.TempDir(), engOptions(t))
	defer l.Close()
	a, b := testStore(t, l, "a"), testStore(t, l, "b")
	for _, s := range []*Store{a, b} {
		if err := s.Put([]byte("k1"), []byte("v1")); err != nil {
			t.Fatal(err)
		}
		if err := s.Put([]byte("k2"), []byte("v2")); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Delete([]byte("k1")); err != nil {
		t.Fatal(err)
	}
	if err := a.Compact(ctx, []byte("k1"), []byte("k2")); err != nil {
		t.Fatal(err)
	}
	if err := a.Compact(ctx, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := a.Compact(ctx, []byte("z"), []byte("a")); err != nil {
		t.Fatalf("an empty range: %v", err)
	}
	if _, err := a.Get([]byte("k1")); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted key after compaction: %v", err)
	}
	for _, c := range []struct {
		s *Store
		k string
	}{{a, "k2"}, {b, "k1"}, {b, "k2"}} {
		if _, err := c.s.Get([]byte(c.k)); err != nil {
			t.Fatalf("%s lost by a compaction: %v", c.k, err)
		}
	}
}

func TestPrefixEnd(t *testing.T) {
	for _, c := range []struct{ in, want []byte }{
		{[]byte("ab"), []byte("ac")},
		{[]byte{'a', 0xff}, []byte("b")},
		{[]byte{0xff, 0xff}, nil},
		{nil, nil},
	} {
		if got := PrefixEnd(c.in); string(got) != string(c.want) || (c.want == nil) != (got == nil) {
			t.Fatalf("PrefixEnd(%x) = %x, want %x", c.in, got, c.want)
		}
	}
}
