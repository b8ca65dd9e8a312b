package auditlog

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"sync"

	"github.com/cockroachdb/pebble/v2"
)

// records is the per-Log state of the decision records layer. Its zero value
// is ready: it initialises itself on first use.
type records struct {
	once   sync.Once
	err    error
	secret []byte   // HMAC key for SubjectIDs
	keys   KeyStore // subject keys
	inTx   bool     // keys is the default store, whose keys are written in the append batch

	// mu orders erasure against appends: appends hold it shared from the
	// moment they fetch a subject key until their entry is committed, Erase
	// holds it exclusively, so no payload is sealed under a key being erased.
	mu sync.RWMutex
}

const (
	recordsMetaNamespace = "records-meta"
	subjectSecretSize    = 32
)

// recs returns the records state, initialising it on first use: the subject
// secret is read from the log's store, or created and stored durably.
func (l *Log) recs() (*records, error) {
	r := &l.rec
	r.once.Do(func() { r.err = l.initRecords(r) })
	return r, r.err
}

func (l *Log) initRecords(r *records) error {
	meta, err := l.Store(recordsMetaNamespace)
	if err != nil {
		return fmt.Errorf("auditlog: records: %w", err)
	}
	secret, err := meta.Get([]byte(keySecret))
	switch {
	case errors.Is(err, ErrNotFound) && l.ReadOnly():
		// No secret yet: no decision was ever recorded, and a read-only
		// log may not create one.
		return fmt.Errorf("%w: the log holds no decision records", ErrNotFound)
	case errors.Is(err, ErrNotFound):
		secret = make([]byte, subjectSecretSize)
		if _, err := rand.Read(secret); err != nil {
			return fmt.Errorf("auditlog: records: %w", err)
		}
		if err := meta.Put([]byte(keySecret), secret); err != nil {
			return fmt.Errorf("auditlog: records: storing the subject secret: %w", err)
		}
	case err != nil:
		return fmt.Errorf("auditlog: records: reading the subject secret: %w", err)
	case len(secret) != subjectSecretSize:
		return fmt.Errorf("%w: subject secret has %d bytes", ErrRecordCorrupt, len(secret))
	}
	r.secret = secret
	r.keys = l.opts.KeyStore
	if r.keys == nil {
		r.keys, r.inTx = &logKeyStore{l: l}, true
	}
	return nil
}

// withDB runs fn on the open database, holding the log open meanwhile so
// Close cannot close the database under fn.
func (l *Log) withDB(fn func(db *pebble.DB) error) error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed {
		return ErrClosed
	}
	return fn(l.db)
}

// writeRecordKeys durably sets and deletes records keys outside an append
// (erasure, the default key store), in one synced batch.
func (l *Log) writeRecordKeys(sets [][2][]byte, dels [][]byte) error {
	if l.ReadOnly() {
		return ErrReadOnly
	}
	return l.withDB(func(db *pebble.DB) error {
		b := db.NewBatch()
		defer b.Close()
		for _, kv := range sets {
			if err := b.Set(recordsKey(kv[0]), kv[1], nil); err != nil {
				return err
			}
		}
		for _, k := range dels {
			if err := b.Delete(recordsKey(k), nil); err != nil {
				return err
			}
		}
		return b.Commit(pebble.Sync)
	})
}

// deleteKey deletes the subject's key from the key store.
func (r *records) deleteKey(ctx context.Context, sid SubjectID) error {
	return r.keys.DeleteKey(ctx, sid)
}
