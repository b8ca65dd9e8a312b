package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/witness"
	"github.com/glassbox-audit/glassbox/explain"
)

// Origin is the checkpoint origin of the example's log.
const Origin = "glassbox.example/lending"

// service is the lending service: it scores applicants with the credit
// model, explains each decision, records it in the audit log and anchors the
// log on chain.
type service struct {
	cfg      *config
	dir      string // the log directory
	logger   *slog.Logger
	reg      *prometheus.Registry
	log      *auditlog.Log
	dec      *decisions.Log // the decision records on log
	model    *creditModel
	chain    *chain
	anchorer *anchor.Anchorer
	follower *witness.Follower // nil without -witness

	runCancel  context.CancelFunc
	runDone    chan error
	followDone chan error // the follower's Run, with -witness

	mu       sync.Mutex
	appended []appendTime // index -> when Append returned, for the lag figures
	decided  prometheus.Counter
}

type appendTime struct {
	index uint64
	at    time.Time
}

// startService opens the log directory dir (auditlog.CreateDir's layout),
// creating it when dir is missing or empty, registers the log and the
// model on the chain, and starts the anchorer.
func startService(ctx context.Context, cfg *config, dir string, logger *slog.Logger) (*service, error) {
	model, err := loadModel()
	if err != nil {
		return nil, err
	}
	// The log directory: made on the first start, reopened on the next.
	info, err := auditlog.ReadDirInfo(dir)
	if errors.Is(err, auditlog.ErrNotExist) {
		info, err = auditlog.CreateDir(dir, Origin)
	}
	if err != nil {
		return nil, err
	}
	pub := info.PublicKey
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector())
	lg, err := auditlog.OpenDir(dir, &auditlog.Options{
		Origin:     Origin,
		Registerer: prometheus.WrapRegistererWith(prometheus.Labels{"log": Origin}, reg),
		Logger:     logger,
	})
	if err != nil {
		return nil, err
	}
	// Subject keys and the subject secret are wrapped under the
	// directory's key-encryption key (DIR/kek).
	dopts, err := decisions.DirOptions(dir, true)
	if err != nil {
		lg.Close()
		return nil, err
	}
	dec, err := decisions.Open(lg, dopts)
	if err != nil {
		lg.Close()
		return nil, err
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &service{cfg: cfg, dir: dir, logger: logger, reg: reg, log: lg, dec: dec, model: model}
	s.decided = prometheus.NewCounter(prometheus.CounterOpts{Name: "lending_decisions_total", Help: "Decisions made by the example lending service."})
	reg.MustRegister(s.decided)
	fail := func(err error) (*service, error) {
		s.close()
		return nil, err
	}
	opts := anchor.Options{
		Interval:      cfg.AnchorInterval,
		Entries:       cfg.AnchorEntries,
		Confirmations: cfg.Confirmations,
		PollInterval:  cfg.Poll,
		Registerer:    reg,
		Logger:        logger,
	}
	if cfg.RPC == "" {
		s.chain, err = devChain(ctx, cfg.HTTP != "") // no chain configured
	} else {
		s.chain, err = openChain(ctx, cfg)
	}
	if err != nil {
		return fail(err)
	}
	if err := s.chain.registerLog(ctx, Origin, pub); err != nil {
		return fail(fmt.Errorf("registering the log on chain: %w", err))
	}
	state, err := lg.Store(s.chain.namespace)
	if err != nil {
		return fail(err)
	}
	opts.Contract, opts.Key = s.chain.registry.Address(), s.chain.key
	if s.anchorer, err = anchor.New(lg, state, s.chain.client, opts); err != nil {
		return fail(err)
	}
	if err := s.chain.registerModel(ctx, model.name, model.version, model.digest, model.uri); err != nil {
		return fail(fmt.Errorf("registering the model on chain: %w", err))
	}
	runCtx, cancel := context.WithCancel(context.Background())
	s.runCancel, s.runDone = cancel, make(chan error, 1)
	go func() { s.runDone <- s.anchorer.Run(runCtx) }()
	if len(cfg.Witnesses) > 0 {
		s.follower, err = witness.NewFollower(lg, &witness.Options{
			Witnesses:  cfg.Witnesses,
			Threshold:  cfg.WitnessK,
			Registerer: reg,
			Logger:     logger,
		})
		if err != nil {
			return fail(err)
		}
		s.followDone = make(chan error, 1)
		go func() { s.followDone <- s.follower.Run(runCtx) }()
	}
	return s, nil
}

