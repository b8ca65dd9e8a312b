package verify

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"

	"golang.org/x/mod/sumdb/note"
)

// DefaultCacheSize is the number of verified signatures a [CachedVerifier]
// made with a size of 0 remembers.
const DefaultCacheSize = 1024

// CachedVerifier is a note verifier that remembers the signatures it has
// verified, so that a checkpoint shared by many receipts costs one
// signature check, not one per receipt. It is safe for concurrent use.
//
// Only successful verifications are remembered, keyed by the SHA-256 of
// the exact message and signature: a hit is the same bytes, signed by the
// same key, that the wrapped verifier accepted before. Anything else goes
// to the wrapped verifier. When the cache is full it is emptied and
// starts over, so its memory stays bounded (about 40 bytes a signature).
type CachedVerifier struct {
	v   note.Verifier
	max int

	mu sync.Mutex
	ok map[[sha256.Size]byte]struct{}
}

var _ note.Verifier = (*CachedVerifier)(nil)

// NewCachedVerifier returns v with a cache of up to size verified
// signatures ([DefaultCacheSize] when size <= 0).
func NewCachedVerifier(v note.Verifier, size int) *CachedVerifier {
	if size <= 0 {
		size = DefaultCacheSize
	}
	return &CachedVerifier{v: v, max: size, ok: make(map[[sha256.Size]byte]struct{})}
}

// Name returns the wrapped verifier's name.
func (c *CachedVerifier) Name() string { return c.v.Name() }

// KeyHash returns the wrapped verifier's key hash.
func (c *CachedVerifier) KeyHash() uint32 { return c.v.KeyHash() }

// Verify reports whether sig is a valid signature of msg, from the cache
// or from the wrapped verifier.
func (c *CachedVerifier) Verify(msg, sig []byte) bool {
	h := sha256.New()
	var n [8]byte
	h.Write(binary.BigEndian.AppendUint64(n[:0], uint64(len(msg))))
	h.Write(msg)
	h.Write(sig)
	var k [sha256.Size]byte
	h.Sum(k[:0])
	c.mu.Lock()
	_, hit := c.ok[k]
	c.mu.Unlock()
	if hit {
		return true
	}
	if !c.v.Verify(msg, sig) {
		return false
	}
	c.mu.Lock()
	if len(c.ok) >= c.max {
		clear(c.ok)
	}
	c.ok[k] = struct{}{}
	c.mu.Unlock()
	return true
}
