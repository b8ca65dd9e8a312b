package auditlog

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cockroachdb/pebble/v2"
)

// Store is a key namespace that a layer above the engine owns, inside the
// log's Pebble database: a records layer keeps its indexes, counters and
// idempotency keys here, the anchorer its progress. Keys are relative to
// the namespace and never collide with the engine's keys or with another
// namespace's.
//
// A layer writes its keys in two ways. [Store.Append] and [Store.Update] go
// through the log's committer: their writes land in the same synced batch
// as the leaves they accompany, and every later transaction sees them at
// once, durable or not yet. [Store.Put] and [Store.Delete] write straight
// to Pebble, durably, and are for keys that no transaction touches at the
// same time (a layer's own progress records); a transaction of a group
// still in flight may not see them.
//
// A Store is safe for concurrent use.
type Store struct {
	l      *Log
	prefix []byte
}

// Store returns the store of a namespace. Namespaces are non-empty and
// hold no NUL byte.
func (l *Log) Store(namespace string) (*Store, error) {
	if namespace == "" || strings.IndexByte(namespace, 0) >= 0 {
		return nil, fmt.Errorf("%w: store namespace %q must be non-empty without NUL bytes", ErrInvalidOptions, namespace)
	}
	if err := l.checkOpen(); err != nil {
		return nil, err
	}
	p := append([]byte{famStore}, namespace...)
	return &Store{l: l, prefix: append(p, 0)}, nil
}

// writable returns nil when the store may be written: the log is open and
// neither opened with Options.ReadOnly nor signed by another key.
func (s *Store) writable() error {
	if err := s.l.checkOpen(); err != nil {
		return err
	}
	return s.l.readOnly
}

func (s *Store) key(k []byte) []byte {
	b := make([]byte, 0, len(s.prefix)+len(k))
	return append(append(b, s.prefix...), k...)
}

// Entry is one leaf appended through a [Store], with what the layer above
// writes beside it.
type Entry struct {
	// Leaf is the leaf's bytes, as for [Log.Append].
	Leaf []byte
	// Key is an idempotency key in the store's namespace; nil (or empty):
	// none. When Key is already recorded, or earlier in the same call,
	// nothing is written for the entry (its Write does not run) and the
	// first index is returned with Existing set. Otherwise the engine
	// records the entry's index under Key, as 8 big-endian bytes, in the
	// same batch as the leaf; the layer may read that key like its others.
	Key []byte
	// Write, optional, runs in the committer after the entry's index is
	// assigned. Its writes go into the same synced Pebble batch as the leaf;
	// an error (or a panic) rejects the whole call, writing nothing. It
	// MUST NOT call methods of the log or keep tx after it returns, and
	// should be quick: every append of the log waits for it.
	Write func(tx *Tx, index uint64) error
}

// Appended is where an [Entry] went.
type Appended struct {
	Index    uint64 // the leaf index
	Existing bool   // the entry's Key was already recorded: nothing was written, Index is the first one
}

// Append adds entries atomically: when it returns nil every new entry is
// durable with consecutive indices (entries whose Key was already recorded
// get their first index instead), together with the idempotency keys and
// the writes of their Write functions, in one synced Pebble batch; when it
// returns an error nothing of the call was written. It is group-committed
// with every other append of the log, and is safe for concurrent use.
//
// If ctx is done before Append returns, it returns ctx's error and the
// entries may or may not have been added.
func (s *Store) Append(ctx context.Context, es []Entry) ([]Appended, error) {
	if len(es) == 0 {
		return nil, fmt.Errorf("%w: an empty batch", ErrEmptyLeaf)
	}
	r := &appendReq{prefix: s.prefix, entries: make([]entry, len(es))}
	for i, e := range es {
		r.entries[i] = entry{leaf: e.Leaf, write: e.Write}
		if len(e.Key) > 0 {
			r.entries[i].key = s.key(e.Key)
		}
	}
	return s.l.appendEntries(ctx, r)
}

// Update runs fn in the committer, ordered with the appends of the log, and
// commits its writes in one synced batch: when Update returns nil they are
// durable, and every transaction staged after fn ran sees them; when fn or
// the commit fails, nothing is written. The rules of [Entry.Write] apply
// to fn.
func (s *Store) Update(ctx context.Context, fn func(tx *Tx) error) error {
	if fn == nil {
		return fmt.Errorf("%w: Update needs a function", ErrInvalidOptions)
	}
	_, err := s.l.appendEntries(ctx, &appendReq{prefix: s.prefix, update: fn})
	return err
}

