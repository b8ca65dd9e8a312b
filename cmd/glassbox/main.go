// Command glassbox inspects, verifies and feeds a Glassbox audit log.
//
// Every subcommand writes machine-readable JSON to standard output (unless it
// documents a human-readable default) and exits with:
//
//	0  success
//	1  a check failed (verification, integrity, a proof that does not hold)
//	2  bad usage or bad input (unknown flag, missing argument, unreadable file)
//
// The subcommands, their flags and exit codes are documented in docs/cli.md
// (TestEveryCommand and TestExitCodesDocumented keep it true); scripts
// depend on their JSON output, so it is kept stable.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
)

// Exit codes shared by every subcommand.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

// A command is one top-level subcommand. run receives the arguments after the
// subcommand's name and returns the process exit code.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *cliEnv, args []string) int
}

// commandTable lists every subcommand. Each subcommand lives in its own file.
func commandTable() []command {
	return []command{
		// Subcommands are registered here, one line each.
		registryCommand(),
		modelCommand(),
		explainCommand(),
		verifyCommand(),
		appendCommand(),
		getCommand(),
		receiptCommand(),
		eraseCommand(),
		logCommand(),
		fairnessCommand(),
		anchorCommand(),
		logsCommand(),
		serveCommand(),
		tilesCommand(),
		reproduceCommand(),
		witnessCommand(),
		devnetCommand(),
	}
}

// cliEnv carries the process's standard streams so that tests can run
// subcommands in process.
type cliEnv struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, &cliEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches args to a subcommand and returns the exit code.
func run(ctx context.Context, env *cliEnv, args []string) int {
	cmds := commandTable()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.stderr, cmds)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range cmds {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
	}
	fmt.Fprintf(env.stderr, "glassbox: unknown command %q\n", args[0])
	usage(env.stderr, cmds)
	return exitUsage
}

func usage(w io.Writer, cmds []command) {
	fmt.Fprintln(w, "usage: glassbox <command> [arguments]")
	fmt.Fprintln(w, "\ncommands:")
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
}
