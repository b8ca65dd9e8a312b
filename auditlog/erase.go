package auditlog

import (
	"context"
	"fmt"

	"github.com/cockroachdb/pebble/v2"
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
// key's bytes leave the sstables at once. The key is deleted first: if Erase fails or the process stops midway, the
// data is already unreadable, and calling Erase again completes it. Erase
// waits for appends in flight and blocks new ones while it runs.
func (l *Log) Erase(ctx context.Context, subject string) (int, error) {
	if l.ReadOnly() { // before a configured KeyStore deletes anything
		return 0, fmt.Errorf("auditlog: erase: %w", ErrReadOnly)
	}
	r, err := l.recs()
	if err != nil {
		return 0, err
	}
	sid := subjectID(r.secret, subject)
	r.mu.Lock()
	defer r.mu.Unlock()

	v, err := l.recordView(ctx)
	if err != nil {
		return 0, err
	}
	var idxs []uint64
	err = v.scan(subjectPrefix(sid), prefixEnd(subjectPrefix(sid)), func(k, _ []byte) error {
		idxs = append(idxs, lastU64(k))
		return nil
	})
	v.close()
	if err != nil {
		return 0, err
	}
	if err := r.deleteKey(ctx, sid); err != nil {
		return 0, fmt.Errorf("auditlog: erase: deleting the subject key: %w", err)
	}
	var dels [][]byte
	var sets [][2][]byte
	for _, idx := range idxs {
		dels = append(dels, subjectKey(sid, idx), cellKey(idx))
		sets = append(sets, [2][]byte{payloadKey(idx), {payloadErased}})
	}
	if err := l.writeRecordKeys(sets, dels); err != nil {
		return 0, fmt.Errorf("auditlog: erase: %w", err)
	}
	if r.inTx {
		// Ask Pebble to rewrite the key's range now, so the deleted key
		// is dropped from the sstables rather than at some later
		// compaction (best effort: an open snapshot, or a write-ahead log
		// file not yet reused, may hold it a while longer).
		lo := recordsKey(keyKey(sid))
		err := l.withDB(func(db *pebble.DB) error { return db.Compact(ctx, lo, append(lo, 0), false) })
		if err != nil {
			return 0, fmt.Errorf("auditlog: erase: compacting the deleted key: %w", err)
		}
	}
	return len(idxs), nil
}
