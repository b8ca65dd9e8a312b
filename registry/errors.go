package registry

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
)

// Sentinels for the contract's custom errors. A revert comes back as a
// [*ContractError] that unwraps to the sentinel of the same name, so
// errors.Is(err, ErrSizeNotGrowing) works on any error this package returns.
var (
	ErrNotAdmin          = errors.New("registry: caller is not the admin")                     // NotAdmin(address)
	ErrNotPendingAdmin   = errors.New("registry: caller was not offered the admin role")       // NotPendingAdmin(address)
	ErrNotPublisher      = errors.New("registry: caller is not a model publisher")             // NotPublisher(address)
	ErrNotResolver       = errors.New("registry: caller is not the dispute resolver")          // NotResolver(address)
	ErrNotAnchorer       = errors.New("registry: caller is not the log's anchorer")            // NotAnchorer(bytes32,address)
	ErrZeroAddress       = errors.New("registry: zero address")                                // ZeroAddress()
	ErrEmptyOrigin       = errors.New("registry: empty log origin")                            // EmptyOrigin()
	ErrLogIDMismatch     = errors.New("registry: log id is not the SHA-256 of the origin")     // LogIdMismatch(bytes32,bytes32)
	ErrZeroPublicKey     = errors.New("registry: zero public key")                             // ZeroPublicKey()
	ErrLogExists         = errors.New("registry: log already registered")                      // LogExists(bytes32)
	ErrUnknownLog        = errors.New("registry: unknown log")                                 // UnknownLog(bytes32)
	ErrSizeNotGrowing    = errors.New("registry: tree size does not grow")                     // SizeNotGrowing(bytes32,uint64,uint64)
	ErrZeroRoot          = errors.New("registry: zero root")                                   // ZeroRoot(bytes32,uint64)
	ErrNotAnchored       = errors.New("registry: tree size was never anchored")                // NotAnchored(bytes32,uint64)
	ErrEmptyBatch        = errors.New("registry: empty anchor batch")                          // EmptyBatch()
	ErrLengthMismatch    = errors.New("registry: batch arrays differ in length")               // LengthMismatch(uint256,uint256,uint256)
	ErrIndexOutOfRange   = errors.New("registry: index out of range")                          // IndexOutOfRange(uint256,uint256)
	ErrEmptyName         = errors.New("registry: empty model name")                            // EmptyName()
	ErrEmptyVersion      = errors.New("registry: empty model version")                         // EmptyVersion()
	ErrZeroDigest        = errors.New("registry: zero artifact digest")                        // ZeroDigest()
	ErrDuplicateVersion  = errors.New("registry: model version already published")             // VersionExists(string,string)
	ErrUnknownVersion    = errors.New("registry: unknown model version")                       // UnknownVersion(string,string)
	ErrAlreadyDeprecated = errors.New("registry: model version already deprecated")            // AlreadyDeprecated(string,string)
	ErrZeroLeafHash      = errors.New("registry: zero leaf hash")                              // ZeroLeafHash()
	ErrEmptyReason       = errors.New("registry: empty dispute reason")                        // EmptyReason()
	ErrUnknownDispute    = errors.New("registry: unknown dispute")                             // UnknownDispute(uint256)
	ErrDisputeClosed     = errors.New("registry: dispute already resolved")                    // DisputeClosed(uint256,uint8)
	ErrInvalidOutcome    = errors.New("registry: outcome must be upheld or rejected")          // InvalidOutcome(uint8)
	ErrReverted          = errors.New("registry: execution reverted")                          // any other revert
	ErrNoContract        = errors.New("registry: no contract code at the address")             // New, or any call, on an empty address
	ErrDigestMismatch    = errors.New("registry: artifact digest differs from the registered") // CheckArtifact
	ErrInvalidArgument   = errors.New("registry: invalid argument")                            // rejected before sending
)

