package auditlog

import (
	"context"
	"encoding/binary"
	"testing"

	"github.com/transparency-dev/merkle/compact"
	merkleproof "github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// BenchmarkProof measures inclusion and consistency proofs (each verified
// before it is returned) in a tree of 100,000 leaves. Baselines in the same
// run: "inclusion-stored-nodes" builds the same proofs as before the proof
// cache (a Pebble read per node, the root from stored nodes, then the
// check), and "verify-only" is the physical floor: the RFC 6962 check
// alone, with transparency-dev/merkle, of proofs already built.
func BenchmarkProof(b *testing.B) {
	l := openEng(b, b.TempDir(), engOptions(b))
	defer l.Close()
	ctx := context.Background()
	const size = 100_000
	batch := make([][]byte, 1000)
	for i := range batch {
		batch[i] = make([]byte, 64)
	}
	for l.Size() < size {
		for i := range batch {
			binary.BigEndian.PutUint64(batch[i], l.Size()+uint64(i))
		}
		if _, err := l.AppendBatch(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("inclusion", func(b *testing.B) {
		i := uint64(0)
		for b.Loop() {
			i = (i + 7919) % size
			if _, err := l.InclusionProof(ctx, i, size); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "proofs/s")
	})
	b.Run("inclusion-stored-nodes", func(b *testing.B) {
		i := uint64(0)
		for b.Loop() {
			i = (i + 7919) % size
			if _, err := storedNodesInclusion(l, i, size); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "proofs/s")
	})
	const nproofs = 64
	type built struct {
		index uint64
		leaf  []byte
		p     [][]byte
	}
	proofs := make([]built, nproofs)
	root, err := l.RootAt(ctx, size)
	if err != nil {
		b.Fatal(err)
	}
	for k := range proofs {
		i := uint64(k) * 7919 % size
		p, err := l.InclusionProof(ctx, i, size)
		if err != nil {
			b.Fatal(err)
		}
		lh, err := nodeHash(l.db, compact.NewNodeID(0, i))
		if err != nil {
			b.Fatal(err)
		}
		proofs[k] = built{index: i, leaf: lh[:]}
		for _, h := range p {
			proofs[k].p = append(proofs[k].p, h[:])
		}
	}
	b.Run("verify-only", func(b *testing.B) {
		for k := 0; b.Loop(); k++ {
			pr := &proofs[k%nproofs]
			if err := merkleproof.VerifyInclusion(rfc6962.DefaultHasher, pr.index, size, pr.leaf, pr.p, root[:]); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "proofs/s")
	})
	b.Run("consistency", func(b *testing.B) {
		i := uint64(1)
		for b.Loop() {
			i = 1 + (i+7919)%(size-1)
			if _, err := l.ConsistencyProof(ctx, i, size); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// storedNodesInclusion is the inclusion proof as it was built before the
// proof cache, the baseline of BenchmarkProof: one Pebble read per node of
// the proof and of the root, from a snapshot, then the check.
func storedNodesInclusion(l *Log, index, size uint64) ([]verify.Hash, error) {
	snap := l.db.NewSnapshot()
	defer snap.Close()
	nodes, err := merkleproof.Inclusion(index, size)
	if err != nil {
		return nil, err
	}
	hashes := make([][]byte, len(nodes.IDs))
	for i, id := range nodes.IDs {
		h, err := nodeHash(snap, id)
		if err != nil {
			return nil, err
		}
		hashes[i] = h[:]
	}
	folded, err := nodes.Rehash(hashes, rfc6962.DefaultHasher.HashChildren)
	if err != nil {
		return nil, err
	}
	p := make([]verify.Hash, len(folded))
	for i, h := range folded {
		p[i] = verify.Hash(h)
	}
	root, err := l.rootAt(snap, size)
	if err != nil {
		return nil, err
	}
	lh, err := nodeHash(snap, compact.NewNodeID(0, index))
	if err != nil {
		return nil, err
	}
	return p, verify.VerifyInclusion(index, size, lh, p, root)
}
