package desk

import (
	"errors"
	"fmt"
)

// Sentinel errors, checked with errors.Is.
var (
	// ErrInvalidArgument: New was given a nil or zero argument.
	ErrInvalidArgument = errors.New("desk: invalid argument")

	// ErrEmptyText: the dispute's text is empty.
	ErrEmptyText = errors.New("desk: empty dispute text")
	// ErrInvalidUTF8: the dispute's text is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("desk: dispute text is not valid UTF-8")
	// ErrTextTooLong: the dispute's text is over MaxTextBytes bytes.
	ErrTextTooLong = errors.New("desk: dispute text too long")

	// ErrNotCommitment: a reasonURI is not "sha256:" and 64 lowercase hex
	// digits.
	ErrNotCommitment = errors.New("desk: reason URI is not a sha256 commitment")
	// ErrForeignDispute: the dispute was not filed by this desk, on its log.
	ErrForeignDispute = errors.New("desk: dispute not filed by this desk")
	// ErrTextNotFound: the store holds no text for the dispute's commitment.
	ErrTextNotFound = errors.New("desk: dispute text not in the store")
	// ErrTextMismatch: the stored text does not hash to the commitment on
	// chain; the error is a *TextMismatchError.
	ErrTextMismatch = errors.New("desk: stored text does not match the on-chain commitment")
	// ErrAlreadyDisputed: the desk has an open dispute against the leaf with
	// another text or leaf hash; the error is an *OpenDisputeError.
	ErrAlreadyDisputed = errors.New("desk: the leaf already has an open dispute with another text")
)

// TextMismatchError reports that the text stored for a dispute hashes to
// Computed, not to Committed, the commitment in the dispute's reasonURI on
// chain. It unwraps to [ErrTextMismatch].
type TextMismatchError struct {
	ID        uint64
	Committed [32]byte
	Computed  [32]byte
}

func (e *TextMismatchError) Error() string {
	return fmt.Sprintf("desk: dispute %d: stored text hashes to %x, the chain holds commitment %x", e.ID, e.Computed, e.Committed)
}

// Unwrap returns ErrTextMismatch.
func (e *TextMismatchError) Unwrap() error { return ErrTextMismatch }

// OpenDisputeError reports that the desk already has dispute ID open
// against the leaf, committed to ReasonURI with LeafHash, and that the
// new filing differs in text or leaf hash. It unwraps to
// [ErrAlreadyDisputed].
type OpenDisputeError struct {
	ID        uint64
	LeafIndex uint64
	LeafHash  [32]byte
	ReasonURI string
}

func (e *OpenDisputeError) Error() string {
	return fmt.Sprintf("desk: leaf %d already has open dispute %d (reason %s, leaf hash %x); it must be resolved before another is filed",
		e.LeafIndex, e.ID, e.ReasonURI, e.LeafHash)
}

// Unwrap returns ErrAlreadyDisputed.
func (e *OpenDisputeError) Unwrap() error { return ErrAlreadyDisputed }
