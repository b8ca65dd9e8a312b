package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/registry"
)

// Operator is what the regulator asks of a log's operator. Nothing it
// returns is trusted: every answer is checked against the chain.
type Operator interface {
	// Origin is the log's checkpoint origin.
	Origin() string
	// CheckpointAt returns the signed checkpoint note of exactly size.
	CheckpointAt(ctx context.Context, size uint64) ([]byte, error)
	// LatestCheckpoint returns the latest signed checkpoint note.
	LatestCheckpoint(ctx context.Context) ([]byte, error)
	// ConsistencyProof proves the tree of size2 extends the tree of size1.
	ConsistencyProof(ctx context.Context, size1, size2 uint64) ([]verify.Hash, error)
	// DecisionIDs lists up to limit decision ids of the log.
	DecisionIDs(ctx context.Context, limit int) ([]string, error)
	// Receipt returns a decision's receipt (JSON) with its anchor.
	Receipt(ctx context.Context, id string) ([]byte, error)
}

// Report is the regulator's finding.
type Report struct {
	Origin           string `json:"origin"`
	LogID            string `json:"log_id"`
	Contract         string `json:"contract"`
	ChainID          uint64 `json:"chain_id"`
	Anchors          int    `json:"anchors"`             // Anchored events of the log on chain
	AnchorsChecked   int    `json:"anchors_checked"`     // checkpoints signed, equal to the chain's root, consistent with the previous
	AnchoredSize     uint64 `json:"anchored_size"`       // the contract's latest anchored size
	LatestSize       uint64 `json:"latest_size"`         // the operator's latest checkpoint
	LatestConsistent bool   `json:"latest_consistent"`   // the latest checkpoint extends the latest anchor
	Receipts         int    `json:"receipts_sampled"`    // receipts asked for
	ReceiptsVerified int    `json:"receipts_verified"`   // receipts verified against the chain
	Reanchored       int    `json:"receipts_reanchored"` // receipts whose anchor block changed in a reorg (root unchanged)
	// FirstFailingCheckpoint is the tree size of the first anchored
	// checkpoint of the operator's that fails against the chain (0: none);
	// LastGoodCheckpoint the largest anchored size below it that verified.
	FirstFailingCheckpoint uint64 `json:"first_failing_checkpoint,omitempty"`
	LastGoodCheckpoint     uint64 `json:"last_good_checkpoint,omitempty"`
	// HeldReceipts: applicants' receipts given to the regulator that
	// verified against the chain; ChangedLeaves the decisions whose leaf
	// the operator now serves differently.
	HeldReceipts  int           `json:"held_receipts"`
	ChangedLeaves []ChangedLeaf `json:"changed_leaves"`
	Failures      []string      `json:"failures"`
}

// OK reports whether the audit found nothing wrong.
func (r *Report) OK() bool {
	return len(r.Failures) == 0 && r.AnchorsChecked == r.Anchors && r.ReceiptsVerified == r.Receipts && r.LatestConsistent
}

func (r *Report) fail(format string, args ...any) {
	r.Failures = append(r.Failures, fmt.Sprintf(format, args...))
}

