package anchor

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/glassbox-audit/glassbox/contracts"
	"github.com/glassbox-audit/glassbox/registry"
)

// parseRegistryABI parses the contract's ABI from the generated bindings.
func parseRegistryABI() (*abi.ABI, error) {
	a, err := contracts.GlassboxRegistryMetaData.ParseABI()
	if err != nil {
		return nil, fmt.Errorf("anchor: parsing the registry ABI: %w", err)
	}
	return a, nil
}

// LogID names a log on the contract: the SHA-256 of its checkpoint origin
// line, so that a checkpoint names its log unambiguously.
type LogID [32]byte

// LogIDFor returns the id of the log whose checkpoints carry origin.
func LogIDFor(origin string) LogID { return LogID(sha256.Sum256([]byte(origin))) }

// String returns the id as 0x-prefixed hex.
func (id LogID) String() string { return "0x" + hex.EncodeToString(id[:]) }

// MarshalText encodes the id as 0x-prefixed hex.
func (id LogID) MarshalText() ([]byte, error) { return []byte(id.String()), nil }

// UnmarshalText decodes 0x-prefixed hex of exactly 32 bytes.
func (id *LogID) UnmarshalText(b []byte) error {
	var h common.Hash
	if err := decodeHash32(b, &h); err != nil {
		return fmt.Errorf("log id: %w", err)
	}
	*id = LogID(h)
	return nil
}

func decodeHash32(b []byte, h *common.Hash) error {
	raw, err := hexutil.Decode(string(b))
	if err != nil {
		return err
	}
	if len(raw) != 32 {
		return fmt.Errorf("want 32 bytes, got %d", len(raw))
	}
	copy(h[:], raw)
	return nil
}

// revertData extracts the revert data from an error returned by a node for
// eth_call or eth_estimateGas: the JSON-RPC error's data field, a hex string.
func revertData(err error) ([]byte, bool) {
	var de interface{ ErrorData() any }
	if !errors.As(err, &de) {
		return nil, false
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return nil, false
	}
	data, derr := hexutil.Decode(s)
	if derr != nil || len(data) < 4 {
		return nil, false
	}
	return data, true
}

// decodeRevert turns a node error carrying a contract revert into the
// registry's *registry.ContractError (naming the custom error and its
// arguments), wrapped so that it also matches this package's sentinels:
// NotAnchorer is ErrUnauthorized, UnknownLog ErrUnknownLog, SizeNotGrowing
// ErrSizeNotGrowing, NotAnchored ErrNotAnchored. ok is false, and err is
// returned unchanged, when err carries no revert.
func decodeRevert(err error) (_ error, ok bool) {
	data, ok := revertData(err)
	if !ok {
		return err, false
	}
	ce := registry.DecodeRevert(data)
	switch ce.Name {
	case "NotAnchorer":
		return fmt.Errorf("%w: %w", ErrUnauthorized, ce), true
	case "UnknownLog":
		return fmt.Errorf("%w: %w", ErrUnknownLog, ce), true
	case "SizeNotGrowing":
		return fmt.Errorf("%w: %w", ErrSizeNotGrowing, ce), true
	case "NotAnchored":
		return fmt.Errorf("%w: %w", ErrNotAnchored, ce), true
	}
	return ce, true
}

