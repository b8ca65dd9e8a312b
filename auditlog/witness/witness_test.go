package witness_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/witness"
	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
	"github.com/glassbox-audit/glassbox/auditlog/witness/witnesstest"
	"github.com/glassbox-audit/glassbox/internal/testkeys"
)

const origin = "example.org/glassbox/witness-test"

func newTestWitness(t *testing.T, logV note.Verifier, name string) (*witnesstest.Server, *witness.Witness) {
	return witnesstest.New(t, logV, name)
}

type testLog struct {
	lg *auditlog.Log
	st *auditlog.Store
}

func openLog(t *testing.T, s note.Signer, v note.Verifier) *testLog {
	lg, err := auditlog.Open(t.TempDir(), &auditlog.Options{Signer: s, Verifier: v, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lg.Close() })
	st, err := lg.Store(witness.DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}
	return &testLog{lg: lg, st: st}
}

func (l *testLog) grow(t *testing.T, tag string, n int) auditlog.SignedCheckpoint {
	ctx := context.Background()
	for i := range n {
		if _, err := l.lg.Append(ctx, fmt.Appendf(nil, "%s leaf %d of size %d", tag, i, l.lg.Size())); err != nil {
			t.Fatal(err)
		}
	}
	cp, err := l.lg.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return cp
}

// TestCosignGrowing: a witness cosigns a growing log over several
// checkpoints, each time from the size it cosigned before (so with a
// consistency proof), and the stored cosignature verifies with note.Open.
func TestCosignGrowing(t *testing.T) {
	ctx := context.Background()
	s, v := testkeys.New(t, origin)
	l := openLog(t, s, v)
	tw, w := newTestWitness(t, v, "example.org/witness-a")
	var sizes []uint64
	for _, n := range []int{1, 3, 4, 9} {
		cp := l.grow(t, "honest", n)
		rep, err := witness.Cosign(ctx, l.lg, l.st, cp, []*witness.Witness{w})
		if err != nil {
			t.Fatalf("size %d: %v", cp.Size, err)
		}
		if len(rep.Cosigned) != 1 || rep.Cosigned[0].Size != cp.Size || rep.Cosigned[0].Time != time.Unix(1_790_000_000, 0).UTC() {
			t.Fatalf("size %d: report %+v", cp.Size, rep)
		}
		lines, err := witness.Cosignatures(l.st, cp.Size)
		if err != nil || len(lines) != 1 {
			t.Fatalf("stored cosignatures %q, %v", lines, err)
		}
		n, err := note.Open(append(bytes.Clone(cp.Note), lines[0]...), note.VerifierList(v, w.Verifier))
		if err != nil || len(n.Sigs) != 2 {
			t.Fatalf("cosigned note: %v (%d sigs)", err, len(n.Sigs))
		}
		sizes = append(sizes, cp.Size)
	}
	// The first request is from 0, each later one from the size before.
	want := append([]uint64{0}, sizes[:len(sizes)-1]...)
	if fmt.Sprint(tw.Olds()) != fmt.Sprint(want) {
		t.Errorf("old sizes sent %v, want %v", tw.Olds(), want)
	}
	if got, _ := witness.LastSize(l.st, w); got != sizes[len(sizes)-1] {
		t.Errorf("LastSize %d, want %d", got, sizes[len(sizes)-1])
	}
}

// TestSubmitConflictRetry: a client that lost its state (old size 0) is
// told the witness's size by a 409 and retries once from it, with a proof.
func TestSubmitConflictRetry(t *testing.T) {
	ctx := context.Background()
	s, v := testkeys.New(t, origin)
	l := openLog(t, s, v)
	tw, w := newTestWitness(t, v, "example.org/witness-a")
	cp1 := l.grow(t, "honest", 5)
	if _, err := w.Submit(ctx, l.lg, cp1, 0); err != nil {
		t.Fatal(err)
	}
	cp2 := l.grow(t, "honest", 6)
	c, err := w.Submit(ctx, l.lg, cp2, 0)
	if err != nil {
		t.Fatal(err)
	}
	if c.Size != cp2.Size || fmt.Sprint(tw.Olds()) != fmt.Sprint([]uint64{0, 0, cp1.Size}) {
		t.Errorf("cosignature of size %d, old sizes %v", c.Size, tw.Olds())
	}
}

