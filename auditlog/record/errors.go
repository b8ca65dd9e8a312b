package record

import (
	"errors"
	"fmt"
)

// Sentinel errors. Errors returned by this package wrap one of them; check
// with [errors.Is].
var (
	// ErrInvalid: a decision or outcome fails validation (see [ValidationError]).
	ErrInvalid = errors.New("record: invalid record")
	// ErrMalformed: encoded bytes are not a well-formed canonical encoding.
	ErrMalformed = errors.New("record: malformed encoding")
	// ErrUnknownVersion: the format version is not one this package knows.
	ErrUnknownVersion = errors.New("record: unknown format version")
	// ErrUnknownKind: the entry kind or value kind is not one this package knows.
	ErrUnknownKind = errors.New("record: unknown kind")
	// ErrTrailingBytes: bytes follow a complete encoding.
	ErrTrailingBytes = errors.New("record: trailing bytes")
	// ErrCommitment: a disclosed value and salt do not match the leaf's commitment.
	ErrCommitment = errors.New("record: commitment mismatch")
	// ErrSealed: a sealed payload cannot be opened (wrong key, wrong leaf or
	// decision id, or tampered ciphertext).
	ErrSealed = errors.New("record: sealed payload cannot be opened")
)

// ValidationError says which record and which field failed validation, and
// why. It wraps [ErrInvalid].
type ValidationError struct {
	Record string // the decision id, or "" when the id itself is missing
	Field  string // a path such as "inputs[2].value" or "model.name"
	Reason string
}

func (e *ValidationError) Error() string {
	if e.Record == "" {
		return fmt.Sprintf("record: field %s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("record %q: field %s: %s", e.Record, e.Field, e.Reason)
}

// Unwrap returns [ErrInvalid].
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// DecodeError says where in the input and in which field decoding failed.
type DecodeError struct {
	What   string // "leaf" or "payload"
	Offset int    // byte offset at which the problem was found
	Field  string
	Err    error // one of the sentinels, possibly wrapped with detail
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("record: decoding %s: field %s at byte %d: %v", e.What, e.Field, e.Offset, e.Err)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// CommitmentError says which commitment of a leaf did not match the value and
// salt given for it. It wraps [ErrCommitment].
type CommitmentError struct {
	Field    Field
	Leaf     Hash // the commitment in the leaf
	Computed Hash // the commitment computed from the disclosed value and salt
}

func (e *CommitmentError) Error() string {
	return fmt.Sprintf("record: %s commitment mismatch: leaf has %x, disclosure gives %x", e.Field, e.Leaf[:8], e.Computed[:8])
}

// Unwrap returns [ErrCommitment].
func (e *CommitmentError) Unwrap() error { return ErrCommitment }
