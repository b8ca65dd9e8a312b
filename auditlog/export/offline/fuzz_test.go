package offline

import (
	"bytes"
	"testing"

	"golang.org/x/mod/sumdb/tlog"
)

// FuzzVerify: Verify never panics, and whatever it accepts is true of the
// one log whose key signs: the reference log's key signs only checkpoints
// of its own tree, so an accepted export must carry that tree's leaves at
// their indices, its roots at every checkpoint, and its roots at every
// anchored size up to the header's; from leaf 0 to the header's size,
// tlog's tree hash of the leaves must be the signed root.
func FuzzVerify(f *testing.F) {
	r := newRef(f, 20)
	full := r.export(f, fullSpec())
	f.Add(full)
	for _, s := range []spec{
		{size: 0},
		{size: 1, to: 1},
		{size: 13, from: 5, to: 9, checkpoints: []uint64{4, 8}},
		{size: 13, from: 13, to: 13, anchors: []uint64{20}},
		{size: 16, from: 3, to: 16, payloads: []uint64{}, withCounter: true},
	} {
		f.Add(r.export(f, s))
	}
	f.Add(append(bytes.Clone(full), full...))
	f.Add(bytes.Replace(full, []byte(`"index":4,`), []byte(`"index":4,"index":4,`), 1))
	f.Add([]byte("{}\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Verify(bytes.NewReader(data), r.v, &Options{MaxLineSize: 1 << 16, MaxLeaves: 64})
		if err != nil {
			if e != nil {
				t.Fatalf("an error with a result: %v", err)
			}
			return
		}
		n := e.Checkpoint.Size
		if n > uint64(len(r.leaves)) || e.Checkpoint.Root != r.root(t, n) {
			t.Fatalf("accepted a checkpoint the key never signed: %+v", e.Checkpoint)
		}
		if uint64(len(e.Leaves)) != e.To-e.From {
			t.Fatalf("%d leaves for [%d, %d)", len(e.Leaves), e.From, e.To)
		}
		for i, l := range e.Leaves {
			if !bytes.Equal(l, r.leaves[e.From+uint64(i)]) {
				t.Fatalf("accepted leaf %d = %q", e.From+uint64(i), l)
			}
		}
		for _, c := range e.Checkpoints {
			if c.Size >= n || c.Root != r.root(t, c.Size) {
				t.Fatalf("accepted checkpoint %d with root %s", c.Size, c.Root)
			}
		}
		for _, a := range e.Anchors {
			if a.TreeSize <= n && a.Root != r.root(t, a.TreeSize) {
				t.Fatalf("accepted an anchor of size %d with root %s", a.TreeSize, a.Root)
			}
		}
		for _, p := range e.Payloads {
			if p.Index < e.From || p.Index >= e.To {
				t.Fatalf("accepted a payload of leaf %d", p.Index)
			}
		}
		if e.From == 0 && e.To == n && n > 0 {
			ref := &refLog{}
			for _, l := range e.Leaves {
				ref.add(t, l)
			}
			if h, err := tlog.TreeHash(int64(n), ref); err != nil || h != tlog.Hash(e.Checkpoint.Root) {
				t.Fatalf("tlog's root of the accepted leaves is %x, the checkpoint's %s", h, e.Checkpoint.Root)
			}
		}
	})
}
