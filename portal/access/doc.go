// Package access holds the credentials of Glassbox's outside surfaces:
// bearer tokens that carry a role, for the lender's engineers, regulators
// and metrics scrapers, and capability links that let one applicant reach
// one decision and nothing else.
//
// # Bearer tokens
//
// [Tokens] maps secret tokens to a [Role]. A request authenticates with
// "Authorization: Bearer TOKEN". Tokens are compared by their SHA-256
// digests in constant time, against every configured token, so the time an
// answer takes says nothing about how close a guess was. [Tokens.Require]
// wraps a handler: no credentials is 401 with a WWW-Authenticate challenge,
// a token of another role is 403, and the handler sees the caller's role in
// its context ([RoleFrom]). Tokens are at least [MinTokenLen] bytes;
// [NewToken] makes one from 32 random bytes.
//
// # Capability links
//
// A lender hands each applicant a link to their own receipt. The link's
// token is the decision id and an expiry sealed with AES-256-GCM under the
// lender's link key ([Links]): whoever holds it can read that decision's
// receipt until it expires, and nobody can make one for another decision or
// learn the decision id from it. Decision ids are often sequential; the
// token is not, so links cannot be enumerated. A token that was altered in
// any byte, sealed under another key, or made for another purpose is
// [ErrLinkInvalid]; one past its expiry is [ErrLinkExpired].
//
// Revocation is by key: a new link key revokes every link sealed under the
// old one (pass the old key as a retired key to honour links until they
// expire). A single link cannot be revoked before its expiry; keep the
// expiry as short as the applicant's need ([DefaultLinkTTL] is 90 days,
// the period an applicant has to ask for a statement of reasons).
//
// # What this package does not do
//
// It does not rate-limit, log, or terminate TLS; a server in front of it
// must. It does not tie a link to a browser: a forwarded link works for
// whoever receives it, as a bearer capability does.
package access
