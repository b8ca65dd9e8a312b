package decisions

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// Erase deletes the personal data of a subject: the subject's key (so every
// sealed payload of the subject becomes unreadable), the sealed payloads
// themselves, the subject index entries and the per-decision counter
// references. The leaves, inclusion and consistency proofs, checkpoints and
// the aggregate fairness counters are unchanged and still verify; reading an
// erased decision returns its public leaf with [StatusErased]. It returns how
// many decisions were erased (0 for an unknown or already erased subject).
//
// The subject index, payloads and counter references go in one synced
// commit that the engine then scrubs from its files ([auditlog.Store.Scrub]);
// the default key store deletes the subject's key in that same commit, an
// outside [KeyStore] right after it. If the process stops between the two,
// the payloads are gone already and calling Erase again deletes the key.
// Erase waits for appends in flight and blocks new ones while it runs.
func (d *Log) Erase(ctx context.Context, subject string) (int, error) {
	if err := d.lg.Writable(); err != nil { // before a configured KeyStore deletes anything
		return 0, fmt.Errorf("decisions: erase: %w", err)
	}
	sid := subjectID(d.secret, subject)
	d.mu.Lock()
	defer d.mu.Unlock()

	key, err := d.keys.Key(ctx, sid)
	if errors.Is(err, ErrKeyNotFound) {
		return 0, nil // unknown, or erased already
	}
	if err != nil {
		return 0, fmt.Errorf("decisions: erase: the subject key: %w", err)
	}
	v, err := d.st.View(ctx)
	if err != nil {
		return 0, err
	}
	var entries [][]byte
	p := tagPrefix(subjectTag(key))
	err = v.Scan(p, auditlog.PrefixEnd(p), func(k, _ []byte) error {
		entries = append(entries, bytes.Clone(k))
		return nil
	})
	v.Close()
	if err != nil {
		return 0, err
	}
	// One scrubbed commit: the subject index, the payloads, the counter
	// references, and each decision's contribution moved from its group
	// cell to the erased cell of its model, version, day and labels; then
	// the engine flushes and compacts so that none of it stays in a file.
	err = d.st.Scrub(ctx, func(tx *auditlog.Tx) error {
		for _, k := range entries {
			if err := eraseDecision(tx, k, lastU64(k)); err != nil {
				return err
			}
		}
		if d.inTx {
			return tx.Delete(keyKey(sid))
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("decisions: erase: %w", err)
	}
	if !d.inTx {
		if err := d.keys.DeleteKey(ctx, sid); err != nil {
			return 0, fmt.Errorf("decisions: erase: deleting the subject key (the payloads are deleted; erase again to finish): %w", err)
		}
	}
	return len(entries), nil
}

// eraseDecision deletes one decision's personal data (its subject index
// entry is entry) inside the erasure commit and moves its counter
// contribution to the erased cell.
func eraseDecision(tx *auditlog.Tx, entry []byte, idx uint64) error {
	ref, err := tx.Get(cellKey(idx))
	switch {
	case errors.Is(err, auditlog.ErrNotFound):
		// Erased before by an interrupted Erase: the counters moved already.
	case err != nil:
		return err
	default:
		ck, w, err := decodeCellRef(ref)
		if err != nil {
			return err
		}
		cell, err := decodeCell(ck)
		if err != nil {
			return err
		}
		switch p, err := tx.Get(latestOutcomeKey(idx)); {
		case err == nil:
			cell.Outcome = string(p)
		case !errors.Is(err, auditlog.ErrNotFound):
			return err
		}
		if err := addToCell(tx, encodeCell(&cell), -1, -w); err != nil {
			return err
		}
		erased := record.CountCell{Model: cell.Model, Version: cell.Version, Day: cell.Day,
			Decision: cell.Decision, Outcome: cell.Outcome, Erased: true}
		if err := addToCell(tx, encodeCell(&erased), 1, 0); err != nil {
			return err
		}
	}
	for _, k := range [][]byte{entry, cellKey(idx)} {
		if err := tx.Delete(k); err != nil {
			return err
		}
	}
	return tx.Set(payloadKey(idx), []byte{payloadErased})
}
