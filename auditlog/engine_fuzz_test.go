package auditlog

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/bits"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// A plain, recursive RFC 6962 (section 2.1) reference: slow and obviously
// right, written from the RFC's definitions and sharing nothing with the
// engine, transparency-dev/merkle or package verify.

func refLeafHash(leaf []byte) [32]byte {
	return sha256.Sum256(append([]byte{0}, leaf...))
}

func refNodeHash(l, r [32]byte) [32]byte {
	b := make([]byte, 0, 65)
	b = append(b, 1)
	b = append(b, l[:]...)
	return sha256.Sum256(append(b, r[:]...))
}

// refSplit is the largest power of two smaller than n (n > 1).
func refSplit(n int) int { return 1 << (bits.Len(uint(n-1)) - 1) }

// refMTH is MTH(D[n]) over leaf hashes.
func refMTH(d [][32]byte) [32]byte {
	switch len(d) {
	case 0:
		return sha256.Sum256(nil)
	case 1:
		return d[0]
	}
	k := refSplit(len(d))
	return refNodeHash(refMTH(d[:k]), refMTH(d[k:]))
}

// refPath is PATH(m, D[n]), the inclusion proof of leaf m.
func refPath(m int, d [][32]byte) [][32]byte {
	if len(d) <= 1 {
		return nil
	}
	k := refSplit(len(d))
	if m < k {
		return append(refPath(m, d[:k]), refMTH(d[k:]))
	}
	return append(refPath(m-k, d[k:]), refMTH(d[:k]))
}

// refProof is PROOF(m, D[n]), the consistency proof from size m.
func refProof(m int, d [][32]byte) [][32]byte {
	if m == 0 || m == len(d) {
		return nil
	}
	return refSubproof(m, d, true)
}

func refSubproof(m int, d [][32]byte, b bool) [][32]byte {
	if m == len(d) {
		if b {
			return nil
		}
		return [][32]byte{refMTH(d)}
	}
	k := refSplit(len(d))
	if m <= k {
		return append(refSubproof(m, d[:k], b), refMTH(d[k:]))
	}
	return append(refSubproof(m-k, d[k:], false), refMTH(d[:k]))
}

func sameHashes(got []verify.Hash, want [][32]byte) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i] != verify.Hash(want[i]) {
			return false
		}
	}
	return true
}

// fuzzMaxLeaves bounds one fuzz input's log, to keep each run cheap.
const fuzzMaxLeaves = 200

// fuzzOps turns fuzz input into append operations: each operation is a
// kind and a list of leaves, the leaves' lengths and bytes coming from the
// input.
func fuzzOps(data []byte) (ops []fuzzOp, n int) {
	next := func() (byte, bool) {
		if len(data) == 0 {
			return 0, false
		}
		b := data[0]
		data = data[1:]
		return b, true
	}
	for n < fuzzMaxLeaves {
		b, ok := next()
		if !ok {
			break
		}
		op := fuzzOp{kind: int(b>>3) % 3}
		count := 1 + int(b&7)
		for range min(count, fuzzMaxLeaves-n) {
			lb, ok := next()
			if !ok {
				lb = byte(n)
			}
			ln := 1 + int(lb%40)
			leaf := append([]byte(nil), data[:min(ln, len(data))]...)
			data = data[len(leaf):]
			if len(leaf) == 0 {
				leaf = []byte{lb}
			}
			op.leaves = append(op.leaves, leaf)
			n++
		}
		ops = append(ops, op)
	}
	return ops, n
}

type fuzzOp struct {
	kind   int // 0 Append each leaf, 1 AppendBatch, 2 AppendAsync each then wait
	leaves [][]byte
}

