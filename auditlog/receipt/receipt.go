package receipt

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/explain"
)

// FormatV1 is the value of the "format" field of the receipts this package
// writes and reads.
const FormatV1 = "glassbox-receipt/v1"

// MaxSize bounds the receipts Parse accepts.
const MaxSize = 16 << 20

// Receipt is a decision receipt (see the package documentation).
type Receipt struct {
	Origin         string        // the log's origin, as in the checkpoint
	Index          uint64        // the leaf's index in the log
	Leaf           []byte        // canonical leaf bytes (package record)
	InclusionProof []verify.Hash // from the leaf to the checkpoint's root
	Checkpoint     []byte        // the signed checkpoint note
	Disclosures    Disclosures
	Anchor         *Anchor // nil until the decision's checkpoint is anchored
}

// Disclosures hold the values and salts behind some of the leaf's
// commitments; nil fields are not disclosed.
type Disclosures struct {
	Subject     *SubjectDisclosure
	Inputs      *InputsDisclosure
	Groups      *GroupsDisclosure
	Metadata    *MetadataDisclosure
	Explanation *ExplanationDisclosure
}

// SubjectDisclosure discloses the subject.
type SubjectDisclosure struct {
	Salt  record.Salt
	Value string
}

// InputsDisclosure discloses the inputs.
type InputsDisclosure struct {
	Salt  record.Salt
	Value []record.Feature
}

// GroupsDisclosure discloses the group attributes and sample weight.
type GroupsDisclosure struct {
	Salt   record.Salt
	Groups []record.Attr
	Weight float64
}

// MetadataDisclosure discloses the metadata.
type MetadataDisclosure struct {
	Salt  record.Salt
	Value map[string]string
}

// ExplanationDisclosure discloses the full explanation.
type ExplanationDisclosure struct {
	Salt  record.Salt
	Value explain.Attribution
}

// Anchor says where the log was anchored on chain. ConsistencyProof goes
// from the receipt's checkpoint (its size) to TreeSize; it is empty when
// TreeSize equals the checkpoint's size.
type Anchor struct {
	ChainID          uint64
	Contract         [20]byte
	LogID            [32]byte
	TreeSize         uint64
	Root             verify.Hash
	BlockNumber      uint64
	BlockHash        [32]byte
	TxHash           [32]byte
	ConsistencyProof []verify.Hash
}

// Disclose returns the disclosures of all of p's fields that the leaf
// commits to (for the subject's own receipt). The disclosures hold copies of
// p's slices and maps.
func Disclose(l *record.Leaf, p *record.Payload) Disclosures {
	d := Disclosures{
		Subject:  &SubjectDisclosure{Salt: p.Salts.Subject, Value: p.Subject},
		Inputs:   &InputsDisclosure{Salt: p.Salts.Inputs, Value: slices.Clone(p.Inputs)},
		Groups:   &GroupsDisclosure{Salt: p.Salts.Groups, Groups: slices.Clone(p.Groups), Weight: p.Weight},
		Metadata: &MetadataDisclosure{Salt: p.Salts.Metadata, Value: maps.Clone(p.Metadata)},
	}
	if l.HasExplanation() && p.Explanation != nil {
		d.Explanation = &ExplanationDisclosure{Salt: p.Salts.Explanation, Value: *p.Explanation}
	}
	return d
}

// The wire form. Field order here is the canonical key order.
type (
	wireReceipt struct {
		Format         string          `json:"format"`
		Origin         string          `json:"origin"`
		Index          uint64          `json:"index"`
		Leaf           string          `json:"leaf"`
		InclusionProof []string        `json:"inclusion_proof"`
		Checkpoint     string          `json:"checkpoint"`
		Disclosures    wireDisclosures `json:"disclosures"`
		Anchor         *wireAnchor     `json:"anchor"`
	}
	wireDisclosures struct {
		Subject     *wireValue[string]              `json:"subject,omitempty"`
		Inputs      *wireValue[[]record.Feature]    `json:"inputs,omitempty"`
		Groups      *wireValue[wireGroups]          `json:"groups,omitempty"`
		Metadata    *wireValue[map[string]string]   `json:"metadata,omitempty"`
		Explanation *wireValue[explain.Attribution] `json:"explanation,omitempty"`
	}
	wireValue[T any] struct {
		Salt  string `json:"salt"`
		Value T      `json:"value"`
	}
	wireGroups struct {
		Groups []record.Attr `json:"groups"`
		Weight float64       `json:"weight"`
	}
	wireAnchor struct {
		ChainID          uint64   `json:"chain_id"`
		Contract         string   `json:"contract"`
		LogID            string   `json:"log_id"`
		TreeSize         uint64   `json:"tree_size"`
		Root             string   `json:"root"`
		BlockNumber      uint64   `json:"block_number"`
		BlockHash        string   `json:"block_hash"`
		TxHash           string   `json:"tx_hash"`
		ConsistencyProof []string `json:"consistency_proof"`
	}
)

