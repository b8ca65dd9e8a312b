package auditlog

import (
	"context"
	"encoding/binary"
	"fmt"
	"sync"
	"testing"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// TestLargeGroups appends large groups (batches of 700 leaves of 512
// bytes, concurrently) with keyed store entries landing in the same
// groups; the roots must equal x/mod tlog's, the store must hold every
// key, and the log must read back whole after a reopen.
func TestLargeGroups(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := openEng(t, dir, engOptions(t))
	st, err := l.Store("chunks")
	if err != nil {
		t.Fatal(err)
	}
	leaf := func(i int) []byte {
		b := make([]byte, 512)
		binary.BigEndian.PutUint64(b, uint64(i))
		copy(b[8:], fmt.Sprintf("leaf %d", i))
		return b
	}
	const batches, per, keyed = 4, 700, 300
	var wg sync.WaitGroup
	errs := make(chan error, batches+keyed)
	for b := range batches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			leaves := make([][]byte, per)
			for i := range leaves {
				leaves[i] = leaf(b*per + i)
			}
			if _, err := l.AppendBatch(ctx, leaves); err != nil {
				errs <- err
			}
		}()
	}
	for k := range keyed {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := st.Append(ctx, []Entry{{Leaf: leaf(1_000_000 + k), Key: fmt.Appendf(nil, "k%d", k), Write: func(tx *Tx, index uint64) error {
				return tx.Set(fmt.Appendf(nil, "w%d", k), binary.BigEndian.AppendUint64(nil, index))
			}}})
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	check := func(l *Log) {
		t.Helper()
		size := l.Size()
		if size != batches*per+keyed {
			t.Fatalf("size %d, want %d", size, batches*per+keyed)
		}
		var stored tlogHashes
		for i := uint64(0); i < size; i++ {
			lf, err := l.Leaf(ctx, i)
			if err != nil {
				t.Fatal(err)
			}
			hs, err := tlog.StoredHashes(int64(i), lf, stored)
			if err != nil {
				t.Fatal(err)
			}
			stored = append(stored, hs...)
		}
		want, err := tlog.TreeHash(int64(size), stored)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := l.RootAt(ctx, size); err != nil || got != verify.Hash(want) {
			t.Fatalf("root %s (%v), tlog %x", got, err, want)
		}
		st, err := l.Store("chunks")
		if err != nil {
			t.Fatal(err)
		}
		for k := range keyed {
			idx, err := st.Get(fmt.Appendf(nil, "k%d", k))
			if err != nil {
				t.Fatal(err)
			}
			w, err := st.Get(fmt.Appendf(nil, "w%d", k))
			if err != nil || string(w) != string(idx) {
				t.Fatalf("key %d: index %x, write %x (%v)", k, idx, w, err)
			}
			lf, err := l.Leaf(ctx, binary.BigEndian.Uint64(idx))
			if err != nil || binary.BigEndian.Uint64(lf) != uint64(1_000_000+k) {
				t.Fatalf("key %d: leaf %x (%v)", k, lf[:8], err)
			}
		}
		if err := l.CheckIntegrity(ctx); err != nil {
			t.Fatal(err)
		}
	}
	check(l)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l = openEng(t, dir, engOptions(t))
	defer l.Close()
	check(l)
}
