package auditlog

import "errors"

// Errors of the decision records layer (the log engine's sentinels are in
// errors.go).
var (
	// ErrDecisionNotFound: no decision with that id is in the log.
	ErrDecisionNotFound = errors.New("auditlog: decision not found")
	// ErrRecordCorrupt: a stored record index or payload is malformed.
	ErrRecordCorrupt = errors.New("auditlog: corrupt record data")
	// ErrKeyNotFound is returned by a [KeyStore] for a subject that has no
	// key: none was ever created, or it was deleted (erased).
	ErrKeyNotFound = errors.New("auditlog: subject key not found")
	// ErrInvalidQuery: a query's arguments are not valid (bad cursor,
	// limit, a version without a model).
	ErrInvalidQuery = errors.New("auditlog: invalid query")
)
