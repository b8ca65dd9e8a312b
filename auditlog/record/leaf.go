package record

import (
	"fmt"
	"time"
)

// Version1 is the only leaf and payload format version this package knows.
const Version1 = 1

// Kind is the entry kind of a leaf; its numeric value is the kind byte.
type Kind uint8

// Entry kinds.
const (
	KindDecision Kind = 1
	KindOutcome  Kind = 2
	// KindAccess records a read of a decision's personal data (through
	// the regulator's portal): who read which leaf, when, and what part.
	// It holds no personal data of the applicant.
	KindAccess Kind = 3
)

func (k Kind) String() string {
	switch k {
	case KindDecision:
		return "decision"
	case KindOutcome:
		return "outcome"
	case KindAccess:
		return "access"
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Commitments are the salted commitments a decision leaf holds.
type Commitments struct {
	Subject     Hash
	Inputs      Hash
	Groups      Hash
	Metadata    Hash
	Explanation Hash // zero when the leaf has no explanation
}

// Get returns the commitment to f.
func (c *Commitments) Get(f Field) (Hash, bool) {
	switch f {
	case FieldSubject:
		return c.Subject, true
	case FieldInputs:
		return c.Inputs, true
	case FieldGroups:
		return c.Groups, true
	case FieldMetadata:
		return c.Metadata, true
	case FieldExplanation:
		return c.Explanation, true
	}
	return Hash{}, false
}

// Leaf is the public content of a log entry: everything in it may be shown
// to anyone who is given a proof. Fields after Time apply to one kind only.
type Leaf struct {
	Version    uint8
	Kind       Kind
	DecisionID string
	Time       time.Time // UTC, nanosecond precision

	// KindDecision.
	Model             Model
	Output            Output
	PolicyVersion     string
	Commitments       Commitments
	ExplanationMethod string // "" when the decision has no explanation

	// KindOutcome.
	OutcomeLabel string

	// KindAccess: DecisionID is the decision read, AccessIndex its leaf
	// index, AccessReader who read it (the regulator credential's name)
	// and AccessWhat what was read ("payload", "receipt").
	AccessReader string
	AccessIndex  uint64
	AccessWhat   string
}

// HasExplanation reports whether a decision leaf commits to an explanation.
func (l *Leaf) HasExplanation() bool { return l.ExplanationMethod != "" }

// check validates the leaf's fields; it is shared by EncodeLeaf and
// DecodeLeaf so that both accept exactly the same leaves.
func (l *Leaf) check() error {
	bad := func(field, reason string) error {
		return &ValidationError{Record: l.DecisionID, Field: field, Reason: reason}
	}
	if l.Version != Version1 {
		return fmt.Errorf("%w: %d", ErrUnknownVersion, l.Version)
	}
	if r := checkName(l.DecisionID, MaxIDLen, true); r != "" {
		return &ValidationError{Field: "decision_id", Reason: r}
	}
	if r := checkTime(l.Time); r != "" {
		return bad("time", r)
	}
	switch l.Kind {
	case KindDecision:
		if r := checkName(l.Model.Name, MaxNameLen, true); r != "" {
			return bad("model.name", r)
		}
		if r := checkName(l.Model.Version, MaxNameLen, true); r != "" {
			return bad("model.version", r)
		}
		if l.Model.ArtifactDigest.IsZero() {
			return bad("model.artifact_digest", "missing")
		}
		if r := checkName(l.Output.Label, MaxNameLen, true); r != "" {
			return bad("output.label", r)
		}
		if !finite(l.Output.Score) {
			return bad("output.score", "NaN and infinities are not allowed")
		}
		if r := checkName(l.PolicyVersion, MaxNameLen, false); r != "" {
			return bad("policy_version", r)
		}
		if r := checkName(l.ExplanationMethod, MaxNameLen, false); r != "" {
			return bad("explanation_method", r)
		}
		if !l.HasExplanation() && l.Commitments.Explanation != (Hash{}) {
			return bad("explanation_commitment", "set without an explanation method")
		}
	case KindOutcome:
		if r := checkName(l.OutcomeLabel, MaxNameLen, true); r != "" {
			return bad("outcome_label", r)
		}
	case KindAccess:
		if r := checkName(l.AccessReader, MaxNameLen, true); r != "" {
			return bad("access.reader", r)
		}
		if r := checkName(l.AccessWhat, MaxNameLen, true); r != "" {
			return bad("access.what", r)
		}
	default:
		return fmt.Errorf("%w: entry kind %d", ErrUnknownKind, l.Kind)
	}
	return nil
}

// EncodeLeaf returns the canonical bytes of l (docs/leaf-format.md). Fields
// that do not belong to l's kind must be zero; they are not encoded.
func EncodeLeaf(l *Leaf) ([]byte, error) {
	if err := l.check(); err != nil {
		return nil, err
	}
	e := encoder{b: make([]byte, 0, 256)}
	e.u8(l.Version)
	e.u8(byte(l.Kind))
	e.str("decision_id", l.DecisionID, MaxIDLen)
	e.i64(l.Time.UnixNano())
	switch l.Kind {
	case KindDecision:
		e.str("model.name", l.Model.Name, MaxNameLen)
		e.str("model.version", l.Model.Version, MaxNameLen)
		e.hash(l.Model.ArtifactDigest)
		e.str("output.label", l.Output.Label, MaxNameLen)
		e.f64("output.score", l.Output.Score)
		e.str("policy_version", l.PolicyVersion, MaxNameLen)
		e.hash(l.Commitments.Subject)
		e.hash(l.Commitments.Inputs)
		e.hash(l.Commitments.Groups)
		e.hash(l.Commitments.Metadata)
		if l.HasExplanation() {
			e.u8(1)
			e.str("explanation_method", l.ExplanationMethod, MaxNameLen)
			e.hash(l.Commitments.Explanation)
		} else {
			e.u8(0)
		}
	case KindOutcome:
		e.str("outcome_label", l.OutcomeLabel, MaxNameLen)
	case KindAccess:
		e.str("access.reader", l.AccessReader, MaxNameLen)
		e.u64(l.AccessIndex)
		e.str("access.what", l.AccessWhat, MaxNameLen)
	}
	if e.err != nil {
		return nil, e.err
	}
	return e.b, nil
}

// DecodeLeaf parses canonical leaf bytes. It rejects unknown versions and
// kinds, any non-canonical or out-of-limit field, and trailing bytes; an
// accepted leaf re-encodes to exactly b. Errors are *[DecodeError] or
// *[ValidationError] wrapping the package's sentinels.
func DecodeLeaf(b []byte) (*Leaf, error) {
	d := decoder{what: "leaf", b: b}
	l := &Leaf{}
	l.Version = d.u8("version")
	if d.err == nil && l.Version != Version1 {
		d.off = 0
		d.fail("version", fmt.Errorf("%w: %d", ErrUnknownVersion, l.Version))
		return nil, d.err
	}
	l.Kind = Kind(d.u8("kind"))
	if d.err == nil && l.Kind != KindDecision && l.Kind != KindOutcome && l.Kind != KindAccess {
		d.off = 1
		d.fail("kind", fmt.Errorf("%w: entry kind %d", ErrUnknownKind, l.Kind))
		return nil, d.err
	}
	l.DecisionID = d.str("decision_id", MaxIDLen, true)
	at := d.off
	ns := d.i64("time")
	if d.err == nil && ns <= 0 {
		d.off = at
		d.fail("time", fmt.Errorf("%w: time %d is not after the epoch", ErrMalformed, ns))
	}
	l.Time = time.Unix(0, ns).UTC()
	switch l.Kind {
	case KindDecision:
		l.Model.Name = d.str("model.name", MaxNameLen, true)
		l.Model.Version = d.str("model.version", MaxNameLen, true)
		l.Model.ArtifactDigest = d.hash("model.artifact_digest")
		l.Output.Label = d.str("output.label", MaxNameLen, true)
		l.Output.Score = d.f64("output.score")
		l.PolicyVersion = d.str("policy_version", MaxNameLen, false)
		l.Commitments.Subject = d.hash("commitment.subject")
		l.Commitments.Inputs = d.hash("commitment.inputs")
		l.Commitments.Groups = d.hash("commitment.groups")
		l.Commitments.Metadata = d.hash("commitment.metadata")
		if d.boolean("has_explanation") {
			l.ExplanationMethod = d.str("explanation_method", MaxNameLen, true)
			l.Commitments.Explanation = d.hash("commitment.explanation")
		}
	case KindOutcome:
		l.OutcomeLabel = d.str("outcome_label", MaxNameLen, true)
	case KindAccess:
		l.AccessReader = d.str("access.reader", MaxNameLen, true)
		l.AccessIndex = d.u64("access.index")
		l.AccessWhat = d.str("access.what", MaxNameLen, true)
	}
	d.end()
	if d.err != nil {
		return nil, d.err
	}
	if err := l.check(); err != nil {
		return nil, &DecodeError{What: "leaf", Offset: 0, Field: "leaf", Err: err}
	}
	return l, nil
}

// CheckPayload checks every commitment of a decision leaf against the values
// and salts of p. It returns nil or a *[CommitmentError] naming the first
// field that does not match.
func (l *Leaf) CheckPayload(p *Payload) error {
	if l.Kind != KindDecision {
		return fmt.Errorf("%w: a %s leaf has no commitments", ErrInvalid, l.Kind)
	}
	for _, f := range Fields {
		if err := l.CheckField(f, p); err != nil {
			return err
		}
	}
	return nil
}

// CheckField checks the commitment to one field against the value and salt
// of that field in p (other fields of p are ignored). A value that does not
// validate ([Payload.ValidateField]) is a *[ValidationError]: it was not
// committed, whatever its bytes; a valid value that does not match is a
// *[CommitmentError].
func (l *Leaf) CheckField(f Field, p *Payload) error {
	want, ok := l.Commitments.Get(f)
	if !ok {
		return fmt.Errorf("%w: unknown field %d", ErrUnknownKind, f)
	}
	var (
		got Hash
		err error
	)
	switch f {
	case FieldSubject:
		got, err = CommitSubject(p.Salts.Subject, p.Subject)
	case FieldInputs:
		got, err = CommitInputs(p.Salts.Inputs, p.Inputs)
	case FieldGroups:
		got, err = CommitGroups(p.Salts.Groups, p.Groups, p.Weight)
	case FieldMetadata:
		got, err = CommitMetadata(p.Salts.Metadata, p.Metadata)
	case FieldExplanation:
		switch {
		case !l.HasExplanation() && p.Explanation == nil:
			return nil
		case !l.HasExplanation():
			return &CommitmentError{Field: f, Leaf: want}
		case p.Explanation == nil:
			return &CommitmentError{Field: f, Leaf: want}
		}
		if got, err = CommitExplanation(p.Salts.Explanation, p.Explanation); err != nil {
			return err
		}
		if string(p.Explanation.Method) != l.ExplanationMethod {
			return &CommitmentError{Field: f, Leaf: want, Computed: got}
		}
	}
	if err != nil {
		return err
	}
	if got != want {
		return &CommitmentError{Field: f, Leaf: want, Computed: got}
	}
	return nil
}
