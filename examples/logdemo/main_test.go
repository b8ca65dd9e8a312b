package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

func runDemo(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestDemoTempDir runs the demo with small sizes in a temporary directory
// and checks that every step reports success and the directory is gone.
func TestDemoTempDir(t *testing.T) {
	code, out, errs := runDemo(t, "--leaves", "300", "--writers", "16", "--leaf-size", "64")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{
		"appended       225 leaves of 64 bytes from 16 goroutines",
		"checkpoint     signature verified; size 225",
		"inclusion      leaf 112 in size 225",
		"consistency    size 225 -> 300",
		"integrity      ok: 300 leaves",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	m := regexp.MustCompile(`log directory  (\S+) \(removed at exit\)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no temporary directory named:\n%s", out)
	}
	if _, err := os.Stat(filepath.Dir(m[1])); !os.IsNotExist(err) {
		t.Errorf("temporary directory %s left behind: %v", m[1], err)
	}
}

// TestDemoKeptDir runs the demo in a given directory and reopens the log
// it leaves: the demo's second checkpoint, opened with the printed verifier
// key, is the stored tree's root, and every leaf is the one the demo wrote.
func TestDemoKeptDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "log")
	code, out, errs := runDemo(t, "--dir", dir, "--leaves", "40", "--writers", "3")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	vkey := regexp.MustCompile(`verifier key   (\S+)`).FindStringSubmatch(out)
	if vkey == nil {
		t.Fatalf("no verifier key printed:\n%s", out)
	}
	v, err := note.NewVerifier(vkey[1])
	if err != nil {
		t.Fatal(err)
	}
	// The directory is a log directory whose verifier.key is the printed
	// key; it opens read-only with that key alone.
	if err := os.Remove(filepath.Join(dir, auditlog.SignerKeyFile)); err != nil {
		t.Fatalf("no signer key in the kept directory: %v", err)
	}
	l, err := auditlog.OpenDir(dir, &auditlog.Options{ReadOnly: true, Verifier: v})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	cp, err := l.LatestCheckpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c, err := verify.OpenCheckpoint(cp.Note, v)
	if err != nil || c.Size != 40 {
		t.Fatalf("stored checkpoint %+v: %v", c, err)
	}
	// Concurrent writers: any order, but each item exactly once.
	want := map[string]int{}
	for i := 0; i < 40; i++ {
		b := make([]byte, 256)
		fill(b, i)
		want[string(b)] = i
	}
	if err := l.ScanLeaves(ctx, 0, 40, func(i uint64, leaf []byte) error {
		if _, ok := want[string(leaf)]; !ok {
			t.Errorf("leaf %d is not an unseen demo item: %.40q", i, leaf)
		}
		delete(want, string(leaf))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(want) != 0 {
		t.Errorf("%d items missing", len(want))
	}
	if err := l.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestDemoUsage(t *testing.T) {
	for _, args := range [][]string{
		{"--leaves", "1"},
		{"--writers", "0"},
		{"--leaf-size", "4"},
		{"--bogus"},
		{"extra"},
	} {
		if code, _, errs := runDemo(t, args...); code != 2 || errs == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2", args, code, errs)
		}
	}
	// Help is success, and says what the flags are.
	for _, h := range []string{"-h", "--help"} {
		if code, out, errs := runDemo(t, h); code != 0 || !strings.Contains(out+errs, "-leaves") {
			t.Errorf("%s: exit %d, output %q; want 0 and the flags", h, code, out+errs)
		}
	}
	// A directory that holds something else is refused, and left alone.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runDemo(t, "--dir", dir, "--leaves", "10"); code != 1 || !strings.Contains(errs, "is not empty") {
		t.Errorf("non-empty dir: exit %d, %q", code, errs)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "notes.txt")); err != nil || string(b) != "mine" {
		t.Errorf("the directory's file was touched: %q %v", b, err)
	}
	if ents, err := os.ReadDir(dir); err != nil || len(ents) != 1 {
		t.Errorf("the refused directory holds %d entries (%v), want its one file", len(ents), err)
	}
}
