// Package export writes a self-verifying export of a Glassbox log: its
// signed checkpoint, the log's other checkpoints below it with consistency
// proofs, the anchors known for the log, the leaves (all, or a range with
// the proof material that binds it to the checkpoint's root) and, when
// asked, the decision layer's sealed payloads and fairness counters. Anyone
// holding the export and the log's verifier key checks it with
// [offline.Verify], with no database and no chain client, and recomputes a
// fairness report from what it returns. docs/export.md describes the format.
//
// # Sources
//
// [Write] reads the log through two small interfaces: a [Source] (the log
// engine's checkpoints, leaves and proofs; [*auditlog.Log] is one) and,
// for payloads and counters, a [Records] source from the decision layer.
//
// # Guarantees
//
// An export that Write completes verifies: every line goes through the
// checks [offline.Verify] runs (all but the signatures, which are the
// log's own), so a log that disagrees with itself or with an anchor fails
// with [ErrInconsistent] instead of producing an export that a regulator
// would reject. The export is of one signed tree size, so the log may grow
// while it is written.
//
// # Caveats
//
// Counters hold at one tree size, the one the decision layer read them
// at: an export with counters is of exactly that size. Sealed payloads
// stay sealed; an export carries no subject keys.
package export
