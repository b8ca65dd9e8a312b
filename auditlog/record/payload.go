package record

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"

	"github.com/glassbox-audit/glassbox/explain"
)

// Salts are the per-record salts, one per committed field.
type Salts struct {
	Subject, Inputs, Groups, Metadata, Explanation Salt
}

// Get returns the salt of f.
func (s *Salts) Get(f Field) (Salt, bool) {
	switch f {
	case FieldSubject:
		return s.Subject, true
	case FieldInputs:
		return s.Inputs, true
	case FieldGroups:
		return s.Groups, true
	case FieldMetadata:
		return s.Metadata, true
	case FieldExplanation:
		return s.Explanation, true
	}
	return Salt{}, false
}

// Payload is the personal part of a decision: the values behind the leaf's
// commitments and their salts. It is stored only sealed (see [Seal]).
// Inputs and Groups are in canonical order (sorted by name); Weight is the
// effective weight (never 0).
type Payload struct {
	Subject     string
	Inputs      []Feature
	Groups      []Attr
	Weight      float64
	Metadata    map[string]string
	Explanation *explain.Attribution
	Salts       Salts
}

// EncodePayload returns the canonical plaintext of p (docs/leaf-format.md,
// "Payload"). p must validate ([Payload.Validate]); otherwise EncodePayload
// returns a *[ValidationError].
func EncodePayload(p *Payload) ([]byte, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	e := encoder{b: make([]byte, 0, 512)}
	e.u8(Version1)
	e.str("subject", p.Subject, MaxValueLen)
	for _, f := range Fields {
		s, _ := p.Salts.Get(f)
		e.hash(s)
	}
	e.inputs(p.Inputs)
	e.groups(p.Groups, p.Weight)
	e.metadata(p.Metadata)
	if p.Explanation != nil {
		e.u8(1)
		e.explanation(p.Explanation)
	} else {
		e.u8(0)
	}
	if e.err != nil {
		return nil, e.err
	}
	return e.b, nil
}

// DecodePayload parses a canonical payload plaintext, as strictly as
// [DecodeLeaf] parses a leaf: every payload it returns validates, and
// re-encodes to exactly b.
func DecodePayload(b []byte) (*Payload, error) {
	d := decoder{what: "payload", b: b}
	if v := d.u8("version"); d.err == nil && v != Version1 {
		d.off = 0
		d.fail("version", fmt.Errorf("%w: %d", ErrUnknownVersion, v))
		return nil, d.err
	}
	p := &Payload{}
	p.Subject = d.str("subject", MaxValueLen, true)
	p.Salts.Subject = d.hash("salt.subject")
	p.Salts.Inputs = d.hash("salt.inputs")
	p.Salts.Groups = d.hash("salt.groups")
	p.Salts.Metadata = d.hash("salt.metadata")
	p.Salts.Explanation = d.hash("salt.explanation")
	p.Inputs = d.inputs()
	p.Groups, p.Weight = d.groups()
	p.Metadata = d.metadata()
	if d.boolean("has_explanation") {
		p.Explanation = d.explanation()
	}
	d.end()
	if d.err != nil {
		return nil, d.err
	}
	if err := p.Validate(); err != nil {
		return nil, &DecodeError{What: "payload", Offset: 0, Field: "payload", Err: err}
	}
	return p, nil
}

// KeySize is the size of a subject key: AES-256.
const KeySize = 32

// NewKey returns a fresh random subject key read from rnd (crypto/rand when
// nil).
func NewKey(rnd io.Reader) ([]byte, error) {
	if rnd == nil {
		rnd = rand.Reader
	}
	k := make([]byte, KeySize)
	if _, err := io.ReadFull(rnd, k); err != nil {
		return nil, fmt.Errorf("record: reading a key: %w", err)
	}
	return k, nil
}

const (
	sealVersion = 1
	sealDomain  = "glassbox/v1/sealed\x00"
	nonceSize   = 12
)

// SealOverhead is how many bytes Seal adds to the plaintext.
const SealOverhead = 1 + nonceSize + 16

// associatedData binds a sealed payload to its decision id and leaf. The id
// must be a valid decision id.
func associatedData(decisionID string, leaf []byte) ([]byte, error) {
	if r := checkName(decisionID, MaxIDLen, true); r != "" {
		return nil, invalid("decision_id", r)
	}
	e := encoder{b: append(make([]byte, 0, 64+len(decisionID)), sealDomain...)}
	e.str("decision_id", decisionID, MaxIDLen)
	h := sha256.Sum256(leaf)
	e.hash(h)
	return e.b, e.err
}

