package lineage

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// Card is a model card: what a model version is, the data it was trained
// on, and how it measured at release. Figures that were not measured are
// listed with a nil Value and a note saying so, never left out silently.
type Card struct {
	Model       string       `json:"model"`
	Version     string       `json:"version"`
	Description string       `json:"description"`
	Output      string       `json:"output"`
	DataSources []DataSource `json:"data_sources"`
	TimeRange   TimeRange    `json:"time_range"`
	Training    string       `json:"training"`
	Evaluation  []Figure     `json:"evaluation"`
	Fairness    []Figure     `json:"fairness"`
	Limitations []string     `json:"limitations,omitempty"`
}

// DataSource is one source of training data.
type DataSource struct {
	Name    string `json:"name"`
	Origin  string `json:"origin"`
	License string `json:"license,omitempty"`
	// SHA256 is the digest of the source file as obtained, when known.
	SHA256 string `json:"sha256,omitempty"`
	Rows   int    `json:"rows,omitempty"`
}

// TimeRange is the period the training data covers. From and To are
// free-form dates ("1973", "2024-03"); a source that does not state its
// period says so in Note with both empty.
type TimeRange struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	Note string `json:"note,omitempty"`
}

// Figure is one measured figure, or one that was not measured (Value nil,
// Note saying why).
type Figure struct {
	Name    string   `json:"name"`
	Dataset string   `json:"dataset"`
	Value   *float64 `json:"value"`
	Note    string   `json:"note,omitempty"`
}

// ParseCard decodes and validates a model card strictly: unknown fields and
// trailing data are refused.
func ParseCard(data []byte) (*Card, error) {
	var c Card
	if err := decodeStrict(data, &c); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidCard, err)
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Validate checks the card: model, version and description set; at least
// one data source, each named with an origin and, if given, a 64-hex-digit
// SHA-256; a time range or a note saying why there is none; at least one
// evaluation figure; every figure named, on a named data set, with a finite
// value or a note.
func (c *Card) Validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrInvalidCard, fmt.Sprintf(format, a...))
	}
	switch {
	case blank(c.Model):
		return bad("model is empty")
	case blank(c.Version):
		return bad("version is empty")
	case blank(c.Description):
		return bad("description is empty")
	case len(c.DataSources) == 0:
		return bad("no data sources")
	case blank(c.TimeRange.From) && blank(c.TimeRange.To) && blank(c.TimeRange.Note):
		return bad("time_range gives neither dates nor a note")
	case len(c.Evaluation) == 0:
		return bad("no evaluation figures")
	}
	for i, d := range c.DataSources {
		switch {
		case blank(d.Name) || blank(d.Origin):
			return bad("data source %d needs a name and an origin", i)
		case d.SHA256 != "":
			if _, err := parseHex32(d.SHA256); err != nil {
				return bad("data source %q: sha256: %v", d.Name, err)
			}
		}
		if d.Rows < 0 {
			return bad("data source %q: negative rows", d.Name)
		}
	}
	for _, fs := range []struct {
		what string
		figs []Figure
	}{{"evaluation", c.Evaluation}, {"fairness", c.Fairness}} {
		for i, f := range fs.figs {
			switch {
			case blank(f.Name) || blank(f.Dataset):
				return bad("%s figure %d needs a name and a dataset", fs.what, i)
			case f.Value == nil && blank(f.Note):
				return bad("%s figure %q has no value and no note saying why", fs.what, f.Name)
			case f.Value != nil && (math.IsNaN(*f.Value) || math.IsInf(*f.Value, 0)):
				return bad("%s figure %q is not finite", fs.what, f.Name)
			}
		}
	}
	return nil
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// Canonical returns the canonical encoding of a valid card: compact JSON,
// fields in declared order.
func (c *Card) Canonical() ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	b, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidCard, err)
	}
	return b, nil
}

// Digest is the SHA-256 of the canonical encoding: the card digest a model
// version is registered with.
func (c *Card) Digest() ([32]byte, error) {
	b, err := c.Canonical()
	if err != nil {
		return [32]byte{}, err
	}
	return sha256.Sum256(b), nil
}
