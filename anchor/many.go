package anchor

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/glassbox-audit/glassbox/contracts"
	"github.com/glassbox-audit/glassbox/registry"
)

// Member is one log of a [Many] anchorer: the log and the state where its
// progress is kept (a namespace of that log's own store).
type Member struct {
	Log   Log
	State State
}

// Many anchors several logs on one contract from one account: each
// interval, the latest checkpoints of all the logs that grew go out in ONE
// anchorMany transaction. Each log keeps its own progress in its own state,
// exactly as with a single-log [Anchorer] (one per log, made by [New] and
// driven by Many), so that a log's state can be read by [Anchorer.Covering]
// and [AttachProof] whether one anchorer or many anchored it; a reorg, a
// stuck or reverted transaction and a restart are handled per log by the
// single-log machinery. The batch's transaction is recorded as the anchor in
// flight of every log it carries; its replacements are recorded in all of
// them before they are broadcast.
type Many struct {
	members []*Anchorer
	opts    Options
	started bool
	last    time.Time // when the latest batch was sent
}

// NewMany returns an anchorer of the members' logs with opts (the same key
// and contract for all; every log must name the key's address as its
// anchorer). Origins must be distinct. opts.Registerer, if set, receives
// the metrics of the first log only; each log's metrics otherwise stay
// unregistered.
func NewMany(members []Member, chain Chain, opts Options) (*Many, error) {
	if len(members) == 0 {
		return nil, fmt.Errorf("%w: no logs", ErrInvalidOptions)
	}
	m := &Many{}
	seen := map[registry.LogID]bool{}
	for i, mb := range members {
		o := opts
		if i > 0 {
			o.Registerer = nil
		}
		if mb.Log == nil {
			return nil, fmt.Errorf("%w: log %d is nil", ErrInvalidOptions, i)
		}
		a, err := New(mb.Log, mb.State, chain, o)
		if err != nil {
			return nil, fmt.Errorf("anchor: log %d (%q): %w", i, mb.Log.Origin(), err)
		}
		if seen[a.logID] {
			return nil, fmt.Errorf("%w: log %q given twice", ErrInvalidOptions, mb.Log.Origin())
		}
		seen[a.logID] = true
		m.members = append(m.members, a)
	}
	m.opts = m.members[0].opts
	return m, nil
}

// Anchorers returns the per-log anchorers, in the order given to NewMany,
// for their read methods (Latest, Covering, WaitAnchored, Anchors). Do not
// Run them: Many runs them.
func (m *Many) Anchorers() []*Anchorer { return append([]*Anchorer(nil), m.members...) }

// Run anchors until ctx is cancelled, then returns nil. It returns early,
// naming the log, with an error that retrying cannot fix, as
// [Anchorer.Run] does for one log.
func (m *Many) Run(ctx context.Context) error {
	for _, a := range m.members {
		if !a.running.CompareAndSwap(false, true) {
			return fmt.Errorf("anchor: log %q is already being anchored", a.log.Origin())
		}
		defer a.running.Store(false)
	}
	// The first log's anchorer lends the loop its options (m.opts),
	// metrics and backoff.
	return m.members[0].loop(ctx, m.step, "anchorer of many logs stopped")
}

func (m *Many) step(ctx context.Context) error {
	if !m.started {
		for _, a := range m.members {
			if err := a.start(ctx); err != nil {
				return fmt.Errorf("log %q: %w", a.log.Origin(), err)
			}
		}
		m.last = m.members[0].now()
		m.started = true
	}
	lead := m.members[0]
	head, err := lead.chain.BlockNumber(ctx)
	if err != nil {
		return lead.rpcErr("reading the block number", err)
	}
	var errs []error
	for _, a := range m.members {
		a.observeLog()
		if a.pend != nil {
			m.syncAttempts(a)
			err := a.advance(ctx, head)
			if err == nil {
				m.shareAttempts(a)
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("log %q: %w", a.log.Origin(), err))
			}
			continue
		}
		if err := a.recheck(ctx, head); err != nil {
			errs = append(errs, fmt.Errorf("log %q: %w", a.log.Origin(), err))
		}
	}
	if err := firstFatal(errs); err != nil {
		return err
	}
	if err := m.maybeAnchor(ctx); err != nil {
		errs = append(errs, err)
	}
	if err := firstFatal(errs); err != nil {
		return err
	}
	return errors.Join(errs...)
}

