package auditlog

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/transparency-dev/merkle/compact"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// entry is one leaf and the side writes committed atomically with it.
type entry struct {
	leaf []byte
	// dedupKey, when non-nil, is an idempotency key: when a leaf with the
	// same key is already stored, or earlier in the same commit, nothing is
	// written and the existing index is returned.
	dedupKey []byte
	// side, when non-nil, runs in the committer after the leaf's index is
	// assigned. Its writes go into the same Pebble batch as the leaf; its
	// reads see the stored state plus the earlier writes of the same
	// commit. An error rejects the entry's whole request, writing nothing.
	side func(tx *sideTx, index uint64) error

	hash verify.Hash // leaf hash, computed by the caller's goroutine
}

type appendReq struct {
	entries []entry
	bytes   int
	done    chan appendResult
}

type appendResult struct {
	idx []uint64
	err error
}

// IndexFuture waits for an asynchronous append and returns its index.
type IndexFuture func() (uint64, error)

// Append adds leaf to the log and returns its index. When Append returns nil
// the leaf is durable: it was written with its tree nodes in one synced
// Pebble batch. Concurrent calls are group-committed: one batch and one
// fsync serve every append waiting at that moment.
//
// If ctx is done before Append returns, it returns ctx's error and the leaf
// may or may not have been added.
func (l *Log) Append(ctx context.Context, leaf []byte) (uint64, error) {
	idx, err := l.appendEntries(ctx, []entry{{leaf: leaf}})
	if err != nil {
		return 0, err
	}
	return idx[0], nil
}

// AppendBatch adds leaves atomically: all of them, with consecutive indices
// starting at the returned one, or none. It is durable when it returns nil.
func (l *Log) AppendBatch(ctx context.Context, leaves [][]byte) (uint64, error) {
	if len(leaves) == 0 {
		return 0, fmt.Errorf("%w: an empty batch", ErrEmptyLeaf)
	}
	es := make([]entry, len(leaves))
	for i, lf := range leaves {
		es[i].leaf = lf
	}
	idx, err := l.appendEntries(ctx, es)
	if err != nil {
		return 0, err
	}
	return idx[0], nil
}

// AppendAsync queues leaf and returns at once; the future returns the index
// once the leaf is durable. Leaves queued by one goroutine get increasing
// indices in the order queued. The caller must not modify leaf until the
// future has returned.
func (l *Log) AppendAsync(ctx context.Context, leaf []byte) IndexFuture {
	req, err := l.enqueue(ctx, []entry{{leaf: leaf}})
	if err != nil {
		return func() (uint64, error) { return 0, err }
	}
	return sync.OnceValues(func() (uint64, error) {
		idx, err := l.wait(ctx, req)
		if err != nil {
			return 0, err
		}
		return idx[0], nil
	})
}

// appendEntries is the one entry point of every append.
func (l *Log) appendEntries(ctx context.Context, es []entry) ([]uint64, error) {
	req, err := l.enqueue(ctx, es)
	if err != nil {
		return nil, err
	}
	return l.wait(ctx, req)
}

