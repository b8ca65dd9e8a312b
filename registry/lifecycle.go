package registry

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/glassbox-audit/glassbox/contracts"
)

// A log's lifecycle on the contract: retirement, succession and key
// rotation, and the bounds on open disputes. See docs/contracts.md,
// "Recovery".

// MaxOpenDisputes is how many disputes one address may have open at once:
// the contract's MAX_OPEN_DISPUTES. A further [Client.FileDispute] fails with
// [ErrTooManyOpenDisputes] until the resolver closes one.
const MaxOpenDisputes = 8

// MaxDisputeLimit is the largest limit [Client.SetDisputeLimit] accepts: the
// contract's MAX_DISPUTE_LIMIT.
const MaxDisputeLimit = 1 << 20

// LogKey is an Ed25519 key that signs a log's checkpoints of sizes FromSize
// and up, until the FromSize of the next key.
type LogKey struct {
	PublicKey ed25519.PublicKey
	FromSize  uint64
	// BlockNumber is the block of the rotation that declared the key; 0 for
	// the key given at registration (see the LogRegistered event).
	BlockNumber uint64
}

// Retirement is a log's retirement record. A retired log keeps every anchor
// and refuses new ones ([ErrLogRetired]).
type Retirement struct {
	Retired     bool
	BlockNumber uint64 // the block that retired the log; 0 if not retired
	Reason      string
}

// RetireLog retires a log for good: its anchors stay readable, later
// anchors fail with [ErrLogRetired], its key can no longer be rotated. It is
// the way out of a log frozen by a bad anchor; register its successor with
// [Client.RegisterSuccessor]. The reason must not be empty
// ([ErrEmptyReason]); it is kept in contract state. Admin only.
func (c *Client) RetireLog(ctx context.Context, auth *bind.TransactOpts, logID LogID, reason string) (*types.Receipt, error) {
	return c.transact(ctx, "retireLog", auth, bindings.PackRetireLog(logID, reason))
}

// Retirement returns a log's retirement record ([ErrUnknownLog] if there is
// no such log).
func (c *Client) Retirement(ctx context.Context, logID LogID) (Retirement, error) {
	r, err := call(ctx, c, "retirement", bindings.PackRetirement(logID), bindings.UnpackRetirement)
	if err != nil {
		return Retirement{}, err
	}
	return Retirement{Retired: r.Retired, BlockNumber: r.BlockNumber, Reason: r.Reason}, nil
}

// RegisterSuccessor registers a new log by its origin (its id is
// [LogID](origin)), key and anchorer, as [Client.RegisterLog] does, and links
// it as the successor of the retired log oldLogID. The new log is anchored
// from size 0. It fails with [ErrLogNotRetired] if the old log is not
// retired, [ErrSuccessorExists] if it already has a successor, and
// [ErrLogExists] if the origin is already registered (a successor needs an
// origin of its own). Admin only.
func (c *Client) RegisterSuccessor(ctx context.Context, auth *bind.TransactOpts, oldLogID LogID, origin string, publicKey ed25519.PublicKey, anchorer common.Address) (*types.Receipt, error) {
	pk, err := key32("registerSuccessor", publicKey)
	if err != nil {
		return nil, err
	}
	return c.transact(ctx, "registerSuccessor", auth, bindings.PackRegisterSuccessor(oldLogID, LogIDFor(origin), origin, pk, anchorer))
}

// Successor returns the id of the log registered as logID's successor;
// ok is false when it has none.
func (c *Client) Successor(ctx context.Context, logID LogID) (id LogID, ok bool, err error) {
	id, err = call(ctx, c, "successorOf", bindings.PackSuccessorOf(logID), bindings.UnpackSuccessorOf)
	return id, err == nil && id != [32]byte{}, err
}

// Predecessor returns the id of the log that logID succeeds; ok is false
// when it succeeds none.
func (c *Client) Predecessor(ctx context.Context, logID LogID) (id LogID, ok bool, err error) {
	id, err = call(ctx, c, "predecessorOf", bindings.PackPredecessorOf(logID), bindings.UnpackPredecessorOf)
	return id, err == nil && id != [32]byte{}, err
}

// RotateKey declares newKey as the key of the log's checkpoints of sizes
// fromSize and up. fromSize must exceed the latest anchored size
// ([ErrRotationBelowAnchored]) and the previous rotation's fromSize
// ([ErrRotationOutOfOrder]), so the key of an anchored checkpoint never
// changes. Refused for a retired log ([ErrLogRetired]). Admin only.
func (c *Client) RotateKey(ctx context.Context, auth *bind.TransactOpts, logID LogID, newKey ed25519.PublicKey, fromSize uint64) (*types.Receipt, error) {
	pk, err := key32("rotateKey", newKey)
	if err != nil {
		return nil, err
	}
	return c.transact(ctx, "rotateKey", auth, bindings.PackRotateKey(logID, pk, fromSize))
}

// KeyAt returns the key that signs the log's checkpoint of treeSize: the key
// with the greatest FromSize at or below treeSize. For a treeSize at or
// below the latest anchored size the answer never changes.
func (c *Client) KeyAt(ctx context.Context, logID LogID, treeSize uint64) (LogKey, error) {
	k, err := call(ctx, c, "keyAt", bindings.PackKeyAt(logID, treeSize), bindings.UnpackKeyAt)
	if err != nil {
		return LogKey{}, err
	}
	return logKey(k), nil
}

