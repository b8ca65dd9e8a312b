package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

func runDemo(t *testing.T, args ...string) (int, Report, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	var rep Report
	if out.Len() > 0 {
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatalf("report: %v\n%s", err, out.String())
		}
	}
	return code, rep, errb.String()
}

func TestHonestLogVerifies(t *testing.T) {
	code, rep, stderr := runDemo(t, "-n", "60", "-sample", "8", "-seed", "1")
	if code != 0 {
		t.Fatalf("exit %d: %+v\n%s", code, rep, stderr)
	}
	if rep.Anchors < 3 || rep.AnchorsChecked != rep.Anchors {
		t.Errorf("anchors %d, checked %d; want at least 3, all checked", rep.Anchors, rep.AnchorsChecked)
	}
	if rep.Receipts != 8 || rep.ReceiptsVerified != 8 || !rep.LatestConsistent || rep.AnchoredSize != 60 || rep.LatestSize != 60 {
		t.Errorf("report %+v", rep)
	}
}

func TestRewrittenDecisionIsCaught(t *testing.T) {
	code, rep, stderr := runDemo(t, "-n", "60", "-sample", "60", "-seed", "1", "-tamper")
	if code != 1 {
		t.Fatalf("exit %d for a rewritten log: %+v\n%s", code, rep, stderr)
	}
	if rep.OK() || len(rep.Failures) == 0 {
		t.Fatalf("report says OK: %+v", rep)
	}
	// Every receipt's root differs from the chain's (the forged log's
	// leaves have new salts), and so do the anchored checkpoints.
	if rep.ReceiptsVerified != 0 || rep.AnchorsChecked != 0 {
		t.Errorf("forged log: %d receipts and %d anchors verified", rep.ReceiptsVerified, rep.AnchorsChecked)
	}
	if !strings.Contains(strings.Join(rep.Failures, "\n"), "contract holds") {
		t.Errorf("failures do not show the root on the contract:\n%s", strings.Join(rep.Failures, "\n"))
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"-service", "http://x"}, {"-n", "0"}, {"extra"}} {
		if code := run(context.Background(), args, io.Discard, io.Discard); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}
