package access

import "errors"

var (
	// ErrNoCredentials: the request carries no bearer token.
	ErrNoCredentials = errors.New("access: no bearer token")
	// ErrBadCredentials: the bearer token is not one of the configured
	// tokens.
	ErrBadCredentials = errors.New("access: unknown bearer token")
	// ErrForbidden: the token is valid but its role may not do this.
	ErrForbidden = errors.New("access: role not allowed")
	// ErrLinkInvalid: a capability token that was not sealed by these
	// links (altered, truncated, another key, not a token at all).
	ErrLinkInvalid = errors.New("access: invalid link")
	// ErrLinkExpired: an authentic capability token past its expiry.
	ErrLinkExpired = errors.New("access: link expired")
	// ErrConfig: tokens or keys that cannot be used (too short, unknown
	// role, duplicate token).
	ErrConfig = errors.New("access: bad configuration")
)

// Errors of regulator sessions ([Sessions]).
var (
	// ErrNoSession: a session id the store does not hold.
	ErrNoSession = errors.New("access: no such session")
	// ErrSessionExpired: a session past its expiry.
	ErrSessionExpired = errors.New("access: session expired")
)
