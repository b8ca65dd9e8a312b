package anchor

import (
	"crypto/ecdsa"
	"fmt"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
)

// Defaults for [Options].
const (
	// DefaultInterval is the longest an appended entry waits before an
	// anchor covering it is sent.
	DefaultInterval = time.Minute
	// DefaultEntries is the number of new entries that triggers an anchor
	// before the interval is up.
	DefaultEntries = 10_000
	// DefaultConfirmations is the number of blocks (the anchoring block
	// included) an anchor waits for before it is recorded as confirmed.
	DefaultConfirmations = 3
	// DefaultPollInterval is how often the anchorer looks at the log and
	// the chain.
	DefaultPollInterval = 2 * time.Second
	// DefaultReplaceAfter is how long a sent transaction may stay unmined
	// before it is replaced with bumped fees.
	DefaultReplaceAfter = 3 * time.Minute
	// DefaultFeeBumpPercent is how much a replacement raises both the tip
	// and the fee cap. Nodes require at least 10.
	DefaultFeeBumpPercent = 25
	// MinFeeBumpPercent is the smallest bump nodes accept for a replacement.
	MinFeeBumpPercent = 10
	// DefaultRecheckDepth is how many blocks below the head confirmed
	// anchors are re-checked for reorgs.
	DefaultRecheckDepth = 64
	// DefaultMaxBackoff caps the wait after repeated RPC errors.
	DefaultMaxBackoff = time.Minute
	// DefaultNamespace is the namespace of an *auditlog.Log's store that
	// holds its anchorer's state by convention (log.Store(DefaultNamespace)):
	// `glassbox anchor` writes it, `glassbox receipt` reads it.
	DefaultNamespace = "anchor"
)

// Options configure an [Anchorer]. Contract and Key are required; every
// other field has a default.
type Options struct {
	// Contract is the address of the GlassboxRegistry contract.
	Contract common.Address
	// Key signs the anchoring transactions. Its address must be the log's
	// anchorer on the contract.
	Key *ecdsa.PrivateKey

	// Interval: an anchor is sent at the latest Interval after the previous
	// one when the log has grown. Default DefaultInterval.
	Interval time.Duration
	// Entries: an anchor is sent as soon as the log has grown by Entries
	// since the latest anchor. Default DefaultEntries.
	Entries uint64
	// Confirmations: blocks, the anchoring block included, before an
	// anchor is confirmed. Default DefaultConfirmations; 1 means "mined".
	Confirmations uint64
	// PollInterval: how often the log and the chain are looked at.
	// Default DefaultPollInterval.
	PollInterval time.Duration
	// ReplaceAfter: an unmined transaction is replaced with bumped fees
	// after this long. Default DefaultReplaceAfter.
	ReplaceAfter time.Duration
	// FeeBumpPercent: how much a replacement raises the tip and the fee
	// cap, at least MinFeeBumpPercent. Default DefaultFeeBumpPercent.
	FeeBumpPercent uint64
	// MaxFeeCap, when set, is the highest fee cap (wei per gas) the
	// anchorer offers; a transaction at the cap is not bumped further.
	MaxFeeCap *big.Int
	// GasLimit, when set, is used instead of the node's estimate.
	GasLimit uint64
	// RecheckDepth: confirmed anchors this many blocks below the head or
	// closer are re-checked for reorgs. Default DefaultRecheckDepth.
	RecheckDepth uint64
	// MaxBackoff caps the jittered exponential wait after RPC errors.
	// Default DefaultMaxBackoff.
	MaxBackoff time.Duration
	// Registerer receives the anchorer's metrics; nil registers none.
	Registerer prometheus.Registerer
	// Logger receives progress and problems; nil discards them.
	Logger *slog.Logger
	// Clock returns the current time; nil is time.Now.
	Clock func() time.Time
}

// withDefaults returns a copy of o with defaults filled in, or an error
// naming the first invalid field.
func (o Options) withDefaults() (Options, error) {
	if o.Contract == (common.Address{}) {
		return o, fmt.Errorf("%w: Contract is the zero address", ErrInvalidOptions)
	}
	if o.Key == nil {
		return o, fmt.Errorf("%w: Key is nil", ErrInvalidOptions)
	}
	if o.Interval == 0 {
		o.Interval = DefaultInterval
	}
	if o.Entries == 0 {
		o.Entries = DefaultEntries
	}
	if o.Confirmations == 0 {
		o.Confirmations = DefaultConfirmations
	}
	if o.PollInterval == 0 {
		o.PollInterval = DefaultPollInterval
	}
	if o.ReplaceAfter == 0 {
		o.ReplaceAfter = DefaultReplaceAfter
	}
	if o.FeeBumpPercent == 0 {
		o.FeeBumpPercent = DefaultFeeBumpPercent
	}
	if o.RecheckDepth == 0 {
		o.RecheckDepth = DefaultRecheckDepth
	}
	if o.MaxBackoff == 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.MaxFeeCap != nil {
		o.MaxFeeCap = new(big.Int).Set(o.MaxFeeCap)
	}
	switch {
	case o.Interval < 0:
		return o, fmt.Errorf("%w: Interval %v is negative", ErrInvalidOptions, o.Interval)
	case o.PollInterval < 0:
		return o, fmt.Errorf("%w: PollInterval %v is negative", ErrInvalidOptions, o.PollInterval)
	case o.ReplaceAfter < 0:
		return o, fmt.Errorf("%w: ReplaceAfter %v is negative", ErrInvalidOptions, o.ReplaceAfter)
	case o.MaxBackoff < 0:
		return o, fmt.Errorf("%w: MaxBackoff %v is negative", ErrInvalidOptions, o.MaxBackoff)
	case o.FeeBumpPercent < MinFeeBumpPercent:
		return o, fmt.Errorf("%w: FeeBumpPercent %d is below %d, which nodes require for a replacement",
			ErrInvalidOptions, o.FeeBumpPercent, MinFeeBumpPercent)
	case o.MaxFeeCap != nil && o.MaxFeeCap.Sign() <= 0:
		return o, fmt.Errorf("%w: MaxFeeCap %s is not positive", ErrInvalidOptions, o.MaxFeeCap)
	}
	return o, nil
}
