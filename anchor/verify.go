package anchor

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/registry"
)

// Verified is what [VerifyReceipt] established.
type Verified struct {
	*receipt.Result // the offline checks: checkpoint, index, leaf, disclosures, anchor consistency

	LogID    registry.LogID
	ChainID  uint64
	Contract [20]byte
	// OnChain is the contract's anchor of the receipt's anchored tree size.
	OnChain registry.Anchor
	// Reanchored is true when the contract's block for that size differs
	// from the receipt's: a reorg dropped the original anchoring
	// transaction and the same root was anchored again. The root, which
	// is what the receipt relies on, is the same; the receipt's block and
	// transaction fields are stale and were not checked.
	Reanchored bool
	// BlockChecked: the receipt's block hash is the canonical hash at its
	// block number (the node serves headers). TxChecked: its transaction
	// is in that block and anchors exactly this size and root (the node
	// serves the block's body; nodes may drop old bodies).
	BlockChecked, TxChecked bool
}

// VerifyReceipt checks a receipt completely, trusting only the chain that
// reg reads:
//
//  1. the receipt's anchor names reg's chain and contract, and the
//     log id of the receipt's origin;
//  2. the log is registered on the contract with that origin, and its
//     registered Ed25519 key (named by the origin) verifies the receipt's
//     checkpoint, inclusion proof, disclosed commitments and the
//     consistency proof to the anchor (package auditlog/receipt);
//  3. the contract holds the anchor's root for the anchor's tree size;
//  4. when the contract's anchoring block is the receipt's, the receipt's
//     block hash is that block's and its transaction is in it, sent to the contract, anchoring this size and
//     root (if the node serves the block's body). Otherwise the size was
//     anchored again after a reorg: Verified.Reanchored.
//
// A receipt without an anchor is ErrNoAnchor. Failures of step 2 are
// *receipt.VerifyError; a size the contract does not hold is
// registry.ErrNotAnchored; a root that differs is *RootMismatchError; a
// block or transaction that differs is ErrWrongBlock.
func VerifyReceipt(ctx context.Context, r *receipt.Receipt, reg *registry.Client) (*Verified, error) {
	if r == nil {
		return nil, fmt.Errorf("anchor: VerifyReceipt: nil receipt")
	}
	if r.Anchor == nil {
		return nil, fmt.Errorf("%w: the receipt carries no anchor", ErrNoAnchor)
	}
	if reg == nil {
		return nil, fmt.Errorf("anchor: VerifyReceipt: nil registry client")
	}
	an := r.Anchor
	chainID, err := reg.ChainID(ctx)
	if err != nil {
		return nil, err
	}
	if an.ChainID != chainID || an.Contract != reg.Address() {
		return nil, fmt.Errorf("%w: receipt anchored on chain %d contract 0x%x, checking chain %d contract %s",
			ErrWrongChain, an.ChainID, an.Contract, chainID, reg.Address().Hex())
	}
	id := registry.LogIDFor(r.Origin)
	if registry.LogID(an.LogID) != id {
		return nil, fmt.Errorf("%w: receipt anchor names log %s, the id of origin %q is %s", ErrKeyMismatch, registry.LogID(an.LogID), r.Origin, id)
	}
	rcp, err := verify.ParseCheckpoint(noteText(r.Checkpoint))
	if err != nil {
		return nil, &receipt.VerifyError{Check: receipt.CheckSignature, Err: err}
	}
	nv, err := chainVerifier(ctx, reg, id, r.Origin, rcp.Size)
	if err != nil {
		return nil, err
	}
	res, err := receipt.Verify(r, nv)
	if err != nil {
		return nil, err
	}
	on, err := checkRoot(ctx, reg, id, an.TreeSize, an.Root)
	if err != nil {
		return nil, err
	}
	v := &Verified{
		Result:     res,
		LogID:      id,
		ChainID:    chainID,
		Contract:   reg.Address(),
		OnChain:    on,
		Reanchored: on.BlockNumber != an.BlockNumber,
	}
	if !v.Reanchored {
		if err := checkBlock(ctx, reg, id, an, v); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// checkBlock checks the receipt's block hash and transaction against the
// chain, the transaction as far as the node serves block bodies.
func checkBlock(ctx context.Context, reg *registry.Client, id registry.LogID, an *receipt.Anchor, v *Verified) error {
	h, err := reg.Backend().HeaderByNumber(ctx, new(big.Int).SetUint64(an.BlockNumber))
	if err != nil {
		return fmt.Errorf("anchor: reading block %d: %w", an.BlockNumber, err)
	}
	if h.Hash() != an.BlockHash {
		return fmt.Errorf("%w: block %d is %s, the receipt says %s", ErrWrongBlock, an.BlockNumber, h.Hash().Hex(), common.Hash(an.BlockHash).Hex())
	}
	v.BlockChecked = true
	br, ok := reg.Backend().(interface {
		BlockByHash(context.Context, common.Hash) (*types.Block, error)
	})
	if !ok {
		return nil
	}
	b, err := br.BlockByHash(ctx, an.BlockHash)
	if errors.Is(err, ethereum.NotFound) {
		return nil // the node no longer serves this body
	}
	if err != nil {
		return fmt.Errorf("anchor: reading block %s: %w", common.Hash(an.BlockHash).Hex(), err)
	}
	tx := b.Transaction(an.TxHash)
	if tx == nil {
		return fmt.Errorf("%w: transaction %s is not in block %d", ErrWrongBlock, common.Hash(an.TxHash).Hex(), an.BlockNumber)
	}
	if to := tx.To(); to == nil || *to != reg.Address() || !carriesAnchor(tx.Data(), id, an.TreeSize, an.Root) {
		return fmt.Errorf("%w: transaction %s does not anchor size %d of this log on %s", ErrWrongBlock, tx.Hash().Hex(), an.TreeSize, reg.Address().Hex())
	}
	v.TxChecked = true
	return nil
}

// chainVerifier builds the note verifier of a log from its registration on
// the contract: the key name is the origin.
// The key is the one the contract holds for a checkpoint of size (keyAt),
// so that a key rotation leaves the checkpoints signed before it verifiable.
func chainVerifier(ctx context.Context, reg *registry.Client, id registry.LogID, origin string, size uint64) (note.Verifier, error) {
	info, err := reg.Log(ctx, id)
	if err != nil {
		return nil, err
	}
	if info.Origin != origin {
		return nil, fmt.Errorf("%w: contract registers origin %q for log %s, the receipt says %q", ErrKeyMismatch, info.Origin, id, origin)
	}
	k, err := reg.KeyAt(ctx, id, size)
	if err != nil {
		return nil, err
	}
	info.PublicKey = k.PublicKey
	return infoVerifier(info)
}

// infoVerifier is the note verifier of a registered log: its Ed25519 key,
// named by its origin.
func infoVerifier(info registry.LogInfo) (note.Verifier, error) {
	vkey, err := note.NewEd25519VerifierKey(info.Origin, info.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("%w: origin %q is not a valid key name: %v", ErrKeyMismatch, info.Origin, err)
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrKeyMismatch, err)
	}
	return v, nil
}

// checkRoot reads the contract's root for size and compares it with root.
func checkRoot(ctx context.Context, reg *registry.Client, id registry.LogID, size uint64, root [32]byte) (registry.Anchor, error) {
	on, err := reg.RootAt(ctx, id, size)
	if err != nil {
		return registry.Anchor{}, err
	}
	if on.Root != root {
		return on, &RootMismatchError{LogID: id, TreeSize: size, Claimed: root, ChainRoot: on.Root, Block: on.BlockNumber}
	}
	return on, nil
}

// VerifyCheckpoint checks a checkpoint against the contract: the contract
// must hold a root for anchoredSize (at least cp.Size), and proof must be a
// consistency proof from cp to that root (empty when the sizes are equal).
// It returns the contract's anchor. The checkpoint's signature is not
// checked here (open it with the log's key first, or use VerifyNote).
func VerifyCheckpoint(ctx context.Context, reg *registry.Client, cp verify.Checkpoint, anchoredSize uint64, proof []verify.Hash) (registry.Anchor, error) {
	if anchoredSize < cp.Size {
		return registry.Anchor{}, fmt.Errorf("anchor: VerifyCheckpoint: anchored size %d is below the checkpoint's size %d", anchoredSize, cp.Size)
	}
	id := registry.LogIDFor(cp.Origin)
	on, err := reg.RootAt(ctx, id, anchoredSize)
	if err != nil {
		return registry.Anchor{}, err
	}
	if anchoredSize == cp.Size {
		if on.Root != [32]byte(cp.Root) {
			return on, &RootMismatchError{LogID: id, TreeSize: cp.Size, Claimed: cp.Root, ChainRoot: on.Root, Block: on.BlockNumber}
		}
		if len(proof) != 0 {
			return on, fmt.Errorf("anchor: VerifyCheckpoint: %d proof hashes for equal sizes", len(proof))
		}
		return on, nil
	}
	if err := verify.VerifyConsistency(cp.Size, anchoredSize, proof, cp.Root, verify.Hash(on.Root)); err != nil {
		return on, fmt.Errorf("anchor: checkpoint of size %d is not consistent with the root anchored at size %d: %w", cp.Size, anchoredSize, err)
	}
	return on, nil
}

// OpenNote opens a signed checkpoint note with the log key registered on
// the contract for the note's origin (the key's name is the origin).
func OpenNote(ctx context.Context, reg *registry.Client, signed []byte) (verify.Checkpoint, error) {
	body, err := verify.ParseCheckpoint(noteText(signed))
	if err != nil {
		return verify.Checkpoint{}, fmt.Errorf("anchor: checkpoint: %w", err)
	}
	v, err := chainVerifier(ctx, reg, registry.LogIDFor(body.Origin), body.Origin, body.Size)
	if err != nil {
		return verify.Checkpoint{}, err
	}
	cp, err := verify.OpenCheckpoint(signed, v)
	if err != nil {
		return verify.Checkpoint{}, fmt.Errorf("anchor: checkpoint signature: %w", err)
	}
	return cp, nil
}

// VerifyNote opens a signed checkpoint note with [OpenNote] and checks it
// against the chain with [VerifyCheckpoint].
func VerifyNote(ctx context.Context, reg *registry.Client, signed []byte, anchoredSize uint64, proof []verify.Hash) (verify.Checkpoint, registry.Anchor, error) {
	cp, err := OpenNote(ctx, reg, signed)
	if err != nil {
		return verify.Checkpoint{}, registry.Anchor{}, err
	}
	on, err := VerifyCheckpoint(ctx, reg, cp, anchoredSize, proof)
	return cp, on, err
}

// VerifyCheckpointFrom checks that cp extends the tree the contract
// anchored at anchoredSize (at most cp.Size): proof is a consistency proof
// from anchoredSize to cp.Size (empty when equal). Use it for a checkpoint
// newer than the latest anchor.
func VerifyCheckpointFrom(ctx context.Context, reg *registry.Client, anchoredSize uint64, cp verify.Checkpoint, proof []verify.Hash) (registry.Anchor, error) {
	if anchoredSize > cp.Size {
		return registry.Anchor{}, fmt.Errorf("anchor: VerifyCheckpointFrom: anchored size %d is above the checkpoint's size %d", anchoredSize, cp.Size)
	}
	if anchoredSize == cp.Size {
		return VerifyCheckpoint(ctx, reg, cp, anchoredSize, proof)
	}
	id := registry.LogIDFor(cp.Origin)
	on, err := reg.RootAt(ctx, id, anchoredSize)
	if err != nil {
		return registry.Anchor{}, err
	}
	if err := verify.VerifyConsistency(anchoredSize, cp.Size, proof, verify.Hash(on.Root), cp.Root); err != nil {
		return on, fmt.Errorf("anchor: checkpoint of size %d does not extend the root anchored at size %d: %w", cp.Size, anchoredSize, err)
	}
	return on, nil
}

// noteText returns the text of a signed note: everything up to and
// including the blank line's preceding newline.
func noteText(signed []byte) []byte {
	for i := 0; i+1 < len(signed); i++ {
		if signed[i] == '\n' && signed[i+1] == '\n' {
			return signed[:i+1]
		}
	}
	return signed
}
