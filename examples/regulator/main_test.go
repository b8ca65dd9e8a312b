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
	if rep.Receipts != 8 || rep.ReceiptsVerified != 8 || !rep.LatestConsistent || rep.AnchoredSize != 60 || rep.LatestSize != 60 ||
		rep.HeldReceipts != 60 || len(rep.ChangedLeaves) != 0 || rep.FirstFailingCheckpoint != 0 || rep.LastGoodCheckpoint != 60 {
		t.Errorf("report %+v", rep)
	}
}

// The operator edits one decision's score in a copy of its anchored log
// and signs the copy's checkpoints again with the log's key. The audit
// names the first anchored checkpoint that fails against the chain, the
// leaf that changed (from the receipt its applicant holds), and package
// reproduce's verdict on the edited decision: the edited score is not the
// model's.
func TestRewrittenDecisionIsCaught(t *testing.T) {
	code, rep, stderr := runDemo(t, "-n", "60", "-sample", "60", "-seed", "1", "-tamper")
	if code != 1 {
		t.Fatalf("exit %d for a rewritten log: %+v\n%s", code, rep, stderr)
	}
	if rep.OK() || len(rep.Failures) == 0 {
		t.Fatalf("report says OK: %+v", rep)
	}
	// Anchors at 20, 40 and 60; leaf 30 was edited: the checkpoint of size
	// 20 still verifies, 40 is the first that fails.
	if rep.Anchors != 3 || rep.AnchorsChecked != 1 || rep.LastGoodCheckpoint != 20 || rep.FirstFailingCheckpoint != 40 {
		t.Errorf("anchors %d checked %d, last good %d, first failing %d; want 3, 1, 20, 40",
			rep.Anchors, rep.AnchorsChecked, rep.LastGoodCheckpoint, rep.FirstFailingCheckpoint)
	}
	if rep.HeldReceipts != 60 {
		t.Errorf("%d held receipts verified against the chain, want 60", rep.HeldReceipts)
	}
	if len(rep.ChangedLeaves) != 1 {
		t.Fatalf("changed leaves %+v, want exactly leaf 30", rep.ChangedLeaves)
	}
	c := rep.ChangedLeaves[0]
	if c.Index != 30 || c.DecisionID != "demo-000030" || c.AnchoredAt != 40 || len(c.Differs) == 0 || !strings.HasPrefix(c.Differs[0], "score: receipt ") {
		t.Errorf("changed leaf %+v, want leaf 30, decision demo-000030, its receipt anchored at 40, its score first", c)
	}
	// The edited score is recorded, the model's recomputed; the applicant's
	// own version reproduces.
	edited := strings.TrimSpace(c.Differs[0][strings.Index(c.Differs[0], "operator ")+len("operator "):])
	if !strings.Contains(c.Reproduce, "does not reproduce: score: recorded "+edited+", recomputed ") {
		t.Errorf("reproduce of the edited decision: %q, want the edited score %s named", c.Reproduce, edited)
	}
	if !strings.HasPrefix(c.ReproduceHeld, "reproduces") {
		t.Errorf("the applicant's version: %q, want it to reproduce", c.ReproduceHeld)
	}
	for _, want := range []string{"first checkpoint failing against the chain: tree size 40", "leaf 30 (decision demo-000030) changed: score", "recorded " + edited} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(strings.Join(rep.Failures, "\n"), "contract holds") {
		t.Errorf("failures do not show the root on the contract:\n%s", strings.Join(rep.Failures, "\n"))
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"-service", "http://x"}, {"-n", "0"}, {"extra"}, {"-receipts", "."}, {"-model", "m.json"}} {
		if code := run(context.Background(), args, io.Discard, io.Discard); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}
