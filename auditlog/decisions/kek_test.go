package decisions_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

func fileKEK(t *testing.T) *decisions.FileKEK {
	t.Helper()
	k, err := decisions.OpenDirKEK(t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// TestWrongKEK: a log whose keys are sealed under one KEK does not open
// under another, nor without one, and says which.
func TestWrongKEK(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	opts := recTestOptions(t)
	kek := fileKEK(t)
	lg, l := openRecTestLog(t, dir, opts, &decisions.Options{KEK: kek})
	if _, err := l.Append(ctx, erasedDecision(0)); err != nil {
		t.Fatal(err)
	}
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		kek  decisions.KEK
		want error
	}{
		"another KEK": {fileKEK(t), decisions.ErrWrongKEK},
		"no KEK":      {nil, decisions.ErrKEK},
	} {
		lg, err := auditlog.Open(dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		l, err := decisions.Open(lg, &decisions.Options{KEK: c.kek})
		if !errors.Is(err, c.want) || l != nil {
			t.Errorf("%s: Open = %v, %v; want %v", name, l, err, c.want)
		}
		lg.Close()
	}
	// The right KEK reads it back.
	lg, l = openRecTestLog(t, dir, opts, &decisions.Options{KEK: kek})
	defer lg.Close()
	if s, err := l.Get(ctx, "erased-0"); err != nil || s.Status != decisions.StatusSealed || s.Payload.Subject != erasedSubject {
		t.Fatalf("with the right KEK: %v %v", s.Status, err)
	}
}

// TestMigrateClearKeys: a log written without a KEK has its secret and
// subject keys sealed on its first writable open with one, its records
// still read, and no file of the store keeps a clear key.
func TestMigrateClearKeys(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	opts := recTestOptions(t)
	lg, l := openRecTestLog(t, dir, opts, nil)
	var ds []record.Decision
	for i := range 20 {
		ds = append(ds, testDecision(i, 5))
	}
	if _, err := l.AppendBatch(ctx, ds); err != nil {
		t.Fatal(err)
	}
	sid := decisions.SubjectIDOf(l, "subject-1")
	clearKey, err := decisions.DefaultKeyStore(l).Key(ctx, sid)
	if err != nil {
		t.Fatal(err)
	}
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}
	if hits := fileHits(t, dir, map[string][]byte{"clear key": clearKey}); len(hits) == 0 {
		t.Fatal("before migration no file holds the clear key: the search finds nothing")
	}
	kek := fileKEK(t)
	// A read-only open with a KEK reads the clear keys and migrates nothing.
	ro := *opts
	ro.ReadOnly = true
	lg, l = openRecTestLog(t, dir, &ro, &decisions.Options{KEK: kek})
	if s, err := l.Get(ctx, "dec-0000001"); err != nil || s.Status != decisions.StatusSealed {
		t.Fatalf("read-only with a KEK over clear keys: %v %v", s.Status, err)
	}
	lg.Close()

	lg, l = openRecTestLog(t, dir, opts, &decisions.Options{KEK: kek})
	if hits := fileHits(t, dir, map[string][]byte{"clear key": clearKey}); len(hits) > 0 {
		t.Fatalf("after migration: %q", hits)
	}
	if sid2 := decisions.SubjectIDOf(l, "subject-1"); sid2 != sid {
		t.Fatal("the migration changed the subject secret")
	}
	if k, err := decisions.DefaultKeyStore(l).Key(ctx, sid); err != nil || !bytes.Equal(k, clearKey) {
		t.Fatalf("the migrated key: %v", err)
	}
	if s, err := l.Get(ctx, "dec-0000001"); err != nil || s.Status != decisions.StatusSealed {
		t.Fatalf("after migration: %v %v", s.Status, err)
	}
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}
	// Sealed now: no open without the KEK.
	lg, err = auditlog.Open(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	if _, err := decisions.Open(lg, nil); !errors.Is(err, decisions.ErrKEK) {
		t.Fatalf("after migration, without a KEK: %v", err)
	}
}

// TestFileKEKFile: the key file is created 0600 and refused when readable
// by others or of the wrong size.
func TestFileKEKFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := decisions.OpenDirKEK(dir, false); !errors.Is(err, decisions.ErrKEK) {
		t.Fatalf("missing, not created: %v", err)
	}
	if _, err := decisions.OpenDirKEK(dir, true); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, auditlog.KEKFile)
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("kek file: %v %v", fi.Mode(), err)
	}
	if err := os.Chmod(p, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := decisions.OpenDirKEK(dir, false); !errors.Is(err, decisions.ErrKEK) {
		t.Fatalf("mode 0644: %v", err)
	}
	if err := os.WriteFile(p, []byte("short"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := decisions.OpenDirKEK(dir, false); !errors.Is(err, decisions.ErrKEK) {
		t.Fatalf("short file: %v", err)
	}
}

// FuzzFileKEKUnwrap: any blob is refused with ErrWrongKEK or is the one
// wrapped; never a panic.
func FuzzFileKEKUnwrap(f *testing.F) {
	k, err := decisions.OpenDirKEK(f.TempDir(), true)
	if err != nil {
		f.Fatal(err)
	}
	key := bytes.Repeat([]byte{2}, 32)
	w, err := k.Wrap(context.Background(), key)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(w)
	f.Add([]byte{1})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := k.Unwrap(context.Background(), b)
		if err != nil && !errors.Is(err, decisions.ErrWrongKEK) {
			t.Fatalf("error outside ErrWrongKEK: %v", err)
		}
		if err == nil && !bytes.Equal(p, key) {
			t.Fatalf("opened a blob to %x", p)
		}
	})
}
