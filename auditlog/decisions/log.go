package decisions

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"sync"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// DefaultNamespace is the engine store namespace the layer keeps its keys
// in when Options.Namespace is empty.
const DefaultNamespace = "decisions"

// Options configure a [Log]. Nil, and the zero value of each field, select
// the defaults.
type Options struct {
	// KeyStore holds the per-subject keys of sealed payloads. Nil: keys are
	// kept in the layer's own store namespace.
	KeyStore KeyStore
	// KEK wraps the layer's master key, under which the subject secret and
	// the keys of the default key store are sealed in the store. Nil: they
	// are stored in clear (and a log whose keys are sealed fails to open
	// with ErrKEK). A log with clear keys opened writable with a KEK has
	// them sealed, and the clear bytes scrubbed from the store's files,
	// before Open returns. Opening with another KEK fails with
	// ErrWrongKEK, having read nothing.
	KEK KEK
	// Namespace is the engine store namespace of the layer's keys
	// (indexes, counters, idempotency keys, sealed payloads, the subject
	// secret and the default key store). Empty: [DefaultNamespace].
	Namespace string
}

// Log is the decision records layer on top of an [auditlog.Log]. Its
// methods are safe for concurrent use.
type Log struct {
	lg *auditlog.Log
	st *auditlog.Store

	secret []byte   // HMAC key for SubjectIDs
	codec  keyCodec // seals the secret and the default store's keys
	keys   KeyStore // subject keys
	inTx   bool     // keys is the default store, whose keys are written in the append batch
	// legacy: a read-only log whose subject index is still in the older
	// layout ('s' SubjectID index), which a writable open rewrites.
	legacy bool
	// legacyCells: a read-only log whose counters are still in the older
	// layout (one 'n' key per cell), which a writable open moves to buckets.
	legacyCells bool

	// mu orders erasure against appends: appends hold it shared from the
	// moment they fetch a subject key until their entry is committed, Erase
	// holds it exclusively, so no payload is sealed under a key being erased.
	mu sync.RWMutex
}

const subjectSecretSize = 32

// Open opens the decisions layer of lg. It reads the layer's subject
// secret from its store namespace, creating it durably on first use. The
// layer does not own lg: the caller closes lg when done (there is nothing
// to close in the layer itself), after which its methods return
// auditlog.ErrClosed.
func Open(lg *auditlog.Log, opts *Options) (*Log, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Namespace == "" {
		o.Namespace = DefaultNamespace
	}
	st, err := lg.Store(o.Namespace)
	if err != nil {
		return nil, fmt.Errorf("decisions: %w", err)
	}
	ctx := context.Background()
	d := &Log{lg: lg, st: st, keys: o.KeyStore}
	mk, wrapped, err := openMasterKey(ctx, lg, st, o.KEK)
	if err != nil {
		return nil, err
	}
	if mk != nil {
		if d.codec.mk, err = newAEAD(mk); err != nil {
			return nil, err
		}
	}
	if d.keys == nil {
		d.keys, d.inTx = storeKeys{st: st, codec: d.codec}, true
	}
	stored, err := st.Get([]byte(keySecret))
	if errors.Is(err, auditlog.ErrNotFound) && lg.ReadOnly() {
		return nil, fmt.Errorf("decisions: %w: the log holds no decision records, and a read-only log creates none (%w)", ErrNotFound, lg.Writable())
	}
	if errors.Is(err, auditlog.ErrNotFound) {
		// Created in the committer, so that two layers opened at once on
		// one log agree on one secret (and one master key).
		err = st.Update(ctx, func(tx *auditlog.Tx) error {
			if err := setMasterKey(tx, wrapped); err != nil {
				return err
			}
			s, err := tx.Get([]byte(keySecret))
			if errors.Is(err, auditlog.ErrNotFound) {
				plain := make([]byte, subjectSecretSize)
				if _, err := rand.Read(plain); err != nil {
					return err
				}
				if s, err = d.codec.encode(plain, secretAAD()); err != nil {
					return err
				}
				err = tx.Set([]byte(keySecret), s)
			}
			stored, wrapped = s, nil
			return err
		})
	}
	if err != nil {
		return nil, fmt.Errorf("decisions: the subject secret: %w", err)
	}
	secret, clear, err := d.codec.decode(stored, secretAAD(), subjectSecretSize)
	if err != nil {
		return nil, fmt.Errorf("decisions: the subject secret: %w", err)
	}
	d.secret = bytes.Clone(secret)
	if d.codec.mk != nil && !lg.ReadOnly() && (clear || wrapped != nil) {
		if err := d.migrateClearKeys(ctx, wrapped); err != nil {
			return nil, fmt.Errorf("decisions: sealing the clear keys under the KEK: %w", err)
		}
	}
	if err := d.migrateSubjectIndex(ctx); err != nil {
		return nil, fmt.Errorf("decisions: rewriting the subject index: %w", err)
	}
	if err := d.migrateCells(ctx); err != nil {
		return nil, fmt.Errorf("decisions: moving the counters into buckets: %w", err)
	}
	return d, nil
}

