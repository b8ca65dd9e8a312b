package auditlog

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/cockroachdb/pebble/v2"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// Reads by range, for serving the tree as tiles (package auditlog/tiles):
// a run of consecutive node hashes at one level, or a run of leaves, each
// read from one Pebble snapshot with one iterator.

// maxLevel is the highest level a node of a tree of at most 2^64-1 leaves
// can have.
const maxLevel = 63

// NodeHashes returns the hashes of the count perfect subtrees at level
// (0 for leaf hashes) with indexes start, start+1, ..., read from one
// snapshot. Every one of them MUST be complete in the tree of size: the
// subtree start+count-1 at level ends at or before leaf size, and size
// MUST NOT exceed the committed size; otherwise NodeHashes returns
// [ErrOutOfRange] and reads nothing. Because complete subtrees never
// change, the hashes returned are those of every tree of size or more;
// a caller that bounds size by a signed checkpoint serves nothing that
// checkpoint does not cover. A hash that must be stored but is not gives
// an [*IntegrityError] of Kind "missing".
func (l *Log) NodeHashes(ctx context.Context, size uint64, level uint, start uint64, count int) ([]verify.Hash, error) {
	if err := l.checkOpen(); err != nil {
		return nil, err
	}
	if err := checkRun(l.Size(), size, level, start, count); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	end := start + uint64(count)
	lo, hi := hashKey(level, start), hashKey(level, end)
	if level == 0 {
		lo, hi = leafKey(start), leafKey(end)
	}
	out := make([]verify.Hash, 0, count)
	err := l.scanRun(lo, hi, start, end, level, func(idx uint64, v []byte) error {
		if level == 0 && len(v) > verify.HashSize {
			v = v[:verify.HashSize]
		}
		if len(v) != verify.HashSize {
			return &IntegrityError{Kind: "missing", Level: level, Index: idx, Err: fmt.Errorf("stored hash has %d bytes", len(v))}
		}
		out = append(out, verify.Hash(v))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// LeafRange returns the count leaves with indexes start, start+1, ...,
// read from one snapshot. start+count MUST NOT exceed size, nor size the
// committed size; otherwise LeafRange returns [ErrOutOfRange].
func (l *Log) LeafRange(ctx context.Context, size, start uint64, count int) ([][]byte, error) {
	if err := l.checkOpen(); err != nil {
		return nil, err
	}
	if err := checkRun(l.Size(), size, 0, start, count); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	end := start + uint64(count)
	out := make([][]byte, 0, count)
	err := l.scanRun(leafKey(start), leafKey(end), start, end, 0, func(idx uint64, v []byte) error {
		leaf, err := leafBytesOf(idx, v)
		if err != nil {
			return err
		}
		out = append(out, append([]byte(nil), leaf...))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// checkRun checks that the count nodes at level from start are complete
// in a tree of size, and that size is committed.
func checkRun(committed, size uint64, level uint, start uint64, count int) error {
	if size > committed {
		return fmt.Errorf("%w: tree size %d, committed size %d", ErrOutOfRange, size, committed)
	}
	if level > maxLevel || count <= 0 {
		return fmt.Errorf("%w: %d nodes at level %d", ErrOutOfRange, count, level)
	}
	complete := size >> level // nodes of level that are complete in size
	if start >= complete || uint64(count) > complete-start {
		return fmt.Errorf("%w: nodes [%d, %d+%d) at level %d of a tree of size %d (%d complete)", ErrOutOfRange, start, start, count, level, size, complete)
	}
	return nil
}

// scanRun iterates the keys [lo, hi) of one snapshot, which must be the
// nodes start..end-1 of level (leaf records at level 0), in order, and
// calls fn for each with its index.
func (l *Log) scanRun(lo, hi []byte, start, end uint64, level uint, fn func(idx uint64, v []byte) error) error {
	snap := l.db.NewSnapshot()
	defer snap.Close()
	it, err := snap.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
	if err != nil {
		return fmt.Errorf("auditlog: read: %w", err)
	}
	defer it.Close()
	next := start
	for it.First(); it.Valid(); it.Next() {
		k := it.Key()
		idx := binary.BigEndian.Uint64(k[len(k)-8:])
		if idx != next {
			break
		}
		if err := fn(idx, it.Value()); err != nil {
			return err
		}
		next++
	}
	if err := it.Error(); err != nil {
		return fmt.Errorf("auditlog: read: %w", err)
	}
	if next != end {
		return &IntegrityError{Kind: "missing", Level: level, Index: next, Err: errors.New("stored hash missing")}
	}
	return nil
}
