package record

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/glassbox-audit/glassbox/explain"
)

// Limits on record fields. Validation and the decoders enforce them, so a
// decoded leaf or payload is always within them.
const (
	MaxIDLen         = 128  // decision id, in bytes
	MaxNameLen       = 128  // model name and version, feature, group and metadata names, labels, policy version, explanation method
	MaxValueLen      = 1024 // string feature values, group values, metadata values, subject
	MaxFeatures      = 1024 // inputs per decision
	MaxGroups        = 32   // group attributes per decision
	MaxMetadata      = 64   // metadata entries per decision
	MaxContributions = 1024 // contributions per explanation
)

// Model names the exact model that made a decision.
type Model struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	ArtifactDigest Digest `json:"artifact_digest"` // SHA-256 of the model artifact, as registered
}

// Output is the model's decision.
type Output struct {
	Label string  `json:"label"` // e.g. "approve", "decline"
	Score float64 `json:"score"` // finite
}

// Decision is one automated decision about one subject.
//
// ID is an idempotency key: package auditlog records a decision id once.
// Subject identifies the applicant; it never appears in the leaf. Weight is
// the fairness sample weight; 0 means the default, 1. See docs/decisions-jsonl.md
// for the JSON form.
type Decision struct {
	ID            string
	Time          time.Time
	Subject       string
	Model         Model
	Inputs        []Feature
	Output        Output
	Explanation   *explain.Attribution
	Groups        []Attr
	Weight        float64
	PolicyVersion string
	Metadata      map[string]string
}

// Outcome records what happened after a decision (repaid, defaulted), for
// metrics that compare decisions with outcomes.
type Outcome struct {
	DecisionID string    `json:"decision_id"`
	Time       time.Time `json:"time"`
	Label      string    `json:"label"`
}

// EffectiveWeight returns d.Weight, or 1 when it is 0.
func (d *Decision) EffectiveWeight() float64 {
	if d.Weight == 0 {
		return 1
	}
	return d.Weight
}

// minTime and maxTime bound record times: after the Unix epoch and within
// what int64 nanoseconds can hold.
var (
	minTime = time.Unix(0, 1)
	maxTime = time.Unix(0, math.MaxInt64)
)

func checkTime(t time.Time) string {
	if t.IsZero() {
		return "missing"
	}
	if t.Before(minTime) || t.After(maxTime) {
		return "out of range (must be after 1970-01-01 and before 2262-04-11)"
	}
	return ""
}

// checkString returns why s is not acceptable, or "".
func checkString(s string, max int, required bool) string {
	switch {
	case s == "" && required:
		return "missing"
	case len(s) > max:
		return fmt.Sprintf("%d bytes, over the limit of %d", len(s), max)
	case !utf8.ValidString(s):
		return "not valid UTF-8"
	}
	return ""
}

