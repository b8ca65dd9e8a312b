package registry

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// LogID names a log on the contract: the SHA-256 of its checkpoint origin
// line ([LogIDFor]), so that a checkpoint names its log on chain. The
// contract refuses to register a log under any other id
// ([ErrLogIDMismatch]). Its text form is 0x-prefixed hex.
type LogID [32]byte

// LogIDFor returns the id of the log whose checkpoints carry origin.
func LogIDFor(origin string) LogID { return sha256.Sum256([]byte(origin)) }

// String returns the id as 0x-prefixed hex.
func (id LogID) String() string { return "0x" + hex.EncodeToString(id[:]) }

// MarshalText encodes the id as 0x-prefixed hex.
func (id LogID) MarshalText() ([]byte, error) { return []byte(id.String()), nil }

// UnmarshalText decodes 0x-prefixed hex of exactly 32 bytes.
func (id *LogID) UnmarshalText(b []byte) error {
	s, ok := strings.CutPrefix(string(b), "0x")
	if !ok {
		return fmt.Errorf("%w: log id %q lacks the 0x prefix", ErrInvalidArgument, b)
	}
	if len(s) != 2*len(id) {
		return fmt.Errorf("%w: log id %q is not 32 bytes of hex", ErrInvalidArgument, b)
	}
	if _, err := hex.Decode(id[:], []byte(s)); err != nil {
		return fmt.Errorf("%w: log id %q: %v", ErrInvalidArgument, b, err)
	}
	return nil
}

// LogInfo is a registered log.
type LogInfo struct {
	ID        LogID  // LogIDFor(Origin)
	Origin    string // the checkpoint origin line
	PublicKey ed25519.PublicKey
	Anchorer  common.Address
	// LatestSize is the latest anchored tree size, 0 if never anchored.
	LatestSize uint64
}

// Anchor is an anchored checkpoint of a log: the root of the tree of
// TreeSize leaves, written in block BlockNumber.
type Anchor struct {
	LogID       LogID
	TreeSize    uint64
	Root        [32]byte
	BlockNumber uint64
}

// RegisterLog registers a log by its origin (its id is [LogIDFor](origin)),
// the Ed25519 key that signs its checkpoints and the one address allowed to
// anchor it. Admin only.
func (c *Client) RegisterLog(ctx context.Context, auth *bind.TransactOpts, origin string, publicKey ed25519.PublicKey, anchorer common.Address) (*types.Receipt, error) {
	if len(publicKey) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("registry: registerLog: %w: public key is %d bytes, want %d", ErrInvalidArgument, len(publicKey), ed25519.PublicKeySize)
	}
	var pk [32]byte
	copy(pk[:], publicKey)
	return c.transact(ctx, "registerLog", auth, bindings.PackRegisterLog(LogIDFor(origin), origin, pk, anchorer))
}

// SetAnchorer replaces a log's anchorer. Admin only.
func (c *Client) SetAnchorer(ctx context.Context, auth *bind.TransactOpts, logID LogID, anchorer common.Address) (*types.Receipt, error) {
	return c.transact(ctx, "setAnchorer", auth, bindings.PackSetAnchorer(logID, anchorer))
}

// Log returns a registered log ([ErrUnknownLog] if there is none).
func (c *Client) Log(ctx context.Context, logID LogID) (LogInfo, error) {
	l, err := call(ctx, c, "logInfo", bindings.PackLogInfo(logID), bindings.UnpackLogInfo)
	if err != nil {
		return LogInfo{}, err
	}
	return LogInfo{
		ID:         logID,
		Origin:     l.Origin,
		PublicKey:  ed25519.PublicKey(append([]byte(nil), l.PublicKey[:]...)),
		Anchorer:   l.Anchorer,
		LatestSize: l.LatestSize,
	}, nil
}

// LogIDs lists the ids of all registered logs in registration order.
func (c *Client) LogIDs(ctx context.Context) ([]LogID, error) {
	n, err := call(ctx, c, "logCount", bindings.PackLogCount(), bindings.UnpackLogCount)
	if err != nil {
		return nil, err
	}
	if !n.IsUint64() {
		return nil, fmt.Errorf("registry: logCount: implausible count %s", n)
	}
	ids := make([]LogID, 0, n.Uint64())
	for i := uint64(0); i < n.Uint64(); i++ {
		id, err := call(ctx, c, "logIdAt", bindings.PackLogIdAt(new(big.Int).SetUint64(i)), bindings.UnpackLogIdAt)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// Anchor anchors (treeSize, root) for a log. The sender must be the log's
// anchorer; treeSize must exceed the latest anchored size
// ([ErrSizeNotGrowing]); root must not be zero.
func (c *Client) Anchor(ctx context.Context, auth *bind.TransactOpts, logID LogID, treeSize uint64, root [32]byte) (*types.Receipt, error) {
	return c.transact(ctx, "anchor", auth, bindings.PackAnchor(logID, treeSize, root))
}

// AnchorMany anchors several checkpoints in one transaction, all or none.
// Only LogID, TreeSize and Root of each Anchor are used.
func (c *Client) AnchorMany(ctx context.Context, auth *bind.TransactOpts, anchors []Anchor) (*types.Receipt, error) {
	ids := make([][32]byte, len(anchors))
	sizes := make([]uint64, len(anchors))
	roots := make([][32]byte, len(anchors))
	for i, a := range anchors {
		ids[i], sizes[i], roots[i] = a.LogID, a.TreeSize, a.Root
	}
	return c.transact(ctx, "anchorMany", auth, bindings.PackAnchorMany(ids, sizes, roots))
}

// RootAt returns the anchor of exactly treeSize ([ErrNotAnchored] if that
// size was never anchored, [ErrUnknownLog] for an unknown log). The contract
// keeps every anchored size, so this works long after the anchoring
// transaction has been pruned by nodes.
func (c *Client) RootAt(ctx context.Context, logID LogID, treeSize uint64) (Anchor, error) {
	r, err := call(ctx, c, "rootAt", bindings.PackRootAt(logID, treeSize), bindings.UnpackRootAt)
	if err != nil {
		return Anchor{}, err
	}
	return Anchor{LogID: logID, TreeSize: treeSize, Root: r.Root, BlockNumber: r.BlockNumber}, nil
}

// LatestAnchor returns a log's latest anchor; its TreeSize is 0 when the log
// was never anchored.
func (c *Client) LatestAnchor(ctx context.Context, logID LogID) (Anchor, error) {
	r, err := call(ctx, c, "latestAnchor", bindings.PackLatestAnchor(logID), bindings.UnpackLatestAnchor)
	if err != nil {
		return Anchor{}, err
	}
	return Anchor{LogID: logID, TreeSize: r.TreeSize, Root: r.Root, BlockNumber: r.BlockNumber}, nil
}
