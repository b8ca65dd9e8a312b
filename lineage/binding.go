package lineage

import (
	"fmt"
)

// Binding is a model version's lineage as the registry holds it: the
// digests of its documents and its training code reference. A zero field
// (an empty CodeRef) was not declared.
type Binding struct {
	SchemaDigest [32]byte
	ManifestRoot [32]byte
	CardDigest   [32]byte
	CodeRef      string
}

// IsZero reports whether nothing was declared.
func (b Binding) IsZero() bool {
	return b.SchemaDigest == [32]byte{} && b.ManifestRoot == [32]byte{} && b.CardDigest == [32]byte{} && b.CodeRef == ""
}

func check(name string, registered, computed [32]byte) error {
	if registered == [32]byte{} {
		return &BindingError{Binding: name, Computed: hexOf(computed), Err: ErrNotDeclared}
	}
	if registered != computed {
		return &BindingError{Binding: name, Registered: hexOf(registered), Computed: hexOf(computed), Err: ErrMismatch}
	}
	return nil
}

// CheckSchema checks that s is the registered schema.
func (b Binding) CheckSchema(s *Schema) error {
	d, err := s.Digest()
	if err != nil {
		return err
	}
	return check(BindingSchema, b.SchemaDigest, d)
}

// CheckCard checks that c is the registered model card.
func (b Binding) CheckCard(c *Card) error {
	d, err := c.Digest()
	if err != nil {
		return err
	}
	return check(BindingCard, b.CardDigest, d)
}

// CheckManifest checks that m has the registered root.
func (b Binding) CheckManifest(m *Manifest) error {
	return check(BindingManifest, b.ManifestRoot, m.Root())
}

// CheckRecord checks that p proves its record is in the registered
// training manifest. A proof that does not lead to the registered root
// fails with a [*BindingError] wrapping [ErrMismatch] and the merkle
// package's RootMismatchError.
func (b Binding) CheckRecord(p *InclusionProof) error {
	if b.ManifestRoot == [32]byte{} {
		return &BindingError{Binding: BindingManifest, Computed: "proof of record " + hexOf(p.RecordHash), Err: ErrNotDeclared}
	}
	if err := p.Verify(b.ManifestRoot); err != nil {
		return &BindingError{Binding: BindingManifest, Registered: hexOf(b.ManifestRoot),
			Computed: fmt.Sprintf("no inclusion of record %s at index %d of %d", hexOf(p.RecordHash), p.Index, p.Size), Err: fmt.Errorf("%w: %w", ErrMismatch, err)}
	}
	return nil
}

// CheckCodeRef checks that ref is the registered training code reference.
func (b Binding) CheckCodeRef(ref string) error {
	if b.CodeRef == "" {
		return &BindingError{Binding: BindingCodeRef, Computed: ref, Err: ErrNotDeclared}
	}
	if b.CodeRef != ref {
		return &BindingError{Binding: BindingCodeRef, Registered: b.CodeRef, Computed: ref, Err: ErrMismatch}
	}
	return nil
}
