// Package pebbletune lets tests of this module change the Pebble options
// every auditlog.Log opens with, to drive the store into states that take
// gigabytes to reach with the real settings (for example, an sstable
// boundary inside a given key range). Programs never set it.
package pebbletune

import "github.com/cockroachdb/pebble/v2"

// Tune, when non-nil, is called with the options of each store that
// auditlog opens, after the log's own settings. A test that sets it must
// not run in parallel with other tests that open logs, and must reset it.
var Tune func(*pebble.Options)
