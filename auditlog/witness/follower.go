package witness

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// DefaultInterval is how often a [Follower] looks for a new checkpoint to
// have cosigned.
const DefaultInterval = time.Second

// Source is what a [Follower] and [Rebase] need of the log: its signed
// checkpoints and its proofs. *auditlog.Log implements it.
type Source interface {
	Log
	LatestCheckpoint(ctx context.Context) (auditlog.SignedCheckpoint, error)
	CheckpointAt(ctx context.Context, size uint64) (auditlog.SignedCheckpoint, error)
	InclusionProof(ctx context.Context, index, size uint64) ([]verify.Hash, error)
}

// Options configure a [Follower]. The zero value of each field is its
// default.
type Options struct {
	// Witnesses are submitted every new checkpoint. At least one.
	Witnesses []*Witness
	// Threshold is how many of Witnesses must have cosigned a checkpoint
	// for receipts to be built on it ([Follower.Rebase]). 0: all of them.
	Threshold int
	// Interval is how often the log's latest checkpoint is looked at, and
	// how long a witness that failed waits before it is tried again.
	// Default DefaultInterval.
	Interval time.Duration
	// Namespace is the log's store namespace of the cosignatures.
	// Default DefaultNamespace.
	Namespace string
	// Logger gets one warning per failed submission. Default: discard.
	Logger *slog.Logger
	// Registerer gets the follower's metrics (glassbox_witness_*). nil:
	// none are registered.
	Registerer prometheus.Registerer
}

// Follower has every new checkpoint of a log cosigned by its witnesses and
// keeps the cosignatures in the log's store, so that receipts can carry
// them. It owns one goroutine, [Follower.Run]'s caller's: Run submits the
// log's latest checkpoint (signed by the log's own checkpointer) to each
// witness that has not cosigned it, every Interval, until its context ends
// or [Follower.Close] is called.
//
// A witness that refuses or cannot be reached is logged, counted in
// glassbox_witness_refusals_total{witness} and tried again at the next
// round, with the latest checkpoint; nothing is dropped silently, and
// [Follower.Round] returns every failure to a caller that runs rounds
// itself.
//
// A Follower is safe for concurrent use.
type Follower struct {
	lg    Source
	st    State
	opts  Options
	ids   map[string]bool // ids of the witnesses
	met   *followerMetrics
	mu    sync.Mutex // serialises rounds
	state sync.Mutex // guards cosigned
	// cosigned is the largest tree size known to hold Threshold
	// cosignatures (0: none).
	cosigned uint64

	closeOnce sync.Once
	closed    chan struct{}
	runMu     sync.Mutex
	running   chan struct{} // closed when the active Run returns
}

// NewFollower returns a follower of lg, a writable log. opts is not kept;
// its slice is copied. It reads the stored cosignatures once to find the
// latest cosigned checkpoint.
func NewFollower(lg *auditlog.Log, opts *Options) (*Follower, error) {
	if lg == nil {
		return nil, fmt.Errorf("%w: NewFollower: nil log", ErrInvalid)
	}
	o := Options{}
	if opts != nil {
		o = *opts
	}
	o.Witnesses = slices.Clone(o.Witnesses)
	if o.Namespace == "" {
		o.Namespace = DefaultNamespace
	}
	st, err := lg.Store(o.Namespace)
	if err != nil {
		return nil, err
	}
	return newFollower(lg, st, o)
}

