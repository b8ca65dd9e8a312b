package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

const demoOrigin = "glassbox.example/regulator-demo"

// demo is an operator's log anchored on an in-process simulated chain.
type demo struct {
	dir      string
	sim      *simchain.Chain
	logs     []*auditlog.Log
	reg      *registry.Client
	operator Operator
	// evidence: the receipts the applicants were given when their
	// decisions were anchored, and the model artifact.
	evidence *Evidence
}

func (d *demo) close() {
	for _, l := range d.logs {
		l.Close()
	}
	if d.sim != nil {
		d.sim.Close()
	}
	os.RemoveAll(d.dir)
}

// startDemo records n decisions of the toy model in three batches,
// anchoring after each, and gives every applicant their receipt. With
// tamper, the operator then serves a copy of the log in which one
// decision's score is edited: every other leaf byte for byte the same,
// checkpoints at the same sizes signed again with the log's own key, the
// real anchors copied in; the audit must find the first checkpoint that
// fails and the leaf that changed.
func startDemo(ctx context.Context, n int, tamper bool, stderr io.Writer) (_ *demo, err error) {
	d := &demo{}
	defer func() {
		if err != nil {
			d.close()
		}
	}()
	if d.dir, err = os.MkdirTemp("", "glassbox-regulator-"); err != nil {
		return nil, err
	}
	// The operator's log directory (auditlog.CreateDir's layout, as the
	// lending example makes it).
	logDir := filepath.Join(d.dir, "log")
	info, err := auditlog.CreateDir(logDir, demoOrigin)
	if err != nil {
		return nil, err
	}
	pub := info.PublicKey
	honest, err := auditlog.OpenDir(logDir, &auditlog.Options{Origin: demoOrigin})
	if err != nil {
		return nil, err
	}
	d.logs = append(d.logs, honest)
	honestDec, err := decisions.Open(honest, nil)
	if err != nil {
		return nil, err
	}
	// No chain configured: the in-process development chain, with the log
	// registered and account 1 as its anchorer.
	if d.sim, err = simchain.New(ctx, &simchain.Options{MineOnSend: true}); err != nil {
		return nil, err
	}
	d.reg = d.sim.Registry
	if _, err := d.reg.RegisterLog(ctx, d.sim.TransactOpts(0), demoOrigin, pub, d.sim.Address(1)); err != nil {
		return nil, err
	}
	state, err := honest.Store(anchor.DefaultNamespace)
	if err != nil {
		return nil, err
	}
	a, err := anchor.New(honest, state, d.sim.Client, anchor.Options{
		Contract: d.reg.Address(), Key: d.sim.Keys[1], Confirmations: 1,
		Entries: 1, Interval: time.Hour, PollInterval: 5 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelError})),
	})
	if err != nil {
		return nil, err
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- a.Run(runCtx) }()
	ds, err := synthetic(n)
	if err != nil {
		stop()
		return nil, err
	}
	var batches [][]record.Decision
	for i := 0; i < 3; i++ {
		lo, hi := i*n/3, (i+1)*n/3
		if i == 2 {
			hi = n
		}
		if lo < hi {
			batches = append(batches, ds[lo:hi])
		}
	}
	// Every applicant is given their receipt once their decision is
	// anchored, and keeps it.
	d.evidence = &Evidence{Model: []byte(toyModel)}
	given := logOperator{log: honest, dec: honestDec, state: state}
	for _, b := range batches {
		if _, err := honestDec.AppendBatch(ctx, b); err != nil {
			stop()
			return nil, err
		}
		if _, err := a.WaitAnchored(runCtx, honest.Size()); err != nil {
			stop()
			return nil, errors.Join(err, <-done)
		}
		for _, dd := range b {
			r, err := given.Receipt(ctx, dd.ID)
			if err != nil {
				stop()
				return nil, errors.Join(err, <-done)
			}
			d.evidence.Receipts = append(d.evidence.Receipts, r)
		}
	}
	stop()
	if err := <-done; err != nil {
		return nil, err
	}
	d.operator = logOperator{log: honest, dec: honestDec, state: state}
	if !tamper {
		return d, nil
	}

	// The operator edits the score of decision n/2 in a copy of its log,
	// and signs the copy's checkpoints with the log's key (taken from the
	// log directory).
	signer, err := auditlog.ReadSignerKey(filepath.Join(logDir, auditlog.SignerKeyFile))
	if err != nil {
		return nil, err
	}
	forged, err := auditlog.Open(filepath.Join(d.dir, "forged"), &auditlog.Options{Origin: demoOrigin, Signer: signer})
	if err != nil {
		return nil, err
	}
	d.logs = append(d.logs, forged)
	var sizes []uint64
	var hi uint64
	for _, b := range batches {
		hi += uint64(len(b))
		sizes = append(sizes, hi)
	}
	victim := uint64(n / 2)
	edited, err := forge(ctx, honest, forged, sizes, victim)
	if err != nil {
		return nil, err
	}
	forgedState, err := forged.Store(anchor.DefaultNamespace)
	if err != nil {
		return nil, err
	}
	if err := state.Scan(nil, forgedState.Put); err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "regulator demo: the operator edited decision %s (leaf %d) after anchoring: score %v (%s)\n", edited.DecisionID, victim, edited.Output.Score, edited.Output.Label)
	d.operator = forgedOperator{logOperator: logOperator{log: forged, state: forgedState}, payloads: honestDec}
	return d, nil
}

// synthetic returns n decisions of the toy model.
func synthetic(n int) ([]record.Decision, error) {
	m, err := explain.ParseXGBoost([]byte(toyModel), nil)
	if err != nil {
		return nil, err
	}
	digest := toyDigest()
	out := make([]record.Decision, n)
	t0 := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	for i := range out {
		income := 20_000 + float64((i*7919)%80_000)
		debt := float64((i * 104729) % 30_000)
		d, err := toyDecision(m, digest, i, []float64{income, debt})
		if err != nil {
			return nil, err
		}
		d.ID = fmt.Sprintf("demo-%06d", i)
		d.Time = t0.Add(time.Duration(i) * time.Minute)
		d.Subject = fmt.Sprintf("applicant-%06d", i)
		d.Groups = []record.Attr{{Name: "group", Value: []string{"A", "B"}[i%2]}}
		out[i] = d
	}
	return out, nil
}
