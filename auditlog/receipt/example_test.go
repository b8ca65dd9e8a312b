package receipt_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
)

// An applicant checks a receipt offline with the log's public key.
func ExampleVerify() {
	// A receipt and the log key, from the test vectors.
	var vectors struct {
		LogKey string `json:"log_key"`
		Cases  []struct {
			Name, Receipt string
		} `json:"cases"`
	}
	b, _ := os.ReadFile("testdata/vectors.json")
	if err := json.Unmarshal(b, &vectors); err != nil {
		panic(err)
	}
	verifier, err := note.NewVerifier(vectors.LogKey)
	if err != nil {
		panic(err)
	}
	for _, c := range vectors.Cases[:5] {
		r, err := receipt.Parse([]byte(c.Receipt))
		if err != nil {
			fmt.Println(c.Name, "unparsable:", err)
			continue
		}
		res, err := receipt.Verify(r, verifier)
		var ve *receipt.VerifyError
		switch {
		case errors.As(err, &ve):
			fmt.Printf("%s: %s check failed (%s)\n", c.Name, ve.Check, ve.Field)
		case err != nil:
			fmt.Println(c.Name, err)
		default:
			fmt.Printf("%s: decision %s at index %d of %d, disclosed %v, anchored %v\n",
				c.Name, res.Leaf.DecisionID, res.Index, res.Checkpoint.Size, res.Disclosed, res.Anchor != nil)
		}
	}
	// Output:
	// valid: decision dec-0002 at index 2 of 5, disclosed [subject inputs groups metadata explanation], anchored false
	// valid-anchored: decision dec-0004 at index 4 of 5, disclosed [subject inputs groups metadata explanation], anchored true
	// valid-anchored-later: decision dec-0001 at index 1 of 3, disclosed [subject inputs groups metadata explanation], anchored true
	// valid-inputs-only: decision dec-0002 at index 2 of 5, disclosed [inputs], anchored false
	// wrong-subject: commitment check failed (subject)
}
