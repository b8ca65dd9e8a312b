package fairness

import (
	"context"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// MergedReport is a report over the counters of several logs: the N logs
// of a lender's N service instances, say. It names one checkpoint per log,
// in the order of the sources: the counters of each log hold exactly at its
// checkpoint, so a reader can check every log's part separately.
type MergedReport struct {
	Report
	// Checkpoint hides Report.Checkpoint: a merged report has several.
	Checkpoint  *struct{}    `json:"checkpoint,omitempty"`
	Checkpoints []Checkpoint `json:"checkpoints"`
}

// NewMergedReport computes one report over the counters of all srcs, as
// if their decisions were in one log. Two sources at the same origin are
// refused ([ErrInvalid]): the same log counted twice would double its
// decisions.
func NewMergedReport(ctx context.Context, srcs []CountSource, q *Query) (*MergedReport, error) {
	if len(srcs) == 0 {
		return nil, invalid("sources", "no log to report on")
	}
	if err := q.check(true); err != nil {
		return nil, err
	}
	var (
		all []record.CountCell
		cps []Checkpoint
	)
	seen := map[string]bool{}
	for i, src := range srcs {
		cells, cp, err := src.FairnessCounts(ctx, q.Model, q.Version, q.From, q.To)
		if err != nil {
			return nil, fmt.Errorf("fairness: reading the counters of log %d: %w", i, err)
		}
		if seen[cp.Origin] {
			return nil, invalid("sources", "log %q given twice", cp.Origin)
		}
		seen[cp.Origin] = true
		all = append(all, cells...)
		cps = append(cps, cp)
	}
	r, err := ReportFromCounts(all, Checkpoint{}, q)
	if err != nil {
		return nil, err
	}
	r.Checkpoint = Checkpoint{}
	return &MergedReport{Report: *r, Checkpoints: cps}, nil
}
