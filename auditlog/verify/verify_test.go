package verify_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/internal/testkeys"
)

// maxVectorSize is the largest tree the proof vectors cover; the reference
// tree holds one more leaf so that "size+1" is always available.
const maxVectorSize = 64

// refTree is a tree built with golang.org/x/mod/sumdb/tlog, an RFC 6962
// implementation independent of ours and of transparency-dev/merkle.
type refTree struct {
	leaves [][]byte
	stored []tlog.Hash
}

func (r *refTree) ReadHashes(idx []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(idx))
	for i, x := range idx {
		if x < 0 || x >= int64(len(r.stored)) {
			return nil, fmt.Errorf("hash %d not stored", x)
		}
		out[i] = r.stored[x]
	}
	return out, nil
}

func newRefTree(t testing.TB, n int) *refTree {
	t.Helper()
	r := &refTree{}
	for i := range n {
		leaf := fmt.Appendf(nil, "vector leaf %d", i)
		hs, err := tlog.StoredHashes(int64(i), leaf, r)
		if err != nil {
			t.Fatal(err)
		}
		r.leaves = append(r.leaves, leaf)
		r.stored = append(r.stored, hs...)
	}
	return r
}

func (r *refTree) root(t testing.TB, size int) verify.Hash {
	t.Helper()
	h, err := tlog.TreeHash(int64(size), r)
	if err != nil {
		t.Fatal(err)
	}
	return verify.Hash(h)
}

func (r *refTree) inclusion(t testing.TB, index, size int) []verify.Hash {
	t.Helper()
	p, err := tlog.ProveRecord(int64(size), int64(index), r)
	if err != nil {
		t.Fatal(err)
	}
	return fromTlog(p)
}

func (r *refTree) consistency(t testing.TB, size1, size2 int) []verify.Hash {
	t.Helper()
	p, err := tlog.ProveTree(int64(size2), int64(size1), r)
	if err != nil {
		t.Fatal(err)
	}
	return fromTlog(p)
}

func fromTlog(p []tlog.Hash) []verify.Hash {
	out := make([]verify.Hash, len(p))
	for i := range p {
		out[i] = verify.Hash(p[i])
	}
	return out
}

func cloneProof(p []verify.Hash) []verify.Hash { return append([]verify.Hash(nil), p...) }

// flipBits returns the bit positions of a 32-byte hash the flip tests try:
// all 256 of them for trees of up to 8 leaves, and one bit of every other
// byte (rotating through bytes and bit positions with the size) for larger
// ones, to keep the race-enabled run short.
func flipBits(size int) []int {
	var out []int
	if size <= 8 {
		for b := range 256 {
			out = append(out, b)
		}
		return out
	}
	for by := size % 2; by < verify.HashSize; by += 2 {
		out = append(out, by*8+(by+size)%8)
	}
	return out
}

func flip(h verify.Hash, bit int) verify.Hash {
	h[bit/8] ^= 1 << (bit % 8)
	return h
}

func TestLeafAndNodeHashMatchTlog(t *testing.T) {
	for _, leaf := range [][]byte{{}, {0}, []byte("glassbox"), bytes.Repeat([]byte{0xff}, 1000)} {
		if got, want := verify.LeafHash(leaf), verify.Hash(tlog.RecordHash(leaf)); got != want {
			t.Errorf("LeafHash(%x) = %s, tlog says %s", leaf, got, want)
		}
	}
	a, b := verify.LeafHash([]byte("a")), verify.LeafHash([]byte("b"))
	if got, want := verify.NodeHash(a, b), verify.Hash(tlog.NodeHash(tlog.Hash(a), tlog.Hash(b))); got != want {
		t.Errorf("NodeHash = %s, tlog says %s", got, want)
	}
	if got, want := verify.EmptyRoot().String(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"; got != want {
		t.Errorf("EmptyRoot = %s, want SHA-256 of nothing %s", got, want)
	}
}

