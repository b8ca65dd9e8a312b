package receipt

import (
	"errors"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// Check names one step of [Verify].
type Check string

// The checks of [Verify], in the order it runs them.
const (
	CheckSignature  Check = "signature"  // checkpoint signature and origin
	CheckLeaf       Check = "leaf"       // the leaf decodes
	CheckInclusion  Check = "inclusion"  // inclusion proof
	CheckCommitment Check = "commitment" // a disclosed value and salt
	CheckAnchor     Check = "anchor"     // anchor consistency proof
	CheckDecision   Check = "decision"   // the receipt is for the expected decision id
)

// Sentinel errors.
var (
	// ErrFormat: the bytes are not a receipt in canonical form.
	ErrFormat = errors.New("receipt: bad format")
	// ErrVerify: a check of Verify failed; the error is a *VerifyError.
	ErrVerify = errors.New("receipt: verification failed")
)

// VerifyError says which check failed and why. Err carries the evidence,
// e.g. a proof error of package auditlog/verify, a *record.CommitmentError,
// or a *record.ValidationError for a disclosed value that could not have
// been recorded.
// It matches [ErrVerify] with errors.Is, and whatever Err matches.
type VerifyError struct {
	Check Check
	Field record.Field // for CheckCommitment: the disclosed field
	Err   error
}

func (e *VerifyError) Error() string {
	if e.Check == CheckCommitment {
		return fmt.Sprintf("receipt: %s check failed for %s: %v", e.Check, e.Field, e.Err)
	}
	return fmt.Sprintf("receipt: %s check failed: %v", e.Check, e.Err)
}

// Unwrap returns ErrVerify and the cause.
func (e *VerifyError) Unwrap() []error { return []error{ErrVerify, e.Err} }