var b64 = base64.StdEncoding

func hashes(hs []verify.Hash) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = b64.EncodeToString(h[:])
	}
	return out
}

func hex0x(b []byte) string { return "0x" + hex.EncodeToString(b) }

func wv[T any](salt record.Salt, v T) *wireValue[T] {
	return &wireValue[T]{Salt: b64.EncodeToString(salt[:]), Value: v}
}

// payload gathers the disclosed values and salts into a payload, with the
// list of disclosed fields in leaf order.
func (d *Disclosures) payload() (*record.Payload, []record.Field) {
	var p record.Payload
	var fields []record.Field
	if d.Subject != nil {
		p.Subject, p.Salts.Subject = d.Subject.Value, d.Subject.Salt
		fields = append(fields, record.FieldSubject)
	}
	if d.Inputs != nil {
		p.Inputs, p.Salts.Inputs = d.Inputs.Value, d.Inputs.Salt
		fields = append(fields, record.FieldInputs)
	}
	if d.Groups != nil {
		p.Groups, p.Weight, p.Salts.Groups = d.Groups.Groups, d.Groups.Weight, d.Groups.Salt
		fields = append(fields, record.FieldGroups)
	}
	if d.Metadata != nil {
		p.Metadata, p.Salts.Metadata = d.Metadata.Value, d.Metadata.Salt
		fields = append(fields, record.FieldMetadata)
	}
	if d.Explanation != nil {
		a := d.Explanation.Value
		p.Explanation, p.Salts.Explanation = &a, d.Explanation.Salt
		fields = append(fields, record.FieldExplanation)
	}
	return &p, fields
}

// check reports, with [ErrFormat], what keeps r from having a canonical
// form: a disclosed value that could not have been recorded (package
// record's rules: limits, UTF-8, inputs and groups sorted by name with each
// name once, a weight > 0), or a checkpoint note whose signature lines are
// malformed, not in canonical base64 or repeated.
func (r *Receipt) check() error {
	p, fields := r.Disclosures.payload()
	for _, f := range fields {
		if err := p.ValidateField(f); err != nil {
			return fmt.Errorf("%w: disclosures.%s: %w", ErrFormat, f, err)
		}
	}
	if _, err := signatureLines(r.Checkpoint); err != nil {
		return fmt.Errorf("%w: %w", ErrFormat, err)
	}
	return nil
}

// Marshal returns the canonical JSON form of r, without a trailing newline.
// A receipt that [Parse] would refuse has no canonical form: Marshal fails
// with [ErrFormat] when a disclosed value does not validate or is not in
// canonical order, or when the checkpoint's signature lines are malformed
// or repeated.
//
// The canonical form is what encoding/json writes for the wire form (keys
// in the wire structs' order, no spacing, no HTML escaping); Marshal
// writes those bytes directly (canonical.go), held to encoding/json's
// output by TestCanonicalEncoder and FuzzCanonicalEncoder.
func (r *Receipt) Marshal() ([]byte, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	b, err := r.appendCanonical(make([]byte, 0, r.sizeHint()))
	if err != nil {
		return nil, fmt.Errorf("receipt: %w", err)
	}
	return b, nil
}

