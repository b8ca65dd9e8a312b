package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"
)

// TestTilesExportCLI: glassbox tiles export writes the log's signed
// checkpoint and its tiles, then only what is new, and refuses another
// log's export directory.
func TestTilesExportCLI(t *testing.T) {
	dir, vkey := initLog(t, "example.com/tiles-cli")
	out := filepath.Join(t.TempDir(), "www")
	if code, _, errs := runCLI(t, "", "tiles", "export", "--dir", dir, "--out", out); code != exitUsage || !strings.Contains(errs, "no signed checkpoint") {
		t.Fatalf("export before any checkpoint: exit %d, %q", code, errs)
	}
	mustLog(t, nil, strings.Repeat("a leaf\n", 300), "append", "--dir", dir)
	mustLog(t, nil, "", "checkpoint", "--dir", dir)
	var res struct {
		From, Size uint64
		Files      int
	}
	code, stdout, errs := runCLI(t, "", "tiles", "export", "--dir", dir, "--out", out)
	if code != exitOK {
		t.Fatalf("export: exit %d, %q", code, errs)
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || res.From != 0 || res.Size != 300 || res.Files != 5 {
		// tile/0/000, tile/0/001.p/44, tile/1/000.p/1, tile/entries/000, tile/entries/001.p/44
		t.Fatalf("export: %q, %v", stdout, err)
	}
	cp, err := os.ReadFile(filepath.Join(out, "checkpoint"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := note.Open(cp, note.VerifierList(v)); err != nil || !strings.HasPrefix(n.Text, "example.com/tiles-cli\n300\n") {
		t.Fatalf("exported checkpoint does not verify: %v", err)
	}
	bundle, err := os.ReadFile(filepath.Join(out, "tile/entries/001.p/44"))
	if err != nil || !bytes.HasPrefix(bundle, []byte("\x00\x06a leaf")) || len(bundle) != 44*8 {
		t.Fatalf("entry bundle: %q, %v", bundle, err)
	}
	mustLog(t, nil, "one more\n", "append", "--dir", dir)
	mustLog(t, nil, "", "checkpoint", "--dir", dir)
	if code, stdout, errs = runCLI(t, "", "tiles", "export", "--dir", dir, "--out", out, "--prune-partials"); code != exitOK {
		t.Fatalf("second export: exit %d, %q", code, errs)
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || res.From != 300 || res.Size != 301 || res.Files != 2 {
		t.Fatalf("second export: %q, %v", stdout, err)
	}

	other, _ := initLog(t, "example.com/tiles-cli")
	mustLog(t, nil, "x\n", "append", "--dir", other)
	mustLog(t, nil, "", "checkpoint", "--dir", other)
	if code, _, errs := runCLI(t, "", "tiles", "export", "--dir", other, "--out", out); code != exitFailed || !strings.Contains(errs, "does not verify") {
		t.Fatalf("export of another log into this one's directory: exit %d, %q", code, errs)
	}
	for _, args := range [][]string{{"tiles"}, {"tiles", "import"}, {"tiles", "export", "--dir", dir}, {"tiles", "export", "--out", out}, {"tiles", "export", "--dir", dir, "--out", out, "extra"}} {
		if code, _, _ := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}
