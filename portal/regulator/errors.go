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
)
