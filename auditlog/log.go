package auditlog

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/vfs"
	"github.com/transparency-dev/merkle/compact"
	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/internal/pebbletune"
)

// Log is an append-only RFC 6962 Merkle log stored in Pebble. Its methods
// are safe for concurrent use.
type Log struct {
	opts Options
	db   *pebble.DB
	lock *pebble.Lock // the store's lock when Open took it; released after db
	m    *metrics

	// mu guards closed and sending on reqs.
	mu     sync.RWMutex
	closed bool
	reqs   chan *appendReq

	size   atomic.Uint64 // committed tree size
	failed atomic.Pointer[error]

	// Owned by the committer goroutine once Open returns.
	tree frontier

	cpMu     sync.Mutex // serialises signing and storing checkpoints
	cpLatest atomic.Pointer[SignedCheckpoint]
	cpTime   atomic.Int64 // unix nanos of the latest checkpoint
	markSize uint64       // size in Options.CheckpointFile; guarded by cpMu
	marked   bool         // the file holds markSize

	stop chan struct{}
	wg   sync.WaitGroup

	viewsMu sync.Mutex
	views   map[*View]struct{} // open views, closed by Close

	proofs proofCache // complete nodes of the upper levels, for proofs (nodecache.go)

	// readOnly is nil for a writable log, else the error every append and
	// every new signature returns: ErrReadOnly (Options.ReadOnly), or
	// ErrWrongKey when the log's checkpoints are signed by another key than
	// Options.Signer.
	readOnly error
}

// factory makes the log's compact ranges with [hashChildren], RFC 6962's
// node hash (TestInteropTlog checks it against x/mod tlog).
var factory = &compact.RangeFactory{Hash: hashChildren}

// Open opens the log stored in dir (a bare Pebble store; [OpenDir] opens
// a log directory with its keys). It creates the log when dir does not
// exist or is empty, unless opts.MustExist or opts.ReadOnly is set: then
// it fails with [ErrNotExist] and creates nothing. A directory that holds
// anything but a log is rejected with [ErrNotALog], and left as it was. A
// log that another Log, in this process or another, holds open is
// rejected with [ErrLocked].
//
// On open the tree state is restored from the O(log n) stored subtree
// hashes, and checked against the latest signed checkpoint.
func Open(dir string, opts *Options) (*Log, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	fresh, err := checkStoreDir(dir)
	if err != nil {
		return nil, err
	}
	if fresh && o.MustExist {
		return nil, fmt.Errorf("%w: %s is missing or empty (nothing was created)", ErrNotExist, dir)
	}
	po := pebbleOptions()
	if pebbletune.Tune != nil {
		pebbletune.Tune(po)
	}
	po.ErrorIfNotExists = !fresh
	po.ReadOnly = o.ReadOnly
	var lock *pebble.Lock
	if !fresh {
		// Lock first, so that a lock held elsewhere is told apart from a
		// store Pebble cannot read.
		if lock, err = lockStore(dir); err != nil {
			return nil, err
		}
		po.Lock = lock
	}
	db, err := pebble.Open(dir, po)
	if err != nil {
		if lock != nil {
			lock.Close()
		}
		if !fresh {
			return nil, fmt.Errorf("%w: %s: %v", ErrNotALog, dir, err)
		}
		return nil, fmt.Errorf("auditlog: open %s: %w", dir, err)
	}
	l := &Log{opts: o, db: db, lock: lock, stop: make(chan struct{}), reqs: make(chan *appendReq, o.QueueLength), views: map[*View]struct{}{}}
	if o.ReadOnly {
		l.readOnly = ErrReadOnly
	}
	if err := l.load(fresh); err != nil {
		l.closeStore()
		return nil, err
	}
	if o.Verifier != nil && o.Signer != nil {
		if err := checkKeyPair(o.Signer, o.Verifier); err != nil {
			l.closeStore()
			return nil, err
		}
	}
	l.m = newMetrics(o.Registerer, l)
	if l.readOnly == nil { // a read-only log commits and signs nothing
		l.wg.Add(1)
		go l.commitLoop()
		if o.CheckpointInterval > 0 {
			l.wg.Add(1)
			go l.checkpointLoop()
		}
	}
	return l, nil
}

