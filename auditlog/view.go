package auditlog

import (
	"context"
	"fmt"
	"sync"

	"github.com/cockroachdb/pebble/v2"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// View is a consistent read view of a store and of the tree: a Pebble
// snapshot, and the tree size it holds. Everything read through one View
// (the namespace's keys, leaves, the checkpoint and proofs) is of that one
// size, however the log grows meanwhile; the size is durable. Keys are
// relative to the store's namespace. A View is safe for concurrent use;
// [View.Close] it when done. [Log.Close] closes the views still open, and
// their methods then return [ErrClosed].
type View struct {
	l      *Log
	prefix []byte
	size   uint64

	mu   sync.RWMutex // guards snap against Close
	snap *pebble.Snapshot
}

// View opens a read view of the store; the caller must close it.
func (s *Store) View(ctx context.Context) (*View, error) {
	l := s.l
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed {
		return nil, ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	snap := l.db.NewSnapshot()
	size, err := l.viewSize(snap)
	if err != nil {
		snap.Close()
		return nil, err
	}
	v := &View{l: l, prefix: s.prefix, size: size, snap: snap}
	l.viewsMu.Lock()
	l.views[v] = struct{}{}
	l.viewsMu.Unlock()
	return v, nil
}

// Size returns the tree size the view holds.
func (v *View) Size() uint64 { return v.size }

// with runs fn on the view's snapshot, or returns ErrClosed.
func (v *View) with(fn func(snap *pebble.Snapshot) error) error {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.snap == nil {
		return ErrClosed
	}
	return fn(v.snap)
}

func (v *View) key(k []byte) []byte {
	b := make([]byte, 0, len(v.prefix)+len(k))
	return append(append(b, v.prefix...), k...)
}

// Get returns the value of k as of the view, or ErrNotFound.
func (v *View) Get(k []byte) ([]byte, error) {
	var out []byte
	err := v.with(func(snap *pebble.Snapshot) error {
		var err error
		out, err = getFrom(snap, v.key(k))
		return err
	})
	return out, err
}

// Scan calls fn for every key of the namespace in [lo, hi), in key order
// (hi nil: to the end of the namespace). fn must not keep k or val after it
// returns; an error from fn stops the scan and is returned.
func (v *View) Scan(lo, hi []byte, fn func(k, val []byte) error) error {
	o := &pebble.IterOptions{LowerBound: v.key(lo), UpperBound: PrefixEnd(v.prefix)}
	if hi != nil {
		o.UpperBound = v.key(hi)
	}
	return v.with(func(snap *pebble.Snapshot) error {
		it, err := snap.NewIter(o)
		if err != nil {
			return err
		}
		defer it.Close()
		for it.First(); it.Valid(); it.Next() {
			if err := fn(it.Key()[len(v.prefix):], it.Value()); err != nil {
				return err
			}
		}
		return it.Error()
	})
}

// Leaf returns the leaf at index, which must be below the view's size.
func (v *View) Leaf(index uint64) ([]byte, error) {
	if index >= v.size {
		return nil, fmt.Errorf("%w: leaf %d, view of tree size %d", ErrOutOfRange, index, v.size)
	}
	var out []byte
	err := v.with(func(snap *pebble.Snapshot) error {
		var err error
		out, err = leafFrom(snap, index)
		return err
	})
	return out, err
}

// Checkpoint returns a signed checkpoint of exactly the view's size: the
// stored one, or one signed and stored now when there is none. On a
// read-only log (see [ErrWrongKey]) only a stored one can be returned.
func (v *View) Checkpoint(ctx context.Context) (SignedCheckpoint, error) {
	var cp SignedCheckpoint
	err := v.with(func(snap *pebble.Snapshot) error {
		var err error
		cp, err = v.l.checkpointAt(ctx, snap, v.size)
		return err
	})
	return cp, err
}

// InclusionProof returns the RFC 6962 inclusion proof of the leaf at index
// in the tree of the view's size, verified against that tree's root before
// it is returned.
func (v *View) InclusionProof(ctx context.Context, index uint64) ([]verify.Hash, error) {
	if index >= v.size {
		return nil, fmt.Errorf("%w: inclusion of leaf %d in a view of tree size %d", ErrOutOfRange, index, v.size)
	}
	var p []verify.Hash
	err := v.with(func(snap *pebble.Snapshot) error {
		var err error
		p, err = v.l.inclusionFrom(snap, index, v.size)
		return err
	})
	return p, err
}

// Close releases the view's snapshot. Closing a closed view does nothing.
func (v *View) Close() {
	v.mu.Lock()
	snap := v.snap
	v.snap = nil
	v.mu.Unlock()
	if snap == nil {
		return
	}
	snap.Close()
	v.l.viewsMu.Lock()
	delete(v.l.views, v)
	v.l.viewsMu.Unlock()
}
