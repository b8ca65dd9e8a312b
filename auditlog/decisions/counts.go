package decisions

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// Filter selects decisions for [Log.Scan] and counters for [Log.Counts].
// Model and Version "" select all (a version needs a model). Scan selects
// a decision when From <= its time < To; Counts selects a day D when
// From <= D's midnight UTC < To. A zero bound is no bound; with bounds at
// midnight UTC both select the same decisions.
type Filter struct {
	Model, Version string
	From, To       time.Time
}

func (f *Filter) check() error {
	if f.Model == "" && f.Version != "" {
		return fmt.Errorf("%w: a version without a model", ErrInvalidQuery)
	}
	return nil
}

// selectsCell reports whether f selects c; it reads only c's model,
// version and day, so it selects whole buckets ([appendBucketCells]).
func (f *Filter) selectsCell(c *record.CountCell) bool {
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

// CountsView is the selected counters of the log at exactly one tree size,
// and the signed checkpoint of that size.
type CountsView struct {
	Cells      []record.CountCell
	Checkpoint auditlog.SignedCheckpoint
}

// Counts returns the fairness counters selected by f. They are read from
// one consistent view of the log and are exactly the counters of its first
// Checkpoint.Size entries: every decision and outcome below that size is
// counted, none above. Counters are maintained at append time, in the same
// batch as the leaves. Erasure moves an erased decision from its group cell
// to an erased cell ([record.CountCell.Erased]): totals per model, version,
// day, decision and outcome are unchanged, group cells lose the decision.
func (d *Log) Counts(ctx context.Context, f Filter) (*CountsView, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	v, err := d.st.View(ctx)
	if err != nil {
		return nil, err
	}
	defer v.Close()
	pfx := byte(pfxBucket)
	if d.legacyCells {
		pfx = pfxCount
	}
	lo := []byte{pfx}
	if f.Model != "" {
		lo = appendStr(lo, f.Model)
		if f.Version != "" {
			lo = appendStr(lo, f.Version)
		}
	}
	out := &CountsView{}
	intern := map[string]string{}
	err = v.Read(func(r *auditlog.Reader) error {
		c, err := r.Cursor(lo, auditlog.PrefixEnd(lo))
		if err != nil {
			return err
		}
		// One seek per bucket (Skip): the iteration costs the buckets,
		// never the overwritten versions of them that every append leaves
		// until a compaction drops them.
		for ok := c.SeekGE(lo); ok; ok = c.Skip() {
			k, val := c.Key(), c.Value()
			if !d.legacyCells {
				if out.Cells, err = appendBucketCells(out.Cells, k, val, intern, f.selectsCell); err != nil {
					return err
				}
				continue
			}
			cell, err := decodeCell(k)
			if err != nil {
				return err
			}
			if cell.Count, cell.Weight, err = decodeCellValue(val); err != nil {
				return err
			}
			if f.selectsCell(&cell) {
				out.Cells = append(out.Cells, cell)
			}
		}
		return c.Error()
	})
	if err != nil {
		return nil, err
	}
	if out.Checkpoint, err = v.Checkpoint(ctx); err != nil {
		return nil, err
	}
	return out, nil
}

// Scan calls fn for every selected decision of one consistent view of the
// log, in log order, with its payload opened unless erased and its latest
// outcome up to the view's size, and returns the signed checkpoint of
// exactly that size. It reads candidates from an index (model, time, or the
// payload index for all decisions), never from a scan of all leaves, and
// reads the candidates in index order, in passes of a thousand, each with
// one forward iterator per key family; fn is called between passes, never
// while the store is being read, from the calling goroutine. An error from
// fn stops the scan and is returned.
func (d *Log) Scan(ctx context.Context, f Filter, fn func(Stored) error) (auditlog.SignedCheckpoint, error) {
	return d.ScanProgress(ctx, f, fn, nil)
}

// ScanProgress is [Log.Scan] that reports its progress: progress, when not
// nil, is called with the candidates read so far and their number (an
// upper bound of the decisions fn sees), every auditlog.ProgressEvery
// candidates and once at the end, from the calling goroutine. It is for a
// program's progress bar.
func (d *Log) ScanProgress(ctx context.Context, f Filter, fn func(Stored) error, progress func(done, total uint64)) (auditlog.SignedCheckpoint, error) {
	if err := f.check(); err != nil {
		return auditlog.SignedCheckpoint{}, err
	}
	v, err := d.st.View(ctx)
	if err != nil {
		return auditlog.SignedCheckpoint{}, err
	}
	defer v.Close()
	var lo, hi []byte
	switch {
	case f.Model != "":
		lo = modelPrefix(f.Model, f.Version)
		hi = auditlog.PrefixEnd(lo)
	case !f.From.IsZero() || !f.To.IsZero():
		lo, hi = timeRange(f.From, f.To)
	default:
		lo, hi = []byte{pfxPayload}, []byte{pfxPayload + 1}
	}
	if bytes.Compare(lo, hi) >= 0 {
		return v.Checkpoint(ctx)
	}
	var idxs []uint64
	if err := v.Scan(lo, hi, func(k, _ []byte) error {
		if i := lastU64(k); i < v.Size() {
			idxs = append(idxs, i)
		}
		return nil
	}); err != nil {
		return auditlog.SignedCheckpoint{}, err
	}
	slices.Sort(idxs)
	total := uint64(len(idxs))
	n := uint64(0)
	err = d.readMany(ctx, v, idxs, keyCache{}, func(s Stored) error {
		if progress != nil && n > 0 && n%auditlog.ProgressEvery == 0 {
			progress(n, total)
		}
		n++
		t := s.Leaf.Time
		if (f.Version != "" && s.Leaf.Model.Version != f.Version) ||
			(!f.From.IsZero() && t.Before(f.From)) || (!f.To.IsZero() && !t.Before(f.To)) {
			return nil
		}
		return fn(s)
	})
	if err != nil {
		return auditlog.SignedCheckpoint{}, err
	}
	if progress != nil {
		progress(total, total)
	}
	return v.Checkpoint(ctx)
}
