package auditlog

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/transparency-dev/merkle/compact"
	"golang.org/x/mod/sumdb/tlog"
)

// TestNodeHashesMatchTlog reads every run of node hashes that a tree of
// 300 leaves has complete, at every level, and compares it with the hashes
// that golang.org/x/mod/sumdb/tlog computes from the same leaves.
func TestNodeHashesMatchTlog(t *testing.T) {
	ctx := context.Background()
	l := openEng(t, t.TempDir(), engOptions(t))
	defer l.Close()
	const n = 300
	var ref tlogHashes
	leaves := make([][]byte, n)
	for i := range leaves {
		leaves[i] = leafBytes(i)
		hs, err := tlog.StoredHashes(int64(i), leaves[i], ref)
		if err != nil {
			t.Fatal(err)
		}
		ref = append(ref, hs...)
	}
	if _, err := l.AppendBatch(ctx, leaves); err != nil {
		t.Fatal(err)
	}
	for level := uint(0); n>>level > 0; level++ {
		complete := uint64(n >> level)
		got, err := l.NodeHashes(ctx, n, level, 0, int(complete))
		if err != nil {
			t.Fatalf("level %d: %v", level, err)
		}
		for i, h := range got {
			if want := ref[tlog.StoredHashIndex(int(level), int64(i))]; tlog.Hash(h) != want {
				t.Fatalf("level %d index %d: %s, tlog says %s", level, i, h, want)
			}
		}
		// A run that goes one node past what is complete is refused.
		if _, err := l.NodeHashes(ctx, n, level, 0, int(complete)+1); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("level %d: %d+1 nodes: err = %v, want ErrOutOfRange", level, complete, err)
		}
		if _, err := l.NodeHashes(ctx, n, level, complete, 1); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("level %d: node %d: err = %v, want ErrOutOfRange", level, complete, err)
		}
	}
	got, err := l.LeafRange(ctx, n, 250, 50)
	if err != nil {
		t.Fatal(err)
	}
	for i, leaf := range got {
		if !bytes.Equal(leaf, leaves[250+i]) {
			t.Fatalf("leaf %d = %q, want %q", 250+i, leaf, leaves[250+i])
		}
	}
	for _, c := range []struct {
		size, start uint64
		count       int
	}{{n + 1, 0, 1}, {n, 299, 2}, {n, 0, 0}, {n, 1 << 63, 1}, {n, 0, -1}} {
		if _, err := l.LeafRange(ctx, c.size, c.start, c.count); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("LeafRange(%d, %d, %d): err = %v, want ErrOutOfRange", c.size, c.start, c.count, err)
		}
	}
	if _, err := l.NodeHashes(ctx, n, 64, 0, 1); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("level 64: err = %v, want ErrOutOfRange", err)
	}
	l.Close()
	if _, err := l.NodeHashes(ctx, n, 0, 0, 1); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: NodeHashes err = %v, want ErrClosed", err)
	}
	if _, err := l.LeafRange(ctx, n, 0, 1); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: LeafRange err = %v, want ErrClosed", err)
	}
}

// TestNodeHashesMissing: a stored node that is gone is an IntegrityError
// naming it, not a short answer.
func TestNodeHashesMissing(t *testing.T) {
	ctx := context.Background()
	l := openEng(t, t.TempDir(), engOptions(t))
	defer l.Close()
	leaves := make([][]byte, 16)
	for i := range leaves {
		leaves[i] = leafBytes(i)
	}
	if _, err := l.AppendBatch(ctx, leaves); err != nil {
		t.Fatal(err)
	}
	id := compact.NewNodeID(1, 5)
	if err := l.db.Delete(hashKey(id.Level, id.Index), nil); err != nil {
		t.Fatal(err)
	}
	_, err := l.NodeHashes(ctx, 16, 1, 0, 8)
	var ie *IntegrityError
	if !errors.As(err, &ie) || ie.Kind != "missing" || ie.Level != 1 || ie.Index != 5 {
		t.Fatalf("err = %v, want a missing-node IntegrityError at level 1 index 5", err)
	}
}
