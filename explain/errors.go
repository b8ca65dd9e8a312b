package explain

import "errors"

// Sentinel errors. Every error returned by this package wraps one of them, so
// callers can test with [errors.Is]; the message says what exactly is wrong.
var (
	// ErrInvalidAttribution: an Attribution cannot be encoded or decoded
	// canonically (a non-finite number, a duplicate or empty feature name,
	// bytes that are not the canonical form).
	ErrInvalidAttribution = errors.New("explain: invalid attribution")

	// ErrMalformedModel: the model file is not a well-formed XGBoost JSON
	// model (bad JSON, inconsistent arrays, a child index out of range, a
	// cycle in a tree).
	ErrMalformedModel = errors.New("explain: malformed model")

	// ErrUnsupported: the model is well formed but uses something this
	// package does not implement (an objective, a booster, categorical
	// splits, vector leaves). The package refuses rather than guessing.
	ErrUnsupported = errors.New("explain: unsupported model")

	// ErrFeatureCount: a row does not have the number of features the model
	// was trained with.
	ErrFeatureCount = errors.New("explain: feature count mismatch")

	// ErrInvalidInput: a row, a name mapping or an option is not usable (an
	// unknown feature name, a class out of range, k < 1).
	ErrInvalidInput = errors.New("explain: invalid input")
)
