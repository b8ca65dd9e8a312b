package auditlog

import (
	"context"
	"encoding/binary"
	"fmt"

	"github.com/cockroachdb/pebble/v2"
)

// recView is a consistent read view of the log for the records layer: a
// Pebble snapshot and the tree size it holds. Its keys are relative to the
// records' key family.
type recView struct {
	snap *pebble.Snapshot
	size uint64
}

// recordView opens a read view; the caller must close it.
func (l *Log) recordView(ctx context.Context) (*recView, error) {
	if err := l.checkOpen(); err != nil {
		return nil, err
	}
	snap := l.db.NewSnapshot()
	sb, err := getFrom(snap, keySize)
	if err != nil || len(sb) != 8 {
		snap.Close()
		return nil, fmt.Errorf("%w: tree size record missing or malformed", ErrCorrupt)
	}
	return &recView{snap: snap, size: binary.BigEndian.Uint64(sb)}, nil
}

func (v *recView) close() { v.snap.Close() }

// get reads a records key; ErrNotFound when absent.
func (v *recView) get(k []byte) ([]byte, error) { return getFrom(v.snap, recordsKey(k)) }

// scan calls fn for every records key in [lo, hi), in order, with the key
// relative to the records family. fn must not keep k or val.
func (v *recView) scan(lo, hi []byte, fn func(k, val []byte) error) error {
	o := &pebble.IterOptions{LowerBound: recordsKey(lo)}
	if hi != nil {
		o.UpperBound = recordsKey(hi)
	} else {
		o.UpperBound = []byte{famRecords + 1}
	}
	it, err := v.snap.NewIter(o)
	if err != nil {
		return err
	}
	defer it.Close()
	for it.First(); it.Valid(); it.Next() {
		if err := fn(it.Key()[1:], it.Value()); err != nil {
			return err
		}
	}
	return it.Error()
}

// leaf reads the leaf at index as of the view.
func (v *recView) leaf(ctx context.Context, index uint64) ([]byte, error) {
	if index >= v.size {
		return nil, fmt.Errorf("%w: leaf %d, tree size %d", ErrOutOfRange, index, v.size)
	}
	return leafFrom(v.snap, index)
}

// checkpointForView returns a signed checkpoint of exactly the view's size,
// signing one when none is stored.
func (l *Log) checkpointForView(ctx context.Context, v *recView) (SignedCheckpoint, error) {
	return l.checkpointAt(ctx, v.snap, v.size)
}
