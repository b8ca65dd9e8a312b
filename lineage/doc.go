// Package lineage holds the documents that say where a model version came
// from, and the digests by which the registry binds them.
//
// A model version is registered with its artifact digest and a [Binding]:
//
//   - SchemaDigest, the SHA-256 of the canonical encoding of its feature
//     [Schema] (the model's columns in order, their types, the one-hot
//     groups, and the reason text of each variable);
//   - ManifestRoot, the RFC 6962 root of a [Manifest]: a Merkle tree whose
//     leaves are the SHA-256 hashes of the training records, in training
//     order, so that anyone holding one record can be given an
//     [InclusionProof] against the registered root;
//   - CodeRef, a reference to the training code (a git URL and commit);
//   - CardDigest, the SHA-256 of the canonical encoding of its model
//     [Card] (data sources, time range, evaluation and fairness figures at
//     release).
//
// Only the digests go on chain. The documents are content-addressed: a
// [Store] serves each under GET /v1/documents/sha256/{hex}, and [Fetch]
// accepts the bytes only when their SHA-256 is the name asked for.
//
// # Canonical encoding
//
// A schema or a card is JSON. Its digest is taken over its canonical
// encoding: the value decoded strictly ([ParseSchema], [ParseCard]: unknown
// fields, duplicate names and trailing data are refused), validated, and
// re-encoded compactly with the fields in the order this package declares
// them (reasons sorted by variable). So a hand-formatted file and its
// canonical form have the same digest, and [Schema.Canonical] is what a
// [Store] serves.
//
// # What a binding proves
//
// A manifest root proves that a record was in the set the lender committed
// to before it used the model; it says nothing of the data's quality, or
// that the model was trained on exactly that set. A schema or card digest
// proves that a document is the one registered, not that its statements are
// true. A code reference names code; it does not prove that the artifact
// was built from it. A zero digest (an empty code reference) binds nothing:
// checks against it fail with [ErrNotDeclared].
//
// This package depends on the standard library and transparency-dev/merkle
// only: a verifier links no Pebble and no go-ethereum.
package lineage
