package interop

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"os/exec"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/auditlog/witness"
)

// TestFollowerLitewitness: a witness.Follower running beside a growing
// log has litewitness cosign the checkpoints the log's own checkpointer
// signs, round after round; a receipt rebased on the cosigned checkpoint
// carries litewitness's cosignature, which note.Open verifies with its key.
func TestFollowerLitewitness(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds and runs litewitness and ssh-agent (CI runs it)")
	}
	for _, tool := range []string{"ssh-agent", "ssh-keygen", "ssh-add", "sqlite3"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (apt-get install openssh-client sqlite3): the litewitness test needs it", tool)
		}
	}
	ctx := context.Background()
	work := t.TempDir()
	lwBin := goBuild(t, work, "", "filippo.io/torchwood/cmd/litewitness", "litewitness")
	lw := startLitewitness(t, lwBin, work)
	w, err := witness.Parse(lw.vkey + "=" + lw.url)
	if err != nil {
		t.Fatal(err)
	}
	const origin = "example.org/glassbox/followed"
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := note.NewSigner(skey)
	v, _ := note.NewVerifier(vkey)
	lw.addLog(t, origin, vkey)
	lg, err := auditlog.Open(t.TempDir(), &auditlog.Options{Signer: s, Verifier: v, CheckpointInterval: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	f, err := witness.NewFollower(lg, &witness.Options{Witnesses: []*witness.Witness{w}, Interval: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	defer func() {
		f.Close()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	for round, grow := range []int{3, 250, 7} {
		for i := range grow {
			if _, err := lg.Append(ctx, fmt.Appendf(nil, "round %d leaf %d", round, i)); err != nil {
				t.Fatal(err)
			}
		}
		want := lg.Size()
		for {
			if c, _ := f.Cosigned(); c >= want {
				break
			}
			time.Sleep(20 * time.Millisecond) // a poll interval, not a limit
		}
	}
	cp, err := lg.LatestCheckpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := lg.Leaf(ctx, 1)
	p, _ := lg.InclusionProof(ctx, 1, cp.Size)
	r := &receipt.Receipt{Origin: origin, Index: 1, Leaf: leaf, InclusionProof: p, Checkpoint: bytes.Clone(cp.Note)}
	if ok, err := f.Rebase(ctx, r); err != nil || !ok {
		t.Fatalf("Rebase: %v %v", ok, err)
	}
	n, err := note.Open(r.Checkpoint, note.VerifierList(v, w.Verifier))
	if err != nil || len(n.Sigs) != 2 {
		t.Fatalf("rebased checkpoint: %v\n%s\nlitewitness:\n%s", err, r.Checkpoint, lw.log)
	}
	c, err := verify.ParseCheckpoint([]byte(n.Text))
	if err != nil {
		t.Fatal(err)
	}
	if err := verify.VerifyInclusion(1, c.Size, verify.LeafHash(leaf), r.InclusionProof, c.Root); err != nil {
		t.Fatal(err)
	}
	t.Logf("litewitness cosigned up to size %d", c.Size)
}
