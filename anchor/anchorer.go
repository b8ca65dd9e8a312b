package anchor

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/registry"
)

// Chain is what the anchorer needs from an Ethereum node: what the registry
// client reads through ([registry.Backend]: calls, gas estimation, sending,
// receipts, headers, the chain id), the head's number and the mined nonce.
// go-ethereum's *ethclient.Client and the simulated backend's client
// implement it.
type Chain interface {
	registry.Backend
	BlockNumber(ctx context.Context) (uint64, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
}

// Log is what the anchorer reads from a log. *auditlog.Log implements it.
type Log interface {
	Origin() string
	Size() uint64
	Checkpoint(ctx context.Context) (auditlog.SignedCheckpoint, error)
	ConsistencyProof(ctx context.Context, size1, size2 uint64) ([]verify.Hash, error)
}

// Anchorer anchors a log's checkpoints on the GlassboxRegistry contract.
// Create it with [New], run it with [Anchorer.Run]. Its read methods
// ([Anchorer.Latest], [Anchorer.Covering], [Anchorer.WaitAnchored]) are safe
// for concurrent use with Run.
type Anchorer struct {
	log     Log
	chain   Chain
	opts    Options
	state   State
	reg     *registry.Client
	from    common.Address
	logID   registry.LogID
	metrics *metrics
	running atomic.Bool

	// Owned by the Run goroutine.
	started       bool
	chainID       *big.Int
	signer        types.Signer
	pend          *pending
	recent        []Anchor // confirmed anchors, by tree size, that may still be re-checked
	chainSize     uint64   // the contract's latest anchored size, as last read
	lastSend      time.Time
	lastBroadcast time.Time
	strikes       int
	seen          []sighting // log sizes first seen above the anchored size

	mu      sync.Mutex // guards latest and changed
	latest  Anchor     // the latest confirmed anchor; TreeSize 0 if none
	changed chan struct{}
}

type sighting struct {
	size uint64
	at   time.Time
}

// New returns an anchorer of log on the contract opts.Contract, sending
// through chain with opts.Key and keeping its progress in state (for an
// *auditlog.Log, a namespace of its own store: log.Store(DefaultNamespace)).
// It checks the options and reads the confirmed anchors from state; it
// sends nothing and reads nothing from the chain until Run. The state
// belongs to the anchorer while it exists: nothing else may write to it.
func New(log Log, state State, chain Chain, opts Options) (*Anchorer, error) {
	if log == nil || state == nil || chain == nil {
		return nil, fmt.Errorf("%w: nil log, state or chain", ErrInvalidOptions)
	}
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	reg, err := registry.At(chain, o.Contract, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidOptions, err)
	}
	m, err := newMetrics(o.Registerer)
	if err != nil {
		return nil, err
	}
	a := &Anchorer{
		log:     log,
		chain:   chain,
		opts:    o,
		state:   state,
		reg:     reg,
		from:    crypto.PubkeyToAddress(o.Key.PublicKey),
		logID:   registry.LogIDFor(log.Origin()),
		metrics: m,
		changed: make(chan struct{}),
	}
	// The latest confirmed anchor is known before Run, for Covering.
	if err := a.loadAnchors(); err != nil {
		return nil, err
	}
	return a, nil
}

// Address returns the account the anchorer sends from.
func (a *Anchorer) Address() common.Address { return a.from }

// LogID returns the contract's id of the anchored log.
func (a *Anchorer) LogID() registry.LogID { return a.logID }

// Registry returns the client of the anchorer's contract, reading through
// the anchorer's chain (for [VerifyReceipt] and the other checks).
func (a *Anchorer) Registry() *registry.Client { return a.reg }

// Latest returns the latest confirmed anchor; ok is false if there is none.
func (a *Anchorer) Latest() (anc Anchor, ok bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.latest, a.latest.TreeSize > 0
}

// WaitAnchored blocks until a confirmed anchor covers treeSize (its tree
// size is at least treeSize) and returns the latest confirmed anchor, or
// returns ctx's error. It needs Run to be running to make progress.
func (a *Anchorer) WaitAnchored(ctx context.Context, treeSize uint64) (Anchor, error) {
	for {
		a.mu.Lock()
		latest, ch := a.latest, a.changed
		a.mu.Unlock()
		if latest.TreeSize >= treeSize && latest.TreeSize > 0 {
			return latest, nil
		}
		select {
		case <-ctx.Done():
			return Anchor{}, ctx.Err()
		case <-ch:
		}
	}
}

// Covering returns the smallest confirmed anchor whose tree size is at
// least treeSize, or ErrNoAnchor.
func (a *Anchorer) Covering(treeSize uint64) (Anchor, error) {
	return coveringIn(a.state, treeSize)
}

// Anchors returns every confirmed anchor in the store, by tree size.
func (a *Anchorer) Anchors() ([]Anchor, error) { return anchorsIn(a.state) }

