package tiles

import (
	"errors"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// Errors of the tiles package; check them with errors.Is.
var (
	// ErrMalformedPath: a path that is not a c2sp.org/tlog-tiles path of a
	// checkpoint, a hash tile or an entry bundle (the handler answers 400).
	ErrMalformedPath = errors.New("tiles: malformed tile path")
	// ErrNotPublished: a tile that the published checkpoint does not cover
	// yet, or no checkpoint at all (the handler answers 404).
	ErrNotPublished = errors.New("tiles: not covered by the published checkpoint")
	// ErrEntryTooLarge: a leaf longer than an entry bundle can carry (65,535
	// bytes); errors matching it are [*EntryTooLargeError].
	ErrEntryTooLarge = errors.New("tiles: leaf too large for an entry bundle")
	// ErrForeignExport: the export directory holds a checkpoint that is not
	// one of this log's trees; errors matching it are [*ExportMismatchError].
	ErrForeignExport = errors.New("tiles: the export directory holds another log's tree")
)

// EntryTooLargeError names the leaf that an entry bundle cannot carry.
type EntryTooLargeError struct {
	Index uint64 // leaf index
	Size  int    // its length in bytes
}

func (e *EntryTooLargeError) Error() string {
	return fmt.Sprintf("tiles: leaf %d has %d bytes, an entry bundle carries at most %d", e.Index, e.Size, maxEntry)
}

// Is makes errors.Is(err, ErrEntryTooLarge) true.
func (e *EntryTooLargeError) Is(target error) bool { return target == ErrEntryTooLarge }

// ExportMismatchError is the evidence that an export directory does not
// hold a tree of the log being exported: its checkpoint (file Path) is of
// size Size with root DirRoot, and the log has root LogRoot at that size
// (zero when the log is smaller, or the origin differs: see Reason).
type ExportMismatchError struct {
	Path    string
	Size    uint64
	DirRoot verify.Hash
	LogRoot verify.Hash
	Reason  string
}

func (e *ExportMismatchError) Error() string {
	return fmt.Sprintf("tiles: %s: %s (its checkpoint: size %d, root %s; the log's root there: %s); export to an empty directory, or to this log's own",
		e.Path, e.Reason, e.Size, e.DirRoot, e.LogRoot)
}

// Is makes errors.Is(err, ErrForeignExport) true.
func (e *ExportMismatchError) Is(target error) bool { return target == ErrForeignExport }