// checkStoreDir reports whether dir is missing or empty (a log may be
// created there). A directory that holds files but no Pebble store is
// refused before Pebble (or its lock) writes anything into it.
func checkStoreDir(dir string) (fresh bool, err error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("auditlog: open %s: %w", dir, err)
	}
	if len(ents) == 0 {
		return true, nil
	}
	if !isPebbleStore(ents) {
		return false, fmt.Errorf("%w: %s holds files but no Pebble store (%s, ...)", ErrNotALog, dir, ents[0].Name())
	}
	return false, nil
}

// isPebbleStore reports whether a directory listing has the files that
// every Pebble store has: its manifest, or the marker naming it.
func isPebbleStore(ents []os.DirEntry) bool {
	for _, e := range ents {
		n := e.Name()
		if strings.HasPrefix(n, "MANIFEST-") || strings.HasPrefix(n, "marker.manifest.") || n == "CURRENT" {
			return true
		}
	}
	return false
}

// lockStore takes the lock of the Pebble store in dir. A failure to open
// the lock file is an I/O error; any other failure means that the lock is
// held.
func lockStore(dir string) (*pebble.Lock, error) {
	lock, err := pebble.LockDirectory(dir, vfs.Default)
	if err == nil {
		return lock, nil
	}
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return nil, fmt.Errorf("auditlog: open %s: locking the store: %w", dir, err)
	}
	return nil, fmt.Errorf("%w: %s is held open by a running service (another process, or another Log in this one): read the log through that service. "+
		"Pebble takes this lock even for a read-only open, so no other program can open the log until the service closes it (%v)", ErrLocked, dir, err)
}

// closeStore closes the store and releases its lock.
func (l *Log) closeStore() error {
	err := l.db.Close()
	if l.lock != nil {
		if lerr := l.lock.Close(); err == nil {
			err = lerr
		}
	}
	return err
}

// ReadOnly reports whether the log refuses writes: it was opened with
// Options.ReadOnly, or its checkpoints are signed by another key than
// Options.Signer ([ErrWrongKey]). A layer that writes outside the append
// path (erasure, a key store) MUST check it before it changes anything.
func (l *Log) ReadOnly() bool { return l.readOnly != nil }

// Writable returns nil when the log accepts writes, else the error that
// every write returns: [ErrReadOnly] or [ErrWrongKey].
func (l *Log) Writable() error { return l.readOnly }

func checkKeyPair(s note.Signer, v note.Verifier) error {
	msg := []byte("glassbox key check\n")
	sig, err := s.Sign(msg)
	if err != nil {
		return fmt.Errorf("auditlog: signer: %w", err)
	}
	if !v.Verify(msg, sig) {
		return fmt.Errorf("%w: Verifier does not verify Signer's signatures", ErrInvalidOptions)
	}
	return nil
}

