package lineage_test

import (
	"errors"
	"fmt"
	"testing"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/lineage"
)

func records(n int) [][32]byte {
	out := make([][32]byte, n)
	for i := range out {
		out[i] = lineage.RecordHash(fmt.Appendf(nil, "A%04d,row %d", i, i))
	}
	return out
}

// TestManifestAgainstTlog: the root and every proof agree with x/mod's tlog
// over the same record hashes; a record not in the set has no proof, and a
// member's proof fails against another root.
func TestManifestAgainstTlog(t *testing.T) {
	for _, n := range []int{1, 2, 3, 7, 8, 13} {
		rs := records(n)
		m, err := lineage.NewManifest(rs)
		if err != nil {
			t.Fatal(err)
		}
		var hashes []tlog.Hash
		for i, r := range rs {
			hs, err := tlog.StoredHashes(int64(i), r[:], tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) {
				out := make([]tlog.Hash, len(idx))
				for k, x := range idx {
					out[k] = hashes[x]
				}
				return out, nil
			}))
			if err != nil {
				t.Fatal(err)
			}
			hashes = append(hashes, hs...)
		}
		hr := tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) {
			out := make([]tlog.Hash, len(idx))
			for k, x := range idx {
				out[k] = hashes[x]
			}
			return out, nil
		})
		want, err := tlog.TreeHash(int64(n), hr)
		if err != nil {
			t.Fatal(err)
		}
		if m.Root() != [32]byte(want) {
			t.Fatalf("n=%d: root %x, tlog %x", n, m.Root(), want)
		}
		b := lineage.Binding{ManifestRoot: m.Root()}
		for i, r := range rs {
			p, err := m.Prove(r)
			if err != nil {
				t.Fatal(err)
			}
			if err := b.CheckRecord(p); err != nil {
				t.Fatalf("n=%d record %d: %v", n, i, err)
			}
			tp, err := tlog.ProveRecord(int64(n), int64(i), hr)
			if err != nil {
				t.Fatal(err)
			}
			if err := tlog.CheckRecord(tp, int64(n), want, int64(i), tlog.RecordHash(r[:])); err != nil {
				t.Fatal(err)
			}
			if len(tp) != len(p.Path) {
				t.Fatalf("proof length %d, tlog %d", len(p.Path), len(tp))
			}
			for k := range tp {
				if [32]byte(tp[k]) != p.Path[k] {
					t.Fatalf("n=%d i=%d: path[%d] differs from tlog", n, i, k)
				}
			}
			js, _ := p.MarshalJSON()
			q, err := lineage.ParseProof(js)
			if err != nil || q.Verify(m.Root()) != nil {
				t.Fatalf("round trip: %v", err)
			}
		}
		outsider := lineage.RecordHash([]byte("not a training record"))
		if _, err := m.Prove(outsider); !errors.Is(err, lineage.ErrNotInManifest) {
			t.Fatalf("outsider: %v", err)
		}
		forged, _ := m.ProveIndex(0)
		forged.RecordHash = outsider
		var be *lineage.BindingError
		if err := b.CheckRecord(forged); !errors.As(err, &be) || be.Binding != lineage.BindingManifest || !errors.Is(err, lineage.ErrMismatch) {
			t.Fatalf("forged proof: %v", err)
		}
	}
}

func FuzzParseProof(f *testing.F) {
	m, _ := lineage.NewManifest(records(5))
	p, _ := m.ProveIndex(3)
	js, _ := p.MarshalJSON()
	f.Add(js)
	f.Add([]byte(`{"index":0,"size":1,"record_hash":"","path":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := lineage.ParseProof(data)
		if err != nil {
			return
		}
		_ = p.Verify(m.Root())
	})
}

func FuzzParseSchemaAndCard(f *testing.F) {
	f.Add([]byte(`{"features":[{"name":"a","type":"number"}],"reasons":[{"variable":"a","text":"t"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if s, err := lineage.ParseSchema(data); err == nil {
			c, err := s.Canonical()
			if err != nil {
				t.Fatal(err)
			}
			s2, err := lineage.ParseSchema(c)
			if err != nil {
				t.Fatalf("canonical form does not parse: %v", err)
			}
			d1, _ := s.Digest()
			d2, _ := s2.Digest()
			if d1 != d2 {
				t.Fatal("digest changes on re-parse")
			}
		}
		if c, err := lineage.ParseCard(data); err == nil {
			if _, err := c.Canonical(); err != nil {
				t.Fatal(err)
			}
		}
	})
}