func gcm(key []byte) (cipher.AEAD, error) {
	if len(key) != KeySize {
		return nil, fmt.Errorf("record: key is %d bytes, want %d", len(key), KeySize)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	return cipher.NewGCM(block)
}

// Seal encrypts p with AES-256-GCM under key, with a random nonce read from
// rnd (crypto/rand when nil). The associated data is
// sealDomain ‖ str(decisionID) ‖ SHA-256(leaf), so the result opens only
// for that decision id and those exact leaf bytes. Format:
// version byte (1) ‖ 12-byte nonce ‖ ciphertext and 16-byte tag.
func Seal(key []byte, decisionID string, leaf []byte, p *Payload, rnd io.Reader) ([]byte, error) {
	aead, err := gcm(key)
	if err != nil {
		return nil, err
	}
	if rnd == nil {
		rnd = rand.Reader
	}
	ad, err := associatedData(decisionID, leaf)
	if err != nil {
		return nil, err
	}
	plain, err := EncodePayload(p)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 1+nonceSize, 1+nonceSize+len(plain)+aead.Overhead())
	out[0] = sealVersion
	if _, err := io.ReadFull(rnd, out[1:]); err != nil {
		return nil, fmt.Errorf("record: reading a nonce: %w", err)
	}
	return aead.Seal(out, out[1:], plain, ad), nil
}

// Open decrypts a sealed payload and decodes it. It fails with [ErrSealed]
// when the key, the decision id or the leaf is not the one it was sealed
// with, or the bytes were changed.
func Open(key []byte, decisionID string, leaf []byte, sealed []byte) (*Payload, error) {
	aead, err := gcm(key)
	if err != nil {
		return nil, err
	}
	if len(sealed) < SealOverhead {
		return nil, fmt.Errorf("%w: %d bytes is too short", ErrSealed, len(sealed))
	}
	if sealed[0] != sealVersion {
		return nil, fmt.Errorf("%w: %w: sealed format %d", ErrSealed, ErrUnknownVersion, sealed[0])
	}
	ad, err := associatedData(decisionID, leaf)
	if err != nil {
		return nil, err
	}
	plain, err := aead.Open(nil, sealed[1:1+nonceSize], sealed[1+nonceSize:], ad)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrSealed, err)
	}
	return DecodePayload(plain)
}

// Record is a decision split into its public leaf and its personal payload.
type Record struct {
	Leaf      *Leaf
	LeafBytes []byte // EncodeLeaf(Leaf)
	Payload   *Payload
}

// Build validates d, draws fresh salts from rnd (crypto/rand when nil) and
// returns its leaf and payload (inputs and groups sorted by name, the
// effective weight). The leaf's commitments are computed from the
// payload, so Leaf.CheckPayload(Payload) holds.
func Build(d *Decision, rnd io.Reader) (*Record, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if rnd == nil {
		rnd = rand.Reader
	}
	p := &Payload{
		Subject:     d.Subject,
		Inputs:      sortedFeatures(d.Inputs),
		Groups:      sortedAttrs(d.Groups),
		Weight:      d.EffectiveWeight(),
		Metadata:    make(map[string]string, len(d.Metadata)),
		Explanation: d.Explanation,
	}
	for k, v := range d.Metadata {
		p.Metadata[k] = v
	}
	for _, s := range []*Salt{&p.Salts.Subject, &p.Salts.Inputs, &p.Salts.Groups, &p.Salts.Metadata, &p.Salts.Explanation} {
		if _, err := io.ReadFull(rnd, s[:]); err != nil {
			return nil, fmt.Errorf("record: reading a salt: %w", err)
		}
	}
	l := &Leaf{
		Version:       Version1,
		Kind:          KindDecision,
		DecisionID:    d.ID,
		Time:          d.Time.UTC(),
		Model:         d.Model,
		Output:        d.Output,
		PolicyVersion: d.PolicyVersion,
	}
	var err error
	c := &l.Commitments
	if c.Subject, err = CommitSubject(p.Salts.Subject, p.Subject); err != nil {
		return nil, withRecord(d.ID, err)
	}
	if c.Inputs, err = CommitInputs(p.Salts.Inputs, p.Inputs); err != nil {
		return nil, withRecord(d.ID, err)
	}
	if c.Groups, err = CommitGroups(p.Salts.Groups, p.Groups, p.Weight); err != nil {
		return nil, withRecord(d.ID, err)
	}
	if c.Metadata, err = CommitMetadata(p.Salts.Metadata, p.Metadata); err != nil {
		return nil, withRecord(d.ID, err)
	}
	if l.Output.Score == 0 {
		l.Output.Score = 0 // no negative zero in a decoded leaf
	}
	if d.Explanation != nil {
		l.ExplanationMethod = string(d.Explanation.Method)
		if c.Explanation, err = CommitExplanation(p.Salts.Explanation, d.Explanation); err != nil {
			return nil, withRecord(d.ID, err)
		}
	}
	b, err := EncodeLeaf(l)
	if err != nil {
		return nil, err
	}
	return &Record{Leaf: l, LeafBytes: b, Payload: p}, nil
}

// BuildOutcome validates o and returns its leaf and the leaf's bytes.
func BuildOutcome(o *Outcome) (*Leaf, []byte, error) {
	if err := o.Validate(); err != nil {
		return nil, nil, err
	}
	l := &Leaf{Version: Version1, Kind: KindOutcome, DecisionID: o.DecisionID, Time: o.Time.UTC(), OutcomeLabel: o.Label}
	b, err := EncodeLeaf(l)
	if err != nil {
		return nil, nil, err
	}
	return l, b, nil
}

// withRecord sets the record id of a *ValidationError.
func withRecord(id string, err error) error {
	var ve *ValidationError
	if errors.As(err, &ve) && ve.Record == "" {
		c := *ve
		c.Record = id
		return &c
	}
	return err
}
