package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// glassbox anchor --once with three --dir anchors all three logs in one
// anchorMany transaction; glassbox logs lists them, and --anchorer picks
// the lender's logs only.
func TestAnchorManyAndLogs(t *testing.T) {
	ctx := context.Background()
	c, err := simchain.New(ctx, &simchain.Options{HTTP: true, AutoCommit: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	dir := t.TempDir()
	anchorerKey := filepath.Join(dir, "anchorer.hex")
	os.WriteFile(anchorerKey, []byte(hexutil.Encode(crypto.FromECDSA(c.Keys[1]))), 0o600)
	var dirs []string
	for i := range 3 {
		d := filepath.Join(dir, fmt.Sprintf("log-%d", i))
		origin := fmt.Sprintf("example.org/lender/instance-%d", i)
		if code, _, errs := runRecCLI(t, "", "log", "init", "--dir", d, "--origin", origin); code != exitOK {
			t.Fatalf("log init: %s", errs)
		}
		if i < 2 { // the third log stays empty
			if code, _, errs := runRecCLI(t, cliDecisions, "append", "--dir", d); code != exitOK {
				t.Fatalf("append: %s", errs)
			}
		}
		info, err := auditlog.ReadDirInfo(d)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Registry.RegisterLog(ctx, c.TransactOpts(0), origin, info.PublicKey, c.Address(1)); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, "--dir", d)
	}
	// Another lender's log on the same contract.
	if _, err := c.Registry.RegisterLog(ctx, c.TransactOpts(0), "example.org/other", bytes.Repeat([]byte{7}, 32), c.Address(2)); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"anchor", "--once"}, dirs...)
	args = append(args, "--rpc", c.URL, "--contract", c.Registry.Address().Hex(), "--key-file", anchorerKey, "--confirmations", "1", "--poll", "10ms")
	code, out, errs := runCmd(t, args...)
	// The empty log has no anchor: a clear failure naming it, after the
	// others were anchored.
	if code != exitFailed || !strings.Contains(errs, "log-2: no confirmed anchor") {
		t.Fatalf("anchor of three logs, one empty: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = runCmd(t, append([]string{"anchor", "--once"}, append(dirs[:4], args[8:]...)...)...)
	if code != exitOK {
		t.Fatalf("anchor of two logs: exit %d\n%s%s", code, out, errs)
	}
	var lines []anchorOutput
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var a anchorOutput
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, a)
	}
	if len(lines) != 2 || lines[0].TxHash != lines[1].TxHash || lines[0].TreeSize != 2 || lines[1].TreeSize != 2 {
		t.Fatalf("two logs, not one anchorMany of both at size 2: %+v", lines)
	}

	code, out, errs = runCmd(t, "logs", "--rpc", c.URL, "--contract", c.Registry.Address().Hex())
	if code != exitOK || strings.Count(out, "\n") != 4 {
		t.Fatalf("logs: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = runCmd(t, "logs", "--rpc", c.URL, "--contract", c.Registry.Address().Hex(), "--anchorer", c.Address(1).Hex())
	if code != exitOK || strings.Count(out, "\n") != 3 || strings.Contains(out, "example.org/other") {
		t.Fatalf("logs --anchorer: exit %d\n%s%s", code, out, errs)
	}
	var first logLine
	json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &first)
	if first.Origin != "example.org/lender/instance-0" || first.LatestSize != 2 || first.LatestRoot != lines[0].Root {
		t.Fatalf("first log: %+v, anchored %+v", first, lines[0])
	}
	if code, _, errs := runCmd(t, "logs", "--rpc", c.URL, "--contract", c.Registry.Address().Hex(), "--anchorer", "nope"); code != exitUsage || !strings.Contains(errs, "not an address") {
		t.Fatalf("bad --anchorer: %d %s", code, errs)
	}
}
