package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/fairness"
	"github.com/glassbox-audit/glassbox/fairness/fairnesslog"
)

// summary is what a batch run measured.
type summary struct {
	Decisions       int
	Elapsed         time.Duration
	Anchors         []anchor.Anchor // confirmed anchors made during the run
	LagP50, LagP99  time.Duration
	LagMax          time.Duration
	GasPerAnchor    float64
	GasPerEntry     float64
	PerAnchor       float64
	ReceiptID       string
	ReceiptVerified *anchor.Verified
}

// batch scores cfg.N applicants, waits until the log is anchored, and
// prints what happened.
func (s *service) batch(ctx context.Context, w io.Writer) error {
	sum, err := s.runBatch(ctx, w)
	if err != nil {
		return err
	}
	_ = sum
	return nil
}

func (s *service) runBatch(ctx context.Context, w io.Writer) (*summary, error) {
	fmt.Fprintf(w, "Glassbox lending example\n")
	fmt.Fprintf(w, "  chain:    %s, chain id %d, registry %s\n", s.chain.desc, s.chain.chainID, s.chain.registry.Address().Hex())
	fmt.Fprintf(w, "  model:    %s %s, artifact sha256 %x (registered on chain), %d features\n", s.model.name, s.model.version, s.model.digest[:8], len(s.model.features))
	fmt.Fprintf(w, "  log:      %s\n\n", Origin)

	before := s.log.Size()
	apps := s.model.applicants(s.cfg.N, before)
	start := time.Now()
	jobs := make(chan *Applicant)
	errc := make(chan error, s.cfg.Workers)
	var wg sync.WaitGroup
	for range s.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range jobs {
				if _, err := s.decide(ctx, a); err != nil {
					errc <- err
					return
				}
			}
		}()
	}
	var sendErr error
feed:
	for i := range apps {
		select {
		case jobs <- &apps[i]:
		case sendErr = <-errc:
			break feed
		case <-ctx.Done():
			sendErr = ctx.Err()
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if sendErr == nil {
		select {
		case sendErr = <-errc:
		default:
		}
	}
	if sendErr != nil {
		return nil, sendErr
	}
	elapsed := time.Since(start)
	fmt.Fprintf(w, "Decided %d applications in %v: %.0f decisions/s (score + TreeSHAP explanation + durable append, %d workers)\n",
		len(apps), elapsed.Round(time.Millisecond), float64(len(apps))/elapsed.Seconds(), s.cfg.Workers)

	// Months later, in a real lender: what happened. Here, the shipped
	// rows' observed default, so that error-rate metrics can be computed.
	outcomes, err := s.recordOutcomes(ctx, apps)
	if err != nil {
		return nil, err
	}
	if outcomes > 0 {
		fmt.Fprintf(w, "Recorded %d outcomes (repaid or defaulted, from the data set's observed default)\n", outcomes)
	}
	size := s.log.Size()

	// Wait until everything is anchored.
	waitCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		// Stop waiting if the anchorer gives up.
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-waitCtx.Done():
				return
			case <-t.C:
				if s.anchorErr() != nil {
					cancel()
					return
				}
			}
		}
	}()
	if _, err := s.anchorer.WaitAnchored(waitCtx, size); err != nil {
		if aerr := s.anchorErr(); aerr != nil {
			return nil, fmt.Errorf("anchorer: %w", aerr)
		}
		return nil, err
	}
	sum := &summary{Decisions: len(apps), Elapsed: elapsed}
	all, err := s.anchorer.Anchors()
	if err != nil {
		return nil, err
	}
	for _, a := range all {
		if a.TreeSize > before {
			sum.Anchors = append(sum.Anchors, a)
		}
	}
	s.lagFigures(sum)
	var gas uint64
	for _, a := range sum.Anchors {
		gas += a.GasUsed
	}
	entries := size - before // decisions and outcomes
	if n := len(sum.Anchors); n > 0 {
		sum.GasPerAnchor = float64(gas) / float64(n)
		sum.PerAnchor = float64(entries) / float64(n)
	}
	sum.GasPerEntry = float64(gas) / float64(entries)
	fmt.Fprintf(w, "Anchored:  %d anchors up to tree size %d: %.0f log entries (decisions and outcomes) per anchor, %.0f gas per anchor, %.1f gas per entry\n",
		len(sum.Anchors), size, sum.PerAnchor, sum.GasPerAnchor, sum.GasPerEntry)
	fmt.Fprintf(w, "Lag from append to confirmed anchor: p50 %v, p99 %v, max %v (anchor every %v or %d decisions, %d confirmation(s))\n\n",
		sum.LagP50.Round(time.Millisecond), sum.LagP99.Round(time.Millisecond), sum.LagMax.Round(time.Millisecond),
		s.cfg.AnchorInterval, s.cfg.AnchorEntries, s.cfg.Confirmations)

	if err := s.fairnessSummary(ctx, w, outcomes > 0); err != nil {
		return nil, err
	}

	// One applicant's receipt, end to end.
	id := apps[len(apps)/3].ID
	sum.ReceiptID = id
	v, err := s.verifyOne(ctx, w, id)
	if err != nil {
		return nil, err
	}
	sum.ReceiptVerified = v
	return sum, nil
}