// Run anchors until ctx is cancelled, then returns nil. It returns early
// only with an error that retrying cannot fix: the key is not the log's
// anchorer (registry.ErrNotAnchorer), the log is not registered
// (registry.ErrUnknownLog), no contract is at the address
// (registry.ErrNoContract),
// the stored state belongs to another chain (ErrStateMismatch) or is
// corrupt, the contract holds another root for an anchored size
// (ErrRootMismatch), the contract registers another origin or key for the
// log or for the size to anchor (ErrKeyMismatch; the key is read per
// size, registry KeyAt, so a declared rotation takes effect at its size),
// the log does not extend the contract's latest anchor (ErrForked: checked
// on start and before every anchor, with a consistency proof from the
// anchored size), the log was retired (registry.ErrLogRetired), or the log
// was closed (auditlog.ErrClosed). RPC
// errors are retried with jittered exponential backoff. Only one Run may be
// active at a time.
//
// Run persists each transaction (nonce, hash, signed bytes) in its state
// before broadcasting it, and on start reads the contract's latest
// anchor and its stored records before sending anything, so that a restart
// at any point never anchors a size twice and never leaves a transaction
// it sent untracked.
func (a *Anchorer) Run(ctx context.Context) error {
	if !a.running.CompareAndSwap(false, true) {
		return fmt.Errorf("anchor: Run is already running")
	}
	defer a.running.Store(false)
	return a.loop(ctx, a.step, "anchorer stopped")
}

