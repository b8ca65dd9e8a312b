package auditlog

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/cockroachdb/pebble/v2"
)

// Read calls fn with a [Reader] of the view: positioned reads that share
// Pebble iterators, for a layer that reads many keys in key order (a scan
// of thousands of records) and would pay for a fresh iterator or a point
// lookup per key with [View.Get] and [View.Scan]. fn MUST NOT keep the
// Reader or its [Cursor]s after it returns, and MUST NOT call
// [View.Close] or [Log.Close]; the cursors it opened are closed when it
// returns.
func (v *View) Read(fn func(r *Reader) error) error {
	return v.with(func(snap *pebble.Snapshot) error {
		r := &Reader{v: v, snap: snap}
		defer r.close()
		return fn(r)
	})
}

// Reader reads a view through cursors; see [View.Read].
type Reader struct {
	v       *View
	snap    *pebble.Snapshot
	cursors []*Cursor
}

func (r *Reader) close() {
	for _, c := range r.cursors {
		c.it.Close()
	}
}

// Cursor reads the keys of one range of a view with one Pebble iterator.
// Seeks to increasing keys are the cheap case: Pebble then steps forward
// from where the cursor is rather than searching again.
type Cursor struct {
	it     *pebble.Iterator
	prefix []byte // of the namespace, or nil for leaves
	key    []byte // scratch buffer for the seek key
	leaves bool
	// fence: the range has no key in [fence, current key) (nothing in
	// [fence, ∞) when the iterator is exhausted); strict: (fence, current
	// key) instead. A seek to a key inside it needs no move.
	fence  []byte
	strict bool
	placed bool
}

// stepsBeforeSeek is how many keys a forward seek steps over with Next
// before it asks Pebble to search: in a dense range the key sought is
// usually the next one.
const stepsBeforeSeek = 4

// seek positions the iterator at the first key >= c.key.
func (c *Cursor) seek() bool {
	k := c.key
	if c.placed {
		if d := bytes.Compare(k, c.fence); d > 0 || (d == 0 && !c.strict) {
			if !c.it.Valid() {
				return false // nothing at or after the fence
			}
			for range stepsBeforeSeek {
				if bytes.Compare(k, c.it.Key()) <= 0 {
					return true
				}
				c.next()
				if !c.it.Valid() {
					return false
				}
			}
			if bytes.Compare(k, c.it.Key()) <= 0 {
				return true
			}
		}
	}
	ok := c.it.SeekGE(k)
	c.fence, c.strict, c.placed = append(c.fence[:0], k...), false, c.it.Error() == nil
	return ok
}

func (c *Cursor) next() bool {
	c.fence, c.strict = append(c.fence[:0], c.it.Key()...), true
	return c.it.Next()
}

// Cursor opens a cursor over the namespace's keys in [lo, hi) (hi nil: to
// the end of the namespace).
func (r *Reader) Cursor(lo, hi []byte) (*Cursor, error) {
	o := &pebble.IterOptions{LowerBound: r.v.key(lo), UpperBound: PrefixEnd(r.v.prefix)}
	if hi != nil {
		o.UpperBound = r.v.key(hi)
	}
	return r.open(o, r.v.prefix, false)
}

// Leaves opens a cursor over the leaves with start <= index < end, which
// must not exceed the view's size; read them with [Cursor.Leaf].
func (r *Reader) Leaves(start, end uint64) (*Cursor, error) {
	if start > end || end > r.v.size {
		return nil, fmt.Errorf("%w: leaves [%d, %d), view of tree size %d", ErrOutOfRange, start, end, r.v.size)
	}
	return r.open(&pebble.IterOptions{LowerBound: leafKey(start), UpperBound: leafKey(end)}, nil, true)
}

func (r *Reader) open(o *pebble.IterOptions, prefix []byte, leaves bool) (*Cursor, error) {
	it, err := r.snap.NewIter(o)
	if err != nil {
		return nil, fmt.Errorf("auditlog: read: %w", err)
	}
	c := &Cursor{it: it, prefix: prefix, leaves: leaves}
	r.cursors = append(r.cursors, c)
	return c, nil
}

// SeekGE positions the cursor at the first key >= k (relative to the
// namespace) and reports whether there is one in the cursor's range.
func (c *Cursor) SeekGE(k []byte) bool {
	c.key = append(append(c.key[:0], c.prefix...), k...)
	return c.seek()
}

// Next moves to the next key and reports whether there is one.
func (c *Cursor) Next() bool { return c.it.Valid() && c.next() }

// Skip moves past the current key with a seek rather than a step, and
// reports whether there is a key after it. A step ([Cursor.Next]) walks
// over every older version of the current key that compactions have not
// dropped yet; a seek goes around them. Use it where keys are overwritten
// often (a counter rewritten by every append).
func (c *Cursor) Skip() bool {
	if !c.it.Valid() {
		return false
	}
	c.key = append(append(c.key[:0], c.it.Key()...), 0)
	ok := c.it.SeekGE(c.key)
	c.fence, c.strict, c.placed = append(c.fence[:0], c.key...), false, c.it.Error() == nil
	return ok
}

// Key returns the current key, relative to the namespace. It is valid
// until the cursor moves.
func (c *Cursor) Key() []byte { return c.it.Key()[len(c.prefix):] }

// Value returns the current value, valid until the cursor moves.
func (c *Cursor) Value() []byte { return c.it.Value() }

// Get returns the value of k, valid until the cursor moves, or
// [ErrNotFound].
func (c *Cursor) Get(k []byte) ([]byte, error) {
	if !c.SeekGE(k) || !bytes.Equal(c.it.Key(), c.key) {
		return nil, c.notFound()
	}
	return c.it.Value(), nil
}

func (c *Cursor) notFound() error {
	if err := c.it.Error(); err != nil {
		return fmt.Errorf("auditlog: read: %w", err)
	}
	return ErrNotFound
}

// Leaf returns the bytes of the leaf at index from a cursor of
// [Reader.Leaves], valid until the cursor moves.
func (c *Cursor) Leaf(index uint64) ([]byte, error) {
	if !c.leaves {
		return nil, fmt.Errorf("%w: not a cursor of leaves", ErrOutOfRange)
	}
	c.key = binary.BigEndian.AppendUint64(append(c.key[:0], famLeaf), index)
	if !c.seek() || !bytes.Equal(c.it.Key(), c.key) {
		if err := c.it.Error(); err != nil {
			return nil, fmt.Errorf("auditlog: read: %w", err)
		}
		return nil, &IntegrityError{Kind: "missing", Index: index, Err: errors.New("leaf missing")}
	}
	return leafBytesOf(index, c.it.Value())
}

// Error returns the error the cursor met, if any.
func (c *Cursor) Error() error { return c.it.Error() }
