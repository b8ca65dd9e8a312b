// Package regulator is the regulator's side of Glassbox: a read-only
// [http.Handler] that a lender mounts beside its service, where an
// examiner logs in with a regulator credential and answers, without the
// CLI or a copy of the lender's directory, the questions of an
// examination: is each log whole and anchored, which models decided what,
// are outcomes fair across groups and since when has that changed, and
// which decisions are disputed.
//
// # Routes
//
//	GET  /login, POST /login, POST /logout     the credential form; the session
//	GET  /                                     overview: every log in scope, with its verdict
//	GET  /logs/{log}/decisions                 the table (?model ?version ?from ?to ?label ?group ?cursor)
//	GET  /logs/{log}/decisions/{id}            one decision: leaf, proof checked, commitments, payload if in scope
//	GET  /logs/{log}/decisions/{id}/receipt.json
//	GET  /logs/{log}/fairness                  fairness over time (?model ?version ?by ?window ?from ?to ?outcomes ?format=csv|json)
//	GET  /logs/{log}/models                    versions, digests, registrations, deprecations, counts
//	GET  /logs/{log}/disputes                  open and resolved, linked to decisions and receipts
//
// {log} is the position of the log in [Options].Logs. Mount the portal
// under [Options].Prefix (or behind http.StripPrefix with the same Prefix).
//
// # Credentials, scopes and sessions
//
// A regulator credential (package portal/access: [access.Regulators]) is a
// secret token naming a regulator and an [access.Scope]: which logs,
// which models, and whether sealed personal data may be read. The login
// form takes it once; the portal then keeps a server-side session
// ([access.Sessions]) and gives the browser only a random session id, in a
// cookie that is HttpOnly, SameSite=Strict, with the prefix as its Path
// (and Secure over TLS). Sessions expire after their TTL and are not
// renewed by use; an expired session is sent back to the login form,
// which says so. A log or a decision out of scope answers 404, as one that
// does not exist.
//
// # What is personal, and the audit trail
//
// Leaves are public: a decision's id, time, model, output, commitments.
// The sealed payload (subject, inputs, group attributes, metadata,
// explanation) is personal. A credential without the sealed scope sees no
// payload anywhere, cannot filter by group (groups live in the payload)
// and downloads receipts without disclosures; fairness reports show only
// aggregates, with the small cells suppressed by package fairness. With
// the scope, each read of a payload or of a receipt with disclosures is
// first recorded as an access leaf of the log itself (record.KindAccess,
// through decisions.Log.RecordAccess: who, which decision and leaf, what,
// when; no personal data), durable before anything is shown, and nothing
// is shown if it cannot be. The leaves are covered by the log's signed
// checkpoints and anchors, so dropping or rewriting one breaks the log's
// consistency. A log served read-only (glassbox serve) cannot write them,
// so there sealed reads fail closed with a page pointing to the lender's
// service. /logs/{log}/trail lists the access leaves with their inclusion
// proofs verified.
//
// # Verdicts: checked against the regulator's chain endpoint
//
// [Options].Registry is a registry client on the regulator's own JSON-RPC
// endpoint. For every Anchored event of a log, in tree-size order, the
// overview checks that the log's checkpoint of that size is signed by the
// key the contract holds for the size, has the root the contract holds,
// and is consistent with the checkpoint anchored before it; then that the
// latest checkpoint extends the latest anchor. The first failure names
// its tree size ([Verdict].FirstBad). Decisions' receipts are checked the
// same way (anchor.VerifyReceipt). The checks run on the server that
// serves the portal: they are the regulator's own only when that server
// reads the chain through the regulator's endpoint and is trusted by the
// regulator (run by it, on a replica of the lender's log, or audited).
// "Check in this browser" (Options.Static) repeats the anchor check in
// the regulator's browser: static/logcheck.js hands each log's
// /logs/{log}/evidence.json to the WebAssembly verifier, which reads the
// contract through the RPC URL the regulator types
// (receiptcheck.CheckLog). With Options.Artifacts a decision's page
// re-executes the decision for the sealed scope (package reproduce).
//
// # Fairness over time
//
// Reports come from the counters kept at append time (fairness.NewReport
// through fairness/fairnesslog), so a page costs the same over ten
// thousand decisions or ten million; they use the specification of
// `glassbox fairness` (favourable "approve", favourable outcome "repaid",
// the default group size, confidence and bootstrap), and the JSON export
// is exactly that command's --json output for the same query at the same
// checkpoint. The page names the checkpoint, shows selection rates per
// group with Wilson bands, demographic parity difference and ratio with
// bootstrap bands, four-fifths flags, equal opportunity and equalized
// odds when outcomes are asked for, small groups marked, undefined values
// with their reasons, a chart per day or week drawn in SVG on the server
// (with a title, a description, and its values in a table), and a
// model's versions side by side.
//
// # Pages
//
// Pages are documents: server-rendered, every value escaped by
// html/template, no inline script (the overview's browser check is the
// portal's own script file), a Content-Security-Policy that allows only
// the portal's own style sheet, script and WebAssembly (connect-src open
// to http(s) for the regulator's RPC URL), and a print style sheet so that a page
// prints as a report. POSTs from another site are refused (net/http's
// CrossOriginProtection).
package regulator
