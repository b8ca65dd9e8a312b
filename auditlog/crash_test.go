package auditlog

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// The crash test runs its own test binary as a child process that appends
// under heavy concurrency and is killed with SIGKILL at a random moment; the
// parent then reopens the log and checks what the child was promised.
const (
	crashRoleEnv  = "GLASSBOX_CRASH_ROLE" // "child" in the child process
	crashDirEnv   = "GLASSBOX_CRASH_DIR"
	crashKeyEnv   = "GLASSBOX_CRASH_KEY" // the note signer key
	crashRoundEnv = "GLASSBOX_CRASH_ROUND"
	crashSeedEnv  = "GLASSBOX_CRASH_SEED" // set to replay a run's kill times

	crashOrigin  = "example.org/glassbox/crash-test"
	crashWriters = 64
	// crashOps bounds the operations of one writer in one round, so that the
	// store stays small over many rounds; a round's kill usually comes first.
	crashOps = 40
	// crashMaxLeaf is the largest leaf the child writes.
	crashMaxLeaf = 2000
)

// crashLeaf derives the bytes of a leaf from its round, writer, operation
// and position in the operation, so that the parent can recompute them.
func crashLeaf(round, g, i, j int) []byte {
	r := mrand.New(mrand.NewPCG(uint64(round)<<32|uint64(g), uint64(i)<<16|uint64(j)))
	b := make([]byte, 1+r.IntN(crashMaxLeaf))
	for k := 0; k < len(b); k += 8 {
		v := r.Uint64()
		for m := 0; m < 8 && k+m < len(b); m++ {
			b[k+m] = byte(v >> (8 * m))
		}
	}
	return b
}

// The kinds of operation of a child's writer.
const (
	crashAppend = iota
	crashBatch
	crashAsync
)

type crashOp struct {
	kind int
	n    int // leaves
}

// crashPlan is the sequence of operations writer g runs in a round; the
// parent replays it to know every leaf the child may have written.
func crashPlan(round, g int) []crashOp {
	r := mrand.New(mrand.NewPCG(uint64(round), uint64(g)))
	ops := make([]crashOp, crashOps)
	for i := range ops {
		switch k := r.IntN(3); k {
		case crashAppend:
			ops[i] = crashOp{k, 1}
		case crashBatch:
			ops[i] = crashOp{k, 1 + r.IntN(8)}
		case crashAsync:
			ops[i] = crashOp{k, 1 + r.IntN(4)}
		}
	}
	return ops
}

// crashLeafID names a leaf the child may write in a round.
type crashLeafID struct {
	g, i, j int
	op      crashOp
}

// crashCandidates maps the sha256 of every leaf the child may write in a
// round to its names: short leaves can be equal by chance.
func crashCandidates(round int) map[[sha256.Size]byte][]crashLeafID {
	m := map[[sha256.Size]byte][]crashLeafID{}
	for g := range crashWriters {
		for i, op := range crashPlan(round, g) {
			for j := range op.n {
				sum := sha256.Sum256(crashLeaf(round, g, i, j))
				m[sum] = append(m[sum], crashLeafID{g, i, j, op})
			}
		}
	}
	return m
}

// pickCandidate names a stored leaf among the leaves with its bytes: the
// one expected next in a batch, else one not seen yet that may start an
// operation, else one not seen yet.
func pickCandidate(ids []crashLeafID, batch *crashLeafID, seen map[crashLeafID]bool) crashLeafID {
	if batch != nil && slices.Contains(ids, *batch) {
		return *batch
	}
	for _, id := range ids {
		if !seen[id] && (id.op.kind != crashBatch || id.j == 0) {
			return id
		}
	}
	for _, id := range ids {
		if !seen[id] {
			return id
		}
	}
	return ids[0]
}

