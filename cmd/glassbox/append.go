package main

import (
	"context"
	"errors"
	"flag"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// appendCommand is `glassbox append --dir D < decisions.jsonl`
// (docs/decisions-jsonl.md).
func appendCommand() command {
	return command{name: "append", summary: "record JSON-lines decisions (or --outcomes) from stdin", run: runAppend}
}

type appendResult struct {
	Line     int    `json:"line"`
	ID       string `json:"id"`
	Index    uint64 `json:"index"`
	Existing bool   `json:"existing"`
}

func runAppend(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlagSet(env, "append")
	lf := addLogFlags(fs)
	outcomes := fs.Bool("outcomes", false, "read outcomes instead of decisions")
	batch := fs.Int("batch", 1000, "decisions per atomic batch")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	const use = "usage: glassbox append --dir DIR [--key FILE] [--outcomes] [--batch N] < records.jsonl"
	if c := requireFlags(env, "append", fs, use, "dir"); c != exitOK {
		return c
	}
	if fs.NArg() != 0 || *batch < 1 {
		return usageErr(env, "append", use)
	}
	if *outcomes {
		lines, err := readJSONLines(env.stdin, func(o *record.Outcome) error { return o.Validate() })
		if err != nil {
			return usageErr(env, "append", "%v", err)
		}
		lg, l, err := openDecisions(lf, createLog)
		if err != nil {
			return openFailed(env, "append", err)
		}
		defer lg.Close()
		for _, ln := range lines {
			res, err := l.AppendOutcome(ctx, ln.v)
			if errors.Is(err, decisions.ErrNotFound) {
				// The input names a decision the log does not hold: bad input.
				return usageErr(env, "append", "line %d: %v", ln.line, err)
			}
			if err != nil {
				return failed(env, "append", "line %d: %v", ln.line, err)
			}
			writeJSON(env.stdout, appendResult{Line: ln.line, ID: res.ID, Index: res.Index, Existing: res.Existing})
		}
		return exitOK
	}
	lines, err := readJSONLines(env.stdin, func(d *record.Decision) error { return d.Validate() })
	if err != nil {
		return usageErr(env, "append", "%v", err)
	}
	lg, l, err := openDecisions(lf, createLog)
	if err != nil {
		return openFailed(env, "append", err)
	}
	defer lg.Close()
	p := newProgress(env, "appending decisions")
	defer p.done()
	update := p.update()
	for start := 0; start < len(lines); start += *batch {
		chunk := lines[start:min(start+*batch, len(lines))]
		ds := make([]record.Decision, len(chunk))
		for i, ln := range chunk {
			ds[i] = ln.v
		}
		res, err := l.AppendBatch(ctx, ds)
		if err != nil {
			p.done()
			return failed(env, "append", "lines %d-%d (nothing of them written): %v", chunk[0].line, chunk[len(chunk)-1].line, err)
		}
		if update != nil {
			update(uint64(start+len(chunk)), uint64(len(lines)))
		}
		for i, r := range res {
			writeJSON(env.stdout, appendResult{Line: chunk[i].line, ID: r.ID, Index: r.Index, Existing: r.Existing})
		}
	}
	return exitOK
}

// logFlags are the flags that name a log: --dir, a log directory (made by
// glassbox log init, the examples or auditlog.CreateDir), and --key, the
// signer key file of a bare store (optional for a log directory, which
// holds its own keys; when given there, it must be the directory's key).
type logFlags struct {
	dir, keyFile *string
}

func addLogFlags(fs *flag.FlagSet) logFlags {
	return logFlags{
		dir:     fs.String("dir", "", "the log directory (made by glassbox log init), or with --key a bare store"),
		keyFile: fs.String("key", "", "optional: the signer key file (mode 0600) of a bare log store; --dir is then the store itself"),
	}
}

// openRecordsLog opens the log named by the flags (see openLog).
func openRecordsLog(f logFlags, mode openMode) (*auditlog.Log, error) {
	return openLog(*f.dir, *f.keyFile, mode)
}

// openDecisions opens the log named by the flags and its decisions layer;
// the caller closes the log.
func openDecisions(f logFlags, mode openMode) (*auditlog.Log, *decisions.Log, error) {
	lg, err := openRecordsLog(f, mode)
	if err != nil {
		return nil, nil, err
	}
	d, err := openLayer(lg, *f.dir)
	if err != nil {
		lg.Close()
		return nil, nil, err
	}
	return lg, d, nil
}

// openLayer opens the decisions layer of lg, with the directory's
// key-encryption key when dir is a log directory (a bare store has none).
func openLayer(lg *auditlog.Log, dir string) (*decisions.Log, error) {
	var opts *decisions.Options
	if _, err := auditlog.ReadDirInfo(dir); err == nil {
		if opts, err = decisions.DirOptions(dir, !lg.ReadOnly()); err != nil {
			return nil, err
		}
	}
	return decisions.Open(lg, opts)
}

// openFailed reports a failure to open the log: a bad directory or key is
// bad input (exit 2), anything else a failure (exit 1).
func openFailed(env *cliEnv, cmd string, err error) int {
	if dirErr(err) {
		return usageErr(env, cmd, "%v", err)
	}
	return failed(env, cmd, "%v", err)
}
