// Package reproduce re-executes a recorded decision from its receipt and
// the model artifact, and says whether the log's record is what the model
// gives: the artifact is the one the leaf names (its SHA-256 is the leaf's
// artifact digest, which the registry contract holds for the model
// version), the inputs the explanation was computed on are the disclosed
// inputs, and re-running the model on them gives, bit for bit, the
// recorded score and the disclosed explanation, whose commitment is in the
// leaf.
//
// # How a decision is re-executed
//
// The leaf records the explanation method; the method decides
// how the decision is re-run, so that a later algorithm never makes old
// decisions unreproducible. For [explain.MethodTreeSHAP] the model is an XGBoost JSON
// model ([explain.ParseXGBoost]); its features are taken in the order of
// the disclosed explanation's contributions (the model's column order),
// each from the disclosed input of the same name: a number, an integer, a
// bool (0 or 1), or a string for a value the explanation marks missing.
// The score is the model's prediction for the explanation's class (for
// binary:logistic, [explain.Sigmoid] of the margin); package explain
// computes it with the same bits on every platform, so [Check] gives the
// same answer natively and in WebAssembly.
//
// # What it does not check
//
// The decision label is the lender's policy applied to the score (the
// leaf's policy version names it), not the model's output: [Check] reports
// it as not checked. Whether the artifact is the registered one is a chain
// read: [Check] compares with the digest in the leaf, and the caller
// compares that digest with the contract's (glassbox reproduce --rpc does).
// Reproduction proves the record is consistent with the model; it does not
// prove the inputs are true, or that the model is fair.
//
// Check expects a receipt that [receipt.Verify] accepted, with the inputs
// and the explanation disclosed: it trusts nothing the verifier did not
// check against the leaf's commitments.
package reproduce
