package auditlog

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// CheckpointFileName is the high-water mark of a log directory
// ([Options.CheckpointFile] in the [OpenDir] layout).
const CheckpointFileName = "latest-checkpoint"

// readMark reads the high-water mark file: ok is false when it does not
// exist. The note must be a checkpoint of this log's origin; its signature
// is checked with the configured Verifier, or for the Signer's key hash.
func (l *Log) readMark(path string) (cp SignedCheckpoint, ok bool, err error) {
	msg, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return SignedCheckpoint{}, false, nil
	}
	if err != nil {
		return SignedCheckpoint{}, false, fmt.Errorf("auditlog: reading the checkpoint file: %w", err)
	}
	bad := func(why error) error {
		return fmt.Errorf("%w: checkpoint file %s: %v", ErrCorrupt, path, why)
	}
	text, err := noteText(msg)
	if err != nil {
		return SignedCheckpoint{}, false, bad(err)
	}
	c, err := verify.ParseCheckpoint(text)
	if err != nil {
		return SignedCheckpoint{}, false, bad(err)
	}
	if c.Origin != l.opts.Origin {
		return SignedCheckpoint{}, false, bad(fmt.Errorf("the checkpoint is of origin %q, the log's is %q", c.Origin, l.opts.Origin))
	}
	switch {
	case l.opts.Verifier != nil:
		if _, err := note.Open(msg, note.VerifierList(l.opts.Verifier)); err != nil {
			return SignedCheckpoint{}, false, bad(fmt.Errorf("the checkpoint does not verify with the log's key: %v", err))
		}
	case l.opts.Signer != nil && l.readOnly == nil:
		if !signedByKeyHash(msg[len(text)+1:], l.opts.Signer.Name(), l.opts.Signer.KeyHash()) {
			return SignedCheckpoint{}, false, bad(fmt.Errorf("the checkpoint has no signature by %s+%08x", l.opts.Signer.Name(), l.opts.Signer.KeyHash()))
		}
	}
	return SignedCheckpoint{Checkpoint: c, Note: msg}, true, nil
}

// checkMark refuses a store that is behind the high-water mark, and
// brings a missing or older mark up to the latest stored checkpoint
// (unless the log is read-only). It runs in Open, after the tree is
// restored.
func (l *Log) checkMark(size uint64) error {
	path := l.opts.CheckpointFile
	if path == "" {
		return nil
	}
	mark, ok, err := l.readMark(path)
	if err != nil {
		return err
	}
	if ok {
		rb := &RollbackError{File: path, FileSize: mark.Size, FileRoot: mark.Root, StoreSize: size}
		if size < mark.Size {
			return rb
		}
		root, err := l.rootAt(l.db, mark.Size)
		if err != nil {
			return err
		}
		if root != mark.Root {
			rb.StoreRoot = root
			return rb
		}
		l.markSize, l.marked = mark.Size, true
	}
	latest := l.cpLatest.Load()
	if latest == nil || (ok && latest.Size <= mark.Size) || l.readOnly != nil {
		return nil
	}
	// A log without a mark yet (made before the option, or the file was
	// lost), or one that stopped between storing a checkpoint and writing
	// the mark: the latest stored checkpoint was checked against the tree.
	if !ok {
		l.opts.Logger.Info("auditlog: writing the checkpoint file from the latest stored checkpoint", "file", path, "size", latest.Size)
	}
	return l.writeMark(*latest)
}

// writeMark replaces the high-water mark with cp, durably: a temporary
// file in the same directory, synced, renamed over the mark, and the
// directory synced. The caller holds cpMu (or is Open).
func (l *Log) writeMark(cp SignedCheckpoint) error {
	path := l.opts.CheckpointFile
	if path == "" || (l.marked && cp.Size <= l.markSize) {
		return nil
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+strings.TrimPrefix(filepath.Base(path), ".")+".tmp-*")
	if err != nil {
		return fmt.Errorf("auditlog: writing the checkpoint file: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(cp.Note)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("auditlog: writing the checkpoint file: %w", err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("auditlog: writing the checkpoint file: syncing %s: %w", dir, err)
	}
	l.markSize, l.marked = cp.Size, true
	return nil
}
