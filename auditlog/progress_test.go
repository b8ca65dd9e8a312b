package auditlog

import (
	"context"
	"testing"
)

// TestCheckIntegrityProgress: the callback is called with growing counts
// of the tree's size, every ProgressEvery leaves, ending at the size.
func TestCheckIntegrityProgress(t *testing.T) {
	ctx := context.Background()
	l := openEng(t, t.TempDir(), engOptions(t))
	defer l.Close()
	const n = 2*ProgressEvery + 100
	leaves := make([][]byte, n)
	for i := range leaves {
		leaves[i] = leafBytes(i)
	}
	for i := 0; i < n; i += ProgressEvery {
		if _, err := l.AppendBatch(ctx, leaves[i:min(i+ProgressEvery, n)]); err != nil {
			t.Fatal(err)
		}
	}
	var got [][2]uint64
	if err := l.CheckIntegrityProgress(ctx, func(done, total uint64) { got = append(got, [2]uint64{done, total}) }); err != nil {
		t.Fatal(err)
	}
	want := [][2]uint64{{ProgressEvery, n}, {2 * ProgressEvery, n}, {n, n}}
	if len(got) != len(want) {
		t.Fatalf("progress calls %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d: %v, want %v", i, got[i], want[i])
		}
	}
}
