package regulator

import "errors"

var (
	// ErrConfig: Options that cannot be used (see the error for which).
	ErrConfig = errors.New("regulator: bad configuration")
	// ErrCrossSite: a POST sent from another site (refused).
	ErrCrossSite = errors.New("regulator: cross-site request refused")
	// ErrTrail: the audit trail could not record an access to personal
	// data, so the data was not shown.
	ErrTrail = errors.New("regulator: the audit trail could not record the access")
	// ErrTrailBroken: the audit trail's hash chain does not verify (see
	// [TrailError]).
	ErrTrailBroken = errors.New("regulator: the audit trail's hash chain is broken")
)

// TrailError says which entry of the audit trail breaks its hash chain.
type TrailError struct {
	Seq    uint64 // the entry whose Prev does not match
	Want   string // the hash of the entry before it (hex)
	Got    string // the Prev it carries (hex)
	Reason string
}

func (e *TrailError) Error() string {
	return "regulator: audit trail entry " + uitoa(e.Seq) + ": " + e.Reason + " (prev " + e.Got + ", want " + e.Want + ")"
}

// Is reports ErrTrailBroken.
func (e *TrailError) Is(target error) bool { return target == ErrTrailBroken }
