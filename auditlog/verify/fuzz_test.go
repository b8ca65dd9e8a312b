package verify_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

func FuzzParseCheckpoint(f *testing.F) {
	root := verify.EmptyRoot()
	for _, c := range []verify.Checkpoint{
		{Origin: "example.org/log", Size: 0, Root: root},
		{Origin: "example.org/log", Size: 12345, Root: verify.LeafHash([]byte("x"))},
		{Origin: "a b c", Size: 1<<64 - 1, Root: verify.Hash{1}},
	} {
		f.Add(c.Marshal())
	}
	f.Add([]byte("example.org/log\n01\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"))
	f.Add([]byte("example.org/log\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next\n"))
	f.Add([]byte("example.org/log\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="))
	f.Add([]byte("example.org/log\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=\n"))
	f.Add([]byte("\n\n\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, text []byte) {
		c, err := verify.ParseCheckpoint(text)
		if err != nil {
			if !errors.Is(err, verify.ErrMalformedCheckpoint) {
				t.Fatalf("ParseCheckpoint(%q): error %v is not ErrMalformedCheckpoint", text, err)
			}
			return
		}
		if m := c.Marshal(); !bytes.Equal(m, text) {
			t.Fatalf("ParseCheckpoint(%q) accepted a non-canonical body: it marshals back as %q", text, m)
		}
	})
}

// hashes cuts b into 32-byte hashes (dropping a short tail).
func hashes(b []byte) []verify.Hash {
	out := make([]verify.Hash, len(b)/verify.HashSize)
	for i := range out {
		copy(out[i][:], b[i*verify.HashSize:])
	}
	return out
}

func hashOf(b []byte) verify.Hash {
	var h verify.Hash
	copy(h[:], b)
	return h
}

// mutate changes a valid proof as the fuzzer says: flips a byte, drops or
// adds hashes. It returns false when it cannot change this proof.
func mutate(p []verify.Hash, mode uint8, pos uint32, x byte, extra []byte) ([]verify.Hash, bool) {
	if x == 0 {
		x = 1
	}
	q := cloneProof(p)
	switch mode % 4 {
	case 0: // flip bits of one byte
		if len(q) == 0 {
			return nil, false
		}
		i := int(pos % uint32(len(q)*verify.HashSize))
		q[i/verify.HashSize][i%verify.HashSize] ^= x
	case 1: // drop hashes from the end
		if len(q) == 0 {
			return nil, false
		}
		q = q[:int(pos%uint32(len(q)))]
	case 2: // append a hash
		q = append(q, hashOf(extra))
	case 3: // insert a hash
		i := int(pos % uint32(len(q)+1))
		q = append(q[:i], append([]verify.Hash{hashOf(extra)}, q[i:]...)...)
	}
	return q, true
}

func FuzzVerifyInclusion(f *testing.F) {
	ref := newRefTree(f, maxVectorSize)
	roots := make([]verify.Hash, maxVectorSize+1)
	for n := 1; n <= maxVectorSize; n++ {
		roots[n] = ref.root(f, n)
	}
	f.Add(uint64(0), uint64(1), []byte("leaf"), []byte{}, []byte{}, uint8(0), uint32(0), byte(1))
	f.Add(uint64(3), uint64(7), []byte("x"), bytes.Repeat([]byte{7}, 96), []byte("root"), uint8(1), uint32(40), byte(0x80))
	f.Add(uint64(1<<63), uint64(1<<64-1), []byte{}, bytes.Repeat([]byte{1}, 64*32), bytes.Repeat([]byte{2}, 32), uint8(2), uint32(1<<31), byte(3))
	f.Add(uint64(63), uint64(64), []byte("y"), bytes.Repeat([]byte{9}, 31), []byte{}, uint8(3), uint32(5), byte(0))
	f.Fuzz(func(t *testing.T, index, size uint64, leaf, proof, root []byte, mode uint8, pos uint32, x byte) {
		// Arbitrary input: no panic, and an error that says ErrProof.
		p := hashes(proof)
		if err := verify.VerifyInclusion(index, size, verify.LeafHash(leaf), p, hashOf(root)); err != nil && !errors.Is(err, verify.ErrProof) {
			t.Fatalf("error %v is not ErrProof", err)
		}
		_, _ = verify.RootFromInclusion(index, size, hashOf(leaf), p)

		// A valid proof from the reference tree, mutated: never verifies.
		n := 1 + size%maxVectorSize
		i := index % n
		lh := verify.LeafHash(ref.leaves[i])
		valid := ref.inclusion(t, int(i), int(n))
		if err := verify.VerifyInclusion(i, n, lh, valid, roots[n]); err != nil {
			t.Fatalf("valid proof of %d in %d rejected: %v", i, n, err)
		}
		if mode%5 == 4 { // claim another leaf's position
			if n == 1 {
				return
			}
			other := (i + 1 + uint64(pos)%(n-1)) % n
			if err := verify.VerifyInclusion(other, n, lh, valid, roots[n]); err == nil {
				t.Fatalf("proof of leaf %d in %d accepted for index %d", i, n, other)
			}
			return
		}
		q, ok := mutate(valid, mode, pos, x, root)
		if !ok {
			return
		}
		if err := verify.VerifyInclusion(i, n, lh, q, roots[n]); err == nil {
			t.Fatalf("mutated proof of %d in %d accepted (mode %d): %v -> %v", i, n, mode%4, valid, q)
		}
	})
}

func FuzzVerifyConsistency(f *testing.F) {
	ref := newRefTree(f, maxVectorSize)
	roots := make([]verify.Hash, maxVectorSize+1)
	for n := 1; n <= maxVectorSize; n++ {
		roots[n] = ref.root(f, n)
	}
	f.Add(uint64(0), uint64(1), []byte{}, []byte{}, []byte{}, uint8(0), uint32(0), byte(1))
	f.Add(uint64(3), uint64(7), bytes.Repeat([]byte{7}, 96), []byte("root1"), []byte("root2"), uint8(1), uint32(40), byte(0x80))
	f.Add(uint64(1<<63), uint64(1<<64-1), bytes.Repeat([]byte{1}, 64*32), bytes.Repeat([]byte{2}, 32), []byte{}, uint8(2), uint32(1<<31), byte(3))
	f.Add(uint64(64), uint64(63), bytes.Repeat([]byte{9}, 31), []byte{}, []byte{}, uint8(3), uint32(5), byte(0))
	f.Fuzz(func(t *testing.T, size1, size2 uint64, proof, root1, root2 []byte, mode uint8, pos uint32, x byte) {
		p := hashes(proof)
		if err := verify.VerifyConsistency(size1, size2, p, hashOf(root1), hashOf(root2)); err != nil && !errors.Is(err, verify.ErrProof) {
			t.Fatalf("error %v is not ErrProof", err)
		}

		n2 := 1 + size2%maxVectorSize
		n1 := 1 + size1%n2
		valid := ref.consistency(t, int(n1), int(n2))
		if err := verify.VerifyConsistency(n1, n2, valid, roots[n1], roots[n2]); err != nil {
			t.Fatalf("valid proof %d -> %d rejected: %v", n1, n2, err)
		}
		q, ok := mutate(valid, mode, pos, x, root1)
		if !ok {
			return
		}
		if err := verify.VerifyConsistency(n1, n2, q, roots[n1], roots[n2]); err == nil {
			t.Fatalf("mutated proof %d -> %d accepted (mode %d): %v -> %v", n1, n2, mode%4, valid, q)
		}
	})
}
