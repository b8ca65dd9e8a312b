// Package httpapi is the HTTP surface of a Glassbox log: the routes that
// read the log, the credentials they ask for, and the server limits that
// keep one client from holding the rest up. Programs (the lending example,
// glassbox serve) build their server from it and mount their own routes on
// it, under a role.
//
// # Who reads what
//
// Three kinds of caller reach a log, and no route serves personal data
// without a credential for it:
//
//   - Anyone may read what is public by design: signed checkpoints and
//     consistency proofs (GET /v1/checkpoints/latest, /v1/checkpoints/{size},
//     /v1/proofs/consistency).
//   - An applicant reaches their own receipt, and only it, with the
//     capability token the lender handed them (GET /v1/receipts/{token};
//     see package portal/access, [access.Links]). The token is the decision
//     id sealed with AES-GCM; a sequential or guessed id opens nothing. An
//     altered, foreign or unknown token and a token for a decision this log
//     does not hold get the same 404, so the answer never says whether an
//     id exists; an expired one gets 410.
//   - Holders of a bearer token act in its role ([access.Tokens]):
//     regulators page through decision ids and read any decision with its
//     receipt (GET /v1/decisions, /v1/decisions/{id}); the lender issues
//     links (POST /v1/decisions/{id}/link) and writes through the routes a
//     program mounts with [Handler.Handle]; a metrics scraper reads GET
//     /metrics. No token is 401, another role's token 403.
//
// Every answer carries X-Content-Type-Options: nosniff, a restrictive
// Content-Security-Policy, X-Frame-Options: DENY and Referrer-Policy:
// no-referrer (capability tokens travel in paths); answers that may hold
// personal data add Cache-Control: no-store. Errors are JSON, {"error":
// "..."}, and never repeat a subject, an input value or a group value.
//
// # Bodies
//
// [DecodeJSON] is the one way a route reads a body: Content-Type must be
// application/json (415), the body at most a limit (413), and the JSON must
// mean one thing (internal/strictjson: valid UTF-8, a single value, no
// duplicate key, no unknown field; 400 naming the field or offset).
//
// # Servers
//
// [Listen] listens on loopback unless [ServerOptions].Public opts in, and
// caps the connections served at once ([LimitListener]); [NewServer] sets
// every timeout of http.Server (header, whole request, answer, idle) and
// the header size; [Serve] runs it until the context ends. A client that
// drip-feeds a body is cut at ReadTimeout; clients beyond MaxConns wait.
//
// # What this package does not do
//
// It does not terminate TLS, rate-limit or keep an access log: put a
// reverse proxy in front of a public server. It reads the log only; writes
// are the program's, under the lender role.
package httpapi