// errStop ends a Scan early.
var errStop = errors.New("stop")

// migrateSubjectIndex rewrites a subject index of the older layout, keyed
// by SubjectID, as one keyed by each subject's tag ([subjectTag]), in one
// scrubbed commit. A read-only log keeps reading the older layout.
func (d *Log) migrateSubjectIndex(ctx context.Context) error {
	var old [][]byte
	err := d.st.Scan([]byte{pfxSubject}, func(k, _ []byte) error {
		if d.lg.ReadOnly() {
			d.legacy = true
			return errStop
		}
		old = append(old, bytes.Clone(k))
		return nil
	})
	if errors.Is(err, errStop) {
		return nil // read-only: the older layout stays
	}
	if err != nil || len(old) == 0 {
		return err
	}
	tags := map[SubjectID][]byte{}
	for _, k := range old {
		if len(k) != 1+len(SubjectID{})+8 {
			return fmt.Errorf("%w: subject index key of %d bytes", ErrCorrupt, len(k))
		}
		sid := SubjectID(k[1 : 1+len(SubjectID{})])
		if _, ok := tags[sid]; ok {
			continue
		}
		key, err := d.keys.Key(ctx, sid)
		switch {
		case errors.Is(err, ErrKeyNotFound):
			tags[sid] = nil // its key is gone: the entries go too
		case err != nil:
			return err
		default:
			t := subjectTag(key)
			tags[sid] = tagPrefix(t)
		}
	}
	return d.st.Scrub(ctx, func(tx *auditlog.Tx) error {
		for _, k := range old {
			if err := tx.Delete(k); err != nil {
				return err
			}
			if p := tags[SubjectID(k[1:1+len(SubjectID{})])]; p != nil {
				if err := tx.Set(appendU64(bytes.Clone(p), lastU64(k)), nil); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// keyMaster holds the layer's master key, wrapped by the KEK.
const keyMaster = "w"

// openMasterKey returns the layer's master key: unwrapped from the store,
// or, for a writable log with a KEK that has none yet, a fresh one and its
// wrapping (to be stored by the caller). It is nil without a KEK, and for a
// read-only log whose keys are still in clear.
func openMasterKey(ctx context.Context, lg *auditlog.Log, st *auditlog.Store, kek KEK) (mk, wrapped []byte, err error) {
	w, err := st.Get([]byte(keyMaster))
	switch {
	case err == nil && kek == nil:
		return nil, nil, fmt.Errorf("%w: the log's keys are sealed under a key-encryption key, and Options.KEK is nil", ErrKEK)
	case err == nil:
		mk, err := kek.Unwrap(ctx, w)
		if err != nil {
			if errors.Is(err, ErrWrongKEK) {
				return nil, nil, fmt.Errorf("decisions: %w", err)
			}
			return nil, nil, fmt.Errorf("decisions: %w: unwrapping the master key: %w", ErrWrongKEK, err)
		}
		if len(mk) != KEKSize {
			return nil, nil, fmt.Errorf("decisions: %w: the unwrapped master key has %d bytes", ErrWrongKEK, len(mk))
		}
		return mk, nil, nil
	case !errors.Is(err, auditlog.ErrNotFound):
		return nil, nil, fmt.Errorf("decisions: the master key: %w", err)
	case kek == nil || lg.ReadOnly():
		return nil, nil, nil
	}
	mk = make([]byte, KEKSize)
	if _, err := rand.Read(mk); err != nil {
		return nil, nil, err
	}
	if wrapped, err = kek.Wrap(ctx, mk); err != nil {
		return nil, nil, fmt.Errorf("decisions: %w: wrapping the master key: %w", ErrKEK, err)
	}
	return mk, wrapped, nil
}

// setMasterKey stores a new wrapped master key in a commit (wrapped nil:
// nothing to store), refusing when another layer stored one meanwhile.
func setMasterKey(tx *auditlog.Tx, wrapped []byte) error {
	if wrapped == nil {
		return nil
	}
	switch w, err := tx.Get([]byte(keyMaster)); {
	case err == nil && !bytes.Equal(w, wrapped):
		return fmt.Errorf("%w: another layer created the master key at the same time; open again", ErrKEK)
	case err == nil:
		return nil
	case !errors.Is(err, auditlog.ErrNotFound):
		return err
	}
	return tx.Set([]byte(keyMaster), wrapped)
}

// migrateClearKeys seals the clear secret and subject keys under the master
// key, storing the wrapped master key with them when new, in one scrubbed
// commit: when it returns, no file of the store holds a clear key.
func (d *Log) migrateClearKeys(ctx context.Context, wrapped []byte) error {
	var ids []SubjectID
	err := d.st.Scan([]byte{pfxKey}, func(k, v []byte) error {
		if len(k) == 1+len(SubjectID{}) && len(v) == record.KeySize {
			ids = append(ids, SubjectID(k[1:]))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return d.st.Scrub(ctx, func(tx *auditlog.Tx) error {
		if err := setMasterKey(tx, wrapped); err != nil {
			return err
		}
		if err := d.reseal(tx, []byte(keySecret), secretAAD(), subjectSecretSize); err != nil {
			return err
		}
		for _, id := range ids {
			if err := d.reseal(tx, keyKey(id), subjectKeyAAD(id), record.KeySize); err != nil {
				return err
			}
		}
		return nil
	})
}

// reseal seals a stored value that is still in clear.
func (d *Log) reseal(tx *auditlog.Tx, k, aad []byte, size int) error {
	v, err := tx.Get(k)
	if errors.Is(err, auditlog.ErrNotFound) {
		return nil // erased meanwhile
	}
	if err != nil || len(v) != size {
		return err
	}
	s, err := d.codec.encode(v, aad)
	if err != nil {
		return err
	}
	return tx.Set(k, s)
}

// Appended says where a decision or outcome went.
type Appended struct {
	ID       string // the decision id
	Index    uint64 // the leaf index in the log
	Existing bool   // already recorded: nothing was written, Index is the first one
}

// Append records one decision. See [Log.AppendBatch].
func (d *Log) Append(ctx context.Context, dec record.Decision) (Appended, error) {
	res, err := d.AppendBatch(ctx, []record.Decision{dec})
	if err != nil {
		return Appended{}, err
	}
	return res[0], nil
}

// AppendBatch validates, seals and records a batch of decisions atomically:
// when it returns nil, every decision is durable in the log together with
// its sealed payload, its index entries and the fairness counters; when it
// returns an error, nothing of the batch was written.
//
// A decision id is an idempotency key: a decision whose id is already in
// the log (or earlier in the batch) is not written again, and its result
// has Existing set and the first index, even if its other fields differ.
//
// A validation error names the batch position, the decision id and the
// field (a *[record.ValidationError] in the chain).
func (d *Log) AppendBatch(ctx context.Context, ds []record.Decision) ([]Appended, error) {
	if len(ds) == 0 {
		return nil, nil
	}
	// Before a key store creates anything for a subject.
	if err := d.lg.Writable(); err != nil {
		return nil, fmt.Errorf("decisions: %w", err)
	}
	built := make([]*record.Record, len(ds))
	for i := range ds {
		var err error
		if built[i], err = record.Build(&ds[i], nil); err != nil {
			return nil, fmt.Errorf("decisions: batch item %d: %w", i, err)
		}
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	es := make([]auditlog.Entry, len(ds))
	for i := range ds {
		rec := built[i]
		sid := subjectID(d.secret, ds[i].Subject)
		// Seal here, in the caller's goroutine, whenever the subject's key
		// exists already; only a new subject of the default key store is
		// sealed in the commit, where its key is created. Holding d.mu
		// shared, no key can be deleted before the commit.
		var key, sealed []byte
		var err error
		if d.inTx {
			if key, err = d.keys.Key(ctx, sid); errors.Is(err, ErrKeyNotFound) {
				key, err = nil, nil
			}
		} else {
			key, err = d.keys.CreateKey(ctx, sid)
		}
		if err != nil {
			return nil, fmt.Errorf("decisions: subject key for decision %q: %w", ds[i].ID, err)
		}
		if key != nil {
			if sealed, err = record.Seal(key, ds[i].ID, rec.LeafBytes, rec.Payload, nil); err != nil {
				return nil, err
			}
		}
		es[i] = auditlog.Entry{
			Leaf: rec.LeafBytes,
			Key:  idKey(ds[i].ID),
			Write: func(tx *auditlog.Tx, index uint64) error {
				return writeDecision(tx, d.codec, index, rec, sid, key, sealed)
			},
		}
	}
	got, err := d.st.Append(ctx, es)
	if err != nil {
		return nil, err
	}
	res := make([]Appended, len(ds))
	for i, a := range got {
		res[i] = Appended{ID: ds[i].ID, Index: a.Index, Existing: a.Existing}
	}
	return res, nil
}

// writeDecision writes everything but the leaf and its id key for one new
// decision, inside the engine's batch. key and sealed are nil for a
// subject whose key is created here.
func writeDecision(tx *auditlog.Tx, codec keyCodec, index uint64, rec *record.Record, sid SubjectID, key, sealed []byte) error {
	l := rec.Leaf
	if sealed == nil {
		var err error
		if key, err = codec.txKey(tx, sid); err != nil {
			return err
		}
		if sealed, err = record.Seal(key, l.DecisionID, rec.LeafBytes, rec.Payload, nil); err != nil {
			return err
		}
	}
	cell := cellOf(l, rec.Payload)
	ck := encodeCell(&cell)
	for _, kv := range [][2][]byte{
		{tagKey(subjectTag(key), index), nil},
		{modelKey(l.Model.Name, l.Model.Version, index), nil},
		{timeKey(l.Time, index), nil},
		{payloadKey(index), append(append([]byte{payloadSealed}, sid[:]...), sealed...)},
		{cellKey(index), encodeCellRef(ck, rec.Payload.Weight)},
	} {
		if err := tx.Set(kv[0], kv[1]); err != nil {
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
		return nil, 0, fmt.Errorf("%w: cell reference has %d bytes", ErrCorrupt, len(v))
	}
	_, w, err := decodeCellValue(append(make([]byte, 8), v[:8]...))
	return v[8:], w, err
}

// AppendOutcome records what happened after a decision. The decision must
// already be in the log (or earlier in the same commit). Appending the same
// outcome (decision id, label and time) again returns the first index.
// Later outcomes of one decision supersede earlier ones: the fairness
// counters move the decision from its previous outcome label to the new one.
// If the decision's subject was erased, the outcome is recorded but the
// counters keep the decision where it was.
func (d *Log) AppendOutcome(ctx context.Context, o record.Outcome) (Appended, error) {
	if err := d.lg.Writable(); err != nil {
		return Appended{}, fmt.Errorf("decisions: %w", err)
	}
	_, leaf, err := record.BuildOutcome(&o)
	if err != nil {
		return Appended{}, fmt.Errorf("decisions: %w", err)
	}
	e := auditlog.Entry{
		Leaf:  leaf,
		Key:   outcomeIDKey(&o),
		Write: func(tx *auditlog.Tx, index uint64) error { return writeOutcome(tx, index, &o) },
	}
	d.mu.RLock()
	got, err := d.st.Append(ctx, []auditlog.Entry{e})
	d.mu.RUnlock()
	if err != nil {
		return Appended{}, err
	}
	return Appended{ID: o.DecisionID, Index: got[0].Index, Existing: got[0].Existing}, nil
}

func writeOutcome(tx *auditlog.Tx, index uint64, o *record.Outcome) error {
	v, err := tx.Get(idKey(o.DecisionID))
	if errors.Is(err, auditlog.ErrNotFound) {
		return fmt.Errorf("%w: outcome for decision %q", ErrNotFound, o.DecisionID)
	}
	if err != nil {
		return err
	}
	dec, err := u64(v)
	if err != nil {
		return err
	}
	prev := ""
	switch p, err := tx.Get(latestOutcomeKey(dec)); {
	case err == nil:
		prev = string(p)
	case !errors.Is(err, auditlog.ErrNotFound):
		return err
	}
	if err := tx.Set(outcomeKey(dec, index), []byte(o.Label)); err != nil {
		return err
	}
	if err := tx.Set(latestOutcomeKey(dec), []byte(o.Label)); err != nil {
		return err
	}
	ref, err := tx.Get(cellKey(dec))
	if errors.Is(err, auditlog.ErrNotFound) {
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