// load initialises a new store or restores the tree of an existing one.
func (l *Log) load(fresh bool) error {
	if fresh {
		// A new store under a mark of a log that had leaves: the store was
		// lost or removed, not created.
		if err := l.checkMark(0); err != nil {
			return err
		}
		b := l.db.NewBatch()
		b.Set(keyFormat, []byte(formatMagic), nil)
		b.Set(keySize, u64bytes(0), nil)
		if err := b.Commit(pebble.Sync); err != nil {
			return fmt.Errorf("auditlog: initialise: %w", err)
		}
		l.tree = newFrontier(factory.NewEmptyRange(0))
		return nil
	}
	magic, err := l.get(keyFormat)
	switch {
	case err == nil && bytes.Equal(magic, []byte(formatMagic)):
	case err == nil && bytes.HasPrefix(magic, []byte("glassbox-auditlog/")):
		return fmt.Errorf("%w: the store has layout %s, this version reads %s only", ErrLayout, magic, formatMagic)
	default:
		return fmt.Errorf("%w: no %s format marker", ErrNotALog, formatMagic)
	}
	sb, err := l.get(keySize)
	if err != nil || len(sb) != 8 {
		return fmt.Errorf("%w: tree size record missing or malformed", ErrCorrupt)
	}
	size := binary.BigEndian.Uint64(sb)
	rng, err := l.rangeAt(l.db, size)
	if err != nil {
		return err
	}
	l.tree = newFrontier(rng)
	l.size.Store(size)
	if err := l.checkOwnKey(); err != nil {
		if !errors.Is(err, ErrWrongKey) || l.opts.ReadOnly {
			return err
		}
		l.opts.Logger.Warn("auditlog: opened read-only", "err", err)
		l.readOnly = err
	}
	// The latest signed checkpoint must agree with the restored tree: never
	// sign something inconsistent with what was signed before.
	cp, err := l.latestStored()
	switch {
	case errors.Is(err, ErrNotFound):
	case err != nil:
		return err
	default:
		if cp.Size > size {
			return fmt.Errorf("%w: checkpoint at size %d is beyond the tree size %d", ErrCorrupt, cp.Size, size)
		}
		root, err := l.rootAt(l.db, cp.Size)
		if err != nil {
			return err
		}
		if root != cp.Root {
			return &IntegrityError{Kind: "checkpoint", Index: cp.Size, Want: root, Got: cp.Root}
		}
		l.cpLatest.Store(&cp)
		l.cpTime.Store(l.opts.Clock().UnixNano())
	}
	return l.checkMark(size)
}

// checkOwnKey checks that the log's latest checkpoint was signed by this
// log's origin and key. Another origin is refused; another key (or a
// damaged signature, which cannot be told from it) gives ErrWrongKey, and
// the log is then opened read-only: whoever holds a copy of a log without
// its signing key may read it and prove from it, but not extend or sign it.
func (l *Log) checkOwnKey() error {
	it, err := l.db.NewIter(&pebble.IterOptions{LowerBound: []byte{famCheckpoint}, UpperBound: []byte{famCheckpoint + 1}})
	if err != nil {
		return err
	}
	defer it.Close()
	if !it.Last() {
		return it.Error()
	}
	msg := it.Value()
	size := binary.BigEndian.Uint64(it.Key()[1:])
	text, err := noteText(msg)
	if err != nil {
		return &IntegrityError{Kind: "checkpoint", Index: size, Err: err}
	}
	if origin, _, _ := strings.Cut(string(text), "\n"); origin != l.opts.Origin {
		return fmt.Errorf("%w: the log's origin is %q, the options say %q", ErrInvalidOptions, origin, l.opts.Origin)
	}
	var wrong error
	if s := l.opts.Signer; s != nil && !signedByKeyHash(msg[len(text)+1:], s.Name(), s.KeyHash()) {
		wrong = fmt.Errorf("%w: the checkpoint at size %d has no signature by %s+%08x", ErrWrongKey, size, s.Name(), s.KeyHash())
	} else if l.opts.Verifier != nil {
		if _, err := note.Open(msg, note.VerifierList(l.opts.Verifier)); err != nil {
			wrong = fmt.Errorf("%w: the checkpoint at size %d does not verify with the given key: %v", ErrWrongKey, size, err)
		}
	}
	if wrong != nil && l.opts.ReadOnly {
		// A read-only open was given the key to check the log with: the
		// checkpoint fails that check (damaged, or not this log's).
		return &IntegrityError{Kind: "checkpoint", Index: size, Err: wrong}
	}
	return wrong
}

