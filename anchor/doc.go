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
// root), however many entries that covers. The transaction is stored in
// the log's own Pebble database (the log's namespaced store) before it is
// broadcast: nonce, hash and the signed bytes. After a crash, Run reads the
// contract's latest anchored size and the stored transaction before sending
// anything, sends the stored transaction again rather than a new one, and
// so never anchors a size twice.
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
// does not know, ends Run with [ErrUnauthorized] or [ErrUnknownLog] and the
// contract's decoded custom error: retrying cannot fix either.
//
// # Checking against the chain
//
// A [Reader] reads the contract through any node ([Caller]: the chain id and
// eth_call). [VerifyReceipt] checks a receipt completely: the log's key and
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
// log (the contract's admin does, with package registry). One anchorer per
// log and key: two processes sending from one key would compete for nonces
// (the anchorer notices and recovers, but wastes transactions).
package anchor
