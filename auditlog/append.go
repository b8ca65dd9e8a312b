package auditlog

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/rfc6962"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// entry is one leaf of a request, with the idempotency key and the write
// function of its [Entry] (nil for [Log.Append]).
type entry struct {
	leaf  []byte
	key   []byte // the idempotency key, namespace prefix included; nil: none
	write func(tx *Tx, index uint64) error

	hash verify.Hash // leaf hash, computed by the caller's goroutine
}

// appendReq is one request to the committer: entries to append, or, for
// [Store.Update], a function of a transaction and no entries.
type appendReq struct {
	entries []entry
	prefix  []byte // the namespace of the request's transaction
	update  func(tx *Tx) error
	bytes   int
	done    chan appendResult

	// one and oneOut hold the entry and the result of a single-leaf
	// request ([Log.Append], [Log.AppendAsync]), so that it costs one
	// allocation rather than four.
	one    [1]entry
	oneOut [1]Appended
}

// reqPool recycles the requests of [Log.Append], with their done channel.
// A request goes back only once its result was received: a request whose
// caller gave up (ctx done) may still be answered by the committer, and is
// left to the collector.
var reqPool = sync.Pool{New: func() any { return &appendReq{done: make(chan appendResult, 1)} }}

// single returns a request for one leaf; pooled ones come from reqPool.
func single(leaf []byte, pooled bool) *appendReq {
	var r *appendReq
	if pooled {
		r = reqPool.Get().(*appendReq)
	} else {
		r = &appendReq{}
	}
	r.one[0] = entry{leaf: leaf}
	r.entries = r.one[:]
	return r
}

// release puts a pooled request back, clearing what it refers to.
func (r *appendReq) release() {
	done := r.done
	*r = appendReq{done: done}
	reqPool.Put(r)
}

type appendResult struct {
	out []Appended
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
	r := single(leaf, true)
	if err := l.enqueue(ctx, r); err != nil {
		r.release() // never sent to the committer
		return 0, err
	}
	select {
	case res := <-r.done:
		var i uint64
		if res.err == nil {
			i = res.out[0].Index
		}
		r.release()
		return i, res.err
	case <-ctx.Done():
		return 0, ctx.Err() // r may still be answered: not pooled again
	}
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
	out, err := l.appendEntries(ctx, &appendReq{entries: es})
	if err != nil {
		return 0, err
	}
	return out[0].Index, nil
}

// AppendAsync queues leaf and returns at once; the future returns the index
// once the leaf is durable. Leaves queued by one goroutine get increasing
// indices in the order queued. The caller must not modify leaf until the
// future has returned.
func (l *Log) AppendAsync(ctx context.Context, leaf []byte) IndexFuture {
	req := single(leaf, false)
	if err := l.enqueue(ctx, req); err != nil {
		return func() (uint64, error) { return 0, err }
	}
	return sync.OnceValues(func() (uint64, error) {
		out, err := l.wait(ctx, req)
		if err != nil {
			return 0, err
		}
		return out[0].Index, nil
	})
}

// appendEntries is the one entry point of every append and store update.
func (l *Log) appendEntries(ctx context.Context, req *appendReq) ([]Appended, error) {
	if err := l.enqueue(ctx, req); err != nil {
		return nil, err
	}
	return l.wait(ctx, req)
}

