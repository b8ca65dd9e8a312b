package httpapi

import "errors"

var (
	// ErrPublicAddress: Listen was asked for an address that is not a
	// loopback address without ServerOptions.Public.
	ErrPublicAddress = errors.New("httpapi: refusing to listen on a non-loopback address")
	// ErrConfig: options that cannot be used (a missing log, tokens or
	// links, a negative limit).
	ErrConfig = errors.New("httpapi: bad configuration")
)
