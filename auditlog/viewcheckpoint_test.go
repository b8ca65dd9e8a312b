package auditlog

import (
	"context"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// TestCheckpointForViewAheadOfSize covers the moment between a group's
// synced commit becoming visible and the committer publishing the new size:
// a read view taken then holds a durable size larger than Size(), and a
// checkpoint of exactly the view's size must still be signed.
func TestCheckpointForViewAheadOfSize(t *testing.T) {
	ctx := context.Background()
	o := engOptions(t)
	l := openEng(t, t.TempDir(), o)
	defer l.Close()
	for i := 0; i < 5; i++ {
		if _, err := l.Append(ctx, leafBytes(i)); err != nil {
			t.Fatal(err)
		}
	}
	v, err := l.recordView(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer v.close()
	l.size.Store(4) // as if the committer had not yet published size 5
	cp, err := l.checkpointForView(ctx, v)
	l.size.Store(5)
	if err != nil {
		t.Fatalf("checkpoint of a durable view: %v", err)
	}
	root, err := l.RootAt(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	if cp.Size != 5 || cp.Root != root {
		t.Fatalf("checkpoint %d %s, want 5 %s", cp.Size, cp.Root, root)
	}
	if _, err := verify.OpenCheckpoint(cp.Note, o.Verifier); err != nil {
		t.Fatal(err)
	}
	// Beyond the durable size nothing is signed.
	if _, err := l.checkpointAt(ctx, v.snap, 6); err == nil {
		t.Fatal("signed a checkpoint beyond the durable size")
	}
}
