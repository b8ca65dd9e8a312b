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
	return Attach(ctx, a.log, a.state, r)
}

// Attach is [Anchorer.Attach] for a log whose anchorer is not running in
// this process: it reads the confirmed anchors from the anchorer's state
// (for an *auditlog.Log, log.Store(DefaultNamespace) unless the anchorer
// was given another) and asks log for the consistency proof. It only reads
// state.
func Attach(ctx context.Context, log Log, state State, r *receipt.Receipt) error {
	if log == nil || state == nil || r == nil {
		return fmt.Errorf("anchor: Attach: nil log, state or receipt")
	}
	cp, err := verify.ParseCheckpoint(noteText(r.Checkpoint))
	if err != nil {
		return fmt.Errorf("anchor: Attach: the receipt's checkpoint: %w", err)
	}
	anc, err := coveringIn(state, cp.Size)
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
