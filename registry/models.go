package registry

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/glassbox-audit/glassbox/contracts"
	"github.com/glassbox-audit/glassbox/lineage"
)

// Lineage is where a model version came from, as the contract binds it:
// the digests of its feature schema, training manifest and model card, and
// its training code reference (see package lineage for the documents and
// their checks). A zero field was not declared.
type Lineage = lineage.Binding

// ModelVersion is a published model version as the contract holds it.
type ModelVersion struct {
	Name    string
	Version string
	// ArtifactDigest is the SHA-256 of the model file (see [ArtifactDigest]).
	ArtifactDigest [32]byte
	MetadataURI    string
	// Publisher is the address that published the version, in BlockNumber.
	Publisher   common.Address
	BlockNumber uint64
	// Deprecated versions stay registered; DeprecationReason may be empty.
	Deprecated        bool
	DeprecationReason string
	// Lineage is what the version was registered with; zero fields were
	// not declared.
	Lineage Lineage
}

// RegisterModel publishes a model version with its artifact digest and its
// lineage (zero fields of which bind nothing: pass Lineage{} to declare
// none). The sender must hold the publisher role. A (name, version) pair is
// published once: a second attempt fails with [ErrDuplicateVersion], an
// empty name or version with [ErrEmptyName] or [ErrEmptyVersion], a zero
// artifact digest with [ErrZeroDigest].
func (c *Client) RegisterModel(ctx context.Context, auth *bind.TransactOpts, name, version string, artifactDigest [32]byte, lin Lineage, metadataURI string) (*types.Receipt, error) {
	l := contracts.GlassboxRegistryLineage{SchemaDigest: lin.SchemaDigest, ManifestRoot: lin.ManifestRoot, CardDigest: lin.CardDigest, CodeRef: lin.CodeRef}
	return c.transact(ctx, "registerModel", auth, bindings.PackRegisterModel(name, version, artifactDigest, l, metadataURI))
}

// DeprecateModel marks a published version as deprecated, with an optional
// reason. The sender must hold the publisher role.
func (c *Client) DeprecateModel(ctx context.Context, auth *bind.TransactOpts, name, version, reason string) (*types.Receipt, error) {
	return c.transact(ctx, "deprecateModel", auth, bindings.PackDeprecateModel(name, version, reason))
}

// Model looks up a published version ([ErrUnknownVersion] if there is none).
func (c *Client) Model(ctx context.Context, name, version string) (ModelVersion, error) {
	m, err := call(ctx, c, "modelVersion", bindings.PackModelVersion(name, version), bindings.UnpackModelVersion)
	if err != nil {
		return ModelVersion{}, err
	}
	return ModelVersion{
		Name:              name,
		Version:           version,
		ArtifactDigest:    m.ArtifactDigest,
		MetadataURI:       m.MetadataURI,
		Publisher:         m.Publisher,
		BlockNumber:       m.BlockNumber,
		Deprecated:        m.Deprecated,
		DeprecationReason: m.DeprecationReason,
		Lineage: Lineage{
			SchemaDigest: m.Lineage.SchemaDigest,
			ManifestRoot: m.Lineage.ManifestRoot,
			CardDigest:   m.Lineage.CardDigest,
			CodeRef:      m.Lineage.CodeRef,
		},
	}, nil
}

// Versions lists the published versions of a model in publication order
// (empty for an unknown model).
func (c *Client) Versions(ctx context.Context, name string) ([]string, error) {
	return call(ctx, c, "versionsOf", bindings.PackVersionsOf(name), bindings.UnpackVersionsOf)
}

// ArtifactDigest returns the SHA-256 of the file at path: the digest a model
// version is registered with.
func ArtifactDigest(path string) ([32]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return [32]byte{}, fmt.Errorf("registry: artifact digest: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return [32]byte{}, fmt.Errorf("registry: artifact digest of %s: %w", path, err)
	}
	var d [32]byte
	h.Sum(d[:0])
	return d, nil
}

// CheckArtifact checks the file at path against the digest registered for
// (name, version). It returns the registered version; when the digests
// differ, the error is a [*DigestMismatchError]. A deprecated version is not
// an error: the caller decides what deprecation means to it.
func (c *Client) CheckArtifact(ctx context.Context, name, version, path string) (ModelVersion, error) {
	m, err := c.Model(ctx, name, version)
	if err != nil {
		return ModelVersion{}, err
	}
	d, err := ArtifactDigest(path)
	if err != nil {
		return m, err
	}
	if d != m.ArtifactDigest {
		return m, &DigestMismatchError{Name: name, Version: version, Path: path, Registered: m.ArtifactDigest, Computed: d}
	}
	return m, nil
}
