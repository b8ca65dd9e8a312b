package main

import (
	"encoding/json"
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
