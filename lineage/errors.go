package lineage

import (
	"encoding/hex"
	"errors"
	"fmt"
)

// Sentinels. Every error this package returns wraps one of them.
var (
	ErrInvalidSchema   = errors.New("lineage: invalid feature schema")
	ErrInvalidCard     = errors.New("lineage: invalid model card")
	ErrInvalidManifest = errors.New("lineage: invalid training manifest")
	ErrInvalidProof    = errors.New("lineage: invalid inclusion proof")
	ErrNotInManifest   = errors.New("lineage: record is not in the training manifest")
	ErrNotDeclared     = errors.New("lineage: binding was not declared at registration")
	ErrMismatch        = errors.New("lineage: document does not match its registered binding")
	ErrNotFound        = errors.New("lineage: document not found")
	ErrDocument        = errors.New("lineage: document fetch failed")
)

// Names of the bindings, as [BindingError] reports them.
const (
	BindingSchema   = "schema"
	BindingManifest = "manifest"
	BindingCard     = "card"
	BindingCodeRef  = "code_ref"
)

// BindingError says which binding of a model version failed, with both
// sides. It unwraps to [ErrNotDeclared] when the registered value is zero,
// else to [ErrMismatch] (or, for a manifest proof, also to the merkle
// package's error).
type BindingError struct {
	Binding    string // BindingSchema, BindingManifest, BindingCard or BindingCodeRef
	Registered string // hex digest, or the code reference; empty when not declared
	Computed   string // what the document gives
	Err        error  // ErrNotDeclared or ErrMismatch, possibly wrapping more
}

func (e *BindingError) Error() string {
	if errors.Is(e.Err, ErrNotDeclared) {
		return fmt.Sprintf("lineage: %s binding was not declared at registration (document gives %s)", e.Binding, e.Computed)
	}
	return fmt.Sprintf("lineage: %s binding fails: registered %s, document gives %s: %v", e.Binding, e.Registered, e.Computed, e.Err)
}

func (e *BindingError) Unwrap() error { return e.Err }

func hexOf(d [32]byte) string { return hex.EncodeToString(d[:]) }