// signedByKeyHash reports whether a note's signature block has a line by
// the named key with the given key hash (the first four bytes of the
// signature field, as golang.org/x/mod/sumdb/note writes them).
func signedByKeyHash(sigs []byte, name string, hash uint32) bool {
	for _, line := range strings.Split(string(sigs), "\n") {
		rest, ok := strings.CutPrefix(line, "\u2014 "+name+" ")
		if !ok {
			continue
		}
		b, err := base64.StdEncoding.DecodeString(rest)
		if err == nil && len(b) >= 4 && binary.BigEndian.Uint32(b) == hash {
			return true
		}
	}
	return false
}

// reader is what both the DB and its snapshots offer.
type reader interface {
	Get(key []byte) ([]byte, io.Closer, error)
	NewIter(o *pebble.IterOptions) (*pebble.Iterator, error)
}

func (l *Log) get(key []byte) ([]byte, error) { return getFrom(l.db, key) }

func getFrom(r reader, key []byte) ([]byte, error) {
	v, c, err := r.Get(key)
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("auditlog: read: %w", err)
	}
	out := bytes.Clone(v)
	c.Close()
	return out, nil
}

// nodeHash reads the stored hash of a perfect subtree.
func nodeHash(r reader, id compact.NodeID) (verify.Hash, error) {
	key := hashKey(id.Level, id.Index)
	if id.Level == 0 {
		key = leafKey(id.Index)
	}
	v, err := getFrom(r, key)
	if errors.Is(err, ErrNotFound) {
		return verify.Hash{}, &IntegrityError{Kind: "missing", Level: id.Level, Index: id.Index, Err: errors.New("stored hash missing")}
	}
	if err != nil {
		return verify.Hash{}, err
	}
	if id.Level == 0 && len(v) > verify.HashSize {
		v = v[:verify.HashSize]
	}
	if len(v) != verify.HashSize {
		return verify.Hash{}, &IntegrityError{Kind: "missing", Level: id.Level, Index: id.Index, Err: fmt.Errorf("stored hash has %d bytes", len(v))}
	}
	return verify.Hash(v), nil
}

// leafFrom reads the bytes of the leaf at index.
func leafFrom(r reader, index uint64) ([]byte, error) {
	v, err := getFrom(r, leafKey(index))
	if err != nil {
		return nil, err
	}
	return leafBytesOf(index, v)
}

func leafBytesOf(index uint64, v []byte) ([]byte, error) {
	if len(v) <= verify.HashSize {
		return nil, &IntegrityError{Kind: "missing", Index: index, Err: fmt.Errorf("stored leaf record has %d bytes", len(v))}
	}
	return v[verify.HashSize:], nil
}

// rangeAt builds the compact range [0, size) from stored subtree hashes.
func (l *Log) rangeAt(r reader, size uint64) (*compact.Range, error) {
	ids := compact.RangeNodes(0, size, nil)
	hashes := make([][]byte, len(ids))
	for i, id := range ids {
		h, err := nodeHash(r, id)
		if err != nil {
			return nil, err
		}
		hashes[i] = h[:]
	}
	rng, err := factory.NewRange(0, size, hashes)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return rng, nil
}

// rootAt returns the root of the tree of the given size from stored hashes.
func (l *Log) rootAt(r reader, size uint64) (verify.Hash, error) {
	if size == 0 {
		return verify.EmptyRoot(), nil
	}
	rng, err := l.rangeAt(r, size)
	if err != nil {
		return verify.Hash{}, err
	}
	root, err := rng.GetRootHash(nil)
	if err != nil {
		return verify.Hash{}, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return verify.Hash(root), nil
}

// Origin returns the log's origin line.
func (l *Log) Origin() string { return l.opts.Origin }

// Verifier returns the checkpoint verifier given in Options, or nil.
func (l *Log) Verifier() note.Verifier { return l.opts.Verifier }

// Size returns the number of committed leaves.
func (l *Log) Size() uint64 { return l.size.Load() }

func (l *Log) checkOpen() error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed {
		return ErrClosed
	}
	return nil
}

