package auditlog

import (
	"context"
	"encoding/binary"
	"errors"

	"github.com/transparency-dev/merkle/compact"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// CheckIntegrity recomputes every hash from the stored leaves and compares
// it with the stored leaf and node hashes and with every stored checkpoint
// (whose signatures it checks when Options.Verifier is set). It returns nil
// or an [*IntegrityError] naming the first mismatch.
func (l *Log) CheckIntegrity(ctx context.Context) error {
	if err := l.checkOpen(); err != nil {
		return err
	}
	snap := l.db.NewSnapshot()
	defer snap.Close()
	size, err := l.viewSize(snap)
	if err != nil {
		return err
	}
	// Checkpoints, by size, from the same snapshot as the tree: one signed
	// after the snapshot was taken may be beyond its size.
	cps := map[uint64]SignedCheckpoint{}
	if err := l.checkpointsFrom(ctx, snap, func(cp SignedCheckpoint) error {
		if cp.Size > size {
			return &IntegrityError{Kind: "checkpoint", Index: cp.Size, Err: errors.New("beyond the tree size")}
		}
		if l.opts.Verifier != nil {
			if _, err := verify.OpenCheckpoint(cp.Note, l.opts.Verifier); err != nil {
				return &IntegrityError{Kind: "checkpoint", Index: cp.Size, Err: err}
			}
		}
		cps[cp.Size] = cp
		return nil
	}); err != nil {
		return err
	}
	if cp, ok := cps[0]; ok && cp.Root != verify.EmptyRoot() {
		return &IntegrityError{Kind: "checkpoint", Index: 0, Want: verify.EmptyRoot(), Got: cp.Root}
	}
	rng := factory.NewEmptyRange(0)
	var bad error
	visit := func(id compact.NodeID, hash []byte) {
		if bad != nil {
			return
		}
		got, err := nodeHash(snap, id)
		if err != nil {
			bad = err
			return
		}
		if got != verify.Hash(hash) {
			kind := "node"
			if id.Level == 0 {
				kind = "leaf"
			}
			bad = &IntegrityError{Kind: kind, Level: id.Level, Index: id.Index, Want: verify.Hash(hash), Got: got}
		}
	}
	err = l.scanFrom(ctx, snap, size, func(i uint64, leaf []byte) error {
		h := verify.LeafHash(leaf)
		if err := rng.Append(h[:], visit); err != nil {
			return err
		}
		if bad != nil {
			return bad
		}
		if cp, ok := cps[i+1]; ok {
			root, err := rng.GetRootHash(nil)
			if err != nil {
				return err
			}
			if verify.Hash(root) != cp.Root {
				return &IntegrityError{Kind: "checkpoint", Index: cp.Size, Want: verify.Hash(root), Got: cp.Root}
			}
		}
		return nil
	})
	return err
}

func (l *Log) viewSize(r reader) (uint64, error) {
	sb, err := getFrom(r, keySize)
	if err != nil || len(sb) != 8 {
		return 0, &IntegrityError{Kind: "size", Err: errors.New("tree size record missing or malformed")}
	}
	return binary.BigEndian.Uint64(sb), nil
}

// scanFrom reads leaves [0, size) from r.
func (l *Log) scanFrom(ctx context.Context, r reader, size uint64, fn func(uint64, []byte) error) error {
	for i := uint64(0); i < size; i++ {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		leaf, err := leafFrom(r, i)
		if errors.Is(err, ErrNotFound) {
			return &IntegrityError{Kind: "missing", Index: i, Err: errors.New("leaf missing")}
		}
		if err != nil {
			return err
		}
		if err := fn(i, leaf); err != nil {
			return err
		}
	}
	return nil
}