// TestSubmitRefusals: stale, forked, unknown-log and badly cosigned
// checkpoints each give their own typed error with the evidence.
func TestSubmitRefusals(t *testing.T) {
	ctx := context.Background()
	s, v := testkeys.New(t, origin)
	l := openLog(t, s, v)
	_, w := newTestWitness(t, v, "example.org/witness-a")
	// A fork: same key, other leaves, taken before the honest log grows.
	fork := openLog(t, s, v)
	cp1 := l.grow(t, "honest", 4)
	fork.grow(t, "honest", 4) // same leaves, so far the same tree
	if _, err := witness.Cosign(ctx, l.lg, l.st, cp1, []*witness.Witness{w}); err != nil {
		t.Fatal(err)
	}
	cp2 := l.grow(t, "honest", 4)
	if _, err := witness.Cosign(ctx, l.lg, l.st, cp2, []*witness.Witness{w}); err != nil {
		t.Fatal(err)
	}

	var re *witness.RefusalError
	// Stale: the older checkpoint, once the witness has seen a larger tree.
	_, err := w.Submit(ctx, l.lg, cp1, cp2.Size)
	if !errors.As(err, &re) || re.Kind != witness.KindStale || re.WitnessSize != cp2.Size || re.Status != 409 || !errors.Is(err, witness.ErrRefused) {
		t.Fatalf("stale: %v", err)
	}

	// Forked: the fork grows by other leaves to a larger size; its proof
	// from the witness's size cannot hold.
	fcp := fork.grow(t, "forked", 7)
	rep, err := witness.Cosign(ctx, fork.lg, fork.st, fcp, []*witness.Witness{w})
	if !errors.As(err, &re) || re.Kind != witness.KindInconsistent || re.Status != 422 || re.OldSize != cp2.Size || len(re.Proof) == 0 {
		t.Fatalf("fork: %v", err)
	}
	if len(rep.Refused) != 1 || len(rep.Cosigned) != 0 {
		t.Errorf("fork report %+v", rep)
	}
	if lines, _ := witness.Cosignatures(fork.st, fcp.Size); len(lines) != 0 {
		t.Errorf("a refused checkpoint has stored cosignatures %q", lines)
	}

	// Unknown log: another key.
	s2, v2 := testkeys.New(t, "example.org/other-log")
	other := openLog(t, s2, v2)
	_, err = w.Submit(ctx, other.lg, other.grow(t, "other", 2), 0)
	if !errors.As(err, &re) || re.Kind != witness.KindForbidden || re.Status != 403 {
		t.Fatalf("unknown log: %v", err)
	}

	// A witness answering with another key's cosignature.
	_, impostor := newTestWitness(t, v, "example.org/witness-a")
	impostor.Verifier = w.Verifier
	_, err = impostor.Submit(ctx, l.lg, l.grow(t, "honest", 1), 0)
	if !errors.Is(err, witness.ErrBadCosignature) {
		t.Fatalf("impostor: %v", err)
	}
}

// TestCosignReportsEveryWitness: with one witness down and one up, the up
// one cosigns and stores, and the other's failure is returned, not dropped.
func TestCosignReportsEveryWitness(t *testing.T) {
	ctx := context.Background()
	s, v := testkeys.New(t, origin)
	l := openLog(t, s, v)
	_, up := newTestWitness(t, v, "example.org/witness-up")
	_, down := newTestWitness(t, v, "example.org/witness-down")
	down.URL += "/nowhere" // 404 from the test server
	cp := l.grow(t, "honest", 3)
	rep, err := witness.Cosign(ctx, l.lg, l.st, cp, []*witness.Witness{down, up})
	var re *witness.RefusalError
	if !errors.As(err, &re) || re.Witness != "example.org/witness-down" || len(rep.Cosigned) != 1 || len(rep.Refused) != 1 {
		t.Fatalf("report %+v, err %v", rep, err)
	}
}

func TestParseWitness(t *testing.T) {
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	s, _ := cosig.NewSigner("example.org/w", priv, nil)
	vkey := s.Verifier().String()
	w, err := witness.Parse(vkey + "=http://127.0.0.1:7380/")
	if err != nil || w.URL != "http://127.0.0.1:7380" || w.Verifier.Name() != "example.org/w" {
		t.Fatalf("Parse: %+v, %v", w, err)
	}
	for _, bad := range []string{vkey, vkey + "=ftp://x", "nokey=http://x", "=http://x"} {
		if _, err := witness.Parse(bad); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}

// TestAttach: the stored cosignatures of the checkpoint's size follow the
// log's line, sorted, each once, however often Attach runs; a checkpoint of
// another size gets none.
func TestAttach(t *testing.T) {
	ctx := context.Background()
	s, v := testkeys.New(t, origin)
	l := openLog(t, s, v)
	_, wb := newTestWitness(t, v, "example.org/witness-b")
	_, wa := newTestWitness(t, v, "example.org/witness-a")
	old := l.grow(t, "honest", 2)
	cp := l.grow(t, "honest", 3)
	if _, err := witness.Cosign(ctx, l.lg, l.st, cp, []*witness.Witness{wb, wa}); err != nil {
		t.Fatal(err)
	}
	r := &receipt.Receipt{Checkpoint: bytes.Clone(cp.Note)}
	for range 2 {
		if err := witness.Attach(l.st, r); err != nil {
			t.Fatal(err)
		}
	}
	_, sigs, _ := strings.Cut(string(r.Checkpoint), "\n\n")
	lines := strings.SplitAfter(strings.TrimSuffix(sigs, "\n"), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "\u2014 "+origin+" ") ||
		!strings.HasPrefix(lines[1], "\u2014 example.org/witness-a ") || !strings.HasPrefix(lines[2], "\u2014 example.org/witness-b ") {
		t.Fatalf("attached lines %q", lines)
	}
	n, err := note.Open(r.Checkpoint, note.VerifierList(v, wa.Verifier, wb.Verifier))
	if err != nil || len(n.Sigs) != 3 {
		t.Fatalf("attached note: %v", err)
	}
	r2 := &receipt.Receipt{Checkpoint: bytes.Clone(old.Note)}
	if err := witness.Attach(l.st, r2); err != nil || !bytes.Equal(r2.Checkpoint, old.Note) {
		t.Fatalf("a checkpoint nobody cosigned changed: %v\n%s", err, r2.Checkpoint)
	}
}