// Keys lists a log's keys in order: the registration key (FromSize 0), then
// each rotation.
func (c *Client) Keys(ctx context.Context, logID LogID) ([]LogKey, error) {
	ks, err := call(ctx, c, "keys", bindings.PackKeys(logID), bindings.UnpackKeys)
	if err != nil {
		return nil, err
	}
	out := make([]LogKey, len(ks))
	for i, k := range ks {
		out[i] = logKey(k)
	}
	return out, nil
}

// CheckpointKey returns the key a verifier must check a signed checkpoint
// with: the key registered for the checkpoint's log (named by its origin
// line) and valid for its tree size. Open the note with it, named by the
// origin. An unregistered origin is [ErrUnknownLog].
func (c *Client) CheckpointKey(ctx context.Context, origin string, treeSize uint64) (ed25519.PublicKey, error) {
	k, err := c.KeyAt(ctx, LogIDFor(origin), treeSize)
	if err != nil {
		return nil, err
	}
	return k.PublicKey, nil
}

// KeyForSize picks from keys, as listed by [Client.Keys], the key of a
// checkpoint of treeSize, as the contract's keyAt does: for a verifier that
// read the list once and checks many checkpoints. keys must start at
// FromSize 0 and strictly grow ([ErrInvalidArgument] otherwise).
func KeyForSize(keys []LogKey, treeSize uint64) (LogKey, error) {
	if len(keys) == 0 {
		return LogKey{}, fmt.Errorf("%w: no keys", ErrInvalidArgument)
	}
	if keys[0].FromSize != 0 {
		return LogKey{}, fmt.Errorf("%w: first key starts at size %d, want 0", ErrInvalidArgument, keys[0].FromSize)
	}
	best := 0
	for i := 1; i < len(keys); i++ {
		if keys[i].FromSize <= keys[i-1].FromSize {
			return LogKey{}, fmt.Errorf("%w: key %d starts at size %d, not above key %d's %d", ErrInvalidArgument, i, keys[i].FromSize, i-1, keys[i-1].FromSize)
		}
		if keys[i].FromSize <= treeSize {
			best = i
		}
	}
	return keys[best], nil
}

// OpenDisputes returns how many disputes filer has open (at most its
// [Client.DisputeLimit], unless the admin lowered the limit since).
func (c *Client) OpenDisputes(ctx context.Context, filer common.Address) (uint64, error) {
	n, err := call(ctx, c, "openDisputes", bindings.PackOpenDisputes(filer), bindings.UnpackOpenDisputes)
	if err != nil {
		return 0, err
	}
	return count("openDisputes", n)
}

// OpenDisputeOf returns the id of filer's open dispute against the entry at
// leafIndex of a log, 0 if there is none.
func (c *Client) OpenDisputeOf(ctx context.Context, filer common.Address, logID LogID, leafIndex uint64) (uint64, error) {
	n, err := call(ctx, c, "openDisputeOf", bindings.PackOpenDisputeOf(filer, logID, leafIndex), bindings.UnpackOpenDisputeOf)
	if err != nil {
		return 0, err
	}
	return count("openDisputeOf", n)
}

// SetDisputeLimit sets how many disputes filer may have open at once, for
// an address that files for many people (a lender's dispute desk, package
// registry/desk). limit 0 restores [MaxOpenDisputes]; a limit above
// [MaxDisputeLimit] is refused ([ErrDisputeLimitTooHigh]). A limit below the
// filer's open count refuses its new disputes until enough are resolved.
// Admin only; every other address keeps the default.
func (c *Client) SetDisputeLimit(ctx context.Context, auth *bind.TransactOpts, filer common.Address, limit uint32) (*types.Receipt, error) {
	return c.transact(ctx, "setDisputeLimit", auth, bindings.PackSetDisputeLimit(filer, limit))
}

// DisputeLimit returns how many disputes filer may have open at once:
// [MaxOpenDisputes] unless the admin set another limit for it.
func (c *Client) DisputeLimit(ctx context.Context, filer common.Address) (uint64, error) {
	n, err := call(ctx, c, "disputeLimit", bindings.PackDisputeLimit(filer), bindings.UnpackDisputeLimit)
	if err != nil {
		return 0, err
	}
	return count("disputeLimit", n)
}

func count(method string, n *big.Int) (uint64, error) {
	if !n.IsUint64() {
		return 0, fmt.Errorf("registry: %s: implausible value %s", method, n)
	}
	return n.Uint64(), nil
}

func logKey(k contracts.GlassboxRegistryLogKey) LogKey {
	return LogKey{
		PublicKey:   ed25519.PublicKey(append([]byte(nil), k.PublicKey[:]...)),
		FromSize:    k.FromSize,
		BlockNumber: k.BlockNumber,
	}
}

func key32(method string, k ed25519.PublicKey) ([32]byte, error) {
	var pk [32]byte
	if len(k) != ed25519.PublicKeySize {
		return pk, fmt.Errorf("registry: %s: %w: public key is %d bytes, want %d", method, ErrInvalidArgument, len(k), ed25519.PublicKeySize)
	}
	copy(pk[:], k)
	return pk, nil
}
