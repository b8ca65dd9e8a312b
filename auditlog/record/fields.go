package record

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/glassbox-audit/glassbox/explain"
)

// decisionFieldsJSON is decisionJSON with the model and the inputs left
// raw, so that [Decision.UnmarshalJSON] can name the field an error is in
// (encoding/json does not say where an UnmarshalJSON or UnmarshalText
// failed).
type decisionFieldsJSON struct {
	ID            string               `json:"id"`
	Time          time.Time            `json:"time"`
	Subject       string               `json:"subject"`
	Model         json.RawMessage      `json:"model"`
	Inputs        []json.RawMessage    `json:"inputs"`
	Output        *Output              `json:"output"`
	Explanation   *explain.Attribution `json:"explanation,omitempty"`
	Groups        []Attr               `json:"groups,omitempty"`
	Weight        float64              `json:"weight,omitempty"`
	PolicyVersion string               `json:"policy_version,omitempty"`
	Metadata      map[string]string    `json:"metadata,omitempty"`
}

// modelFieldsJSON is a Model with its digest left as a string.
type modelFieldsJSON struct {
	Name           string  `json:"name"`
	Version        string  `json:"version"`
	ArtifactDigest *string `json:"artifact_digest"`
}

// decodeFields decodes the model and the inputs, naming the field of the
// first error.
func (w *decisionFieldsJSON) decodeFields() (Model, []Feature, error) {
	var m Model
	if len(w.Model) > 0 && string(w.Model) != "null" {
		var mj modelFieldsJSON
		if err := strictUnmarshal(w.Model, &mj); err != nil {
			return Model{}, nil, inField("model", err)
		}
		m.Name, m.Version = mj.Name, mj.Version
		if mj.ArtifactDigest != nil {
			if err := m.ArtifactDigest.UnmarshalText([]byte(*mj.ArtifactDigest)); err != nil {
				return Model{}, nil, inField("model.artifact_digest", err)
			}
		}
	}
	var inputs []Feature
	if w.Inputs != nil {
		inputs = make([]Feature, len(w.Inputs))
		for i, raw := range w.Inputs {
			if err := inputs[i].UnmarshalJSON(raw); err != nil {
				return Model{}, nil, inField(fmt.Sprintf("inputs[%d]", i), err)
			}
		}
	}
	return m, inputs, nil
}

// inField names the field err happened in: a type error gets the full
// path, anything else is prefixed with "field PATH: ".
func inField(path string, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		named := *te
		if te.Field != "" {
			named.Field = path + "." + te.Field
		} else {
			named.Field = path
		}
		return &named
	}
	if name, ok := strings.CutPrefix(err.Error(), `json: unknown field "`); ok {
		// Kept in encoding/json's words, which strictjson recognises.
		return fmt.Errorf(`json: unknown field "%s.%s`, path, name)
	}
	return fmt.Errorf("field %s: %w", path, err)
}