func firstFatal(errs []error) error {
	for _, e := range errs {
		if isFatal(e) {
			return e
		}
	}
	return nil
}

// syncAttempts gives a's anchor in flight the attempts that another log's
// copy of the same transaction (same nonce) has and a's lacks, so that a
// replacement made while following one log is known to all and no log
// replaces it again.
func (m *Many) syncAttempts(a *Anchorer) {
	for _, b := range m.members {
		if b == a || b.pend == nil || b.pend.Nonce != a.pend.Nonce || len(b.pend.Attempts) <= len(a.pend.Attempts) {
			continue
		}
		if b.pend.Attempts[0].TxHash != a.pend.Attempts[0].TxHash {
			continue // another transaction that happens to have the nonce
		}
		p := *a.pend
		p.Attempts = append([]attempt(nil), b.pend.Attempts...)
		if err := a.savePending(&p); err != nil {
			return // stays as it was; advance retries
		}
		a.pend = &p
		a.lastBroadcast = b.lastBroadcast
	}
}

// shareAttempts records a's attempts in the other logs carried by the same
// transaction.
func (m *Many) shareAttempts(a *Anchorer) {
	if a.pend == nil {
		return
	}
	for _, b := range m.members {
		if b != a && b.pend != nil {
			m.syncAttempts(b)
		}
	}
}

// due reports whether a should be in the next batch, with its checkpoint.
func (m *Many) batchItem(ctx context.Context, a *Anchorer) (registry.Anchor, bool, error) {
	size := a.log.Size()
	if size <= a.chainSize {
		return registry.Anchor{}, false, nil // did not grow: left out
	}
	cp, err := a.log.Checkpoint(ctx)
	if err != nil {
		return registry.Anchor{}, false, fmt.Errorf("anchor: log %q: signing a checkpoint: %w", a.log.Origin(), err)
	}
	latest, err := a.reg.LatestAnchor(ctx, a.logID)
	if err != nil {
		return registry.Anchor{}, false, a.rpcErr("reading the latest anchor", err)
	}
	a.chainSize = latest.TreeSize
	if cp.Size <= latest.TreeSize {
		return registry.Anchor{}, false, nil
	}
	if err := a.checkExtends(ctx, latest, cp); err != nil {
		return registry.Anchor{}, false, fmt.Errorf("log %q: %w", a.log.Origin(), err)
	}
	if err := a.checkKey(ctx, cp); err != nil {
		return registry.Anchor{}, false, fmt.Errorf("log %q: %w", a.log.Origin(), err)
	}
	return registry.Anchor{LogID: a.logID, TreeSize: cp.Size, Root: cp.Root}, true, nil
}

// maybeAnchor sends one anchorMany of every idle log that grew, when one
// of them grew by Entries or Interval has passed since the last batch.
func (m *Many) maybeAnchor(ctx context.Context) error {
	var idle []*Anchorer
	dueNow := m.members[0].now().Sub(m.last) >= m.opts.Interval
	for _, a := range m.members {
		if a.pend != nil || !a.started {
			continue
		}
		size := a.log.Size()
		if size <= a.chainSize {
			continue
		}
		idle = append(idle, a)
		if size-a.chainSize >= m.opts.Entries {
			dueNow = true
		}
	}
	if len(idle) == 0 || !dueNow {
		return nil
	}
	var (
		batch []registry.Anchor
		in    []*Anchorer
	)
	for _, a := range idle {
		item, ok, err := m.batchItem(ctx, a)
		if err != nil {
			return err
		}
		if ok {
			batch = append(batch, item)
			in = append(in, a)
		}
	}
	if len(batch) == 0 {
		return nil
	}
	return m.send(ctx, in, batch)
}

