package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/proof"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/export/offline"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// Source is the log engine's part of an export: its checkpoints, leaves and
// proofs. [*auditlog.Log] satisfies it.
type Source interface {
	LatestCheckpoint(ctx context.Context) (auditlog.SignedCheckpoint, error)
	CheckpointAt(ctx context.Context, size uint64) (auditlog.SignedCheckpoint, error)
	// Checkpoints calls fn for each stored checkpoint, by increasing size,
	// and stops at the first error fn returns.
	Checkpoints(ctx context.Context, fn func(auditlog.SignedCheckpoint) error) error
	// ScanLeaves calls fn for each leaf of [start, end), in order.
	ScanLeaves(ctx context.Context, start, end uint64, fn func(index uint64, leaf []byte) error) error
	InclusionProof(ctx context.Context, index, size uint64) ([]verify.Hash, error)
	ConsistencyProof(ctx context.Context, size1, size2 uint64) ([]verify.Hash, error)
}

// Records is the decision layer's part of an export: sealed payloads and
// fairness counters.
type Records interface {
	// SealedPayloads calls fn, by increasing index, with the sealed payload
	// of every entry of [start, end) that has one (a decision whose subject
	// was not erased), and stops at the first error fn returns.
	SealedPayloads(ctx context.Context, start, end uint64, fn func(index uint64, sealed []byte) error) error
	// Counters returns every fairness counter cell of the log, in any
	// order, and the signed checkpoint of exactly the tree size they hold
	// at: they count the entries below its size and nothing else.
	Counters(ctx context.Context) ([]record.CountCell, auditlog.SignedCheckpoint, error)
}

// Options say what an export holds. nil is the default: every leaf up to
// the latest checkpoint, no anchors, payloads or counters.
type Options struct {
	// Size is the tree size of the signed checkpoint the export is up to;
	// 0 means the latest stored checkpoint, or, with Counters, the
	// checkpoint the counters hold at. The log must hold a signed
	// checkpoint of that size.
	Size uint64
	// From and To bound the leaves the export carries, [From, To); To 0
	// means Size. The export carries the proof material that binds a
	// partial range to the checkpoint's root.
	From, To uint64
	// Anchors are the log's known anchors (package anchor supplies them);
	// each is written with a consistency proof between its tree and the
	// export's, and Write fails if an anchor's root disagrees with the log.
	Anchors []offline.Anchor
	// Records is the source of payloads and counters; it is needed when
	// Payloads or Counters is set.
	Records Records
	// Payloads adds the sealed payloads of the leaves [From, To).
	Payloads bool
	// Counters adds the fairness counters; they hold at one tree size,
	// which must then be Size.
	Counters bool
	// Progress, when not nil, is called with the leaves written so far and
	// the number the export carries (To - From), every
	// auditlog.ProgressEvery leaves and once when all are written, from the
	// calling goroutine. It is for a program's progress bar.
	Progress func(done, total uint64)
}

// Write writes an export of src (docs/export.md) to w, as opts say. The
// export is complete and verifies with [offline.Verify] and the log's key
// when Write returns nil; Write checks every consistency proof, anchor and
// the leaves' root as it writes them, and fails with [ErrInconsistent] if
// the log does not agree with itself or with an anchor. On any error the
// output written so far is not an export and must be discarded.
//
// src must not be rewritten while Write runs (appends are fine: the
// export is of a fixed tree size). Records must give payloads and counters
// of one consistent view.
func Write(ctx context.Context, w io.Writer, src Source, opts *Options) error {
	var o Options
	if opts != nil {
		o = *opts
	}
	if (o.Payloads || o.Counters) && o.Records == nil {
		return fmt.Errorf("%w: payloads or counters need Options.Records", ErrInvalidOptions)
	}
	var counters []record.CountCell
	var cp auditlog.SignedCheckpoint
	var err error
	if o.Counters {
		var ccp auditlog.SignedCheckpoint
		if counters, ccp, err = o.Records.Counters(ctx); err != nil {
			return fmt.Errorf("export: reading the counters: %w", err)
		}
		if o.Size != 0 && o.Size != ccp.Size {
			return fmt.Errorf("%w: the counters hold at tree size %d, not %d", ErrCountersSize, ccp.Size, o.Size)
		}
		o.Size = ccp.Size
	}
	switch {
	case o.Size != 0:
		cp, err = src.CheckpointAt(ctx, o.Size)
	default:
		cp, err = src.LatestCheckpoint(ctx)
	}
	if errors.Is(err, auditlog.ErrNotFound) {
		if o.Size != 0 {
			return fmt.Errorf("%w at size %d", ErrNoCheckpoint, o.Size)
		}
		return fmt.Errorf("%w: the log has signed none yet", ErrNoCheckpoint)
	}
	if err != nil {
		return fmt.Errorf("export: reading the checkpoint: %w", err)
	}
	n := cp.Size
	if o.To == 0 {
		o.To = n
	}
	if o.From > o.To || o.To > n {
		return fmt.Errorf("%w: leaf range [%d, %d) is not within the checkpoint's tree of size %d", ErrInvalidOptions, o.From, o.To, n)
	}
	h := &offline.Header{Checkpoint: offline.Checkpoint(cp), From: o.From, To: o.To, Payloads: o.Payloads, Counters: o.Counters}
	if 0 < o.From && o.From < o.To {
		if h.Prefix, err = prefix(ctx, src, o.From, o.To); err != nil {
			return err
		}
	}
	if o.From < o.To && o.To < n {
		if h.RangeProof, err = src.ConsistencyProof(ctx, o.To, n); err != nil {
			return fmt.Errorf("export: range proof %d -> %d: %w", o.To, n, err)
		}
	}
	enc := offline.NewEncoder(w)
	if err := enc.Header(h); err != nil {
		return inconsistent(err)
	}
	if err := writeCheckpoints(ctx, enc, src, n); err != nil {
		return err
	}
	if err := writeAnchors(ctx, enc, src, o.Anchors, cp); err != nil {
		return err
	}
	err = src.ScanLeaves(ctx, o.From, o.To, func(i uint64, leaf []byte) error {
		if err := enc.Leaf(i, leaf); err != nil {
			return err
		}
		if done := i + 1 - o.From; o.Progress != nil && (done%auditlog.ProgressEvery == 0 || i+1 == o.To) {
			o.Progress(done, o.To-o.From)
		}
		return nil
	})
	if err != nil {
		return inconsistent(err)
	}
	if o.Payloads {
		err := o.Records.SealedPayloads(ctx, o.From, o.To, func(i uint64, sealed []byte) error {
			return enc.Payload(offline.Payload{Index: i, Sealed: sealed})
		})
		if err != nil {
			return inconsistent(err)
		}
	}
	if o.Counters {
		sorted := slices.Clone(counters)
		slices.SortFunc(sorted, func(a, b record.CountCell) int { return offline.CompareCounters(&a, &b) })
		for _, c := range sorted {
			if err := enc.Counter(c); err != nil {
				return inconsistent(err)
			}
		}
	}
	_, err = enc.End()
	return inconsistent(err)
}

