package anchor

import (
	"errors"
	"fmt"

	"github.com/glassbox-audit/glassbox/registry"
)

// Sentinel errors. Check them with errors.Is; the errors returned wrap them
// with the details (which log, which key, which size). What the contract
// refuses is reported with package registry's sentinels, wrapped: a key
// that is not the log's anchorer is registry.ErrNotAnchorer, an unknown
// log registry.ErrUnknownLog, a size never anchored registry.ErrNotAnchored,
// an address without the contract registry.ErrNoContract.
var (
	// ErrNoAnchor: no confirmed anchor covers the requested tree size yet.
	ErrNoAnchor = errors.New("anchor: no confirmed anchor covers that tree size yet")

	// ErrStateMismatch: the anchorer's state belongs to another chain,
	// contract or log. Run ends with it.
	ErrStateMismatch = errors.New("anchor: stored anchorer state belongs to another chain, contract or log")

	// ErrCorruptState: a record in the anchorer's state cannot be decoded.
	// Run ends with it.
	ErrCorruptState = errors.New("anchor: stored anchorer state is corrupt")

	// ErrWrongChain: a receipt's anchor names another chain or contract than
	// the one it is checked against.
	ErrWrongChain = errors.New("anchor: receipt anchored on another chain or contract")

	// ErrRootMismatch: the root the contract holds differs from the one
	// claimed. Errors matching it are *RootMismatchError.
	ErrRootMismatch = errors.New("anchor: root differs from the root on the contract")

	// ErrWrongBlock: a receipt's block hash or transaction is not the
	// chain's for the block that anchored its tree size.
	ErrWrongBlock = errors.New("anchor: receipt's block or transaction differs from the chain's")

	// ErrKeyMismatch: the log's origin or public key on the contract differs
	// from the one the checkpoint is signed with.
	ErrKeyMismatch = errors.New("anchor: log origin or key differs from the contract's")

	// ErrInvalidOptions: New was given options it cannot work with.
	ErrInvalidOptions = errors.New("anchor: invalid options")
)

// RootMismatchError is the evidence of a failed chain check: the contract
// holds ChainRoot for TreeSize of the log, and something claimed Claimed.
type RootMismatchError struct {
	LogID     registry.LogID
	TreeSize  uint64
	Claimed   [32]byte
	ChainRoot [32]byte
	Block     uint64 // the block that anchored ChainRoot
}

func (e *RootMismatchError) Error() string {
	return fmt.Sprintf("anchor: log %s size %d: claimed root %x, contract holds %x (anchored in block %d)",
		e.LogID, e.TreeSize, e.Claimed, e.ChainRoot, e.Block)
}

// Is makes errors.Is(err, ErrRootMismatch) true.
func (e *RootMismatchError) Is(target error) bool { return target == ErrRootMismatch }
