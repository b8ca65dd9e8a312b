// Package explain computes and encodes exact explanations of model
// predictions: path-dependent TreeSHAP for XGBoost tree ensembles, linear
// SHAP for linear and logistic models, and the adverse-action reason codes a
// lender gives a denied applicant.
//
// # Attributions
//
// An [Attribution] says, for one prediction, how much each input feature
// moved the model's output away from a base value: Base plus the sum of the
// contributions equals Output, in the stated [Space] (for logistic models the
// margin, i.e. the log-odds, where the contributions are additive).
//
// # Canonical encoding and digest
//
// An audit log stores the [Attribution.Digest] of an explanation, so the
// encoding must be the same on every machine: [Attribution.AppendCanonical]
// writes compact JSON with a fixed field order and ECMAScript number
// formatting. JSON has no NaN, so a missing input value is written as
// "value":null with "missing":true. Non-finite bases, outputs and
// contributions are refused. [ParseCanonical] accepts only canonical bytes.
package explain
