// Package tiles serves a Glassbox log as c2sp.org/tlog-tiles, the layout
// that the transparency ecosystem's clients read: a signed checkpoint,
// hash tiles and entry bundles, fetched over plain HTTP GET and cached
// like any static file. A regulator, a journalist or a lender's own
// monitor follows the log with a standard client (torchwood's, Tessera's,
// or curl and a few lines of code), and verifies inclusion and
// consistency proofs without asking the lender's service for them.
//
// # The layout
//
// The Merkle tree is cut into tiles 8 levels high. The hash tile at level
// L and index N holds the 256 hashes of tree level 8L from index 256N (a
// partial tile, path suffix .p/W, holds the first W of them while the tree
// is too small for all 256). Any node of the tree, and so any proof, is
// computed from a few tiles. Entry bundle N holds leaves 256N to 256N+255,
// each prefixed with its length. Paths are written by [Path] and parsed by
// [ParsePath]; the arithmetic is golang.org/x/mod/sumdb/tlog's, whose
// [tlog.Tile] names a tile here too.
//
// # Serving
//
// [Handler] serves a live [auditlog.Log]; [Export] writes the same files
// to a directory, incrementally, for a web server, object store or CDN, so
// that reads scale out without touching the lender's process. Both serve
// only what the latest signed checkpoint covers: a tile, full or partial,
// is never wider than the published tree.
//
// # What the entries are
//
// An entry is a leaf, byte for byte as appended: for the decision layer, a
// commitment to a decision record, never the record. The bundles carry no
// personal data; what a leaf commits to is shown to whom it concerns with
// a receipt, outside the tiles.
//
// # Guarantees and limits
//
//   - Full tiles and full bundles never change; they are served as
//     immutable. The checkpoint and partial tiles are cached briefly.
//   - The checkpoint is the log's own c2sp.org/tlog-checkpoint note, with
//     its Ed25519 signature; a client checks it with the log's verifier key
//     and needs nothing else from the lender.
//   - Tiles prove what is in the log and that it only grows. They do not
//     prove that every decision was logged, nor that a client sees the same
//     checkpoint as everyone else: that takes witnesses or the anchor.
package tiles
