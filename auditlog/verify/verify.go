// Package verify checks what a Glassbox audit log hands out: RFC 6962 leaf
// hashes, inclusion and consistency proofs, and signed checkpoints in the
// C2SP tlog-checkpoint format.
//
// It depends only on the standard library, golang.org/x/mod/sumdb/note and
// the RFC 6962 proof code of github.com/transparency-dev/merkle, so that
// regulators and applicants can verify without a database or a chain client.
//
// # Proofs
//
// [VerifyInclusion] and [VerifyConsistency] return nil or an error that says
// which check failed; a root that does not match is a [*RootMismatchError]
// carrying both roots.
//
// # Checkpoints
//
// A [Checkpoint] is the body of a C2SP tlog-checkpoint: the log's origin
// line, the tree size in decimal and the base64 root hash, each followed by a
// newline. [OpenCheckpoint] verifies a signed note with a given verifier and
// parses its body. Extension lines after the root are rejected: Glassbox
// checkpoints carry none. A program that verifies many receipts or
// checkpoints signed once wraps its verifier in a [CachedVerifier], so the
// same signed bytes cost one signature check.
package verify

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/transparency-dev/merkle"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
	"golang.org/x/mod/sumdb/note"
)

// HashSize is the size of a Merkle tree hash (SHA-256).
const HashSize = sha256.Size

// Hash is an RFC 6962 tree hash.
type Hash [HashSize]byte

// String returns the hash in hexadecimal.
func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// MarshalText encodes the hash as base64, as checkpoints and receipts do.
func (h Hash) MarshalText() ([]byte, error) {
	return []byte(base64.StdEncoding.EncodeToString(h[:])), nil
}

// UnmarshalText decodes a base64 hash of exactly [HashSize] bytes.
func (h *Hash) UnmarshalText(b []byte) error {
	d, err := base64.StdEncoding.Strict().DecodeString(string(b))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrMalformedHash, err)
	}
	if len(d) != HashSize {
		return fmt.Errorf("%w: %d bytes, want %d", ErrMalformedHash, len(d), HashSize)
	}
	copy(h[:], d)
	return nil
}

// Errors returned by this package; check them with errors.Is.
var (
	ErrMalformedHash       = errors.New("verify: malformed hash")
	ErrMalformedCheckpoint = errors.New("verify: malformed checkpoint")
	ErrBadSignature        = errors.New("verify: checkpoint signature does not verify")
	ErrOrigin              = errors.New("verify: checkpoint origin does not match")
	ErrProof               = errors.New("verify: proof does not verify")
	// ErrLogKey: a log key in none of the forms [ParseLogKey] reads, or
	// the key of another log.
	ErrLogKey = errors.New("verify: bad log key")
)

// RootMismatchError reports a proof that leads to another root than the
// expected one.
type RootMismatchError struct {
	Expected   Hash
	Calculated Hash
}

func (e *RootMismatchError) Error() string {
	return fmt.Sprintf("verify: calculated root %s, expected %s", e.Calculated, e.Expected)
}

// Is makes errors.Is(err, ErrProof) true for a root mismatch.
func (e *RootMismatchError) Is(target error) bool { return target == ErrProof }

// hasher is RFC 6962's SHA-256 tree hasher, as rfc6962.DefaultHasher, with
// interior nodes of two 32-byte children hashed from one stack buffer
// (merkle's hasher allocates a digest per node). The proof checks are
// merkle's own, with this hasher.
var hasher nodeHasher

type nodeHasher struct{}

var _ merkle.LogHasher = nodeHasher{}

func (nodeHasher) EmptyRoot() []byte           { return rfc6962.DefaultHasher.EmptyRoot() }
func (nodeHasher) HashLeaf(leaf []byte) []byte { return rfc6962.DefaultHasher.HashLeaf(leaf) }
func (nodeHasher) Size() int                   { return HashSize }

func (nodeHasher) HashChildren(l, r []byte) []byte {
	if len(l) != HashSize || len(r) != HashSize {
		return rfc6962.DefaultHasher.HashChildren(l, r)
	}
	var b [1 + 2*HashSize]byte
	b[0] = rfc6962.RFC6962NodeHashPrefix
	copy(b[1:], l)
	copy(b[1+HashSize:], r)
	h := sha256.Sum256(b[:])
	return h[:]
}

// LeafHash returns the RFC 6962 leaf hash SHA-256(0x00 || leaf).
func LeafHash(leaf []byte) Hash {
	h := sha256.New()
	h.Write([]byte{rfc6962.RFC6962LeafHashPrefix})
	h.Write(leaf)
	var out Hash
	h.Sum(out[:0])
	return out
}

// NodeHash returns the RFC 6962 interior node hash SHA-256(0x01 || l || r).
func NodeHash(l, r Hash) Hash {
	var out Hash
	copy(out[:], hasher.HashChildren(l[:], r[:]))
	return out
}

// EmptyRoot is the root of the empty tree: SHA-256 of the empty string.
func EmptyRoot() Hash { return sha256.Sum256(nil) }

func toBytes(p []Hash) [][]byte {
	out := make([][]byte, len(p))
	for i := range p {
		out[i] = p[i][:]
	}
	return out
}

