package witness

import (
	"errors"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// Sentinel errors.
var (
	// ErrRefused: a witness refused a checkpoint; the error is a
	// *[RefusalError].
	ErrRefused = errors.New("witness: checkpoint refused")
	// ErrBadCosignature: a witness answered 200 but its answer holds no
	// valid cosignature of the checkpoint by its key.
	ErrBadCosignature = errors.New("witness: no valid cosignature in the response")
	// ErrInvalid: a witness description, a checkpoint or stored state is
	// malformed.
	ErrInvalid = errors.New("witness: invalid input")
)

// Kind says why a witness refused a checkpoint.
type Kind string

// The kinds of [RefusalError].
const (
	// KindStale: the witness has already cosigned a larger tree of this log
	// (409 with a size above the checkpoint's).
	KindStale Kind = "stale"
	// KindConflict: the witness answered 409 twice, with a size that keeps
	// moving or that the log cannot prove consistency from.
	KindConflict Kind = "conflict"
	// KindInconsistent: the witness found the consistency proof from the
	// tree it saw invalid (422): the log has forked, or lost leaves.
	KindInconsistent Kind = "inconsistent"
	// KindForbidden: the witness does not know the log, or does not accept
	// the log's signature (403, 404).
	KindForbidden Kind = "unknown log or bad log signature"
	// KindBadRequest: the witness could not parse the request (400).
	KindBadRequest Kind = "bad request"
	// KindStatus: any other HTTP status.
	KindStatus Kind = "unexpected status"
)

// RefusalError is a witness's refusal, with the evidence: what was sent
// (the old size and the consistency proof), what the witness answered (its
// status, its body and, for 409, the tree size it reported).
// It matches [ErrRefused] with errors.Is.
type RefusalError struct {
	Witness     string // the witness's name
	Kind        Kind
	Status      int    // the HTTP status
	Body        string // the response body, at most maxErrorBody bytes
	OldSize     uint64 // the old size sent
	Size        uint64 // the checkpoint's tree size
	WitnessSize uint64 // for 409: the size the witness reported
	Proof       []verify.Hash
}

func (e *RefusalError) Error() string {
	s := fmt.Sprintf("witness %s refused the checkpoint of size %d (old size %d): %s (HTTP %d)",
		e.Witness, e.Size, e.OldSize, e.Kind, e.Status)
	if e.Status == 409 {
		s += fmt.Sprintf(", witness is at size %d", e.WitnessSize)
	}
	if e.Body != "" {
		s += fmt.Sprintf(": %q", e.Body)
	}
	return s
}

// Unwrap returns ErrRefused.
func (e *RefusalError) Unwrap() error { return ErrRefused }
