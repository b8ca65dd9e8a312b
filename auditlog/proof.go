package auditlog

import (
	"context"
	"fmt"

	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// InclusionProof returns the RFC 6962 inclusion proof of the leaf at index
// in the tree of the given size. The proof is verified against the root at
// that size before it is returned.
func (l *Log) InclusionProof(ctx context.Context, index, size uint64) ([]verify.Hash, error) {
	if err := l.checkOpen(); err != nil {
		return nil, err
	}
	if size > l.Size() || index >= size {
		return nil, fmt.Errorf("%w: inclusion of leaf %d in size %d (tree size %d)", ErrOutOfRange, index, size, l.Size())
	}
	snap := l.db.NewSnapshot()
	defer snap.Close()
	return l.inclusionFrom(snap, index, size)
}

// inclusionFrom builds and verifies the inclusion proof of index in size
// from r, which must hold the tree of that size.
func (l *Log) inclusionFrom(r reader, index, size uint64) ([]verify.Hash, error) {
	nodes, err := proof.Inclusion(index, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrOutOfRange, err)
	}
	p, err := fetchProof(r, nodes)
	if err != nil {
		return nil, err
	}
	root, err := l.rootAt(r, size)
	if err != nil {
		return nil, err
	}
	lh, err := nodeHash(r, compact.NewNodeID(0, index))
	if err != nil {
		return nil, err
	}
	if err := verify.VerifyInclusion(index, size, lh, p, root); err != nil {
		return nil, fmt.Errorf("%w: inclusion proof of leaf %d in size %d does not verify: %w", ErrCorrupt, index, size, err)
	}
	return p, nil
}

// ConsistencyProof returns the RFC 6962 consistency proof between the trees
// of size1 and size2, verified before it is returned.
func (l *Log) ConsistencyProof(ctx context.Context, size1, size2 uint64) ([]verify.Hash, error) {
	if err := l.checkOpen(); err != nil {
		return nil, err
	}
	if size1 > size2 || size2 > l.Size() {
		return nil, fmt.Errorf("%w: consistency from size %d to %d (tree size %d)", ErrOutOfRange, size1, size2, l.Size())
	}
	snap := l.db.NewSnapshot()
	defer snap.Close()
	nodes, err := proof.Consistency(size1, size2)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrOutOfRange, err)
	}
	p, err := fetchProof(snap, nodes)
	if err != nil {
		return nil, err
	}
	r1, err := l.rootAt(snap, size1)
	if err != nil {
		return nil, err
	}
	r2, err := l.rootAt(snap, size2)
	if err != nil {
		return nil, err
	}
	if err := verify.VerifyConsistency(size1, size2, p, r1, r2); err != nil {
		return nil, fmt.Errorf("%w: consistency proof %d->%d does not verify: %w", ErrCorrupt, size1, size2, err)
	}
	return p, nil
}

// RootAt returns the root hash of the tree of the given size.
func (l *Log) RootAt(ctx context.Context, size uint64) (verify.Hash, error) {
	if err := l.checkOpen(); err != nil {
		return verify.Hash{}, err
	}
	if size > l.Size() {
		return verify.Hash{}, fmt.Errorf("%w: size %d of a tree of size %d", ErrOutOfRange, size, l.Size())
	}
	return l.rootAt(l.db, size)
}

func fetchProof(r reader, nodes proof.Nodes) ([]verify.Hash, error) {
	hashes := make([][]byte, len(nodes.IDs))
	for i, id := range nodes.IDs {
		h, err := nodeHash(r, id)
		if err != nil {
			return nil, err
		}
		hashes[i] = h[:]
	}
	folded, err := nodes.Rehash(hashes, rfc6962.DefaultHasher.HashChildren)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	out := make([]verify.Hash, len(folded))
	for i, h := range folded {
		out[i] = verify.Hash(h)
	}
	return out, nil
}
