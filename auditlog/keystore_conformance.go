package auditlog

import (
	"bytes"
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// TestKeyStore checks that ks behaves as [KeyStore] requires. Every KeyStore
// implementation should run it from its own tests, on a fresh, empty store:
//
//	func TestMyKMS(t *testing.T) { auditlog.TestKeyStore(t, newMyKMS(t)) }
func TestKeyStore(t *testing.T, ks KeyStore) {
	t.Helper()
	ctx := context.Background()
	a, b := SubjectID{1}, SubjectID{2}

	if _, err := ks.Key(ctx, a); !errors.Is(err, ErrKeyNotFound) {
		t.Fatalf("Key of an unknown subject: got %v, want ErrKeyNotFound", err)
	}
	// Concurrent creators agree on one key.
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
	kb, err := ks.CreateKey(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(kb, keys[0]) {
		t.Fatal("two subjects got the same key")
	}
	// Deletion is final for that key and touches no other subject.
	if err := ks.DeleteKey(ctx, a); err != nil {
		t.Fatalf("DeleteKey: %v", err)
	}
	if _, err := ks.Key(ctx, a); !errors.Is(err, ErrKeyNotFound) {
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
	if bytes.Equal(again, keys[0]) {
		t.Fatal("CreateKey after DeleteKey returned the deleted key")
	}
}
