package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProgressQuietOffTerminal: the commands that draw a progress bar on
// a terminal write nothing to a standard error that is a file (not a
// terminal), nor to a buffer.
func TestProgressQuietOffTerminal(t *testing.T) {
	dir := sdkLogDir(t)
	for _, c := range []struct {
		stdin string
		args  []string
	}{
		{"", []string{"log", "verify", "--dir", dir}},
		{"", []string{"log", "export", "--dir", dir}},
		{"", []string{"fairness", "--dir", dir, "--by", "sex", "--scan", "--replicates", "0"}},
		{"", []string{"tiles", "export", "--dir", dir, "--out", filepath.Join(t.TempDir(), "tiles")}},
		{cliDecisions, []string{"append", "--dir", dir}},
	} {
		errFile, err := os.CreateTemp(t.TempDir(), "stderr")
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		code := run(context.Background(), &cliEnv{stdin: strings.NewReader(c.stdin), stdout: &out, stderr: errFile}, c.args)
		errFile.Close()
		b, _ := os.ReadFile(errFile.Name())
		if code != exitOK || len(b) != 0 || out.Len() == 0 {
			t.Errorf("%q: exit %d, stderr %q, %d bytes of stdout; want 0, nothing on stderr, the result on stdout", c.args, code, b, out.Len())
		}
	}
}

// TestProgressBarOnTerminal: on a terminal the bar is drawn, described;
// off one, the callback is nil (the library skips it).
func TestProgressBarOnTerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newProgressOn(&buf, true, "checking leaves")
	u := p.update()
	if u == nil {
		t.Fatal("no callback on a terminal")
	}
	u(1, 10)
	u(10, 10)
	p.done()
	if !strings.Contains(buf.String(), "checking leaves") {
		t.Errorf("bar output %q lacks its description", buf.String())
	}
	if newProgressOn(&buf, false, "x").update() != nil {
		t.Error("a callback off a terminal")
	}
	if isTerminal(&buf) {
		t.Error("a buffer is a terminal")
	}
}