// marshalJSON is the canonical form as encoding/json writes it from the
// wire form: the definition that appendCanonical is held to.
func (r *Receipt) marshalJSON() ([]byte, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	w := r.wire()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(w); err != nil {
		return nil, fmt.Errorf("receipt: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// wire returns the wire form of r.
func (r *Receipt) wire() *wireReceipt {
	w := wireReceipt{
		Format:         FormatV1,
		Origin:         r.Origin,
		Index:          r.Index,
		Leaf:           b64.EncodeToString(r.Leaf),
		InclusionProof: hashes(r.InclusionProof),
		Checkpoint:     string(r.Checkpoint),
	}
	d := &r.Disclosures
	if d.Subject != nil {
		w.Disclosures.Subject = wv(d.Subject.Salt, d.Subject.Value)
	}
	if d.Inputs != nil {
		in := d.Inputs.Value
		if in == nil {
			in = []record.Feature{}
		}
		w.Disclosures.Inputs = wv(d.Inputs.Salt, in)
	}
	if d.Groups != nil {
		g := d.Groups.Groups
		if g == nil {
			g = []record.Attr{}
		}
		w.Disclosures.Groups = wv(d.Groups.Salt, wireGroups{Groups: g, Weight: d.Groups.Weight + 0})
	}
	if d.Metadata != nil {
		m := d.Metadata.Value
		if m == nil {
			m = map[string]string{}
		}
		w.Disclosures.Metadata = wv(d.Metadata.Salt, m)
	}
	if d.Explanation != nil {
		w.Disclosures.Explanation = wv(d.Explanation.Salt, d.Explanation.Value)
	}
	if a := r.Anchor; a != nil {
		w.Anchor = &wireAnchor{
			ChainID: a.ChainID, Contract: hex0x(a.Contract[:]), LogID: hex0x(a.LogID[:]),
			TreeSize: a.TreeSize, Root: hex0x(a.Root[:]), BlockNumber: a.BlockNumber,
			BlockHash: hex0x(a.BlockHash[:]), TxHash: hex0x(a.TxHash[:]),
			ConsistencyProof: hashes(a.ConsistencyProof),
		}
	}
	return &w
}

// Parse decodes a receipt. It accepts exactly the canonical form written by
// [Receipt.Marshal], optionally followed by one newline, and fails with
// [ErrFormat] on anything else. It does not verify; see [Verify].
func Parse(b []byte) (*Receipt, error) {
	if len(b) > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes, over the limit of %d", ErrFormat, len(b), MaxSize)
	}
	body := bytes.TrimSuffix(b, []byte("\n"))
	// The fast reading of the canonical layout (fastparse.go); whatever it
	// does not accept is read again by encoding/json, for its error.
	var w wireReceipt
	if decodeCanonical(body, &w) {
		if r, err := fromWire(&w, body); err == nil {
			return r, nil
		}
	}
	w = wireReceipt{}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: trailing data", ErrFormat)
	}
	return fromWire(&w, body)
}

// fromWire checks and converts the wire form of the receipt whose
// canonical form must be body.
func fromWire(w *wireReceipt, body []byte) (*Receipt, error) {
	if w.Format != FormatV1 {
		return nil, fmt.Errorf("%w: unknown format %q", ErrFormat, w.Format)
	}
	r := &Receipt{Origin: w.Origin, Index: w.Index, Checkpoint: []byte(w.Checkpoint)}
	var err error
	if r.Leaf, err = b64.Strict().DecodeString(w.Leaf); err != nil {
		return nil, fmt.Errorf("%w: leaf: %w", ErrFormat, err)
	}
	if r.InclusionProof, err = parseHashes("inclusion_proof", w.InclusionProof); err != nil {
		return nil, err
	}
	wd := &w.Disclosures
	if wd.Subject != nil {
		s, err := parseSalt("subject", wd.Subject.Salt)
		if err != nil {
			return nil, err
		}
		r.Disclosures.Subject = &SubjectDisclosure{Salt: s, Value: wd.Subject.Value}
	}
	if wd.Inputs != nil {
		s, err := parseSalt("inputs", wd.Inputs.Salt)
		if err != nil {
			return nil, err
		}
		r.Disclosures.Inputs = &InputsDisclosure{Salt: s, Value: wd.Inputs.Value}
	}
	if wd.Groups != nil {
		s, err := parseSalt("groups", wd.Groups.Salt)
		if err != nil {
			return nil, err
		}
		r.Disclosures.Groups = &GroupsDisclosure{Salt: s, Groups: wd.Groups.Value.Groups, Weight: wd.Groups.Value.Weight}
	}
	if wd.Metadata != nil {
		s, err := parseSalt("metadata", wd.Metadata.Salt)
		if err != nil {
			return nil, err
		}
		r.Disclosures.Metadata = &MetadataDisclosure{Salt: s, Value: wd.Metadata.Value}
	}
	if wd.Explanation != nil {
		s, err := parseSalt("explanation", wd.Explanation.Salt)
		if err != nil {
			return nil, err
		}
		r.Disclosures.Explanation = &ExplanationDisclosure{Salt: s, Value: wd.Explanation.Value}
	}
	if wa := w.Anchor; wa != nil {
		a := &Anchor{ChainID: wa.ChainID, TreeSize: wa.TreeSize, BlockNumber: wa.BlockNumber}
		for _, f := range []struct {
			name string
			in   string
			out  []byte
		}{
			{"contract", wa.Contract, a.Contract[:]},
			{"log_id", wa.LogID, a.LogID[:]},
			{"root", wa.Root, a.Root[:]},
			{"block_hash", wa.BlockHash, a.BlockHash[:]},
			{"tx_hash", wa.TxHash, a.TxHash[:]},
		} {
			if err := parseHex0x(f.in, f.out); err != nil {
				return nil, fmt.Errorf("%w: anchor.%s: %w", ErrFormat, f.name, err)
			}
		}
		if a.ConsistencyProof, err = parseHashes("anchor.consistency_proof", wa.ConsistencyProof); err != nil {
			return nil, err
		}
		r.Anchor = a
	}
	// Canonical form: the receipt must re-encode to exactly its input
	// (Marshal also validates the disclosures and the signature lines).
	again, err := r.Marshal()
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(again, body) {
		return nil, fmt.Errorf("%w: %w (spacing, key order, spelling or number format differs)", ErrFormat, ErrNotCanonical)
	}
	return r, nil
}

func parseHashes(field string, in []string) ([]verify.Hash, error) {
	if in == nil {
		return nil, fmt.Errorf("%w: %s is missing", ErrFormat, field)
	}
	out := make([]verify.Hash, len(in))
	for i, s := range in {
		b, err := b64.Strict().DecodeString(s)
		if err != nil || len(b) != len(out[i]) {
			return nil, fmt.Errorf("%w: %s[%d] is not a base64 32-byte hash", ErrFormat, field, i)
		}
		copy(out[i][:], b)
	}
	return out, nil
}

func parseSalt(field, s string) (record.Salt, error) {
	var salt record.Salt
	b, err := b64.Strict().DecodeString(s)
	if err != nil || len(b) != len(salt) {
		return salt, fmt.Errorf("%w: disclosures.%s.salt is not a base64 32-byte salt", ErrFormat, field)
	}
	copy(salt[:], b)
	return salt, nil
}

func parseHex0x(s string, out []byte) error {
	h, ok := strings.CutPrefix(s, "0x")
	if !ok || len(h) != 2*len(out) {
		return fmt.Errorf("want 0x and %d hex digits", 2*len(out))
	}
	_, err := hex.Decode(out, []byte(h))
	return err
}

// signatureLine is one signature line of a signed note.
type signatureLine struct {
	name string
	sig  string // the base64 signature
	line string
}

// signatureLines returns the signature lines of a signed note, and fails
// when one is malformed, is not in canonical base64 (note.Open tolerates
// non-zero padding bits, which would let a byte change go unnoticed) or
// appears twice (note.Open drops repeated lines, so a copy would go
// unnoticed too). The signatures themselves are checked by Verify.
func signatureLines(n []byte) ([]signatureLine, error) {
	i := bytes.LastIndex(n, []byte("\n\n"))
	if i < 0 {
		return nil, errors.New("checkpoint is not a signed note")
	}
	var out []signatureLine
	seen := make(map[string]bool)
	for _, line := range strings.SplitAfter(string(n[i+2:]), "\n") {
		if line == "" {
			continue
		}
		rest, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "\u2014 ")
		name, sig, ok2 := strings.Cut(rest, " ")
		if !ok || !ok2 || name == "" {
			return nil, fmt.Errorf("checkpoint signature line %q is malformed", line)
		}
		if _, err := b64.Strict().DecodeString(sig); err != nil {
			return nil, fmt.Errorf("checkpoint signature line %q is not canonical base64", line)
		}
		if seen[line] {
			return nil, fmt.Errorf("checkpoint signature line %q appears twice", line)
		}
		seen[line] = true
		out = append(out, signatureLine{name: name, sig: sig, line: line})
	}
	return out, nil
}
