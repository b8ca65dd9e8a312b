package decisions

import (
	"context"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog"
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
	if len(idxs) > 0 {
		err := d.st.Update(ctx, func(tx *auditlog.Tx) error {
			for _, idx := range idxs {
				for _, k := range [][]byte{subjectKey(sid, idx), cellKey(idx)} {
					if err := tx.Delete(k); err != nil {
						return err
					}
				}
				if err := tx.Set(payloadKey(idx), []byte{payloadErased}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return 0, fmt.Errorf("decisions: erase: %w", err)
		}
	}
	if d.inTx {
		// Ask Pebble to rewrite the key's range now, so the deleted key is
		// dropped from the sstables rather than at some later compaction.
		k := keyKey(sid)
		if err := d.st.Compact(ctx, k, append(k, 0)); err != nil {
			return 0, fmt.Errorf("decisions: erase: compacting the deleted key: %w", err)
		}
	}
	return len(idxs), nil
}