// loop runs step every PollInterval (backing off after failures) until ctx
// ends (nil) or step fails fatally (that error); a's metrics, logger and
// backoff serve the loop, also when step anchors many logs (Many).
func (a *Anchorer) loop(ctx context.Context, step func(context.Context) error, stopped string) error {
	fails := 0
	for {
		err := step(ctx)
		if ctx.Err() != nil {
			return nil
		}
		delay := a.opts.PollInterval
		if err != nil {
			if isFatal(err) {
				a.metrics.failure(FailureFatal)
				a.opts.Logger.Error(stopped, "err", err)
				return err
			}
			fails++
			delay = a.backoff(fails)
			a.opts.Logger.Warn("anchoring step failed; retrying", "err", err, "retry_in", delay, "failures", fails)
		} else {
			fails = 0
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

func isFatal(err error) bool {
	for _, s := range []error{registry.ErrNotAnchorer, registry.ErrUnknownLog, registry.ErrNoContract,
		ErrStateMismatch, ErrCorruptState, ErrRootMismatch, ErrKeyMismatch, ErrForked, registry.ErrLogRetired, auditlog.ErrClosed} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// backoff returns the wait after n consecutive failures: exponential from
// the poll interval, capped, with the upper half jittered.
func (a *Anchorer) backoff(n int) time.Duration {
	d := a.opts.PollInterval
	for i := 1; i < n && d < a.opts.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, a.opts.MaxBackoff)
	if d <= 1 {
		return d
	}
	half := d / 2
	return half + rand.N(half+1)
}

func (a *Anchorer) now() time.Time { return a.opts.Clock() }

// rpcErr counts and wraps a failed node call.
func (a *Anchorer) rpcErr(what string, err error) error {
	a.metrics.failure(FailureRPC)
	return fmt.Errorf("anchor: %s: %w", what, err)
}

// step does one round: start if needed, follow the transaction in flight,
// re-check recent anchors, and anchor if due.
func (a *Anchorer) step(ctx context.Context) error {
	if !a.started {
		if err := a.start(ctx); err != nil {
			return err
		}
	}
	head, err := a.chain.BlockNumber(ctx)
	if err != nil {
		return a.rpcErr("reading the block number", err)
	}
	a.observeLog()
	if a.pend != nil {
		return a.advance(ctx, head)
	}
	if err := a.recheck(ctx, head); err != nil || a.pend != nil {
		return err
	}
	return a.maybeAnchor(ctx)
}

// start checks the chain, the contract's view of the log and the stored
// state, and loads the transaction in flight. It sends nothing.
func (a *Anchorer) start(ctx context.Context) error {
	id, err := a.chain.ChainID(ctx)
	if err != nil {
		return a.rpcErr("reading the chain id", err)
	}
	if !id.IsUint64() {
		return fmt.Errorf("%w: chain id %s does not fit 64 bits", ErrStateMismatch, id)
	}
	info, err := a.reg.Log(ctx, a.logID)
	if err != nil {
		if errors.Is(err, registry.ErrUnknownLog) {
			return fmt.Errorf("anchor: log %q (id %s) on contract %s: register it first (registry RegisterLog): %w",
				a.log.Origin(), a.logID, a.opts.Contract.Hex(), err)
		}
		if errors.Is(err, registry.ErrNoContract) {
			return fmt.Errorf("anchor: %w", err)
		}
		return a.rpcErr("reading the log's registration", err)
	}
	if info.Anchorer != a.from {
		return fmt.Errorf("anchor: %w: log %q names %s as its anchorer on contract %s, but the anchorer's key is %s",
			registry.ErrNotAnchorer, a.log.Origin(), info.Anchorer.Hex(), a.opts.Contract.Hex(), a.from.Hex())
	}
	if info.Origin != a.log.Origin() {
		return fmt.Errorf("%w: contract has origin %q for log %s, the log's origin is %q", ErrKeyMismatch, info.Origin, a.logID, a.log.Origin())
	}
	// Anchoring roots that the registered key does not sign would give
	// receipts nobody can verify: check the log's key against it.
	if err := a.checkRetired(ctx); err != nil {
		return err
	}
	cp, err := a.log.Checkpoint(ctx)
	if err != nil {
		return fmt.Errorf("anchor: signing a checkpoint: %w", err)
	}
	if err := a.checkKey(ctx, cp); err != nil {
		return err
	}
	// The log must extend what the contract holds: a rolled-back or
	// forked log is never anchored.
	latest, err := a.reg.LatestAnchor(ctx, a.logID)
	if err != nil {
		return a.rpcErr("reading the latest anchor", err)
	}
	if err := a.checkExtends(ctx, latest, cp); err != nil {
		return err
	}
	// Bind the state to this chain, contract and log, now that they are
	// known to be right.
	want := meta{ChainID: id.Uint64(), Contract: a.opts.Contract, LogID: a.logID}
	b, ok, err := get(a.state, keyMeta)
	switch {
	case err != nil:
		return fmt.Errorf("anchor: reading state: %w", err)
	case !ok:
		enc, _ := json.Marshal(want)
		if err := a.state.Put(keyMeta, enc); err != nil {
			return fmt.Errorf("anchor: storing state: %w", err)
		}
	default:
		var got meta
		if err := decodeRecord(keyMeta, b, &got); err != nil {
			return err
		}
		if got != want {
			return fmt.Errorf("%w: the state holds anchors of log %s on chain %d contract %s; configured: log %s on chain %d contract %s (give this anchorer a state of its own, e.g. another namespace of the log's store)",
				ErrStateMismatch, got.LogID, got.ChainID, got.Contract.Hex(), want.LogID, want.ChainID, want.Contract.Hex())
		}
	}
	a.chainID = id
	a.signer = types.LatestSignerForChainID(id)
	a.chainSize = info.LatestSize
	if err := a.loadAnchors(); err != nil {
		return err
	}
	b, ok, err = get(a.state, keyPending)
	switch {
	case err != nil:
		return fmt.Errorf("anchor: reading state: %w", err)
	case !ok:
		a.pend = nil
	default:
		p := new(pending)
		if err := decodeRecord(keyPending, b, p); err != nil {
			return err
		}
		if len(p.Attempts) == 0 {
			return fmt.Errorf("%w: pending anchor of size %d has no transaction", ErrCorruptState, p.TreeSize)
		}
		for _, at := range p.Attempts {
			if _, err := at.tx(); err != nil {
				return err
			}
		}
		a.pend = p
		// A crash between storing the confirmed anchor and deleting the
		// pending record leaves both: the anchor wins.
		if c, err := coveringIn(a.state, p.TreeSize); err == nil && c.TreeSize == p.TreeSize && c.Root == p.Root {
			if err := a.state.Delete(keyPending); err != nil {
				return fmt.Errorf("anchor: storing state: %w", err)
			}
			a.pend = nil
		}
	}
	a.lastSend = a.now()
	a.lastBroadcast = time.Time{} // rebroadcast what is in flight once
	a.started = true
	if a.pend != nil {
		a.opts.Logger.Info("anchorer resumed a transaction in flight", "tree_size", a.pend.TreeSize, "nonce", a.pend.Nonce, "attempts", len(a.pend.Attempts))
	}
	a.opts.Logger.Info("anchorer started", "log", a.log.Origin(), "contract", a.opts.Contract.Hex(), "from", a.from.Hex(), "chain_id", id, "anchored_size", a.chainSize)
	return nil
}

// loadAnchors reads the confirmed anchors: the latest one, and the ones
// recent enough to be re-checked.
func (a *Anchorer) loadAnchors() error {
	all, err := anchorsIn(a.state)
	if err != nil {
		return err
	}
	const keep = 256
	if len(all) > keep {
		all = all[len(all)-keep:]
	}
	a.recent = all
	if len(all) > 0 {
		a.setLatest(all[len(all)-1])
		a.metrics.anchoredSize.Set(float64(all[len(all)-1].TreeSize))
	}
	return nil
}

func (a *Anchorer) setLatest(anc Anchor) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.latest = anc
	close(a.changed)
	a.changed = make(chan struct{})
}

func (a *Anchorer) confirmedSize() uint64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.latest.TreeSize
}

// observeLog notes when new entries are first seen, for the lag metrics.
func (a *Anchorer) observeLog() {
	size := a.log.Size()
	anchored := a.confirmedSize()
	now := a.now()
	if size > anchored && (len(a.seen) == 0 || a.seen[len(a.seen)-1].size < size) {
		a.seen = append(a.seen, sighting{size: size, at: now})
	}
	if size >= anchored {
		a.metrics.lagEntries.Set(float64(size - anchored))
	}
	if len(a.seen) > 0 {
		a.metrics.lagSeconds.Set(now.Sub(a.seen[0].at).Seconds())
	} else {
		a.metrics.lagSeconds.Set(0)
	}
}

// maybeAnchor sends an anchor of the log's current checkpoint when the log
// has grown by Entries, or has grown and Interval has passed.
func (a *Anchorer) maybeAnchor(ctx context.Context) error {
	size := a.log.Size()
	if size <= a.chainSize {
		return nil
	}
	if size-a.chainSize < a.opts.Entries && a.now().Sub(a.lastSend) < a.opts.Interval {
		return nil
	}
	cp, err := a.log.Checkpoint(ctx)
	if err != nil {
		return fmt.Errorf("anchor: signing a checkpoint: %w", err)
	}
	if cp.Size <= a.chainSize {
		return nil
	}
	// Read the contract again right before sending.
	latest, err := a.reg.LatestAnchor(ctx, a.logID)
	if err != nil {
		return a.rpcErr("reading the latest anchor", err)
	}
	a.chainSize = latest.TreeSize
	if latest.TreeSize >= cp.Size {
		return nil
	}
	if err := a.checkExtends(ctx, latest, cp); err != nil {
		return err
	}
	if err := a.checkKey(ctx, cp); err != nil {
		return err
	}
	return a.send(ctx, cp.Size, common.Hash(cp.Root), false)
}

// fees returns the tip and fee cap to offer now.
func (a *Anchorer) fees(ctx context.Context) (tip, feeCap *big.Int, err error) {
	tip, err = a.chain.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, nil, a.rpcErr("suggesting a tip", err)
	}
	head, err := a.chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, nil, a.rpcErr("reading the head", err)
	}
	base := head.BaseFee
	if base == nil {
		base = new(big.Int)
	}
	feeCap = new(big.Int).Add(new(big.Int).Mul(base, big.NewInt(2)), tip)
	if mx := a.opts.MaxFeeCap; mx != nil && feeCap.Cmp(mx) > 0 {
		feeCap = new(big.Int).Set(mx)
		if tip.Cmp(feeCap) > 0 {
			tip = new(big.Int).Set(feeCap)
		}
	}
	return tip, feeCap, nil
}

