package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// Help is success; a bad flag or an unknown command is bad usage.
func TestHelpAndUsageExitCodes(t *testing.T) {
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"explain", "-h"}, exitOK},
		{[]string{"verify", "--help"}, exitOK},
		{[]string{"help"}, exitOK},
		{[]string{"explain", "--no-such-flag"}, exitUsage},
		{[]string{"no-such-command"}, exitUsage},
		{nil, exitUsage},
	} {
		var out, errs bytes.Buffer
		env := &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errs}
		if got := run(context.Background(), env, c.args); got != c.want {
			t.Errorf("glassbox %s: exit %d, want %d (%s)", strings.Join(c.args, " "), got, c.want, errs.String())
		}
	}
}
