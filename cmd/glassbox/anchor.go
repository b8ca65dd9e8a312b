package main

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/glassbox-audit/glassbox/anchor"
)

// anchorCommand is `glassbox anchor`: anchors a log directory's checkpoints
// on the GlassboxRegistry contract (docs/anchoring.md).
func anchorCommand() command {
	return command{name: "anchor", summary: "anchor a log's checkpoint on the registry contract (--once) or keep anchoring (--watch)", run: runAnchor}
}

// anchorOutput is what `glassbox anchor` prints: the latest confirmed anchor.
type anchorOutput struct {
	TreeSize    uint64 `json:"tree_size"`
	Root        string `json:"root"`
	ChainID     uint64 `json:"chain_id"`
	Contract    string `json:"contract"`
	LogID       string `json:"log_id"`
	TxHash      string `json:"tx_hash"`
	BlockNumber uint64 `json:"block_number"`
	BlockHash   string `json:"block_hash"`
	GasUsed     uint64 `json:"gas_used"`
}

func runAnchor(ctx context.Context, env *cliEnv, args []string) int {
	const cmd = "anchor"
	if manyDirs(args) {
		return runAnchorMany(ctx, env, args) // anchor_many.go
	}
	fs := newFlagSet(env, cmd)
	lf := addLogFlags(fs)
	cf := addChainFlags(fs, true, true)
	once := fs.Bool("once", false, "anchor the log's current checkpoint, wait for its confirmation, print it and exit")
	watch := fs.Bool("watch", false, "keep anchoring until interrupted; print the latest anchor at the end")
	confirmations := fs.Uint64("confirmations", anchor.DefaultConfirmations, "blocks before an anchor counts as confirmed")
	interval := fs.Duration("interval", anchor.DefaultInterval, "with --watch: anchor at least this often when the log grew")
	entries := fs.Uint64("entries", anchor.DefaultEntries, "with --watch: anchor as soon as this many entries are new")
	poll := fs.Duration("poll", time.Second, "how often to look at the log and the chain")
	verbose := fs.Bool("v", false, "log progress to stderr")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	const use = "usage: glassbox anchor --dir DIR [--key FILE] --rpc URL --contract ADDR (--key-file ANCHORER_KEY | --keystore FILE) (--once | --watch)"
	// The anchorer's key: --key-file or --keystore, checked when the chain
	// flags are opened (keys.go).
	if c := requireFlags(env, cmd, fs, use, "dir", "rpc", "contract"); c != exitOK {
		return c
	}
	if *once == *watch {
		return usageErr(env, cmd, "give one of --once and --watch (%s)", use)
	}
	if fs.NArg() != 0 {
		return usageErr(env, cmd, use)
	}
	if *confirmations == 0 {
		return usageErr(env, cmd, "--confirmations must be at least 1")
	}
	s, code := cf.open(ctx, env, cmd)
	if code != exitOK {
		return code
	}
	defer s.close()
	l, err := openRecordsLog(lf, writeLog)
	if err != nil {
		return openFailed(env, cmd, err)
	}
	defer l.Close()
	state, err := l.Store(anchor.DefaultNamespace)
	if err != nil {
		return failed(env, cmd, "%v", err)
	}
	opts := anchorerOptions(env, s, *confirmations, *entries, *poll, *interval, *once, *verbose)
	a, err := anchor.New(l, state, s.client, opts)
	if err != nil {
		return usageErr(env, cmd, "%v", err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- a.Run(runCtx) }()
	if *once {
		size := l.Size()
		if size == 0 {
			cancel()
			<-done
			return failed(env, cmd, "the log is empty: nothing to anchor")
		}
		waitCtx, stop := context.WithTimeout(ctx, *cf.timeout)
		defer stop()
		go func() {
			// Run ending early (a fatal error) must end the wait too.
			select {
			case err := <-done:
				done <- err
				stop()
			case <-waitCtx.Done():
			}
		}()
		if _, err := a.WaitAnchored(waitCtx, size); err != nil {
			cancel()
			if rerr := <-done; rerr != nil {
				return failed(env, cmd, "%v", rerr)
			}
			return failed(env, cmd, "waiting for the anchor of size %d: %v", size, err)
		}
	}
	cancel()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		return failed(env, cmd, "%v", err)
	}
	anc, ok := a.Latest()
	if !ok {
		return failed(env, cmd, "no confirmed anchor")
	}
	if err := writeJSON(env.stdout, anchorOutput{
		TreeSize: anc.TreeSize, Root: anc.Root.Hex(), ChainID: anc.ChainID, Contract: anc.Contract.Hex(),
		LogID: anc.LogID.String(), TxHash: anc.TxHash.Hex(), BlockNumber: anc.BlockNumber,
		BlockHash: anc.BlockHash.Hex(), GasUsed: anc.GasUsed,
	}); err != nil {
		return failed(env, cmd, "%v", err)
	}
	return exitOK
}

// belowError drops the anchorer's Error records: the one it logs is the
// fatal error Run returns, which the command prints itself (once).
type belowError struct{ slog.Handler }

func (h belowError) Enabled(ctx context.Context, l slog.Level) bool {
	return l < slog.LevelError && h.Handler.Enabled(ctx, l)
}

func (h belowError) WithAttrs(as []slog.Attr) slog.Handler {
	return belowError{h.Handler.WithAttrs(as)}
}
func (h belowError) WithGroup(g string) slog.Handler { return belowError{h.Handler.WithGroup(g)} }

// anchorerOptions are the anchorer's options from the anchor command's
// flags, for one log or many. Its logger drops Error records: Run returns
// that error, which the command prints once.
func anchorerOptions(env *cliEnv, s *regSession, confirmations, entries uint64, poll, interval time.Duration, once, verbose bool) anchor.Options {
	level := slog.LevelWarn
	if verbose {
		level = slog.LevelInfo
	}
	opts := anchor.Options{
		Contract:      s.reg.Address(),
		Key:           s.key,
		Confirmations: confirmations,
		PollInterval:  poll,
		Interval:      interval,
		Entries:       entries,
		Logger:        slog.New(belowError{slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: level})}),
	}
	if once {
		opts.Entries = 1
	}
	return opts
}
