package auditlog

import (
	"context"
	"errors"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
)

// Receipt returns the receipt of the decision with the given id: its leaf,
// an inclusion proof to the latest checkpoint (signing a new one if none
// covers the decision yet), and the disclosure of every committed field.
// For an erased subject the receipt has no disclosures; it still proves the
// leaf. The anchor is left empty; package anchor fills it.
//
// The receipt holds the subject's personal data: give it only to the
// subject (or whoever may see it).
func (l *Log) Receipt(ctx context.Context, id string) (*receipt.Receipt, error) {
	d, err := l.Decision(ctx, id)
	if err != nil {
		return nil, err
	}
	cp, err := l.LatestCheckpoint(ctx)
	if (err != nil && errors.Is(err, ErrNotFound)) || (err == nil && cp.Size <= d.Index) {
		cp, err = l.Checkpoint(ctx)
	}
	if err != nil {
		return nil, err
	}
	proof, err := l.InclusionProof(ctx, d.Index, cp.Size)
	if err != nil {
		return nil, err
	}
	r := &receipt.Receipt{
		Origin:         l.Origin(),
		Index:          d.Index,
		Leaf:           d.LeafBytes,
		InclusionProof: proof,
		Checkpoint:     cp.Note,
	}
	if d.Payload != nil {
		r.Disclosures = receipt.Disclose(d.Leaf, d.Payload)
	}
	return r, nil
}
