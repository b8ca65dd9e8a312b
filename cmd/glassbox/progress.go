package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress draws a progress bar on standard error for long work (fairness
// --scan, log export, log verify, tiles export, append): only when
// standard error is a terminal, so that scripts, pipes and log files get
// nothing. The library reports progress through a plain callback
// (func(done, total uint64)); only this file knows the bar.
type progress struct {
	bar *progressbar.ProgressBar
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// newProgress returns the progress of work described by what, drawn on
// env.stderr when it is a terminal. Its update is nil otherwise, so the
// library skips the calls.
func newProgress(env *cliEnv, what string) *progress {
	return newProgressOn(env.stderr, isTerminal(env.stderr), what)
}

func newProgressOn(w io.Writer, tty bool, what string) *progress {
	if !tty {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

// update is the library's progress callback, nil when nothing is drawn.
func (p *progress) update() func(done, total uint64) {
	if p.bar == nil {
		return nil
	}
	var max uint64
	return func(done, total uint64) {
		if total != max {
			max = total
			p.bar.ChangeMax64(int64(total))
		}
		_ = p.bar.Set64(int64(done))
	}
}

// done removes the bar, before the command prints its result or error.
func (p *progress) done() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
