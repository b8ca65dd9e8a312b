package anchor

import (
	"context"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// Attach fills r.Anchor: the smallest confirmed anchor of the log whose tree
// size covers the receipt's checkpoint, and the consistency proof from the
// checkpoint to it. It returns ErrNoAnchor (leaving r unchanged) when no
// confirmed anchor covers the checkpoint yet.
func (a *Anchorer) Attach(ctx context.Context, r *receipt.Receipt) error {
	return attach(ctx, a.log, a.store, r)
}

// Attach is [Anchorer.Attach] for a log whose anchorer is not running in
// this process: it reads the anchors stored in the log under namespace
// (DefaultNamespace if empty).
func Attach(ctx context.Context, log Log, namespace string, r *receipt.Receipt) error {
	if namespace == "" {
		namespace = DefaultNamespace
	}
	st, err := log.Store(namespace)
	if err != nil {
		return fmt.Errorf("anchor: opening the log's store %q: %w", namespace, err)
	}
	return attach(ctx, log, st, r)
}

func attach(ctx context.Context, log Log, st kv, r *receipt.Receipt) error {
	if r == nil {
		return fmt.Errorf("anchor: Attach: nil receipt")
	}
	cp, err := verify.ParseCheckpoint(noteText(r.Checkpoint))
	if err != nil {
		return fmt.Errorf("anchor: Attach: the receipt's checkpoint: %w", err)
	}
	anc, err := coveringIn(st, cp.Size)
	if err != nil {
		return err
	}
	var proof []verify.Hash
	if anc.TreeSize > cp.Size {
		proof, err = log.ConsistencyProof(ctx, cp.Size, anc.TreeSize)
		if err != nil {
			return fmt.Errorf("anchor: Attach: consistency proof %d -> %d: %w", cp.Size, anc.TreeSize, err)
		}
	}
	r.Anchor = &receipt.Anchor{
		ChainID:          anc.ChainID,
		Contract:         anc.Contract,
		LogID:            anc.LogID,
		TreeSize:         anc.TreeSize,
		Root:             verify.Hash(anc.Root),
		BlockNumber:      anc.BlockNumber,
		BlockHash:        anc.BlockHash,
		TxHash:           anc.TxHash,
		ConsistencyProof: proof,
	}
	return nil
}
