// Package offline is the Glassbox export format and its verifier: whoever
// holds an export of a log and the log's checkpoint verifier key checks it
// with [Verify] and gets back its verified content (leaves, checkpoints,
// anchors, sealed payloads, fairness counters), from which a fairness report
// is recomputed without the operator's database.
//
// It depends on the standard library, golang.org/x/mod/sumdb/note,
// github.com/transparency-dev/merkle, package
// [github.com/glassbox-audit/glassbox/auditlog/verify] and, for the one
// counter cell type [record.CountCell], package
// [github.com/glassbox-audit/glassbox/auditlog/record] (itself the standard
// library and package explain) only: no database, no chain client. Package [github.com/glassbox-audit/glassbox/auditlog/export]
// writes exports from a log, through the [Encoder] of this package.
//
// # The format
//
// An export is JSON lines (docs/export.md describes every field): a header
// that carries the signed checkpoint the export is up to and the range
// [From, To) of leaves it holds; the log's other checkpoints below that
// size, each with a consistency proof to it; the anchors known for the
// log, each with a consistency proof between its tree and the header's;
// the leaves; optionally the sealed payloads and the fairness counters; an
// end line that counts the lines. Each line is in one canonical form (keys
// in a fixed order, no spaces): an export has exactly one encoding, and a
// duplicate or unknown key, a reordered field or a trailing byte fails.
//
// # What Verify proves
//
//   - The header's checkpoint and every checkpoint line are signed by the
//     given key, and every checkpoint line is consistent with the header's:
//     the log never showed two histories to whoever signed them.
//   - The leaves are exactly the log's leaves [From, To) of the signed tree:
//     they hash, with the header's prefix (the subtrees covering [0, From))
//     and range proof (a consistency proof from size To), to the signed
//     root. Any changed, dropped, added or reordered leaf fails, and where
//     a checkpoint line falls inside the range, a [*LeavesError] narrows the
//     failure to the leaves between two signed sizes.
//   - Each anchor's root is consistent with the signed root: if the chain
//     holds that root for that size, the chain vouches for the export.
//   - Each payload belongs to a leaf of the export; counters are well
//     formed and in order; the end line's counts match.
//
// # What it does not prove
//
// Anchors are claimed, not read from a chain: package anchor confirms
// each one's tree size and root on the contract. Payloads are sealed: the
// binding of a payload to its leaf (its AEAD associated data holds the
// decision id and the exact leaf bytes) is checked when it is opened with
// the subject's key, which the export does not carry. Counters are the
// operator's statement of its aggregates: the group attributes they split
// decisions by are sealed, so they cannot be recomputed from the leaves
// (a report from opened payloads can). An export proves that what it
// holds is consistent; it cannot prove that it lists every checkpoint,
// anchor or payload the operator has.
//
// # Limits
//
// [Options] bound the length of a line, the size of the whole export and
// the number of lines of each kind; past a limit Verify stops with
// [ErrTooLarge]. A failure is a [*LineError] naming the first bad line, or
// a [*LeavesError] naming the leaves that do not hash to their root.
package offline
