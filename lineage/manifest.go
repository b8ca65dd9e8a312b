package lineage

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"

	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
)

// MaxManifestSize bounds the records of a manifest and the size a proof may
// claim, so that a hostile proof cannot make a verifier work for long.
const MaxManifestSize = 1 << 32

// RecordHash is the hash of one training record: SHA-256 of its bytes.
func RecordHash(record []byte) [32]byte { return sha256.Sum256(record) }

// Manifest is the training-data manifest of a model version: the SHA-256
// hashes of its training records, in training order, as the leaves of an
// RFC 6962 tree. Leaf i of the tree is rfc6962's HashLeaf(recordHash[i]),
// so the root is the one golang.org/x/mod/sumdb/tlog computes with
// RecordHash over the same 32-byte values. A Manifest is immutable and safe
// for concurrent use.
type Manifest struct {
	records [][32]byte
	index   map[[32]byte]uint64 // a record hash -> its first position
	nodes   map[compact.NodeID][]byte
	root    [32]byte
}

// NewManifest builds the manifest of the given record hashes (at least
// one). It keeps every node of the tree, so proofs need no recomputation.
func NewManifest(recordHashes [][32]byte) (*Manifest, error) {
	if len(recordHashes) == 0 {
		return nil, fmt.Errorf("%w: no training records", ErrInvalidManifest)
	}
	if uint64(len(recordHashes)) > MaxManifestSize {
		return nil, fmt.Errorf("%w: %d records, more than %d", ErrInvalidManifest, len(recordHashes), uint64(MaxManifestSize))
	}
	h := rfc6962.DefaultHasher
	m := &Manifest{records: append([][32]byte(nil), recordHashes...), nodes: make(map[compact.NodeID][]byte, 2*len(recordHashes))}
	visit := func(id compact.NodeID, hash []byte) { m.nodes[id] = hash }
	rf := &compact.RangeFactory{Hash: h.HashChildren}
	r := rf.NewEmptyRange(0)
	m.index = make(map[[32]byte]uint64, len(m.records))
	for i, rh := range m.records {
		if _, dup := m.index[rh]; !dup {
			m.index[rh] = uint64(i)
		}
		if err := r.Append(h.HashLeaf(rh[:]), visit); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrInvalidManifest, err)
		}
	}
	root, err := r.GetRootHash(nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidManifest, err)
	}
	copy(m.root[:], root)
	return m, nil
}

// ReadRecords reads one record per line (a line's bytes without its "\n"
// or "\r\n"; empty lines are refused) and returns their hashes.
func ReadRecords(r io.Reader) ([][32]byte, error) {
	var out [][32]byte
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSuffix(sc.Bytes(), []byte("\r"))
		if len(line) == 0 {
			return nil, fmt.Errorf("%w: line %d is empty", ErrInvalidManifest, n)
		}
		out = append(out, RecordHash(line))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: reading records: %w", ErrInvalidManifest, err)
	}
	return out, nil
}

// Root is the manifest's RFC 6962 root: the value registered as the
// model version's ManifestRoot.
func (m *Manifest) Root() [32]byte { return m.root }

// Size is the number of training records.
func (m *Manifest) Size() uint64 { return uint64(len(m.records)) }

// Index returns the position of the first record with the given hash.
func (m *Manifest) Index(recordHash [32]byte) (uint64, error) {
	if i, ok := m.index[recordHash]; ok {
		return i, nil
	}
	return 0, fmt.Errorf("%w: %s", ErrNotInManifest, hexOf(recordHash))
}

// Prove returns the inclusion proof of the record with the given hash
// ([ErrNotInManifest] if no training record has it).
func (m *Manifest) Prove(recordHash [32]byte) (*InclusionProof, error) {
	i, err := m.Index(recordHash)
	if err != nil {
		return nil, err
	}
	return m.ProveIndex(i)
}

// ProveIndex returns the inclusion proof of record i.
func (m *Manifest) ProveIndex(i uint64) (*InclusionProof, error) {
	size := m.Size()
	if i >= size {
		return nil, fmt.Errorf("%w: index %d, manifest of %d records", ErrNotInManifest, i, size)
	}
	nodes, err := proof.Inclusion(i, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidManifest, err)
	}
	hashes := make([][]byte, len(nodes.IDs))
	for k, id := range nodes.IDs {
		h, ok := m.nodes[id]
		if !ok {
			return nil, fmt.Errorf("%w: node %+v missing", ErrInvalidManifest, id)
		}
		hashes[k] = h
	}
	path, err := nodes.Rehash(hashes, rfc6962.DefaultHasher.HashChildren)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidManifest, err)
	}
	p := &InclusionProof{Index: i, Size: size, RecordHash: m.records[i], Path: make([][32]byte, len(path))}
	for k, h := range path {
		copy(p.Path[k][:], h)
	}
	return p, nil
}

