// Package fairnesslog reads fairness reports' inputs from a decisions log:
// [Source] adapts an open [decisions.Log] to the [fairness.CountSource] and
// [fairness.DecisionSource] interfaces that package fairness computes
// reports from. It is kept apart so that package fairness itself links no
// database: a report can be recomputed from counters or decisions obtained
// any other way (an export, a test table).
package fairnesslog

import (
	"context"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/fairness"
)

// Reader reads the fairness counters and the decisions of a decisions log:
// it is a [fairness.CountSource] (from [decisions.Log.Counts]) and a
// [fairness.DecisionSource] (from [decisions.Log.Scan]). Both bind what
// they return to the signed checkpoint of the consistent view they read.
type Reader struct {
	d        *decisions.Log
	progress func(done, total uint64)
}

// WithProgress returns s with a progress callback for ScanFairness
// ([decisions.Log.ScanProgress]): a program's progress bar.
func (s Reader) WithProgress(fn func(done, total uint64)) Reader {
	s.progress = fn
	return s
}

// Source returns the Reader of d.
func Source(d *decisions.Log) Reader { return Reader{d: d} }

// FairnessCounts implements [fairness.CountSource].
func (s Reader) FairnessCounts(ctx context.Context, model, version string, from, to time.Time) ([]record.CountCell, fairness.Checkpoint, error) {
	v, err := s.d.Counts(ctx, decisions.Filter{Model: model, Version: version, From: from, To: to})
	if err != nil {
		return nil, fairness.Checkpoint{}, err
	}
	return v.Cells, checkpointOf(v.Checkpoint), nil
}

// ScanFairness implements [fairness.DecisionSource].
func (s Reader) ScanFairness(ctx context.Context, model, version string, from, to time.Time, fn func(*fairness.Decision) error) (fairness.Checkpoint, error) {
	cp, err := s.d.ScanProgress(ctx, decisions.Filter{Model: model, Version: version, From: from, To: to}, func(r decisions.Stored) error {
		d := &fairness.Decision{
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
		if r.Payload == nil || r.Status == decisions.StatusErased {
			d.Erased = true
		} else {
			d.Groups = r.Payload.Groups
			d.Metadata = r.Payload.Metadata
			if r.Payload.Weight != 0 {
				d.Weight = r.Payload.Weight
			}
		}
		return fn(d)
	}, s.progress)
	if err != nil {
		return fairness.Checkpoint{}, err
	}
	return checkpointOf(cp), nil
}

func checkpointOf(c auditlog.SignedCheckpoint) fairness.Checkpoint {
	return fairness.Checkpoint{Origin: c.Origin, Size: c.Size, Root: c.Root, Note: c.Note}
}
