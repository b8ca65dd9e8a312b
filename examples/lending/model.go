package main

import (
	"crypto/sha256"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sync"

	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/fairness"
)

// The shipped model (see model/README.md): XGBoost on the Statlog German
// Credit data; its output is the probability of default, so high is adverse.
var (
	//go:embed model/model.json
	modelJSON []byte
	//go:embed model/features.json
	featuresJSON []byte
	//go:embed model/reasons.json
	reasonsJSON []byte
	//go:embed model/applicants.csv
	applicantsCSV []byte
)

// Model identity as registered on chain, and the decision policy.
const (
	modelName    = "german-credit-xgb"
	modelVersion = "1.0.0"
	modelURI     = "https://github.com/glassbox-audit/glassbox/tree/main/examples/lending/model"
	// approveBelow: approve when the probability of default is below it.
	approveBelow = 0.5
	policy       = "approve-if-pd-below-0.50"
)

type creditModel struct {
	name, version, uri, policy string
	digest                     [32]byte
	m                          *explain.Model
	features                   []string
	index                      map[string]int
	variables                  map[string]string
	texts                      map[string]string
	groupAttrs                 []string
	samples                    []sample
	explainers                 sync.Pool
}

// sample is one applicant of the data file (data.go).
type sample struct {
	id      string
	row     []float64
	groups  map[string]string
	outcome string // "defaulted" or "repaid", from observed_default
	split   string // "train" or "test"
	line    []byte // the line of the data file, without the newline (RecordHash)
}

func loadModel() (*creditModel, error) {
	var meta struct {
		Features  []string          `json:"features"`
		Variables map[string]string `json:"variables"`
		Protected []string          `json:"protected_attributes_not_features"`
	}
	if err := json.Unmarshal(featuresJSON, &meta); err != nil {
		return nil, fmt.Errorf("model/features.json: %w", err)
	}
	m, err := explain.ParseXGBoost(modelJSON, &explain.LoadOptions{FeatureNames: meta.Features})
	if err != nil {
		return nil, fmt.Errorf("model/model.json: %w", err)
	}
	var texts map[string]string
	if err := json.Unmarshal(reasonsJSON, &texts); err != nil {
		return nil, fmt.Errorf("model/reasons.json: %w", err)
	}
	cm := &creditModel{
		name: modelName, version: modelVersion, uri: modelURI, policy: policy,
		digest:    sha256.Sum256(modelJSON),
		m:         m,
		features:  meta.Features,
		index:     map[string]int{},
		variables: meta.Variables,
		texts:     texts,
	}
	for i, f := range meta.Features {
		cm.index[f] = i
	}
	cm.explainers.New = func() any { return m.NewExplainer() }
	cm.samples, err = parseApplicants(applicantsCSV, cm.features)
	if err != nil {
		return nil, fmt.Errorf("model/applicants.csv: %w", err)
	}
	if len(cm.samples) != dataRows {
		return nil, fmt.Errorf("model/applicants.csv: %d applicants, want the data set's %d", len(cm.samples), dataRows)
	}
	cm.groupAttrs = groupColumns
	return cm, nil
}

// row turns an application's features into the model's row. Every feature
// must be given (null for a missing value); unknown names are errors.
func (cm *creditModel) row(features map[string]*float64) ([]float64, error) {
	row := make([]float64, len(cm.features))
	for i, name := range cm.features {
		v, ok := features[name]
		if !ok {
			return nil, fmt.Errorf("feature %q missing (give null for an unknown value)", name)
		}
		if v == nil {
			row[i] = math.NaN()
			continue
		}
		if math.IsInf(*v, 0) || math.IsNaN(*v) {
			return nil, fmt.Errorf("feature %q: not a finite number", name)
		}
		row[i] = *v
	}
	if len(features) != len(cm.features) {
		for name := range features {
			if _, ok := cm.index[name]; !ok {
				return nil, fmt.Errorf("unknown feature %q", name)
			}
		}
	}
	return row, nil
}

// explain computes the TreeSHAP attribution of a row (margin space).
func (cm *creditModel) explain(row []float64) (explain.Attribution, error) {
	e := cm.explainers.Get().(*explain.Explainer)
	defer cm.explainers.Put(e)
	return e.Explain(row, 0)
}

// probability maps a margin (log-odds) to the probability of default,
// with explain.Sigmoid, which gives the same bits on every platform, so
// that anyone re-running the model gets the recorded score exactly
// (package reproduce).
func (cm *creditModel) probability(margin float64) float64 { return explain.Sigmoid(margin) }

// label is the decision policy.
func (cm *creditModel) label(pd float64) string {
	if pd < approveBelow {
		return "approve"
	}
	return "decline"
}

// reasons returns the principal reasons of an adverse decision.
func (cm *creditModel) reasons(a *explain.Attribution) ([]explain.Reason, error) {
	return explain.Reasons(a, &explain.ReasonOptions{Adverse: explain.AdverseHigh, Variables: cm.variables, Texts: cm.texts})
}

// fairnessSpec: approval is the favourable decision, repayment the
// favourable outcome.
func (cm *creditModel) fairnessSpec(outcomes bool) fairness.Spec {
	s := fairness.Spec{Favourable: []string{"approve"}, Seed: 1}
	if outcomes {
		s.Outcomes, s.FavourableOutcomes = true, []string{"repaid"}
	}
	return s
}

// applicants makes n applications from the data file: its applicants in
// turn, each exactly as the data set has them, from the one after the
// offset-th (so that a run on an existing --dir goes on where the last
// one stopped, and n = len(samples) scores every applicant once). Ids
// continue from offset so that such a run adds new decisions.
func (cm *creditModel) applicants(n int, offset uint64) []Applicant {
	out := make([]Applicant, n)
	for i := range out {
		k := offset + uint64(i)
		s := cm.samples[k%uint64(len(cm.samples))]
		feats := make(map[string]*float64, len(cm.features))
		for j, name := range cm.features {
			v := s.row[j]
			if math.IsNaN(v) {
				feats[name] = nil
			} else {
				feats[name] = &v
			}
		}
		out[i] = Applicant{
			ID:       fmt.Sprintf("app-%07d", k),
			Subject:  fmt.Sprintf("applicant-%07d (%s)", k, s.id),
			Features: feats,
			Groups:   s.groups,
			observed: s.outcome,
		}
	}
	return out
}
