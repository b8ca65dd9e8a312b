// Package decisions records the AI credit decisions of a lending service
// in an [auditlog.Log]: each decision becomes one public leaf of the Merkle
// tree, its personal data a sealed payload beside it, and the layer keeps
// the indexes, fairness counters and idempotency keys that make the log
// useful to query, all inside one store namespace of the engine.
//
// # Basics
//
// [Open] the layer on an open log, then [Log.Append] decisions (package
// auditlog/record defines them) and [Log.AppendOutcome] what happened
// after. Read them back by id ([Log.Get]), subject, model or time, count
// them for fairness reports ([Log.Counts]), scan them ([Log.Scan]), hand a
// subject a [Log.Receipt] that verifies offline (package auditlog/receipt),
// and [Log.Erase] a subject's personal data.
//
// # Guarantees
//
//   - A decision and everything the layer keeps of it (its id, subject,
//     model and time index entries, its sealed payload, its counter) are
//     written in the engine's batch of its leaf: all of them or none, and
//     durable when Append returns. A batch is atomic as a whole.
//   - A decision id is recorded once; an outcome once per (decision id,
//     label, time). Repeating one returns the first index with Existing
//     set, whatever the other fields say.
//   - Every read ([Log.Get], the pages, [Log.Counts], [Log.Scan]) is of one
//     consistent view: counters and scans come with the signed checkpoint
//     of exactly the tree size they hold.
//   - Leaves carry no personal data and nothing that links two records of
//     one subject; the subject index is keyed by an HMAC of the subject
//     under a secret of the log ([SubjectID]).
//
// # Erasure
//
// Personal payloads are sealed under one key per subject, held by a
// [KeyStore]: by default in the layer's own namespace, or in a KMS. Erase
// deletes the key, then the payloads and index entries, moves the
// decisions' counters to erased cells without group values, and scrubs the
// store's files ([auditlog.Store.Scrub]); leaves, proofs and checkpoints
// stay as they were and still verify. With a [KEK] the log secret and the
// default store's keys are sealed under a wrapped master key.
//
// # Caveats
//
// A subject, model or time index can show what it lists, but cannot prove
// that it is complete: only the leaves are committed to by checkpoints. The
// default key store without a KEK keeps keys in clear in Pebble. Erasure
// scrubs the files Pebble writes, not copies of them, and not past a
// snapshot open during Erase.
package decisions
