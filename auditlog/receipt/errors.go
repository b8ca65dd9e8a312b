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
	CheckWitness    Check = "witness"    // enough of the policy's witnesses cosigned (VerifyWith)
)

// Sentinel errors.
var (
	// ErrFormat: the bytes are not a receipt in canonical form.
	ErrFormat = errors.New("receipt: bad format")
	// ErrNotCanonical: the bytes decode to a receipt, but not from its one
	// canonical form. It comes wrapped with ErrFormat.
	ErrNotCanonical = errors.New("not in canonical form")
	// ErrVerify: a check of Verify failed; the error is a *VerifyError.
	ErrVerify = errors.New("receipt: verification failed")
	// ErrPolicy: a witness policy that cannot be met or is ambiguous.
	ErrPolicy = errors.New("receipt: bad witness policy")
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

// WitnessError is the evidence of a failed witness check: how many valid
// cosignatures by the policy's witnesses were found, and how many were
// required.
type WitnessError struct {
	Valid     []string // the witnesses whose cosignature verified, in policy order
	Invalid   []string // witnesses with a line under their key id that did not verify
	Required  int      // the threshold
	Witnesses int      // the number of witnesses in the policy
}

func (e *WitnessError) Error() string {
	s := fmt.Sprintf("%d valid cosignatures of the %d policy witnesses, %d required", len(e.Valid), e.Witnesses, e.Required)
	if len(e.Valid) > 0 {
		s += fmt.Sprintf(" (cosigned: %v)", e.Valid)
	}
	if len(e.Invalid) > 0 {
		s += fmt.Sprintf(" (invalid cosignature lines by %v)", e.Invalid)
	}
	return s
}
