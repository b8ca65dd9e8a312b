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
// 0x-prefixed lowercase hex for chain values. [Parse] accepts exactly that
// form (optionally followed by one newline) and nothing else: unknown fields,
// other spellings, spacing or key order are errors. So changing any byte of a
// receipt either breaks parsing or changes something that verification
// checks.
//
// # Verification
//
// [Verify] checks, in order, and stops at the first failure:
//
//  1. signature: the checkpoint note is signed by the given log key, and its
//     origin is the receipt's;
//  2. leaf: the leaf decodes strictly (package auditlog/record);
//  3. inclusion: the leaf hash is at the index in the tree of the checkpoint
//     (RFC 6962);
//  4. commitments: every disclosed value and salt gives the leaf's
//     commitment;
//  5. anchor (when present): the anchor's root and tree size are consistent
//     with the checkpoint.
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