// Caller is the read side of a node that checking anchors needs: the chain
// id and eth_call. go-ethereum's *ethclient.Client and the simulated
// backend's client implement it.
type Caller interface {
	ChainID(ctx context.Context) (*big.Int, error)
	CallContract(ctx context.Context, call ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
}

// Reader reads a GlassboxRegistry contract's anchors and logs. It holds no
// state besides its arguments and is safe for concurrent use.
type Reader struct {
	c        Caller
	contract common.Address
	abi      *abi.ABI
}

// NewReader returns a Reader of the registry contract at contract, through c.
func NewReader(c Caller, contract common.Address) (*Reader, error) {
	if c == nil {
		return nil, fmt.Errorf("anchor: NewReader: nil Caller")
	}
	if contract == (common.Address{}) {
		return nil, fmt.Errorf("anchor: NewReader: zero contract address")
	}
	a, err := parseRegistryABI()
	if err != nil {
		return nil, err
	}
	return &Reader{c: c, contract: contract, abi: a}, nil
}

// Contract returns the address of the contract r reads.
func (r *Reader) Contract() common.Address { return r.contract }

// ChainID returns the chain id of the node r reads through.
func (r *Reader) ChainID(ctx context.Context) (uint64, error) {
	id, err := r.c.ChainID(ctx)
	if err != nil {
		return 0, fmt.Errorf("anchor: reading the chain id: %w", err)
	}
	if !id.IsUint64() {
		return 0, fmt.Errorf("anchor: chain id %s does not fit 64 bits", id)
	}
	return id.Uint64(), nil
}

// OnChain is an anchor as the contract records it.
type OnChain struct {
	TreeSize    uint64
	Root        [32]byte
	BlockNumber uint64 // the block that anchored it; 0 if never anchored
}

// LogInfo is a registered log as the contract records it.
type LogInfo struct {
	Origin     string
	PublicKey  [32]byte // the Ed25519 key that signs the log's checkpoints
	Anchorer   common.Address
	LatestSize uint64
}

// call runs a view function at the given block (nil: latest) and unpacks its
// outputs. Reverts come back as *ContractError.
func (r *Reader) call(ctx context.Context, block *big.Int, method string, args ...any) ([]any, error) {
	data, err := r.abi.Pack(method, args...)
	if err != nil {
		return nil, fmt.Errorf("anchor: packing %s: %w", method, err)
	}
	to := r.contract
	out, err := r.c.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, block)
	if err != nil {
		if ce, ok := decodeRevert(err); ok {
			return nil, fmt.Errorf("anchor: %s: %w", method, ce)
		}
		return nil, fmt.Errorf("anchor: calling %s on %s: %w", method, r.contract.Hex(), err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("anchor: calling %s on %s: %w", method, r.contract.Hex(), ErrNoContract)
	}
	vals, err := r.abi.Unpack(method, out)
	if err != nil {
		return nil, fmt.Errorf("anchor: decoding %s from %s: %w", method, r.contract.Hex(), err)
	}
	return vals, nil
}

// LatestAnchor returns the latest anchor of a log: TreeSize 0 if it was
// never anchored. An unregistered log is ErrUnknownLog.
func (r *Reader) LatestAnchor(ctx context.Context, id LogID) (OnChain, error) {
	return r.latestAnchorAt(ctx, id, nil)
}

func (r *Reader) latestAnchorAt(ctx context.Context, id LogID, block *big.Int) (OnChain, error) {
	v, err := r.call(ctx, block, "latestAnchor", [32]byte(id))
	if err != nil {
		return OnChain{}, err
	}
	return OnChain{TreeSize: v[0].(uint64), Root: v[1].([32]byte), BlockNumber: v[2].(uint64)}, nil
}

// RootAt returns the root the contract holds for exactly treeSize, and the
// block that anchored it. A size never anchored is ErrNotAnchored.
func (r *Reader) RootAt(ctx context.Context, id LogID, treeSize uint64) (OnChain, error) {
	v, err := r.call(ctx, nil, "rootAt", [32]byte(id), treeSize)
	if err != nil {
		return OnChain{}, err
	}
	return OnChain{TreeSize: treeSize, Root: v[0].([32]byte), BlockNumber: v[1].(uint64)}, nil
}

// LogInfo returns a registered log's origin, key, anchorer and latest
// anchored size. An unregistered log is ErrUnknownLog.
func (r *Reader) LogInfo(ctx context.Context, id LogID) (LogInfo, error) {
	v, err := r.call(ctx, nil, "logInfo", [32]byte(id))
	if err != nil {
		return LogInfo{}, err
	}
	return LogInfo{
		Origin:     v[0].(string),
		PublicKey:  v[1].([32]byte),
		Anchorer:   v[2].(common.Address),
		LatestSize: v[3].(uint64),
	}, nil
}

// packAnchor returns the calldata of anchor(logId, treeSize, root).
func packAnchor(a *abi.ABI, id LogID, treeSize uint64, root [32]byte) ([]byte, error) {
	data, err := a.Pack("anchor", [32]byte(id), treeSize, root)
	if err != nil {
		return nil, fmt.Errorf("anchor: packing anchor: %w", err)
	}
	return data, nil
}

func callMsg(from, to common.Address, data []byte) ethereum.CallMsg {
	return ethereum.CallMsg{From: from, To: &to, Data: data}
}
