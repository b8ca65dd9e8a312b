package auditlog

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

// TestReadingAppendsAcrossGroups runs many concurrent appends that read
// what earlier appends wrote (idempotency keys and a read-modify-write
// counter in the records family) while groups are staged and synced at the
// same time. A read that missed a write of the group being staged or of the
// group in flight would show as a key appended twice or a lost increment.
func TestReadingAppendsAcrossGroups(t *testing.T) {
	ctx := context.Background()
	reg := prometheus.NewRegistry()
	o := engOptions(t)
	o.Registerer = reg
	o.MaxBatchEntries = 64 // force many groups, some cut by the limit
	l := openEng(t, t.TempDir(), o)
	defer l.Close()

	const writers, each, keys = 32, 40, 97
	counter := []byte("counter")
	incr := func(tx *sideTx, _ uint64) error {
		var n uint64
		v, err := tx.get(counter)
		switch {
		case err == nil && len(v) == 8:
			n = binary.BigEndian.Uint64(v)
		case err == nil:
			return fmt.Errorf("counter of %d bytes", len(v))
		case !errors.Is(err, ErrNotFound):
			return err
		}
		return tx.set(counter, binary.BigEndian.AppendUint64(nil, n+1))
	}
	var mu sync.Mutex
	got := map[int]uint64{} // key -> index
	free := 0               // leaves appended without an idempotency key
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				if i%2 == 1 {
					// No idempotency key: always a new leaf.
					e := entry{leaf: fmt.Appendf(nil, "free %d %d", w, i), side: incr}
					if _, err := l.appendEntries(ctx, []entry{e}); err != nil {
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
				es := make([]entry, len(ks))
				for j, k := range ks {
					es[j] = entry{leaf: fmt.Appendf(nil, "key %d", k), dedupKey: fmt.Appendf(nil, "k%d", k), side: incr}
				}
				idx, err := l.appendEntries(ctx, es)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				for j, k := range ks {
					if prev, ok := got[k]; ok && prev != idx[j] {
						t.Errorf("key %d appended at %d and at %d", k, prev, idx[j])
					}
					got[k] = idx[j]
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	if l.Size() != uint64(len(got)+free) {
		t.Fatalf("tree size %d, want %d keyed and %d free leaves", l.Size(), len(got), free)
	}
	for k, idx := range got {
		leaf, err := l.Leaf(ctx, idx)
		if err != nil || string(leaf) != fmt.Sprintf("key %d", k) {
			t.Fatalf("leaf %d = %q, %v; want key %d", idx, leaf, err, k)
		}
	}
	v, err := l.recordView(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer v.close()
	c, err := v.get(counter)
	if err != nil {
		t.Fatal(err)
	}
	// The side write runs once per leaf actually added.
	if n := binary.BigEndian.Uint64(c); n != l.Size() {
		t.Fatalf("counter %d after %d leaves: an increment was lost or doubled", n, l.Size())
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

// TestSyncedGroupOverlayNotRead checks that the overlay of the group in
// flight is read only until that group is durable: afterwards the store
// answers, so a key deleted directly in the store after the group's
// appends were acknowledged (Erase) is not seen again.
func TestSyncedGroupOverlayNotRead(t *testing.T) {
	l := openEng(t, t.TempDir(), engOptions(t))
	defer l.Close()
	k := []byte("subject-key")
	prev := &group{overlay: map[string]txWrite{string(recordsKey(k)): {value: []byte("old")}}}
	tx := &sideTx{l: l, g: &group{}, prev: prev, writes: map[string]txWrite{}}
	if v, err := tx.get(k); err != nil || string(v) != "old" {
		t.Fatalf("in flight: %q, %v; want the overlay's value", v, err)
	}
	prev.synced.Store(true)
	if v, err := tx.get(k); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after the sync: %q, %v; want the store's answer (not found)", v, err)
	}
}
