package reproduce

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/explain"
)

// Errors of [Check]. A decision that does not reproduce fails with a
// *[MismatchError], which wraps ErrMismatch.
var (
	// ErrMismatch: the record is not what the model gives.
	ErrMismatch = errors.New("reproduce: the decision does not reproduce")
	// ErrNotDisclosed: the receipt does not disclose (verified) inputs and
	// explanation, so there is nothing to re-run.
	ErrNotDisclosed = errors.New("reproduce: the receipt does not disclose the inputs and the explanation")
	// ErrUnsupportedMethod: the leaf's explanation method is not one this
	// package re-executes.
	ErrUnsupportedMethod = errors.New("reproduce: unsupported explanation method")
)

// Part names what a [MismatchError] is about.
type Part string

// The parts of a decision Check compares.
const (
	PartArtifact    Part = "artifact"    // the model file against the leaf's digest
	PartModel       Part = "model"       // the model does not fit the explanation (feature count or names)
	PartInput       Part = "input"       // a disclosed input against the value the explanation used
	PartScore       Part = "score"       // the recorded score against the model's
	PartExplanation Part = "explanation" // the disclosed explanation against the recomputed one
)

// MismatchError says what differs, with both values.
type MismatchError struct {
	Part       Part
	Feature    string // the input or contribution, when the part has one
	Recorded   string // what the log holds
	Recomputed string // what the model or artifact gives
}

func (e *MismatchError) Error() string {
	what := string(e.Part)
	if e.Feature != "" {
		what += " " + strconv.Quote(e.Feature)
	}
	return fmt.Sprintf("%v: %s: recorded %s, recomputed %s", ErrMismatch, what, e.Recorded, e.Recomputed)
}

func (e *MismatchError) Unwrap() error { return ErrMismatch }

// UncheckedRegistration is the entry of Result.Unchecked for the chain
// read Check does not make.
const UncheckedRegistration = "that the artifact is the registered one: compare the leaf's digest with the contract's"

// Result is a decision that reproduced.
type Result struct {
	DecisionID string
	Model      record.Model
	Score      float64 // the recorded score, equal to the model's
	// Checked lists what was compared, all equal; Unchecked what was not,
	// with the reason.
	Checked   []Part
	Unchecked []string
}

// Check re-executes the decision of r, which receipt.Verify accepted with
// result v, with the model artifact model (the file's bytes). It returns a
// *MismatchError naming the first part that differs. To check many
// receipts against one artifact, use a [Checker], which parses it once.
func Check(v *receipt.Result, r *receipt.Receipt, model []byte) (*Result, error) {
	return NewChecker(model).Check(v, r)
}

// A Checker re-executes decisions with one model artifact, parsing the
// artifact once for each feature list the receipts name (a receipt's
// explanation names the features in the model's order). It is not safe
// for concurrent use.
type Checker struct {
	model  []byte
	digest [32]byte
	parsed map[string]parsedModel
}

// parsedModel is the artifact parsed for one feature list, or the error
// parsing gave.
type parsedModel struct {
	m   *explain.Model
	err error
}

// NewChecker returns a Checker for the artifact's bytes (kept, not copied:
// the caller must not change them).
func NewChecker(model []byte) *Checker {
	return &Checker{model: model, digest: sha256.Sum256(model), parsed: make(map[string]parsedModel)}
}

// Check is [Check] with the Checker's artifact.
func (c *Checker) Check(v *receipt.Result, r *receipt.Receipt) (*Result, error) {
	if v == nil || v.Leaf == nil || r == nil {
		return nil, fmt.Errorf("%w: no verified receipt", ErrNotDisclosed)
	}
	leaf := v.Leaf
	if leaf.Kind != record.KindDecision {
		return nil, fmt.Errorf("%w: the leaf is not a decision", ErrNotDisclosed)
	}
	if leaf.ExplanationMethod != string(explain.MethodTreeSHAP) {
		return nil, fmt.Errorf("%w: %q (this package re-executes %q)", ErrUnsupportedMethod, leaf.ExplanationMethod, explain.MethodTreeSHAP)
	}
	if !slices.Contains(v.Disclosed, record.FieldInputs) || !slices.Contains(v.Disclosed, record.FieldExplanation) ||
		r.Disclosures.Inputs == nil || r.Disclosures.Explanation == nil {
		return nil, ErrNotDisclosed
	}
	if c.digest != [32]byte(leaf.Model.ArtifactDigest) {
		return nil, &MismatchError{Part: PartArtifact, Recorded: "sha256 " + hex.EncodeToString(leaf.Model.ArtifactDigest[:]), Recomputed: "sha256 " + hex.EncodeToString(c.digest[:])}
	}
	attr := &r.Disclosures.Explanation.Value
	names := make([]string, len(attr.Contributions))
	for i, ct := range attr.Contributions {
		names[i] = ct.Feature
	}
	key := strings.Join(names, "\x00")
	pm, ok := c.parsed[key]
	if !ok {
		pm.m, pm.err = explain.ParseXGBoost(c.model, &explain.LoadOptions{FeatureNames: names})
		c.parsed[key] = pm
	}
	m, err := pm.m, pm.err
	if err != nil {
		return nil, &MismatchError{Part: PartModel, Recorded: fmt.Sprintf("an explanation over %d features", len(names)), Recomputed: err.Error()}
	}
	row, err := rowOf(attr, r.Disclosures.Inputs.Value)
	if err != nil {
		return nil, err
	}
	got, err := m.Explain(row, attr.Class)
	if err != nil {
		return nil, &MismatchError{Part: PartModel, Recorded: fmt.Sprintf("class %d", attr.Class), Recomputed: err.Error()}
	}
	if err := sameAttribution(attr, &got); err != nil {
		return nil, err
	}
	preds, err := m.Predict(row, nil)
	if err != nil {
		return nil, &MismatchError{Part: PartModel, Recorded: "a prediction", Recomputed: err.Error()}
	}
	if attr.Class >= len(preds) {
		return nil, &MismatchError{Part: PartModel, Recorded: fmt.Sprintf("class %d", attr.Class), Recomputed: fmt.Sprintf("%d outputs", len(preds))}
	}
	if p := preds[attr.Class]; !sameBits(p, leaf.Output.Score) {
		return nil, &MismatchError{Part: PartScore, Recorded: num(leaf.Output.Score), Recomputed: num(p)}
	}
	return &Result{
		DecisionID: leaf.DecisionID,
		Model:      leaf.Model,
		Score:      leaf.Output.Score,
		Checked:    []Part{PartArtifact, PartInput, PartExplanation, PartScore},
		Unchecked: []string{fmt.Sprintf("label %q: the lender's policy %q applied to the score, not the model's output", leaf.Output.Label, leaf.PolicyVersion),
			UncheckedRegistration},
	}, nil
}

