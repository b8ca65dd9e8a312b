package export

import (
	"context"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// DecisionRecords is the [Records] source of a decisions log: its sealed
// payloads ([decisions.Log.SealedPayloads]) and all its fairness counters
// ([decisions.Log.Counts] with no filter), with the signed checkpoint of
// the view they were read at.
type DecisionRecords struct {
	Log *decisions.Log
}

// SealedPayloads implements [Records].
func (r DecisionRecords) SealedPayloads(ctx context.Context, start, end uint64, fn func(index uint64, sealed []byte) error) error {
	return r.Log.SealedPayloads(ctx, start, end, fn)
}

// Counters implements [Records].
func (r DecisionRecords) Counters(ctx context.Context) ([]record.CountCell, auditlog.SignedCheckpoint, error) {
	v, err := r.Log.Counts(ctx, decisions.Filter{})
	if err != nil {
		return nil, auditlog.SignedCheckpoint{}, err
	}
	return v.Cells, v.Checkpoint, nil
}