// send starts a new anchor of (size, root): estimate, sign, persist, then
// broadcast.
func (a *Anchorer) send(ctx context.Context, size uint64, root common.Hash, reanchor bool) error {
	data := anchorCalldata(a.logID, size, root)
	to := a.opts.Contract
	gas := a.opts.GasLimit
	if gas == 0 {
		est, err := a.chain.EstimateGas(ctx, ethereum.CallMsg{From: a.from, To: &to, Data: data})
		if err != nil {
			return a.refused(ctx, size, err)
		}
		gas = est + est/4
	}
	nonce, err := a.chain.PendingNonceAt(ctx, a.from)
	if err != nil {
		return a.rpcErr("reading the nonce", err)
	}
	tip, feeCap, err := a.fees(ctx)
	if err != nil {
		return err
	}
	at, err := a.sign(nonce, gas, tip, feeCap, data)
	if err != nil {
		return err
	}
	p := &pending{TreeSize: size, Root: root, Nonce: nonce, Gas: gas, Reanchor: reanchor, Created: a.now(), Attempts: []attempt{at}}
	if err := a.savePending(p); err != nil {
		return err
	}
	a.pend = p
	a.lastSend = a.now()
	a.opts.Logger.Info("anchoring", "tree_size", size, "root", root.Hex(), "nonce", nonce, "tx", at.TxHash.Hex(), "reanchor", reanchor)
	return a.broadcast(ctx, at)
}

