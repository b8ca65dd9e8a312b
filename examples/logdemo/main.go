// Command logdemo shows the audit log engine on its own: many goroutines
// append at once, a checkpoint is signed, and an inclusion proof, a
// consistency proof and the integrity check are verified, the proofs with
// package auditlog/verify alone (what an outside auditor would run).
//
//	go run ./examples/logdemo                        # 5000 leaves from 64 goroutines, in a temporary directory
//	go run ./examples/logdemo --leaves 20000 --writers 1024
//	go run ./examples/logdemo --dir /tmp/mylog       # keep the log directory (it must be missing or empty)
//
// Every append waits until its leaf is durable (fsync'd); the appends/s
// figure therefore measures group commit: one fsync serves every append
// waiting at that moment, so more concurrent writers give more appends per
// second. It exits 0 when everything verified (or --help was asked for), 1
// when something did not, 2 on bad usage.
package main

import (
	"context"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// config is the demo's command line.
type config struct {
	dir      string
	leaves   int
	writers  int
	leafSize int
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("logdemo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.dir, "dir", "", "log directory, kept afterwards; must be missing or empty (default: a temporary directory, removed at exit)")
	fs.IntVar(&c.leaves, "leaves", 5000, "number of leaves to append")
	fs.IntVar(&c.writers, "writers", 64, "number of concurrent appending goroutines")
	fs.IntVar(&c.leafSize, "leaf-size", 256, "bytes per leaf")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	switch {
	case fs.NArg() > 0:
		return c, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case c.leaves < 2:
		return c, errors.New("--leaves must be at least 2")
	case c.writers < 1:
		return c, errors.New("--writers must be at least 1")
	case c.leafSize < 8 || c.leafSize > auditlog.DefaultMaxLeafSize:
		return c, fmt.Errorf("--leaf-size must be between 8 and %d", auditlog.DefaultMaxLeafSize)
	}
	return c, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	c, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0 // help asked for, and printed: success
	}
	if err != nil {
		fmt.Fprintln(stderr, "logdemo:", err)
		return 2
	}
	if err := demo(ctx, c, stdout); err != nil {
		fmt.Fprintln(stderr, "logdemo:", err)
		return 1
	}
	return 0
}

func demo(ctx context.Context, c config, w io.Writer) (err error) {
	dir := c.dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "logdemo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp + "/log"
		fmt.Fprintf(w, "log directory  %s (removed at exit)\n", dir)
	} else {
		fmt.Fprintf(w, "log directory  %s\n", dir)
	}

	// A log directory: a fresh key pair (signer.key, verifier.key) and the
	// store (pebble/), which glassbox log verify --dir reads as it is.
	info, err := auditlog.CreateDir(dir, "example.com/logdemo")
	if err != nil {
		return err
	}
	verifier, vkey := info.Verifier, info.VerifierKey
	l, err := auditlog.OpenDir(dir, &auditlog.Options{CheckpointInterval: -1})
	if err != nil {
		return err
	}
	defer func() {
		if cerr := l.Close(); err == nil {
			err = cerr
		}
	}()
	fmt.Fprintf(w, "verifier key   %s\n", vkey)

	// Phase 1: most of the leaves, from many goroutines at once.
	first := c.leaves * 3 / 4
	start := time.Now()
	if err := appendConcurrently(ctx, l, 0, first, c.writers, c.leafSize); err != nil {
		return err
	}
	elapsed := time.Since(start)
	fmt.Fprintf(w, "appended       %d leaves of %d bytes from %d goroutines in %v: %.0f durable appends/s\n",
		first, c.leafSize, c.writers, elapsed.Round(time.Millisecond), float64(first)/elapsed.Seconds())

	cp1, err := l.Checkpoint(ctx)
	if err != nil {
		return err
	}
	// An auditor holds only the verifier key and the signed note.
	opened, err := verify.OpenCheckpoint(cp1.Note, verifier)
	if err != nil {
		return fmt.Errorf("checkpoint does not verify: %w", err)
	}
	fmt.Fprintf(w, "checkpoint     signature verified; size %d, root %s\n", opened.Size, b64(opened.Root))
	fmt.Fprintf(w, "%s", indent(string(cp1.Note)))

	// One inclusion proof: a leaf in the middle of the checkpointed tree.
	idx := opened.Size / 2
	leaf, err := l.Leaf(ctx, idx)
	if err != nil {
		return err
	}
	ip, err := l.InclusionProof(ctx, idx, opened.Size)
	if err != nil {
		return err
	}
	if err := verify.VerifyInclusion(idx, opened.Size, verify.LeafHash(leaf), ip, opened.Root); err != nil {
		return fmt.Errorf("inclusion proof does not verify: %w", err)
	}
	fmt.Fprintf(w, "inclusion      leaf %d in size %d: %d hashes, verified against the checkpoint root\n", idx, opened.Size, len(ip))
	for _, h := range ip {
		fmt.Fprintf(w, "                 %s\n", b64(h))
	}

	// Phase 2: the rest, then a consistency proof between the checkpoints.
	if err := appendConcurrently(ctx, l, first, c.leaves-first, c.writers, c.leafSize); err != nil {
		return err
	}
	cp2, err := l.Checkpoint(ctx)
	if err != nil {
		return err
	}
	opened2, err := verify.OpenCheckpoint(cp2.Note, verifier)
	if err != nil {
		return fmt.Errorf("second checkpoint does not verify: %w", err)
	}
	cons, err := l.ConsistencyProof(ctx, opened.Size, opened2.Size)
	if err != nil {
		return err
	}
	if err := verify.VerifyConsistency(opened.Size, opened2.Size, cons, opened.Root, opened2.Root); err != nil {
		return fmt.Errorf("consistency proof does not verify: %w", err)
	}
	fmt.Fprintf(w, "consistency    size %d -> %d (root %s): %d hashes, verified; the second checkpoint extends the first\n",
		opened.Size, opened2.Size, b64(opened2.Root), len(cons))
	for _, h := range cons {
		fmt.Fprintf(w, "                 %s\n", b64(h))
	}

	start = time.Now()
	if err := l.CheckIntegrity(ctx); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	fmt.Fprintf(w, "integrity      ok: %d leaves, every stored hash and both checkpoints recomputed in %v\n",
		l.Size(), time.Since(start).Round(time.Millisecond))
	return nil
}

// appendConcurrently appends n leaves with indices from base on, from the
// given number of goroutines, each waiting for its own durable Append.
func appendConcurrently(ctx context.Context, l *auditlog.Log, base, n, writers, leafSize int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for g := 0; g < writers; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			leaf := make([]byte, leafSize)
			for i := base + g; i < base+n; i += writers {
				fill(leaf, i)
				if _, err := l.Append(ctx, leaf); err != nil {
					once.Do(func() { first = err; cancel() })
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}

// fill writes a recognisable leaf for item i.
func fill(b []byte, i int) {
	s := fmt.Sprintf("logdemo item %d ", i)
	for k := range b {
		b[k] = s[k%len(s)]
	}
}

func indent(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if line != "" {
			b.WriteString("                 " + line)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// b64 is the base64 form of a hash, as checkpoints write roots.
func b64(h verify.Hash) string { return base64.StdEncoding.EncodeToString(h[:]) }
