package record_test

import (
	"fmt"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// A decision splits into a public leaf and a sealed payload; whoever is given
// the payload's values and salts can check them against the leaf.
func Example() {
	d := &record.Decision{
		ID:      "dec-0001",
		Time:    time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC),
		Subject: "applicant-42",
		Model:   record.Model{Name: "credit", Version: "1.3.0", ArtifactDigest: record.Digest{0x3f}},
		Inputs:  []record.Feature{{Name: "income", Value: record.Number(52000)}, {Name: "age", Value: record.Integer(41)}},
		Output:  record.Output{Label: "approve", Score: 0.82},
		Groups:  []record.Attr{{Name: "sex", Value: "female"}},
	}
	rec, err := record.Build(d, nil) // fresh random salts
	if err != nil {
		panic(err)
	}
	key, _ := record.NewKey(nil) // the subject's key, from a key store
	sealed, _ := record.Seal(key, d.ID, rec.LeafBytes, rec.Payload, nil)

	leaf, _ := record.DecodeLeaf(rec.LeafBytes)
	fmt.Println(leaf.Kind, leaf.DecisionID, leaf.Model.Version, leaf.Output.Label)

	p, err := record.Open(key, d.ID, rec.LeafBytes, sealed)
	fmt.Println(p.Subject, err, leaf.CheckPayload(p))

	p.Inputs[0].Value = record.Integer(40) // age 40 instead of 41
	fmt.Println(leaf.CheckField(record.FieldInputs, p) != nil)
	// Output:
	// decision dec-0001 1.3.0 approve
	// applicant-42 <nil> <nil>
	// true
}
