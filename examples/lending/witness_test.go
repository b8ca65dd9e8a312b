package main

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
	"github.com/glassbox-audit/glassbox/auditlog/witness/witnesstest"
	"github.com/glassbox-audit/glassbox/internal/browsertest"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
)

// TestWitnessedReceipts: with two -witness flags the service has each new
// checkpoint cosigned by both (test witnesses speaking c2sp.org/tlog-witness)
// and its receipts carry the cosignatures: they pass a 2-of-2 witness
// policy and the chain check. While a witness is down, a new decision's
// receipt is on the latest, uncosigned checkpoint and fails the policy,
// and an older decision's receipt stays on the cosigned one; once the
// witness is back, the new receipt passes.
func TestWitnessedReceipts(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	info, err := auditlog.CreateDir(dir, Origin)
	if err != nil {
		t.Fatal(err)
	}
	wa, _ := witnesstest.New(t, info.Verifier, "example.org/witness-a")
	wb, _ := witnesstest.New(t, info.Verifier, "example.org/witness-b")
	a := startAPIDir(t, dir, "-witness", wa.VKey+"="+wa.URL, "-witness", wb.VKey+"="+wb.URL)
	s := a.s
	policy := &receipt.VerifyOptions{}
	for _, k := range []string{wa.VKey, wb.VKey} {
		v, err := cosig.NewVerifier(k)
		if err != nil {
			t.Fatal(err)
		}
		policy.Witnesses = append(policy.Witnesses, v)
	}
	post := func() posted {
		t.Helper()
		app := s.model.applicants(1, s.log.Size())[0]
		code, b := a.post(t, app)
		var d posted
		if err := json.Unmarshal(b, &d); err != nil || code != 200 {
			t.Fatalf("POST: %d %v %s", code, err, b)
		}
		return d
	}
	get := func(d posted) *receipt.Receipt {
		t.Helper()
		code, b := a.do(t, "GET", "/v1/receipts/"+d.Link.Token, "", "")
		if code != 200 {
			t.Fatalf("receipt: %d %s", code, b)
		}
		r, err := receipt.Parse(b)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	waitCosigned := func(size uint64) {
		t.Helper()
		for {
			if c, _ := s.follower.Cosigned(); c >= size {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	}

	first := []posted{post(), post()}
	if _, err := s.anchorer.WaitAnchored(ctx, s.log.Size()); err != nil {
		t.Fatal(err)
	}
	waitCosigned(s.log.Size())
	for _, d := range first {
		r := get(d)
		res, err := receipt.VerifyWith(r, info.Verifier, policy)
		if err != nil {
			t.Fatalf("cosigned receipt: %v\n%s", err, r.Checkpoint)
		}
		if len(res.Cosigned) != 2 {
			t.Errorf("cosigned by %v", res.Cosigned)
		}
		if _, err := anchor.VerifyReceipt(ctx, r, s.chain.registry); err != nil {
			t.Fatalf("chain check of a cosigned receipt: %v", err)
		}
	}
	cosigned, _ := s.follower.Cosigned()

	wb.SetDown(true)
	late := post()
	if _, err := s.anchorer.WaitAnchored(ctx, s.log.Size()); err != nil {
		t.Fatal(err)
	}
	r := get(late)
	_, err = receipt.VerifyWith(r, info.Verifier, policy)
	var ve *receipt.VerifyError
	if !errors.As(err, &ve) || ve.Check != receipt.CheckWitness {
		t.Fatalf("receipt of a decision above the cosigned checkpoint %d: %v", cosigned, err)
	}
	if _, err := receipt.Verify(r, info.Verifier); err != nil {
		t.Fatalf("without a policy: %v", err)
	}
	if _, err := receipt.VerifyWith(get(first[0]), info.Verifier, policy); err != nil {
		t.Fatalf("an older receipt while a witness is down: %v", err)
	}

	wb.SetDown(false)
	waitCosigned(s.log.Size())
	if _, err := receipt.VerifyWith(get(late), info.Verifier, policy); err != nil {
		t.Fatalf("after the witness came back: %v", err)
	}
	_, b := a.do(t, "GET", "/metrics", access.RoleMetrics, "")
	for _, m := range []string{`glassbox_witness_cosignatures_total{witness="example.org/witness-a"}`, `glassbox_witness_failures_total{witness="example.org/witness-b"}`, "glassbox_witness_cosigned_size"} {
		if !strings.Contains(string(b), m) {
			t.Errorf("/metrics lacks %s", m)
		}
	}
}

// TestWitnessesOnTheApplicantPage: on a service with two witnesses, the
// applicant's page has the browser require both cosignatures on the
// receipt's checkpoint (the WebAssembly verifier's witness step) and says
// which witnesses cosigned; the whole receipt verifies in chromium.
func TestWitnessesOnTheApplicantPage(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser; not in -short")
	}
	receiptchecktest.EnsureWasm(t)
	ctx := context.Background()
	dir := t.TempDir()
	info, err := auditlog.CreateDir(dir, Origin)
	if err != nil {
		t.Fatal(err)
	}
	wa, _ := witnesstest.New(t, info.Verifier, "example.org/witness-a")
	wb, _ := witnesstest.New(t, info.Verifier, "example.org/witness-b")
	a := startAPIDir(t, dir, "--http", "127.0.0.1:0", "-witness", wa.VKey+"="+wa.URL, "-witness", wb.VKey+"="+wb.URL)
	s := a.s
	app := s.model.applicants(1, 0)[0]
	code, b := a.post(t, app)
	var d posted
	if err := json.Unmarshal(b, &d); err != nil || code != 200 {
		t.Fatalf("POST: %d %v %s", code, err, b)
	}
	if _, err := s.anchorer.WaitAnchored(ctx, s.log.Size()); err != nil {
		t.Fatal(err)
	}
	for {
		if c, _ := s.follower.Cosigned(); c >= s.log.Size() {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}

	br := browsertest.Start(t, nil)
	p := br.NewPage(t)
	if err := p.Navigate(a.srv.URL + d.Link.Page); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(p.Context(), chromedp.WaitReady(chromedp.CSS("#verify[data-verdict]"))); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[string](t, p, `document.getElementById("verify").dataset.witnesses`); got != wa.VKey+" "+wb.VKey {
		t.Fatalf("the page asks for witnesses %q", got)
	}
	var rep receiptcheck.Report
	if err := json.Unmarshal([]byte(browsertest.Eval[string](t, p, `document.getElementById("verify").dataset.report`)), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Verdict != receiptcheck.Valid || !slices.Equal(rep.Cosigned, []string{"example.org/witness-a", "example.org/witness-b"}) {
		t.Fatalf("verdict %s (%s), cosigned by %v", rep.Verdict, rep.Summary, rep.Cosigned)
	}
	step := browsertest.Eval[string](t, p, `(document.querySelector('#steps li[data-check="witness"]') || {}).textContent || ""`)
	if !strings.Contains(step, "Independent witnesses cosigned") || !strings.Contains(step, "example.org/witness-a") || !strings.Contains(step, "example.org/witness-b") {
		t.Errorf("the witness step on the page: %q", step)
	}
	p.SaveScreenshot(t, "portal-applicant-witnessed.png")
}