// recordOutcomes appends the observed outcome of each application that has
// one, from cfg.Workers goroutines.
func (s *service) recordOutcomes(ctx context.Context, apps []Applicant) (int, error) {
	var (
		mu   sync.Mutex
		n    int
		errs []error
		wg   sync.WaitGroup
	)
	next := make(chan *Applicant)
	for range s.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range next {
				_, err := s.dec.AppendOutcome(ctx, record.Outcome{DecisionID: a.ID, Time: time.Now().UTC(), Label: a.observed})
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				} else {
					n++
				}
				mu.Unlock()
			}
		}()
	}
	for i := range apps {
		if apps[i].observed != "" {
			next <- &apps[i]
		}
	}
	close(next)
	wg.Wait()
	return n, errors.Join(errs...)
}

// lagFigures computes, for every decision of the run, the time from its
// durable append to the confirmation of the first anchor covering it.
func (s *service) lagFigures(sum *summary) {
	s.mu.Lock()
	appended := slices.Clone(s.appended)
	s.mu.Unlock()
	var lags []time.Duration
	for _, a := range appended {
		i := sort.Search(len(sum.Anchors), func(i int) bool { return sum.Anchors[i].TreeSize > a.index })
		if i == len(sum.Anchors) {
			continue
		}
		lags = append(lags, max(0, sum.Anchors[i].ConfirmedAt.Sub(a.at)))
	}
	if len(lags) == 0 {
		return
	}
	slices.Sort(lags)
	q := func(p float64) time.Duration { return lags[min(len(lags)-1, int(p*float64(len(lags))))] }
	sum.LagP50, sum.LagP99, sum.LagMax = q(0.50), q(0.99), lags[len(lags)-1]
}

// fairnessSummary prints approval rates by group from the log's counters,
// bound to the checkpoint they were read at.
func (s *service) fairnessSummary(ctx context.Context, w io.Writer, withOutcomes bool) error {
	src := fairnesslog.Source(s.dec)
	for _, by := range s.model.groupAttrs {
		q := &fairness.Query{Model: s.model.name, Version: s.model.version, By: []string{by}, Spec: s.model.fairnessSpec(withOutcomes)}
		rep, err := fairness.NewReport(ctx, src, q)
		if err != nil {
			return fmt.Errorf("fairness report by %s: %w", by, err)
		}
		fmt.Fprintf(w, "Fairness by %s:\n", by)
		if err := fairness.WriteText(w, rep); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return nil
}

// verifyOne fetches a decision's receipt as the applicant would receive it
// (JSON bytes), and verifies it: offline, then against the chain.
func (s *service) verifyOne(ctx context.Context, w io.Writer, id string) (*anchor.Verified, error) {
	r, anchored, err := s.receipt(ctx, id)
	if err != nil {
		return nil, err
	}
	if !anchored {
		return nil, fmt.Errorf("receipt of %s: no anchor covers it", id)
	}
	b, err := r.Marshal()
	if err != nil {
		return nil, err
	}
	// The applicant's side: parse the bytes, check them against the chain.
	got, err := receipt.Parse(b)
	if err != nil {
		return nil, err
	}
	v, err := anchor.VerifyReceipt(ctx, got, s.chain.registry)
	if err != nil {
		return nil, fmt.Errorf("receipt of %s: %w", id, err)
	}
	fmt.Fprintf(w, "Receipt of decision %s (%d bytes of JSON):\n", id, len(b))
	fmt.Fprintf(w, "  decision:    %s, score %.3f, model %s %s\n", v.Leaf.Output.Label, v.Leaf.Output.Score, v.Leaf.Model.Name, v.Leaf.Model.Version)
	fmt.Fprintf(w, "  offline:     checkpoint signed by the key registered on chain; leaf %d included in tree of size %d; %d disclosed fields match their commitments\n",
		v.Index, v.Checkpoint.Size, len(v.Disclosed))
	fmt.Fprintf(w, "  anchor:      consistent from size %d to anchored size %d (tx %s, block %d)\n",
		v.Checkpoint.Size, got.Anchor.TreeSize, fmt.Sprintf("0x%x", got.Anchor.TxHash[:6]), got.Anchor.BlockNumber)
	fmt.Fprintf(w, "  chain:       contract %s holds root %x.. for size %d (block %d)\n",
		s.chain.registry.Address().Hex(), v.OnChain.Root[:8], v.OnChain.TreeSize, v.OnChain.BlockNumber)
	fmt.Fprintf(w, "  result:      VERIFIED\n")
	return v, nil
}
