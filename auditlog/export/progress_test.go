package export_test

import (
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/export"
)

// TestWriteProgress: Options.Progress is called with growing counts of the
// leaves written, ending at the number the export carries.
func TestWriteProgress(t *testing.T) {
	tl := openLog(t)
	tl.grow(t, auditlog.ProgressEvery+10, true)
	var got [][2]uint64
	write(t, tl, &export.Options{From: 5, Progress: func(done, total uint64) { got = append(got, [2]uint64{done, total}) }})
	total := uint64(auditlog.ProgressEvery + 5)
	if len(got) != 2 || got[0] != [2]uint64{auditlog.ProgressEvery, total} || got[1] != [2]uint64{total, total} {
		t.Errorf("progress calls %v, want [[%d %d] [%d %d]]", got, auditlog.ProgressEvery, total, total, total)
	}
}
