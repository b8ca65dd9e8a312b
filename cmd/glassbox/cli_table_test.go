package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// cliGroups are the commands that dispatch to subcommands, and how to
// list those: every subcommand is a command of the table test.
func cliGroups() map[string][]string {
	var logs, regs, models []string
	for _, s := range modelSubs() {
		models = append(models, s.name)
	}
	for _, s := range logSubs() {
		logs = append(logs, s.name)
	}
	for _, s := range registrySubs() {
		regs = append(regs, s.name)
	}
	return map[string][]string{"log": logs, "model": models, "registry": regs, "tiles": {"export"}, "witness": {"submit"}}
}

// cliRow is one command of the table test: args that leave out one
// required flag or argument, and what the error must then name.
type cliRow struct {
	missing []string
	want    string
}

// cliRows has a row for every command and subcommand of main.go's table;
// TestEveryCommand fails when one has no row (a new command must get one)
// or a row names no command.
func cliRows(dir string) map[string]cliRow {
	const rpc, addr = "http://127.0.0.1:1", "0x5FbDB2315678afecb367f032d93F642f64180aa3"
	key := filepath.Join(dir, "k.hex")
	chain := []string{"--rpc", rpc, "--contract", addr}
	with := func(extra ...string) []string { return append(slices.Clone(chain), extra...) }
	return map[string]cliRow{
		"registry digest":         {nil, "FILE"},
		"registry logid":          {nil, "ORIGIN"},
		"registry deploy":         {[]string{"--key-file", key}, "--rpc is required"},
		"registry register-model": {with("--key-file", key, "--name", "n", "--version", "v"), "--file is required"},
		"registry deprecate":      {with("--key-file", key, "--name", "n"), "--version is required"},
		"registry model":          {with("--name", "n"), "--version is required"},
		"registry versions":       {chain, "--name is required"},
		"registry models":         {[]string{"--rpc", rpc}, "--contract is required"},
		"registry register-log":   {with("--key-file", key, "--anchorer", addr), "--public-key is required"},
		"registry log":            {chain, "--origin"},
		"model card":              {nil, "--file is required"},
		"model schema":            {nil, "--file is required"},
		"model manifest":          {nil, "--training is required"},
		"model prove":             {[]string{"--line", "1"}, "--training is required"},
		"model verify-record":     {[]string{"--root", "00"}, "--proof and --record-file are required"},
		"explain":                 {nil, "--model is required"},
		"verify":                  {[]string{"--log-key", "k"}, "receipt file"},
		"append":                  {nil, "--dir is required"},
		"get":                     {[]string{"--id", "x"}, "--dir is required"},
		"receipt":                 {[]string{"--dir", dir}, "--id is required"},
		"erase":                   {[]string{"--dir", dir}, "--subject is required"},
		"log init":                {[]string{"--dir", dir}, "--origin is required"},
		"log append":              {nil, "--dir is required"},
		"log checkpoint":          {nil, "--dir is required"},
		"log proof":               {[]string{"--dir", dir}, "--index is required"},
		"log consistency":         {[]string{"--dir", dir}, "--from is required"},
		"log export":              {nil, "--dir is required"},
		"log verify":              {nil, "--dir"},
		"fairness":                {[]string{"--dir", dir}, "--by is required"},
		"anchor":                  {with("--dir", dir, "--once"), "--key-file or --keystore is required"},
		"serve":                   {nil, "--dir is required"},
		"tiles export":            {[]string{"--dir", dir}, "--out is required"},
		"reproduce":               {[]string{filepath.Join(dir, "r.json"), "--log-key", "k"}, "--model is required"},
		"witness submit":          {[]string{"--dir", dir}, "--witness is required"},
		"devnet":                  {[]string{"--demo", "0"}, "--demo N (>= 1)"},
		"logs":                    {[]string{"--rpc", rpc}, "--contract is required"},
	}
}

// TestEveryCommand: for every command of main.go's table (and every
// subcommand of a group), --help exits 0, an unknown flag exits 2 naming
// it, and a missing required flag exits 2 naming it; none of them writes
// anything to standard output or creates a file. A group alone is exit 2
// (usage), with --help 0, with an unknown subcommand 2.
func TestEveryCommand(t *testing.T) {
	dir := t.TempDir()
	rows := cliRows(filepath.Join(dir, "nothing"))
	groups := cliGroups()
	var names []string
	for _, c := range commandTable() {
		subs, ok := groups[c.name]
		if !ok {
			names = append(names, c.name)
			continue
		}
		for _, s := range subs {
			names = append(names, c.name+" "+s)
		}
		for args, want := range map[string]int{"": exitUsage, "--help": exitOK, "-h": exitOK, "no-such-subcommand": exitUsage} {
			argv := []string{c.name}
			if args != "" {
				argv = append(argv, args)
			}
			if code, out, errs := runCmd(t, argv...); code != want || out != "" || errs == "" {
				t.Errorf("glassbox %s %s: exit %d, stdout %q; want %d, usage on stderr", c.name, args, code, out, want)
			}
		}
	}
	for _, name := range names {
		row, ok := rows[name]
		if !ok {
			t.Errorf("glassbox %s has no row in cliRows: add one (its missing-flag case)", name)
			continue
		}
		path := strings.Fields(name)
		t.Run(name, func(t *testing.T) {
			for _, h := range []string{"--help", "-h"} {
				if code, out, errs := runCmd(t, append(slices.Clone(path), h)...); code != exitOK || out != "" || !strings.Contains(strings.ToLower(errs), "usage") || !strings.Contains(errs, name) {
					t.Errorf("%s: exit %d, stdout %q, stderr %q; want 0 and the command's usage on stderr", h, code, out, errs)
				}
			}
			code, out, errs := runCmd(t, append(slices.Clone(path), "--no-such-flag")...)
			if code != exitUsage || out != "" || !strings.Contains(errs, "no-such-flag") {
				t.Errorf("unknown flag: exit %d, stdout %q, stderr %q; want 2 naming it", code, out, errs)
			}
			code, out, errs = runCmd(t, append(slices.Clone(path), row.missing...)...)
			if code != exitUsage || out != "" || !strings.Contains(errs, row.want) {
				t.Errorf("missing a required flag (%q): exit %d, stdout %q, stderr %q; want 2 naming %q", row.missing, code, out, errs, row.want)
			}
		})
	}
	for name := range rows {
		if !slices.Contains(names, name) {
			t.Errorf("cliRows has a row for %q, which is no command", name)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("the commands created %d files in %s", len(ents), dir)
	}
}

// TestExitCodesDocumented: docs/cli.md documents the exit codes main.go
// defines, and names every command of the table.
func TestExitCodesDocumented(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "cli.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	_, section, ok := strings.Cut(doc, "## Exit codes")
	if !ok {
		t.Fatal("docs/cli.md has no \"## Exit codes\" section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	for code, words := range map[int]string{exitOK: "success", exitFailed: "a check failed", exitUsage: "bad usage or bad input"} {
		if !regexp.MustCompile(`(?m)^\| \*\*` + string(rune('0'+code)) + `\*\* \| ` + words).MatchString(section) {
			t.Errorf("docs/cli.md's exit codes lack the row \"| **%d** | %s ...\"", code, words)
		}
	}
	for _, c := range commandTable() {
		if !strings.Contains(doc, "`glassbox "+c.name) {
			t.Errorf("docs/cli.md does not name glassbox %s", c.name)
		}
	}
}