// refused interprets a failed gas estimate: the contract's custom error
// says whether to stop (wrong key, unknown log) or to resynchronise.
func (a *Anchorer) refused(ctx context.Context, size uint64, err error) error {
	var ce *registry.ContractError
	if !errors.As(registry.DecodeError(err), &ce) {
		return a.rpcErr("estimating gas", err)
	}
	switch {
	case errors.Is(ce, registry.ErrNotAnchorer):
		return fmt.Errorf("anchor: the contract refused an anchor from %s for log %q: %w", a.from.Hex(), a.log.Origin(), ce)
	case errors.Is(ce, registry.ErrUnknownLog):
		return fmt.Errorf("anchor: log %q: %w", a.log.Origin(), ce)
	case errors.Is(ce, registry.ErrLogRetired):
		return fmt.Errorf("anchor: log %q was retired on contract %s: it takes no more anchors; anchor its successor instead: %w", a.log.Origin(), a.opts.Contract.Hex(), ce)
	case errors.Is(ce, registry.ErrSizeNotGrowing):
		latest, lerr := a.reg.LatestAnchor(ctx, a.logID)
		if lerr != nil {
			return a.rpcErr("reading the latest anchor", lerr)
		}
		a.chainSize = latest.TreeSize
		a.opts.Logger.Info("size already anchored on the contract", "tree_size", size, "contract_size", latest.TreeSize)
		return nil
	}
	a.metrics.failure(FailureReverted)
	return fmt.Errorf("anchor: the contract would revert the anchor of size %d: %w", size, ce)
}

func (a *Anchorer) sign(nonce, gas uint64, tip, feeCap *big.Int, data []byte) (attempt, error) {
	to := a.opts.Contract
	tx, err := types.SignNewTx(a.opts.Key, a.signer, &types.DynamicFeeTx{
		ChainID:   a.chainID,
		Nonce:     nonce,
		GasTipCap: tip,
		GasFeeCap: feeCap,
		Gas:       gas,
		To:        &to,
		Data:      data,
	})
	if err != nil {
		return attempt{}, fmt.Errorf("anchor: signing: %w", err)
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		return attempt{}, fmt.Errorf("anchor: encoding the transaction: %w", err)
	}
	return attempt{TxHash: tx.Hash(), Raw: raw, SentAt: a.now()}, nil
}

func (a *Anchorer) savePending(p *pending) error {
	b, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("anchor: encoding state: %w", err)
	}
	if err := a.state.Put(keyPending, b); err != nil {
		return fmt.Errorf("anchor: storing the transaction before sending it: %w", err)
	}
	return nil
}

func (a *Anchorer) dropPending() error {
	if err := a.state.Delete(keyPending); err != nil {
		return fmt.Errorf("anchor: storing state: %w", err)
	}
	a.pend = nil
	a.strikes = 0
	return nil
}

// broadcast sends a signed transaction. A node that already has it, or
// has already mined its nonce, is not an error: the receipts tell.
func (a *Anchorer) broadcast(ctx context.Context, at attempt) error {
	tx, err := at.tx()
	if err != nil {
		return err
	}
	err = a.chain.SendTransaction(ctx, tx)
	if err == nil {
		a.lastBroadcast = a.now()
		return nil
	}
	msg := strings.ToLower(err.Error())
	switch {
	case strings.Contains(msg, "already known"), strings.Contains(msg, "already imported"),
		strings.Contains(msg, "known transaction"), strings.Contains(msg, "nonce too low"):
		a.lastBroadcast = a.now()
		return nil
	case strings.Contains(msg, "underpriced"):
		// Something pays more for this nonce; replacing will outbid it.
		a.lastBroadcast = a.now()
		a.opts.Logger.Warn("node refused the transaction as underpriced", "tx", at.TxHash.Hex(), "err", err)
		return nil
	case strings.Contains(msg, "insufficient funds"):
		a.metrics.failure(FailureFunds)
		return fmt.Errorf("anchor: account %s cannot pay for the anchor: %w", a.from.Hex(), err)
	}
	return a.rpcErr("broadcasting "+at.TxHash.Hex(), err)
}

// rebroadcastEvery is how often a transaction in flight is sent again, for
// nodes that lost it (a restart empties a node's pool).
func (a *Anchorer) rebroadcastEvery() time.Duration {
	return max(a.opts.ReplaceAfter/4, a.opts.PollInterval)
}

// Polls of a used nonce without a receipt of ours before the nonce counts
// as taken by another transaction, and before giving up on a receipt when
// the contract shows our root.
const (
	minNonceStrikes   = 3
	maxReceiptStrikes = 100
)

// advance follows the transaction in flight: confirm it, replace it when
// stuck, or send it again.
func (a *Anchorer) advance(ctx context.Context, head uint64) error {
	p := a.pend
	for i := len(p.Attempts) - 1; i >= 0; i-- {
		rc, err := a.chain.TransactionReceipt(ctx, p.Attempts[i].TxHash)
		if errors.Is(err, ethereum.NotFound) || (err == nil && rc == nil) {
			continue
		}
		if err != nil {
			return a.rpcErr("reading a receipt", err)
		}
		return a.onReceipt(ctx, head, p, i, rc)
	}
	mined, err := a.chain.NonceAt(ctx, a.from, nil)
	if err != nil {
		return a.rpcErr("reading the nonce", err)
	}
	if mined > p.Nonce {
		// Our nonce is used, but by none of our transactions, or the
		// node has not indexed the receipt yet: look a few times first.
		a.strikes++
		if a.strikes < minNonceStrikes {
			return nil
		}
		return a.nonceTaken(ctx, p)
	}
	a.strikes = 0
	last := p.Attempts[len(p.Attempts)-1]
	now := a.now()
	if mined < p.Nonce {
		// A nonce below ours is not mined: typically a reorg dropped the
		// transaction of an earlier anchor. Higher fees cannot fill a
		// gap; sending those transactions again can. The re-check of
		// confirmed anchors confirms them again once this one is done.
		return a.fillGap(ctx, mined, p)
	}
	if now.Sub(last.SentAt) >= a.opts.ReplaceAfter {
		return a.replace(ctx, p)
	}
	if a.lastBroadcast.IsZero() || now.Sub(a.lastBroadcast) >= a.rebroadcastEvery() {
		return a.broadcast(ctx, last)
	}
	return nil
}

