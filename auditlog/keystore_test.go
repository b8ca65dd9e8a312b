package auditlog

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// mapKeyStore is a KeyStore kept in process memory, standing in for a KMS:
// a second, independent implementation that runs the conformance test and
// drives the log's external-key-store path (keys fetched before the commit,
// not written in it).
type mapKeyStore struct {
	mu      sync.Mutex
	keys    map[SubjectID][]byte
	creates int
}

func (m *mapKeyStore) Key(_ context.Context, id SubjectID) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k, ok := m.keys[id]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrKeyNotFound, id)
	}
	return k, nil
}

func (m *mapKeyStore) CreateKey(_ context.Context, id SubjectID) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if k, ok := m.keys[id]; ok {
		return k, nil
	}
	k, err := record.NewKey(nil)
	if err != nil {
		return nil, err
	}
	m.keys[id] = k
	m.creates++
	return k, nil
}

func (m *mapKeyStore) DeleteKey(_ context.Context, id SubjectID) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.keys, id)
	return nil
}

func TestMapKeyStoreConformance(t *testing.T) {
	TestKeyStore(t, &mapKeyStore{keys: map[SubjectID][]byte{}})
}

func TestExternalKeyStore(t *testing.T) {
	ctx := context.Background()
	ks := &mapKeyStore{keys: map[SubjectID][]byte{}}
	opts := recTestOptions(t)
	opts.KeyStore = ks
	l := openRecTestLog(t, t.TempDir(), opts)
	defer l.Close()
	var ds []record.Decision
	for i := range 12 {
		ds = append(ds, testDecision(i, 3))
	}
	if _, err := l.AppendDecisions(ctx, ds); err != nil {
		t.Fatal(err)
	}
	if ks.creates != 3 || len(ks.keys) != 3 {
		t.Fatalf("%d keys created, %d held; want 3", ks.creates, len(ks.keys))
	}
	// The log keeps no key of its own when a KeyStore is given.
	v, err := l.recordView(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	v.scan([]byte{pfxKey}, []byte{pfxKey + 1}, func(_, _ []byte) error { n++; return nil })
	v.close()
	if n != 0 {
		t.Fatalf("%d subject keys stored in the log", n)
	}
	d, err := l.Decision(ctx, ds[4].ID)
	if err != nil || d.Status != StatusSealed || d.Payload.Subject != ds[4].Subject {
		t.Fatalf("%+v %v", d, err)
	}
	if n, err := l.Erase(ctx, "subject-1"); err != nil || n != 4 {
		t.Fatalf("erase: %d %v", n, err)
	}
	if _, err := ks.Key(ctx, subjectID(l.rec.secret, "subject-1")); !errors.Is(err, ErrKeyNotFound) {
		t.Fatalf("key still in the key store: %v", err)
	}
	if d, err := l.Decision(ctx, ds[4].ID); err != nil || d.Status != StatusErased || d.Payload != nil {
		t.Fatalf("%+v %v", d, err)
	}
	if d, err := l.Decision(ctx, ds[5].ID); err != nil || d.Status != StatusSealed {
		t.Fatalf("%+v %v", d, err)
	}
}
