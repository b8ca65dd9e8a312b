// Package witness has a log's checkpoints cosigned by witnesses, over
// c2sp.org/tlog-witness, and keeps the cosignatures for receipts.
//
// # What a witness is for
//
// A log's signature on a checkpoint says "this is my tree". It does not
// stop the log from signing two different trees of the same size and
// showing one to an applicant and the other to a regulator (a split view).
// A witness is an independent party that remembers the latest tree it saw
// of each log it follows and cosigns a new checkpoint only when the log
// proves it is consistent with that one. A verifier who requires the
// cosignatures of k of n witnesses it trusts knows that, unless k of them
// collude with the log, every checkpoint it accepts lies on one history.
//
// # Submitting
//
// [Witness.Submit] POSTs to the witness's add-checkpoint endpoint: "old N",
// the consistency proof from N to the checkpoint's size, a blank line and
// the signed checkpoint note. On 200 the answer holds cosignature lines
// (c2sp.org/tlog-cosignature, cosignature/v1; package cosig verifies
// them), and Submit returns the one by the witness's key, verified. On 409
// the witness says which size it has: Submit retries once from it, or
// reports a stale checkpoint when the witness already has a larger tree.
// 422 means the proof did not hold: the log forked or lost leaves. Every
// refusal is a *[RefusalError] with what was sent and what came back.
//
// # Storing and attaching
//
// [Cosign] runs one round over a list of witnesses: each from the size it
// last cosigned, as kept in a [State] (the log's store namespace
// [DefaultNamespace]), every cosignature verified before it is stored under
// the checkpoint's size, every failure returned. A service runs a
// [Follower], which does a round whenever the log has signed a checkpoint
// the witnesses have not seen (Run until Close, or Round by hand);
// `glassbox witness submit` does one round for a log directory.
// [Follower.Rebase] (and [Rebase], for a process that only reads the log)
// moves a receipt onto the latest checkpoint that holds the threshold's
// cosignatures when that checkpoint covers the entry; a newer entry keeps
// the latest checkpoint, without them, until the next round.
// [Attach] adds the stored cosignatures of a receipt's checkpoint size to
// its checkpoint note, after the log's line, in sorted order; package
// receipt's VerifyWith then checks a k-of-n witness policy.
//
// # Caveats
//
// A witness protects only those who check its cosignature: a verifier that
// asks for no witness policy learns nothing from the lines. Witnesses see
// checkpoints, never leaves, so they do not vouch for what the log holds,
// only that it is one append-only history; a log may still refuse to
// submit, which shows as a receipt without the required cosignatures. A
// cosignature's time is the witness's word.
package witness