func (l *Log) enqueue(ctx context.Context, req *appendReq) error {
	if req.done == nil {
		req.done = make(chan appendResult, 1)
	}
	req.bytes = 0
	es := req.entries
	for i := range es {
		n := len(es[i].leaf)
		switch {
		case n == 0:
			return fmt.Errorf("%w: entry %d", ErrEmptyLeaf, i)
		case n > l.opts.MaxLeafSize:
			return fmt.Errorf("%w: entry %d has %d bytes, the limit is %d", ErrLeafTooLarge, i, n, l.opts.MaxLeafSize)
		}
		es[i].hash = leafHash(es[i].leaf)
		req.bytes += n
	}
	if req.bytes > l.opts.MaxBatchBytes || len(es) > l.opts.MaxBatchEntries {
		return fmt.Errorf("%w: a batch of %d entries and %d bytes exceeds the limits (%d entries, %d bytes)", ErrLeafTooLarge, len(es), req.bytes, l.opts.MaxBatchEntries, l.opts.MaxBatchBytes)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed {
		return ErrClosed
	}
	if p := l.failed.Load(); p != nil {
		return *p
	}
	// A read-only log (Options.ReadOnly, or signed by another key) runs
	// no committer: it adds no leaf and writes no store key.
	if l.readOnly != nil {
		return l.readOnly
	}
	select {
	case l.reqs <- req:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *Log) wait(ctx context.Context, req *appendReq) ([]Appended, error) {
	select {
	case r := <-req.done:
		return r.out, r.err
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
// Requests that read the store (idempotency keys, write functions, store
// updates) are staged like the others: their reads go through the overlays
// of the group being staged and of the group in flight (the keys written by
// earlier reading requests, see [Tx]) before the store, so they see every
// earlier write whether it is durable yet or not.
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
	// The next group's batch and request lists start at the size of the
	// previous group's, so that under steady load they are allocated once
	// rather than grown by doubling (each growth copies the whole batch).
	var hintBytes, hintReqs int
	stage := func(r *appendReq) {
		if cur == nil {
			cur = &group{
				batch: l.db.NewBatchWithSize(hintBytes),
				reqs:  make([]*appendReq, 0, hintReqs),
				out:   make([]appendResult, 0, hintReqs),
			}
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
			hintBytes, hintReqs = min(cur.batch.Len()+batchSlack, l.opts.MaxBatchBytes+batchSlack), len(cur.reqs)
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

// batchSlack is room for the tree size record and a few keys beyond the
// previous group's batch when sizing the next one.
const batchSlack = 1 << 10

// group is one group commit: its requests, their batch and results.
type group struct {
	batch   *pebble.Batch
	reqs    []*appendReq
	out     []appendResult
	size    uint64 // tree size after the group
	entries int
	bytes   int
	added   int
	// overlay holds the store keys (idempotency keys included) written by
	// the group's reading requests, so that later reading requests see them
	// before the batch is committed. Only the committer touches it while
	// the group is staged; once handed to syncLoop it is only read.
	overlay map[string]txWrite
	// synced is set once the group's batch is committed and visible in the
	// store, before its requests are acknowledged: from then on its overlay
	// is not read any more, so a write made directly to the store after the
	// acknowledgement ([Store.Put], [Store.Delete]) is never shadowed by it.
	synced atomic.Bool
}

func (r *appendReq) reads() bool {
	if r.update != nil {
		return true
	}
	for i := range r.entries {
		if r.entries[i].key != nil || r.entries[i].write != nil {
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
		res.out, res.err = l.stage(g, prev, r, &next)
	}
	if res.err == nil {
		for _, a := range res.out {
			if !a.Existing { // a keyed entry already in the log adds nothing
				g.added++
			}
		}
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

// stage adds one request to group g: all of its entries and writes or, on
// an error, nothing.
func (l *Log) stage(g, prev *group, r *appendReq, size *uint64) ([]Appended, error) {
	b := g.batch
	var out []Appended
	if len(r.entries) == 1 && &r.entries[0] == &r.one[0] {
		out = r.oneOut[:]
	} else {
		out = make([]Appended, len(r.entries))
	}
	if !r.reads() {
		for i := range r.entries {
			e := &r.entries[i]
			out[i].Index = *size
			setLeaf(b, *size, e.hash, e.leaf)
			if err := l.appendHash(b, e.hash); err != nil {
				return nil, err
			}
			*size++
		}
		return out, nil
	}
	tx := &Tx{l: l, g: g, prev: prev, prefix: r.prefix, writes: map[string]txWrite{}}
	defer tx.end()
	if r.update != nil {
		if err := callLayer(func() error { return r.update(tx) }); err != nil {
			return nil, err
		}
	}
	next := *size
	var fresh []int // entries that add a leaf
	for i := range r.entries {
		e := &r.entries[i]
		if e.key != nil {
			v, err := tx.rawGet(e.key)
			switch {
			case err == nil && len(v) == 8:
				out[i] = Appended{Index: binary.BigEndian.Uint64(v), Existing: true}
				continue
			case err == nil:
				return nil, fmt.Errorf("%w: idempotency key %q holds %d bytes, not an index", ErrCorrupt, e.key[len(r.prefix):], len(v))
			case !errors.Is(err, ErrNotFound):
				return nil, err
			}
			tx.put(string(e.key), txWrite{value: u64bytes(next)})
		}
		out[i].Index = next
		if e.write != nil {
			if err := callLayer(func() error { return e.write(tx, next) }); err != nil {
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
	return out, nil
}

// callLayer runs a function of the layer above in the committer. A panic in
// it would end the committer and with it every append of the process: it
// becomes the error of its own request instead, which then writes nothing.
func callLayer(fn func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("auditlog: a store write function panicked: %v", p)
		}
	}()
	return fn()
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
	l.tree.append(b, h)
	return nil
}

// frontier is the committer's tree: its size and the hashes of the perfect
// subtrees that make up [0, size), largest first (the compact range of
// [0, size), as [compact.Range] holds it). It appends without allocating.
type frontier struct {
	size   uint64
	hashes []verify.Hash
}

// newFrontier takes the state of a compact range of [0, size).
func newFrontier(r *compact.Range) frontier {
	f := frontier{size: r.End(), hashes: make([]verify.Hash, 0, 64)}
	for _, h := range r.Hashes() {
		f.hashes = append(f.hashes, verify.Hash(h))
	}
	return f
}

// append adds leaf hash h and stages into b the hash of every perfect
// subtree it completes (levels >= 1; leaf hashes are stored with their
// leaves): as many as the trailing one bits of the size before it.
func (f *frontier) append(b *pebble.Batch, h verify.Hash) {
	var buf [1 + 2*verify.HashSize]byte
	buf[0] = rfc6962.RFC6962NodeHashPrefix
	idx := f.size
	for level := byte(1); idx&1 == 1; level++ {
		copy(buf[1:], f.hashes[len(f.hashes)-1][:])
		copy(buf[1+verify.HashSize:], h[:])
		h = sha256.Sum256(buf[:])
		f.hashes = f.hashes[:len(f.hashes)-1]
		idx >>= 1
		op := b.SetDeferred(10, verify.HashSize)
		op.Key[0], op.Key[1] = famHash, level
		binary.BigEndian.PutUint64(op.Key[2:], idx)
		copy(op.Value, h[:])
		op.Finish()
	}
	f.hashes = append(f.hashes, h)
	f.size++
}

// leafHasher is a reusable SHA-256 state for [leafHash].
type leafHasher struct {
	h   hash.Hash
	sum [sha256.Size]byte
}

var leafHashers = sync.Pool{New: func() any { return &leafHasher{h: sha256.New()} }}

// leafHash is [verify.LeafHash], SHA-256(0x00 || leaf), without allocating:
// the hash state is pooled rather than made per leaf.
func leafHash(leaf []byte) verify.Hash {
	lh := leafHashers.Get().(*leafHasher)
	lh.h.Reset()
	lh.h.Write(leafPrefix[:])
	lh.h.Write(leaf)
	out := verify.Hash(lh.h.Sum(lh.sum[:0]))
	leafHashers.Put(lh)
	return out
}

var leafPrefix = [1]byte{rfc6962.RFC6962LeafHashPrefix}

// hashChildren is RFC 6962's interior node hash, SHA-256(0x01 || l || r),
// for [compact.Range]: one 32-byte allocation (the hash it returns, which
// the range keeps) instead of a hash state, a prefix copy and a sum.
func hashChildren(l, r []byte) []byte {
	var b [1 + 2*sha256.Size]byte
	b[0] = rfc6962.RFC6962NodeHashPrefix
	copy(b[1:], l)
	copy(b[1+sha256.Size:], r)
	h := sha256.Sum256(b[:])
	return h[:]
}
