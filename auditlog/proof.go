package auditlog

import (
	"context"
	"fmt"

	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// InclusionProof returns the RFC 6962 inclusion proof of the leaf at index
// in the tree of the given size. The proof is verified against the root at
// that size before it is returned. It reads the committed tree directly
// (complete nodes never change, so no snapshot is needed) and, beyond the
// cached upper levels, one run of at most 16 stored leaf hashes (see
// nodecache.go).
func (l *Log) InclusionProof(ctx context.Context, index, size uint64) ([]verify.Hash, error) {
	if err := l.checkOpen(); err != nil {
		return nil, err
	}
	if size > l.Size() || index >= size {
		return nil, fmt.Errorf("%w: inclusion of leaf %d in size %d (tree size %d)", ErrOutOfRange, index, size, l.Size())
	}
	return l.inclusionFrom(l.db, index, size)
}

// inclusionFrom builds and verifies the inclusion proof of index in size
// from r, which must hold the tree of that size.
func (l *Log) inclusionFrom(r reader, index, size uint64) ([]verify.Hash, error) {
	nodes, err := proof.Inclusion(index, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrOutOfRange, err)
	}
	src := &nodeSource{l: l, r: r, size: size}
	if err := src.loadBlock(index); err != nil {
		return nil, err
	}
	p, err := fetchProof(src, nodes)
	if err != nil {
		return nil, err
	}
	root, err := src.root()
	if err != nil {
		return nil, err
	}
	lh := src.leaves[index-src.base]
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
	nodes, err := proof.Consistency(size1, size2)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrOutOfRange, err)
	}
	src2 := &nodeSource{l: l, r: l.db, size: size2}
	p, err := fetchProof(src2, nodes)
	if err != nil {
		return nil, err
	}
	r1 := verify.EmptyRoot()
	if size1 > 0 {
		if r1, err = (&nodeSource{l: l, r: l.db, size: size1}).root(); err != nil {
			return nil, err
		}
	}
	r2 := verify.EmptyRoot()
	if size2 > 0 {
		if r2, err = src2.root(); err != nil {
			return nil, err
		}
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

// fetchProof reads the nodes of a proof from src and folds them into the
// proof's hashes.
func fetchProof(src *nodeSource, nodes proof.Nodes) ([]verify.Hash, error) {
	hs := make([]verify.Hash, len(nodes.IDs))
	hashes := make([][]byte, len(nodes.IDs))
	for i, id := range nodes.IDs {
		h, err := src.node(id)
		if err != nil {
			return nil, err
		}
		hs[i] = h
		hashes[i] = hs[i][:]
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
