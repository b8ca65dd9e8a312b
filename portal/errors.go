package portal

import "errors"

var (
	// ErrConfig: Options that cannot be used (a missing decisions layer or
	// links, an RPC URL that is not http(s), a contract without an RPC URL).
	ErrConfig = errors.New("portal: bad configuration")
	// ErrCrossSite: a POST sent from another site (its Origin or
	// Sec-Fetch-Site says so); the portal refuses it.
	ErrCrossSite = errors.New("portal: cross-site request refused")
)