// TestInclusionVectors checks every (index, size) up to maxVectorSize with
// proofs made by tlog: ours must accept them, agree on the root, and reject
// every mutation.
func TestInclusionVectors(t *testing.T) {
	ref := newRefTree(t, maxVectorSize+1)
	roots := make([]verify.Hash, maxVectorSize+2)
	for n := 1; n <= maxVectorSize+1; n++ {
		roots[n] = ref.root(t, n)
	}
	for size := 1; size <= maxVectorSize; size++ {
		bits := flipBits(size)
		for index := range size {
			leaf := verify.LeafHash(ref.leaves[index])
			p := ref.inclusion(t, index, size)
			name := fmt.Sprintf("index %d size %d", index, size)
			if err := verify.VerifyInclusion(uint64(index), uint64(size), leaf, p, roots[size]); err != nil {
				t.Fatalf("%s: tlog's proof rejected: %v", name, err)
			}
			root, err := verify.RootFromInclusion(uint64(index), uint64(size), leaf, p)
			if err != nil || root != roots[size] {
				t.Fatalf("%s: RootFromInclusion = %s, %v; tlog's root %s", name, root, err, roots[size])
			}
			reject := func(what string, index, size uint64, leaf verify.Hash, p []verify.Hash, root verify.Hash, args ...any) {
				if err := verify.VerifyInclusion(index, size, leaf, p, root); err == nil {
					t.Fatalf("%s: %s accepted", name, fmt.Sprintf(what, args...))
				} else if !errors.Is(err, verify.ErrProof) {
					t.Fatalf("%s: %s: error %v is not ErrProof", name, fmt.Sprintf(what, args...), err)
				}
			}
			q := cloneProof(p)
			for i := range q {
				for _, b := range bits {
					q[i] = flip(q[i], b)
					reject("bit %d of proof hash %d flipped", uint64(index), uint64(size), leaf, q, roots[size], b, i)
					q[i] = flip(q[i], b)
				}
			}
			for _, b := range bits {
				reject("bit %d of the leaf hash flipped", uint64(index), uint64(size), flip(leaf, b), p, roots[size], b)
				reject("bit %d of the root flipped", uint64(index), uint64(size), leaf, p, flip(roots[size], b), b)
			}
			for other := range size {
				if other != index {
					reject("wrong index %d", uint64(other), uint64(size), leaf, p, roots[size], other)
				}
			}
			// A wrong size is checked against that size's real root: the
			// root is what binds the size (through a signed checkpoint).
			if size-1 > index {
				reject("size-1", uint64(index), uint64(size-1), leaf, p, roots[size-1])
			}
			reject("size+1", uint64(index), uint64(size+1), leaf, p, roots[size+1])
			reject("index == size", uint64(size), uint64(size), leaf, p, roots[size])
			reject("index > size", uint64(size)+5, uint64(size), leaf, p, roots[size])
			if len(p) > 0 {
				reject("last hash dropped", uint64(index), uint64(size), leaf, p[:len(p)-1], roots[size])
				reject("first hash dropped", uint64(index), uint64(size), leaf, p[1:], roots[size])
			}
			reject("zero hash appended", uint64(index), uint64(size), leaf, append(cloneProof(p), verify.Hash{}), roots[size])
			reject("root appended", uint64(index), uint64(size), leaf, append(cloneProof(p), roots[size]), roots[size])
			reject("zero hash prepended", uint64(index), uint64(size), leaf, append([]verify.Hash{{}}, p...), roots[size])
		}
	}
	if err := verify.VerifyInclusion(0, 0, verify.Hash{}, nil, verify.EmptyRoot()); !errors.Is(err, verify.ErrProof) {
		t.Errorf("inclusion in the empty tree: %v, want ErrProof", err)
	}
}

// TestRootMismatchEvidence checks the typed error carries both roots.
func TestRootMismatchEvidence(t *testing.T) {
	ref := newRefTree(t, 5)
	p := ref.inclusion(t, 2, 5)
	wrong := verify.LeafHash([]byte("not in the tree"))
	root := ref.root(t, 5)
	err := verify.VerifyInclusion(2, 5, wrong, p, root)
	var rm *verify.RootMismatchError
	if !errors.As(err, &rm) {
		t.Fatalf("error %v is not a *RootMismatchError", err)
	}
	want, _ := verify.RootFromInclusion(2, 5, wrong, p)
	if rm.Expected != root || rm.Calculated != want {
		t.Errorf("evidence: expected %s calculated %s; want %s and %s", rm.Expected, rm.Calculated, root, want)
	}
}

