package receiptcheck_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
)

// Verify a receipt offline with the log's key, as a page that embeds the
// key does when it is given no chain: every step, then the verdict. With
// Options.RPC and Options.Contract it would also read the key, the
// anchored root and the anchoring block from the registry contract.
func ExampleVerify() {
	b, err := os.ReadFile("../../auditlog/receipt/testdata/vectors.json")
	if err != nil {
		panic(err)
	}
	var vectors struct {
		LogKey string `json:"log_key"`
		Cases  []struct {
			Name    string `json:"name"`
			Receipt string `json:"receipt"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(b, &vectors); err != nil {
		panic(err)
	}
	valid := vectors.Cases[3] // "valid-inputs-only": only the inputs disclosed
	rep, err := receiptcheck.Verify(context.Background(), []byte(valid.Receipt), &receiptcheck.Options{LogKey: vectors.LogKey})
	if err != nil {
		panic(err)
	}
	for _, s := range rep.Steps {
		fmt.Printf("%-10s %-6s %s\n", s.Check, s.Field, s.Status)
	}
	fmt.Println(rep.Verdict, rep.DecisionID, rep.Disclosed)
	// Output:
	// format            passed
	// key               passed
	// signature         passed
	// leaf              passed
	// inclusion         passed
	// commitment inputs passed
	// anchor            skipped
	// chain             skipped
	// block             skipped
	// valid dec-0002 [inputs]
}
