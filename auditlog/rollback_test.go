package auditlog

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// copyTree copies the directory src to dst (which must not exist).
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if k := filepath.Join(dst, SignerKeyFile); fileExists(k) {
		if err := os.Chmod(k, 0o600); err != nil { // CopyFS does not keep modes
			t.Fatal(err)
		}
	}
}

func fileExists(path string) bool { _, err := os.Stat(path); return err == nil }

// newestWAL returns the path of the newest Pebble WAL file of a store.
func newestWAL(t *testing.T, store string) string {
	t.Helper()
	logs, err := filepath.Glob(filepath.Join(store, "*.log"))
	if err != nil || len(logs) == 0 {
		t.Fatalf("no WAL file in %s (%v)", store, err)
	}
	sort.Strings(logs)
	return logs[len(logs)-1]
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Size()
}

// growDir opens the log directory, appends leaves [from, to) one by one
// (each durable when Append returns), signs a checkpoint and closes it.
func growDir(t *testing.T, dir string, from, to int, leaf func(int) []byte) SignedCheckpoint {
	t.Helper()
	ctx := context.Background()
	l, err := OpenDir(dir, &Options{CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for i := from; i < to; i++ {
		if _, err := l.Append(ctx, leaf(i)); err != nil {
			t.Fatal(err)
		}
	}
	cp, err := l.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return cp
}

func otherLeaf(i int) []byte { return fmt.Appendf(nil, "another leaf %d", i) }

// wantRollback checks that err is a *RollbackError with the given sizes.
func wantRollback(t *testing.T, err error, fileSize, storeSize uint64) *RollbackError {
	t.Helper()
	var rb *RollbackError
	if !errors.Is(err, ErrRollback) || !errors.As(err, &rb) {
		t.Fatalf("open: got %v, want ErrRollback", err)
	}
	if rb.FileSize != fileSize || rb.StoreSize != storeSize {
		t.Fatalf("rollback evidence: file size %d, store size %d; want %d and %d", rb.FileSize, rb.StoreSize, fileSize, storeSize)
	}
	return rb
}

func TestRollbackByLostWALTail(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "log")
	if _, err := CreateDir(dir, engOrigin); err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(dir, StoreDir)
	growDir(t, dir, 0, 150, leafBytes)
	// The store was reopened: the leaves 150.. go to the end of the
	// newest WAL, after this offset.
	l, err := OpenDir(dir, &Options{CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	wal := newestWAL(t, store)
	off := fileSize(t, wal)
	for i := 150; i < 200; i++ {
		if _, err := l.Append(ctx, leafBytes(i)); err != nil {
			t.Fatal(err)
		}
	}
	cp200, err := l.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if w := newestWAL(t, store); w != wal || fileSize(t, wal) <= off {
		t.Fatalf("the appends of 150.. are not at the end of %s (newest WAL %s, %d bytes)", wal, w, fileSize(t, wal))
	}

	// One flipped byte in the first record after off: Pebble takes the
	// damaged record for the end of its newest WAL, and drops it and all
	// after it, with no error.
	b, err := os.ReadFile(wal)
	if err != nil {
		t.Fatal(err)
	}
	b[off+walFlipOffset] ^= 0x40
	if err := os.WriteFile(wal, b, 0o644); err != nil {
		t.Fatal(err)
	}

	// Without the high-water mark the damage goes unnoticed: the log opens
	// smaller, grows again and signs a second root for size 200.
	blind := filepath.Join(t.TempDir(), "blind")
	copyTree(t, dir, blind)
	if err := os.Remove(filepath.Join(blind, CheckpointFileName)); err != nil {
		t.Fatal(err)
	}
	lb, err := OpenDir(blind, &Options{CheckpointInterval: -1, CheckpointFile: filepath.Join(t.TempDir(), "elsewhere")})
	if err != nil {
		t.Fatalf("the damaged store without its mark: %v (want it to open: the damage is silent)", err)
	}
	lost := lb.Size()
	if lost >= 200 {
		lb.Close()
		t.Fatalf("the flipped byte lost nothing: the store reopened at size %d", lost)
	}
	for i := int(lost); i < 200; i++ {
		if _, err := lb.Append(ctx, otherLeaf(i)); err != nil {
			t.Fatal(err)
		}
	}
	fork, err := lb.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	lb.Close()
	if fork.Size != 200 || fork.Root == cp200.Root {
		t.Fatalf("the re-grown store signed size %d root %s; the log had signed 200 with %s", fork.Size, fork.Root, cp200.Root)
	}
	t.Logf("WAL tail lost: reopened at size %d of 200 with no error", lost)

	// With the mark the rollback is refused, read-only or not.
	_, err = OpenDir(dir, &Options{CheckpointInterval: -1})
	rb := wantRollback(t, err, 200, lost)
	if rb.FileRoot != cp200.Root {
		t.Fatalf("the evidence names root %s, the signed one is %s", rb.FileRoot, cp200.Root)
	}
	_, err = OpenDir(dir, &Options{ReadOnly: true})
	wantRollback(t, err, 200, lost)
	mark, err := os.ReadFile(filepath.Join(dir, CheckpointFileName))
	if err != nil || string(mark) != string(cp200.Note) {
		t.Fatalf("the mark changed: %q, %v", mark, err)
	}
}

// walFlipOffset is where, after the start of a batch record in the WAL,
// one byte is flipped: inside the record's payload, so that its checksum
// fails.
const walFlipOffset = 40

func TestRollbackByOldBackup(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "log")
	if _, err := CreateDir(dir, engOrigin); err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(dir, StoreDir)
	cp150 := growDir(t, dir, 0, 150, leafBytes)
	backup := filepath.Join(t.TempDir(), "backup")
	copyTree(t, store, backup)
	cp200 := growDir(t, dir, 150, 200, leafBytes)
	if cp150.Size != 150 || cp200.Size != 200 {
		t.Fatalf("checkpoints of sizes %d and %d", cp150.Size, cp200.Size)
	}

	restore := func(from string) {
		t.Helper()
		if err := os.RemoveAll(store); err != nil {
			t.Fatal(err)
		}
		copyTree(t, from, store)
	}
	// The old copy, restored under the kept mark: behind it.
	restore(backup)
	_, err := OpenDir(dir, &Options{CheckpointInterval: -1})
	wantRollback(t, err, 200, 150)
	_, err = OpenDir(dir, &Options{ReadOnly: true})
	wantRollback(t, err, 200, 150)

	// The old copy grown, in an open without the mark, to another tree of
	// size 200: as large as the mark, but another log.
	signer, err := ReadSignerKey(filepath.Join(dir, SignerKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	l, err := Open(backup, &Options{Signer: signer, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	for i := 150; i < 200; i++ {
		if _, err := l.Append(ctx, otherLeaf(i)); err != nil {
			t.Fatal(err)
		}
	}
	fork, err := l.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	restore(backup)
	_, err = OpenDir(dir, &Options{CheckpointInterval: -1})
	rb := wantRollback(t, err, 200, 200)
	if rb.FileRoot != cp200.Root || rb.StoreRoot != fork.Root {
		t.Fatalf("evidence: file root %s, store root %s; want %s and %s", rb.FileRoot, rb.StoreRoot, cp200.Root, fork.Root)
	}

	// No store at all under the mark: not a new log, a lost one.
	if err := os.RemoveAll(store); err != nil {
		t.Fatal(err)
	}
	_, err = Open(store, &Options{Signer: signer, CheckpointInterval: -1, CheckpointFile: filepath.Join(dir, CheckpointFileName)})
	wantRollback(t, err, 200, 0)
}

func TestCheckpointFileMigration(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "log")
	if _, err := CreateDir(dir, engOrigin); err != nil {
		t.Fatal(err)
	}
	mark := filepath.Join(dir, CheckpointFileName)
	if _, err := os.Stat(mark); err == nil {
		t.Fatal("a new log has a mark before its first checkpoint")
	}
	cp := growDir(t, dir, 0, 20, leafBytes)
	if err := os.Remove(mark); err != nil {
		t.Fatalf("the first checkpoint wrote no mark: %v", err)
	}
	// Read-only: checked when there, never written.
	l, err := OpenDir(dir, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	if _, err := os.Stat(mark); err == nil {
		t.Fatal("a read-only open wrote the mark")
	}
	// Writable: written from the latest stored checkpoint.
	l, err = OpenDir(dir, &Options{CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	b, err := os.ReadFile(mark)
	if err != nil || string(b) != string(cp.Note) {
		t.Fatalf("migrated mark %q, %v; want the checkpoint of size %d", b, err, cp.Size)
	}
}
