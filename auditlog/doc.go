// Package auditlog is an append-only, tamper-evident log engine: an RFC 6962
// Merkle tree of opaque leaves stored in Pebble, with signed checkpoints in
// the C2SP tlog-checkpoint format and inclusion and consistency proofs. It
// knows nothing of what its leaves mean; the decision records of a lending
// service are a layer above it (package auditlog/decisions).
//
// # Basics
//
// [CreateDir] makes a log directory (an Ed25519 note key pair from
// golang.org/x/mod/sumdb/note and an empty store) and [OpenDir] opens it;
// [Open] opens a bare store with a checkpoint signer you hold. Then
// [Log.Append] opaque leaves. Every leaf gets the next index. A signed [Log.Checkpoint]
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
//   - AppendBatch and [Store.Append] are atomic: all of their leaves,
//     with consecutive indices, or none.
//   - The log never signs two inconsistent checkpoints: on Open the tree is
//     restored from the O(log n) stored subtree hashes and checked against
//     the latest signed checkpoint before anything new is signed. A store
//     that lost its newest entries with their checkpoints (a damaged WAL
//     tail, an old backup) passes that check; with
//     [Options.CheckpointFile] (the default of [OpenDir]), the high-water
//     mark of every checkpoint handed out, Open refuses it with
//     [ErrRollback]. Losing the file with the store defeats this; the
//     anchorer's fork check and checkpoints held by others remain.
//   - Proofs are built from stored hashes and verified before they are
//     returned.
//   - [Log.CheckIntegrity] recomputes every hash from the stored leaves and
//     compares it with the stored hashes and checkpoints.
//   - All methods are safe for concurrent use. [Log.Close] waits for queued
//     appends to commit and for the log's goroutines to end; afterwards
//     every method returns [ErrClosed].
//
// # Layers
//
// A layer above the engine (records, indexes, counters, an anchorer's
// progress) owns a key namespace, a [Store], and talks to the engine
// through it alone:
//
//   - [Store.Append] appends [Entry] values: a leaf, an optional
//     idempotency key (an entry whose key is already recorded is not
//     written again; its first index comes back), and an optional Write
//     function that runs in the committer once the index is known. Its
//     writes, through a [Tx], go into the same synced batch as the leaf, so
//     an index entry or counter exists exactly when its leaf does.
//   - [Store.Update] writes keys outside an append, in the same order as
//     the appends (erasure, key creation).
//   - [Store.View] is a consistent snapshot: the namespace's keys, the
//     leaves, a signed checkpoint and inclusion proofs of one tree size.
//
// A [Tx] reads through the writes not yet durable of the groups being
// staged and synced, so a read-modify-write in Write (a counter) never
// loses an update however appends are grouped.
//
// # Caveats
//
// The log is tamper-evident, not tamper-proof: whoever controls the
// directory can rewrite it, and the integrity check or a verifier holding
// an earlier checkpoint will notice. Anchoring checkpoints on a chain
// (package anchor) makes the notice public.
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
// A log of another origin does not open, nor does a store of an earlier
// key layout ([ErrLayout] names it).
//
// If a commit fails (a full disk, an I/O error), the log refuses further
// appends with [ErrFailed] until it is reopened: the in-memory tree may be
// ahead of the store, and reopening restores it from disk.
package auditlog