// inconsistent marks an error of the encoder's checks (the source gave
// what does not verify) as ErrInconsistent; other errors pass as they are.
func inconsistent(err error) error {
	if err == nil {
		return nil
	}
	var le *offline.LeavesError
	if errors.Is(err, offline.ErrMalformed) || errors.Is(err, offline.ErrMismatch) || errors.Is(err, verify.ErrProof) || errors.As(err, &le) {
		return fmt.Errorf("%w: %w", ErrInconsistent, err)
	}
	return err
}

// errStop ends a scan of the checkpoints early.
var errStop = errors.New("stop")

// writeCheckpoints writes every stored checkpoint below size n with its
// consistency proof to n.
func writeCheckpoints(ctx context.Context, enc *offline.Encoder, src Source, n uint64) error {
	err := src.Checkpoints(ctx, func(c auditlog.SignedCheckpoint) error {
		if c.Size >= n {
			return errStop
		}
		p, err := src.ConsistencyProof(ctx, c.Size, n)
		if err != nil {
			return fmt.Errorf("export: consistency proof %d -> %d: %w", c.Size, n, err)
		}
		return inconsistent(enc.Checkpoint(offline.Checkpoint(c), p))
	})
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}

// writeAnchors writes the anchors, sorted, each with the consistency
// proof between its tree and the checkpoint's.
func writeAnchors(ctx context.Context, enc *offline.Encoder, src Source, anchors []offline.Anchor, cp auditlog.SignedCheckpoint) error {
	sorted := slices.Clone(anchors)
	slices.SortFunc(sorted, func(a, b offline.Anchor) int { return offline.CompareAnchors(&a, &b) })
	for _, a := range sorted {
		lo, hi := a.TreeSize, cp.Size
		if lo > hi {
			lo, hi = hi, lo
		}
		p, err := src.ConsistencyProof(ctx, lo, hi)
		if err != nil {
			return fmt.Errorf("export: anchor at tree size %d: consistency proof %d -> %d: %w", a.TreeSize, lo, hi, err)
		}
		if err := enc.Anchor(a, p); err != nil {
			return inconsistent(fmt.Errorf("anchor at tree size %d (chain %d): %w", a.TreeSize, a.ChainID, err))
		}
	}
	return nil
}

// prefix returns the hashes of compact.RangeNodes(0, from), taken from the
// inclusion proof of leaf from in the tree of size (0 < from < size): the
// left siblings on a leaf's path to the root are exactly the perfect
// subtrees covering the leaves before it. The encoder checks the result
// when the leaves reach the signed root.
func prefix(ctx context.Context, src Source, from, size uint64) ([]verify.Hash, error) {
	p, err := src.InclusionProof(ctx, from, size)
	if err != nil {
		return nil, fmt.Errorf("export: inclusion proof of leaf %d in size %d: %w", from, size, err)
	}
	nodes, err := proof.Inclusion(from, size)
	if err != nil {
		return nil, err
	}
	// Where each node's hash sits in the proof: the nodes IDs[begin:end]
	// are folded into one proof entry (the ephemeral node), which lies to
	// the right of the leaf and so is never part of the prefix.
	_, begin, end := nodes.Ephem()
	pos := make(map[compact.NodeID]int, len(nodes.IDs))
	for i, id := range nodes.IDs {
		j := i
		if begin < end {
			switch {
			case i >= end:
				j = i - (end - begin) + 1
			case i >= begin && end-begin > 1:
				continue
			}
		}
		pos[id] = j
	}
	ids := compact.RangeNodes(0, from, nil)
	out := make([]verify.Hash, len(ids))
	for k, id := range ids {
		j, ok := pos[id]
		if !ok || j >= len(p) {
			return nil, fmt.Errorf("%w: node (%d, %d) covering [0, %d) is not in the inclusion proof of leaf %d in size %d", ErrInconsistent, id.Level, id.Index, from, from, size)
		}
		out[k] = p[j]
	}
	return out, nil
}
