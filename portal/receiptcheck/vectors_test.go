//go:build !js

package receiptcheck_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
)

// goVerdict is what the Go verifier (receipt.Parse and receipt.Verify, as
// `glassbox verify` runs them) says of a receipt: "valid", "format", or
// the failed check and field.
func goVerdict(t testing.TB, text, logKey string) (check, field string) {
	t.Helper()
	v, err := note.NewVerifier(logKey)
	if err != nil {
		t.Fatal(err)
	}
	r, err := receipt.Parse([]byte(text))
	if err != nil {
		return "format", ""
	}
	if _, err := receipt.Verify(r, v); err != nil {
		var ve *receipt.VerifyError
		if !errors.As(err, &ve) {
			t.Fatalf("receipt.Verify returned %v, not a *VerifyError", err)
		}
		if ve.Check == receipt.CheckCommitment && ve.Field != 0 {
			return string(ve.Check), ve.Field.String()
		}
		return string(ve.Check), ""
	}
	return "valid", ""
}

// verdictOf is the same for a Report.
func verdictOf(rep *receiptcheck.Report) (check, field string) {
	if rep.Verdict == receiptcheck.Valid {
		return "valid", ""
	}
	return string(rep.Failed), rep.Field
}

// checkShape checks what every report must be: the steps in their order,
// at most one failed, every step after a failure not checked or skipped,
// and a verdict that follows from the steps.
func checkShape(t *testing.T, name string, rep *receiptcheck.Report) {
	t.Helper()
	order := []receipt.Check{receiptcheck.CheckFormat, receiptcheck.CheckKey, receipt.CheckSignature, receipt.CheckLeaf,
		receipt.CheckInclusion, receipt.CheckCommitment, receipt.CheckAnchor, receiptcheck.CheckChain, receiptcheck.CheckBlock}
	pos, failed, unchecked := 0, 0, 0
	for i, s := range rep.Steps {
		j := slices.Index(order, s.Check)
		if j < pos || j < 0 {
			t.Errorf("%s: step %d is %s, out of order: %+v", name, i, s.Check, rep.Steps)
		}
		pos = j
		if s.Message == "" {
			t.Errorf("%s: step %s has no message", name, s.Check)
		}
		switch s.Status {
		case receiptcheck.Failed:
			failed++
		case receiptcheck.NotChecked:
			unchecked++
		case receiptcheck.Passed:
			if failed > 0 {
				t.Errorf("%s: step %s passed after a failed step", name, s.Check)
			}
		}
	}
	if len(rep.Steps) < len(order) {
		t.Errorf("%s: %d steps, want at least %d", name, len(rep.Steps), len(order))
	}
	want := receiptcheck.Valid
	switch {
	case failed > 0:
		want = receiptcheck.Invalid
	case unchecked > 0:
		want = receiptcheck.Partial
	}
	if failed > 1 || rep.Verdict != want || (rep.Verdict == receiptcheck.Invalid) != (rep.Failed != "") {
		t.Errorf("%s: verdict %s (failed %q) from %d failed and %d unchecked steps", name, rep.Verdict, rep.Failed, failed, unchecked)
	}
	if rep.Summary == "" || !strings.HasPrefix(strings.ToLower(rep.Summary), strings.ToLower(string(rep.Verdict))[:4]) {
		t.Errorf("%s: summary %q does not open with the verdict %s", name, rep.Summary, rep.Verdict)
	}
}

