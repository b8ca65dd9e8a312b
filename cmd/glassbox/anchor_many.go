package main

import (
	"context"
	"flag"
	"strings"
	"time"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
)

// manyDirs reports whether args name more than one --dir: `glassbox
// anchor` then anchors them together (runAnchorMany).
func manyDirs(args []string) bool {
	n := 0
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && name == "dir" {
			n++
		}
		if a == "--" {
			break
		}
	}
	return n > 1
}

// dirList is a repeated --dir flag.
type dirList []string

func (d *dirList) String() string { return strings.Join(*d, ",") }
func (d *dirList) Set(s string) error {
	*d = append(*d, s)
	return nil
}

// runAnchorMany is `glassbox anchor --dir A --dir B ...`: one anchorer for
// several log directories (each made by glassbox log init, with its own
// origin and key), posting the checkpoints of all that grew in one
// anchorMany transaction per interval (docs/anchoring.md). It prints the
// latest confirmed anchor of each log, one JSON line per log, in the order
// of the --dir flags.
func runAnchorMany(ctx context.Context, env *cliEnv, args []string) int {
	const cmd = "anchor"
	fs := newFlagSet(env, cmd)
	var dirs dirList
	fs.Var(&dirs, "dir", "a log directory (made by glassbox log init); repeat for each log")
	cf := addChainFlags(fs, true, true)
	once := fs.Bool("once", false, "anchor every log's current checkpoint, wait for the confirmations, print them and exit")
	watch := fs.Bool("watch", false, "keep anchoring until interrupted; print each log's latest anchor at the end")
	confirmations := fs.Uint64("confirmations", anchor.DefaultConfirmations, "blocks before an anchor counts as confirmed")
	interval := fs.Duration("interval", anchor.DefaultInterval, "with --watch: anchor at least this often the logs that grew")
	entries := fs.Uint64("entries", anchor.DefaultEntries, "with --watch: anchor as soon as one log has this many new entries")
	poll := fs.Duration("poll", time.Second, "how often to look at the logs and the chain")
	verbose := fs.Bool("v", false, "log progress to stderr")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if len(dirs) < 2 || *once == *watch || fs.NArg() != 0 {
		return usageErr(env, cmd, "usage: glassbox anchor --dir DIR --dir DIR ... --rpc URL --contract ADDR (--key-file ANCHORER_KEY | --keystore FILE) (--once | --watch)")
	}
	if *confirmations == 0 {
		return usageErr(env, cmd, "--confirmations must be at least 1")
	}
	s, code := cf.open(ctx, env, cmd)
	if code != exitOK {
		return code
	}
	defer s.close()
	var (
		members []anchor.Member
		logs    []*auditlog.Log
	)
	defer func() {
		for _, l := range logs {
			l.Close()
		}
	}()
	for _, d := range dirs {
		l, err := openLog(d, "", writeLog)
		if err != nil {
			return openFailed(env, cmd, err)
		}
		logs = append(logs, l)
		st, err := l.Store(anchor.DefaultNamespace)
		if err != nil {
			return failed(env, cmd, "%s: %v", d, err)
		}
		members = append(members, anchor.Member{Log: l, State: st})
	}
	opts := anchorerOptions(env, s, *confirmations, *entries, *poll, *interval, *once, *verbose)
	m, err := anchor.NewMany(members, s.client, opts)
	if err != nil {
		return usageErr(env, cmd, "%v", err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- m.Run(runCtx) }()
	if *once {
		waitCtx, stop := context.WithTimeout(ctx, *cf.timeout)
		defer stop()
		go func() {
			select {
			case err := <-done:
				done <- err
				stop()
			case <-waitCtx.Done():
			}
		}()
		for i, a := range m.Anchorers() {
			size := logs[i].Size()
			if size == 0 {
				continue // an empty log has nothing to anchor
			}
			if _, err := a.WaitAnchored(waitCtx, size); err != nil {
				cancel()
				if rerr := <-done; rerr != nil {
					return failed(env, cmd, "%v", rerr)
				}
				return failed(env, cmd, "%s: waiting for the anchor of size %d: %v", dirs[i], size, err)
			}
		}
	}
	cancel()
	if err := <-done; err != nil {
		return failed(env, cmd, "%v", err)
	}
	for i, a := range m.Anchorers() {
		anc, ok := a.Latest()
		if !ok {
			return failed(env, cmd, "%s: no confirmed anchor", dirs[i])
		}
		if err := writeJSON(env.stdout, anchorOutput{
			TreeSize: anc.TreeSize, Root: anc.Root.Hex(), ChainID: anc.ChainID, Contract: anc.Contract.Hex(),
			LogID: anc.LogID.String(), TxHash: anc.TxHash.Hex(), BlockNumber: anc.BlockNumber,
			BlockHash: anc.BlockHash.Hex(), GasUsed: anc.GasUsed,
		}); err != nil {
			return failed(env, cmd, "%v", err)
		}
	}
	return exitOK
}

var _ flag.Value = (*dirList)(nil)
