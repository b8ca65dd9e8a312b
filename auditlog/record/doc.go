// Package record defines Glassbox decision records and their byte-level
// formats: the public leaf that goes into the Merkle log, the salted
// commitments that tie the leaf to personal data without revealing it, and the
// sealed payload that holds that personal data, encrypted under a key per
// subject.
//
// The package is pure: it does no I/O, keeps no state and depends only on the
// standard library and package explain (for the attribution type). Storage,
// keys and indexes live in package auditlog/decisions; receipts in package
// auditlog/receipt.
//
// # What is public and what is sealed
//
// A [Decision] is what a lending service records: an id, a time, the subject
// (the applicant), the model that decided, the typed input [Feature] values,
// the [Output], an explanation (an [explain.Attribution]), optional protected
// group attributes ([Attr]), a policy version and free metadata.
//
// [Build] splits it in two. The [Leaf] holds in clear only the format version,
// the entry kind, the decision id, the time, the model reference, the output,
// the explanation method, the policy version, and five commitments. It holds
// no subject identifier and nothing that links two records of one person: every
// commitment uses a fresh 32-byte random salt, so two records with the same
// subject, inputs or groups have unrelated commitments.
//
// The [Payload] holds the subject, the inputs, the groups and sample weight,
// the metadata, the full explanation and the five salts. [Seal] encrypts it
// with AES-256-GCM under the subject's key, with associated data that binds it
// to the decision id and the exact leaf bytes; [Open] reverses that. Deleting
// the subject's key makes every payload of that subject unreadable, while the
// leaves, and with them every proof, stay valid.
//
// # Commitments
//
// A commitment is SHA-256(domain ‖ salt ‖ canonical(x)), where the domain is a
// fixed, NUL-terminated string per committed field (see [Field]) and canonical
// is the deterministic encoding of docs/leaf-format.md. Whoever is given x and
// its salt can check the commitment ([Leaf.CheckPayload], [CommitSubject] and
// friends); whoever is not cannot guess x, however few values it may take.
//
// # Canonical encoding
//
// [EncodeLeaf] is deterministic: the same leaf gives the same bytes on every
// machine and Go version. [DecodeLeaf] is strict: it rejects unknown versions,
// unknown kinds, malformed or non-canonical fields (a negative zero, a bool
// byte other than 0 or 1, invalid UTF-8, a value over its limit) and trailing
// bytes, so that every accepted leaf re-encodes to exactly the bytes it was
// decoded from. The same holds for the payload plaintext inside a sealed
// payload.
//
// The encodings are injective by construction: the encoders accept only
// values that validate, check every length against its documented limit
// (an error, never truncation: every limit fits the 16-bit length it is
// written with), never reorder a list (inputs and groups must come sorted
// by name, each name once), and decode back to the value they encoded. So
// two different values never share canonical bytes (a number's negative
// zero is the same value as zero), and a commitment can
// be opened to one value only. One set of validators serves
// [Decision.Validate], [Payload.ValidateField], the Canonical and Commit
// functions and the decoders, so a value is accepted in a receipt exactly
// when it could have been recorded.
//
// # Caveats
//
// The leaf shows the decision id, time, model and output in clear: whoever
// sees a leaf learns that some decision with that id was made at that time
// with that outcome. Choose decision ids that do not contain personal data
// (validation cannot tell). Metadata is never in clear; it is committed and
// sealed like the inputs.
package record
