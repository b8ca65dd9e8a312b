package receipt

import (
	"errors"
	"fmt"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// Result is what a verified receipt establishes.
type Result struct {
	Checkpoint verify.Checkpoint // the signed checkpoint the leaf is included in
	Index      uint64
	Leaf       *record.Leaf   // the decoded leaf
	Disclosed  []record.Field // the fields whose disclosed values matched their commitments
	Anchor     *Anchor        // the anchor whose consistency with the checkpoint was checked, or nil
	Cosigned   []string       // VerifyWith: the policy's witnesses whose cosignature verified
}

// Verify checks r against the log's note verifier (see the package
// documentation for the checks and their order). It returns a *[VerifyError]
// naming the first check that failed.
func Verify(r *Receipt, v note.Verifier) (*Result, error) {
	fail := func(c Check, err error) (*Result, error) { return nil, &VerifyError{Check: c, Err: err} }
	if v == nil {
		return fail(CheckSignature, errors.New("no log key given"))
	}
	cp, err := verify.OpenCheckpoint(r.Checkpoint, v)
	if err != nil {
		return fail(CheckSignature, err)
	}
	if cp.Origin != r.Origin {
		return fail(CheckSignature, fmt.Errorf("checkpoint origin %q, receipt says %q", cp.Origin, r.Origin))
	}
	// One signature line by the log, none repeated: another key's line
	// under the log's name, or a copy of the log's, would otherwise ride
	// along unchecked. Lines under other names (witness cosignatures) are
	// carried, not checked.
	lines, err := signatureLines(r.Checkpoint)
	if err != nil {
		return fail(CheckSignature, err)
	}
	if n := countName(lines, v.Name()); n != 1 {
		return fail(CheckSignature, fmt.Errorf("%d signature lines under the log's name %q, want exactly 1", n, v.Name()))
	}
	leaf, err := record.DecodeLeaf(r.Leaf)
	if err != nil {
		return fail(CheckLeaf, err)
	}
	if err := verify.VerifyInclusion(r.Index, cp.Size, verify.LeafHash(r.Leaf), r.InclusionProof, cp.Root); err != nil {
		return fail(CheckInclusion, err)
	}
	res := &Result{Checkpoint: cp, Index: r.Index, Leaf: leaf}
	d := &r.Disclosures
	if *d != (Disclosures{}) && leaf.Kind != record.KindDecision {
		return fail(CheckCommitment, fmt.Errorf("a %s leaf has no commitments to disclose", leaf.Kind))
	}
	p, fields := d.payload()
	for _, f := range fields {
		if err := leaf.CheckField(f, p); err != nil {
			return nil, &VerifyError{Check: CheckCommitment, Field: f, Err: err}
		}
	}
	res.Disclosed = fields
	if a := r.Anchor; a != nil {
		if err := checkAnchor(cp, a); err != nil {
			return fail(CheckAnchor, err)
		}
		res.Anchor = a
	}
	return res, nil
}

func countName(lines []signatureLine, name string) int {
	n := 0
	for _, l := range lines {
		if l.name == name {
			n++
		}
	}
	return n
}

// VerifyDecision is [Verify] plus a check that r is the receipt of a
// decision with the given id.
func VerifyDecision(r *Receipt, v note.Verifier, decisionID string) (*Result, error) {
	res, err := Verify(r, v)
	if err != nil {
		return nil, err
	}
	if res.Leaf.Kind != record.KindDecision || res.Leaf.DecisionID != decisionID {
		return nil, &VerifyError{Check: CheckDecision,
			Err: fmt.Errorf("receipt is for %s %q, not decision %q", res.Leaf.Kind, res.Leaf.DecisionID, decisionID)}
	}
	return res, nil
}

// checkAnchor checks that the anchored tree extends the checkpoint's tree.
func checkAnchor(cp verify.Checkpoint, a *Anchor) error {
	switch {
	case a.TreeSize < cp.Size:
		return fmt.Errorf("anchored tree size %d is smaller than the checkpoint's %d", a.TreeSize, cp.Size)
	case a.TreeSize == cp.Size:
		if len(a.ConsistencyProof) != 0 {
			return fmt.Errorf("anchor at the checkpoint's size carries a %d-hash consistency proof", len(a.ConsistencyProof))
		}
		if a.Root != cp.Root {
			return fmt.Errorf("anchored root %x differs from the checkpoint's root %x at size %d", a.Root[:], cp.Root[:], cp.Size)
		}
		return nil
	}
	return verify.VerifyConsistency(cp.Size, a.TreeSize, a.ConsistencyProof, cp.Root, a.Root)
}
