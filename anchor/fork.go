package anchor

import (
	"context"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/registry"
)

// rooter is the optional RootAt of a [Log] (*auditlog.Log has it): with
// it, a [ForkError] names the log's own root at the anchored size.
type rooter interface {
	RootAt(ctx context.Context, size uint64) (verify.Hash, error)
}

// checkExtends checks that cp, the checkpoint about to be anchored, is of
// a tree that extends the contract's latest anchor: a consistency proof
// from the anchored size to cp's, from the log, verified against the
// anchored root and cp's root. A failure is a [*ForkError].
func (a *Anchorer) checkExtends(ctx context.Context, latest registry.Anchor, cp auditlog.SignedCheckpoint) error {
	if latest.TreeSize == 0 {
		return nil
	}
	fe := &ForkError{LogID: a.logID, AnchoredSize: latest.TreeSize, AnchoredRoot: latest.Root, LogSize: cp.Size}
	switch {
	case cp.Size < latest.TreeSize:
		return fe
	case cp.Size == latest.TreeSize:
		if [32]byte(cp.Root) == latest.Root {
			return nil
		}
		fe.LogRoot = cp.Root
		return fe
	}
	p, err := a.log.ConsistencyProof(ctx, latest.TreeSize, cp.Size)
	if err != nil {
		return fmt.Errorf("anchor: the log's consistency proof from the anchored size %d to %d: %w", latest.TreeSize, cp.Size, err)
	}
	err = verify.VerifyConsistency(latest.TreeSize, cp.Size, p, verify.Hash(latest.Root), cp.Root)
	if err == nil {
		return nil
	}
	fe.Err = err
	if r, ok := a.log.(rooter); ok {
		if root, rerr := r.RootAt(ctx, latest.TreeSize); rerr == nil {
			fe.LogRoot = root
		}
	}
	return fe
}

// checkKey checks that cp verifies under the key the contract holds for
// its size (registry KeyAt): after a key rotation is declared, checkpoints
// below its size keep the old key, those at and above it need the new one.
func (a *Anchorer) checkKey(ctx context.Context, cp auditlog.SignedCheckpoint) error {
	k, err := a.reg.KeyAt(ctx, a.logID, cp.Size)
	if err != nil {
		return a.rpcErr(fmt.Sprintf("reading the log's key for size %d", cp.Size), err)
	}
	nv, err := infoVerifier(registry.LogInfo{Origin: a.log.Origin(), PublicKey: k.PublicKey})
	if err != nil {
		return err
	}
	if _, err := verify.OpenCheckpoint(cp.Note, nv); err != nil {
		return fmt.Errorf("%w: the log's checkpoint of size %d is not signed by the key registered on contract %s for %q at that size (valid from size %d): %v",
			ErrKeyMismatch, cp.Size, a.opts.Contract.Hex(), a.log.Origin(), k.FromSize, err)
	}
	return nil
}

// checkRetired ends the run of a retired log.
func (a *Anchorer) checkRetired(ctx context.Context) error {
	r, err := a.reg.Retirement(ctx, a.logID)
	if err != nil {
		return a.rpcErr("reading the log's retirement", err)
	}
	if r.Retired {
		return fmt.Errorf("anchor: log %q (id %s) was retired on contract %s in block %d (%q): it takes no more anchors; anchor its successor instead: %w",
			a.log.Origin(), a.logID, a.opts.Contract.Hex(), r.BlockNumber, r.Reason, registry.ErrLogRetired)
	}
	return nil
}
