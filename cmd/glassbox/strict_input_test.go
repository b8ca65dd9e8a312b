package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// badJSON turns a good JSON object into the three inputs every reader of
// the CLI must refuse: a duplicate key, trailing data, invalid UTF-8.
func badJSON(good, key string) map[string]string {
	return map[string]string{
		"duplicate key": strings.Replace(good, "{", `{"`+key+`":null,`, 1),
		"trailing data": good + ` {}`,
		"invalid UTF-8": strings.Replace(good, "}", ",\"\xff\":1}", 1),
	}
}

var strictSays = map[string]string{
	"duplicate key": "strictjson: duplicate key",
	"trailing data": "strictjson: trailing data",
	"invalid UTF-8": "strictjson: invalid UTF-8",
}

// TestCLIJSONReadersAreStrict: every JSON input of the CLI (explain's rows
// and reason texts, verify's receipt, append's records) refuses a
// duplicate key, trailing data and invalid UTF-8 with exit 2, naming the
// strictjson rule, and writes nothing to stdout but a verify format error.
func TestCLIJSONReadersAreStrict(t *testing.T) {
	dir := t.TempDir()
	model := explainTestdata + "binary_d8_missing.json.gz"
	row := `{"x0_a":4,"x1_b":0.2,"x2_c":1.5,"x3_d":1.5,"x4_e":null,"x5_f":0,"x6_g":0,"x7_h":0}`
	if code, _, stderr := runCLI(t, row, "explain", "--model", model); code != exitOK {
		t.Fatalf("good row: %d %s", code, stderr)
	}
	for name, in := range badJSON(row, "x0_a") {
		code, out, stderr := runCLI(t, in, "explain", "--model", model)
		if code != exitUsage || out != "" || !strings.Contains(stderr, "line 1") || !strings.Contains(stderr, strictSays[name]) {
			t.Errorf("explain row, %s: exit %d %q %q", name, code, out, stderr)
		}
	}

	texts := `{"x0_a":"a","x1_b":"b","x2_c":"c","x3_d":"d","x4_e":"e","x5_f":"f","x6_g":"g","x7_h":"h"}`
	tf := filepath.Join(dir, "texts.json")
	os.WriteFile(tf, []byte(texts), 0o644)
	if code, _, stderr := runCLI(t, row, "explain", "--model", model, "--reasons", "2", "--reason-texts", tf); code != exitOK {
		t.Fatalf("good texts: %d %s", code, stderr)
	}
	for name, in := range badJSON(texts, "x0_a") {
		os.WriteFile(tf, []byte(in), 0o644)
		code, out, stderr := runCLI(t, row, "explain", "--model", model, "--reasons", "2", "--reason-texts", tf)
		if code != exitUsage || out != "" || !strings.Contains(stderr, strictSays[name]) {
			t.Errorf("explain texts, %s: exit %d %q %q", name, code, out, stderr)
		}
	}

	rc, key := oneLeafReceipt(t)
	rf := filepath.Join(dir, "receipt.json")
	os.WriteFile(rf, rc, 0o644)
	if code, out, stderr := runCmd(t, "verify", rf, "--log-key", key); code != exitOK {
		t.Fatalf("good receipt: %d %s %s", code, out, stderr)
	}
	for name, in := range badJSON(string(rc), "origin") {
		os.WriteFile(rf, []byte(in), 0o644)
		code, out, stderr := runCmd(t, "verify", rf, "--log-key", key)
		if code != exitUsage || !strings.Contains(out, `"check":"format"`) || !strings.Contains(stderr, strictSays[name]) {
			t.Errorf("verify, %s: exit %d %q %q", name, code, out, stderr)
		}
	}

	logDir := filepath.Join(t.TempDir(), "log")
	if code, _, stderr := runRecCLI(t, "", "log", "init", "--dir", logDir, "--origin", "example.org/strict"); code != exitOK {
		t.Fatal(stderr)
	}
	first := strings.SplitN(cliDecisions, "\n", 2)[0]
	for name, in := range badJSON(first, "id") {
		code, out, stderr := runRecCLI(t, in+"\n", "append", "--dir", logDir)
		if code != exitUsage || out != "" || !strings.Contains(stderr, "line 1") || !strings.Contains(stderr, strictSays[name]) {
			t.Errorf("append, %s: exit %d %q %q", name, code, out, stderr)
		}
	}
}
