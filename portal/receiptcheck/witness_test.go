package receiptcheck_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
)

// cosignReceipt adds cosignature/v1 lines by each signer to the receipt's
// checkpoint, after the log's line, sorted, as witness.Attach does.
func cosignReceipt(t *testing.T, text string, signers ...*cosig.Signer) string {
	t.Helper()
	r, err := receipt.Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(r.Checkpoint), "\n\n")
	body, sigs := r.Checkpoint[:i+1], string(r.Checkpoint[i+2:])
	var lines []string
	for _, s := range signers {
		n, err := note.Sign(&note.Note{Text: string(body)}, s)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(n[len(body)+1:]))
	}
	slices.Sort(lines)
	r.Checkpoint = []byte(string(body) + "\n" + sigs + strings.Join(lines, ""))
	b, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func newWitnessKey(t *testing.T, name string) (*cosig.Signer, string) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := cosig.NewSigner(name, priv, func() time.Time { return time.Unix(1_790_000_000, 0) })
	if err != nil {
		t.Fatal(err)
	}
	return s, s.Verifier().String()
}

// TestWitnessPolicy: with witness keys, a witness step follows the offline
// steps: a receipt cosigned by enough of them is valid and names them; one
// short of the threshold is invalid at the witness step; bad policies are
// option errors.
func TestWitnessPolicy(t *testing.T) {
	ctx := context.Background()
	is := receiptchecktest.ReadIssued(t)
	var text string
	for _, v := range is.Receipts {
		text = v
		break
	}
	sa, ka := newWitnessKey(t, "example.org/witness-a")
	sb, kb := newWitnessKey(t, "example.org/witness-b")
	_, kc := newWitnessKey(t, "example.org/witness-c")
	onlyA := cosignReceipt(t, text, sa)
	both := cosignReceipt(t, text, sa, sb)
	check := func(text string, keys []string, k int) *receiptcheck.Report {
		t.Helper()
		rep, err := receiptcheck.Verify(ctx, []byte(text), &receiptcheck.Options{LogKey: is.LogKey, Witnesses: keys, WitnessThreshold: k})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	rep := check(both, []string{ka, kb, kc}, 2)
	if rep.Verdict != receiptcheck.Valid || len(rep.Cosigned) != 2 || !slices.Contains(statuses(rep), "witness=passed") {
		t.Fatalf("2 of 3 with a and b: %s %v", rep.Summary, statuses(rep))
	}
	rep = check(onlyA, []string{ka, kb}, 0)
	if rep.Verdict != receiptcheck.Invalid || rep.Failed != receipt.CheckWitness || len(rep.Cosigned) != 1 || rep.Cosigned[0] != "example.org/witness-a" {
		t.Fatalf("2 of 2 with a only: %s %v %v", rep.Summary, statuses(rep), rep.Cosigned)
	}
	if rep := check(text, []string{ka}, 1); rep.Verdict != receiptcheck.Invalid || rep.Failed != receipt.CheckWitness {
		t.Fatalf("no cosignature: %s", rep.Summary)
	}
	// Without a policy the lines are carried, not checked.
	if rep := verifyOffline(t, onlyA, is.LogKey); rep.Verdict != receiptcheck.Valid || slices.Contains(statuses(rep), "witness=passed") {
		t.Fatalf("no policy: %s", rep.Summary)
	}
	for _, o := range []receiptcheck.Options{{Witnesses: []string{ka}, WitnessThreshold: 2}, {WitnessThreshold: 1}, {Witnesses: []string{"nonsense"}}} {
		if _, err := receiptcheck.Verify(ctx, []byte(both), &o); !errors.Is(err, receiptcheck.ErrOptions) {
			t.Errorf("options %+v: %v", o, err)
		}
	}
}
