package auditlog

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/cockroachdb/pebble/v2"
)

// Store is a namespaced key-value store inside the log's Pebble database,
// for companion packages (the anchorer keeps its progress here). Writes are
// durable when they return. Its keys never collide with the log's own.
type Store struct {
	l      *Log
	prefix []byte
}

// Store returns the store of a namespace. Namespaces are non-empty and
// hold no NUL byte.
func (l *Log) Store(namespace string) (*Store, error) {
	if namespace == "" || strings.IndexByte(namespace, 0) >= 0 {
		return nil, fmt.Errorf("%w: store namespace %q must be non-empty without NUL bytes", ErrInvalidOptions, namespace)
	}
	if err := l.checkOpen(); err != nil {
		return nil, err
	}
	p := append([]byte{famStore}, namespace...)
	return &Store{l: l, prefix: append(p, 0)}, nil
}

// writable returns nil when the store may be written: the log is open and
// was not opened with Options.ReadOnly.
func (s *Store) writable() error {
	if err := s.l.checkOpen(); err != nil {
		return err
	}
	if s.l.ReadOnly() {
		return ErrReadOnly
	}
	return nil
}

func (s *Store) key(k []byte) []byte { return append(bytes.Clone(s.prefix), k...) }

// Get returns the value of key, or ErrNotFound.
func (s *Store) Get(key []byte) ([]byte, error) {
	if err := s.l.checkOpen(); err != nil {
		return nil, err
	}
	v, err := s.l.get(s.key(key))
	if errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("%w: key %q", ErrNotFound, key)
	}
	return v, err
}

// Put sets key to value, durably. A read-only log returns [ErrReadOnly].
func (s *Store) Put(key, value []byte) error {
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.l.db.Set(s.key(key), value, pebble.Sync); err != nil {
		return fmt.Errorf("auditlog: store put: %w", err)
	}
	return nil
}

// Delete removes key, durably. Deleting an absent key is not an error. A
// read-only log returns [ErrReadOnly].
func (s *Store) Delete(key []byte) error {
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.l.db.Delete(s.key(key), pebble.Sync); err != nil {
		return fmt.Errorf("auditlog: store delete: %w", err)
	}
	return nil
}

// Scan calls fn for each key with the given prefix, in key order. fn must
// not keep k or v after it returns.
func (s *Store) Scan(prefix []byte, fn func(k, v []byte) error) error {
	if err := s.l.checkOpen(); err != nil {
		return err
	}
	lo := s.key(prefix)
	it, err := s.l.db.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: upperBound(lo)})
	if err != nil {
		return err
	}
	defer it.Close()
	for it.First(); it.Valid(); it.Next() {
		if err := fn(it.Key()[len(s.prefix):], it.Value()); err != nil {
			return err
		}
	}
	return it.Error()
}
