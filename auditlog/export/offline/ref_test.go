package offline

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"

	"github.com/transparency-dev/merkle/compact"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// refLog is a log built with golang.org/x/mod/sumdb/tlog, a reference we
// did not write: its hashes, roots and proofs make the exports these tests
// verify, so that the verifier is checked against another implementation
// of RFC 6962 and not against our own writer.
type refLog struct {
	origin string
	leaves [][]byte
	hashes []tlog.Hash // tlog's stored hashes
	signer note.Signer
	v      note.Verifier
}

// testKey returns a deterministic note key pair named origin (seed picks
// the key), so that vectors made with it are reproducible.
func testKey(t testing.TB, origin, seed string) (note.Signer, note.Verifier) {
	t.Helper()
	skey, vkey, err := noteKeys(origin, seed)
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return s, v
}

// noteKeys returns the encoded key pair of testKey.
func noteKeys(origin, seed string) (skey, vkey string, err error) {
	return note.GenerateKey(strings.NewReader(strings.Repeat(seed, 64)), origin)
}

const refOrigin = "example.com/export-ref"

func newRef(t testing.TB, n int) *refLog {
	t.Helper()
	s, v := testKey(t, refOrigin, "r")
	r := &refLog{origin: refOrigin, signer: s, v: v}
	for i := 0; i < n; i++ {
		r.add(t, fmt.Appendf(nil, "leaf %d of the reference log", i))
	}
	return r
}

func (r *refLog) ReadHashes(idx []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(idx))
	for i, x := range idx {
		out[i] = r.hashes[x]
	}
	return out, nil
}

func (r *refLog) add(t testing.TB, leaf []byte) {
	hs, err := tlog.StoredHashes(int64(len(r.leaves)), leaf, r)
	if err != nil {
		t.Fatal(err)
	}
	r.hashes = append(r.hashes, hs...)
	r.leaves = append(r.leaves, leaf)
}

func (r *refLog) root(t testing.TB, n uint64) verify.Hash {
	t.Helper()
	if n == 0 {
		return verify.EmptyRoot()
	}
	h, err := tlog.TreeHash(int64(n), r)
	if err != nil {
		t.Fatal(err)
	}
	return verify.Hash(h)
}

// sign returns the checkpoint of size n signed with signer.
func (r *refLog) sign(t testing.TB, n uint64, signer note.Signer) Checkpoint {
	t.Helper()
	c := verify.Checkpoint{Origin: r.origin, Size: n, Root: r.root(t, n)}
	msg, err := note.Sign(&note.Note{Text: string(c.Marshal())}, signer)
	if err != nil {
		t.Fatal(err)
	}
	return Checkpoint{Checkpoint: c, Note: msg}
}

// consistency is tlog's proof that the tree of size a is a prefix of the
// tree of size b (empty when a is 0 or a == b).
func (r *refLog) consistency(t testing.TB, a, b uint64) []verify.Hash {
	t.Helper()
	if a == 0 || a == b {
		return nil
	}
	p, err := tlog.ProveTree(int64(b), int64(a), r)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]verify.Hash, len(p))
	for i := range p {
		out[i] = verify.Hash(p[i])
	}
	return out
}

// prefix returns tlog's hashes of the perfect subtrees covering [0, from).
func (r *refLog) prefix(from uint64) []verify.Hash {
	var out []verify.Hash
	for _, id := range compact.RangeNodes(0, from, nil) {
		out = append(out, verify.Hash(r.hashes[tlog.StoredHashIndex(int(id.Level), int64(id.Index))]))
	}
	return out
}

func (r *refLog) anchor(t testing.TB, size uint64) Anchor {
	a := Anchor{ChainID: 31337, TreeSize: size, Root: r.root(t, size), BlockNumber: 100 + size}
	copy(a.Contract[:], bytes.Repeat([]byte{0xc0}, 20))
	a.LogID = sha256.Sum256([]byte(r.origin))
	a.BlockHash = sha256.Sum256(fmt.Appendf(nil, "block %d", size))
	a.TxHash = sha256.Sum256(fmt.Appendf(nil, "tx %d", size))
	return a
}

// spec says what an export of a refLog holds.
type spec struct {
	size        uint64   // the header's checkpoint
	from, to    uint64   // the leaves
	checkpoints []uint64 // other checkpoints, below size
	anchors     []uint64 // anchored sizes, any up to len(leaves)
	payloads    []uint64 // leaf indices with a payload; nil: no payloads
	counters    []record.CountCell
	withCounter bool
}

// export writes the export of s with the Encoder, every proof from tlog.
func (r *refLog) export(t testing.TB, s spec) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := NewEncoder(&b)
	h := &Header{Checkpoint: r.sign(t, s.size, r.signer), From: s.from, To: s.to, Payloads: s.payloads != nil, Counters: s.withCounter}
	if 0 < s.from && s.from < s.to {
		h.Prefix = r.prefix(s.from)
	}
	if s.from < s.to && s.to < s.size {
		h.RangeProof = r.consistency(t, s.to, s.size)
	}
	must(t, enc.Header(h))
	for _, c := range s.checkpoints {
		must(t, enc.Checkpoint(r.sign(t, c, r.signer), r.consistency(t, c, s.size)))
	}
	for _, a := range s.anchors {
		lo, hi := min(a, s.size), max(a, s.size)
		must(t, enc.Anchor(r.anchor(t, a), r.consistency(t, lo, hi)))
	}
	for i := s.from; i < s.to; i++ {
		must(t, enc.Leaf(i, r.leaves[i]))
	}
	for _, i := range s.payloads {
		must(t, enc.Payload(Payload{Index: i, Sealed: fmt.Appendf(nil, "sealed payload of %d", i)}))
	}
	for _, c := range s.counters {
		must(t, enc.Counter(c))
	}
	if _, err := enc.End(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func sampleCounters() []record.CountCell {
	return []record.CountCell{
		{Model: "credit", Version: "1", Day: "2026-01-02", Groups: []record.Attr{{Name: "age", Value: "30-39"}, {Name: "sex", Value: "f"}}, Decision: "approve", Count: 3, Weight: 3},
		{Model: "credit", Version: "1", Day: "2026-01-02", Groups: []record.Attr{{Name: "age", Value: "30-39"}, {Name: "sex", Value: "f"}}, Decision: "approve", Outcome: "repaid", Count: 2, Weight: 2.5},
		{Model: "credit", Version: "1", Day: "2026-01-03", Groups: []record.Attr{{Name: "sex", Value: "m"}}, Decision: "deny", Count: 1, Weight: 1},
	}
}
