package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/tiles"
)

func tilesCommand() command {
	return command{name: "tiles", summary: "export a log as c2sp.org/tlog-tiles for a static web server (docs/tiles.md)", run: runTiles}
}

func runTiles(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || args[0] != "export" {
		if len(args) > 0 && !isHelp(args) {
			fmt.Fprintf(env.stderr, "glassbox tiles: unknown subcommand %q\n", args[0])
		}
		fmt.Fprintln(env.stderr, "usage: glassbox tiles export --dir D --out OUT [--key K] [--prune-partials]")
		fmt.Fprintln(env.stderr, "  writes the latest signed checkpoint of the log in D, and the tiles and entry bundles it covers, to OUT;")
		fmt.Fprintln(env.stderr, "  run it again to add what is new. Serve OUT with any static web server (docs/tiles.md).")
		if isHelp(args) {
			return exitOK
		}
		return exitUsage
	}
	const cmd = "tiles export"
	fs := newFlagSet(env, cmd)
	lf := addLogFlags(fs)
	out := fs.String("out", "", "the export directory (created when missing; a previous export of the same log is updated)")
	prune := fs.Bool("prune-partials", false, "remove the partial tiles that new full tiles replace (clients holding older checkpoints may then need the full tile)")
	if err := fs.Parse(args[1:]); err != nil {
		return parseExit(err)
	}
	switch {
	case fs.NArg() > 0:
		return usageErr(env, cmd, "unexpected argument %q", fs.Arg(0))
	case *lf.dir == "":
		return usageErr(env, cmd, "--dir is required")
	case *out == "":
		return usageErr(env, cmd, "--out is required")
	}
	l, err := openLog(*lf.dir, *lf.keyFile, readLog)
	if err != nil {
		if errors.Is(err, auditlog.ErrCorrupt) {
			return failed(env, cmd, "%v", err)
		}
		return usageErr(env, cmd, "%v", err)
	}
	defer l.Close()
	p := newProgress(env, "writing tiles")
	res, err := tiles.Export(ctx, l, *out, &tiles.ExportOptions{PrunePartials: *prune, Progress: p.update()})
	p.done()
	switch {
	case errors.Is(err, tiles.ErrNotPublished):
		return usageErr(env, cmd, "%v (sign one with glassbox log checkpoint)", err)
	case err != nil:
		return failed(env, cmd, "%v", err)
	}
	if err := writeJSON(env.stdout, res); err != nil {
		return failed(env, cmd, "writing output: %v", err)
	}
	return exitOK
}
