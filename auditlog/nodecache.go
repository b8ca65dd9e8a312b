package auditlog

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/cockroachdb/pebble/v2"
	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/rfc6962"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// Reading the nodes of proofs.
//
// The tree is append-only: a perfect subtree, once complete, never changes.
// So the log keeps the hashes of the complete nodes at levels
// [cacheLevel] and above in memory, filled on first use, and a proof reads
// from Pebble only the stored leaf hashes of the one block of
// 2^cacheLevel leaves that holds the proven leaf (one iterator); the
// siblings below cacheLevel are hashed from them. Memory: at most one
// 33-byte entry per complete node at levels >= cacheLevel, about
// 33/2^(cacheLevel-1) ≈ 4.1 bytes per leaf (4 MiB for a million leaves,
// 41 MiB for ten million), allocated only as far as proofs have reached.
//
// What the cache holds was read from the store; every proof is still
// verified against the root of its size before it is returned, so a wrong
// stored hash still fails the proof with [ErrCorrupt]. A stored hash
// damaged after it was cached is no longer seen by proofs (they are
// right); [Log.CheckIntegrity] reads the store itself.

// cacheLevel is the lowest level kept in memory by the proof cache.
const cacheLevel = 4

// cacheRun is how many consecutive nodes of one level a cache miss loads
// with one iterator.
const cacheRun = 64

// proofCache is the log's memory of complete nodes and of one root. Its
// zero value is ready to use; it is safe for concurrent use.
type proofCache struct {
	mu     sync.RWMutex
	levels [maxLevel + 1][]cachedHash // levels[k][i]: node i of level k

	root atomic.Pointer[sizedRoot] // the latest root computed
}

type cachedHash struct {
	h  verify.Hash
	ok bool
}

type sizedRoot struct {
	size uint64
	root verify.Hash
}

func (c *proofCache) get(level uint, index uint64) (verify.Hash, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	lv := c.levels[level]
	if index < uint64(len(lv)) && lv[index].ok {
		return lv[index].h, true
	}
	return verify.Hash{}, false
}

func (c *proofCache) put(level uint, start uint64, hs []verify.Hash) {
	c.mu.Lock()
	defer c.mu.Unlock()
	lv := c.levels[level]
	if end := start + uint64(len(hs)); end > uint64(len(lv)) {
		lv = append(lv, make([]cachedHash, end-uint64(len(lv)))...)
	}
	for i, h := range hs {
		lv[start+uint64(i)] = cachedHash{h: h, ok: true}
	}
	c.levels[level] = lv
}

// cachedNode returns the hash of the complete node id (level >=
// cacheLevel) of the tree of size, from the cache or, on a miss, from r,
// loading the run of cacheRun nodes around it.
func (l *Log) cachedNode(r reader, id compact.NodeID, size uint64) (verify.Hash, error) {
	if h, ok := l.proofs.get(id.Level, id.Index); ok {
		return h, nil
	}
	complete := size >> id.Level
	if id.Index >= complete {
		return verify.Hash{}, fmt.Errorf("%w: node %d at level %d is not complete in size %d", ErrCorrupt, id.Index, id.Level, size)
	}
	start := id.Index &^ (cacheRun - 1)
	end := min(start+cacheRun, complete)
	hs := make([]verify.Hash, 0, end-start)
	err := readRun(r, hashKey(id.Level, start), hashKey(id.Level, end), start, end, id.Level, func(idx uint64, v []byte) error {
		if len(v) != verify.HashSize {
			return &IntegrityError{Kind: "missing", Level: id.Level, Index: idx, Err: fmt.Errorf("stored hash has %d bytes", len(v))}
		}
		hs = append(hs, verify.Hash(v))
		return nil
	})
	if err != nil {
		return verify.Hash{}, err
	}
	l.proofs.put(id.Level, start, hs)
	return hs[id.Index-start], nil
}

