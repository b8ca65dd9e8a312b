package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/reproduce"
)

// Evidence is what the regulator holds besides the chain: receipts that
// applicants were given (each anchored, so each verifies against the
// chain on its own), and the model artifact to re-execute decisions with.
type Evidence struct {
	Receipts [][]byte // receipt JSON
	Model    []byte   // the model artifact (nil: decisions are not re-executed)
}

// readEvidence reads every *.json file of dir as a receipt, and the model
// artifact; dir "" is no evidence.
func readEvidence(dir, model string) (*Evidence, error) {
	if dir == "" {
		return nil, nil
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("--receipts %s: no *.json receipt files", dir)
	}
	ev := &Evidence{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("--receipts: %w", err)
		}
		ev.Receipts = append(ev.Receipts, b)
	}
	if model != "" {
		if ev.Model, err = os.ReadFile(model); err != nil {
			return nil, fmt.Errorf("--model: %w", err)
		}
	}
	return ev, nil
}

// ChangedLeaf is a leaf the operator serves differently from the receipt
// an applicant holds, which the chain vouches for.
type ChangedLeaf struct {
	Index      uint64   `json:"index"`
	DecisionID string   `json:"decision_id"`
	AnchoredAt uint64   `json:"anchored_at"` // the tree size the applicant's receipt is anchored at
	Differs    []string `json:"differs"`     // "field: receipt X, operator Y"
	// Reproduce is package reproduce's verdict on the operator's version
	// of the decision, re-executed with the model artifact.
	Reproduce string `json:"reproduce,omitempty"`
	// ReproduceHeld is its verdict on the applicant's version.
	ReproduceHeld string `json:"reproduce_held,omitempty"`
}

// checkEvidence compares every held receipt with the operator's receipt of
// the same decision. A held receipt that does not verify against the chain
// is a failure of its own (it is no evidence).
func checkEvidence(ctx context.Context, op Operator, reg *registry.Client, ev *Evidence, rep *Report) {
	for _, b := range ev.Receipts {
		held, err := receipt.Parse(b)
		if err != nil {
			rep.fail("held receipt: %v", err)
			continue
		}
		hv, err := anchor.VerifyReceipt(ctx, held, reg)
		if err != nil {
			rep.fail("held receipt of leaf %d: does not verify against the chain: %v", held.Index, err)
			continue
		}
		rep.HeldReceipts++
		id := hv.Leaf.DecisionID
		ob, err := op.Receipt(ctx, id)
		if err != nil {
			rep.fail("decision %s: the operator has no receipt, the applicant holds one anchored at size %d: %v", id, held.Anchor.TreeSize, err)
			continue
		}
		cur, err := receipt.Parse(ob)
		if err != nil {
			rep.fail("decision %s: the operator's receipt: %v", id, err)
			continue
		}
		if cur.Index == held.Index && bytes.Equal(cur.Leaf, held.Leaf) {
			continue
		}
		ch := ChangedLeaf{Index: held.Index, DecisionID: id, AnchoredAt: held.Anchor.TreeSize, Differs: leafDiff(hv.Leaf, cur)}
		if ev.Model != nil {
			ch.ReproduceHeld = reproduceVerdict(hv.Result, held, ev.Model)
			ch.Reproduce = reproduceOperator(ctx, reg, cur, ev.Model)
		}
		rep.ChangedLeaves = append(rep.ChangedLeaves, ch)
		rep.fail("leaf %d (decision %s) changed: the applicant's receipt, anchored at size %d, has another leaf: %s", ch.Index, id, ch.AnchoredAt, strings.Join(ch.Differs, "; "))
	}
}

// leafDiff names the fields in which the operator's leaf differs from the
// held one.
func leafDiff(held *record.Leaf, cur *receipt.Receipt) []string {
	var out []string
	l, err := record.DecodeLeaf(cur.Leaf)
	if err != nil {
		return []string{"leaf: the operator's does not decode: " + err.Error()}
	}
	add := func(field, a, b string) {
		if a != b {
			out = append(out, fmt.Sprintf("%s: receipt %s, operator %s", field, a, b))
		}
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	add("score", f(held.Output.Score), f(l.Output.Score))
	add("label", held.Output.Label, l.Output.Label)
	add("model", held.Model.Name+" "+held.Model.Version, l.Model.Name+" "+l.Model.Version)
	add("artifact digest", fmt.Sprintf("%x", held.Model.ArtifactDigest[:8]), fmt.Sprintf("%x", l.Model.ArtifactDigest[:8]))
	add("time", held.Time.String(), l.Time.String())
	add("policy", held.PolicyVersion, l.PolicyVersion)
	add("commitments", fmt.Sprintf("%x", held.Commitments), fmt.Sprintf("%x", l.Commitments))
	if len(out) == 0 {
		out = append(out, "leaf bytes")
	}
	return out
}

// reproduceOperator re-executes the operator's version of a decision: its
// receipt verified offline with the key registered on chain (its anchor
// cannot verify: the tree is not the anchored one), then package reproduce.
func reproduceOperator(ctx context.Context, reg *registry.Client, r *receipt.Receipt, model []byte) string {
	// The key the contract holds for the checkpoint's size.
	text, _, _ := bytes.Cut(r.Checkpoint, []byte("\n\n"))
	cp, err := verify.ParseCheckpoint(append(text, '\n'))
	if err != nil {
		return "not re-executed: " + err.Error()
	}
	k, err := reg.KeyAt(ctx, registry.LogIDFor(r.Origin), cp.Size)
	if err != nil {
		return "not re-executed: " + err.Error()
	}
	vkey, err := note.NewEd25519VerifierKey(r.Origin, k.PublicKey)
	if err != nil {
		return "not re-executed: " + err.Error()
	}
	nv, err := note.NewVerifier(vkey)
	if err != nil {
		return "not re-executed: " + err.Error()
	}
	bare := *r
	bare.Anchor = nil
	v, err := receipt.Verify(&bare, nv)
	if err != nil {
		return "not re-executed: the receipt does not verify with the registered key: " + err.Error()
	}
	return reproduceVerdict(v, &bare, model)
}

func reproduceVerdict(v *receipt.Result, r *receipt.Receipt, model []byte) string {
	res, err := reproduce.Check(v, r, model)
	if err != nil {
		return err.Error()
	}
	return fmt.Sprintf("reproduces: score %v", res.Score)
}
