package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/glassbox-audit/glassbox/fairness"
	"github.com/glassbox-audit/glassbox/fairness/fairnesslog"
)

// dirsOf returns the values of every --dir in args (the flag package keeps
// only the last): `glassbox fairness` with several merges their reports.
func dirsOf(args []string) []string {
	var dirs []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") {
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != "dir" {
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				break
			}
			i++
			val = args[i]
		}
		dirs = append(dirs, val)
	}
	return dirs
}

// runFairnessMerged is `glassbox fairness --dir A --dir B ...`: one report
// over the counters of all the logs (fairness.NewMergedReport), naming one
// checkpoint per log. The logs are log directories (glassbox log init).
func runFairnessMerged(ctx context.Context, env *cliEnv, dirs []string, q *fairness.Query, scan, asJSON bool) int {
	const name = "fairness"
	if scan {
		return usageErr(env, name, "--scan reads one log; with several --dir the report comes from the counters")
	}
	seen := map[string]bool{}
	for _, d := range dirs {
		if seen[filepath.Clean(d)] {
			return usageErr(env, name, "--dir %s given twice: its decisions would count twice", d)
		}
		seen[filepath.Clean(d)] = true
	}
	var srcs []fairness.CountSource
	for _, d := range dirs {
		empty := ""
		lg, l, err := openDecisions(logFlags{dir: &d, keyFile: &empty}, writeLog)
		if err != nil {
			return openFailed(env, name, err)
		}
		defer lg.Close()
		srcs = append(srcs, fairnesslog.Source(l))
	}
	r, err := fairness.NewMergedReport(ctx, srcs, q)
	switch {
	case errors.Is(err, fairness.ErrInvalid):
		return usageErr(env, name, "%v", err)
	case err != nil:
		return failed(env, name, "%v", err)
	}
	if asJSON {
		if err := writeJSON(env.stdout, r); err != nil {
			return failed(env, name, "writing the report: %v", err)
		}
		return exitOK
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "Fairness report merged over %d logs, at the checkpoints:\n", len(r.Checkpoints))
	for _, cp := range r.Checkpoints {
		fmt.Fprintf(&b, "  %s, tree size %d, root %s\n", cp.Origin, cp.Size, base64.StdEncoding.EncodeToString(cp.Root[:]))
	}
	var one bytes.Buffer
	if err := fairness.WriteText(&one, &r.Report); err != nil {
		return failed(env, name, "writing the report: %v", err)
	}
	_, rest, _ := strings.Cut(one.String(), "\n") // its first line names one checkpoint
	b.WriteString(rest)
	if _, err := env.stdout.Write(b.Bytes()); err != nil {
		return failed(env, name, "writing the report: %v", err)
	}
	return exitOK
}
