package decisions

import (
	"context"
	"errors"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// Receipt returns the receipt of the decision with the given id: its leaf,
// an inclusion proof to the latest checkpoint (signing a new one, of the
// size the decision was read at, if none covers the decision yet), and the
// disclosure of every committed field. For an erased subject the receipt
// has no disclosures; it still proves the leaf. The anchor is left empty;
// package anchor fills it.
//
// The receipt holds the subject's personal data: give it only to the
// subject (or whoever may see it).
func (d *Log) Receipt(ctx context.Context, id string) (*receipt.Receipt, error) {
	v, err := d.st.View(ctx)
	if err != nil {
		return nil, err
	}
	defer v.Close()
	idx, err := decisionIndex(v, id)
	if err != nil {
		return nil, err
	}
	s, err := d.read(ctx, v, idx)
	if err != nil {
		return nil, err
	}
	cp, err := d.lg.LatestCheckpoint(ctx)
	var p []verify.Hash
	switch {
	case err == nil && cp.Size > idx:
		p, err = d.lg.InclusionProof(ctx, idx, cp.Size)
	case err == nil || errors.Is(err, auditlog.ErrNotFound):
		if cp, err = v.Checkpoint(ctx); err == nil {
			p, err = v.InclusionProof(ctx, idx)
		}
	}
	if err != nil {
		return nil, err
	}
	r := &receipt.Receipt{
		Origin:         cp.Origin,
		Index:          idx,
		Leaf:           s.LeafBytes,
		InclusionProof: p,
		Checkpoint:     cp.Note,
	}
	if s.Payload != nil {
		r.Disclosures = receipt.Disclose(s.Leaf, s.Payload)
	}
	return r, nil
}
