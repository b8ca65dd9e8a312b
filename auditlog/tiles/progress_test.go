package tiles_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/tiles"
)

// TestExportProgress: ExportOptions.Progress is called once per file
// written, with growing counts ending at the number of files.
func TestExportProgress(t *testing.T) {
	tl := newLog(t)
	tl.grow(t, 600, true)
	var got []uint64
	var total uint64
	res, err := tiles.Export(context.Background(), tl.Log, filepath.Join(t.TempDir(), "out"), &tiles.ExportOptions{Progress: func(done, n uint64) {
		got = append(got, done)
		total = n
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != res.Files || res.Files < 3 || total != uint64(res.Files) {
		t.Fatalf("%d progress calls (total %d) for %d files", len(got), total, res.Files)
	}
	for i, d := range got {
		if d != uint64(i+1) {
			t.Fatalf("call %d: done %d, want %d", i, d, i+1)
		}
	}
}