func newFollower(lg Source, st State, o Options) (*Follower, error) {
	if len(o.Witnesses) == 0 {
		return nil, fmt.Errorf("%w: a follower needs at least one witness", ErrInvalid)
	}
	ids := map[string]bool{}
	for _, w := range o.Witnesses {
		if w == nil || w.Verifier == nil || w.URL == "" {
			return nil, fmt.Errorf("%w: a witness without a URL or a verifier", ErrInvalid)
		}
		if ids[w.id()] {
			return nil, fmt.Errorf("%w: witness %s given twice", ErrInvalid, w.name())
		}
		ids[w.id()] = true
	}
	if o.Threshold == 0 {
		o.Threshold = len(o.Witnesses)
	}
	if o.Threshold < 0 || o.Threshold > len(o.Witnesses) {
		return nil, fmt.Errorf("%w: threshold %d of %d witnesses", ErrInvalid, o.Threshold, len(o.Witnesses))
	}
	if o.Interval < 0 {
		return nil, fmt.Errorf("%w: negative interval %v", ErrInvalid, o.Interval)
	}
	if o.Interval == 0 {
		o.Interval = DefaultInterval
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	met, err := newFollowerMetrics(o.Registerer, o.Witnesses)
	if err != nil {
		return nil, err
	}
	f := &Follower{lg: lg, st: st, opts: o, ids: ids, met: met, closed: make(chan struct{})}
	size, _, err := LatestCosigned(st, o.Witnesses, o.Threshold)
	if err != nil {
		return nil, err
	}
	f.cosigned = size
	met.cosigned.Set(float64(size))
	return f, nil
}

// Run cosigns until ctx ends or Close is called, one [Follower.Round]
// every Interval. It returns nil after Close, ctx's error when ctx ended,
// and [auditlog.ErrClosed] when the log was closed. Only one Run may be
// active at a time.
func (f *Follower) Run(ctx context.Context) error {
	f.runMu.Lock()
	if f.running != nil {
		f.runMu.Unlock()
		return fmt.Errorf("%w: Follower.Run is already running", ErrInvalid)
	}
	select {
	case <-f.closed:
		f.runMu.Unlock()
		return auditlog.ErrClosed
	default:
	}
	done := make(chan struct{})
	f.running = done
	f.runMu.Unlock()
	defer func() {
		f.runMu.Lock()
		f.running = nil
		f.runMu.Unlock()
		close(done)
	}()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() { // ends with Run: cancel runs on return
		select {
		case <-f.closed:
			cancel()
		case <-ctx.Done():
		}
	}()
	t := time.NewTicker(f.opts.Interval)
	defer t.Stop()
	for {
		_, err := f.Round(ctx)
		switch {
		case errors.Is(err, auditlog.ErrClosed):
			return err
		case ctx.Err() != nil:
			select {
			case <-f.closed:
				return nil
			default:
				return ctx.Err()
			}
		}
		select {
		case <-t.C:
		case <-ctx.Done():
		}
	}
}

// Close stops Run and waits for it to return. Later Runs return
// auditlog.ErrClosed. The log is not closed.
func (f *Follower) Close() error {
	f.closeOnce.Do(func() { close(f.closed) })
	f.runMu.Lock()
	done := f.running
	f.runMu.Unlock()
	if done != nil {
		<-done
	}
	return nil
}

// Round submits the log's latest checkpoint to each witness whose last
// cosigned size is below it, stores what they cosign, and returns the
// report (nil when there is no checkpoint yet or every witness has
// cosigned it) and the joined failures, as [Cosign] does.
func (f *Follower) Round(ctx context.Context) (*Report, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	cp, err := f.lg.LatestCheckpoint(ctx)
	if errors.Is(err, auditlog.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var due []*Witness
	for _, w := range f.opts.Witnesses {
		last, err := LastSize(f.st, w)
		if err != nil {
			return nil, err
		}
		if last < cp.Size {
			due = append(due, w)
		}
	}
	if len(due) == 0 {
		return nil, nil
	}
	rep := &Report{Size: cp.Size}
	for _, w := range due {
		one, err := Cosign(ctx, f.lg, f.st, cp, []*Witness{w})
		rep.Cosigned = append(rep.Cosigned, one.Cosigned...)
		if err != nil {
			rep.Refused = append(rep.Refused, err)
			f.met.refusals.WithLabelValues(w.name()).Inc()
			f.opts.Logger.Warn("witness: checkpoint not cosigned", "size", cp.Size, "witness", w.name(), "err", err)
			continue
		}
		f.met.cosignatures.WithLabelValues(w.name()).Inc()
	}
	err = errors.Join(rep.Refused...)
	by, cerr := cosignedBy(f.st, cp.Size, f.opts.Witnesses)
	if cerr != nil {
		return rep, errors.Join(err, cerr)
	}
	if by >= f.opts.Threshold {
		f.state.Lock()
		if cp.Size > f.cosigned {
			f.cosigned = cp.Size
			f.met.cosigned.Set(float64(cp.Size))
		}
		f.state.Unlock()
	}
	return rep, err
}

// Cosigned returns the largest tree size whose checkpoint holds the
// cosignatures of Threshold witnesses (false when none does yet).
func (f *Follower) Cosigned() (uint64, bool) {
	f.state.Lock()
	defer f.state.Unlock()
	return f.cosigned, f.cosigned > 0
}

// Rebase puts r on the latest cosigned checkpoint ([Follower.Cosigned])
// when that one covers r.Index, with an inclusion proof to it, and
// attaches the checkpoint's stored cosignatures; it returns true then.
//
// When no cosigned checkpoint covers r yet (the entry is newer than the
// last cosigning round, or the witnesses refuse), r keeps its checkpoint,
// with whatever cosignatures are stored for it attached, and Rebase
// returns false: such a receipt verifies without a witness policy, and a
// verifier that requires one rejects it until the receipt is fetched again
// after the witnesses have cosigned a checkpoint that covers it. r.Anchor
// is cleared when r moves (attach the anchor afterwards).
func (f *Follower) Rebase(ctx context.Context, r *receipt.Receipt) (bool, error) {
	size, _ := f.Cosigned()
	return rebaseAt(ctx, f.lg, f.st, r, size)
}

// Rebase is [Follower.Rebase] for a log no follower runs on in this
// process (a read-only server of a log directory): the latest cosigned
// checkpoint is found in st with [LatestCosigned].
func Rebase(ctx context.Context, lg Source, st State, r *receipt.Receipt, ws []*Witness, threshold int) (bool, error) {
	size, _, err := LatestCosigned(st, ws, threshold)
	if err != nil {
		return false, err
	}
	return rebaseAt(ctx, lg, st, r, size)
}

func rebaseAt(ctx context.Context, lg Source, st State, r *receipt.Receipt, size uint64) (bool, error) {
	if r == nil {
		return false, fmt.Errorf("%w: nil receipt", ErrInvalid)
	}
	body, err := noteBody(r.Checkpoint)
	if err != nil {
		return false, err
	}
	cur, err := verify.ParseCheckpoint(body)
	if err != nil {
		return false, fmt.Errorf("%w: the receipt's checkpoint: %w", ErrInvalid, err)
	}
	if size <= r.Index || size == 0 {
		return false, Attach(st, r)
	}
	if size != cur.Size {
		cp, err := lg.CheckpointAt(ctx, size)
		if err != nil {
			return false, fmt.Errorf("witness: the cosigned checkpoint of size %d: %w", size, err)
		}
		p, err := lg.InclusionProof(ctx, r.Index, size)
		if err != nil {
			return false, fmt.Errorf("witness: inclusion proof of %d in %d: %w", r.Index, size, err)
		}
		r.Checkpoint, r.InclusionProof, r.Anchor = cp.Note, p, nil
	}
	return true, Attach(st, r)
}

// LatestCosigned returns the largest tree size that at least threshold of
// ws have cosigned, as stored in st, and how many did. It looks only at
// the sizes each witness cosigned last: in a log whose witnesses are
// submitted every checkpoint together (a [Follower]), that is the latest
// cosigned one. It returns 0 when none is.
func LatestCosigned(st State, ws []*Witness, threshold int) (uint64, int, error) {
	if threshold <= 0 {
		threshold = len(ws)
	}
	var sizes []uint64
	for _, w := range ws {
		s, err := LastSize(st, w)
		if err != nil {
			return 0, 0, err
		}
		if s > 0 {
			sizes = append(sizes, s)
		}
	}
	slices.Sort(sizes)
	sizes = slices.Compact(sizes)
	for i := len(sizes) - 1; i >= 0; i-- {
		n, err := cosignedBy(st, sizes[i], ws)
		if err != nil {
			return 0, 0, err
		}
		if n >= threshold {
			return sizes[i], n, nil
		}
	}
	return 0, 0, nil
}

// cosignedBy counts the witnesses of ws with a stored cosignature of size.
func cosignedBy(st State, size uint64, ws []*Witness) (int, error) {
	n := 0
	for _, w := range ws {
		_, ok, err := get(st, cosigKey(size, w.id()))
		if err != nil {
			return 0, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}

type followerMetrics struct {
	cosignatures *prometheus.CounterVec
	refusals     *prometheus.CounterVec
	cosigned     prometheus.Gauge
}

func newFollowerMetrics(reg prometheus.Registerer, ws []*Witness) (*followerMetrics, error) {
	m := &followerMetrics{
		cosignatures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "glassbox_witness_cosignatures_total",
			Help: "Cosignatures received and stored, by witness.",
		}, []string{"witness"}),
		refusals: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "glassbox_witness_failures_total",
			Help: "Submissions a witness refused or did not answer, by witness.",
		}, []string{"witness"}),
		cosigned: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "glassbox_witness_cosigned_size",
			Help: "Tree size of the latest checkpoint with the threshold's cosignatures (what receipts are built on).",
		}),
	}
	for _, w := range ws {
		m.cosignatures.WithLabelValues(w.name())
		m.refusals.WithLabelValues(w.name())
	}
	if reg == nil {
		return m, nil
	}
	for _, c := range []prometheus.Collector{m.cosignatures, m.refusals, m.cosigned} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("witness: registering metrics: %w (one Registerer per follower)", err)
		}
	}
	return m, nil
}