// rowOf builds the model's input row from the disclosed inputs, in the
// explanation's feature order, and checks that each is the value the
// explanation says it used.
func rowOf(attr *explain.Attribution, inputs []record.Feature) ([]float64, error) {
	byName := make(map[string]record.Value, len(inputs))
	for _, in := range inputs {
		byName[in.Name] = in.Value
	}
	row := make([]float64, len(attr.Contributions))
	for i, c := range attr.Contributions {
		v, ok := byName[c.Feature]
		if !ok {
			return nil, &MismatchError{Part: PartInput, Feature: c.Feature, Recorded: "not among the disclosed inputs", Recomputed: "a feature of the model"}
		}
		x, missing, err := modelValue(v)
		if err != nil {
			return nil, &MismatchError{Part: PartInput, Feature: c.Feature, Recorded: v.String(), Recomputed: err.Error()}
		}
		switch {
		case missing != c.Missing:
			return nil, &MismatchError{Part: PartInput, Feature: c.Feature, Recorded: "disclosed " + v.String(), Recomputed: fmt.Sprintf("the explanation used %s", used(c))}
		case missing:
			row[i] = math.NaN()
		case !sameBits(x, c.Value):
			return nil, &MismatchError{Part: PartInput, Feature: c.Feature, Recorded: "disclosed " + num(x), Recomputed: "the explanation used " + num(c.Value)}
		default:
			row[i] = x
		}
	}
	return row, nil
}

func used(c explain.Contribution) string {
	if c.Missing {
		return "a missing value"
	}
	return num(c.Value)
}

// modelValue is an input as the model reads it: numbers and integers as
// they are, bools as 0 and 1, a string as a missing value.
func modelValue(v record.Value) (float64, bool, error) {
	if f, ok := v.Float(); ok {
		return f, false, nil
	}
	if i, ok := v.Int(); ok {
		f := float64(i)
		if int64(f) != i {
			return 0, false, fmt.Errorf("integer %d has no exact float64", i)
		}
		return f, false, nil
	}
	if b, ok := v.Boolean(); ok {
		if b {
			return 1, false, nil
		}
		return 0, false, nil
	}
	if _, ok := v.Str(); ok {
		return math.NaN(), true, nil
	}
	return 0, false, errors.New("a value the model cannot read")
}

// sameAttribution compares a disclosed and a recomputed attribution bit
// for bit.
func sameAttribution(rec, got *explain.Attribution) error {
	if rec.Method != got.Method || rec.Space != got.Space || rec.Class != got.Class {
		return &MismatchError{Part: PartExplanation, Recorded: fmt.Sprintf("%s in %s space, class %d", rec.Method, rec.Space, rec.Class), Recomputed: fmt.Sprintf("%s in %s space, class %d", got.Method, got.Space, got.Class)}
	}
	if !sameBits(rec.Base, got.Base) {
		return &MismatchError{Part: PartExplanation, Feature: "(base value)", Recorded: num(rec.Base), Recomputed: num(got.Base)}
	}
	if !sameBits(rec.Output, got.Output) {
		return &MismatchError{Part: PartExplanation, Feature: "(output)", Recorded: num(rec.Output), Recomputed: num(got.Output)}
	}
	for i := range rec.Contributions {
		a, b := rec.Contributions[i], got.Contributions[i]
		if !sameBits(a.Contribution, b.Contribution) {
			return &MismatchError{Part: PartExplanation, Feature: a.Feature, Recorded: num(a.Contribution), Recomputed: num(b.Contribution)}
		}
	}
	return nil
}

// sameBits is equality of float64s as the canonical encodings compare
// them: -0 equals +0.
func sameBits(a, b float64) bool { return math.Float64bits(a+0) == math.Float64bits(b+0) }

func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
