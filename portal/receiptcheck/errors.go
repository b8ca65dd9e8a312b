package receiptcheck

import (
	"encoding/hex"
	"errors"
	"fmt"
)

// Sentinel errors.
var (
	// ErrOptions: the Options are unusable (a malformed log key or
	// contract address, a contract without a transport). Verify returns it
	// instead of a Report: it is the caller's mistake, not the receipt's.
	ErrOptions = errors.New("receiptcheck: bad options")

	// ErrUnavailable: the chain could not be read. The transport failed,
	// the node's answer is not JSON-RPC, or the node returned an error
	// that is not the contract's own answer. It is never evidence against
	// a receipt: the steps that needed the chain are "not checked".
	ErrUnavailable = errors.New("receiptcheck: chain unavailable")

	// ErrReverted: the contract refused a call; the error is a
	// *RevertError. It is the contract's answer, so it is evidence.
	ErrReverted = errors.New("receiptcheck: the contract reverted")
	// ErrUnknownLog: the contract has no log of that id (UnknownLog).
	ErrUnknownLog = errors.New("receiptcheck: log not registered")
	// ErrNotAnchored: the contract holds no root for that tree size
	// (NotAnchored).
	ErrNotAnchored = errors.New("receiptcheck: tree size not anchored")
	// ErrUnknownDispute: the contract has no dispute of that id
	// (UnknownDispute).
	ErrUnknownDispute = errors.New("receiptcheck: no such dispute")
	// ErrNoContract: eth_call returned no data: there is no contract at
	// the address on the node's chain.
	ErrNoContract = errors.New("receiptcheck: no contract at the address")
	// ErrEvidence: a log's evidence document (LogEvidence) does not
	// parse. CheckLog returns it instead of a verdict.
	ErrEvidence = errors.New("receiptcheck: malformed log evidence")
	// ErrABI: the contract's return data does not decode as the registry's
	// outputs.
	ErrABI = errors.New("receiptcheck: bad ABI data")
)

// RPCError is a JSON-RPC error response.
type RPCError struct {
	Code    int64
	Message string
	Data    []byte // the error's data, decoded when it is a 0x hex string
}

func (e *RPCError) Error() string {
	if len(e.Data) > 0 {
		return fmt.Sprintf("JSON-RPC error %d: %s (data 0x%x)", e.Code, e.Message, e.Data)
	}
	return fmt.Sprintf("JSON-RPC error %d: %s", e.Code, e.Message)
}

// RevertError is a revert of the registry contract, with its revert data.
// Name is the contract error it decodes as ("UnknownLog", "NotAnchored",
// "UnknownDispute", "Error" for a reason string), or "" when it is none of
// those. It matches [ErrReverted], and [ErrUnknownLog], [ErrNotAnchored] or
// [ErrUnknownDispute] for those errors.
type RevertError struct {
	Name      string
	LogID     [32]byte // UnknownLog, NotAnchored
	TreeSize  uint64   // NotAnchored
	DisputeID uint64   // UnknownDispute
	Reason    string   // Error(string)
	Data      []byte
}

func (e *RevertError) Error() string {
	switch e.Name {
	case "UnknownLog":
		return fmt.Sprintf("the contract reverted with UnknownLog(0x%x): the log is not registered", e.LogID)
	case "NotAnchored":
		return fmt.Sprintf("the contract reverted with NotAnchored(0x%x, %d): that tree size was never anchored", e.LogID, e.TreeSize)
	case "UnknownDispute":
		return fmt.Sprintf("the contract reverted with UnknownDispute(%d): there is no dispute of that id", e.DisputeID)
	case "Error":
		return fmt.Sprintf("the contract reverted: %q", e.Reason)
	}
	return "the contract reverted with data 0x" + hex.EncodeToString(e.Data)
}

// Unwrap returns ErrReverted and, for the registry's known errors, their
// sentinel.
func (e *RevertError) Unwrap() []error {
	switch e.Name {
	case "UnknownLog":
		return []error{ErrReverted, ErrUnknownLog}
	case "NotAnchored":
		return []error{ErrReverted, ErrNotAnchored}
	case "UnknownDispute":
		return []error{ErrReverted, ErrUnknownDispute}
	}
	return []error{ErrReverted}
}
