package main

import (
	"context"
	"encoding/hex"

	"github.com/ethereum/go-ethereum/common"
)

// logsCommand is `glassbox logs`: the logs registered on a contract,
// optionally those of one anchorer (a lender), as JSON lines.
func logsCommand() command {
	return command{name: "logs", summary: "list the logs registered on the registry contract, or those of one anchorer (--anchorer)", run: runLogs}
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
}

func runLogs(ctx context.Context, env *cliEnv, args []string) int {
	const cmd = "logs"
	fs := newFlagSet(env, cmd)
	cf := addChainFlags(fs, true, false)
	anchorer := fs.String("anchorer", "", "only the logs whose anchorer is this address (a lender's)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() != 0 {
		return usageErr(env, cmd, "usage: glassbox logs --rpc URL --contract ADDR [--anchorer ADDR]")
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
