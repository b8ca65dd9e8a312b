// Package interop holds the interoperability tests of Glassbox's
// c2sp.org/tlog-tiles serving (package auditlog/tiles): clients that
// nobody here wrote, filippo.io/torchwood's tlog client and the Tessera
// client (github.com/transparency-dev/tessera/client), read logs from
// tiles.Handler and from a static export served by nginx, and verify
// checkpoints, inclusion and consistency. It is a module of its own so that
// these test-only dependencies never reach the SDK's users.
package interop
