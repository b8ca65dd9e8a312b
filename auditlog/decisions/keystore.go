package decisions

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// SubjectID is the keyed hash HMAC-SHA256(log secret, subject) under which
// the log indexes a subject and asks its [KeyStore] for the subject's key.
// It never appears in a leaf; without the log secret it cannot be computed
// from a subject.
type SubjectID [32]byte

func (s SubjectID) String() string { return hex.EncodeToString(s[:]) }

// subjectID computes the SubjectID of subject under secret.
func subjectID(secret []byte, subject string) SubjectID {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("glassbox/v1/subject\x00"))
	m.Write([]byte(subject))
	var id SubjectID
	m.Sum(id[:0])
	return id
}

// KeyStore holds one AES-256 key per subject, the key that seals the
// subject's personal payloads. Erasing a subject deletes its key.
//
// The log keeps keys in its own store namespace by default; a deployment
// can plug in a KMS or HSM by implementing this interface, and check the
// implementation with the conformance suite of package
// auditlog/decisions/keystoretest.
//
// Implementations MUST be safe for concurrent use, and:
//   - Key returns the key stored for id, or an error wrapping ErrKeyNotFound;
//   - CreateKey returns the stored key for id, creating and durably storing a
//     fresh random [record.KeySize]-byte key first when there is none;
//     concurrent calls for one id MUST all return the same key;
//   - DeleteKey durably deletes the key of id, so that Key fails with
//     ErrKeyNotFound afterwards; deleting a missing key is not an error. A
//     later CreateKey creates a new, different key.
type KeyStore interface {
	Key(ctx context.Context, id SubjectID) ([]byte, error)
	CreateKey(ctx context.Context, id SubjectID) ([]byte, error)
	DeleteKey(ctx context.Context, id SubjectID) error
}

// storeKeys is the default KeyStore: keys in the layer's own store
// namespace ('K' subjectID), so that a key created for a new subject is
// written in the same batch as the subject's first decision. With a [KEK]
// the keys are sealed under the layer's master key; without one they are
// stored in clear. Erasure deletes a key and scrubs the store's files
// ([auditlog.Store.Scrub]). Creation and deletion go through the
// committer, which orders them with the appends.
type storeKeys struct {
	st    *auditlog.Store
	codec keyCodec
}

func (s storeKeys) Key(_ context.Context, id SubjectID) ([]byte, error) {
	v, err := s.st.Get(keyKey(id))
	return s.codec.storedKey(id, v, err)
}

// storedKey opens the stored value of a subject key.
func (c keyCodec) storedKey(id SubjectID, v []byte, err error) ([]byte, error) {
	if errors.Is(err, auditlog.ErrNotFound) {
		return nil, fmt.Errorf("%w: subject %s", ErrKeyNotFound, id)
	}
	if err != nil {
		return nil, err
	}
	k, _, err := c.decode(v, subjectKeyAAD(id), record.KeySize)
	if err != nil {
		return nil, fmt.Errorf("stored key of subject %s: %w", id, err)
	}
	return k, nil
}

func (s storeKeys) CreateKey(ctx context.Context, id SubjectID) ([]byte, error) {
	var k []byte
	err := s.st.Update(ctx, func(tx *auditlog.Tx) error {
		var err error
		k, err = s.codec.txKey(tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return k, nil
}

func (s storeKeys) DeleteKey(ctx context.Context, id SubjectID) error {
	return s.st.Update(ctx, func(tx *auditlog.Tx) error { return tx.Delete(keyKey(id)) })
}

// txKey returns the subject's key inside a commit, creating it in the same
// batch when the subject has none (default key store only).
func (c keyCodec) txKey(tx *auditlog.Tx, sid SubjectID) ([]byte, error) {
	v, err := tx.Get(keyKey(sid))
	if errors.Is(err, auditlog.ErrNotFound) {
		k, err := record.NewKey(nil)
		if err != nil {
			return nil, err
		}
		if v, err = c.encode(k, subjectKeyAAD(sid)); err != nil {
			return nil, err
		}
		return k, tx.Set(keyKey(sid), v)
	}
	return c.storedKey(sid, v, err)
}

// readKey returns the subject's key as of a view (default key store) or
// from the configured KeyStore.
func (d *Log) readKey(ctx context.Context, v *auditlog.View, sid SubjectID) ([]byte, error) {
	if d.inTx {
		val, err := v.Get(keyKey(sid))
		return d.codec.storedKey(sid, val, err)
	}
	return d.keys.Key(ctx, sid)
}
