package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/glassbox-audit/glassbox/lineage"
	"github.com/glassbox-audit/glassbox/registry"
)

// The model's lineage (docs/provenance.md): its model card, its feature
// schema (from model/features.json and model/reasons.json), the training
// manifest over the training lines of model/applicants.csv, and the code
// that trained it. The service registers their digests with the model
// version and serves the card and the schema at /v1/documents/.

//go:embed model/card.json
var cardJSON []byte

// codeRefPath is the training code, as a path in the repository.
const codeRefPath = "github.com/glassbox-audit/glassbox/examples/lending/model/gen_model.py"

// modelLineage is the lineage documents of the shipped model.
type modelLineage struct {
	card, schema []byte // canonical encodings, served as they are
	manifest     *lineage.Manifest
	binding      registry.Lineage
	store        *lineage.Store // the card and the schema
}

// theLineage builds the lineage of the shipped model once.
var theLineage = sync.OnceValues(buildLineage)

func buildLineage() (*modelLineage, error) {
	var meta struct {
		Features  []string          `json:"features"`
		Variables map[string]string `json:"variables"`
		Training  struct {
			XGBoost string `json:"xgboost_version"`
		} `json:"training"`
	}
	if err := json.Unmarshal(featuresJSON, &meta); err != nil {
		return nil, fmt.Errorf("model/features.json: %w", err)
	}
	if meta.Training.XGBoost == "" {
		return nil, fmt.Errorf("model/features.json: training.xgboost_version is empty")
	}
	var texts map[string]string
	if err := json.Unmarshal(reasonsJSON, &texts); err != nil {
		return nil, fmt.Errorf("model/reasons.json: %w", err)
	}
	schema, err := lineage.SchemaFromColumns(meta.Features, meta.Variables, texts)
	if err != nil {
		return nil, fmt.Errorf("the model's schema: %w", err)
	}
	card, err := lineage.ParseCard(cardJSON)
	if err != nil {
		return nil, fmt.Errorf("model/card.json: %w", err)
	}
	hs, err := trainingRecords(applicantsCSV, meta.Features)
	if err != nil {
		return nil, err
	}
	l := &modelLineage{store: lineage.NewStore()}
	if l.manifest, err = lineage.NewManifest(hs); err != nil {
		return nil, fmt.Errorf("model/applicants.csv: %w", err)
	}
	if l.card, err = card.Canonical(); err != nil {
		return nil, err
	}
	if l.schema, err = schema.Canonical(); err != nil {
		return nil, err
	}
	if l.binding.CardDigest, err = l.store.Add(l.card); err != nil {
		return nil, err
	}
	if l.binding.SchemaDigest, err = l.store.Add(l.schema); err != nil {
		return nil, err
	}
	l.binding.ManifestRoot = l.manifest.Root()
	l.binding.CodeRef = codeRefPath + " (XGBoost " + meta.Training.XGBoost + ")"
	return l, nil
}

// trainingRecords are the record hashes of the data file's training lines
// (split train), in file order: the order the model was trained in
// (model/README.md: the ids follow the split's permutation).
func trainingRecords(data []byte, features []string) ([][32]byte, error) {
	samples, err := parseApplicants(data, features)
	if err != nil {
		return nil, fmt.Errorf("model/applicants.csv: %w", err)
	}
	var hs [][32]byte
	for _, s := range samples {
		if s.split == "train" {
			hs = append(hs, lineage.RecordHash(s.line))
		}
	}
	if len(hs) == 0 {
		return nil, fmt.Errorf("model/applicants.csv: no training lines")
	}
	return hs, nil
}
