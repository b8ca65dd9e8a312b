// Package peer runs the peer benchmark: durable appends of fixed-size leaves
// from a number of concurrent writers, on the same disk and in the same run,
// into raw Pebble synced batches (the baseline), a Glassbox audit log, and
// Tessera's POSIX driver, and reports one table of rates and ratios.
//
// # Systems
//
//   - raw-pebble: each append is one Pebble batch holding one 512-byte value
//     under an 8-byte key, committed with pebble.Sync. Pebble groups
//     concurrent synced commits into one WAL fsync. The options are those of
//     the auditlog engine (and of auditlog's BenchmarkAppend).
//   - glassbox: auditlog.Log.Append, which returns when the leaf, the tree
//     nodes it completes and the new tree size are in one Pebble batch
//     committed with fsync. No checkpoint is signed during the run (as in
//     auditlog's BenchmarkAppend); one is signed afterwards and checked.
//   - glassbox-decisions: decisions.Log.Append of a whole credit decision
//     (30 inputs with their attributions): its leaf, sealed payload, index
//     entries and counter in the engine's synced batch. Its entries are
//     decisions, not leaves of the configured size.
//   - tessera-batch: Tessera v1.0.4, storage/posix, batch size = writers
//     (maximum age: Tessera's default, 250ms), checkpoint interval 1s.
//   - tessera-default: the same with Tessera's default options (batches of
//     up to 256 entries or 250ms, checkpoint interval 10s).
//
// # What a writer waits for
//
// Every writer waits for durability before it sends its next append. For
// raw Pebble and Glassbox that is the return of the synced commit. For
// Tessera it is the resolution of the IndexFuture returned by Add: on the
// POSIX driver the future resolves once the entry's batch has been
// sequenced and integrated, that is, once its entry bundle, the tiles it
// changes and the tree state file have been written with O_SYNC and their
// directories synced. That is the point where Tessera's storage says a
// checkpoint committing to the entry is available. The writer does not
// wait for that checkpoint to be published (Tessera's PublicationAwaiter):
// neither does the Glassbox writer wait for a signed checkpoint, and
// publication is paced by the checkpoint interval, not by the disk. After
// the run the harness waits for Tessera's shutdown, which returns once a
// published checkpoint covers every entry, and checks that checkpoint.
//
// # Measurement
//
// Each system runs in a child process of the same binary (see [Child]), so
// that its peak resident memory (VmHWM of /proc/self/status, read after the
// run) is its own. A child writes for the configured duration; the rate is
// the number of completed appends divided by the time from the start until
// the last writer has returned. Latencies are recorded per append in a
// log-linear histogram (about 1.6% resolution). After the run, the child
// checks what was written, compacts Pebble stores over their whole key
// range and measures the disk blocks its directory uses (as du does).
//
// With [Config.Rounds] above 1 each writer count runs every system in turn,
// then again; ratios are taken within a round and [Report.Summary] gives
// the medians and the range of the ratios. docs/performance.md has a run
// and the caveats.
package peer
