package lineage

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Feature types.
const (
	TypeNumber    = "number"    // a numeric column
	TypeIndicator = "indicator" // a 0/1 column of a one-hot group
)

// Schema is a model's feature schema: its columns in model order, and the
// reason text of each variable (a one-hot group, or a column in no group).
type Schema struct {
	Features []Feature `json:"features"`
	Reasons  []Reason  `json:"reasons"`
}

// Feature is one model column.
type Feature struct {
	Name string `json:"name"`
	Type string `json:"type"` // TypeNumber or TypeIndicator
	// Group is the variable a one-hot column belongs to ("Purpose" for
	// "Purpose=NewCar"); empty for a column in no group. A TypeIndicator
	// column has a group; a TypeNumber column has none.
	Group string `json:"group,omitempty"`
}

// Reason is the adverse-action reason text of one variable.
type Reason struct {
	Variable string `json:"variable"`
	Text     string `json:"text"`
}

// Variable is the variable a feature belongs to: its group, or its name.
func (f Feature) Variable() string {
	if f.Group != "" {
		return f.Group
	}
	return f.Name
}

// ParseSchema decodes and validates a schema strictly (see [Schema.Validate]);
// unknown fields and trailing data are refused.
func ParseSchema(data []byte) (*Schema, error) {
	var s Schema
	if err := decodeStrict(data, &s); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidSchema, err)
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return &s, nil
}

// Validate checks that the schema has at least one feature, unique
// non-empty feature names, known types, a group exactly on indicator
// columns, and exactly one non-empty reason per variable (no reason for a
// variable no feature has).
func (s *Schema) Validate() error {
	if len(s.Features) == 0 {
		return fmt.Errorf("%w: no features", ErrInvalidSchema)
	}
	names := make(map[string]bool, len(s.Features))
	vars := map[string]bool{}
	for i, f := range s.Features {
		switch {
		case strings.TrimSpace(f.Name) == "":
			return fmt.Errorf("%w: feature %d has no name", ErrInvalidSchema, i)
		case names[f.Name]:
			return fmt.Errorf("%w: feature %q appears twice", ErrInvalidSchema, f.Name)
		case f.Type != TypeNumber && f.Type != TypeIndicator:
			return fmt.Errorf("%w: feature %q has type %q, want %q or %q", ErrInvalidSchema, f.Name, f.Type, TypeNumber, TypeIndicator)
		case f.Type == TypeIndicator && f.Group == "":
			return fmt.Errorf("%w: indicator feature %q has no group", ErrInvalidSchema, f.Name)
		case f.Type == TypeNumber && f.Group != "":
			return fmt.Errorf("%w: number feature %q has group %q; only indicators are grouped", ErrInvalidSchema, f.Name, f.Group)
		}
		names[f.Name] = true
		vars[f.Variable()] = true
	}
	seen := map[string]bool{}
	for _, r := range s.Reasons {
		switch {
		case !vars[r.Variable]:
			return fmt.Errorf("%w: reason for %q, which no feature has", ErrInvalidSchema, r.Variable)
		case seen[r.Variable]:
			return fmt.Errorf("%w: two reasons for %q", ErrInvalidSchema, r.Variable)
		case strings.TrimSpace(r.Text) == "":
			return fmt.Errorf("%w: empty reason for %q", ErrInvalidSchema, r.Variable)
		}
		seen[r.Variable] = true
	}
	for _, f := range s.Features {
		if !seen[f.Variable()] {
			return fmt.Errorf("%w: variable %q has no reason text", ErrInvalidSchema, f.Variable())
		}
	}
	return nil
}

// Canonical returns the canonical encoding of a valid schema: compact JSON,
// features in model order, reasons sorted by variable.
func (s *Schema) Canonical() ([]byte, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	c := Schema{Features: s.Features, Reasons: slices.Clone(s.Reasons)}
	slices.SortFunc(c.Reasons, func(a, b Reason) int { return strings.Compare(a.Variable, b.Variable) })
	b, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidSchema, err)
	}
	return b, nil
}

// Digest is the SHA-256 of the canonical encoding: the schema digest a
// model version is registered with.
func (s *Schema) Digest() ([32]byte, error) {
	b, err := s.Canonical()
	if err != nil {
		return [32]byte{}, err
	}
	return sha256.Sum256(b), nil
}

// SchemaFromColumns builds a schema from a model's column names, a map of
// one-hot column to its variable (columns absent from the map are in no
// group), and the reason text of each variable.
func SchemaFromColumns(columns []string, groups map[string]string, reasons map[string]string) (*Schema, error) {
	s := &Schema{}
	used := map[string]bool{}
	for _, c := range columns {
		f := Feature{Name: c, Type: TypeNumber}
		if g, ok := groups[c]; ok {
			f.Type, f.Group = TypeIndicator, g
		}
		s.Features = append(s.Features, f)
		used[f.Variable()] = true
	}
	for v, t := range reasons {
		if used[v] {
			s.Reasons = append(s.Reasons, Reason{Variable: v, Text: t})
		}
	}
	slices.SortFunc(s.Reasons, func(a, b Reason) int { return strings.Compare(a.Variable, b.Variable) })
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return s, nil
}
