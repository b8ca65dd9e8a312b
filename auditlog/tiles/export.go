package tiles

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// ExportOptions configure [Export]. The zero value, or nil, is the default.
type ExportOptions struct {
	// PrunePartials removes the partial tiles that a full tile written by
	// this export replaces. Off by default: a client that holds an older
	// checkpoint asks for the partial tile of that checkpoint's size, and
	// not every client falls back to the full tile when it is gone
	// (torchwood's does not; Tessera's does). Kept, they cost at most one
	// file per tile level and per export.
	PrunePartials bool
	// Progress, when not nil, is called with the tiles and bundles written
	// so far and the number this export writes, after each file, from the
	// calling goroutine. It is for a program's progress bar.
	Progress func(done, total uint64)
}

// ExportResult says what [Export] did.
type ExportResult struct {
	Dir   string `json:"dir"`
	From  uint64 `json:"from"`  // tree size of the checkpoint found in Dir (0: none)
	Size  uint64 `json:"size"`  // tree size of the checkpoint written
	Files int    `json:"files"` // tiles and bundles written (the checkpoint not counted)
}

// Export writes lg's latest signed checkpoint and the tiles and entry
// bundles it covers to dir, in the layout that [Handler] serves, so that
// any static web server, object store or CDN can serve the log without the
// lender's process:
//
//	dir/checkpoint
//	dir/tile/<L>/<N>[.p/<W>]
//	dir/tile/entries/<N>[.p/<W>]
//
// Export is incremental: when dir already holds a checkpoint of size m
// (of this log: its root MUST be the log's root at m, else
// [*ExportMismatchError] and nothing is written), only the tiles that
// changed since m are written, those that were partial at m and those
// that are new. Every file is written atomically (a temporary file in the
// same directory, synced, then renamed), and the checkpoint last, so a
// reader of dir never sees a checkpoint whose tiles are not all there.
// An export that stopped half way (a crash, ctx done) is resumed by the
// next: the checkpoint in dir is still the old one, and the tiles are
// written again from there. Full tiles already written are not touched.
//
// With no checkpoint signed yet Export fails with [ErrNotPublished]; a
// leaf too long for an entry bundle fails it with [*EntryTooLargeError].
// Only one Export at a time may write to a directory.
func Export(ctx context.Context, lg *auditlog.Log, dir string, opts *ExportOptions) (*ExportResult, error) {
	var o ExportOptions
	if opts != nil {
		o = *opts
	}
	cp, err := lg.LatestCheckpoint(ctx)
	if errors.Is(err, auditlog.ErrNotFound) {
		return nil, fmt.Errorf("%w: the log has no signed checkpoint to export", ErrNotPublished)
	}
	if err != nil {
		return nil, err
	}
	from, err := exportedSize(ctx, lg, dir, cp.Size)
	if err != nil {
		return nil, err
	}
	res := &ExportResult{Dir: dir, From: from, Size: cp.Size}
	if from == cp.Size {
		// The tiles are there; rewrite the checkpoint only if it differs
		// (the same tree, another signature set).
		old, err := os.ReadFile(filepath.Join(dir, CheckpointPath))
		if err == nil && bytes.Equal(old, cp.Note) {
			return res, nil
		}
		return res, writeAtomic(filepath.Join(dir, CheckpointPath), cp.Note)
	}
	dirs := map[string]bool{}
	changed := changedTiles(from, cp.Size)
	for _, t := range changed {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		data, err := Read(ctx, lg, cp.Size, t)
		if err != nil {
			return res, err
		}
		name := filepath.Join(dir, filepath.FromSlash(Path(t)))
		if err := writeAtomic(name, data); err != nil {
			return res, err
		}
		res.Files++
		if o.Progress != nil {
			o.Progress(uint64(res.Files), uint64(len(changed)))
		}
		dirs[filepath.Dir(name)] = true
		if o.PrunePartials && t.W == Width {
			if err := os.RemoveAll(name + ".p"); err != nil {
				return res, fmt.Errorf("tiles: pruning partial tiles: %w", err)
			}
		}
	}
	// The renames of the tiles are durable before the checkpoint that
	// covers them is.
	for d := range dirs {
		if err := syncDir(d); err != nil {
			return res, err
		}
	}
	if err := writeAtomic(filepath.Join(dir, CheckpointPath), cp.Note); err != nil {
		return res, err
	}
	return res, syncDir(dir)
}

// exportedSize returns the size of the checkpoint in dir (0 when there is
// none), after checking that it is one of lg's trees and not beyond size.
func exportedSize(ctx context.Context, lg *auditlog.Log, dir string, size uint64) (uint64, error) {
	name := filepath.Join(dir, CheckpointPath)
	msg, err := os.ReadFile(name)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("tiles: export: %w", err)
	}
	var text string
	if v := lg.Verifier(); v != nil {
		n, err := note.Open(msg, note.VerifierList(v))
		if err != nil {
			return 0, &ExportMismatchError{Path: name, Reason: fmt.Sprintf("its checkpoint does not verify with the log's key: %v", err)}
		}
		text = n.Text
	} else {
		body, _, ok := bytes.Cut(msg, []byte("\n\n"))
		if !ok {
			return 0, &ExportMismatchError{Path: name, Reason: "its checkpoint is not a signed note"}
		}
		text = string(body) + "\n"
	}
	c, err := verify.ParseCheckpoint([]byte(text))
	if err != nil {
		return 0, &ExportMismatchError{Path: name, Reason: fmt.Sprintf("its checkpoint does not parse: %v", err)}
	}
	e := &ExportMismatchError{Path: name, Size: c.Size, DirRoot: c.Root}
	if c.Origin != lg.Origin() {
		e.Reason = fmt.Sprintf("its checkpoint is of origin %q, the log's is %q", c.Origin, lg.Origin())
		return 0, e
	}
	if c.Size > size {
		e.Reason = fmt.Sprintf("its checkpoint is beyond the log's latest, of size %d", size)
		return 0, e
	}
	root, err := lg.RootAt(ctx, c.Size)
	if err != nil {
		return 0, err
	}
	if root != c.Root {
		e.LogRoot, e.Reason = root, "its checkpoint is of another tree"
		return 0, e
	}
	return c.Size, nil
}

// changedTiles lists the tiles of the tree of size that differ from those
// of the tree of size from <= size: at each level, the tile that was
// partial at from (when it grew) and every tile after it. Entry bundles
// come first, then hash tiles by level.
func changedTiles(from, size uint64) []tlog.Tile {
	var out []tlog.Tile
	for l := -1; l <= maxTileLevel; l++ {
		shift := uint(0)
		if l > 0 {
			shift = uint(l * Height)
		}
		n0, n1 := from>>shift, size>>shift // complete nodes at the tile's bottom level
		if n1 == 0 {
			break
		}
		for i := n0 / Width; i*Width < n1; i++ {
			w := min(uint64(Width), n1-i*Width)
			if old := n0 - min(n0, i*Width); old >= w {
				continue // as it was
			}
			out = append(out, tlog.Tile{H: Height, L: l, N: int64(i), W: int(w)})
		}
	}
	return out
}

// writeAtomic writes data to name through a synced temporary file in the
// same directory and a rename, creating the directories it needs.
func writeAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("tiles: export: %w", err)
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("tiles: export: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("tiles: export: writing %s: %w", name, err)
	}
	return nil
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("tiles: export: %w", err)
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("tiles: export: syncing %s: %w", dir, err)
	}
	return nil
}
