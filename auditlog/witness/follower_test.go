package witness_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/auditlog/witness"
	"github.com/glassbox-audit/glassbox/internal/testkeys"
)

// receiptAt is a receipt of leaf index on the log's checkpoint cp, as
// decisions.Log.Receipt builds one (the leaf is the raw test leaf).
func receiptAt(t *testing.T, l *testLog, index uint64, cp auditlog.SignedCheckpoint) *receipt.Receipt {
	t.Helper()
	ctx := context.Background()
	leaf, err := l.lg.Leaf(ctx, index)
	if err != nil {
		t.Fatal(err)
	}
	p, err := l.lg.InclusionProof(ctx, index, cp.Size)
	if err != nil {
		t.Fatal(err)
	}
	return &receipt.Receipt{Origin: cp.Origin, Index: index, Leaf: leaf, InclusionProof: p, Checkpoint: cp.Note}
}

// TestFollowerRebase: a round has both witnesses cosign the latest
// checkpoint; a receipt on a newer, uncosigned checkpoint moves back to the
// cosigned one when that covers its entry (with an inclusion proof to it
// and both cosignatures), and stays where it is, reported as not
// cosigned, when the entry is newer than the cosigned checkpoint.
func TestFollowerRebase(t *testing.T) {
	ctx := context.Background()
	s, v := testkeys.New(t, origin)
	l := openLog(t, s, v)
	_, wa := newTestWitness(t, v, "example.org/witness-a")
	_, wb := newTestWitness(t, v, "example.org/witness-b")
	reg := prometheus.NewRegistry()
	f, err := witness.NewFollower(l.lg, &witness.Options{Witnesses: []*witness.Witness{wa, wb}, Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f.Cosigned(); ok {
		t.Fatal("cosigned before any round")
	}
	if rep, err := f.Round(ctx); rep != nil || err != nil {
		t.Fatalf("round without a checkpoint: %+v, %v", rep, err)
	}
	cp1 := l.grow(t, "honest", 5)
	rep, err := f.Round(ctx)
	if err != nil || len(rep.Cosigned) != 2 {
		t.Fatalf("round: %+v, %v", rep, err)
	}
	if size, ok := f.Cosigned(); !ok || size != cp1.Size {
		t.Fatalf("Cosigned %d, %v; want %d", size, ok, cp1.Size)
	}
	if rep, err := f.Round(ctx); rep != nil || err != nil {
		t.Fatalf("a second round on the same checkpoint submitted: %+v, %v", rep, err)
	}
	cp2 := l.grow(t, "honest", 4) // signed, not yet cosigned

	r := receiptAt(t, l, 2, cp2)
	ok, err := f.Rebase(ctx, r)
	if err != nil || !ok {
		t.Fatalf("Rebase: %v, %v", ok, err)
	}
	c, err := verify.ParseCheckpoint(r.Checkpoint[:len(r.Checkpoint)-len(sigs(r.Checkpoint))])
	if err != nil || c.Size != cp1.Size {
		t.Fatalf("rebased onto %+v, %v; want size %d", c, err, cp1.Size)
	}
	if err := verify.VerifyInclusion(2, c.Size, verify.LeafHash(r.Leaf), r.InclusionProof, c.Root); err != nil {
		t.Fatal(err)
	}
	n, err := note.Open(r.Checkpoint, note.VerifierList(v, wa.Verifier, wb.Verifier))
	if err != nil || len(n.Sigs) != 3 {
		t.Fatalf("rebased note: %v (%d sigs)", err, len(n.Sigs))
	}

	newer := receiptAt(t, l, cp1.Size+1, cp2)
	ok, err = f.Rebase(ctx, newer)
	if err != nil || ok || string(newer.Checkpoint) != string(cp2.Note) {
		t.Fatalf("an entry above the cosigned checkpoint: %v, %v, %s", ok, err, newer.Checkpoint)
	}
	// The read-only path finds the same checkpoint from the store.
	again := receiptAt(t, l, 2, cp2)
	if ok, err := witness.Rebase(ctx, l.lg, l.st, again, []*witness.Witness{wa, wb}, 0); err != nil || !ok || string(again.Checkpoint) != string(r.Checkpoint) {
		t.Fatalf("witness.Rebase: %v, %v", ok, err)
	}
	if got := gauge(t, reg, "glassbox_witness_cosigned_size"); got != float64(cp1.Size) {
		t.Errorf("glassbox_witness_cosigned_size %v", got)
	}
}

func sigs(n []byte) []byte {
	for i := len(n) - 2; i > 0; i-- {
		if n[i] == '\n' && n[i-1] == '\n' {
			return n[i:]
		}
	}
	return nil
}

func gauge(t *testing.T, reg *prometheus.Registry, name string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == name {
			return mf.GetMetric()[0].GetGauge().GetValue()
		}
	}
	t.Fatalf("no metric %s", name)
	return 0
}

// TestFollowerThreshold: with one witness refusing, a 1-of-2 follower
// counts the checkpoint as cosigned and reports the refusal; a 2-of-2 one
// does not.
func TestFollowerThreshold(t *testing.T) {
	ctx := context.Background()
	s, v := testkeys.New(t, origin)
	l := openLog(t, s, v)
	_, up := newTestWitness(t, v, "example.org/witness-up")
	_, down := newTestWitness(t, v, "example.org/witness-down")
	down.URL += "/nowhere"
	one, err := witness.NewFollower(l.lg, &witness.Options{Witnesses: []*witness.Witness{up, down}, Threshold: 1})
	if err != nil {
		t.Fatal(err)
	}
	cp := l.grow(t, "honest", 3)
	rep, err := one.Round(ctx)
	var re *witness.RefusalError
	if !errors.As(err, &re) || re.Witness != "example.org/witness-down" || len(rep.Cosigned) != 1 {
		t.Fatalf("round: %+v, %v", rep, err)
	}
	if size, ok := one.Cosigned(); !ok || size != cp.Size {
		t.Errorf("1 of 2: Cosigned %d, %v", size, ok)
	}
	// The refusing witness is tried again at the next round; the other is not.
	rep, err = one.Round(ctx)
	if err == nil || len(rep.Refused) != 1 || len(rep.Cosigned) != 0 {
		t.Errorf("second round: %+v, %v", rep, err)
	}
	all, err := witness.NewFollower(l.lg, &witness.Options{Witnesses: []*witness.Witness{up, down}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := all.Cosigned(); ok {
		t.Error("2 of 2 counts a checkpoint one witness refused")
	}
	for _, bad := range []*witness.Options{nil, {Witnesses: []*witness.Witness{up, up}}, {Witnesses: []*witness.Witness{up}, Threshold: 2}} {
		if _, err := witness.NewFollower(l.lg, bad); !errors.Is(err, witness.ErrInvalid) {
			t.Errorf("NewFollower(%+v): %v", bad, err)
		}
	}
}

// TestFollowerRun: Run cosigns the checkpoints the log's own checkpointer
// signs, and Close stops it and leaves no goroutine behind.
func TestFollowerRun(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx := context.Background()
	s, v := testkeys.New(t, origin)
	lg, err := auditlog.Open(t.TempDir(), &auditlog.Options{Signer: s, Verifier: v, CheckpointInterval: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	_, w := newTestWitness(t, v, "example.org/witness-a")
	f, err := witness.NewFollower(lg, &witness.Options{Witnesses: []*witness.Witness{w}, Interval: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	for i := range 20 {
		if _, err := lg.Append(ctx, []byte{byte(i)}); err != nil {
			t.Fatal(err)
		}
	}
	for {
		if size, _ := f.Cosigned(); size == 20 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("Run after Close: %v", err)
	}
	if err := f.Run(ctx); !errors.Is(err, auditlog.ErrClosed) {
		t.Errorf("Run after Close: %v", err)
	}
	lg.Close()
	w.Client.CloseIdleConnections()
	for range 100 {
		if runtime.NumGoroutine() <= before+1 { // the test witness's listener
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("%d goroutines after Close, %d before", runtime.NumGoroutine(), before)
}
