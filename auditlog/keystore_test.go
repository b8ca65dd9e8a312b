package auditlog

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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

// TestEraseDropsKeyFromTables flushes a subject's key into an sstable, erases
// the subject and checks that no sstable holds the key's bytes any more.
func TestEraseDropsKeyFromTables(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := openRecTestLog(t, dir, recTestOptions(t))
	if _, err := l.AppendDecision(ctx, testDecision(1, 1)); err != nil {
		t.Fatal(err)
	}
	r, err := l.recs()
	if err != nil {
		t.Fatal(err)
	}
	key, err := r.keys.Key(ctx, subjectID(r.secret, "subject-0"))
	if err != nil {
		t.Fatal(err)
	}
	if err := l.db.Flush(); err != nil {
		t.Fatal(err)
	}
	tablesHolding := func() int {
		n := 0
		files, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(b, key) {
				t.Logf("%s holds the key", filepath.Base(f))
				n++
			}
		}
		return n
	}
	if tablesHolding() == 0 {
		l.Close()
		t.Skip("the key did not reach an sstable (compressed or not flushed); nothing to check")
	}
	if n, err := l.Erase(ctx, "subject-0"); err != nil || n != 1 {
		t.Fatalf("erase: %d %v", n, err)
	}
	// Pebble deletes the compacted tables in the background; Close waits
	// for that.
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if n := tablesHolding(); n != 0 {
		t.Fatalf("%d sstables still hold the erased key", n)
	}
}
