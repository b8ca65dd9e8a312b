package main

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/httpapi"
	"github.com/glassbox-audit/glassbox/portal"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/regulator"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/desk"
)

// portalPrefix is where the service mounts the applicant portal (an
// applicant's page is portalPrefix + "/a/" + token), regulatorPrefix the
// regulator's portal (with --regulators).
const (
	portalPrefix    = "/portal"
	regulatorPrefix = "/regulator"
)

// regulatorPortal is the regulator's read-only portal over this log: its
// anchors read from the chain the service anchors on; reads of sealed
// personal data are recorded in the log's regulator trail (the log is
// writable here).
func (s *service) regulatorPortal() (http.Handler, error) {
	regs, err := httpapi.LoadRegulators(s.cfg.Regulators)
	if err != nil {
		return nil, fmt.Errorf("--regulators: %w", err)
	}
	st, err := s.log.Store(s.chain.namespace)
	if err != nil {
		return nil, err
	}
	return regulator.New(&regulator.Options{
		Logs:       []regulator.Log{{Log: s.log, Decisions: s.dec, Anchors: st}},
		Regulators: regs,
		Registry:   s.chain.registry,
		Prefix:     regulatorPrefix,
		Lender:     "Example Lending",
		Logger:     s.logger,
		Artifacts:  s.artifact,
	})
}

// artifact returns the shipped model's file by its digest, for the
// applicant's browser and the regulator's portal to re-run decisions.
func (s *service) artifact(_ context.Context, digest [32]byte) ([]byte, error) {
	if digest != s.model.digest {
		return nil, fmt.Errorf("no artifact with digest %x", digest)
	}
	return modelJSON, nil
}

// variableLabels are the display names of the model's variables on the
// applicant's page (the reason texts, model/reasons.json, say why a
// variable counted against an application; these only name it).
var variableLabels = map[string]string{
	"Amount":                    "Amount requested",
	"CheckingAccountStatus":     "Checking account",
	"CreditHistory":             "Credit history",
	"Duration":                  "Term (months)",
	"EmploymentDuration":        "Employment",
	"Housing":                   "Housing",
	"InstallmentRatePercentage": "Installment rate (% of income)",
	"Job":                       "Job",
	"NumberExistingCredits":     "Existing credits",
	"NumberPeopleMaintenance":   "Dependents",
	"OtherDebtorsGuarantors":    "Co-applicant or guarantor",
	"OtherInstallmentPlans":     "Other installment plans",
	"Property":                  "Property",
	"Purpose":                   "Purpose",
	"ResidenceDuration":         "Years at residence",
	"SavingsAccountBonds":       "Savings",
	"Telephone":                 "Telephone",
}

// modelInfo tells the portal how to explain this model's decisions.
func (cm *creditModel) modelInfo() *portal.ModelInfo {
	labels := map[string]string{}
	for f, v := range cm.variables {
		if l, ok := variableLabels[v]; ok {
			// A one-hot column, "Purpose=NewCar", reads "Purpose: NewCar".
			_, value, _ := strings.Cut(f, "=")
			labels[f] = l + ": " + value
		}
	}
	for v, l := range variableLabels {
		labels[v] = l
	}
	return &portal.ModelInfo{
		Reasons:   explain.ReasonOptions{Adverse: explain.AdverseHigh, Variables: cm.variables, Texts: cm.texts},
		Labels:    labels,
		Outcomes:  map[string]string{"approve": "Approved", "decline": "Declined"},
		Adverse:   []string{"decline"},
		ScoreName: "Estimated probability of default",
	}
}

// portal is the applicant portal: each applicant's page at the capability
// link the service hands out, and the public check page. The browser reads
// the contract through the chain's JSON-RPC endpoint itself (the
// development chain serves one on loopback). Disputes are filed through the
// chain's dispute desk when it has one; erasure erases in this log.
func (s *service) portal(links *access.Links) (*portal.Portal, error) {
	info := s.model.modelInfo()
	opts := &portal.Options{
		Decisions: s.dec,
		Links:     links,
		Log:       s.log,
		Attach:    s.attach,
		Models: func(name, version string) (*portal.ModelInfo, bool) {
			return info, name == s.model.name && version == s.model.version
		},
		// The shipped model, for the applicant's browser to re-run.
		Artifacts: s.artifact,
		Registry:  s.chain.registry,
		Lender:    "Example Lending",
		Prefix:    portalPrefix,
		Logger:    s.logger,
	}
	if strings.HasPrefix(s.chain.rpcURL, "http://") || strings.HasPrefix(s.chain.rpcURL, "https://") {
		opts.RPCURL, opts.Contract = s.chain.rpcURL, s.chain.registry.Address().Hex()
	}
	// The applicant's browser requires the witnesses' cosignatures the
	// service's receipts carry, and shows which witnesses gave them.
	opts.Witnesses, opts.WitnessThreshold = s.cfg.Witnesses.keys(), s.cfg.WitnessK
	if s.chain.desk != nil {
		st, err := s.log.Store(desk.DefaultNamespace)
		if err != nil {
			return nil, err
		}
		d, err := desk.New(s.chain.registry, s.chain.desk, registry.LogIDFor(Origin), st)
		if err != nil {
			return nil, err
		}
		opts.Disputes = d
		opts.DisputeStatus = func(ctx context.Context, id uint64) (string, error) {
			dd, err := d.Status(ctx, id)
			return dd.Status.String(), err
		}
	}
	return portal.New(opts)
}
