// Package explain computes and encodes exact explanations of model
// predictions: path-dependent TreeSHAP for XGBoost tree ensembles, linear
// SHAP for linear and logistic models, and the adverse-action reason codes a
// lender gives a denied applicant.
//
// # Attributions
//
// An [Attribution] says, for one prediction, how much each input feature
// moved the model's output away from a base value: Base plus the sum of the
// contributions equals Output, in the stated [Space]. Contributions are
// computed in margin space (log-odds for the logistic objectives), where
// they add up exactly; a probability is Sigmoid(Output).
//
// # XGBoost models
//
// [ReadXGBoost] loads the JSON model that XGBoost's save_model("model.json")
// writes (gbtree and dart boosters; binary:logistic, reg:logistic,
// reg:squarederror, multi:softprob). It follows XGBoost exactly where that
// matters for a reproducible answer:
//
//   - an input is converted to float32 before it is compared with a split
//     threshold, and goes left when float32(x) < threshold (strictly);
//   - a missing input (NaN) takes the node's default child;
//   - leaf values are used as stored (the learning rate is already applied);
//   - base_score is stored in output space: its logit is the base margin of
//     the logistic objectives; both the scalar ("5E-1") and the vector
//     ("[5E-1]") spellings are read;
//   - DART trees are scaled by their weight_drop;
//   - the bare tokens NaN, Infinity and -Infinity that XGBoost's JSON writer
//     emits are accepted.
//
// What the package does not implement (categorical splits, vector leaves,
// other objectives and boosters, multi-target models) is refused with
// [ErrUnsupported] rather than answered approximately.
//
// # TreeSHAP
//
// [Explainer.Contributions] is the path-dependent TreeSHAP of Lundberg et al.
// (Algorithm 2 of "Consistent Individualized Feature Attribution for Tree
// Ensembles", 2018), with each node's cover (sum_hessian) as the share of the
// training data that reaches it: the same definition as XGBoost's
// pred_contribs, computed in float64 instead of float32. The tests check it
// three ways: against XGBoost's own pred_contribs (to 1e-5), against exact
// Shapley values by subset enumeration (to 1e-9), and for additivity
// (base + sum = margin, to 1e-9). An Explainer preallocates its path buffer
// and does not allocate per row.
//
// Its results are part of what an audit log commits to ([MethodTreeSHAP]
// names the method), so the implementation may get faster but never change
// a bit: every rewrite is checked bit for bit against the first
// implementation, kept as a test reference (the committed vectors, the
// lending example's 1,000 applicants, random and fuzzed trees). A faster
// algorithm with different rounding would be a new [Method].
//
// # Reason codes
//
// [Reasons] turns an attribution into principal reasons for an adverse
// decision: the variables that pushed the output furthest toward the adverse
// side ([AdverseHigh] for a model of default, [AdverseLow] for a model of
// approval), one-hot columns summed back to their variable, at most four by
// default, ties broken by name.
//
// # Canonical encoding and digest
//
// An audit log stores the [Attribution.Digest] of an explanation, so the
// encoding must be the same on every machine: [Attribution.AppendCanonical]
// writes compact JSON with a fixed field order and ECMAScript number
// formatting. JSON has no NaN, so a missing input value is written as
// "value":null with "missing":true. Non-finite bases, outputs and
// contributions are refused. [ParseCanonical] accepts only canonical bytes.
//
// # Concurrency
//
// A [Model] and a [Linear] are immutable once built and safe for concurrent
// use. An [Explainer] holds scratch buffers: use one per goroutine.
//
// # Caveats
//
// Path-dependent TreeSHAP explains the model as trained: it attributes with
// respect to the training distribution recorded in the covers, not an
// interventional background data set. An explanation says why the model
// produced its output; it does not say the output is right or fair.
package explain
