package auditlog

import (
	"context"
	"errors"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// Appended says where a decision or outcome went.
type Appended struct {
	ID       string // the decision id
	Index    uint64 // the leaf index in the log
	Existing bool   // the id was already recorded: nothing was written, Index is the first one
}

// dedup keys of the engine: a decision id is recorded once; an outcome is
// recorded once per (decision id, label, time).
func decisionDedupKey(id string) []byte { return append([]byte("decision\x00"), id...) }

func outcomeDedupKey(o *record.Outcome) []byte {
	b := append([]byte("outcome\x00"), o.DecisionID...)
	b = append(b, 0)
	b = append(b, o.Label...)
	b = append(b, 0)
	return appendU64(b, uint64(o.Time.UnixNano()))
}

// AppendDecision records one decision. See [Log.AppendDecisions].
func (l *Log) AppendDecision(ctx context.Context, d record.Decision) (Appended, error) {
	res, err := l.AppendDecisions(ctx, []record.Decision{d})
	if err != nil {
		return Appended{}, err
	}
	return res[0], nil
}

// AppendDecisions validates, seals and records a batch of decisions
// atomically: when it returns nil, every decision is durable in the log
// together with its sealed payload, its index entries and the fairness
// counters; when it returns an error, nothing of the batch was written.
//
// A decision id is an idempotency key: a decision whose id is already in
// the log (or earlier in the batch) is not written again, and its result
// has Existing set and the first index, even if its other fields differ.
//
// A validation error names the batch position, the decision id and the
// field (a *[record.ValidationError] in the chain). AppendDecisions is safe
// for concurrent use.
func (l *Log) AppendDecisions(ctx context.Context, ds []record.Decision) ([]Appended, error) {
	r, err := l.recs()
	if err != nil {
		return nil, err
	}
	if len(ds) == 0 {
		return nil, nil
	}
	built := make([]*record.Record, len(ds))
	for i := range ds {
		if built[i], err = record.Build(&ds[i], nil); err != nil {
			return nil, fmt.Errorf("auditlog: batch item %d: %w", i, err)
		}
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	res := make([]Appended, len(ds))
	entries := make([]entry, len(ds))
	for i := range ds {
		rec := built[i]
		sid := subjectID(r.secret, ds[i].Subject)
		// Seal here, in the caller's goroutine, whenever the subject's key
		// exists already; only a new subject of the default key store is
		// sealed in the commit, where its key is created. Holding r.mu
		// shared, no key can be deleted before the commit.
		var key, sealed []byte
		if r.inTx {
			if key, err = r.keys.Key(ctx, sid); errors.Is(err, ErrKeyNotFound) {
				key, err = nil, nil
			}
		} else {
			key, err = r.keys.CreateKey(ctx, sid)
		}
		if err != nil {
			return nil, fmt.Errorf("auditlog: subject key for decision %q: %w", ds[i].ID, err)
		}
		if key != nil {
			if sealed, err = record.Seal(key, ds[i].ID, rec.LeafBytes, rec.Payload, nil); err != nil {
				return nil, err
			}
		}
		res[i] = Appended{ID: ds[i].ID, Existing: true}
		entries[i] = entry{
			leaf:     rec.LeafBytes,
			dedupKey: decisionDedupKey(ds[i].ID),
			side: func(tx *sideTx, index uint64) error {
				res[i].Existing = false
				return r.writeDecision(tx, index, rec, sid, sealed)
			},
		}
	}
	idx, err := l.appendEntries(ctx, entries)
	if err != nil {
		return nil, err
	}
	for i := range res {
		res[i].Index = idx[i]
	}
	return res, nil
}

// writeDecision writes everything but the leaf for one new decision, inside
// the engine's batch. sealed is nil for a subject whose key is created here.
func (r *records) writeDecision(tx *sideTx, index uint64, rec *record.Record, sid SubjectID, sealed []byte) error {
	l := rec.Leaf
	if sealed == nil {
		key, err := r.txKey(tx, sid)
		if err != nil {
			return err
		}
		if sealed, err = record.Seal(key, l.DecisionID, rec.LeafBytes, rec.Payload, nil); err != nil {
			return err
		}
	}
	var ix [8]byte
	idx := appendU64(ix[:0], index)
	cell := cellOf(l, rec.Payload)
	ck := encodeCell(&cell)
	for _, kv := range [][2][]byte{
		{idKey(l.DecisionID), idx},
		{subjectKey(sid, index), nil},
		{modelKey(l.Model.Name, l.Model.Version, index), nil},
		{timeKey(l.Time, index), nil},
		{payloadKey(index), append(append([]byte{payloadSealed}, sid[:]...), sealed...)},
		{cellKey(index), encodeCellRef(ck, rec.Payload.Weight)},
	} {
		if err := tx.set(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return addToCell(tx, ck, 1, rec.Payload.Weight)
}

const (
	payloadErased = 0x00
	payloadSealed = 0x01
)

// encodeCellRef is the value of a decision's 'c' key: its cell key (outcome
// "") and its weight, so that an outcome can move it.
func encodeCellRef(ck []byte, weight float64) []byte {
	return append(encodeCellValue(0, weight)[8:], ck...)
}

func decodeCellRef(v []byte) ([]byte, float64, error) {
	if len(v) < 8 {
		return nil, 0, fmt.Errorf("%w: cell reference has %d bytes", ErrRecordCorrupt, len(v))
	}
	_, w, err := decodeCellValue(append(make([]byte, 8), v[:8]...))
	return v[8:], w, err
}

// addToCell adds count and weight to a counter inside the batch, deleting
// it when its count drops to zero.
func addToCell(tx *sideTx, ck []byte, count int64, weight float64) error {
	var c uint64
	var w float64
	v, err := tx.get(ck)
	switch {
	case err == nil:
		if c, w, err = decodeCellValue(v); err != nil {
			return err
		}
	case !errors.Is(err, ErrNotFound):
		return err
	}
	if count < 0 && c < uint64(-count) {
		return fmt.Errorf("%w: counter underflow", ErrRecordCorrupt)
	}
	c = uint64(int64(c) + count)
	w += weight
	if c == 0 {
		return tx.delete(ck)
	}
	return tx.set(ck, encodeCellValue(c, w))
}

// AppendOutcome records what happened after a decision. The decision must
// already be in the log (or earlier in the same commit). Appending the same
// outcome (decision id, label and time) again returns the first index.
// Later outcomes of one decision supersede earlier ones: the fairness
// counters move the decision from its previous outcome label to the new one.
// If the decision's subject was erased, the outcome is recorded but the
// counters keep the decision where it was.
func (l *Log) AppendOutcome(ctx context.Context, o record.Outcome) (Appended, error) {
	r, err := l.recs()
	if err != nil {
		return Appended{}, err
	}
	_, leaf, err := record.BuildOutcome(&o)
	if err != nil {
		return Appended{}, fmt.Errorf("auditlog: %w", err)
	}
	res := Appended{ID: o.DecisionID, Existing: true}
	e := entry{
		leaf:     leaf,
		dedupKey: outcomeDedupKey(&o),
		side: func(tx *sideTx, index uint64) error {
			res.Existing = false
			return writeOutcome(tx, index, &o)
		},
	}
	r.mu.RLock()
	idx, err := l.appendEntries(ctx, []entry{e})
	r.mu.RUnlock()
	if err != nil {
		return Appended{}, err
	}
	res.Index = idx[0]
	return res, nil
}

func latestOutcomeKey(decision uint64) []byte { return appendU64([]byte{pfxLatest}, decision) }

func writeOutcome(tx *sideTx, index uint64, o *record.Outcome) error {
	v, err := tx.get(idKey(o.DecisionID))
	if errors.Is(err, ErrNotFound) {
		return fmt.Errorf("%w: outcome for decision %q", ErrDecisionNotFound, o.DecisionID)
	}
	if err != nil {
		return err
	}
	dec, err := u64(v)
	if err != nil {
		return err
	}
	prev := ""
	switch p, err := tx.get(latestOutcomeKey(dec)); {
	case err == nil:
		prev = string(p)
	case !errors.Is(err, ErrNotFound):
		return err
	}
	if err := tx.set(outcomeKey(dec, index), []byte(o.Label)); err != nil {
		return err
	}
	if err := tx.set(latestOutcomeKey(dec), []byte(o.Label)); err != nil {
		return err
	}
	ref, err := tx.get(cellKey(dec))
	if errors.Is(err, ErrNotFound) {
		return nil // erased: the counters keep the decision where it was
	}
	if err != nil {
		return err
	}
	ck, w, err := decodeCellRef(ref)
	if err != nil {
		return err
	}
	cell, err := decodeCell(ck)
	if err != nil {
		return err
	}
	cell.Outcome = prev
	if err := addToCell(tx, encodeCell(&cell), -1, -w); err != nil {
		return err
	}
	cell.Outcome = o.Label
	return addToCell(tx, encodeCell(&cell), 1, w)
}