// Leaf returns the leaf at index.
func (l *Log) Leaf(ctx context.Context, index uint64) ([]byte, error) {
	if err := l.checkOpen(); err != nil {
		return nil, err
	}
	if size := l.Size(); index >= size {
		return nil, fmt.Errorf("%w: leaf %d, tree size %d", ErrOutOfRange, index, size)
	}
	return leafFrom(l.db, index)
}

// ScanLeaves calls fn for each leaf with start <= index < end, in order.
// end must not exceed the tree size. The leaf slice is the store's buffer,
// valid only during the call: fn MUST NOT modify it, and MUST copy it to
// keep it.
func (l *Log) ScanLeaves(ctx context.Context, start, end uint64, fn func(index uint64, leaf []byte) error) error {
	if err := l.checkOpen(); err != nil {
		return err
	}
	if start > end || end > l.Size() {
		return fmt.Errorf("%w: leaves [%d, %d) of a tree of size %d", ErrOutOfRange, start, end, l.Size())
	}
	it, err := l.db.NewIter(&pebble.IterOptions{LowerBound: leafKey(start), UpperBound: leafKey(end)})
	if err != nil {
		return err
	}
	defer it.Close()
	next := start
	for it.First(); it.Valid(); it.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		k := it.Key()
		idx := binary.BigEndian.Uint64(k[1:])
		if idx != next {
			return &IntegrityError{Kind: "missing", Index: next, Err: errors.New("leaf missing")}
		}
		leaf, err := leafBytesOf(idx, it.Value())
		if err != nil {
			return err
		}
		if err := fn(idx, leaf); err != nil {
			return err
		}
		next++
	}
	if err := it.Error(); err != nil {
		return err
	}
	if next != end {
		return &IntegrityError{Kind: "missing", Index: next, Err: errors.New("leaf missing")}
	}
	return nil
}

// Close stops the committer and checkpointer after the appends already
// queued are committed, closes the views still open, then closes the
// store. Later calls return
// [ErrClosed]. Close does not sign a final checkpoint; call
// [Log.Checkpoint] first for one.
func (l *Log) Close() error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return ErrClosed
	}
	l.closed = true
	close(l.reqs)
	close(l.stop)
	l.mu.Unlock()
	l.wg.Wait()
	l.viewsMu.Lock()
	views := make([]*View, 0, len(l.views))
	for v := range l.views {
		views = append(views, v)
	}
	l.viewsMu.Unlock()
	for _, v := range views {
		v.Close() // waits for the view's reads in progress
	}
	l.m.unregister()
	if err := l.closeStore(); err != nil {
		return fmt.Errorf("auditlog: close: %w", err)
	}
	return nil
}

// pebbleOptions are the Pebble settings of every log: larger memtables
// than Pebble's default, because a log writes sequential keys at a high
// rate and flushing small memtables costs compaction work on the append
// path's cores.
func pebbleOptions() *pebble.Options {
	return &pebble.Options{
		MemTableSize:                64 << 20,
		MemTableStopWritesThreshold: 4,
		L0CompactionThreshold:       4,
		L0StopWritesThreshold:       24,
		Logger:                      quietLogger{},
		Cleaner:                     deletingCleaner{}, // see Store.Scrub
	}
}

type quietLogger struct{}

func (quietLogger) Infof(string, ...any)  {}
func (quietLogger) Errorf(string, ...any) {}
func (quietLogger) Fatalf(format string, args ...any) {
	// Pebble calls Fatalf on unrecoverable errors and expects it not to
	// return; this mirrors its default logger.
	panic(fmt.Sprintf(format, args...))
}

// clock returns the configured time.
func (l *Log) now() time.Time { return l.opts.Clock() }