// audit checks the operator's log against the chain:
//
//   - every anchor of the log on chain (its Anchored events): the operator's
//     checkpoint of that size is signed by the key registered on the
//     contract and has the contract's root, and each anchored tree extends
//     the one anchored before it (consistency proof);
//   - the operator's latest checkpoint extends the latest anchor;
//   - a random sample of decision receipts verifies end to end
//     (anchor.VerifyReceipt): signature, inclusion, commitments,
//     consistency to the anchor, and the anchor's root on chain.
//   - with evidence, every receipt an applicant holds verifies against the
//     chain, and the operator's leaf for its decision is the same bytes
//     (a changed leaf is named, and re-executed with the model).
func audit(ctx context.Context, op Operator, reg *registry.Client, sample int, rng *rand.Rand, ev *Evidence) (*Report, error) {
	origin := op.Origin()
	id := registry.LogIDFor(origin)
	chainID, err := reg.ChainID(ctx)
	if err != nil {
		return nil, err
	}
	rep := &Report{Origin: origin, LogID: id.String(), Contract: reg.Address().Hex(), ChainID: chainID, Failures: []string{}, ChangedLeaves: []ChangedLeaf{}}
	firstBad := func(size uint64) {
		if rep.FirstFailingCheckpoint == 0 {
			rep.FirstFailingCheckpoint = size
		}
	}
	events, err := reg.AnchorEvents(ctx, id, 0, nil)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(events, func(a, b registry.AnchorEvent) int { return cmpU64(a.TreeSize, b.TreeSize) })
	rep.Anchors = len(events)

	var prev *verify.Checkpoint
	for _, ev := range events {
		signed, err := op.CheckpointAt(ctx, ev.TreeSize)
		if err != nil {
			rep.fail("anchor %d: the operator has no checkpoint of that size: %v", ev.TreeSize, err)
			firstBad(ev.TreeSize)
			continue
		}
		cp, _, err := anchor.VerifyNote(ctx, reg, signed, ev.TreeSize, nil)
		if err != nil {
			rep.fail("anchor %d: %v", ev.TreeSize, err)
			firstBad(ev.TreeSize)
			continue
		}
		if prev != nil {
			proof, err := op.ConsistencyProof(ctx, prev.Size, cp.Size)
			if err == nil {
				err = verify.VerifyConsistency(prev.Size, cp.Size, proof, prev.Root, cp.Root)
			}
			if err != nil {
				rep.fail("anchors %d -> %d: not consistent: %v", prev.Size, cp.Size, err)
				firstBad(ev.TreeSize)
				continue
			}
		}
		rep.AnchorsChecked++
		if rep.FirstFailingCheckpoint == 0 {
			rep.LastGoodCheckpoint = cp.Size
		}
		c := cp
		prev = &c
	}
	latest, err := reg.LatestAnchor(ctx, id)
	if err != nil {
		return nil, err
	}
	rep.AnchoredSize = latest.TreeSize
	if n := len(events); n > 0 && events[n-1].TreeSize != latest.TreeSize {
		rep.fail("the contract's latest anchor (%d) is not the last Anchored event (%d)", latest.TreeSize, events[n-1].TreeSize)
	}

	// The latest checkpoint extends the latest anchor.
	if signed, err := op.LatestCheckpoint(ctx); err != nil {
		rep.fail("latest checkpoint: %v", err)
	} else if err := checkLatest(ctx, op, reg, signed, latest, rep); err != nil {
		rep.fail("latest checkpoint: %v", err)
	} else {
		rep.LatestConsistent = true
	}

	ids, err := op.DecisionIDs(ctx, 100_000)
	if err != nil {
		return nil, err
	}
	rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	for _, did := range ids[:min(sample, len(ids))] {
		rep.Receipts++
		b, err := op.Receipt(ctx, did)
		if err != nil {
			rep.fail("receipt %s: %v", did, err)
			continue
		}
		r, err := receipt.Parse(b)
		if err != nil {
			rep.fail("receipt %s: %v", did, err)
			continue
		}
		v, err := anchor.VerifyReceipt(ctx, r, reg)
		if err != nil {
			rep.fail("receipt %s: %v", did, err)
			continue
		}
		if v.Leaf.DecisionID != did {
			rep.fail("receipt %s: is the receipt of decision %s", did, v.Leaf.DecisionID)
			continue
		}
		rep.ReceiptsVerified++
		if v.Reanchored {
			rep.Reanchored++
		}
	}
	if ev != nil {
		checkEvidence(ctx, op, reg, ev, rep)
	}
	return rep, nil
}

// checkLatest checks that the operator's latest checkpoint extends the
// contract's latest anchor (or is it).
func checkLatest(ctx context.Context, op Operator, reg *registry.Client, signed []byte, latest registry.Anchor, rep *Report) error {
	if latest.TreeSize == 0 {
		return errors.New("the log was never anchored")
	}
	cp, err := anchor.OpenNote(ctx, reg, signed)
	if err != nil {
		return err
	}
	rep.LatestSize = cp.Size
	if cp.Size < latest.TreeSize {
		return fmt.Errorf("size %d is below the anchored size %d: the operator shows an older tree", cp.Size, latest.TreeSize)
	}
	var proof []verify.Hash
	if cp.Size > latest.TreeSize {
		if proof, err = op.ConsistencyProof(ctx, latest.TreeSize, cp.Size); err != nil {
			return err
		}
	}
	_, err = anchor.VerifyCheckpointFrom(ctx, reg, latest.TreeSize, cp, proof)
	return err
}

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