func (l *Log) enqueue(ctx context.Context, es []entry) (*appendReq, error) {
	req := &appendReq{entries: es, done: make(chan appendResult, 1)}
	for i := range es {
		n := len(es[i].leaf)
		switch {
		case n == 0:
			return nil, fmt.Errorf("%w: entry %d", ErrEmptyLeaf, i)
		case n > l.opts.MaxLeafSize:
			return nil, fmt.Errorf("%w: entry %d has %d bytes, the limit is %d", ErrLeafTooLarge, i, n, l.opts.MaxLeafSize)
		}
		es[i].hash = verify.LeafHash(es[i].leaf)
		req.bytes += n
	}
	if req.bytes > l.opts.MaxBatchBytes || len(es) > l.opts.MaxBatchEntries {
		return nil, fmt.Errorf("%w: a batch of %d entries and %d bytes exceeds the limits (%d entries, %d bytes)", ErrLeafTooLarge, len(es), req.bytes, l.opts.MaxBatchEntries, l.opts.MaxBatchBytes)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed {
		return nil, ErrClosed
	}
	if p := l.failed.Load(); p != nil {
		return nil, *p
	}
	if l.readOnly != nil {
		return nil, l.readOnly
	}
	select {
	case l.reqs <- req:
		return req, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (l *Log) wait(ctx context.Context, req *appendReq) ([]uint64, error) {
	select {
	case r := <-req.done:
		return r.idx, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// commitLoop is the committer goroutine. It stages each request into the
// current group's batch as it arrives; syncLoop commits one group at a
// time with one sync. While a group is being synced the next one grows, so
// that under load one fsync serves every request that arrived during the
// previous one; when nothing is being synced, the requests already queued
// are staged and the group goes at once.
//
// Requests that read the store (idempotency keys, side writes) are staged
// like the others: their reads go through the overlays of the group being
// staged and of the group in flight (the keys written by earlier reading
// requests, see [sideTx]) before the store, so they see every earlier
// write whether it is durable yet or not.
func (l *Log) commitLoop() {
	defer l.wg.Done()
	syncs := make(chan *group)
	done := make(chan struct{})
	l.wg.Add(1)
	go l.syncLoop(syncs, done)
	defer close(syncs)
	next := l.Size()
	var cur, inflight *group
	reqs := l.reqs
	full := func() bool {
		return cur != nil && (cur.entries >= l.opts.MaxBatchEntries || cur.bytes >= l.opts.MaxBatchBytes)
	}
	stage := func(r *appendReq) {
		if cur == nil {
			cur = &group{batch: l.db.NewBatch()}
		}
		next = l.stageInto(cur, inflight, r, next)
	}
	for {
		if cur != nil && inflight == nil {
			// Idle: take what is already queued, then sync.
		drain:
			for reqs != nil && !full() {
				select {
				case r, ok := <-reqs:
					if !ok {
						reqs = nil
						break drain
					}
					stage(r)
				default:
					break drain
				}
			}
			syncs <- cur
			inflight, cur = cur, nil
			continue
		}
		if reqs == nil && inflight == nil {
			return // cur is nil: it would have been flushed above
		}
		in := reqs
		if full() {
			in = nil // wait for the sync in flight
		}
		var synced <-chan struct{}
		if inflight != nil {
			synced = done
		}
		select {
		case <-synced:
			inflight = nil
		case r, ok := <-in:
			if !ok {
				reqs = nil
				continue
			}
			stage(r)
		}
	}
}

// group is one group commit: its requests, their batch and results.
type group struct {
	batch   *pebble.Batch
	reqs    []*appendReq
	out     []appendResult
	size    uint64 // tree size after the group
	entries int
	bytes   int
	added   int
	// overlay holds the idempotency and records keys written by the
	// group's reading requests, so that later reading requests see them
	// before the batch is committed. Only the committer touches it while
	// the group is staged; once handed to syncLoop it is only read.
	overlay map[string]txWrite
	// synced is set once the group's batch is committed and visible in the
	// store, before its requests are acknowledged: from then on its overlay
	// is not read any more, so a write made directly to the store after the
	// acknowledgement (Erase deleting a subject key) is never shadowed by it.
	synced atomic.Bool
}

func (r *appendReq) reads() bool {
	for i := range r.entries {
		if r.entries[i].dedupKey != nil || r.entries[i].side != nil {
			return true
		}
	}
	return false
}

// stageInto stages r into g, on top of tree size next and of the group
// prev being synced (nil if none), and returns the new size.
func (l *Log) stageInto(g, prev *group, r *appendReq, next uint64) uint64 {
	var res appendResult
	if p := l.failed.Load(); p != nil {
		res.err = *p
	} else {
		res.idx, res.err = l.stage(g, prev, r, &next)
	}
	if res.err == nil {
		g.added += len(r.entries)
	}
	g.reqs = append(g.reqs, r)
	g.out = append(g.out, res)
	g.entries += len(r.entries)
	g.bytes += r.bytes
	g.size = next
	return next
}

// syncLoop commits staged groups in order, one synced batch each, and
// acknowledges their requests once durable.
func (l *Log) syncLoop(syncs <-chan *group, done chan<- struct{}) {
	defer l.wg.Done()
	for g := range syncs {
		l.commitStaged(g)
		done <- struct{}{}
	}
}

func (l *Log) commitStaged(g *group) {
	defer g.batch.Close()
	var err error
	if p := l.failed.Load(); p != nil {
		err = *p
	}
	if err == nil {
		g.batch.Set(keySize, u64bytes(g.size), nil)
		start := time.Now()
		cerr := g.batch.Commit(pebble.Sync)
		l.m.observeCommit(time.Since(start), g.added)
		if cerr != nil {
			// The in-memory tree now runs ahead of the store: refuse
			// further appends until the log is reopened and restored.
			err = fmt.Errorf("%w: commit: %w", ErrFailed, cerr)
			l.failed.Store(&err)
			l.opts.Logger.Error("auditlog: commit failed; the log refuses appends until reopened", "err", cerr)
		}
	}
	if err != nil {
		for _, r := range g.reqs {
			r.done <- appendResult{err: err}
		}
		return
	}
	g.synced.Store(true)
	l.size.Store(g.size)
	for i, r := range g.reqs {
		r.done <- g.out[i]
	}
}

// stage adds one request to group g: all of its entries or, on an error,
// nothing.
func (l *Log) stage(g, prev *group, r *appendReq, size *uint64) ([]uint64, error) {
	b := g.batch
	idx := make([]uint64, len(r.entries))
	if !r.reads() {
		for i := range r.entries {
			e := &r.entries[i]
			idx[i] = *size
			setLeaf(b, *size, e.hash, e.leaf)
			if err := l.appendHash(b, e.hash); err != nil {
				return nil, err
			}
			*size++
		}
		return idx, nil
	}
	tx := &sideTx{l: l, g: g, prev: prev, writes: map[string]txWrite{}}
	next := *size
	var fresh []int // entries that add a leaf
	for i := range r.entries {
		e := &r.entries[i]
		if e.dedupKey != nil {
			v, err := tx.rawGet(dedupKey(e.dedupKey))
			switch {
			case err == nil && len(v) == 8:
				idx[i] = binary.BigEndian.Uint64(v)
				continue
			case err == nil:
				return nil, fmt.Errorf("%w: idempotency record of %d bytes", ErrCorrupt, len(v))
			case !errors.Is(err, ErrNotFound):
				return nil, err
			}
			tx.rawSet(dedupKey(e.dedupKey), u64bytes(next))
		}
		idx[i] = next
		if e.side != nil {
			if err := e.side(tx, next); err != nil {
				return nil, err
			}
		}
		fresh = append(fresh, i)
		next++
	}
	if err := tx.apply(); err != nil {
		return nil, err
	}
	for k, i := range fresh {
		e := &r.entries[i]
		setLeaf(b, *size+uint64(k), e.hash, e.leaf)
		if err := l.appendHash(b, e.hash); err != nil {
			return nil, err
		}
	}
	*size = next
	return idx, nil
}

// setLeaf stages a leaf record, the leaf's RFC 6962 hash then its bytes
// (keeping the level-0 hash with the leaf saves a key per append), straight
// into the batch's buffer without an intermediate copy.
func setLeaf(b *pebble.Batch, index uint64, h verify.Hash, leaf []byte) {
	op := b.SetDeferred(9, len(h)+len(leaf))
	op.Key[0] = famLeaf
	binary.BigEndian.PutUint64(op.Key[1:], index)
	copy(op.Value, h[:])
	copy(op.Value[len(h):], leaf)
	op.Finish()
}

// appendHash adds a leaf hash to the tree and stages every node it
// completes.
func (l *Log) appendHash(b *pebble.Batch, h verify.Hash) error {
	if err := l.rng.Append(h[:], func(id compact.NodeID, hash []byte) {
		if id.Level > 0 { // leaf hashes are stored with their leaves
			op := b.SetDeferred(10, len(hash))
			op.Key[0], op.Key[1] = famHash, byte(id.Level)
			binary.BigEndian.PutUint64(op.Key[2:], id.Index)
			copy(op.Value, hash)
			op.Finish()
		}
	}); err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return nil
}

type txWrite struct {
	value []byte
	del   bool
}

// sideTx is the view of the records layer inside a commit: keys are
// relative to the records' key family. Reads see, newest first, this
// request's own writes, the earlier reading requests of the group being
// staged, those of the group being synced, then the store. Writes reach the
// group's batch (and its overlay) only when the whole request succeeded.
type sideTx struct {
	l      *Log
	g      *group // the group being staged
	prev   *group // the group being synced, or nil
	writes map[string]txWrite
	order  []string
}

func (t *sideTx) rawGet(k []byte) ([]byte, error) {
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

func (t *sideTx) prevOverlay() map[string]txWrite {
	if t.prev == nil || t.prev.synced.Load() {
		return nil
	}
	return t.prev.overlay
}

func (t *sideTx) rawSet(k, v []byte) { t.put(string(k), txWrite{value: v}) }

// put records a write (or a deletion), remembering the first-write order.
func (t *sideTx) put(k string, w txWrite) {
	if _, ok := t.writes[k]; !ok {
		t.order = append(t.order, k)
	}
	t.writes[k] = w
}

// apply stages the request's writes into the group's batch and overlay.
func (t *sideTx) apply() error {
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

// get reads a records key; ErrNotFound when absent.
func (t *sideTx) get(k []byte) ([]byte, error) { return t.rawGet(recordsKey(k)) }

// set writes a records key.
func (t *sideTx) set(k, v []byte) error {
	t.rawSet(recordsKey(k), bytes.Clone(v))
	return nil
}

// delete removes a records key.
func (t *sideTx) delete(k []byte) error {
	t.put(string(recordsKey(k)), txWrite{del: true})
	return nil
}
