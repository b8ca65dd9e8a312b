package fairness

import (
	"errors"
	"fmt"
)

// Sentinel errors. Errors returned by this package wrap one of them; check
// with [errors.Is].
var (
	// ErrInvalid: a table cell, a specification or a query is not valid
	// (see [InputError] for which field and why).
	ErrInvalid = errors.New("fairness: invalid input")
	// ErrMismatch: two tables cannot be merged because their attributes differ.
	ErrMismatch = errors.New("fairness: tables do not match")
	// ErrEmpty: a table holds no decision, so no metric can be computed.
	ErrEmpty = errors.New("fairness: no decisions")
)

// InputError names the input that is not valid and why. It wraps [ErrInvalid].
type InputError struct {
	Field  string // e.g. "cell.weight", "spec.favourable", "query.window"
	Reason string
}

func (e *InputError) Error() string {
	return fmt.Sprintf("fairness: invalid %s: %s", e.Field, e.Reason)
}

// Unwrap returns [ErrInvalid].
func (e *InputError) Unwrap() error { return ErrInvalid }

func invalid(field, format string, args ...any) error {
	return &InputError{Field: field, Reason: fmt.Sprintf(format, args...)}
}