// TestConsistencyVectors checks every 1 <= size1 <= size2 <= maxVectorSize
// with proofs made by tlog.
func TestConsistencyVectors(t *testing.T) {
	ref := newRefTree(t, maxVectorSize+1)
	roots := make([]verify.Hash, maxVectorSize+2)
	for n := 1; n <= maxVectorSize+1; n++ {
		roots[n] = ref.root(t, n)
	}
	for size2 := 1; size2 <= maxVectorSize; size2++ {
		bits := flipBits(size2)
		for size1 := 1; size1 <= size2; size1++ {
			name := fmt.Sprintf("%d -> %d", size1, size2)
			p := ref.consistency(t, size1, size2)
			r1, r2 := roots[size1], roots[size2]
			if err := verify.VerifyConsistency(uint64(size1), uint64(size2), p, r1, r2); err != nil {
				t.Fatalf("%s: tlog's proof rejected: %v", name, err)
			}
			reject := func(what string, s1, s2 uint64, p []verify.Hash, r1, r2 verify.Hash, args ...any) {
				if err := verify.VerifyConsistency(s1, s2, p, r1, r2); err == nil {
					t.Fatalf("%s: %s accepted", name, fmt.Sprintf(what, args...))
				} else if !errors.Is(err, verify.ErrProof) {
					t.Fatalf("%s: %s: error %v is not ErrProof", name, fmt.Sprintf(what, args...), err)
				}
			}
			q := cloneProof(p)
			for i := range q {
				for _, b := range bits {
					q[i] = flip(q[i], b)
					reject("bit %d of proof hash %d flipped", uint64(size1), uint64(size2), q, r1, r2, b, i)
					q[i] = flip(q[i], b)
				}
			}
			for _, b := range bits {
				reject("bit %d of root1 flipped", uint64(size1), uint64(size2), p, flip(r1, b), r2, b)
				reject("bit %d of root2 flipped", uint64(size1), uint64(size2), p, r1, flip(r2, b), b)
			}
			if size1 > 1 {
				reject("size1-1", uint64(size1-1), uint64(size2), p, roots[size1-1], r2)
			}
			if size1 < size2 {
				reject("size1+1", uint64(size1+1), uint64(size2), p, roots[size1+1], r2)
				reject("size2-1", uint64(size1), uint64(size2-1), p, r1, roots[size2-1])
				reject("sizes swapped", uint64(size2), uint64(size1), p, r2, r1)
			}
			reject("size2+1", uint64(size1), uint64(size2+1), p, r1, roots[size2+1])
			if len(p) > 0 {
				reject("last hash dropped", uint64(size1), uint64(size2), p[:len(p)-1], r1, r2)
				reject("first hash dropped", uint64(size1), uint64(size2), p[1:], r1, r2)
			}
			reject("zero hash appended", uint64(size1), uint64(size2), append(cloneProof(p), verify.Hash{}), r1, r2)
			reject("root2 appended", uint64(size1), uint64(size2), append(cloneProof(p), r2), r1, r2)
			reject("root1 prepended", uint64(size1), uint64(size2), append([]verify.Hash{r1}, p...), r1, r2)
		}
	}
	// From the empty tree: an empty proof, anything else is rejected.
	if err := verify.VerifyConsistency(0, 5, nil, verify.EmptyRoot(), roots[5]); err != nil {
		t.Errorf("consistency from the empty tree: %v", err)
	}
	if err := verify.VerifyConsistency(0, 5, []verify.Hash{roots[5]}, verify.EmptyRoot(), roots[5]); err == nil {
		t.Errorf("consistency from the empty tree with a non-empty proof accepted")
	}
}

// testKey makes a fresh Ed25519 note key named name.
func testKey(t testing.TB, name string) (note.Signer, note.Verifier) {
	t.Helper()
	return testkeys.New(t, name)
}