// checkName is checkString plus: no control characters.
func checkName(s string, max int, required bool) string {
	if r := checkString(s, max, required); r != "" {
		return r
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return "contains a control character"
	}
	return ""
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// Validate checks d against the rules of docs/decisions-jsonl.md. It returns
// nil or a *[ValidationError] naming the first bad field. The committed
// fields are checked by the same code as [Payload.ValidateField], except
// that inputs and groups may come in any order and the weight may be 0.
func (d *Decision) Validate() error {
	bad := func(field, reason string) error {
		id := d.ID
		if checkName(id, MaxIDLen, true) != "" {
			id = ""
		}
		return &ValidationError{Record: id, Field: field, Reason: reason}
	}
	if r := checkName(d.ID, MaxIDLen, true); r != "" {
		return bad("id", r)
	}
	if r := checkTime(d.Time); r != "" {
		return bad("time", r)
	}
	if field, r := checkSubject(d.Subject); r != "" {
		return bad(field, r)
	}
	if r := checkName(d.Model.Name, MaxNameLen, true); r != "" {
		return bad("model.name", r)
	}
	if r := checkName(d.Model.Version, MaxNameLen, true); r != "" {
		return bad("model.version", r)
	}
	if d.Model.ArtifactDigest.IsZero() {
		return bad("model.artifact_digest", "missing")
	}
	if field, r := checkInputs(d.Inputs, decisionForm); r != "" {
		return bad(field, r)
	}
	if r := checkName(d.Output.Label, MaxNameLen, true); r != "" {
		return bad("output.label", r)
	}
	if !finite(d.Output.Score) {
		return bad("output.score", "NaN and infinities are not allowed")
	}
	if d.Explanation != nil {
		if field, r := checkExplanation(d.Explanation); r != "" {
			return bad(field, r)
		}
	}
	if field, r := checkGroups(d.Groups, d.Weight, decisionForm); r != "" {
		return bad(field, r)
	}
	if r := checkName(d.PolicyVersion, MaxNameLen, false); r != "" {
		return bad("policy_version", r)
	}
	if field, r := checkMetadata(d.Metadata); r != "" {
		return bad(field, r)
	}
	return nil
}

// Validate checks o. It returns nil or a *[ValidationError].
func (o *Outcome) Validate() error {
	bad := func(field, reason string) error {
		id := o.DecisionID
		if checkName(id, MaxIDLen, true) != "" {
			id = ""
		}
		return &ValidationError{Record: id, Field: field, Reason: reason}
	}
	if r := checkName(o.DecisionID, MaxIDLen, true); r != "" {
		return bad("decision_id", r)
	}
	if r := checkTime(o.Time); r != "" {
		return bad("time", r)
	}
	if r := checkName(o.Label, MaxNameLen, true); r != "" {
		return bad("label", r)
	}
	return nil
}

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// decisionJSON is the JSON form of a Decision (docs/decisions-jsonl.md).
type decisionJSON struct {
	ID            string               `json:"id"`
	Time          time.Time            `json:"time"`
	Subject       string               `json:"subject"`
	Model         *Model               `json:"model"`
	Inputs        []Feature            `json:"inputs"`
	Output        *Output              `json:"output"`
	Explanation   *explain.Attribution `json:"explanation,omitempty"`
	Groups        []Attr               `json:"groups,omitempty"`
	Weight        float64              `json:"weight,omitempty"`
	PolicyVersion string               `json:"policy_version,omitempty"`
	Metadata      map[string]string    `json:"metadata,omitempty"`
}

// MarshalJSON encodes d in the form of docs/decisions-jsonl.md.
func (d Decision) MarshalJSON() ([]byte, error) {
	w := decisionJSON{
		ID: d.ID, Time: d.Time, Subject: d.Subject, Model: &d.Model, Inputs: d.Inputs,
		Output: &d.Output, Groups: d.Groups, Weight: d.Weight,
		PolicyVersion: d.PolicyVersion, Metadata: d.Metadata,
	}
	w.Explanation = d.Explanation
	return json.Marshal(w)
}

// UnmarshalJSON decodes the form of docs/decisions-jsonl.md. Unknown fields
// (at any level) and trailing data are errors. It does not validate; call
// [Decision.Validate].
//
// An error in the model or in an input names its field, such as
// "model.artifact_digest" or "inputs[1].integer".
func (d *Decision) UnmarshalJSON(b []byte) error {
	var w decisionFieldsJSON
	if err := strictUnmarshal(b, &w); err != nil {
		return err
	}
	model, inputs, err := w.decodeFields()
	if err != nil {
		return err
	}
	*d = Decision{
		ID: w.ID, Time: w.Time, Subject: w.Subject, Inputs: inputs, Model: model,
		Groups: w.Groups, Weight: w.Weight, PolicyVersion: w.PolicyVersion, Metadata: w.Metadata,
	}
	if w.Output != nil {
		d.Output = *w.Output
	}
	d.Explanation = w.Explanation
	return nil
}
