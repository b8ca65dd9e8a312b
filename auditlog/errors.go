package auditlog

import (
	"errors"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// Errors of the log engine; check them with errors.Is.
var (
	// ErrClosed: the log was closed.
	ErrClosed = errors.New("auditlog: log is closed")
	// ErrNotFound: the requested leaf, checkpoint or key is not stored.
	ErrNotFound = errors.New("auditlog: not found")
	// ErrInvalidOptions: Options failed validation.
	ErrInvalidOptions = errors.New("auditlog: invalid options")
	// ErrEmptyLeaf: a leaf of zero bytes was appended.
	ErrEmptyLeaf = errors.New("auditlog: empty leaf")
	// ErrLeafTooLarge: a leaf exceeds Options.MaxLeafSize.
	ErrLeafTooLarge = errors.New("auditlog: leaf too large")
	// ErrOutOfRange: an index or tree size beyond the log, or sizes in the
	// wrong order.
	ErrOutOfRange = errors.New("auditlog: out of range")
	// ErrNotALog: the directory holds something that is not a Glassbox log.
	ErrNotALog = errors.New("auditlog: directory is not a glassbox log")
	// ErrLayout: the directory holds a Glassbox log of another key layout
	// (an earlier version's); the error names it. Such a log does not open.
	ErrLayout = errors.New("auditlog: unsupported store layout")
	// ErrCorrupt: stored state is inconsistent; see the wrapped error.
	ErrCorrupt = errors.New("auditlog: log is corrupt")
	// ErrWrongKey: the log's checkpoints are signed by another key than
	// Options.Signer (or their signature is damaged). Such a log opens
	// read-only: appends and new checkpoints return this error.
	ErrWrongKey = errors.New("auditlog: the log is signed by another key; opened read-only")
	// ErrFailed: an earlier write failed; the log refuses further appends
	// until it is reopened.
	ErrFailed = errors.New("auditlog: log failed")
	// ErrReadOnly: the log was opened with Options.ReadOnly; appends, new
	// checkpoint signatures and store writes are refused.
	ErrReadOnly = errors.New("auditlog: the log is open read-only")
	// ErrNotExist: there is no log at the path (a missing or empty
	// directory, or a log directory without its store) and the caller asked
	// not to create one (Options.MustExist, Options.ReadOnly, [OpenDir]).
	// Nothing was created.
	ErrNotExist = errors.New("auditlog: no log here")
	// ErrLocked: the log's store is locked by its owner, a running service
	// (another process, or another open Log in this one). Read the log
	// through that service: the lock is taken even by a read-only open.
	ErrLocked = errors.New("auditlog: the log is locked by a running service")
	// ErrKeyFile: a key file of a log directory is missing, malformed,
	// readable by others than its owner, or does not match the other key.
	ErrKeyFile = errors.New("auditlog: bad key file")
)

// IntegrityError reports the first mismatch found by [Log.CheckIntegrity].
type IntegrityError struct {
	// Kind is "leaf" (a stored leaf hash does not match its leaf), "node"
	// (a stored interior node does not match its children), "checkpoint" (a
	// stored checkpoint's root or signature does not match the tree),
	// "missing" (a leaf or node that must exist is absent) or "size".
	Kind  string
	Level uint   // node level (0 for leaves)
	Index uint64 // node index at Level, or checkpoint size
	Want  verify.Hash
	Got   verify.Hash
	Err   error // the underlying problem, if any
}

func (e *IntegrityError) Error() string {
	switch e.Kind {
	case "checkpoint":
		if e.Err != nil {
			return fmt.Sprintf("auditlog: integrity: checkpoint at size %d: %v", e.Index, e.Err)
		}
		return fmt.Sprintf("auditlog: integrity: checkpoint at size %d has root %s, the tree has %s", e.Index, e.Got, e.Want)
	case "missing", "size":
		return fmt.Sprintf("auditlog: integrity: %s: level %d index %d: %v", e.Kind, e.Level, e.Index, e.Err)
	}
	return fmt.Sprintf("auditlog: integrity: %s at level %d index %d: stored %s, recomputed %s", e.Kind, e.Level, e.Index, e.Got, e.Want)
}

// Is makes errors.Is(err, ErrCorrupt) true.
func (e *IntegrityError) Is(target error) bool { return target == ErrCorrupt }

func (e *IntegrityError) Unwrap() error { return e.Err }

// ErrRollback: the store is behind the log's high-water mark
// (Options.CheckpointFile): its tree is smaller than the latest checkpoint
// ever handed out, or has another root at that size. A lost WAL tail or a
// restored old backup does this; signing on such a store would give a
// second, different checkpoint for a size already signed (a split view).
// Errors matching it are [*RollbackError].
var ErrRollback = errors.New("auditlog: the store is behind its latest signed checkpoint (rolled back)")

// RollbackError is the evidence of a rollback: the high-water mark in File
// is the checkpoint of FileSize with FileRoot; the store's tree has
// StoreSize leaves and, when StoreSize >= FileSize, root StoreRoot at
// FileSize (zero otherwise).
type RollbackError struct {
	File      string
	FileSize  uint64
	FileRoot  verify.Hash
	StoreSize uint64
	StoreRoot verify.Hash
}

func (e *RollbackError) Error() string {
	if e.StoreSize < e.FileSize {
		return fmt.Sprintf("auditlog: rollback: %s holds a checkpoint of size %d (root %s), the store has only %d leaves: restore the lost entries, or the store they are in; signing now would contradict that checkpoint",
			e.File, e.FileSize, e.FileRoot, e.StoreSize)
	}
	return fmt.Sprintf("auditlog: rollback: %s holds a checkpoint of size %d with root %s, the store's tree has root %s at that size: the store is not the log that signed it",
		e.File, e.FileSize, e.FileRoot, e.StoreRoot)
}

// Is makes errors.Is(err, ErrRollback) true.
func (e *RollbackError) Is(target error) bool { return target == ErrRollback }
