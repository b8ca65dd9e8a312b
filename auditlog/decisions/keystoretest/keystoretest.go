// Package keystoretest is the conformance suite of [decisions.KeyStore]
// implementations, and [Memory], a key store in process memory for tests and
// examples.
//
// Every KeyStore (a KMS client, an HSM adapter) runs [Run] from its own
// tests, on fresh, empty stores:
//
//	func TestMyKMS(t *testing.T) {
//		keystoretest.Run(t, func(t *testing.T) decisions.KeyStore { return newMyKMS(t) })
//	}
package keystoretest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// Run checks that the stores made by newStore behave as
// [decisions.KeyStore] requires. newStore must return a fresh, empty store
// each time it is called; Run calls it once per subtest.
func Run(t *testing.T, newStore func(t *testing.T) decisions.KeyStore) {
	t.Run("Unknown", func(t *testing.T) {
		ks := newStore(t)
		if _, err := ks.Key(context.Background(), decisions.SubjectID{1}); !errors.Is(err, decisions.ErrKeyNotFound) {
			t.Fatalf("Key of an unknown subject: got %v, want ErrKeyNotFound", err)
		}
		if err := ks.DeleteKey(context.Background(), decisions.SubjectID{1}); err != nil {
			t.Fatalf("DeleteKey of an unknown subject: %v", err)
		}
	})
	t.Run("ConcurrentCreate", func(t *testing.T) { testConcurrentCreate(t, newStore(t)) })
	t.Run("Delete", func(t *testing.T) { testDelete(t, newStore(t)) })
}

// testConcurrentCreate: concurrent creators of one subject agree on one
// key of the right size, which Key then returns; two subjects get two keys.
func testConcurrentCreate(t *testing.T, ks decisions.KeyStore) {
	ctx := context.Background()
	a, b := decisions.SubjectID{1}, decisions.SubjectID{2}
	const n = 8
	keys := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { keys[i], errs[i] = ks.CreateKey(ctx, a) })
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("CreateKey: %v", errs[i])
		}
		if len(keys[i]) != record.KeySize {
			t.Fatalf("CreateKey returned %d bytes, want %d", len(keys[i]), record.KeySize)
		}
		if !bytes.Equal(keys[i], keys[0]) {
			t.Fatal("concurrent CreateKey calls for one subject returned different keys")
		}
	}
	got, err := ks.Key(ctx, a)
	if err != nil || !bytes.Equal(got, keys[0]) {
		t.Fatalf("Key after CreateKey: %v (same key: %v)", err, bytes.Equal(got, keys[0]))
	}
	again, err := ks.CreateKey(ctx, a)
	if err != nil || !bytes.Equal(again, keys[0]) {
		t.Fatalf("a second CreateKey: %v (same key: %v)", err, bytes.Equal(again, keys[0]))
	}
	kb, err := ks.CreateKey(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(kb, keys[0]) {
		t.Fatal("two subjects got the same key")
	}
}

// testDelete: deletion is final for that key, idempotent, and touches no
// other subject; a later CreateKey makes a new key.
func testDelete(t *testing.T, ks decisions.KeyStore) {
	ctx := context.Background()
	a, b := decisions.SubjectID{1}, decisions.SubjectID{2}
	ka, err := ks.CreateKey(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := ks.CreateKey(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if err := ks.DeleteKey(ctx, a); err != nil {
		t.Fatalf("DeleteKey: %v", err)
	}
	if _, err := ks.Key(ctx, a); !errors.Is(err, decisions.ErrKeyNotFound) {
		t.Fatalf("Key after DeleteKey: got %v, want ErrKeyNotFound", err)
	}
	if err := ks.DeleteKey(ctx, a); err != nil {
		t.Fatalf("DeleteKey of a deleted key: %v", err)
	}
	if got, err := ks.Key(ctx, b); err != nil || !bytes.Equal(got, kb) {
		t.Fatalf("DeleteKey of one subject changed another's key (%v)", err)
	}
	again, err := ks.CreateKey(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(again, ka) {
		t.Fatal("CreateKey after DeleteKey returned the deleted key")
	}
}

// Memory is a [decisions.KeyStore] kept in process memory: keys are lost
// with the process, so it stands in for a KMS only in tests and examples.
// The zero value is an empty store, safe for concurrent use.
type Memory struct {
	mu   sync.Mutex
	keys map[decisions.SubjectID][]byte
}

// Key implements [decisions.KeyStore].
func (m *Memory) Key(_ context.Context, id decisions.SubjectID) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k, ok := m.keys[id]
	if !ok {
		return nil, fmt.Errorf("%w: %s", decisions.ErrKeyNotFound, id)
	}
	return bytes.Clone(k), nil
}

// CreateKey implements [decisions.KeyStore].
func (m *Memory) CreateKey(_ context.Context, id decisions.SubjectID) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if k, ok := m.keys[id]; ok {
		return bytes.Clone(k), nil
	}
	k, err := record.NewKey(nil)
	if err != nil {
		return nil, err
	}
	if m.keys == nil {
		m.keys = map[decisions.SubjectID][]byte{}
	}
	m.keys[id] = k
	return bytes.Clone(k), nil
}

// DeleteKey implements [decisions.KeyStore].
func (m *Memory) DeleteKey(_ context.Context, id decisions.SubjectID) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.keys, id)
	return nil
}

// Len returns the number of keys held.
func (m *Memory) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.keys)
}