// fillGap sends again the stored transactions of confirmed anchors whose
// nonces lie between the mined nonce and the one in flight, then the one in
// flight, at most every rebroadcast interval.
func (a *Anchorer) fillGap(ctx context.Context, mined uint64, p *pending) error {
	now := a.now()
	if !a.lastBroadcast.IsZero() && now.Sub(a.lastBroadcast) < a.rebroadcastEvery() {
		return nil
	}
	var known []Anchor
	for _, anc := range a.recent {
		if anc.Nonce >= mined && anc.Nonce < p.Nonce && len(anc.RawTx) > 0 {
			known = append(known, anc)
		}
	}
	slices.SortFunc(known, func(x, y Anchor) int { return cmp.Compare(x.Nonce, y.Nonce) })
	a.opts.Logger.Warn("nonces below the anchor in flight are not mined; sending their transactions again",
		"mined_nonce", mined, "nonce", p.Nonce, "known", len(known))
	for _, anc := range known {
		if err := a.broadcast(ctx, attempt{TxHash: anc.TxHash, Raw: anc.RawTx}); err != nil {
			return err
		}
	}
	return a.broadcast(ctx, p.Attempts[len(p.Attempts)-1])
}

// onReceipt handles a mined transaction of the anchor in flight.
func (a *Anchorer) onReceipt(ctx context.Context, head uint64, p *pending, i int, rc *types.Receipt) error {
	if rc.BlockNumber == nil {
		return nil
	}
	block := rc.BlockNumber.Uint64()
	if rc.Status != types.ReceiptStatusSuccessful {
		a.metrics.failure(FailureReverted)
		a.opts.Logger.Warn("anchoring transaction reverted", "tx", rc.TxHash.Hex(), "block", block, "tree_size", p.TreeSize)
		if err := a.dropPending(); err != nil {
			return err
		}
		// Find out why by asking again: a lost role stops Run, a size
		// anchored meanwhile resynchronises, anything else retries.
		data := anchorCalldata(a.logID, p.TreeSize, p.Root)
		to := a.opts.Contract
		if _, err := a.chain.EstimateGas(ctx, ethereum.CallMsg{From: a.from, To: &to, Data: data}); err != nil {
			return a.refused(ctx, p.TreeSize, err)
		}
		return fmt.Errorf("anchor: transaction %s anchoring size %d reverted (gas used %d of %d)", rc.TxHash.Hex(), p.TreeSize, rc.GasUsed, p.Gas)
	}
	if head+1 < block+a.opts.Confirmations {
		return nil // not deep enough yet
	}
	hdr, err := a.chain.HeaderByNumber(ctx, rc.BlockNumber)
	if err != nil {
		if errors.Is(err, ethereum.NotFound) {
			return nil
		}
		return a.rpcErr("reading a header", err)
	}
	if hdr.Hash() != rc.BlockHash {
		return nil // a reorg is under way; look again later
	}
	on, err := a.reg.RootAt(ctx, a.logID, p.TreeSize)
	if err != nil {
		if errors.Is(err, registry.ErrNotAnchored) {
			return nil // the receipt is older than the state we read
		}
		return a.rpcErr("reading the anchored root", err)
	}
	if on.Root != p.Root {
		return &RootMismatchError{LogID: a.logID, TreeSize: p.TreeSize, Claimed: p.Root, ChainRoot: on.Root, Block: on.BlockNumber}
	}
	anc := Anchor{
		ChainID:     a.chainID.Uint64(),
		Contract:    a.opts.Contract,
		LogID:       a.logID,
		TreeSize:    p.TreeSize,
		Root:        p.Root,
		TxHash:      rc.TxHash,
		BlockNumber: block,
		BlockHash:   rc.BlockHash,
		GasUsed:     rc.GasUsed,
		Nonce:       p.Nonce,
		ConfirmedAt: a.now(),
		RawTx:       p.Attempts[i].Raw,
	}
	if err := a.storeAnchor(anc); err != nil {
		return err
	}
	if err := a.dropPending(); err != nil {
		return err
	}
	if p.TreeSize > a.chainSize {
		a.chainSize = p.TreeSize
	}
	a.confirmed(anc)
	a.opts.Logger.Info("anchor confirmed", "tree_size", anc.TreeSize, "block", anc.BlockNumber, "tx", anc.TxHash.Hex(), "gas_used", anc.GasUsed)
	return nil
}

