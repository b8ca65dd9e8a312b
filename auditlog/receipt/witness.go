package receipt

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"

	"golang.org/x/mod/sumdb/note"
)

// VerifyOptions ask [VerifyWith] for more than [Verify] checks.
type VerifyOptions struct {
	// DecisionID, when set, requires the receipt to be for this decision
	// (as [VerifyDecision]).
	DecisionID string
	// Witnesses are the note verifiers (cosignature/v1 keys, see package
	// auditlog/witness/cosig) of the witnesses the policy names. Each key
	// appears once, and none is under the log's name.
	Witnesses []note.Verifier
	// WitnessThreshold is how many of Witnesses must have cosigned the
	// receipt's checkpoint: 1 to len(Witnesses); 0 means all of them.
	WitnessThreshold int
}

// VerifyWith is [Verify] (or [VerifyDecision] with opts.DecisionID) plus,
// when opts names witnesses, the witness check: at least the threshold of
// them have a valid cosignature line on the receipt's checkpoint. A policy
// that cannot be met (a threshold above the number of witnesses, a key
// given twice, a witness under the log's name) fails with [ErrPolicy]
// before any check. A receipt short of cosignatures fails with a
// *[VerifyError] of check [CheckWitness] whose Err is a *[WitnessError].
// Result.Cosigned lists the witnesses whose cosignature verified. With nil
// opts or no witnesses, VerifyWith is Verify: lines under other names than
// the log's are carried, not checked.
func VerifyWith(r *Receipt, v note.Verifier, opts *VerifyOptions) (*Result, error) {
	var o VerifyOptions
	if opts != nil {
		o = *opts
	}
	k := o.WitnessThreshold
	if len(o.Witnesses) > 0 {
		if k == 0 {
			k = len(o.Witnesses)
		}
		if err := checkPolicy(v, o.Witnesses, k); err != nil {
			return nil, err
		}
	} else if k != 0 {
		return nil, fmt.Errorf("%w: a witness threshold of %d without witnesses", ErrPolicy, k)
	}
	var res *Result
	var err error
	if o.DecisionID != "" {
		res, err = VerifyDecision(r, v, o.DecisionID)
	} else {
		res, err = Verify(r, v)
	}
	if err != nil || len(o.Witnesses) == 0 {
		return res, err
	}
	we := checkCosignatures(r.Checkpoint, o.Witnesses)
	we.Required = k
	if len(we.Valid) < k {
		return nil, &VerifyError{Check: CheckWitness, Err: we}
	}
	res.Cosigned = we.Valid
	return res, nil
}

func checkPolicy(v note.Verifier, ws []note.Verifier, k int) error {
	if k < 0 || k > len(ws) {
		return fmt.Errorf("%w: threshold %d of %d witnesses", ErrPolicy, k, len(ws))
	}
	seen := make(map[string]bool)
	for i, w := range ws {
		if w == nil {
			return fmt.Errorf("%w: witness %d is nil", ErrPolicy, i)
		}
		if v != nil && w.Name() == v.Name() {
			return fmt.Errorf("%w: witness %q has the log's name", ErrPolicy, w.Name())
		}
		id := fmt.Sprintf("%s+%08x", w.Name(), w.KeyHash())
		if seen[id] {
			return fmt.Errorf("%w: witness key %s given twice", ErrPolicy, id)
		}
		seen[id] = true
	}
	return nil
}

// checkCosignatures returns, for each witness in order, whether one of its
// signature lines on the note verifies; lines under a witness's name with
// its key id that do not verify are listed as invalid.
func checkCosignatures(n []byte, ws []note.Verifier) *WitnessError {
	we := &WitnessError{Witnesses: len(ws)}
	lines, err := signatureLines(n)
	i := bytes.LastIndex(n, []byte("\n\n"))
	if err != nil || i < 0 {
		return we
	}
	body := n[:i+1]
	for _, w := range ws {
		ok := false
		for _, l := range lines {
			if l.name != w.Name() {
				continue
			}
			sig, err := base64.StdEncoding.DecodeString(l.sig)
			if err != nil || len(sig) < 4 || binary.BigEndian.Uint32(sig) != w.KeyHash() {
				continue
			}
			if w.Verify(body, sig[4:]) {
				ok = true
			} else {
				we.Invalid = append(we.Invalid, w.Name())
			}
		}
		if ok {
			we.Valid = append(we.Valid, w.Name())
		}
	}
	return we
}
