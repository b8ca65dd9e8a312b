package anchor

import (
	"errors"
	"fmt"
)

// Sentinel errors. Check them with errors.Is; the errors returned wrap them
// with the details (which log, which key, which size).
var (
	// ErrUnauthorized: the anchorer's key is not the anchorer the contract
	// names for the log. Run ends with it; retrying cannot help.
	ErrUnauthorized = errors.New("anchor: key is not the log's anchorer on the contract")

	// ErrUnknownLog: the log is not registered on the contract. Run ends
	// with it; the log must be registered first (registry.RegisterLog).
	ErrUnknownLog = errors.New("anchor: log is not registered on the contract")

	// ErrSizeNotGrowing: the contract refused an anchor whose tree size does
	// not exceed the latest anchored size.
	ErrSizeNotGrowing = errors.New("anchor: tree size does not exceed the latest anchored size")

	// ErrNotAnchored: the contract holds no root for that tree size.
	ErrNotAnchored = errors.New("anchor: tree size is not anchored on the contract")

	// ErrNoContract: the address holds no contract (a call returned nothing).
	ErrNoContract = errors.New("anchor: no registry contract at that address")

	// ErrNoAnchor: no confirmed anchor covers the requested tree size yet.
	ErrNoAnchor = errors.New("anchor: no confirmed anchor covers that tree size yet")

	// ErrStateMismatch: the anchorer state stored in the log belongs to
	// another chain, contract or log. Run ends with it.
	ErrStateMismatch = errors.New("anchor: stored anchorer state belongs to another chain, contract or log")

	// ErrCorruptState: a record in the anchorer's namespace of the log's
	// store cannot be decoded. Run ends with it.
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
	LogID     LogID
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