func signText(t testing.TB, text string, s ...note.Signer) []byte {
	t.Helper()
	msg, err := note.Sign(&note.Note{Text: text}, s...)
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

func TestCheckpointRoundTrip(t *testing.T) {
	ref := newRefTree(t, 7)
	for _, c := range []verify.Checkpoint{
		{Origin: "example.org/log", Size: 0, Root: verify.EmptyRoot()},
		{Origin: "example.org/log", Size: 7, Root: ref.root(t, 7)},
		{Origin: "x", Size: 1<<64 - 1, Root: verify.Hash{0xff}},
	} {
		b := c.Marshal()
		want := fmt.Sprintf("%s\n%d\n%s\n", c.Origin, c.Size, base64.StdEncoding.EncodeToString(c.Root[:]))
		if string(b) != want {
			t.Errorf("Marshal = %q, want the C2SP body %q", b, want)
		}
		got, err := verify.ParseCheckpoint(b)
		if err != nil || got != c {
			t.Errorf("ParseCheckpoint(%q) = %+v, %v; want %+v", b, got, err, c)
		}
	}
}

func TestOpenCheckpoint(t *testing.T) {
	const origin = "example.org/glassbox/verify-test"
	s, v := testKey(t, origin)
	ref := newRefTree(t, 9)
	c := verify.Checkpoint{Origin: origin, Size: 9, Root: ref.root(t, 9)}
	msg := signText(t, string(c.Marshal()), s)

	// x/mod's own note.Open accepts what we check.
	n, err := note.Open(msg, note.VerifierList(v))
	if err != nil || n.Text != string(c.Marshal()) {
		t.Fatalf("note.Open: %v", err)
	}
	got, err := verify.OpenCheckpoint(msg, v)
	if err != nil || got != c {
		t.Fatalf("OpenCheckpoint = %+v, %v; want %+v", got, err, c)
	}
	// A co-signed note still opens with our key.
	s2, _ := testKey(t, "example.org/witness")
	if got, err := verify.OpenCheckpoint(signText(t, string(c.Marshal()), s, s2), v); err != nil || got != c {
		t.Errorf("co-signed note: %+v, %v", got, err)
	}

	t.Run("wrong key", func(t *testing.T) {
		_, other := testKey(t, origin) // same name, other key
		if _, err := verify.OpenCheckpoint(msg, other); !errors.Is(err, verify.ErrBadSignature) {
			t.Errorf("got %v, want ErrBadSignature", err)
		}
	})
	t.Run("tampered body", func(t *testing.T) {
		bad := bytes.Replace(msg, []byte("\n9\n"), []byte("\n8\n"), 1)
		if _, err := verify.OpenCheckpoint(bad, v); !errors.Is(err, verify.ErrBadSignature) {
			t.Errorf("got %v, want ErrBadSignature", err)
		}
	})
	t.Run("wrong origin", func(t *testing.T) {
		ws, wv := testKey(t, "example.org/other-log")
		m := signText(t, string(c.Marshal()), ws)
		_, err := verify.OpenCheckpoint(m, wv)
		if !errors.Is(err, verify.ErrOrigin) {
			t.Errorf("got %v, want ErrOrigin", err)
		}
	})
	t.Run("unsigned", func(t *testing.T) {
		if _, err := verify.OpenCheckpoint(c.Marshal(), v); err == nil {
			t.Error("a body without signatures opened")
		}
	})
	bad := map[string]string{
		"extension line":       string(c.Marshal()) + "ext\n",
		"leading zero":         strings.Replace(string(c.Marshal()), "\n9\n", "\n09\n", 1),
		"plus sign":            strings.Replace(string(c.Marshal()), "\n9\n", "\n+9\n", 1),
		"negative size":        strings.Replace(string(c.Marshal()), "\n9\n", "\n-9\n", 1),
		"size overflow":        strings.Replace(string(c.Marshal()), "\n9\n", "\n18446744073709551616\n", 1),
		"bad base64":           fmt.Sprintf("%s\n9\n%s\n", origin, "!!"+base64.StdEncoding.EncodeToString(c.Root[:])[2:]),
		"short root":           fmt.Sprintf("%s\n9\n%s\n", origin, base64.StdEncoding.EncodeToString(c.Root[:31])),
		"long root":            fmt.Sprintf("%s\n9\n%s\n", origin, base64.StdEncoding.EncodeToString(append(c.Root[:], 0))),
		"unpadded root":        fmt.Sprintf("%s\n9\n%s\n", origin, base64.RawStdEncoding.EncodeToString(c.Root[:])),
		"missing root":         fmt.Sprintf("%s\n9\n", origin),
		"empty origin":         fmt.Sprintf("\n9\n%s\n", base64.StdEncoding.EncodeToString(c.Root[:])),
		"space after size":     strings.Replace(string(c.Marshal()), "\n9\n", "\n9 \n", 1),
		"hex size":             strings.Replace(string(c.Marshal()), "\n9\n", "\n0x9\n", 1),
		"blank extension line": string(c.Marshal()) + "\n",
	}
	for name, text := range bad {
		t.Run(name, func(t *testing.T) {
			if _, err := verify.ParseCheckpoint([]byte(text)); !errors.Is(err, verify.ErrMalformedCheckpoint) {
				t.Errorf("ParseCheckpoint(%q): %v, want ErrMalformedCheckpoint", text, err)
			}
			if !strings.HasSuffix(text, "\n\n") { // note.Sign refuses a text ending in a blank line
				m := signText(t, text, s)
				if _, err := verify.OpenCheckpoint(m, v); !errors.Is(err, verify.ErrMalformedCheckpoint) {
					t.Errorf("OpenCheckpoint of signed %q: %v, want ErrMalformedCheckpoint", text, err)
				}
			}
		})
	}
	t.Run("missing newline", func(t *testing.T) {
		text := c.Marshal()
		if _, err := verify.ParseCheckpoint(text[:len(text)-1]); !errors.Is(err, verify.ErrMalformedCheckpoint) {
			t.Errorf("got %v, want ErrMalformedCheckpoint", err)
		}
	})
}

// TestParseCheckpointRejectsCarriageReturn: Go's base64 decoder skips '\r'
// even in strict mode, so a root line with a carriage return in it parses
// to the same checkpoint as the canonical one: two different bodies, one
// checkpoint. ParseCheckpoint promises the canonical form only.
func TestParseCheckpointRejectsCarriageReturn(t *testing.T) {
	c := verify.Checkpoint{Origin: "o", Size: 5, Root: verify.EmptyRoot()}
	b := c.Marshal()
	for _, text := range []string{
		string(b[:len(b)-1]) + "\r\n",
		strings.Replace(string(b), "\n5\n", "\n5\n\r", 1),
	} {
		if got, err := verify.ParseCheckpoint([]byte(text)); err == nil {
			t.Errorf("%q accepted as %+v; its Marshal is %q", text, got, got.Marshal())
		}
	}
}

func TestHashText(t *testing.T) {
	h := verify.LeafHash([]byte("x"))
	b, err := h.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	var g verify.Hash
	if err := g.UnmarshalText(b); err != nil || g != h {
		t.Errorf("round trip: %s, %v", g, err)
	}
	for _, bad := range []string{"", "AAAA", base64.StdEncoding.EncodeToString(make([]byte, 33)), "not base64!"} {
		if err := g.UnmarshalText([]byte(bad)); !errors.Is(err, verify.ErrMalformedHash) {
			t.Errorf("UnmarshalText(%q): %v, want ErrMalformedHash", bad, err)
		}
	}
}

// TestConsistencyFromEmptyTreeChecksRoot1: the tree of size 0 has exactly
// one root, SHA-256 of nothing, so a claim that a tree of size 0 with
// another root is consistent with anything is false. transparency-dev's
// verifier ignores root1 when size1 is 0.
func TestConsistencyFromEmptyTreeChecksRoot1(t *testing.T) {
	ref := newRefTree(t, 5)
	bogus := verify.LeafHash([]byte("not the empty tree"))
	if err := verify.VerifyConsistency(0, 5, nil, bogus, ref.root(t, 5)); err == nil {
		t.Errorf("size 0 with root %s accepted; only %s is the root of the empty tree", bogus, verify.EmptyRoot())
	}
	if err := verify.VerifyConsistency(0, 0, nil, bogus, verify.EmptyRoot()); err == nil {
		t.Errorf("size 0 -> 0 with roots %s and %s accepted", bogus, verify.EmptyRoot())
	}
}
