package decisions_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/decisions/keystoretest"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// exampleLog opens a fresh engine log in a temporary directory, with a new
// checkpoint key, and returns its verifier.
func exampleLog() (*auditlog.Log, note.Verifier, func()) {
	dir, err := os.MkdirTemp("", "decisions-example")
	if err != nil {
		log.Fatal(err)
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, "example.org/glassbox/lending")
	if err != nil {
		log.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		log.Fatal(err)
	}
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		log.Fatal(err)
	}
	lg, err := auditlog.Open(filepath.Join(dir, "log"), &auditlog.Options{Signer: signer})
	if err != nil {
		log.Fatal(err)
	}
	return lg, verifier, func() { lg.Close(); os.RemoveAll(dir) }
}

func exampleDecision(id, subject string) record.Decision {
	return record.Decision{
		ID:      id,
		Time:    time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC),
		Subject: subject,
		Model:   record.Model{Name: "credit", Version: "1.0", ArtifactDigest: record.Digest{1}},
		Inputs:  []record.Feature{{Name: "income", Value: record.Number(42000)}},
		Output:  record.Output{Label: "approve", Score: 0.81},
		Groups:  []record.Attr{{Name: "age_band", Value: "30-49"}},
	}
}

// Record a decision, then give the applicant a receipt, which they verify
// offline with the log's public key alone.
func Example() {
	ctx := context.Background()
	lg, verifier, done := exampleLog()
	defer done()
	d, err := decisions.Open(lg, nil)
	if err != nil {
		log.Fatal(err)
	}
	res, err := d.Append(ctx, exampleDecision("app-1", "applicant-17"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("decision %s at index %d\n", res.ID, res.Index)
	again, _ := d.Append(ctx, exampleDecision("app-1", "someone else"))
	fmt.Printf("appended again: index %d, existing %v\n", again.Index, again.Existing)

	r, err := d.Receipt(ctx, "app-1")
	if err != nil {
		log.Fatal(err)
	}
	b, err := r.Marshal()
	if err != nil {
		log.Fatal(err)
	}

	// The applicant's side: the receipt's bytes and the log key.
	got, err := receipt.Parse(b)
	if err != nil {
		log.Fatal(err)
	}
	v, err := receipt.VerifyDecision(got, verifier, "app-1")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("verified: %s in a tree of %d, disclosed %v\n", v.Leaf.DecisionID, v.Checkpoint.Size, v.Disclosed)
	// Output:
	// decision app-1 at index 0
	// appended again: index 0, existing true
	// verified: app-1 in a tree of 1, disclosed [subject inputs groups metadata]
}

// Erasing a subject deletes its personal data; its leaves, and the receipts
// that prove them, stay valid.
func ExampleLog_Erase() {
	ctx := context.Background()
	lg, verifier, done := exampleLog()
	defer done()
	d, err := decisions.Open(lg, nil)
	if err != nil {
		log.Fatal(err)
	}
	for i, subject := range []string{"applicant-17", "applicant-18", "applicant-17"} {
		if _, err := d.Append(ctx, exampleDecision(fmt.Sprintf("app-%d", i), subject)); err != nil {
			log.Fatal(err)
		}
	}
	n, err := d.Erase(ctx, "applicant-17")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("erased decisions:", n)
	for _, id := range []string{"app-0", "app-1"} {
		s, err := d.Get(ctx, id)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %s, payload readable %v\n", id, s.Status, s.Payload != nil)
	}
	r, err := d.Receipt(ctx, "app-0")
	if err != nil {
		log.Fatal(err)
	}
	v, err := receipt.VerifyDecision(r, verifier, "app-0")
	fmt.Printf("receipt of app-0 verifies: %v, disclosed %d fields\n", err == nil, len(v.Disclosed))
	p, err := d.BySubject(ctx, "applicant-17", decisions.PageRequest{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("decisions listed for the erased subject:", len(p.Records))
	// Output:
	// erased decisions: 2
	// app-0: erased, payload readable false
	// app-1: sealed, payload readable true
	// receipt of app-0 verifies: true, disclosed 0 fields
	// decisions listed for the erased subject: 0
}

// Subject keys can live outside the log, in a KMS; keystoretest.Memory
// stands in for one here.
func ExampleOpen_keyStore() {
	ctx := context.Background()
	lg, _, done := exampleLog()
	defer done()
	ks := &keystoretest.Memory{}
	d, err := decisions.Open(lg, &decisions.Options{KeyStore: ks})
	if err != nil {
		log.Fatal(err)
	}
	for i, subject := range []string{"applicant-17", "applicant-18", "applicant-17"} {
		if _, err := d.Append(ctx, exampleDecision(fmt.Sprintf("app-%d", i), subject)); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Println("keys in the key store:", ks.Len())
	if _, err := d.Erase(ctx, "applicant-18"); err != nil {
		log.Fatal(err)
	}
	fmt.Println("after erasing applicant-18:", ks.Len())
	// Output:
	// keys in the key store: 2
	// after erasing applicant-18: 1
}
