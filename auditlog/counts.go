package auditlog

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// CountCell is one fairness counter: how many decisions, and what total
// sample weight, a model version made on one UTC day for one combination of
// group attributes, decision label and outcome label ("" = no outcome yet).
// Cells of several logs add up. The struct has the same fields as
// fairness.CountCell, so one converts to the other.
type CountCell struct {
	Model    string
	Version  string
	Day      string        // YYYY-MM-DD, UTC, of the decision's time
	Groups   []record.Attr // sorted by name
	Decision string
	Outcome  string
	Count    uint64
	Weight   float64
}

// CountFilter selects counters. Model and Version "" select all; a day D is
// selected when From <= D's midnight UTC < To (a zero bound is no bound).
type CountFilter struct {
	Model, Version string
	From, To       time.Time
}

// CountsView is the selected counters of the log at exactly one tree size,
// and the signed checkpoint of that size.
type CountsView struct {
	Cells      []CountCell
	Checkpoint SignedCheckpoint
}

func (f *CountFilter) selects(c *CountCell) bool {
	if (f.Model != "" && c.Model != f.Model) || (f.Version != "" && c.Version != f.Version) {
		return false
	}
	if f.From.IsZero() && f.To.IsZero() {
		return true
	}
	d, err := time.Parse(time.DateOnly, c.Day)
	if err != nil {
		return false
	}
	return (f.From.IsZero() || !d.Before(f.From)) && (f.To.IsZero() || d.Before(f.To))
}

// Counts returns the fairness counters selected by f. They are read from
// one consistent view of the log and are exactly the counters of its first
// Checkpoint.Size entries: every decision and outcome below that size is
// counted, none above. Counters are maintained at append time, in the same
// batch as the leaves; erasure leaves them unchanged.
func (l *Log) Counts(ctx context.Context, f CountFilter) (*CountsView, error) {
	if _, err := l.recs(); err != nil {
		return nil, err
	}
	if f.Model == "" && f.Version != "" {
		return nil, fmt.Errorf("%w: a version without a model", ErrInvalidQuery)
	}
	v, err := l.recordView(ctx)
	if err != nil {
		return nil, err
	}
	defer v.close()
	lo := []byte{pfxCount}
	if f.Model != "" {
		lo = appendStr(lo, f.Model)
		if f.Version != "" {
			lo = appendStr(lo, f.Version)
		}
	}
	out := &CountsView{}
	err = v.scan(lo, prefixEnd(lo), func(k, val []byte) error {
		c, err := decodeCell(k)
		if err != nil {
			return err
		}
		if !f.selects(&c) {
			return nil
		}
		if c.Count, c.Weight, err = decodeCellValue(val); err != nil {
			return err
		}
		out.Cells = append(out.Cells, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if out.Checkpoint, err = l.checkpointForView(ctx, v); err != nil {
		return nil, err
	}
	return out, nil
}

// DecisionFilter selects decisions for [Log.ScanDecisions]: Model and
// Version "" select all; From <= time < To (zero: no bound).
type DecisionFilter struct {
	Model, Version string
	From, To       time.Time
}

// ScanDecisions calls fn for every selected decision of one consistent view
// of the log, in log order, with its payload opened unless erased and its
// latest outcome up to the view's size, and returns the signed checkpoint of
// exactly that size. It reads candidates from an index (model, time, or the
// payload index for all decisions), never from a scan of all leaves. An error
// from fn stops the scan and is returned.
func (l *Log) ScanDecisions(ctx context.Context, f DecisionFilter, fn func(*DecisionRecord) error) (SignedCheckpoint, error) {
	r, err := l.recs()
	if err != nil {
		return SignedCheckpoint{}, err
	}
	if f.Model == "" && f.Version != "" {
		return SignedCheckpoint{}, fmt.Errorf("%w: a version without a model", ErrInvalidQuery)
	}
	v, err := l.recordView(ctx)
	if err != nil {
		return SignedCheckpoint{}, err
	}
	defer v.close()
	var lo, hi []byte
	switch {
	case f.Model != "":
		lo = modelPrefix(f.Model, f.Version)
		hi = prefixEnd(lo)
	case !f.From.IsZero() || !f.To.IsZero():
		lo, hi = timeRange(f.From, f.To)
	default:
		lo, hi = []byte{pfxPayload}, []byte{pfxPayload + 1}
	}
	var idxs []uint64
	if bytes.Compare(lo, hi) >= 0 {
		return l.checkpointForView(ctx, v)
	}
	if err := v.scan(lo, hi, func(k, _ []byte) error {
		if i := lastU64(k); i < v.size {
			idxs = append(idxs, i)
		}
		return nil
	}); err != nil {
		return SignedCheckpoint{}, err
	}
	slices.Sort(idxs)
	for _, idx := range idxs {
		if err := ctx.Err(); err != nil {
			return SignedCheckpoint{}, err
		}
		d, err := l.readDecision(ctx, r, v, idx)
		if err != nil {
			return SignedCheckpoint{}, err
		}
		t := d.Leaf.Time
		if (f.Version != "" && d.Leaf.Model.Version != f.Version) ||
			(!f.From.IsZero() && t.Before(f.From)) || (!f.To.IsZero() && !t.Before(f.To)) {
			continue
		}
		if err := fn(d); err != nil {
			return SignedCheckpoint{}, err
		}
	}
	return l.checkpointForView(ctx, v)
}
