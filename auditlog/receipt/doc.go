// Package receipt defines the Glassbox decision receipt and verifies it
// offline.
//
// A receipt is what an applicant or a regulator keeps: the leaf of one
// decision, its index in the log, an inclusion proof up to a signed
// checkpoint, the disclosures the holder is entitled to (values and salts, so
// they can check the leaf's commitments themselves), and optionally an anchor
// (the tree size and root posted on chain, with a consistency proof from the
// receipt's checkpoint to it). The idea follows C2SP tlog-proof: everything
// needed to check inclusion travels together, in one file.
//
// # Format
//
// A receipt is one JSON object in a single canonical form (docs/receipts.md):
// compact, with a fixed key order, base64 (standard, padded) for bytes and
// 0x-prefixed lowercase hex for chain values. Disclosed values follow the
// rules they were recorded under (package record: limits, UTF-8, inputs and
// groups sorted by name with each name once, a weight > 0), and the
// checkpoint's signature lines are canonical base64, none repeated. [Parse]
// accepts exactly that form (optionally followed by one newline) and nothing
// else, and [Receipt.Marshal] writes nothing else.
//
// So changing a byte of a receipt breaks parsing or verification, with
// three documented exceptions that verification reports rather than hides:
// a disclosure may be removed (the [Result] lists the fields that were
// disclosed), a signature line under another name than the log's (a witness
// cosignature) may be added or removed (it is carried, not checked), and the
// anchor's chain fields (chain id, contract, log id, block, transaction) are
// checked only against a chain, by package anchor.
//
// # Verification
//
// [Verify] checks, in order, and stops at the first failure:
//
//  1. signature: the checkpoint note is signed by the given log key, its
//     origin is the receipt's, and it carries exactly one signature line
//     under the log's name and no line twice;
//  2. leaf: the leaf decodes strictly (package auditlog/record);
//  3. inclusion: the leaf hash is at the index in the tree of the checkpoint
//     (RFC 6962);
//  4. commitments: every disclosed value validates as at append time and,
//     with its salt, gives the leaf's commitment. The canonical encodings
//     of package record are injective, so no other value gives it;
//  5. anchor (when present): the anchor's root and tree size are consistent
//     with the checkpoint.
//
// [VerifyWith] adds a witness policy (k of n named cosignature/v1 keys,
// see package auditlog/witness): after the checks above, at least k of the
// named witnesses must have a valid cosignature line on the checkpoint,
// else it fails with check "witness" and a *[WitnessError] counting the
// valid cosignatures against the required ones. Without a policy the lines
// are carried, not checked.
//
// A failure is a *[VerifyError] whose Check says which of these failed, with
// the underlying error (for instance a typed proof error of package
// auditlog/verify) as evidence. [VerifyDecision] also checks that the receipt
// is for a given decision id.
//
// # Caveats
//
// Verify checks the anchor's consistency with the checkpoint, not that the
// anchor is on chain: the chain id, contract, log id, block and transaction
// fields are checked by package anchor with one chain read. A receipt proves
// that a leaf is in the log; it cannot prove that the log holds no other
// record about the same subject.
//
// The package imports only the standard library, golang.org/x/mod/sumdb/note,
// auditlog/verify and auditlog/record, so that a verifier can embed it
// without Pebble or go-ethereum.
package receipt
