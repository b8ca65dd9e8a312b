package regulator

import (
	"context"
	"errors"
	"strings"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/reproduce"
)

// reexecView is the re-execution of a decision on its page (issue 16's
// part in the regulator's portal): the decision's receipt with every
// disclosure, verified, re-run with the model artifact of the leaf's
// digest (Options.Artifacts) by package reproduce.
type reexecView struct {
	Shown   bool   // the section is on the page
	Result  string // "reproduces", "differs", "unavailable"
	Text    string
	Part    string // what differs, for "differs"
	Checked string // what was compared, for "reproduces"
}

// reexec re-executes the decision of rc (a receipt with disclosures, read
// only after the access was recorded). It never fails the page: every
// outcome is a view.
func (p *Portal) reexec(ctx context.Context, l *Log, rc *receipt.Receipt) reexecView {
	if p.o.Artifacts == nil {
		return reexecView{}
	}
	v := reexecView{Shown: true, Result: "unavailable"}
	res, err := receipt.Verify(rc, l.Log.Verifier())
	if err != nil {
		v.Text = "The decision's receipt does not verify, so it was not re-executed: " + err.Error()
		return v
	}
	model, err := p.o.Artifacts(ctx, [32]byte(res.Leaf.Model.ArtifactDigest))
	if err != nil {
		v.Text = "The lender holds no model artifact of the leaf's digest: " + err.Error()
		return v
	}
	got, err := reproduce.Check(res, rc, model)
	var me *reproduce.MismatchError
	switch {
	case errors.As(err, &me):
		v.Result, v.Part = "differs", string(me.Part)
		v.Text = "Does not reproduce: " + me.Error()
	case err != nil:
		v.Text = "Not re-executed: " + err.Error()
	default:
		parts := make([]string, len(got.Checked))
		for i, c := range got.Checked {
			parts[i] = string(c)
		}
		v.Result, v.Checked = "reproduces", strings.Join(parts, ", ")
		v.Text = "Reproduces: the model artifact of the leaf's digest, re-run on the disclosed inputs, gives exactly the recorded score and explanation (compared: " + v.Checked + "). Not checked here: " + strings.Join(got.Unchecked, "; ") + "."
	}
	return v
}
