package export

import "errors"

// Errors of Write; check them with errors.Is. Errors of the source pass
// through wrapped (auditlog.ErrCorrupt, ErrClosed, a context's error).
var (
	// ErrInvalidOptions: Options ask for something impossible (a leaf
	// range outside the tree, payloads or counters without Records).
	ErrInvalidOptions = errors.New("export: invalid options")
	// ErrNoCheckpoint: the log holds no signed checkpoint of the size asked
	// for (or none at all); sign one first.
	ErrNoCheckpoint = errors.New("export: no signed checkpoint")
	// ErrCountersSize: counters were asked for at another tree size than
	// the one they hold at; export at the counters' size.
	ErrCountersSize = errors.New("export: the counters hold at another tree size")
	// ErrInconsistent: what the log gave does not verify (a proof, a
	// checkpoint, an anchor, the leaves' root, the order of payloads or
	// counters); the wrapped error says which check failed. The log is
	// corrupt, or an anchor is not this log's.
	ErrInconsistent = errors.New("export: the log's data does not verify")
)