// checkCrashRound checks the leaves [from, to) a killed child left: each is
// one the child meant to write, none twice, and every batch is whole, at
// consecutive indices.
func checkCrashRound(l *Log, round int, from, to uint64) error {
	cands := crashCandidates(round)
	seen := map[crashLeafID]bool{}
	var batch *crashLeafID // the batch being read, and its next position
	return l.ScanLeaves(context.Background(), from, to, func(idx uint64, leaf []byte) error {
		ids, ok := cands[sha256.Sum256(leaf)]
		if !ok {
			return fmt.Errorf("leaf %d (%d bytes) is none of the leaves the child could write", idx, len(leaf))
		}
		id := pickCandidate(ids, batch, seen)
		if seen[id] {
			return fmt.Errorf("leaf %d (writer %d, op %d, %d) is stored twice", idx, id.g, id.i, id.j)
		}
		seen[id] = true
		if batch != nil {
			if id.g != batch.g || id.i != batch.i || id.j != batch.j {
				return fmt.Errorf("leaf %d: batch (writer %d, op %d) of %d leaves is cut after %d", idx, batch.g, batch.i, batch.op.n, batch.j)
			}
		} else if id.op.kind == crashBatch && id.j != 0 {
			return fmt.Errorf("leaf %d is leaf %d of batch (writer %d, op %d) without the ones before it", idx, id.j, id.g, id.i)
		}
		batch = nil
		if id.op.kind == crashBatch && id.j+1 < id.op.n {
			next := id
			next.j++
			batch = &next
		}
		if batch != nil && idx+1 == to {
			return fmt.Errorf("batch (writer %d, op %d) of %d leaves is cut at the end of the tree after %d", id.g, id.i, id.op.n, batch.j)
		}
		return nil
	})
}

// crashOut writes whole lines to stdout, one write each, so that the parent
// never sees half a line except the one cut by the kill.
type crashOut struct {
	mu sync.Mutex
}

func (o *crashOut) printf(format string, args ...any) {
	line := fmt.Appendf(nil, format, args...)
	o.mu.Lock()
	defer o.mu.Unlock()
	os.Stdout.Write(line)
}

func (o *crashOut) fail(format string, args ...any) {
	o.printf("fail "+format+"\n", args...)
	os.Exit(3)
}

// ack reports an append that returned nil: the leaf at index is durable.
func (o *crashOut) ack(index uint64, leaf []byte, g, i, j int) {
	sum := sha256.Sum256(leaf)
	o.printf("ack %d %x %d %d %d\n", index, sum, g, i, j)
}

// TestCrashChild is the child process of TestCrashRecovery; run alone it
// skips.
func TestCrashChild(t *testing.T) {
	if os.Getenv(crashRoleEnv) != "child" {
		t.Skip("the child process of TestCrashRecovery; it runs only when that test starts it")
	}
	out := &crashOut{}
	round, err := strconv.Atoi(os.Getenv(crashRoundEnv))
	if err != nil {
		out.fail("round: %v", err)
	}
	signer, err := note.NewSigner(os.Getenv(crashKeyEnv))
	if err != nil {
		out.fail("signer: %v", err)
	}
	// The periodic checkpointer runs too, next to the explicit ones below.
	l, err := Open(os.Getenv(crashDirEnv), &Options{Signer: signer, CheckpointInterval: 3 * time.Millisecond, CheckpointFile: crashMark(os.Getenv(crashDirEnv))})
	if err != nil {
		out.fail("open: %v", err)
	}
	out.printf("ready %d\n", l.Size())
	ctx := context.Background()

	go func() {
		for {
			cp, err := l.Checkpoint(ctx)
			if err != nil {
				out.fail("checkpoint: %v", err)
			}
			out.printf("cp %d %s\n", cp.Size, base64.StdEncoding.EncodeToString(cp.Root[:]))
			time.Sleep(2 * time.Millisecond)
		}
	}()

	var wg sync.WaitGroup
	for g := range crashWriters {
		wg.Go(func() {
			for i, op := range crashPlan(round, g) {
				leaves := make([][]byte, op.n)
				for j := range leaves {
					leaves[j] = crashLeaf(round, g, i, j)
				}
				switch op.kind {
				case crashAppend:
					idx, err := l.Append(ctx, leaves[0])
					if err != nil {
						out.fail("append: %v", err)
					}
					out.ack(idx, leaves[0], g, i, 0)
				case crashBatch:
					first, err := l.AppendBatch(ctx, leaves)
					if err != nil {
						out.fail("append batch: %v", err)
					}
					for j, leaf := range leaves {
						out.ack(first+uint64(j), leaf, g, i, j)
					}
				case crashAsync:
					futs := make([]IndexFuture, len(leaves))
					for j := range futs {
						futs[j] = l.AppendAsync(ctx, leaves[j])
					}
					for j, f := range futs {
						idx, err := f()
						if err != nil {
							out.fail("append async: %v", err)
						}
						out.ack(idx, leaves[j], g, i, j)
					}
				}
			}
		})
	}
	wg.Wait()
	out.printf("done\n")
	select {} // wait for the kill; the checkpointer keeps signing
}

