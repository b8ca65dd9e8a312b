package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
)

// newFlagSet returns a flag set that reports errors instead of exiting, so
// that a bad flag becomes exit code 2 through the caller.
func newFlagSet(env *cliEnv, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("glassbox "+name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	return fs
}

// writeJSON writes v as one line of JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// usageErr prints a usage error and returns exitUsage.
func usageErr(env *cliEnv, cmd string, format string, args ...any) int {
	fmt.Fprintf(env.stderr, "glassbox %s: %s\n", cmd, fmt.Sprintf(format, args...))
	return exitUsage
}

// failed prints why a check failed and returns exitFailed.
func failed(env *cliEnv, cmd string, format string, args ...any) int {
	fmt.Fprintf(env.stderr, "glassbox %s: %s\n", cmd, fmt.Sprintf(format, args...))
	return exitFailed
}

// parseExit is the exit code of a failed flag parse: 0 when help was asked
// for (the flag package has printed it), 2 for a bad flag.
func parseExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

// isHelp reports whether a command group's first argument asks for help
// (-h, --help or help): the group prints its usage and exits 0.
func isHelp(args []string) bool {
	return len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help")
}

// requireFlags reports, as a usage error, the named flags left empty
// ("--dir is required"), followed by the command's usage line; it returns
// exitOK when all are given.
func requireFlags(env *cliEnv, cmd string, fs *flag.FlagSet, usage string, names ...string) int {
	if err := required(fs, names...); err != nil {
		return usageErr(env, cmd, "%v (%s)", err, usage)
	}
	return exitOK
}
