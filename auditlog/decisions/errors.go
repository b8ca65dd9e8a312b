package decisions

import "errors"

// Errors of the decisions layer; check them with errors.Is. Errors of the
// engine underneath (auditlog.ErrClosed, auditlog.ErrWrongKey, ...) come
// through wrapped as they are.
var (
	// ErrNotFound: no decision with that id is in the log.
	ErrNotFound = errors.New("decisions: decision not found")
	// ErrCorrupt: a stored index, counter, key or payload is malformed.
	ErrCorrupt = errors.New("decisions: corrupt record data")
	// ErrKeyNotFound is returned by a [KeyStore] for a subject that has no
	// key: none was ever created, or it was deleted (erased).
	ErrKeyNotFound = errors.New("decisions: subject key not found")
	// ErrInvalidQuery: a query's arguments are not valid (bad cursor,
	// limit, a version without a model).
	ErrInvalidQuery = errors.New("decisions: invalid query")
	// ErrKEK: the key-encryption key is missing, unreadable or malformed.
	ErrKEK = errors.New("decisions: key-encryption key")
	// ErrWrongKEK: the given KEK does not unwrap the log's master key; the
	// log was opened with another KEK. Nothing was read.
	ErrWrongKEK = errors.New("decisions: wrong key-encryption key")
)
