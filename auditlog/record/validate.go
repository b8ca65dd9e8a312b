package record

import (
	"fmt"
	"slices"

	"github.com/glassbox-audit/glassbox/explain"
)

// One validator per committed field. [Decision.Validate] runs them on a
// decision; [Payload.ValidateField], the Canonical and Commit functions and
// the payload decoder run them on committed values. So a value is accepted
// in a receipt's disclosure exactly when it could have been recorded.

// form says which rules a committed value follows.
type form uint8

const (
	// decisionForm: a value as a Decision holds it. Inputs and groups may
	// come in any order (Build sorts them); a weight of 0 means 1.
	decisionForm form = iota
	// canonicalForm: a value as it is committed, in a Payload or a receipt.
	// Inputs and groups are sorted by name, bytewise, and the weight is the
	// effective one, never 0.
	canonicalForm
)

// checkSubject returns the bad field and why, or "", "".
func checkSubject(s string) (string, string) {
	if r := checkString(s, MaxValueLen, true); r != "" {
		return "subject", r
	}
	return "", ""
}

// nameOrder checks that names are unique and, in canonical form, strictly
// increasing. list names the list ("inputs"), seen is scratch space.
type nameOrder struct {
	list string
	form form
	seen map[string]int
	prev string
}

func (o *nameOrder) check(i int, name string) (string, string) {
	field := func() string { return fmt.Sprintf("%s[%d].name", o.list, i) } // only on failure: validation runs on every append
	if o.form == canonicalForm {
		switch {
		case i == 0:
		case name == o.prev:
			return field(), fmt.Sprintf("duplicate of %s[%d] (%q)", o.list, i-1, name)
		case name < o.prev:
			return field(), fmt.Sprintf("%q sorts before %s[%d] %q: names must be sorted bytewise", name, o.list, i-1, o.prev)
		}
		o.prev = name
		return "", ""
	}
	if o.seen == nil {
		o.seen = make(map[string]int)
	}
	if j, dup := o.seen[name]; dup {
		return field(), fmt.Sprintf("duplicate of %s[%d] (%q)", o.list, j, name)
	}
	o.seen[name] = i
	return "", ""
}

// checkInputs returns the bad field and why, or "", "".
func checkInputs(in []Feature, fm form) (string, string) {
	if len(in) > MaxFeatures {
		return "inputs", fmt.Sprintf("%d features, over the limit of %d", len(in), MaxFeatures)
	}
	order := nameOrder{list: "inputs", form: fm}
	for i, f := range in {
		if r := checkName(f.Name, MaxNameLen, true); r != "" {
			return fmt.Sprintf("inputs[%d].name", i), r
		}
		if field, r := order.check(i, f.Name); r != "" {
			return field, r
		}
		if r := f.Value.check(); r != "" {
			return fmt.Sprintf("inputs[%d].value", i), r
		}
	}
	return "", ""
}

// checkGroups returns the bad field and why, or "", "". In decision form a
// weight of 0 stands for 1; in canonical form the weight must be > 0.
func checkGroups(gs []Attr, weight float64, fm form) (string, string) {
	if len(gs) > MaxGroups {
		return "groups", fmt.Sprintf("%d attributes, over the limit of %d", len(gs), MaxGroups)
	}
	order := nameOrder{list: "groups", form: fm}
	for i, g := range gs {
		if r := checkName(g.Name, MaxNameLen, true); r != "" {
			return fmt.Sprintf("groups[%d].name", i), r
		}
		if field, r := order.check(i, g.Name); r != "" {
			return field, r
		}
		if r := checkString(g.Value, MaxValueLen, false); r != "" {
			return fmt.Sprintf("groups[%d].value", i), r
		}
	}
	switch {
	case fm == decisionForm && (!finite(weight) || weight < 0):
		return "weight", "must be a finite number >= 0 (0 means 1)"
	case fm == canonicalForm && (!finite(weight) || weight <= 0):
		return "weight", "must be a finite number > 0 (the effective weight: a decision's 0 is committed as 1)"
	}
	return "", ""
}

// checkMetadata returns the bad field and why, or "", "".
func checkMetadata(m map[string]string) (string, string) {
	if len(m) > MaxMetadata {
		return "metadata", fmt.Sprintf("%d entries, over the limit of %d", len(m), MaxMetadata)
	}
	for _, k := range slices.Sorted(mapsKeys(m)) {
		if r := checkName(k, MaxNameLen, true); r != "" {
			return fmt.Sprintf("metadata[%q]", k), "key " + r
		}
		if r := checkString(m[k], MaxValueLen, false); r != "" {
			return fmt.Sprintf("metadata[%q]", k), r
		}
	}
	return "", ""
}

// checkExplanation returns the bad field and why, or "", "".
func checkExplanation(a *explain.Attribution) (string, string) {
	field, r := checkAttribution(a)
	if r == "" {
		return "", ""
	}
	if field != "" {
		field = "." + field
	}
	return "explanation" + field, r
}

func invalid(field, reason string) error { return &ValidationError{Field: field, Reason: reason} }

// Validate checks every field of p as [Payload.ValidateField] does. It
// returns nil or a *[ValidationError] naming the first bad field.
func (p *Payload) Validate() error {
	for _, f := range Fields {
		if err := p.ValidateField(f); err != nil {
			return err
		}
	}
	return nil
}

// ValidateField checks the value of one committed field of p against the
// rules it is committed under (docs/leaf-format.md): the limits, valid
// UTF-8, names without control characters, inputs and groups sorted by name
// (bytewise) with no name twice, a finite weight > 0, and a valid
// explanation (nil meaning none). These are the rules of [Decision.Validate],
// but for the order of lists and the weight 0, which [Build] resolves. A
// value passes exactly when the Canonical function of its field accepts it.
// It returns nil or a *[ValidationError].
func (p *Payload) ValidateField(f Field) error {
	var field, r string
	switch f {
	case FieldSubject:
		field, r = checkSubject(p.Subject)
	case FieldInputs:
		field, r = checkInputs(p.Inputs, canonicalForm)
	case FieldGroups:
		field, r = checkGroups(p.Groups, p.Weight, canonicalForm)
	case FieldMetadata:
		field, r = checkMetadata(p.Metadata)
	case FieldExplanation:
		if p.Explanation != nil {
			field, r = checkExplanation(p.Explanation)
		}
	default:
		return fmt.Errorf("%w: unknown field %d", ErrUnknownKind, f)
	}
	if r != "" {
		return invalid(field, r)
	}
	return nil
}