func (a *Anchorer) storeAnchor(anc Anchor) error {
	b, err := json.Marshal(anc)
	if err != nil {
		return fmt.Errorf("anchor: encoding state: %w", err)
	}
	if err := a.state.Put(anchorKey(anc.TreeSize), b); err != nil {
		return fmt.Errorf("anchor: storing a confirmed anchor: %w", err)
	}
	return nil
}

// confirmed updates memory and metrics after a confirmed anchor is stored.
func (a *Anchorer) confirmed(anc Anchor) {
	// Keep recent sorted by tree size; a re-anchor replaces its entry.
	out := a.recent[:0]
	for _, r := range a.recent {
		if r.TreeSize != anc.TreeSize {
			out = append(out, r)
		}
	}
	a.recent = append(out, anc)
	for j := len(a.recent) - 1; j > 0 && a.recent[j].TreeSize < a.recent[j-1].TreeSize; j-- {
		a.recent[j], a.recent[j-1] = a.recent[j-1], a.recent[j]
	}
	now := a.now()
	covered := 0
	for covered < len(a.seen) && a.seen[covered].size <= anc.TreeSize {
		covered++
	}
	if covered > 0 {
		a.metrics.latency.Observe(now.Sub(a.seen[0].at).Seconds())
		a.seen = append(a.seen[:0], a.seen[covered:]...)
	}
	a.metrics.anchors.Inc()
	a.metrics.gasUsed.Add(float64(anc.GasUsed))
	latest := a.recent[len(a.recent)-1]
	a.metrics.anchoredSize.Set(float64(latest.TreeSize))
	a.setLatest(latest)
}

// replace sends the anchor in flight again with the same nonce and fees
// raised by FeeBumpPercent (at least), persisting it first.
func (a *Anchorer) replace(ctx context.Context, p *pending) error {
	last := p.Attempts[len(p.Attempts)-1]
	old, err := last.tx()
	if err != nil {
		return err
	}
	tip, feeCap := bumpFees(old.GasTipCap(), old.GasFeeCap(), a.opts.FeeBumpPercent)
	curTip, curCap, err := a.fees(ctx)
	if err != nil {
		return err
	}
	if curTip.Cmp(tip) > 0 {
		tip = curTip
	}
	if curCap.Cmp(feeCap) > 0 {
		feeCap = curCap
	}
	if tip.Cmp(feeCap) > 0 {
		feeCap = new(big.Int).Set(tip)
	}
	if mx := a.opts.MaxFeeCap; mx != nil && feeCap.Cmp(mx) > 0 {
		if old.GasFeeCap().Cmp(mx) >= 0 {
			a.opts.Logger.Warn("transaction stuck at the maximum fee cap", "tx", last.TxHash.Hex(), "max_fee_cap", mx)
			if a.now().Sub(a.lastBroadcast) >= a.rebroadcastEvery() {
				return a.broadcast(ctx, last)
			}
			return nil
		}
		feeCap = new(big.Int).Set(mx)
		if tip.Cmp(feeCap) > 0 {
			tip = new(big.Int).Set(feeCap)
		}
	}
	at, err := a.sign(p.Nonce, p.Gas, tip, feeCap, old.Data())
	if err != nil {
		return err
	}
	p.Attempts = append(p.Attempts, at)
	if err := a.savePending(p); err != nil {
		p.Attempts = p.Attempts[:len(p.Attempts)-1]
		return err
	}
	a.metrics.failure(FailureStuck)
	a.opts.Logger.Warn("replacing a stuck anchoring transaction", "tree_size", p.TreeSize, "nonce", p.Nonce,
		"old_tx", last.TxHash.Hex(), "new_tx", at.TxHash.Hex(), "tip", tip, "fee_cap", feeCap)
	return a.broadcast(ctx, at)
}

// bumpFees raises tip and fee cap by percent, rounding up, and by at least
// one wei, as nodes require of a replacement.
func bumpFees(tip, feeCap *big.Int, percent uint64) (*big.Int, *big.Int) {
	up := func(x *big.Int) *big.Int {
		n := new(big.Int).Mul(x, new(big.Int).SetUint64(100+percent))
		n.Add(n, big.NewInt(99))
		n.Div(n, big.NewInt(100))
		if n.Cmp(x) <= 0 {
			n.Add(x, big.NewInt(1))
		}
		return n
	}
	return up(tip), up(feeCap)
}

