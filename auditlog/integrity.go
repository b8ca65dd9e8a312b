package auditlog

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/cockroachdb/pebble/v2"
	"github.com/transparency-dev/merkle/compact"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// CheckIntegrity recomputes every hash from the stored leaves and compares
// it with the stored leaf and node hashes and with every stored checkpoint
// (whose signatures it checks when Options.Verifier is set). It returns nil
// or an [*IntegrityError] naming the first mismatch. It reads the store
// sequentially, one pass over the leaves and one over each level of nodes.
func (l *Log) CheckIntegrity(ctx context.Context) error {
	return l.CheckIntegrityProgress(ctx, nil)
}

// ProgressEvery is how many leaves pass between two calls of a progress
// callback ([Log.CheckIntegrityProgress], export.Options.Progress).
const ProgressEvery = 4096

// CheckIntegrityProgress is [Log.CheckIntegrity] that reports its progress:
// progress, when not nil, is called with the leaves checked so far and
// the tree size, every [ProgressEvery] leaves and once at the end, from
// the calling goroutine. It is for a program's progress bar; the check
// does not depend on it.
func (l *Log) CheckIntegrityProgress(ctx context.Context, progress func(done, total uint64)) error {
	if err := l.checkOpen(); err != nil {
		return err
	}
	snap := l.db.NewSnapshot()
	defer snap.Close()
	size, err := l.viewSize(snap)
	if err != nil {
		return err
	}
	// Checkpoints from the same snapshot as the tree: one signed after the
	// snapshot was taken may be beyond its size.
	cps := map[uint64]SignedCheckpoint{}
	if err := l.checkpointsFrom(ctx, snap, func(cp SignedCheckpoint) error {
		if cp.Size > size {
			return &IntegrityError{Kind: "checkpoint", Index: cp.Size, Err: errors.New("beyond the tree size")}
		}
		if l.opts.Verifier != nil {
			if _, err := verify.OpenCheckpoint(cp.Note, l.opts.Verifier); err != nil {
				return &IntegrityError{Kind: "checkpoint", Index: cp.Size, Err: err}
			}
		}
		cps[cp.Size] = cp
		return nil
	}); err != nil {
		return err
	}
	if cp, ok := cps[0]; ok && cp.Root != verify.EmptyRoot() {
		return &IntegrityError{Kind: "checkpoint", Index: 0, Want: verify.EmptyRoot(), Got: cp.Root}
	}

	nodes := &nodeCursors{snap: snap, its: map[uint]*pebble.Iterator{}}
	defer nodes.close()
	var bad error
	visit := func(id compact.NodeID, hash []byte) {
		if bad != nil || id.Level == 0 {
			return
		}
		got, err := nodes.next(id)
		if err != nil {
			bad = err
			return
		}
		if got != verify.Hash(hash) {
			bad = &IntegrityError{Kind: "node", Level: id.Level, Index: id.Index, Want: verify.Hash(hash), Got: got}
		}
	}

	it, err := snap.NewIter(&pebble.IterOptions{LowerBound: leafKey(0), UpperBound: leafKey(size)})
	if err != nil {
		return err
	}
	defer it.Close()
	rng := factory.NewEmptyRange(0)
	i := uint64(0)
	for it.First(); it.Valid(); it.Next() {
		if i%ProgressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil && i > 0 {
				progress(i, size)
			}
		}
		if idx := binary.BigEndian.Uint64(it.Key()[1:]); idx != i {
			return &IntegrityError{Kind: "missing", Index: i, Err: errors.New("leaf missing")}
		}
		v := it.Value()
		leaf, err := leafBytesOf(i, v)
		if err != nil {
			return err
		}
		h := verify.LeafHash(leaf)
		if stored := verify.Hash(v[:verify.HashSize]); stored != h {
			return &IntegrityError{Kind: "leaf", Index: i, Want: h, Got: stored}
		}
		if err := rng.Append(h[:], visit); err != nil {
			return fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		if bad != nil {
			return bad
		}
		if cp, ok := cps[i+1]; ok {
			root, err := rng.GetRootHash(nil)
			if err != nil {
				return fmt.Errorf("%w: %v", ErrCorrupt, err)
			}
			if verify.Hash(root) != cp.Root {
				return &IntegrityError{Kind: "checkpoint", Index: cp.Size, Want: verify.Hash(root), Got: cp.Root}
			}
		}
		i++
	}
	if err := it.Error(); err != nil {
		return err
	}
	if i != size {
		return &IntegrityError{Kind: "missing", Index: i, Err: errors.New("leaf missing")}
	}
	if progress != nil {
		progress(size, size)
	}
	return nil
}

// nodeCursors reads stored node hashes level by level, in index order, as
// a compact range that is appended to from 0 visits them.
type nodeCursors struct {
	snap *pebble.Snapshot
	its  map[uint]*pebble.Iterator
}

func (c *nodeCursors) next(id compact.NodeID) (verify.Hash, error) {
	it, ok := c.its[id.Level]
	if !ok {
		var err error
		it, err = c.snap.NewIter(&pebble.IterOptions{LowerBound: []byte{famHash, byte(id.Level)}, UpperBound: []byte{famHash, byte(id.Level) + 1}})
		if err != nil {
			return verify.Hash{}, err
		}
		c.its[id.Level] = it
		it.First()
	} else {
		it.Next()
	}
	if !it.Valid() || binary.BigEndian.Uint64(it.Key()[2:]) != id.Index {
		if err := it.Error(); err != nil {
			return verify.Hash{}, err
		}
		return verify.Hash{}, &IntegrityError{Kind: "missing", Level: id.Level, Index: id.Index, Err: errors.New("stored hash missing")}
	}
	v := it.Value()
	if len(v) != verify.HashSize {
		return verify.Hash{}, &IntegrityError{Kind: "missing", Level: id.Level, Index: id.Index, Err: fmt.Errorf("stored hash has %d bytes", len(v))}
	}
	return verify.Hash(v), nil
}

func (c *nodeCursors) close() {
	for _, it := range c.its {
		it.Close()
	}
}

func (l *Log) viewSize(r reader) (uint64, error) {
	sb, err := getFrom(r, keySize)
	if err != nil || len(sb) != 8 {
		return 0, &IntegrityError{Kind: "size", Err: errors.New("tree size record missing or malformed")}
	}
	return binary.BigEndian.Uint64(sb), nil
}
