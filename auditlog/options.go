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
// default; Origin and Signer are required.
type Options struct {
	// Origin is the log's identity: the first line of its checkpoints. It
	// must equal the name of Signer's key (C2SP). Empty: Signer.Name().
	Origin string
	// Signer signs checkpoints (an Ed25519 note signer).
	Signer note.Signer
	// Verifier is the public half of Signer. Optional: when set, Open checks
	// that it matches Signer and [Log.Verifier] returns it.
	Verifier note.Verifier
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
	if c.Signer == nil {
		return c, fmt.Errorf("%w: Signer is required", ErrInvalidOptions)
	}
	if c.Origin == "" {
		c.Origin = c.Signer.Name()
	}
	if c.Origin != c.Signer.Name() {
		return c, fmt.Errorf("%w: Origin %q differs from the signer's key name %q", ErrInvalidOptions, c.Origin, c.Signer.Name())
	}
	if strings.ContainsAny(c.Origin, "\n\r") {
		return c, fmt.Errorf("%w: Origin contains a newline", ErrInvalidOptions)
	}
	if c.Verifier != nil && (c.Verifier.Name() != c.Signer.Name() || c.Verifier.KeyHash() != c.Signer.KeyHash()) {
		return c, fmt.Errorf("%w: Verifier %s+%08x does not match Signer %s+%08x", ErrInvalidOptions, c.Verifier.Name(), c.Verifier.KeyHash(), c.Signer.Name(), c.Signer.KeyHash())
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