// Get returns the value of key, or an error wrapping ErrNotFound. It reads
// the durable store.
func (s *Store) Get(key []byte) ([]byte, error) {
	var v []byte
	err := s.l.withDB(func(db *pebble.DB) error {
		var err error
		v, err = getFrom(db, s.key(key))
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("%w: key %q", ErrNotFound, key)
	}
	return v, err
}

// Put sets key to value, durably, outside the committer (see [Store]).
// A read-only log returns [ErrReadOnly] (or [ErrWrongKey]).
func (s *Store) Put(key, value []byte) error {
	if err := s.writable(); err != nil {
		return err
	}
	return s.l.withDB(func(db *pebble.DB) error {
		if err := db.Set(s.key(key), value, pebble.Sync); err != nil {
			return fmt.Errorf("auditlog: store put: %w", err)
		}
		return nil
	})
}

// Delete removes key, durably, outside the committer (see [Store]).
// Deleting an absent key is not an error. A read-only log returns
// [ErrReadOnly] (or [ErrWrongKey]).
func (s *Store) Delete(key []byte) error {
	if err := s.writable(); err != nil {
		return err
	}
	return s.l.withDB(func(db *pebble.DB) error {
		if err := db.Delete(s.key(key), pebble.Sync); err != nil {
			return fmt.Errorf("auditlog: store delete: %w", err)
		}
		return nil
	})
}

// Scan calls fn for each key with the given prefix, in key order, from the
// durable store. fn must not keep k or v after it returns.
func (s *Store) Scan(prefix []byte, fn func(k, v []byte) error) error {
	return s.l.withDB(func(db *pebble.DB) error {
		lo := s.key(prefix)
		it, err := db.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: PrefixEnd(lo)})
		if err != nil {
			return err
		}
		defer it.Close()
		for it.First(); it.Valid(); it.Next() {
			if err := fn(it.Key()[len(s.prefix):], it.Value()); err != nil {
				return err
			}
		}
		return it.Error()
	})
}

// Compact asks Pebble to rewrite the keys of the namespace in [lo, hi) now
// (hi nil: to the end of the namespace), so that the bytes of deleted keys
// leave the sstables at once rather than at some later compaction. It is
// best effort: an open snapshot ([View]), or a write-ahead log file not yet
// reused, may hold them a while longer.
func (s *Store) Compact(ctx context.Context, lo, hi []byte) error {
	if err := s.writable(); err != nil {
		return err
	}
	start, end := s.key(lo), PrefixEnd(s.prefix)
	if hi != nil {
		end = s.key(hi)
	}
	if bytes.Compare(start, end) >= 0 {
		return nil
	}
	return s.l.withDB(func(db *pebble.DB) error {
		if err := db.Compact(ctx, start, end, false); err != nil {
			return fmt.Errorf("auditlog: store compact: %w", err)
		}
		return nil
	})
}

// withDB runs fn on the open database, holding the log open meanwhile so
// that Close cannot close the database under fn.
func (l *Log) withDB(fn func(db *pebble.DB) error) error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed {
		return ErrClosed
	}
	return fn(l.db)
}

type txWrite struct {
	value []byte
	del   bool
}

// Tx is a store's view inside the committer, given to [Entry.Write] and to
// the function of [Store.Update]; keys are relative to the namespace. Reads
// see, newest first, this request's own writes, those of the earlier
// requests of the group being staged and of the group in flight (not yet
// durable), then the store: every write committed or queued before. Writes
// reach the batch only when the whole request succeeds. A Tx is valid only
// until its function returns, and only in the committer's goroutine.
type Tx struct {
	l      *Log
	g      *group // the group being staged
	prev   *group // the group being synced, or nil
	prefix []byte
	writes map[string]txWrite
	order  []string
	done   bool
}

var errTxDone = fmt.Errorf("%w: a Tx used after its function returned", ErrClosed)

// Get returns the value of k, or ErrNotFound.
func (t *Tx) Get(k []byte) ([]byte, error) {
	if t.done {
		return nil, errTxDone
	}
	return t.rawGet(t.key(k))
}

// Set sets k to a copy of v.
func (t *Tx) Set(k, v []byte) error {
	if t.done {
		return errTxDone
	}
	t.put(string(t.key(k)), txWrite{value: bytes.Clone(v)})
	return nil
}

// Delete removes k; deleting an absent key is not an error.
func (t *Tx) Delete(k []byte) error {
	if t.done {
		return errTxDone
	}
	t.put(string(t.key(k)), txWrite{del: true})
	return nil
}

func (t *Tx) key(k []byte) []byte {
	b := make([]byte, 0, len(t.prefix)+len(k))
	return append(append(b, t.prefix...), k...)
}

func (t *Tx) end() { t.done = true }

func (t *Tx) rawGet(k []byte) ([]byte, error) {
	for _, m := range []map[string]txWrite{t.writes, t.g.overlay, t.prevOverlay()} {
		if w, ok := m[string(k)]; ok {
			if w.del {
				return nil, ErrNotFound
			}
			return bytes.Clone(w.value), nil
		}
	}
	return getFrom(t.l.db, k)
}