type crashAck struct {
	index   uint64
	sum     [sha256.Size]byte
	g, i, j int
}

type crashCheckpoint struct {
	size uint64
	root verify.Hash
}

// crashRun is what the parent learnt from one child.
type crashRun struct {
	ready bool
	done  bool
	acks  []crashAck
	cps   []crashCheckpoint
}

func parseCrashLine(line string, run *crashRun) error {
	f := strings.Fields(line)
	switch {
	case len(f) == 2 && f[0] == "ready":
		run.ready = true
	case len(f) == 1 && f[0] == "done":
		run.done = true
	case len(f) == 6 && f[0] == "ack":
		var a crashAck
		var err error
		if a.index, err = strconv.ParseUint(f[1], 10, 64); err != nil {
			return err
		}
		sum, err := hex.DecodeString(f[2])
		if err != nil || len(sum) != sha256.Size {
			return fmt.Errorf("bad hash %q", f[2])
		}
		copy(a.sum[:], sum)
		for k, p := range []*int{&a.g, &a.i, &a.j} {
			if *p, err = strconv.Atoi(f[3+k]); err != nil {
				return err
			}
		}
		run.acks = append(run.acks, a)
	case len(f) == 3 && f[0] == "cp":
		var c crashCheckpoint
		var err error
		if c.size, err = strconv.ParseUint(f[1], 10, 64); err != nil {
			return err
		}
		if err := c.root.UnmarshalText([]byte(f[2])); err != nil {
			return err
		}
		run.cps = append(run.cps, c)
	default:
		return fmt.Errorf("unexpected line")
	}
	return nil
}

// runCrashChild starts the child, kills it delay after it is ready (or
// after it started, when fromStart), and returns what it acknowledged.
func runCrashChild(t *testing.T, dir, skey string, round int, delay time.Duration, fromStart bool) crashRun {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(),
		crashRoleEnv+"=child",
		crashDirEnv+"="+dir,
		crashKeyEnv+"="+skey,
		crashRoundEnv+"="+strconv.Itoa(round),
	)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var (
		run      crashRun
		parseErr error
		ready    = make(chan struct{})
		eof      = make(chan struct{})
	)
	go func() {
		defer close(eof)
		r := bufio.NewReader(stdout)
		signalled := false
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				// A last line without its newline was cut by the kill:
				// nothing in it was promised.
				return
			}
			if perr := parseCrashLine(line, &run); perr != nil && parseErr == nil {
				parseErr = fmt.Errorf("child line %q: %v", line, perr)
			}
			if run.ready && !signalled {
				signalled = true
				close(ready)
			}
		}
	}()
	if !fromStart {
		select {
		case <-ready:
		case <-eof:
		}
	}
	time.Sleep(delay)
	if err := cmd.Process.Kill(); err != nil {
		t.Logf("kill: %v", err)
	}
	<-eof
	werr := cmd.Wait()
	if parseErr != nil {
		t.Fatalf("round %d: %v\nstderr:\n%s", round, parseErr, stderr.Bytes())
	}
	if code := cmd.ProcessState.ExitCode(); code != -1 {
		t.Fatalf("round %d: the child exited by itself (%v, code %d) instead of being killed\nstderr:\n%s", round, werr, code, stderr.Bytes())
	}
	if s := stderr.String(); strings.Contains(s, "DATA RACE") || strings.Contains(s, "panic:") {
		t.Fatalf("round %d: the child reported a problem:\n%s", round, s)
	}
	return run
}