// close stops the witness follower, the anchorer, the log and the chain,
// in that order.
func (s *service) close() error {
	var errs []error
	if s.follower != nil {
		s.follower.Close()
		if err := <-s.followDone; err != nil && !errors.Is(err, context.Canceled) {
			errs = append(errs, err)
		}
		s.follower = nil
	}
	if s.runCancel != nil {
		s.runCancel()
		if err := <-s.runDone; err != nil {
			errs = append(errs, err)
		}
		s.runCancel = nil
	}
	if s.log != nil {
		errs = append(errs, s.log.Close())
		s.log = nil
	}
	if s.chain != nil {
		s.chain.close()
		s.chain = nil
	}
	return errors.Join(errs...)
}

// anchorErr returns the anchorer's fatal error, if it stopped with one.
func (s *service) anchorErr() error {
	select {
	case err := <-s.runDone:
		s.runDone <- err
		if err == nil {
			return errors.New("anchorer stopped")
		}
		return err
	default:
		return nil
	}
}

// errApplication marks an application the service cannot decide.
var errApplication = errors.New("application")

// errConflict marks an application whose id the log holds for another
// application (or for a subject since erased).
var errConflict = errors.New("conflict")

// Applicant is one credit application: the model's features (null for a
// missing value) and the applicant's protected group attributes, which are
// recorded (sealed) for fairness monitoring but not given to the model.
type Applicant struct {
	ID       string              `json:"id"`
	Subject  string              `json:"subject"`
	Features map[string]*float64 `json:"features"`
	Groups   map[string]string   `json:"groups,omitempty"`

	observed string // batch mode: the outcome recorded later ("repaid", "defaulted")
}

// Decided is the service's answer to an application.
type Decided struct {
	ID       string           `json:"id"`
	Index    uint64           `json:"index"`
	Existing bool             `json:"existing,omitempty"`
	Label    string           `json:"decision"`
	Score    float64          `json:"score"`
	Reasons  []explain.Reason `json:"reasons,omitempty"` // principal reasons of a decline
	Model    string           `json:"model"`
	Duration string           `json:"duration,omitempty"`
}

