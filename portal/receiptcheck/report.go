package receiptcheck

import (
	"fmt"
	"strings"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
)

// The steps of [Verify] beyond package receipt's checks, named as
// `glassbox verify` names them in its JSON output.
const (
	CheckFormat receipt.Check = "format" // the receipt parses, in canonical form
	CheckKey    receipt.Check = "key"    // the log's key: registered on the contract, or given
	CheckChain  receipt.Check = "chain"  // the contract holds the anchored root
	CheckBlock  receipt.Check = "block"  // the receipt's block and transaction anchored it
)

// Status is the outcome of one step.
type Status string

// The statuses of a step.
const (
	// Passed: the step ran and the receipt passed it.
	Passed Status = "passed"
	// Failed: the step ran and found the receipt wrong; Message says how.
	Failed Status = "failed"
	// NotChecked: the step could not run: an earlier step failed, or what it
	// needs (the log's key, the chain) was not available. Message says why.
	NotChecked Status = "not checked"
	// Skipped: the step does not apply to this receipt or this request (no
	// anchor, nothing disclosed, no chain asked for).
	Skipped Status = "skipped"
)

// Step is one check of [Verify] and its outcome.
type Step struct {
	Check   receipt.Check `json:"check"`
	Field   string        `json:"field,omitempty"` // the disclosed field, for CheckCommitment
	Status  Status        `json:"status"`
	Message string        `json:"message"`
}

// Verdict sums up a [Report].
type Verdict string

// The verdicts.
const (
	// Valid: every step passed or does not apply.
	Valid Verdict = "valid"
	// Invalid: a step failed (Report.Failed names it).
	Invalid Verdict = "invalid"
	// Partial: no step failed, but some could not be checked (the chain
	// could not be read, no key was available, or the receipt carries no
	// anchor while a chain check was asked for). Report.Summary says what
	// was and was not checked.
	Partial Verdict = "partial"
)

// Report is the outcome of [Verify]: every step in order, and a verdict.
type Report struct {
	Verdict Verdict `json:"verdict"`
	// Failed and Field name the step that failed, when Verdict is Invalid.
	Failed receipt.Check `json:"failed,omitempty"`
	Field  string        `json:"field,omitempty"`
	// Summary is one or two sentences for a person.
	Summary string `json:"summary"`
	Steps   []Step `json:"steps"`

	// What the receipt states, filled in as far as the steps that
	// establish it passed (signature and leaf).
	Origin     string   `json:"origin,omitempty"`
	TreeSize   *uint64  `json:"tree_size,omitempty"`
	Index      *uint64  `json:"index,omitempty"`
	DecisionID string   `json:"decision_id,omitempty"`
	Kind       string   `json:"kind,omitempty"`
	Disclosed  []string `json:"disclosed,omitempty"` // the fields whose commitments matched
	// LogKey is the note verifier key the key step passed with (given,
	// or read from the contract), for checks that follow in the page.
	LogKey string `json:"log_key,omitempty"`
	// Cosigned names the policy's witnesses whose cosignature verified
	// (Options.Witnesses).
	Cosigned []string `json:"cosigned,omitempty"`
}

func (r *Report) add(c receipt.Check, field string, s Status, format string, args ...any) {
	r.Steps = append(r.Steps, Step{Check: c, Field: field, Status: s, Message: fmt.Sprintf(format, args...)})
}

// finish sets the verdict and the summary from the steps.
func (r *Report) finish() *Report {
	type notChecked struct {
		names  []string
		reason string
	}
	var passed []string
	var unchecked []notChecked
	r.Verdict = Valid
	for _, s := range r.Steps {
		name := stepName(s.Check, s.Field)
		switch s.Status {
		case Failed:
			if r.Verdict != Invalid {
				r.Verdict, r.Failed, r.Field = Invalid, s.Check, s.Field
				r.Summary = fmt.Sprintf("Invalid: the %s check failed: %s", name, s.Message)
			}
		case NotChecked:
			if r.Verdict == Valid {
				r.Verdict = Partial
			}
			// Steps not checked for one reason are named together.
			if n := len(unchecked); n > 0 && unchecked[n-1].reason == s.Message {
				unchecked[n-1].names = append(unchecked[n-1].names, name)
			} else {
				unchecked = append(unchecked, notChecked{[]string{name}, s.Message})
			}
		case Passed:
			passed = append(passed, name)
		}
	}
	switch r.Verdict {
	case Valid:
		r.Summary = "Valid: " + strings.Join(passed, ", ") + " passed."
		for _, s := range r.Steps {
			if s.Check == CheckChain && s.Status == Skipped {
				r.Summary += " " + strings.ToUpper(s.Message[:1]) + s.Message[1:] + "."
			}
		}
	case Partial:
		if len(passed) == 0 {
			passed = []string{"nothing"}
		}
		var why []string
		for _, u := range unchecked {
			why = append(why, strings.Join(u.names, ", ")+" ("+u.reason+")")
		}
		r.Summary = "Partially checked: " + strings.Join(passed, ", ") + " passed; not checked: " + strings.Join(why, "; ") + "."
	}
	return r
}

// stepName names a step for a person: "signature", "commitment of inputs".
func stepName(c receipt.Check, field string) string {
	if field != "" {
		return string(c) + " of " + field
	}
	return string(c)
}
