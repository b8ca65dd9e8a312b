package decisions_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/decisions/keystoretest"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// countingKeys is a Memory key store standing in for a KMS that counts the
// keys it creates: it drives the layer's external-key-store path (keys
// fetched before the commit, not written in it).
type countingKeys struct {
	keystoretest.Memory
	creates int
}

func (c *countingKeys) CreateKey(ctx context.Context, id decisions.SubjectID) ([]byte, error) {
	if _, err := c.Key(ctx, id); errors.Is(err, decisions.ErrKeyNotFound) {
		c.creates++ // the test appends from one goroutine
	}
	return c.Memory.CreateKey(ctx, id)
}

func TestExternalKeyStore(t *testing.T) {
	ctx := context.Background()
	ks := &countingKeys{}
	lg, l := openRecTestLog(t, t.TempDir(), recTestOptions(t), &decisions.Options{KeyStore: ks})
	defer lg.Close()
	var ds []record.Decision
	for i := range 12 {
		ds = append(ds, testDecision(i, 3))
	}
	if _, err := l.AppendBatch(ctx, ds); err != nil {
		t.Fatal(err)
	}
	if ks.creates != 3 || ks.Len() != 3 {
		t.Fatalf("%d keys created, %d held; want 3", ks.creates, ks.Len())
	}
	// The log keeps no key of its own when a KeyStore is given.
	st, err := lg.Store(decisions.DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	if err := st.Scan([]byte{'K'}, func(_, _ []byte) error { n++; return nil }); err != nil || n != 0 {
		t.Fatalf("%d subject keys stored in the log (%v)", n, err)
	}
	d, err := l.Get(ctx, ds[4].ID)
	if err != nil || d.Status != decisions.StatusSealed || d.Payload.Subject != ds[4].Subject {
		t.Fatalf("%+v %v", d, err)
	}
	if n, err := l.Erase(ctx, "subject-1"); err != nil || n != 4 {
		t.Fatalf("erase: %d %v", n, err)
	}
	if _, err := ks.Key(ctx, decisions.SubjectIDOf(l, "subject-1")); !errors.Is(err, decisions.ErrKeyNotFound) || ks.Len() != 2 {
		t.Fatalf("key still in the key store: %v (%d keys)", err, ks.Len())
	}
	if d, err := l.Get(ctx, ds[4].ID); err != nil || d.Status != decisions.StatusErased || d.Payload != nil {
		t.Fatalf("%+v %v", d, err)
	}
	if d, err := l.Get(ctx, ds[5].ID); err != nil || d.Status != decisions.StatusSealed {
		t.Fatalf("%+v %v", d, err)
	}
}

// TestEraseDropsKeyFromTables puts a subject's key into an sstable, erases
// the subject and checks that no sstable holds the key's bytes any more.
func TestEraseDropsKeyFromTables(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	lg, l := openRecTestLog(t, dir, recTestOptions(t), nil)
	if _, err := l.Append(ctx, testDecision(1, 1)); err != nil {
		t.Fatal(err)
	}
	key, err := decisions.DefaultKeyStore(l).Key(ctx, decisions.SubjectIDOf(l, "subject-0"))
	if err != nil {
		t.Fatal(err)
	}
	// Compacting the namespace flushes the memtable holding the key into
	// an sstable.
	st, err := lg.Store(decisions.DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Compact(ctx, nil, nil); err != nil {
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
		lg.Close()
		t.Skip("the key did not reach an sstable in clear (compressed); nothing to check")
	}
	if n, err := l.Erase(ctx, "subject-0"); err != nil || n != 1 {
		t.Fatalf("erase: %d %v", n, err)
	}
	// Pebble deletes the compacted tables in the background; Close waits
	// for that.
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}
	if n := tablesHolding(); n != 0 {
		t.Fatalf("%d sstables still hold the erased key", n)
	}
}