// readRun iterates the keys [lo, hi) of r, which must be the nodes
// start..end-1 of level (leaf records at level 0), in order, and calls fn
// for each with its index and value (valid only during the call).
func readRun(r reader, lo, hi []byte, start, end uint64, level uint, fn func(idx uint64, v []byte) error) error {
	it, err := r.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
	if err != nil {
		return fmt.Errorf("auditlog: read: %w", err)
	}
	next := start
	for it.First(); it.Valid() && next < end; it.Next() {
		k := it.Key()
		if binary.BigEndian.Uint64(k[len(k)-8:]) != next {
			break
		}
		if err = fn(next, it.Value()); err != nil {
			break
		}
		next++
	}
	if err == nil {
		err = it.Error()
		if err != nil {
			err = fmt.Errorf("auditlog: read: %w", err)
		}
	}
	if cerr := it.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("auditlog: read: %w", cerr)
	}
	if err == nil && next != end {
		err = &IntegrityError{Kind: "missing", Level: level, Index: next, Err: errors.New("stored hash missing")}
	}
	return err
}

// nodeSource reads the nodes of the proofs of one tree size: levels >=
// cacheLevel from the cache, nodes inside the loaded leaf block hashed
// from its stored leaf hashes, others from r.
type nodeSource struct {
	l    *Log
	r    reader
	size uint64

	base   uint64        // first leaf of the loaded block
	leaves []verify.Hash // stored leaf hashes of [base, base+len(leaves))
}

// loadBlock reads the stored leaf hashes of the block of 2^cacheLevel
// leaves (cut at size) that holds index.
func (s *nodeSource) loadBlock(index uint64) error {
	s.base = index &^ (1<<cacheLevel - 1)
	end := min(s.base+1<<cacheLevel, s.size)
	if s.leaves == nil {
		s.leaves = make([]verify.Hash, 0, 1<<cacheLevel)
	}
	s.leaves = s.leaves[:0]
	return readRun(s.r, leafKey(s.base), leafKey(end), s.base, end, 0, func(idx uint64, v []byte) error {
		if len(v) <= verify.HashSize {
			return &IntegrityError{Kind: "missing", Index: idx, Err: fmt.Errorf("stored leaf record has %d bytes", len(v))}
		}
		s.leaves = append(s.leaves, verify.Hash(v[:verify.HashSize]))
		return nil
	})
}

// node returns the hash of the complete node id of the tree of s.size.
func (s *nodeSource) node(id compact.NodeID) (verify.Hash, error) {
	if id.Level >= cacheLevel {
		return s.l.cachedNode(s.r, id, s.size)
	}
	lo, hi := id.Index<<id.Level, (id.Index+1)<<id.Level
	if lo >= s.base && hi <= s.base+uint64(len(s.leaves)) {
		return subtreeHash(s.leaves[lo-s.base : hi-s.base]), nil
	}
	return nodeHash(s.r, id)
}

// root returns the root of the tree of s.size (which must be > 0), folding
// the nodes of the compact range [0, size) from the right.
func (s *nodeSource) root() (verify.Hash, error) {
	if c := s.l.proofs.root.Load(); c != nil && c.size == s.size {
		return c.root, nil
	}
	var buf [64]compact.NodeID
	ids := compact.RangeNodes(0, s.size, buf[:0])
	var root verify.Hash
	for i := len(ids) - 1; i >= 0; i-- {
		h, err := s.node(ids[i])
		if err != nil {
			return verify.Hash{}, err
		}
		if i == len(ids)-1 {
			root = h
		} else {
			root = nodeHashOf(h, root)
		}
	}
	s.l.proofs.root.Store(&sizedRoot{size: s.size, root: root})
	return root, nil
}

// subtreeHash returns the root of the perfect subtree over leaf hashes hs
// (a power of two of them).
func subtreeHash(hs []verify.Hash) verify.Hash {
	if len(hs) == 1 {
		return hs[0]
	}
	n := len(hs) / 2
	return nodeHashOf(subtreeHash(hs[:n]), subtreeHash(hs[n:]))
}

// nodeHashOf is RFC 6962's SHA-256(0x01 || l || r) of two fixed hashes, without allocating.
func nodeHashOf(l, r verify.Hash) verify.Hash {
	var b [1 + 2*verify.HashSize]byte
	b[0] = rfc6962.RFC6962NodeHashPrefix
	copy(b[1:], l[:])
	copy(b[1+verify.HashSize:], r[:])
	return sha256.Sum256(b[:])
}
