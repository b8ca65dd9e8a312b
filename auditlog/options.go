package auditlog

import (
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/mod/sumdb/note"
)

// Defaults for [Options].
const (
	DefaultMaxLeafSize        = 1 << 20 // 1 MiB
	DefaultMaxBatchEntries    = 8192
	DefaultMaxBatchBytes      = 32 << 20
	DefaultCheckpointInterval = 10 * time.Second
	DefaultQueueLength        = 4096
)

// Options configure a [Log]. The zero value of each field selects its
// default; Signer is required unless ReadOnly is set.
type Options struct {
	// Origin is the log's identity: the first line of its checkpoints. It
	// must equal the name of Signer's key (C2SP), and of Verifier's when
	// set. Empty: Signer.Name(), or Verifier.Name() without a Signer.
	Origin string
	// Signer signs checkpoints (an Ed25519 note signer). Required, except
	// with ReadOnly.
	Signer note.Signer
	// Verifier is the public half of Signer. Optional: when set, Open checks
	// that it matches Signer and that the latest stored checkpoint verifies
	// with it, and [Log.Verifier] returns it.
	Verifier note.Verifier

	// MustExist makes Open fail with [ErrNotExist], naming the path, when
	// there is no log there (a missing or empty directory); Open then
	// creates nothing: no directory, no file. A program that reads or
	// extends an existing log MUST set it, so that a mistyped path is an
	// error rather than a new, empty log.
	MustExist bool
	// ReadOnly opens an existing log for reading only; it implies
	// MustExist. Pebble is opened read-only and the log starts no
	// committer and no checkpointer goroutine. Signer MAY be nil; Origin or
	// Verifier MUST then be given. The latest stored checkpoint MUST carry
	// that origin (else [ErrInvalidOptions]) and verify with Verifier or
	// Signer, when given (else an [*IntegrityError] of kind "checkpoint"
	// wrapping [ErrWrongKey]), or Open fails. A read-only log MUST NOT
	// write to its directory: every append, every checkpoint that would
	// need a new signature, and every [Store.Put] or [Store.Delete] returns
	// [ErrReadOnly]; reads, stored checkpoints, proofs and
	// [Log.CheckIntegrity] work. The one exception is the store's lock:
	// Pebble takes it for a read-only open too, so a read-only open fails
	// with [ErrLocked] while a service has the log open (and it creates the
	// empty LOCK file if a copied store lacks one).
	ReadOnly bool
	// CheckpointFile is the path of the log's high-water mark: a file that
	// holds the latest signed checkpoint note. Empty: none (in the
	// [OpenDir] layout it defaults to DIR/latest-checkpoint). It SHOULD be
	// outside the store directory, so that restoring a backup of the store
	// does not restore an old mark with it. When set:
	//
	//   - every new checkpoint is written to it (a temporary file, synced,
	//     renamed over it, the directory synced) before [Log.Checkpoint],
	//     [View.Checkpoint] or the checkpointer hands it to anyone;
	//   - Open refuses, with a [*RollbackError] ([ErrRollback]), a store
	//     whose tree is smaller than the file's checkpoint or has another
	//     root at its size, so that such a store is never signed (a new,
	//     empty store under the mark of a log with leaves is refused too);
	//   - when the file is missing on a log that has checkpoints (a log
	//     made before this option, or a lost file), a writable Open writes
	//     it from the latest stored checkpoint. A read-only Open checks the
	//     file when it is there and never writes it.
	CheckpointFile string
	// CheckpointInterval is how often a checkpoint is signed when the tree
	// has grown. Negative: only on demand.
	CheckpointInterval time.Duration
	// MaxLeafSize bounds one leaf, in bytes.
	MaxLeafSize int
	// MaxBatchEntries and MaxBatchBytes bound one group commit.
	MaxBatchEntries int
	MaxBatchBytes   int
	// QueueLength is the number of append requests that may wait for the
	// committer before Append blocks.
	QueueLength int
	// Registerer receives the log's metrics. Nil: no metrics.
	Registerer prometheus.Registerer
	// Logger receives diagnostics. Nil: discarded.
	Logger *slog.Logger
	// Clock returns the current time; nil: time.Now.
	Clock func() time.Time
}

// withDefaults returns a validated copy of o with defaults filled in.
func (o *Options) withDefaults() (Options, error) {
	var c Options
	if o != nil {
		c = *o
	}
	switch {
	case c.Signer != nil:
		if c.Origin == "" {
			c.Origin = c.Signer.Name()
		}
		if c.Origin != c.Signer.Name() {
			return c, fmt.Errorf("%w: Origin %q differs from the signer's key name %q", ErrInvalidOptions, c.Origin, c.Signer.Name())
		}
	case !c.ReadOnly:
		return c, fmt.Errorf("%w: Signer is required (only a ReadOnly log opens without one)", ErrInvalidOptions)
	case c.Origin == "" && c.Verifier == nil:
		return c, fmt.Errorf("%w: a ReadOnly log without a Signer needs Origin or Verifier", ErrInvalidOptions)
	case c.Origin == "":
		c.Origin = c.Verifier.Name()
	}
	if c.ReadOnly {
		c.MustExist = true
	}
	if strings.ContainsAny(c.Origin, "\n\r") {
		return c, fmt.Errorf("%w: Origin contains a newline", ErrInvalidOptions)
	}
	if c.Verifier != nil && c.Signer != nil && (c.Verifier.Name() != c.Signer.Name() || c.Verifier.KeyHash() != c.Signer.KeyHash()) {
		return c, fmt.Errorf("%w: Verifier %s+%08x does not match Signer %s+%08x", ErrInvalidOptions, c.Verifier.Name(), c.Verifier.KeyHash(), c.Signer.Name(), c.Signer.KeyHash())
	}
	if c.Verifier != nil && c.Verifier.Name() != c.Origin {
		return c, fmt.Errorf("%w: Origin %q differs from the verifier's key name %q", ErrInvalidOptions, c.Origin, c.Verifier.Name())
	}
	if c.CheckpointInterval == 0 {
		c.CheckpointInterval = DefaultCheckpointInterval
	}
	for _, f := range []struct {
		name string
		v    *int
		def  int
	}{
		{"MaxLeafSize", &c.MaxLeafSize, DefaultMaxLeafSize},
		{"MaxBatchEntries", &c.MaxBatchEntries, DefaultMaxBatchEntries},
		{"MaxBatchBytes", &c.MaxBatchBytes, DefaultMaxBatchBytes},
		{"QueueLength", &c.QueueLength, DefaultQueueLength},
	} {
		if *f.v < 0 {
			return c, fmt.Errorf("%w: %s is negative", ErrInvalidOptions, f.name)
		}
		if *f.v == 0 {
			*f.v = f.def
		}
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	return c, nil
}
