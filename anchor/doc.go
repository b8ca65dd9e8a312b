// Package anchor writes a log's checkpoints to the GlassboxRegistry contract
// and checks checkpoints and receipts against what the contract holds.
//
// A signed checkpoint proves what the log's operator claimed at one moment;
// an anchor makes the claim public and permanent. Once a tree size and its
// root are on the contract, the operator cannot show anyone a different
// history of that size without the difference being visible to whoever
// reads the chain: a receipt that proves an entry is in the tree of that
// size (directly, or through a consistency proof to it) proves it against
// the chain.
//
// # The anchorer
//
// An [Anchorer] ([New], then [Anchorer.Run] in a goroutine of the caller's
// choosing) follows one log. When the log has grown by Options.Entries
// entries, or has grown and Options.Interval has passed, it signs the log's
// current checkpoint and sends one transaction, anchor(logId, treeSize,
// root), however many entries that covers. The transaction is stored in the
// anchorer's [State] before it is broadcast: nonce, hash and the signed
// bytes. After a crash, Run reads the contract's latest anchored size and
// the stored transaction before sending anything, sends the stored
// transaction again rather than a new one, and so never anchors a size
// twice.
//
// An anchor is confirmed once its block is Options.Confirmations deep and
// still canonical; it is then stored (tree size, root, transaction, block
// number and hash). Confirmed anchors closer than Options.RecheckDepth
// blocks to the head are re-checked: if a reorg dropped the block, the same
// signed transaction is sent again (or, if its nonce was taken, a new one
// for the same tree size and root), so receipts that name that tree size
// keep verifying against the contract.
//
// A transaction unmined after Options.ReplaceAfter is replaced with the
// same nonce and both the tip and the fee cap raised by
// Options.FeeBumpPercent (at least 10%, what nodes require). RPC errors
// are retried with jittered exponential backoff up to Options.MaxBackoff. A
// key that is not the log's anchorer on the contract, or a log the contract
// does not know, ends Run with registry.ErrNotAnchorer or
// registry.ErrUnknownLog and the contract's decoded custom error: retrying
// cannot fix either. So do a retired log (registry.ErrLogRetired), a
// checkpoint not signed by the key the contract holds for its size
// ([ErrKeyMismatch]), and a log that does not extend the contract's latest
// anchor ([ErrForked]): before every anchor a consistency proof from the
// anchored size is verified against the anchored root, so a rolled-back or
// forked log is never put on chain.
//
// # State
//
// The anchorer keeps its progress in a [State]: a small durable key-value
// store it is given by the caller. For an *auditlog.Log that is a namespace
// of the log's own Pebble database, log.Store([DefaultNamespace]), so the
// log and the anchors that cover it live and are backed up together. The
// state is bound to one chain, contract and log on first use
// ([ErrStateMismatch] otherwise). [Attach] reads it from another process.
//
// # The contract
//
// Package registry is the one client of the contract: the anchorer reads
// the log's registration and the anchored roots with a *registry.Client
// ([Anchorer.Registry]), builds its calldata with registry's bindings, and
// reports what the contract refuses with registry's sentinels. This package
// adds what registry does not do: the schedule, the crash-safe progress,
// fees and replacements, reorgs, and the chain checks below.
//
// # Checking against the chain
//
// [VerifyReceipt] checks a receipt against the contract a
// *registry.Client reads: the log's key and
// origin as registered on the contract, the signed checkpoint, the inclusion
// proof, the disclosed commitments, the consistency proof from the receipt's
// checkpoint to its anchor, and the anchor's root against the root the
// contract holds for that tree size. [VerifyCheckpoint] checks a checkpoint
// the same way, given a consistency proof to an anchored size.
//
// The contract keeps the root of every anchored size for ever, so these
// checks need only the contract's current state, not the old transaction
// (which nodes may have pruned). The block number and hash a receipt carries
// are informative; after a reorg re-anchored a size, they differ from the
// contract's and the check still passes if the root is the same.
//
// # Metrics
//
// With Options.Registerer set: glassbox_anchor_anchored_size,
// glassbox_anchor_lag_entries, glassbox_anchor_lag_seconds,
// glassbox_anchor_latency_seconds, glassbox_anchor_gas_used_total,
// glassbox_anchor_anchors_total and glassbox_anchor_failures_total{kind}.
//
// # What it does not do
//
// It does not decide what goes into the log, and it does not register the
// log (the contract's admin does, with package registry). It starts no
// chain: for development and tests, package registry/simchain is an
// in-process chain to anchor on (with its MineOnSend option), and no
// production package links it. One anchorer per
// log and key: two processes sending from one key would compete for nonces
// (the anchorer notices and recovers, but wastes transactions).
package anchor