// AnchorManyCalldata is the calldata of anchorMany for batch: what the
// anchorer of many logs sends and what a receipt's transaction then carries
// (see [VerifyReceipt]).
func AnchorManyCalldata(batch []registry.Anchor) []byte {
	ids := make([][32]byte, len(batch))
	sizes := make([]uint64, len(batch))
	roots := make([][32]byte, len(batch))
	for i, b := range batch {
		ids[i], sizes[i], roots[i] = b.LogID, b.TreeSize, b.Root
	}
	return registry.Bindings().PackAnchorMany(ids, sizes, roots)
}

func (m *Many) send(ctx context.Context, in []*Anchorer, batch []registry.Anchor) error {
	lead := in[0]
	data := AnchorManyCalldata(batch)
	to := m.opts.Contract
	gas := m.opts.GasLimit
	if gas == 0 {
		est, err := lead.chain.EstimateGas(ctx, ethereum.CallMsg{From: lead.from, To: &to, Data: data})
		if err != nil {
			// All or none: find out which log the contract refuses, as
			// the single-log anchorer would for it.
			for i, a := range in {
				one := anchorCalldata(a.logID, batch[i].TreeSize, batch[i].Root)
				if _, e := a.chain.EstimateGas(ctx, ethereum.CallMsg{From: a.from, To: &to, Data: one}); e != nil {
					if rerr := a.refused(ctx, batch[i].TreeSize, e); rerr != nil {
						return fmt.Errorf("log %q: %w", a.log.Origin(), rerr)
					}
				}
			}
			return lead.rpcErr("estimating gas of anchorMany", err)
		}
		gas = est + est/4
	}
	nonce, err := lead.chain.PendingNonceAt(ctx, lead.from)
	if err != nil {
		return lead.rpcErr("reading the nonce", err)
	}
	tip, feeCap, err := lead.fees(ctx)
	if err != nil {
		return err
	}
	at, err := lead.sign(nonce, gas, tip, feeCap, data)
	if err != nil {
		return err
	}
	// Recorded in every log before it is broadcast: a crash after this
	// leaves each log following the same transaction.
	for i, a := range in {
		p := &pending{TreeSize: batch[i].TreeSize, Root: common.Hash(batch[i].Root), Nonce: nonce, Gas: gas, Created: a.now(), Attempts: []attempt{at}}
		if err := a.savePending(p); err != nil {
			return fmt.Errorf("log %q: %w", a.log.Origin(), err)
		}
		a.pend = p
		a.lastSend = a.now()
	}
	m.last = lead.now()
	m.opts.Logger.Info("anchoring many logs", "logs", len(batch), "nonce", nonce, "tx", at.TxHash.Hex(), "gas", gas)
	if err := lead.broadcast(ctx, at); err != nil {
		return err
	}
	for _, a := range in[1:] {
		a.lastBroadcast = lead.lastBroadcast
	}
	return nil
}

// carriesAnchor reports whether data, a transaction's calldata, anchors
// (size, root) of log id: anchor(id, size, root), or an anchorMany whose
// batch holds that triple.
func carriesAnchor(data []byte, id registry.LogID, size uint64, root [32]byte) bool {
	if bytes.Equal(data, anchorCalldata(id, size, root)) {
		return true
	}
	parsed, err := contracts.GlassboxRegistryMetaData.ParseABI()
	if err != nil || len(data) < 4 {
		return false
	}
	method, ok := parsed.Methods["anchorMany"]
	if !ok || !bytes.Equal(data[:4], method.ID) {
		return false
	}
	args, err := method.Inputs.Unpack(data[4:])
	if err != nil || len(args) != 3 {
		return false
	}
	ids, ok1 := args[0].([][32]byte)
	sizes, ok2 := args[1].([]uint64)
	roots, ok3 := args[2].([][32]byte)
	if !ok1 || !ok2 || !ok3 || len(ids) != len(sizes) || len(ids) != len(roots) {
		return false
	}
	for i := range ids {
		if ids[i] == id && sizes[i] == size && roots[i] == root {
			return true
		}
	}
	return false
}