func FuzzEngineAgainstReference(f *testing.F) {
	signer, verifier := engKeys(f, "example.org/glassbox/engine-fuzz")
	f.Add([]byte{0, 1, 'a'})
	f.Add([]byte("\x0f\x03abc\x05hello\x00x\x01yz\x09\x02pq"))
	f.Add(bytes.Repeat([]byte{0x17, 2, 'x', 'y', 'z'}, 40))
	seed := make([]byte, 0, 4096)
	for i := range 700 {
		seed = binary.BigEndian.AppendUint32(seed, uint32(i*2654435761))
	}
	f.Add(seed)
	f.Add(bytes.Repeat([]byte{0x07}, 600)) // batches of 8 one-byte leaves
	f.Fuzz(func(t *testing.T, data []byte) {
		ops, n := fuzzOps(data)
		if n == 0 {
			return
		}
		ctx := context.Background()
		dir := t.TempDir()
		l, err := Open(dir, &Options{Signer: signer, Verifier: verifier, CheckpointInterval: -1})
		if err != nil {
			t.Fatal(err)
		}
		defer func() { l.Close() }()

		var leaves [][]byte
		var ref [][32]byte
		for _, op := range ops {
			want := uint64(len(leaves))
			var got []uint64
			switch op.kind {
			case 0:
				for _, leaf := range op.leaves {
					idx, err := l.Append(ctx, leaf)
					if err != nil {
						t.Fatalf("Append: %v", err)
					}
					got = append(got, idx)
				}
			case 1:
				first, err := l.AppendBatch(ctx, op.leaves)
				if err != nil {
					t.Fatalf("AppendBatch: %v", err)
				}
				for j := range op.leaves {
					got = append(got, first+uint64(j))
				}
			case 2:
				var futs []IndexFuture
				for _, leaf := range op.leaves {
					futs = append(futs, l.AppendAsync(ctx, leaf))
				}
				for _, fut := range futs {
					idx, err := fut()
					if err != nil {
						t.Fatalf("AppendAsync: %v", err)
					}
					got = append(got, idx)
				}
			}
			for j, idx := range got {
				if idx != want+uint64(j) {
					t.Fatalf("operation %d put leaf %d of %d at index %d, want %d", op.kind, j, len(got), idx, want+uint64(j))
				}
			}
			for _, leaf := range op.leaves {
				leaves = append(leaves, leaf)
				ref = append(ref, refLeafHash(leaf))
			}
		}
		size := uint64(len(ref))
		if l.Size() != size {
			t.Fatalf("Size = %d, want %d", l.Size(), size)
		}

		check := func(l *Log) {
			for s := uint64(0); s <= size; s++ {
				root, err := l.RootAt(ctx, s)
				if err != nil {
					t.Fatalf("RootAt(%d): %v", s, err)
				}
				if want := refMTH(ref[:s]); root != verify.Hash(want) {
					t.Fatalf("RootAt(%d) = %s, the reference says %x", s, root, want)
				}
			}
			if err := l.ScanLeaves(ctx, 0, size, func(i uint64, leaf []byte) error {
				if !bytes.Equal(leaf, leaves[i]) {
					return fmt.Errorf("leaf %d is %x, appended %x", i, leaf, leaves[i])
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
		}
		check(l)

		// A few proofs, chosen from the input.
		h := sha256.Sum256(data)
		pick := func(k int, mod uint64) uint64 { return binary.BigEndian.Uint64(h[8*k:]) % mod }
		s2 := 1 + pick(0, size)
		for _, q := range [][2]uint64{{0, size}, {size - 1, size}, {pick(1, size), size}, {pick(2, s2), s2}} {
			index, sz := q[0], q[1]
			p, err := l.InclusionProof(ctx, index, sz)
			if err != nil {
				t.Fatalf("InclusionProof(%d, %d): %v", index, sz, err)
			}
			want := refPath(int(index), ref[:sz])
			if !sameHashes(p, want) {
				t.Fatalf("InclusionProof(%d, %d) = %v, the reference says %x", index, sz, p, want)
			}
			if err := verify.VerifyInclusion(index, sz, verify.Hash(ref[index]), p, verify.Hash(refMTH(ref[:sz]))); err != nil {
				t.Fatalf("inclusion proof (%d, %d) does not verify against the reference root: %v", index, sz, err)
			}
		}
		for _, q := range [][2]uint64{{1, size}, {size, size}, {pick(3, size+1), size}, {pick(1, s2+1), s2}, {0, s2}} {
			s1, sz := q[0], q[1]
			p, err := l.ConsistencyProof(ctx, s1, sz)
			if err != nil {
				t.Fatalf("ConsistencyProof(%d, %d): %v", s1, sz, err)
			}
			want := refProof(int(s1), ref[:sz])
			if !sameHashes(p, want) {
				t.Fatalf("ConsistencyProof(%d, %d) = %v, the reference says %x", s1, sz, p, want)
			}
			if err := verify.VerifyConsistency(s1, sz, p, verify.Hash(refMTH(ref[:s1])), verify.Hash(refMTH(ref[:sz]))); err != nil {
				t.Fatalf("consistency proof %d -> %d does not verify against the reference roots: %v", s1, sz, err)
			}
		}
		cp, err := l.Checkpoint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if cp.Size != size || cp.Root != verify.Hash(refMTH(ref)) {
			t.Fatalf("checkpoint %d %s, the reference says %d %x", cp.Size, cp.Root, size, refMTH(ref))
		}
		if _, err := verify.OpenCheckpoint(cp.Note, verifier); err != nil {
			t.Fatal(err)
		}

		// The tree restored from stored nodes is the same.
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
		l, err = Open(dir, &Options{Signer: signer, Verifier: verifier, CheckpointInterval: -1})
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		if l.Size() != size {
			t.Fatalf("size after reopen %d, want %d", l.Size(), size)
		}
		check(l)
		if err := l.CheckIntegrity(ctx); err != nil {
			t.Fatal(err)
		}
	})
}
