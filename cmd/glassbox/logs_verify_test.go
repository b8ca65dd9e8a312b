package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/tiles"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// glassbox logs --verify: a lender's two logs, anchored by glassbox anchor
// and served as tlog-tiles, pass (exit 0); when one URL serves a fork of
// its log (same key, other decisions), that log is named as failing at
// its anchored size (exit 1) and the other still passes.
func TestLogsVerify(t *testing.T) {
	ctx := context.Background()
	c, err := simchain.New(ctx, &simchain.Options{HTTP: true, AutoCommit: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	dir := t.TempDir()
	anchorerKey := filepath.Join(dir, "anchorer.hex")
	os.WriteFile(anchorerKey, []byte(hexutil.Encode(crypto.FromECDSA(c.Keys[1]))), 0o600)
	var dirs, origins []string
	for i := range 2 {
		d := filepath.Join(dir, fmt.Sprintf("log-%d", i))
		origin := fmt.Sprintf("example.org/lender/instance-%d", i)
		if code, _, errs := runRecCLI(t, "", "log", "init", "--dir", d, "--origin", origin); code != exitOK {
			t.Fatalf("log init: %s", errs)
		}
		if i == 0 { // the fork: a copy of the new log, given other decisions
			if err := os.CopyFS(d+"-fork", os.DirFS(d)); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(filepath.Join(d+"-fork", "signer.key"), 0o600); err != nil {
				t.Fatal(err)
			}
			forked := strings.ReplaceAll(cliDecisions, `"d-`, `"fork-`)
			if code, _, errs := runRecCLI(t, forked, "append", "--dir", d+"-fork"); code != exitOK {
				t.Fatalf("append: %s", errs)
			}
		}
		if code, _, errs := runRecCLI(t, cliDecisions, "append", "--dir", d); code != exitOK {
			t.Fatalf("append: %s", errs)
		}
		info, err := auditlog.ReadDirInfo(d)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Registry.RegisterLog(ctx, c.TransactOpts(0), origin, info.PublicKey, c.Address(1)); err != nil {
			t.Fatal(err)
		}
		dirs, origins = append(dirs, "--dir", d), append(origins, origin)
	}
	chain := []string{"--rpc", c.URL, "--contract", c.Registry.Address().Hex()}
	args := append(append([]string{"anchor", "--once"}, dirs...), append(chain, "--key-file", anchorerKey, "--confirmations", "1", "--poll", "10ms")...)
	if code, out, errs := runCmd(t, args...); code != exitOK {
		t.Fatalf("anchor: exit %d\n%s%s", code, out, errs)
	}
	serve := func(d string) string {
		info, err := auditlog.ReadDirInfo(d)
		if err != nil {
			t.Fatal(err)
		}
		lg, err := auditlog.OpenDir(d, &auditlog.Options{Origin: info.Origin})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { lg.Close() })
		if _, err := lg.Checkpoint(ctx); err != nil { // the fork has none yet
			t.Fatal(err)
		}
		srv := httptest.NewServer(tiles.Handler(lg, nil))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	honest0, honest1, fork0 := serve(dirs[1]), serve(dirs[3]), serve(dirs[1]+"-fork")
	verify := func(url0 string) (int, []logLine, string) {
		code, out, errs := runCmd(t, append(append([]string{"logs"}, chain...), "--anchorer", c.Address(1).Hex(), "--verify",
			"--log-url", origins[0]+"="+url0, "--log-url", origins[1]+"="+honest1)...)
		var lines []logLine
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var ll logLine
			if err := json.Unmarshal([]byte(l), &ll); err != nil {
				t.Fatalf("%v: %q", err, l)
			}
			lines = append(lines, ll)
		}
		return code, lines, errs
	}
	code, lines, errs := verify(honest0)
	if code != exitOK || len(lines) != 2 {
		t.Fatalf("honest logs: exit %d %+v %s", code, lines, errs)
	}
	for _, l := range lines {
		if l.Verified == nil || !*l.Verified || l.AnchorsChecked != 1 || l.ServedSize != 2 {
			t.Errorf("honest log: %+v", l)
		}
	}
	code, lines, errs = verify(fork0)
	if code != exitFailed || len(lines) != 2 || *lines[0].Verified || !strings.Contains(lines[0].Error, "size 2") || !*lines[1].Verified {
		t.Fatalf("a forked log: exit %d %+v %s", code, lines, errs)
	}
	if code, _, errs := runCmd(t, append(append([]string{"logs"}, chain...), "--verify")...); code != exitUsage || !strings.Contains(errs, "--verify needs --anchorer") {
		t.Errorf("--verify without --anchorer: %d %s", code, errs)
	}
}