// mismatch turns merkle's error into ours, keeping the evidence.
func mismatch(err error) error {
	var rm proof.RootMismatchError
	if errors.As(err, &rm) {
		e := &RootMismatchError{}
		copy(e.Expected[:], rm.ExpectedRoot)
		copy(e.Calculated[:], rm.CalculatedRoot)
		return e
	}
	return fmt.Errorf("%w: %s", ErrProof, err.Error())
}

// VerifyInclusion checks that leafHash is the leaf at index in the tree of
// the given size and root.
func VerifyInclusion(index, size uint64, leafHash Hash, p []Hash, root Hash) error {
	if index >= size {
		return fmt.Errorf("%w: index %d is not below tree size %d", ErrProof, index, size)
	}
	if err := proof.VerifyInclusion(hasher, index, size, leafHash[:], toBytes(p), root[:]); err != nil {
		return mismatch(err)
	}
	return nil
}

// RootFromInclusion returns the root implied by an inclusion proof.
func RootFromInclusion(index, size uint64, leafHash Hash, p []Hash) (Hash, error) {
	if index >= size {
		return Hash{}, fmt.Errorf("%w: index %d is not below tree size %d", ErrProof, index, size)
	}
	r, err := proof.RootFromInclusionProof(hasher, index, size, leafHash[:], toBytes(p))
	if err != nil {
		return Hash{}, fmt.Errorf("%w: %s", ErrProof, err.Error())
	}
	var h Hash
	copy(h[:], r)
	return h, nil
}

// VerifyConsistency checks that the tree of size2 and root2 extends the tree
// of size1 and root1.
func VerifyConsistency(size1, size2 uint64, p []Hash, root1, root2 Hash) error {
	if size1 > size2 {
		return fmt.Errorf("%w: size %d is larger than size %d", ErrProof, size1, size2)
	}
	// The tree of size 0 has exactly one root; the proof code ignores root1
	// for it.
	if size1 == 0 && root1 != EmptyRoot() {
		return &RootMismatchError{Expected: root1, Calculated: EmptyRoot()}
	}
	if err := proof.VerifyConsistency(hasher, size1, size2, toBytes(p), root1[:], root2[:]); err != nil {
		return mismatch(err)
	}
	return nil
}

// Checkpoint is a commitment to a log's state: its origin, tree size and
// root hash.
type Checkpoint struct {
	Origin string
	Size   uint64
	Root   Hash
}

// Marshal returns the C2SP tlog-checkpoint body.
func (c Checkpoint) Marshal() []byte {
	return fmt.Appendf(nil, "%s\n%d\n%s\n", c.Origin, c.Size, base64.StdEncoding.EncodeToString(c.Root[:]))
}

// ParseCheckpoint parses a checkpoint body as [Checkpoint.Marshal] writes it.
func ParseCheckpoint(text []byte) (Checkpoint, error) {
	if !bytes.HasSuffix(text, []byte("\n")) {
		return Checkpoint{}, fmt.Errorf("%w: no final newline", ErrMalformedCheckpoint)
	}
	lines := strings.Split(string(text[:len(text)-1]), "\n")
	if len(lines) != 3 {
		return Checkpoint{}, fmt.Errorf("%w: %d lines, want 3 (origin, size, root)", ErrMalformedCheckpoint, len(lines))
	}
	var c Checkpoint
	c.Origin = lines[0]
	if c.Origin == "" {
		return Checkpoint{}, fmt.Errorf("%w: empty origin", ErrMalformedCheckpoint)
	}
	size, err := strconv.ParseUint(lines[1], 10, 64)
	if err != nil || (len(lines[1]) > 1 && lines[1][0] == '0') || strings.HasPrefix(lines[1], "+") {
		return Checkpoint{}, fmt.Errorf("%w: tree size %q is not a decimal number", ErrMalformedCheckpoint, lines[1])
	}
	c.Size = size
	if err := c.Root.UnmarshalText([]byte(lines[2])); err != nil {
		return Checkpoint{}, fmt.Errorf("%w: root: %w", ErrMalformedCheckpoint, err)
	}
	// The base64 decoder skips '\r' and '\n'; only the canonical encoding
	// is a checkpoint, so that one checkpoint has exactly one body.
	if got := base64.StdEncoding.EncodeToString(c.Root[:]); got != lines[2] {
		return Checkpoint{}, fmt.Errorf("%w: root %q is not in canonical base64", ErrMalformedCheckpoint, lines[2])
	}
	if strings.ContainsRune(c.Origin, '\r') {
		return Checkpoint{}, fmt.Errorf("%w: origin contains a carriage return", ErrMalformedCheckpoint)
	}
	return c, nil
}

// OpenCheckpoint verifies a signed checkpoint note with v and parses its
// body. The note must carry a valid signature by v; the checkpoint's origin
// must equal v's name, as C2SP checkpoints and their keys agree.
func OpenCheckpoint(signed []byte, v note.Verifier) (Checkpoint, error) {
	n, err := note.Open(signed, note.VerifierList(v))
	if err != nil {
		var ue *note.UnverifiedNoteError
		if errors.As(err, &ue) {
			return Checkpoint{}, fmt.Errorf("%w: no signature by %s", ErrBadSignature, v.Name())
		}
		return Checkpoint{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	c, err := ParseCheckpoint([]byte(n.Text))
	if err != nil {
		return Checkpoint{}, err
	}
	if c.Origin != v.Name() {
		return Checkpoint{}, fmt.Errorf("%w: origin %q, key %q", ErrOrigin, c.Origin, v.Name())
	}
	return c, nil
}