// Sentinels for the reverts of the log lifecycle (retirement, succession,
// key rotation; see lifecycle.go) and of the dispute bounds.
var (
	ErrLogRetired            = errors.New("registry: log is retired")                                            // LogRetired(bytes32)
	ErrLogNotRetired         = errors.New("registry: log is not retired")                                        // LogNotRetired(bytes32)
	ErrSuccessorExists       = errors.New("registry: log already has a successor")                               // SuccessorExists(bytes32,bytes32)
	ErrRotationBelowAnchored = errors.New("registry: key rotation at or below the latest anchored size")         // RotationBelowAnchored(bytes32,uint64,uint64)
	ErrRotationOutOfOrder    = errors.New("registry: key rotation not above the previous rotation's size")       // RotationOutOfOrder(bytes32,uint64,uint64)
	ErrLeafNotAnchored       = errors.New("registry: disputed leaf index is not below the latest anchored size") // LeafNotAnchored(bytes32,uint64,uint64)
	ErrDuplicateDispute      = errors.New("registry: filer already has an open dispute against the leaf")        // DuplicateDispute(bytes32,uint64,address,uint256)
	ErrTooManyOpenDisputes   = errors.New("registry: filer has too many open disputes")                          // TooManyOpenDisputes(address,uint256)
	ErrDisputeLimitTooHigh   = errors.New("registry: dispute limit above MaxDisputeLimit")                       // DisputeLimitTooHigh(address,uint32,uint32)
)

// sentinels maps a contract error name to its sentinel.
var sentinels = map[string]error{
	"NotAdmin":          ErrNotAdmin,
	"NotPendingAdmin":   ErrNotPendingAdmin,
	"NotPublisher":      ErrNotPublisher,
	"NotResolver":       ErrNotResolver,
	"NotAnchorer":       ErrNotAnchorer,
	"ZeroAddress":       ErrZeroAddress,
	"EmptyOrigin":       ErrEmptyOrigin,
	"LogIdMismatch":     ErrLogIDMismatch,
	"ZeroPublicKey":     ErrZeroPublicKey,
	"LogExists":         ErrLogExists,
	"UnknownLog":        ErrUnknownLog,
	"SizeNotGrowing":    ErrSizeNotGrowing,
	"ZeroRoot":          ErrZeroRoot,
	"NotAnchored":       ErrNotAnchored,
	"EmptyBatch":        ErrEmptyBatch,
	"LengthMismatch":    ErrLengthMismatch,
	"IndexOutOfRange":   ErrIndexOutOfRange,
	"EmptyName":         ErrEmptyName,
	"EmptyVersion":      ErrEmptyVersion,
	"ZeroDigest":        ErrZeroDigest,
	"VersionExists":     ErrDuplicateVersion,
	"UnknownVersion":    ErrUnknownVersion,
	"AlreadyDeprecated": ErrAlreadyDeprecated,
	"ZeroLeafHash":      ErrZeroLeafHash,
	"EmptyReason":       ErrEmptyReason,
	"UnknownDispute":    ErrUnknownDispute,
	"DisputeClosed":     ErrDisputeClosed,
	"InvalidOutcome":    ErrInvalidOutcome,

	// Lifecycle and dispute bounds.
	"LogRetired":            ErrLogRetired,
	"LogNotRetired":         ErrLogNotRetired,
	"SuccessorExists":       ErrSuccessorExists,
	"RotationBelowAnchored": ErrRotationBelowAnchored,
	"RotationOutOfOrder":    ErrRotationOutOfOrder,
	"LeafNotAnchored":       ErrLeafNotAnchored,
	"DuplicateDispute":      ErrDuplicateDispute,
	"TooManyOpenDisputes":   ErrTooManyOpenDisputes,
	"DisputeLimitTooHigh":   ErrDisputeLimitTooHigh,
}

// ContractError is a revert of the GlassboxRegistry contract, decoded from
// its revert data. Name is the Solidity custom error's name ("SizeNotGrowing"),
// "Error" for a require message, "Panic" for a Solidity panic, or "" when the
// data matches none of them; Args are the decoded arguments in declaration
// order (common.Address, [32]byte, uint64, *big.Int, string, uint8...); Data
// is the raw revert data. It unwraps to the sentinel of the same name, or to
// [ErrReverted].
type ContractError struct {
	Name string
	Args []any
	Data []byte
}