// decide scores, explains and records one application. An id already in
// the log is answered from the log, never recomputed: the same application
// (subject, features, groups) gets the stored decision with Existing set;
// another application, or one for an erased subject, is errConflict.
func (s *service) decide(ctx context.Context, a *Applicant) (*Decided, error) {
	d, err := s.decision(a, time.Now())
	if err != nil {
		return nil, err
	}
	if st, err := s.dec.Get(ctx, a.ID); err == nil {
		return s.existing(d, st)
	} else if !errors.Is(err, decisions.ErrNotFound) {
		return nil, err
	}
	res, err := s.dec.Append(ctx, *d)
	if err != nil {
		return nil, err
	}
	if res.Existing { // another request recorded the id first
		st, err := s.dec.Get(ctx, a.ID)
		if err != nil {
			return nil, err
		}
		return s.existing(d, st)
	}
	at := time.Now()
	s.mu.Lock()
	s.appended = append(s.appended, appendTime{index: res.Index, at: at})
	s.mu.Unlock()
	s.decided.Inc()
	out := &Decided{
		ID:    res.ID,
		Index: res.Index,
		Label: d.Output.Label,
		Score: d.Output.Score,
		Model: s.model.name + "@" + s.model.version,
	}
	if d.Output.Label != "approve" {
		if out.Reasons, err = s.model.reasons(d.Explanation); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// existing answers a repeated id from the stored record st, if d is the
// same application; the conflict error names the id only.
func (s *service) existing(d *record.Decision, st decisions.Stored) (*Decided, error) {
	if st.Payload == nil {
		return nil, fmt.Errorf("%w: decision id %q was recorded for a subject who has since been erased; use a new id", errConflict, d.ID)
	}
	if !sameApplication(d, st.Payload) {
		return nil, fmt.Errorf("%w: decision id %q is already recorded for another application; use a new id", errConflict, d.ID)
	}
	out := &Decided{
		ID:       d.ID,
		Index:    st.Index,
		Existing: true,
		Label:    st.Leaf.Output.Label,
		Score:    st.Leaf.Output.Score,
		Model:    st.Leaf.Model.Name + "@" + st.Leaf.Model.Version,
	}
	if out.Label != "approve" && st.Payload.Explanation != nil {
		var err error
		if out.Reasons, err = s.model.reasons(st.Payload.Explanation); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sameApplication reports whether d has the subject, inputs and groups of
// the stored payload p (which holds them in canonical, name-sorted order).
func sameApplication(d *record.Decision, p *record.Payload) bool {
	if d.Subject != p.Subject || len(d.Inputs) != len(p.Inputs) || len(d.Groups) != len(p.Groups) {
		return false
	}
	in := slices.Clone(d.Inputs)
	slices.SortFunc(in, func(x, y record.Feature) int { return strings.Compare(x.Name, y.Name) })
	for i := range in {
		if in[i].Name != p.Inputs[i].Name || !in[i].Value.Equal(p.Inputs[i].Value) {
			return false
		}
	}
	for i := range d.Groups { // decision sorts its groups by name
		if d.Groups[i] != p.Groups[i] {
			return false
		}
	}
	return true
}

// decision builds the record of one application.
func (s *service) decision(a *Applicant, now time.Time) (*record.Decision, error) {
	if a.ID == "" {
		return nil, fmt.Errorf("%w: missing id", errApplication)
	}
	if a.Subject == "" {
		return nil, fmt.Errorf("%w %s: missing subject", errApplication, a.ID)
	}
	row, err := s.model.row(a.Features)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", errApplication, a.ID, err)
	}
	attr, err := s.model.explain(row)
	if err != nil {
		return nil, fmt.Errorf("application %s: %w", a.ID, err)
	}
	p := s.model.probability(attr.Output)
	label := s.model.label(p)
	inputs := make([]record.Feature, 0, len(row))
	for i, name := range s.model.features {
		v := record.Number(row[i])
		if math.IsNaN(row[i]) {
			v = record.String("missing")
		}
		inputs = append(inputs, record.Feature{Name: name, Value: v})
	}
	var groups []record.Attr
	for k, v := range a.Groups {
		groups = append(groups, record.Attr{Name: k, Value: v})
	}
	slices.SortFunc(groups, func(x, y record.Attr) int { return strings.Compare(x.Name, y.Name) })
	return &record.Decision{
		ID:            a.ID,
		Time:          now.UTC(),
		Subject:       a.Subject,
		Model:         record.Model{Name: s.model.name, Version: s.model.version, ArtifactDigest: record.Digest(s.model.digest)},
		Inputs:        inputs,
		Output:        record.Output{Label: label, Score: p},
		Explanation:   &attr,
		Groups:        groups,
		PolicyVersion: s.model.policy,
	}, nil
}

// receipt returns the receipt of a decision with its anchor attached when
// one covers it; anchored reports whether it does.
func (s *service) receipt(ctx context.Context, id string) (r *receipt.Receipt, anchored bool, err error) {
	r, err = s.dec.Receipt(ctx, id)
	if err != nil {
		return nil, false, err
	}
	err = s.attach(ctx, r)
	if errors.Is(err, anchor.ErrNoAnchor) {
		return r, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return r, true, nil
}

// attach completes a receipt of s.dec: with -witness, it is moved onto the
// latest cosigned checkpoint, with its cosignatures (a decision newer than
// that checkpoint keeps the latest one, without them, until the next
// cosigning round: witness.Follower.Rebase); then the anchor covering it
// is attached (anchor.ErrNoAnchor when none does yet). The API's receipt
// route and the applicant portal both use it.
func (s *service) attach(ctx context.Context, r *receipt.Receipt) error {
	if s.follower != nil {
		if _, err := s.follower.Rebase(ctx, r); err != nil {
			return err
		}
	}
	return s.anchorer.Attach(ctx, r)
}