func (t *Tx) prevOverlay() map[string]txWrite {
	if t.prev == nil || t.prev.synced.Load() {
		return nil
	}
	return t.prev.overlay
}

// put records a write (or a deletion), remembering the first-write order.
func (t *Tx) put(k string, w txWrite) {
	if _, ok := t.writes[k]; !ok {
		t.order = append(t.order, k)
	}
	t.writes[k] = w
}

// apply stages the request's writes into the group's batch and overlay.
func (t *Tx) apply() error {
	if len(t.order) > 0 && t.g.overlay == nil {
		t.g.overlay = make(map[string]txWrite, len(t.order))
	}
	for _, k := range t.order {
		w := t.writes[k]
		var err error
		if w.del {
			err = t.g.batch.Delete([]byte(k), nil)
		} else {
			err = t.g.batch.Set([]byte(k), w.value, nil)
		}
		if err != nil {
			return fmt.Errorf("auditlog: stage: %w", err)
		}
		t.g.overlay[k] = w
	}
	return nil
}

// Scrub runs fn like [Store.Update] and then makes sure that the bytes it
// overwrote or deleted leave every file of the database, not only the live
// key space: when Scrub returns nil, no write-ahead log, sstable or
// MANIFEST entry written before holds a key or value that fn deleted or
// overwrote, as long as no [View] of the log was open meanwhile (a Pebble
// snapshot keeps deleted keys alive) and the deleted keys were never the
// first or last key of an sstable written before (the MANIFEST records
// those boundary keys; see below).
//
// It does so in this order: fn's writes are committed in one synced batch
// together with two marker keys at the two ends of the namespace, so that
// the memtable holding them, once flushed, is bounded by the markers and
// not by a deleted key; the memtable is flushed (its write-ahead log file
// becomes obsolete); the whole namespace is compacted to the last level,
// which drops the deletion tombstones and the older versions; the markers
// are deleted and flushed the same way; and Scrub waits until Pebble has
// removed the obsolete files. The log deletes obsolete write-ahead log
// files rather than recycling them (a recycled file keeps its old bytes
// past the new writes).
//
// Scrub costs a flush and a compaction of the namespace: it is for erasure,
// not for every write. A boundary key recorded in the MANIFEST by an
// earlier flush or compaction stays in the MANIFEST until Pebble rewrites
// it; a layer keeps personal data out of its keys to be safe from that.
func (s *Store) Scrub(ctx context.Context, fn func(tx *Tx) error) error {
	if fn == nil {
		return fmt.Errorf("%w: Scrub needs a function", ErrInvalidOptions)
	}
	if err := s.writable(); err != nil {
		return err
	}
	lo, hi := s.scrubMarkers()
	err := s.Update(ctx, func(tx *Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		tx.put(string(lo), txWrite{value: []byte{}})
		tx.put(string(hi), txWrite{value: []byte{}})
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.flushCompact(ctx); err != nil {
		return err
	}
	err = s.Update(ctx, func(tx *Tx) error {
		tx.put(string(lo), txWrite{del: true})
		tx.put(string(hi), txWrite{del: true})
		return nil
	})
	if err != nil {
		return err
	}
	return s.flushCompact(ctx)
}

// scrubMarkers are the two keys of Scrub, raw (with the namespace prefix):
// the namespace's smallest key (the empty relative key) and a key above
// every key a layer writes (layers write no key starting with 0xff 0xff).
func (s *Store) scrubMarkers() (lo, hi []byte) {
	return bytes.Clone(s.prefix), append(bytes.Clone(s.prefix), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
}

func (s *Store) flushCompact(ctx context.Context) error {
	return s.l.withDB(func(db *pebble.DB) error {
		if err := db.Flush(); err != nil {
			return fmt.Errorf("auditlog: scrub: flush: %w", err)
		}
		if err := db.Compact(ctx, s.prefix, PrefixEnd(s.prefix), false); err != nil {
			return fmt.Errorf("auditlog: scrub: compact: %w", err)
		}
		// Pebble deletes obsolete files in the background; Scrub's guarantee
		// needs them gone. (The method's name notwithstanding, it only waits
		// for the cleaner to go idle.)
		db.TestOnlyWaitForCleaning()
		return nil
	})
}

// deletingCleaner deletes obsolete files, like Pebble's default cleaner,
// and also stops Pebble from recycling write-ahead log files: Pebble does
// not recycle logs when the cleaner declares that it needs file contents,
// which the more deeply embedded ArchiveCleaner does (its Clean is shadowed
// by DeleteCleaner's). A recycled log keeps the bytes of its old records
// beyond what its new records overwrite, and waits on disk until reused.
type deletingCleaner struct {
	pebble.DeleteCleaner
	noRecycle
}

type noRecycle struct{ pebble.ArchiveCleaner }
