package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/glassbox-audit/glassbox/anchor"
)

// logsCommand is `glassbox logs`: the logs registered on a contract,
// optionally those of one anchorer (a lender), as JSON lines; with
// --verify, each of the anchorer's logs checked against its anchors
// (anchor.VerifyLogs).
func logsCommand() command {
	return command{name: "logs", summary: "list the logs registered on the registry contract, or those of one anchorer (--anchorer); --verify checks each served log against its anchors", run: runLogs}
}

// logURLsFlag collects repeated --log-url ORIGIN=URL values.
type logURLsFlag map[string]string

func (f logURLsFlag) String() string { return "" }

func (f logURLsFlag) Set(s string) error {
	origin, u, ok := strings.Cut(s, "=")
	if !ok || origin == "" || !(strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) {
		return fmt.Errorf("%q is not ORIGIN=URL with an http:// or https:// URL", s)
	}
	if _, dup := f[origin]; dup {
		return fmt.Errorf("origin %q given twice", origin)
	}
	f[origin] = u
	return nil
}

// logLine is one line of `glassbox logs`.
type logLine struct {
	LogID      string `json:"log_id"`
	Origin     string `json:"origin"`
	PublicKey  string `json:"public_key"` // hex Ed25519
	Anchorer   string `json:"anchorer"`
	LatestSize uint64 `json:"latest_size"`
	LatestRoot string `json:"latest_root,omitempty"`
	Block      uint64 `json:"latest_block,omitempty"`
	// With --verify: the verdict of anchor.VerifyLogs.
	Verified       *bool  `json:"verified,omitempty"`
	URL            string `json:"url,omitempty"`
	ServedSize     uint64 `json:"served_size,omitempty"`
	AnchorsChecked int    `json:"anchors_checked,omitempty"`
	Error          string `json:"error,omitempty"`
}

func runLogs(ctx context.Context, env *cliEnv, args []string) int {
	const cmd = "logs"
	fs := newFlagSet(env, cmd)
	cf := addChainFlags(fs, true, false)
	anchorer := fs.String("anchorer", "", "only the logs whose anchorer is this address (a lender's)")
	doVerify := fs.Bool("verify", false, "with --anchorer: fetch each log's checkpoint and tiles from its --log-url and check every anchored checkpoint against the served tree (exit 1 if any log fails)")
	urls := logURLsFlag{}
	fs.Var(urls, "log-url", "with --verify: ORIGIN=URL, the c2sp.org/tlog-tiles base URL of the log of that origin (repeatable)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() != 0 {
		return usageErr(env, cmd, "usage: glassbox logs --rpc URL --contract ADDR [--anchorer ADDR [--verify --log-url ORIGIN=URL ...]]")
	}
	if *doVerify && *anchorer == "" {
		return usageErr(env, cmd, "--verify needs --anchorer")
	}
	if len(urls) > 0 && !*doVerify {
		return usageErr(env, cmd, "--log-url needs --verify")
	}
	var who *common.Address
	if *anchorer != "" {
		if !common.IsHexAddress(*anchorer) {
			return usageErr(env, cmd, "--anchorer %q is not an address", *anchorer)
		}
		a := common.HexToAddress(*anchorer)
		who = &a
	}
	s, code := cf.open(ctx, env, cmd)
	if code != exitOK {
		return code
	}
	defer s.close()
	ctx, cancel := context.WithTimeout(ctx, *cf.timeout)
	defer cancel()
	if *doVerify {
		return verifyLogs(ctx, env, s, *who, urls)
	}
	logs, err := s.reg.Discover(ctx, who)
	if err != nil {
		return failed(env, cmd, "%v", err)
	}
	for _, l := range logs {
		line := logLine{LogID: l.ID.String(), Origin: l.Origin, PublicKey: hex.EncodeToString(l.PublicKey), Anchorer: l.Anchorer.Hex(), LatestSize: l.LatestSize}
		if l.LatestSize > 0 {
			anc, err := s.reg.LatestAnchor(ctx, l.ID)
			if err != nil {
				return failed(env, cmd, "log %s: %v", l.ID, err)
			}
			line.LatestRoot, line.Block = "0x"+hex.EncodeToString(anc.Root[:]), anc.BlockNumber
		}
		if err := writeJSON(env.stdout, line); err != nil {
			return failed(env, cmd, "%v", err)
		}
	}
	return exitOK
}

// verifyLogs is `glassbox logs --verify`: one line per log of the
// anchorer with its verdict; exit 1 when any log failed.
func verifyLogs(ctx context.Context, env *cliEnv, s *regSession, who common.Address, urls map[string]string) int {
	vs, err := anchor.VerifyLogs(ctx, s.reg, who, &anchor.LogsOptions{URLs: urls})
	if err != nil {
		return failed(env, "logs", "%v", err)
	}
	code := exitOK
	for _, v := range vs {
		l := v.Log
		ok := v.OK()
		line := logLine{LogID: l.ID.String(), Origin: l.Origin, PublicKey: hex.EncodeToString(l.PublicKey), Anchorer: l.Anchorer.Hex(), LatestSize: l.LatestSize,
			Verified: &ok, URL: v.URL, ServedSize: v.Checkpoint.Size, AnchorsChecked: v.Anchors}
		if !ok {
			line.Error = v.Err.Error()
			code = exitFailed
		}
		if err := writeJSON(env.stdout, line); err != nil {
			return failed(env, "logs", "%v", err)
		}
	}
	if code != exitOK {
		fmt.Fprintln(env.stderr, "glassbox logs: a log failed verification")
	}
	return code
}