func (e *ContractError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("registry: execution reverted (data %s)", hexutil.Encode(e.Data))
	}
	args := make([]string, len(e.Args))
	for i, a := range e.Args {
		switch v := a.(type) {
		case [32]byte:
			args[i] = hexutil.Encode(v[:])
		case string:
			args[i] = fmt.Sprintf("%q", v)
		case *big.Int:
			args[i] = v.String()
		default:
			args[i] = fmt.Sprint(v)
		}
	}
	return fmt.Sprintf("registry: contract reverted: %s(%s)", e.Name, strings.Join(args, ", "))
}

// Unwrap returns the sentinel for e.Name, or ErrReverted.
func (e *ContractError) Unwrap() error {
	if s, ok := sentinels[e.Name]; ok {
		return s
	}
	return ErrReverted
}

// Standard Solidity revert selectors: Error(string) and Panic(uint256).
var (
	errorSelector = []byte{0x08, 0xc3, 0x79, 0xa0}
	panicSelector = []byte{0x4e, 0x48, 0x7b, 0x71}
)

// DecodeRevert decodes revert data returned by the GlassboxRegistry contract
// into a [*ContractError]. It never fails: data it cannot decode gives a
// ContractError with an empty Name.
func DecodeRevert(data []byte) *ContractError {
	ce := &ContractError{Data: append([]byte(nil), data...)}
	if len(data) < 4 {
		return ce
	}
	sel, body := data[:4], data[4:]
	switch {
	case string(sel) == string(errorSelector):
		if v, err := stringType.Unpack(body); err == nil && len(v) == 1 {
			ce.Name, ce.Args = "Error", v
		}
		return ce
	case string(sel) == string(panicSelector):
		if v, err := uintType.Unpack(body); err == nil && len(v) == 1 {
			ce.Name, ce.Args = "Panic", v
		}
		return ce
	}
	for name, e := range registryABI.Errors {
		if string(e.ID[:4]) != string(sel) {
			continue
		}
		v, err := e.Inputs.Unpack(body)
		if err != nil {
			return ce
		}
		ce.Name, ce.Args = name, v
		return ce
	}
	return ce
}

var (
	stringType = abi.Arguments{{Type: mustType("string")}}
	uintType   = abi.Arguments{{Type: mustType("uint256")}}
)

func mustType(t string) abi.Type {
	typ, err := abi.NewType(t, "", nil)
	if err != nil {
		panic("registry: bad built-in ABI type " + t) // constant input; cannot happen
	}
	return typ
}

// revertData extracts the revert data carried by an RPC error: go-ethereum's
// rpc.DataError (JSON-RPC error code 3 with a hex string in data), which both
// ethclient against a node and the simulated backend return.
func revertData(err error) ([]byte, bool) {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return nil, false
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return nil, false
	}
	b, derr := hexutil.Decode(s)
	if derr != nil {
		return nil, false
	}
	return b, true
}

// DecodeError turns an error from a call, a gas estimation or a send that
// carries revert data (go-ethereum's rpc.DataError, as returned by ethclient
// and the simulated backend) into a [*ContractError]; other errors, and nil,
// are returned unchanged. Use it on errors of raw transactions built with
// [Bindings].
func DecodeError(err error) error {
	if err == nil {
		return nil
	}
	if data, ok := revertData(err); ok {
		return DecodeRevert(data)
	}
	return err
}

// DigestMismatchError reports that a model file's SHA-256 differs from the
// digest registered for its version. It unwraps to [ErrDigestMismatch].
type DigestMismatchError struct {
	Name, Version string
	Path          string
	Registered    [32]byte
	Computed      [32]byte
}

func (e *DigestMismatchError) Error() string {
	return fmt.Sprintf("registry: %s: digest %x differs from %x registered for %s %s",
		e.Path, e.Computed, e.Registered, e.Name, e.Version)
}

// Unwrap returns ErrDigestMismatch.
func (e *DigestMismatchError) Unwrap() error { return ErrDigestMismatch }
