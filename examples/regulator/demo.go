package main

import (
	"context"
	"crypto/sha256"
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

// startDemo records n synthetic decisions in three batches, anchoring after
// each. With tamper, the operator then serves a second log: the same
// decisions, same key, except one decision's label rewritten, with the
// real anchors copied in; the audit must catch it.
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
	ds := synthetic(n)
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
	for _, b := range batches {
		if _, err := honestDec.AppendBatch(ctx, b); err != nil {
			stop()
			return nil, err
		}
		if _, err := a.WaitAnchored(runCtx, honest.Size()); err != nil {
			stop()
			return nil, errors.Join(err, <-done)
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

	// The operator rewrites decision n/2 and rebuilds its log with the
	// same key (taken from the log directory), checkpoints at the same
	// sizes, and the real anchors, in a store of its own.
	signer, err := auditlog.ReadSignerKey(filepath.Join(logDir, auditlog.SignerKeyFile))
	if err != nil {
		return nil, err
	}
	forged, err := auditlog.Open(filepath.Join(d.dir, "forged"), &auditlog.Options{Origin: demoOrigin, Signer: signer})
	if err != nil {
		return nil, err
	}
	d.logs = append(d.logs, forged)
	forgedDec, err := decisions.Open(forged, nil)
	if err != nil {
		return nil, err
	}
	victim := n / 2
	ds[victim].Output.Label = flip(ds[victim].Output.Label)
	for _, b := range batches {
		if _, err := forgedDec.AppendBatch(ctx, b); err != nil {
			return nil, err
		}
		if _, err := forged.Checkpoint(ctx); err != nil {
			return nil, err
		}
	}
	forgedState, err := forged.Store(anchor.DefaultNamespace)
	if err != nil {
		return nil, err
	}
	if err := state.Scan(nil, forgedState.Put); err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "regulator demo: the operator rewrote decision %s (%s) after anchoring\n", ds[victim].ID, ds[victim].Output.Label)
	d.operator = logOperator{log: forged, dec: forgedDec, state: forgedState}
	return d, nil
}

func flip(label string) string {
	if label == "approve" {
		return "decline"
	}
	return "approve"
}

// synthetic returns n decisions of a toy credit model.
func synthetic(n int) []record.Decision {
	digest := sha256.Sum256([]byte("toy credit model v1"))
	out := make([]record.Decision, n)
	t0 := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	for i := range out {
		income := 20_000 + float64((i*7919)%80_000)
		debt := float64((i * 104729) % 30_000)
		score := 1 / (1 + debt/income*3)
		label := "decline"
		if score > 0.6 {
			label = "approve"
		}
		group := []string{"A", "B"}[i%2]
		out[i] = record.Decision{
			ID:      fmt.Sprintf("demo-%06d", i),
			Time:    t0.Add(time.Duration(i) * time.Minute),
			Subject: fmt.Sprintf("applicant-%06d", i),
			Model:   record.Model{Name: "toy-credit", Version: "1", ArtifactDigest: record.Digest(digest)},
			Inputs: []record.Feature{
				{Name: "income", Value: record.Number(income)},
				{Name: "debt", Value: record.Number(debt)},
			},
			Output: record.Output{Label: label, Score: score},
			Groups: []record.Attr{{Name: "group", Value: group}},
		}
	}
	return out
}