// InclusionProof proves that the record with hash RecordHash is record
// Index of a training manifest of Size records.
type InclusionProof struct {
	Index      uint64
	Size       uint64
	RecordHash [32]byte
	Path       [][32]byte
}

// Verify checks the proof against a manifest root. A proof of the right
// shape that leads to another root fails with the merkle package's
// RootMismatchError (wrapped in [ErrNotInManifest]).
func (p *InclusionProof) Verify(root [32]byte) error {
	if p.Size == 0 || p.Size > MaxManifestSize || p.Index >= p.Size {
		return fmt.Errorf("%w: index %d of size %d", ErrInvalidProof, p.Index, p.Size)
	}
	path := make([][]byte, len(p.Path))
	for i := range p.Path {
		path[i] = p.Path[i][:]
	}
	h := rfc6962.DefaultHasher
	if err := proof.VerifyInclusion(h, p.Index, p.Size, h.HashLeaf(p.RecordHash[:]), path, root[:]); err != nil {
		return fmt.Errorf("%w: record %s at index %d of %d: %w", ErrNotInManifest, hexOf(p.RecordHash), p.Index, p.Size, err)
	}
	return nil
}

// proofJSON is the JSON form of an [InclusionProof].
type proofJSON struct {
	Index      uint64   `json:"index"`
	Size       uint64   `json:"size"`
	RecordHash string   `json:"record_hash"`
	Path       []string `json:"path"`
}

// MarshalJSON encodes the proof with hex hashes.
func (p *InclusionProof) MarshalJSON() ([]byte, error) {
	j := proofJSON{Index: p.Index, Size: p.Size, RecordHash: hexOf(p.RecordHash), Path: make([]string, len(p.Path))}
	for i, h := range p.Path {
		j.Path[i] = hexOf(h)
	}
	return json.Marshal(j)
}

// ParseProof decodes a proof strictly: every field present, hashes as 64
// lower-case hex digits, no unknown fields, no trailing data, at most 64
// path hashes (Verify checks the exact length).
func ParseProof(data []byte) (*InclusionProof, error) {
	var j struct {
		Index      *uint64  `json:"index"`
		Size       *uint64  `json:"size"`
		RecordHash string   `json:"record_hash"`
		Path       []string `json:"path"`
	}
	if err := decodeStrict(data, &j); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidProof, err)
	}
	if j.Index == nil || j.Size == nil || j.Path == nil {
		return nil, fmt.Errorf("%w: index, size and path are required", ErrInvalidProof)
	}
	p := &InclusionProof{Index: *j.Index, Size: *j.Size}
	if p.Size == 0 || p.Size > MaxManifestSize || p.Index >= p.Size {
		return nil, fmt.Errorf("%w: index %d of size %d", ErrInvalidProof, p.Index, p.Size)
	}
	var err error
	if p.RecordHash, err = parseHex32(j.RecordHash); err != nil {
		return nil, fmt.Errorf("%w: record_hash: %w", ErrInvalidProof, err)
	}
	if len(j.Path) > 64 {
		return nil, fmt.Errorf("%w: path has %d hashes, more than a tree of 2^64 needs", ErrInvalidProof, len(j.Path))
	}
	p.Path = make([][32]byte, len(j.Path))
	for i, s := range j.Path {
		if p.Path[i], err = parseHex32(s); err != nil {
			return nil, fmt.Errorf("%w: path[%d]: %w", ErrInvalidProof, i, err)
		}
	}
	return p, nil
}

// ParseDigest parses a SHA-256 digest written as 64 lower-case hex digits.
func ParseDigest(s string) ([32]byte, error) { return parseHex32(s) }

func parseHex32(s string) ([32]byte, error) {
	var d [32]byte
	if len(s) != 64 {
		return d, fmt.Errorf("want 64 hex digits, got %d characters", len(s))
	}
	for _, c := range []byte(s) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return d, fmt.Errorf("%q is not lower-case hex", s)
		}
	}
	if _, err := hex.Decode(d[:], []byte(s)); err != nil {
		return d, err
	}
	return d, nil
}

// decodeStrict decodes exactly one JSON value into v, refusing unknown
// fields and trailing data.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("trailing data after the JSON value")
	}
	return nil
}
