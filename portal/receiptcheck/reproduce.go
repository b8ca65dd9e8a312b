package receiptcheck

import (
	"errors"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/reproduce"
)

// Reproduction is what [Reproduce] found, in the JSON the page reads.
type Reproduction struct {
	Reproduced bool     `json:"reproduced"`
	Checked    []string `json:"checked,omitempty"`
	Unchecked  []string `json:"unchecked,omitempty"`
	// On a decision that does not reproduce: what differs.
	Part       string `json:"part,omitempty"`
	Feature    string `json:"feature,omitempty"`
	Recorded   string `json:"recorded,omitempty"`
	Recomputed string `json:"recomputed,omitempty"`
	// Error says why nothing could be re-run, or what differs.
	Error string `json:"error,omitempty"`
}

// Reproduce re-executes the decision of a receipt with the model artifact
// (package reproduce): the receipt is verified offline with logKey first
// (the key the page's verification passed with, Report.LogKey), then the
// model's score and explanation are recomputed and compared bit for bit.
// It never fails: everything it finds is in the Reproduction.
func Reproduce(receiptText, model []byte, logKey string) Reproduction {
	v, err := note.NewVerifier(logKey)
	if err != nil {
		return Reproduction{Error: "the log key: " + err.Error()}
	}
	r, err := receipt.Parse(receiptText)
	if err != nil {
		return Reproduction{Error: err.Error()}
	}
	res, err := receipt.Verify(r, v)
	if err != nil {
		return Reproduction{Error: "the receipt does not verify: " + err.Error()}
	}
	got, err := reproduce.Check(res, r, model)
	var me *reproduce.MismatchError
	if errors.As(err, &me) {
		return Reproduction{Part: string(me.Part), Feature: me.Feature, Recorded: me.Recorded, Recomputed: me.Recomputed, Error: err.Error()}
	}
	if err != nil {
		return Reproduction{Error: err.Error()}
	}
	out := Reproduction{Reproduced: true, Unchecked: got.Unchecked}
	for _, p := range got.Checked {
		out.Checked = append(out.Checked, string(p))
	}
	return out
}
