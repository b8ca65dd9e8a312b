// Package receiptcheck verifies a Glassbox decision receipt step by step, as
// an applicant's browser does: the offline checks of package
// auditlog/receipt, then the chain, read over JSON-RPC through a
// [Transport] the caller provides (fetch in the browser, see
// cmd/receiptwasm; an HTTP POST in Go).
//
// # Steps
//
// [Verify] returns a [Report] that lists every step in this order, each
// passed, failed, not checked or skipped, with a message:
//
//  1. format: the receipt parses in its one canonical form ([receipt.Parse]);
//  2. key: the log's Ed25519 key, read from the registry contract
//     (logInfo of the log id, the SHA-256 of the receipt's origin, for
//     the origin; keyAt of the checkpoint's size, for the key that signed
//     it, so that a key rotation leaves older receipts valid) when a
//     chain is given, and compared with the key given in [Options] if
//     both are; otherwise the key given;
//  3. signature, leaf, inclusion, one commitment step per disclosed
//     field, and anchor (the consistency of the anchored tree with the
//     checkpoint): the checks of [receipt.Verify], run once with that key
//     and reported one by one;
//  4. chain: the receipt's anchor names this contract, this log and the
//     node's chain id, and the contract holds the anchored root for that
//     tree size (rootAt);
//  5. block: the receipt's block hash is the canonical block at its
//     number, and its transaction is in that block and anchors exactly
//     this size and root on the contract.
//
// Steps 4 and 5 are what package anchor's VerifyReceipt checks for
// `glassbox verify --rpc`; this package does it with a few hand-written
// JSON-RPC calls and ABI encodings, so that it builds for GOOS=js
// GOARCH=wasm without go-ethereum (its tests check every encoding against
// go-ethereum and the contract).
//
// # Verdict
//
// [Valid] when every step passed or does not apply; [Invalid] when one
// failed ([Report].Failed names it, the later steps are not run);
// [Partial] when none failed but some could not be checked, and then
// [Report].Summary says what was and was not. A step fails only on
// evidence: a receipt that does not verify, or an answer of the contract
// that contradicts it. A chain that cannot be reached, or a node that
// answers with an error that is not the contract's, leaves the steps
// that needed it not checked, so the verdict is at best partial, never
// valid.
//
// Without a chain ([Options].RPC nil) the verdict is that of `glassbox
// verify` without --rpc: the chain and block steps are skipped, the
// anchor is consistent but only claimed. With a chain, a receipt that
// carries no anchor is partial: nothing ties its checkpoint to the chain
// yet (`glassbox verify --rpc` fails it instead).
//
// # Trust
//
// With a chain, the page trusts the node it reads and the contract address
// it was given; a node can lie about the contract's state as it can about
// anything, so a portal should let its user choose the node. The package
// imports the standard library, x/mod's note and this module's
// auditlog/receipt, auditlog/record and auditlog/verify, nothing else.
package receiptcheck
