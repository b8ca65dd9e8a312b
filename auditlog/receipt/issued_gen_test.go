//go:build issuegen

package receipt_test

// This generator wrote testdata/issued/: receipts issued by a real log
// (package auditlog on Pebble, real checkpoint signatures) before the
// receipt format was tightened, kept so that TestIssuedReceipts can check
// that receipts already in the hands of applicants keep verifying. It is
// The committed files were written at commit c8583e0, by the log of that
// day; the generator now runs on package decisions. It is
// behind the issuegen build tag because the fixture must not change: run it
// again only to add a fixture, never to "fix" one.
//
//	go test -tags issuegen -run TestGenerateIssued ./auditlog/receipt

import (
	"context"
	"crypto/rand"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/explain"
)

func TestGenerateIssued(t *testing.T) {
	ctx := context.Background()
	const origin = "example.org/glassbox/issued-fixture"
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	l, err := auditlog.Open(t.TempDir(), &auditlog.Options{Origin: origin, Signer: signer, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	dl, err := decisions.Open(l, nil)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	model := record.Model{Name: "credit-gbt", Version: "2.3.1", ArtifactDigest: record.Digest{0x5e, 0x11, 0xa7}}
	decisions := []record.Decision{
		{ // every input kind, an explanation, two groups, a weight, metadata
			ID: "loan-2026-0001", Time: t0, Subject: "applicant-0001@example.org", Model: model,
			Inputs: []record.Feature{
				{Name: "income", Value: record.Number(52000.5)},
				{Name: "age", Value: record.Integer(41)},
				{Name: "region", Value: record.String("Île-de-France")},
				{Name: "homeowner", Value: record.Bool(true)},
				{Name: "debt_ratio", Value: record.Number(0.125)},
			},
			Output: record.Output{Label: "approve", Score: 0.8125},
			Explanation: &explain.Attribution{
				Method: explain.MethodTreeSHAP, Space: explain.SpaceMargin, Base: -0.5, Output: 1.46,
				Contributions: []explain.Contribution{
					{Feature: "income", Value: 52000.5, Contribution: 1.5},
					{Feature: "age", Value: 41, Contribution: 0.25},
					{Feature: "months_employed", Value: math.NaN(), Missing: true, Contribution: 0.21},
				},
			},
			Groups:        []record.Attr{{Name: "sex", Value: "female"}, {Name: "age_band", Value: "40-49"}},
			Weight:        2.5,
			PolicyVersion: "policy-7",
			Metadata:      map[string]string{"channel": "web", "branch": "paris-3"},
		},
		{ // the smallest decision: one input, nothing else
			ID: "loan-2026-0002", Time: t0.Add(time.Minute), Subject: "applicant-0002", Model: model,
			Inputs: []record.Feature{{Name: "income", Value: record.Integer(16705)}},
			Output: record.Output{Label: "decline", Score: 0.25},
		},
		{ // erased below: its receipt discloses nothing
			ID: "loan-2026-0003", Time: t0.Add(2 * time.Minute), Subject: "applicant-0003", Model: model,
			Inputs: []record.Feature{{Name: "income", Value: record.Number(9000)}},
			Groups: []record.Attr{{Name: "sex", Value: "male"}},
			Output: record.Output{Label: "decline", Score: 0.125},
		},
	}
	for _, d := range decisions {
		if _, err := dl.Append(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := dl.AppendOutcome(ctx, record.Outcome{DecisionID: "loan-2026-0001", Time: t0.Add(time.Hour), Label: "repaid"}); err != nil {
		t.Fatal(err)
	}
	if _, err := dl.Erase(ctx, "applicant-0003"); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "issued")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "log.pub"), []byte(vkey+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for file, id := range map[string]string{"full.json": "loan-2026-0001", "minimal.json": "loan-2026-0002", "erased.json": "loan-2026-0003"} {
		r, err := dl.Receipt(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		b, err := r.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, file), append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
