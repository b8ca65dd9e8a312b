// Package auditlog is an append-only, tamper-evident log of AI decisions: an
// RFC 6962 Merkle tree stored in Pebble, with signed checkpoints in the C2SP
// tlog-checkpoint format, inclusion and consistency proofs, and, on top of
// the tree, the decision records of a lending service (see [Log.AppendDecision]).
//
// # Basics
//
// [CreateDir] makes a log directory (an Ed25519 note key pair from
// golang.org/x/mod/sumdb/note and an empty store) and [OpenDir] opens it;
// [Open] opens a bare store with a checkpoint signer you hold. Then
// [Log.Append] opaque leaves, or whole decisions. Every leaf gets the next index. A signed [Log.Checkpoint]
// commits to the tree's size and root; [Log.InclusionProof] shows that a
// leaf is in a checkpointed tree and [Log.ConsistencyProof] that a later
// tree extends an earlier one. Outsiders check all three with package
// [github.com/glassbox-audit/glassbox/auditlog/verify], which needs no
// database.
//
// # Guarantees
//
//   - When Append, AppendBatch or an [IndexFuture] returns without error,
//     the leaf is durable: it was written with the tree nodes it completes
//     and the new tree size in one Pebble batch committed with fsync.
//   - Concurrent appends are group-committed: a single committer stages
//     every waiting request into one batch and one fsync serves them all;
//     the next group is staged while the previous one syncs.
//   - AppendBatch is atomic: all of its leaves, with consecutive indices,
//     or none.
//   - The log never signs two inconsistent checkpoints: on Open the tree is
//     restored from the O(log n) stored subtree hashes and checked against
//     the latest signed checkpoint before anything new is signed.
//   - Proofs are built from stored hashes and verified before they are
//     returned.
//   - [Log.CheckIntegrity] recomputes every hash from the stored leaves and
//     compares it with the stored hashes and checkpoints.
//   - All methods are safe for concurrent use. [Log.Close] waits for queued
//     appends to commit and for the log's goroutines to end; afterwards
//     every method returns [ErrClosed].
//
// # Caveats
//
// The log is tamper-evident, not tamper-proof: whoever controls the
// directory can rewrite it, and the integrity check or a verifier holding
// an earlier checkpoint will notice. Anchoring checkpoints on a chain
// (package anchor) makes the notice public. A subject or model index can
// show what it lists, but cannot prove that it is complete.
//
// # Opening
//
// With Options.MustExist, a path with no log is [ErrNotExist] and nothing
// is created; Options.ReadOnly opens Pebble read-only, needs no signer and
// writes nothing (every write returns [ErrReadOnly]). A log held open by
// another Log, in this process or another, is [ErrLocked]: Pebble's lock is
// exclusive even for a read-only open, so read such a log through the
// service that holds it.
//
// A log whose checkpoints are signed by another key than Options.Signer
// (a copy held by a regulator, say) opens read-only: reads, proofs and
// stored checkpoints work, appends and new signatures return [ErrWrongKey].
// A log of another origin does not open.
//
// If a commit fails (a full disk, an I/O error), the log refuses further
// appends with [ErrFailed] until it is reopened: the in-memory tree may be
// ahead of the store, and reopening restores it from disk.
package auditlog