// nonceTaken handles an anchor whose nonce was used by a transaction that
// is none of its attempts.
func (a *Anchorer) nonceTaken(ctx context.Context, p *pending) error {
	a.metrics.failure(FailureNonce)
	latest, err := a.reg.LatestAnchor(ctx, a.logID)
	if err != nil {
		return a.rpcErr("reading the latest anchor", err)
	}
	a.chainSize = latest.TreeSize
	a.opts.Logger.Warn("the anchor's nonce was used by another transaction", "nonce", p.Nonce, "tree_size", p.TreeSize, "contract_size", latest.TreeSize)
	if latest.TreeSize >= p.TreeSize {
		// Our root at our size means one of our transactions did it and
		// the node has not served its receipt yet: keep looking for a
		// while. Otherwise the contract is past it: nothing to send.
		on, err := a.reg.RootAt(ctx, a.logID, p.TreeSize)
		if err == nil && on.Root == [32]byte(p.Root) && a.strikes < maxReceiptStrikes {
			return nil
		}
		return a.dropPending()
	}
	reanchor := p.Reanchor
	if err := a.dropPending(); err != nil {
		return err
	}
	return a.send(ctx, p.TreeSize, p.Root, reanchor)
}

// recheck looks at the confirmed anchors still within RecheckDepth of the
// head. One whose block is no longer canonical, and whose transaction was
// not mined again elsewhere, becomes the anchor in flight again: its signed
// transaction is sent as it was.
func (a *Anchorer) recheck(ctx context.Context, head uint64) error {
	var keep []Anchor
	for idx, anc := range a.recent {
		if anc.BlockNumber+a.opts.RecheckDepth < head {
			continue // deep enough: no longer re-checked
		}
		hdr, err := a.chain.HeaderByNumber(ctx, new(big.Int).SetUint64(anc.BlockNumber))
		if err != nil && !errors.Is(err, ethereum.NotFound) {
			a.recent = append(keep, a.recent[idx:]...)
			return a.rpcErr("re-checking an anchor", err)
		}
		if err == nil && hdr.Hash() == anc.BlockHash {
			keep = append(keep, anc)
			continue
		}
		a.recent = append(keep, a.recent[idx:]...)
		return a.reorged(ctx, anc)
	}
	a.recent = keep
	return nil
}

// reorged handles a confirmed anchor whose block left the canonical chain.
func (a *Anchorer) reorged(ctx context.Context, anc Anchor) error {
	a.metrics.failure(FailureReorg)
	a.opts.Logger.Warn("a reorg dropped a confirmed anchor", "tree_size", anc.TreeSize, "block", anc.BlockNumber, "tx", anc.TxHash.Hex())
	p := &pending{
		TreeSize: anc.TreeSize,
		Root:     anc.Root,
		Nonce:    anc.Nonce,
		Reanchor: true,
		Created:  a.now(),
		Attempts: []attempt{{TxHash: anc.TxHash, Raw: anc.RawTx, SentAt: a.now()}},
	}
	tx, err := p.Attempts[0].tx()
	if err != nil {
		return err
	}
	p.Gas = tx.Gas()
	// Pending first, then forget the confirmation: a crash in between
	// finds both and confirms again.
	if err := a.savePending(p); err != nil {
		return err
	}
	if err := a.state.Delete(anchorKey(anc.TreeSize)); err != nil {
		return fmt.Errorf("anchor: storing state: %w", err)
	}
	out := a.recent[:0]
	for _, r := range a.recent {
		if r.TreeSize != anc.TreeSize {
			out = append(out, r)
		}
	}
	a.recent = out
	a.pend = p
	a.lastBroadcast = time.Time{}
	// The latest confirmed anchor may now be an older one.
	if err := a.reloadLatest(); err != nil {
		return err
	}
	return a.broadcast(ctx, p.Attempts[0])
}

func (a *Anchorer) reloadLatest() error {
	all, err := anchorsIn(a.state)
	if err != nil {
		return err
	}
	var latest Anchor
	if len(all) > 0 {
		latest = all[len(all)-1]
	}
	a.metrics.anchoredSize.Set(float64(latest.TreeSize))
	a.setLatest(latest)
	return nil
}

func anchorsIn(st State) ([]Anchor, error) {
	var out []Anchor
	err := st.Scan(prefixAnchor, func(k, v []byte) error {
		var anc Anchor
		if err := decodeRecord(k, v, &anc); err != nil {
			return err
		}
		out = append(out, anc)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("anchor: reading anchors: %w", err)
	}
	return out, nil
}

func coveringIn(st State, size uint64) (Anchor, error) {
	var found *Anchor
	err := st.Scan(prefixAnchor, func(k, v []byte) error {
		var anc Anchor
		if err := decodeRecord(k, v, &anc); err != nil {
			return err
		}
		if anc.TreeSize >= size {
			found = &anc
			return errStop
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return Anchor{}, fmt.Errorf("anchor: reading anchors: %w", err)
	}
	if found == nil {
		return Anchor{}, fmt.Errorf("%w: tree size %d", ErrNoAnchor, size)
	}
	return *found, nil
}
