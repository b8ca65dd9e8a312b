package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/registry"
)

// A receipt anchored on anvil verifies with --rpc/--contract; against a
// contract that does not know the log, the chain check fails.
func TestVerifyAgainstChain(t *testing.T) {
	ctx := context.Background()
	const origin = "example.org/cli-chain-test"
	rl := newRegisteredLog(t, origin)
	node, reg, vkey := rl.node, rl.reg, rl.vkey
	other, _, err := registry.Deploy(ctx, node.Client, node.TransactOpts(0), nil)
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(rl.skey)
	l, err := auditlog.Open(t.TempDir(), &auditlog.Options{Signer: signer, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	dl, err := decisions.Open(l, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dl.Append(ctx, record.Decision{
		ID: "d-1", Time: time.Unix(1700000000, 0), Subject: "alice",
		Model:  record.Model{Name: "m", Version: "1", ArtifactDigest: record.Digest{1}},
		Inputs: []record.Feature{{Name: "income", Value: record.Number(1)}},
		Output: record.Output{Label: "approve", Score: 0.5},
	}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	unanchored := filepath.Join(dir, "unanchored.json")
	r, err := dl.Receipt(ctx, "d-1")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := r.Marshal()
	os.WriteFile(unanchored, b, 0o644)

	state, err := l.Store(anchor.DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}
	a, err := anchor.New(l, state, node.Client, anchor.Options{Contract: reg.Address(), Key: node.Keys[1], Entries: 1, Confirmations: 1, PollInterval: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- a.Run(runCtx) }()
	if _, err := a.WaitAnchored(ctx, 1); err != nil {
		t.Fatal(err)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := a.Attach(ctx, r); err != nil {
		t.Fatal(err)
	}
	anchored := filepath.Join(dir, "anchored.json")
	b, _ = r.Marshal()
	os.WriteFile(anchored, b, 0o644)

	code, out, errs := runCmd(t, "verify", anchored, "--log-key", vkey, "--rpc", node.URL, "--contract", reg.Address().Hex())
	if code != exitOK || !strings.Contains(out, `"valid":true`) || !strings.Contains(out, `"anchor":"verified on chain"`) {
		t.Fatalf("anchored receipt against its contract: exit %d\n%s%s", code, out, errs)
	}
	// Offline, the same anchor is only claimed.
	if code, out, _ := runCmd(t, "verify", anchored, "--log-key", vkey); code != exitOK || !strings.Contains(out, `"anchor":"claimed"`) {
		t.Fatalf("anchored receipt offline: exit %d %s", code, out)
	}
	for name, c := range map[string]struct {
		file, contract string
	}{
		"other contract": {anchored, other.Address().Hex()},
		"no anchor":      {unanchored, reg.Address().Hex()},
	} {
		code, out, _ := runCmd(t, "verify", c.file, "--log-key", vkey, "--rpc", node.URL, "--contract", c.contract)
		var got verifyOutput
		json.Unmarshal([]byte(out), &got)
		if code != exitFailed || got.Valid || got.Check != string(CheckChain) {
			t.Errorf("%s: exit %d, output %s; want exit 1 and check %q", name, code, out, CheckChain)
		}
	}
	if code, _, _ := runCmd(t, "verify", anchored, "--log-key", vkey, "--rpc", node.URL); code != exitUsage {
		t.Errorf("--rpc without --contract: exit %d, want 2", code)
	}
}
