package decisions

import (
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
// With the default key store, Erase also compacts the key's range so the
// key's bytes leave the sstables at once. The key is deleted first: if
// Erase fails or the process stops midway, the data is already unreadable,
// and calling Erase again completes it. Erase waits for appends in flight
// and blocks new ones while it runs.
func (d *Log) Erase(ctx context.Context, subject string) (int, error) {
	if err := d.lg.Writable(); err != nil { // before a configured KeyStore deletes anything
		return 0, fmt.Errorf("decisions: erase: %w", err)
	}
	sid := subjectID(d.secret, subject)
	d.mu.Lock()
	defer d.mu.Unlock()

	v, err := d.st.View(ctx)
	if err != nil {
		return 0, err
	}
	var idxs []uint64
	p := subjectPrefix(sid)
	err = v.Scan(p, auditlog.PrefixEnd(p), func(k, _ []byte) error {
		idxs = append(idxs, lastU64(k))
		return nil
	})
	v.Close()
	if err != nil {
		return 0, err
	}
	if err := d.keys.DeleteKey(ctx, sid); err != nil {
		return 0, fmt.Errorf("decisions: erase: deleting the subject key: %w", err)
	}
	// One scrubbed commit: the subject index, the payloads, the counter
	// references, and each decision's contribution moved from its group
	// cell to the erased cell of its model, version, day and labels; then
	// the engine flushes and compacts so that none of it stays in a file.
	err = d.st.Scrub(ctx, func(tx *auditlog.Tx) error {
		for _, idx := range idxs {
			if err := eraseDecision(tx, sid, idx); err != nil {
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
	return len(idxs), nil
}

// eraseDecision deletes one decision's personal data inside the erasure
// commit and moves its counter contribution to the erased cell.
func eraseDecision(tx *auditlog.Tx, sid SubjectID, idx uint64) error {
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
	for _, k := range [][]byte{subjectKey(sid, idx), cellKey(idx)} {
		if err := tx.Delete(k); err != nil {
			return err
		}
	}
	return tx.Set(payloadKey(idx), []byte{payloadErased})
}