// TestCrashRecovery kills a child process in the middle of heavy concurrent
// appends and checkpointing, many times on the same log, and checks after
// each kill that every acknowledged append is present with its bytes, the
// stored hashes are intact, every checkpoint the child was handed is stored
// and consistent with the tree, and appends continue at the right index.
// crashMark is the high-water mark of the crash test's store dir.
func crashMark(dir string) string { return filepath.Join(filepath.Dir(dir), CheckpointFileName) }

func TestCrashRecovery(t *testing.T) {
	if os.Getenv(crashRoleEnv) == "child" {
		t.Skip("in the child process")
	}
	rounds := 20
	if testing.Short() {
		rounds = 3
	}
	// CheckIntegrity recomputes the whole tree, so its cost over the rounds
	// grows with their square. Under the race detector it costs far more per
	// leaf (Pebble's invariant checks capture a stack trace for each sstable
	// read, and CheckIntegrity reads every leaf and node by key), so there it
	// runs every fourth round and after the last one: damage done by a kill
	// stays in the store, so a later check still finds it.
	integrityEvery := 1
	if raceEnabled {
		integrityEvery = 4
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv(crashSeedEnv); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("%s: %v", crashSeedEnv, err)
		}
		seed = v
	}
	t.Logf("kill times from seed %d (replay with %s=%d)", seed, crashSeedEnv, seed)
	rng := mrand.New(mrand.NewPCG(seed, 0))

	skey, vkey, err := note.GenerateKey(rand.Reader, crashOrigin)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "log")
	// The high-water mark in use: a kill never makes it refuse the store.
	opts := &Options{Signer: signer, Verifier: verifier, CheckpointInterval: -1, CheckpointFile: crashMark(dir)}
	ctx := context.Background()

	acked := map[uint64][sha256.Size]byte{} // every acknowledged index, all rounds
	var cps []crashCheckpoint               // every checkpoint handed out, all rounds
	var totalAcks, totalCps, killedMidway int
	var childTime, checkTime time.Duration
	var prevSize uint64 // the tree size before this round's child
	for round := range rounds {
		delay := time.Duration(10+rng.IntN(291)) * time.Millisecond
		fromStart := round%5 == 4 // sometimes kill during Open and recovery
		start := time.Now()
		run := runCrashChild(t, dir, skey, round, delay, fromStart)
		childTime += time.Since(start)
		start = time.Now()
		totalAcks += len(run.acks)
		totalCps += len(run.cps)
		if run.ready && !run.done {
			killedMidway++
		}

		l, err := Open(dir, opts)
		if err != nil {
			t.Fatalf("round %d: reopen after the kill: %v", round, err)
		}
		size := l.Size()

		// The mark covers every checkpoint the child handed out.
		if m, ok, err := l.readMark(crashMark(dir)); err != nil || (!ok && len(run.cps) > 0) {
			t.Fatalf("round %d: the checkpoint file: present %v, %v", round, ok, err)
		} else {
			for _, c := range run.cps {
				if c.size > m.Size {
					t.Fatalf("round %d: checkpoint of size %d handed out, the mark holds only %d", round, c.size, m.Size)
				}
			}
		}

		// Every acknowledged append is there, with the bytes the child
		// derived for it.
		for _, a := range run.acks {
			if prev, ok := acked[a.index]; ok {
				t.Fatalf("round %d: index %d acknowledged twice (sha256 %x and %x)", round, a.index, prev, a.sum)
			}
			acked[a.index] = a.sum
			if a.index >= size {
				t.Fatalf("round %d: acknowledged index %d is missing: the reopened log has %d leaves", round, a.index, size)
			}
			leaf, err := l.Leaf(ctx, a.index)
			if err != nil {
				t.Fatalf("round %d: acknowledged leaf %d: %v", round, a.index, err)
			}
			if sha256.Sum256(leaf) != a.sum {
				t.Fatalf("round %d: leaf %d has sha256 %x, the child was acknowledged %x", round, a.index, sha256.Sum256(leaf), a.sum)
			}
			if want := crashLeaf(round, a.g, a.i, a.j); !bytes.Equal(leaf, want) {
				t.Fatalf("round %d: leaf %d is not the leaf (writer %d, op %d, %d) the child appended", round, a.index, a.g, a.i, a.j)
			}
		}
		// Nothing else was written: no stray bytes, no duplicates, no
		// partial batch.
		if err := checkCrashRound(l, round, prevSize, size); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		// ... and so is every one of the earlier rounds.
		seen := 0
		if err := l.ScanLeaves(ctx, 0, size, func(i uint64, leaf []byte) error {
			if sum, ok := acked[i]; ok {
				seen++
				if sha256.Sum256(leaf) != sum {
					return fmt.Errorf("leaf %d changed since it was acknowledged", i)
				}
			}
			return nil
		}); err != nil {
			t.Fatalf("round %d: scan: %v", round, err)
		}
		if seen != len(acked) {
			t.Fatalf("round %d: %d acknowledged leaves found of %d", round, seen, len(acked))
		}

		if round%integrityEvery == integrityEvery-1 || round == rounds-1 {
			if err := l.CheckIntegrity(ctx); err != nil {
				t.Fatalf("round %d: integrity after the kill: %v", round, err)
			}
		}

		// Every checkpoint handed out is stored, signed, and consistent
		// with the current tree.
		root, err := l.RootAt(ctx, size)
		if err != nil {
			t.Fatal(err)
		}
		check := cps
		if round < rounds-1 {
			check = nil // the earlier rounds' ones are checked again at the end
		}
		check = append(check, run.cps...)
		for _, c := range check {
			if c.size > size {
				t.Fatalf("round %d: checkpoint at size %d was handed out, the reopened tree has %d leaves", round, c.size, size)
			}
			st, err := l.CheckpointAt(ctx, c.size)
			if err != nil {
				t.Fatalf("round %d: checkpoint at size %d handed out but not stored: %v", round, c.size, err)
			}
			if st.Root != c.root {
				t.Fatalf("round %d: stored checkpoint %d has root %s, the child was handed %s", round, c.size, st.Root, c.root)
			}
			opened, err := verify.OpenCheckpoint(st.Note, verifier)
			if err != nil || opened != st.Checkpoint {
				t.Fatalf("round %d: stored checkpoint %d: %+v, %v", round, c.size, opened, err)
			}
			p, err := l.ConsistencyProof(ctx, c.size, size)
			if err != nil {
				t.Fatalf("round %d: consistency %d -> %d: %v", round, c.size, size, err)
			}
			if err := verify.VerifyConsistency(c.size, size, p, c.root, root); err != nil {
				t.Fatalf("round %d: checkpoint %d is not consistent with the tree of size %d: %v", round, c.size, size, err)
			}
		}
		cps = append(cps, run.cps...)

		// Appends continue where the tree ends.
		leaf := crashLeaf(round, crashWriters, 0, 0)
		idx, err := l.Append(ctx, leaf)
		if err != nil || idx != size {
			t.Fatalf("round %d: append after reopen: index %d, %v; want index %d", round, idx, err, size)
		}
		acked[idx] = sha256.Sum256(leaf)
		prevSize = idx + 1
		cp, err := l.Checkpoint(ctx)
		if err != nil || cp.Size != size+1 {
			t.Fatalf("round %d: checkpoint after reopen: %+v, %v", round, cp.Checkpoint, err)
		}
		cps = append(cps, crashCheckpoint{cp.Size, cp.Root})
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
		checkTime += time.Since(start)
	}
	t.Logf("%d rounds: %d acknowledged appends, %d checkpoints handed out, %d kills during appends; %v in children, %v checking", rounds, totalAcks, totalCps, killedMidway, childTime, checkTime)
	if totalAcks == 0 {
		t.Errorf("no child acknowledged any append: the kills came too early to test anything")
	}
}
