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

// ErrForked: the log does not extend the contract's latest anchor: its
// root at the anchored size is another, or it is smaller than that size
// (a rolled-back store, a restored backup, another log under the same
// origin and key). Anchoring it would put a split view on chain, so the
// anchorer sends nothing and Run ends with it. Errors matching it are
// [*ForkError].
var ErrForked = errors.New("anchor: the log does not extend its latest anchor")

// ForkError is the evidence of a fork: the contract holds AnchoredRoot for
// AnchoredSize; the log, at LogSize, has LogRoot at AnchoredSize (zero
// when the log is smaller than AnchoredSize, or cannot say), and Err says
// which check failed (a consistency proof that does not verify).
type ForkError struct {
	LogID        registry.LogID
	AnchoredSize uint64
	AnchoredRoot [32]byte
	LogSize      uint64
	LogRoot      [32]byte
	Err          error
}

func (e *ForkError) Error() string {
	msg := fmt.Sprintf("anchor: log %s forked: the contract holds root %x for size %d", e.LogID, e.AnchoredRoot, e.AnchoredSize)
	switch {
	case e.LogSize < e.AnchoredSize:
		msg += fmt.Sprintf(", the log has only %d leaves (rolled back?)", e.LogSize)
	case e.LogRoot != [32]byte{}:
		msg += fmt.Sprintf(", the log (size %d) has root %x there", e.LogSize, e.LogRoot)
	default:
		msg += fmt.Sprintf(", the log at size %d is not consistent with it", e.LogSize)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg + "; nothing was sent"
}

// Is makes errors.Is(err, ErrForked) true.
func (e *ForkError) Is(target error) bool { return target == ErrForked }

func (e *ForkError) Unwrap() error { return e.Err }