func verifyOffline(t testing.TB, text, logKey string) *receiptcheck.Report {
	t.Helper()
	rep, err := receiptcheck.Verify(context.Background(), []byte(text), &receiptcheck.Options{LogKey: logKey})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestVectors: on every vector of auditlog/receipt, the report's verdict is
// the vector's and the Go verifier's.
func TestVectors(t *testing.T) {
	vf := receiptchecktest.ReadVectors(t)
	for _, c := range vf.Cases {
		rep := verifyOffline(t, c.Receipt, vf.LogKey)
		checkShape(t, c.Name, rep)
		gc, gf := goVerdict(t, c.Receipt, vf.LogKey)
		bc, bf := verdictOf(rep)
		if bc != c.Want || bf != c.Field || bc != gc || bf != gf {
			t.Errorf("%s: report says %s %s, the vector %s %s, the Go verifier %s %s\n%s", c.Name, bc, bf, c.Want, c.Field, gc, gf, rep.Summary)
		}
	}
}

// TestIssuedReceipts: the receipts a real log issued are valid.
func TestIssuedReceipts(t *testing.T) {
	is := receiptchecktest.ReadIssued(t)
	for name, text := range is.Receipts {
		rep := verifyOffline(t, text, is.LogKey)
		checkShape(t, name, rep)
		if rep.Verdict != receiptcheck.Valid || rep.DecisionID == "" || rep.Index == nil {
			t.Errorf("%s: %s", name, rep.Summary)
		}
	}
}

func vector(t *testing.T, name string) (receiptchecktest.Vectors, string) {
	t.Helper()
	vf := receiptchecktest.ReadVectors(t)
	for _, c := range vf.Cases {
		if c.Name == name {
			return vf, c.Receipt
		}
	}
	t.Fatalf("no vector %q", name)
	return vf, ""
}

func statuses(rep *receiptcheck.Report) []string {
	var out []string
	for _, s := range rep.Steps {
		n := string(s.Check)
		if s.Field != "" {
			n += ":" + s.Field
		}
		out = append(out, n+"="+string(s.Status))
	}
	return out
}

// TestStepsValid: a valid receipt checked offline lists one step per check
// and per disclosed field, states what it established, and skips the chain.
func TestStepsValid(t *testing.T) {
	vf, text := vector(t, "valid")
	rep := verifyOffline(t, text, vf.LogKey)
	want := []string{"format=passed", "key=passed", "signature=passed", "leaf=passed", "inclusion=passed",
		"commitment:subject=passed", "commitment:inputs=passed", "commitment:groups=passed", "commitment:metadata=passed",
		"commitment:explanation=passed", "anchor=skipped", "chain=skipped", "block=skipped"}
	if got := statuses(rep); !slices.Equal(got, want) {
		t.Fatalf("steps %q\nwant %q", got, want)
	}
	if rep.Verdict != receiptcheck.Valid || rep.Origin != "example.org/glassbox/vectors" || *rep.TreeSize != 5 || *rep.Index != 2 ||
		rep.DecisionID != "dec-0002" || rep.Kind != "decision" || len(rep.Disclosed) != 5 {
		t.Errorf("report %+v", rep)
	}
	if !strings.Contains(rep.Summary, "No chain was asked for") {
		t.Errorf("summary %q does not say the chain was not asked", rep.Summary)
	}
}

// TestStepsFailure: a wrong disclosed value fails its own commitment step;
// the steps before it passed, the ones after are not checked.
func TestStepsFailure(t *testing.T) {
	vf, text := vector(t, "wrong-input")
	rep := verifyOffline(t, text, vf.LogKey)
	want := []string{"format=passed", "key=passed", "signature=passed", "leaf=passed", "inclusion=passed",
		"commitment:subject=passed", "commitment:inputs=failed", "commitment:groups=not checked", "commitment:metadata=not checked",
		"commitment:explanation=not checked", "anchor=skipped", "chain=skipped", "block=skipped"}
	if got := statuses(rep); !slices.Equal(got, want) {
		t.Fatalf("steps %q\nwant %q", got, want)
	}
	if rep.Verdict != receiptcheck.Invalid || rep.Failed != receipt.CheckCommitment || rep.Field != "inputs" ||
		!strings.Contains(rep.Summary, "commitment of inputs") {
		t.Errorf("verdict %s, failed %s %s, summary %q", rep.Verdict, rep.Failed, rep.Field, rep.Summary)
	}
}

// TestWithoutKey: with neither a key nor a chain only the format can be
// checked, and the verdict says so.
func TestWithoutKey(t *testing.T) {
	_, text := vector(t, "valid")
	rep, err := receiptcheck.Verify(context.Background(), []byte(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	checkShape(t, "no key", rep)
	if rep.Verdict != receiptcheck.Partial || rep.Steps[0].Status != receiptcheck.Passed || rep.Steps[1].Status != receiptcheck.NotChecked ||
		!strings.Contains(rep.Summary, "no log key") {
		t.Errorf("%q: %s", statuses(rep), rep.Summary)
	}
}

// TestKeyOfAnotherLog: a key named for another log fails the signature
// step, as in the Go verifier.
func TestKeyOfAnotherLog(t *testing.T) {
	_, text := vector(t, "valid")
	_, vkey, err := note.GenerateKey(nil, "example.org/another")
	if err != nil {
		t.Fatal(err)
	}
	rep := verifyOffline(t, text, vkey)
	checkShape(t, "other log", rep)
	if rep.Verdict != receiptcheck.Invalid || rep.Failed != receipt.CheckSignature {
		t.Errorf("%q: %s", statuses(rep), rep.Summary)
	}
}

// TestKeyOfSameNameOtherKey: a key under the log's name but another key
// fails the signature step, as in the Go verifier.
func TestKeyOfSameNameOtherKey(t *testing.T) {
	_, text := vector(t, "valid")
	_, vkey, err := note.GenerateKey(nil, "example.org/glassbox/vectors")
	if err != nil {
		t.Fatal(err)
	}
	rep := verifyOffline(t, text, vkey)
	checkShape(t, "other key", rep)
	if rep.Verdict != receiptcheck.Invalid || rep.Failed != receipt.CheckSignature {
		t.Errorf("%q: %s", statuses(rep), rep.Summary)
	}
}

// TestOneByteChanged: changing any one byte of a valid receipt gives the
// same verdict as the Go verifier (nearly always a failure).
func TestOneByteChanged(t *testing.T) {
	vf, text := vector(t, "valid-anchored-later")
	step := 1
	if testing.Short() {
		step = 13
	}
	valid := 0
	for i := 0; i < len(text); i += step {
		b := []byte(text)
		b[i] ^= 0x01
		rep := verifyOffline(t, string(b), vf.LogKey)
		gc, gf := goVerdict(t, string(b), vf.LogKey)
		if bc, bf := verdictOf(rep); bc != gc || bf != gf {
			t.Fatalf("byte %d changed: report says %s %s, the Go verifier %s %s", i, bc, bf, gc, gf)
		}
		if rep.Verdict == receiptcheck.Valid {
			valid++
		}
	}
	// The anchor's chain fields are not checked offline (documented).
	t.Logf("%d of %d one-byte changes still verify offline (the anchor's chain fields)", valid, (len(text)+step-1)/step)
}

// TestOptions: unusable options are an error, not a report.
func TestOptions(t *testing.T) {
	_, text := vector(t, "valid")
	rpc := receiptcheck.TransportFunc(func(context.Context, []byte) ([]byte, error) { return nil, errors.New("unused") })
	for _, o := range []receiptcheck.Options{
		{LogKey: "not a key"},
		{Contract: "0x0000000000000000000000000000000000000001"},
		{RPC: rpc},
		{RPC: rpc, Contract: "0x00"},
		{RPC: rpc, Contract: "0000000000000000000000000000000000000001"},
	} {
		if _, err := receiptcheck.Verify(context.Background(), []byte(text), &o); !errors.Is(err, receiptcheck.ErrOptions) {
			t.Errorf("%+v: got %v, want ErrOptions", o, err)
		}
	}
}

// FuzzVerify: on any input, the report (offline) agrees with the Go
// verifier, is well formed, and Verify does not panic.
func FuzzVerify(f *testing.F) {
	vf := receiptchecktest.ReadVectors(f)
	for _, c := range vf.Cases {
		f.Add([]byte(c.Receipt))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rep := verifyOffline(t, string(b), vf.LogKey)
		checkShape(t, "fuzz", rep)
		gc, gf := goVerdict(t, string(b), vf.LogKey)
		if bc, bf := verdictOf(rep); bc != gc || bf != gf {
			t.Fatalf("report says %s %s, the Go verifier %s %s", bc, bf, gc, gf)
		}
	})
}
