package fairness

import (
	"context"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
)

// LogSource reads the fairness counters and the decisions of an open
// [auditlog.Log]: it is a [CountSource] (from [auditlog.Log.Counts]) and a
// [DecisionSource] (from [auditlog.Log.ScanDecisions]). Both bind what they
// return to the signed checkpoint of the consistent view they read.
type LogSource struct {
	Log *auditlog.Log
}

// FairnessCounts implements [CountSource].
func (s LogSource) FairnessCounts(ctx context.Context, model, version string, from, to time.Time) ([]CountCell, Checkpoint, error) {
	v, err := s.Log.Counts(ctx, auditlog.CountFilter{Model: model, Version: version, From: from, To: to})
	if err != nil {
		return nil, Checkpoint{}, err
	}
	cells := make([]CountCell, len(v.Cells))
	for i, c := range v.Cells {
		cells[i] = CountCell(c)
	}
	return cells, checkpointOf(v.Checkpoint), nil
}

// ScanFairness implements [DecisionSource].
func (s LogSource) ScanFairness(ctx context.Context, model, version string, from, to time.Time, fn func(*Decision) error) (Checkpoint, error) {
	cp, err := s.Log.ScanDecisions(ctx, auditlog.DecisionFilter{Model: model, Version: version, From: from, To: to}, func(r *auditlog.DecisionRecord) error {
		d := &Decision{
			Index:   r.Index,
			ID:      r.Leaf.DecisionID,
			Time:    r.Leaf.Time,
			Model:   r.Leaf.Model.Name,
			Version: r.Leaf.Model.Version,
			Label:   r.Leaf.Output.Label,
			Weight:  1,
		}
		if r.Outcome != nil {
			d.Outcome = r.Outcome.Label
		}
		if r.Payload == nil || r.Status == auditlog.StatusErased {
			d.Erased = true
		} else {
			d.Groups = r.Payload.Groups
			d.Metadata = r.Payload.Metadata
			if r.Payload.Weight != 0 {
				d.Weight = r.Payload.Weight
			}
		}
		return fn(d)
	})
	if err != nil {
		return Checkpoint{}, err
	}
	return checkpointOf(cp), nil
}

func checkpointOf(c auditlog.SignedCheckpoint) Checkpoint {
	return Checkpoint{Origin: c.Origin, Size: c.Size, Root: c.Root, Note: c.Note}
}
