//go:build !js

package receiptcheck_test

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
)

// logWithCheckpoints makes a real log of 9 leaves, signed checkpoints at
// 3, 6 and 9, and returns it with its verifier key text.
func logWithCheckpoints(t *testing.T, origin string) (*auditlog.Log, string) {
	t.Helper()
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := note.NewSigner(skey)
	v, _ := note.NewVerifier(vkey)
	lg, err := auditlog.Open(filepath.Join(t.TempDir(), "log"), &auditlog.Options{Origin: origin, Signer: s, Verifier: v})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lg.Close() })
	ctx := context.Background()
	for i := range 9 {
		if _, err := lg.Append(ctx, fmt.Appendf(nil, "leaf %d", i)); err != nil {
			t.Fatal(err)
		}
		if (i+1)%3 == 0 {
			if _, err := lg.Checkpoint(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	return lg, vkey
}

// evidenceOf is the evidence of lg's checkpoints of the given sizes.
func evidenceOf(t *testing.T, lg *auditlog.Log, sizes ...uint64) receiptcheck.LogEvidence {
	t.Helper()
	ctx := context.Background()
	ev := receiptcheck.LogEvidence{Origin: lg.Origin()}
	for i, n := range sizes {
		cp, err := lg.CheckpointAt(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		c := receiptcheck.EvidenceCheckpoint{Size: n, Note: string(cp.Note)}
		if i > 0 {
			if c.Proof, err = lg.ConsistencyProof(ctx, sizes[i-1], n); err != nil {
				t.Fatal(err)
			}
		}
		ev.Checkpoints = append(ev.Checkpoints, c)
	}
	return ev
}

func checkLog(t *testing.T, c *receiptchecktest.Chain, ev receiptcheck.LogEvidence) *receiptcheck.LogVerdict {
	t.Helper()
	b, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	v, err := receiptcheck.CheckLog(context.Background(), b, receiptchecktest.HTTPTransport(c.URL), c.Contract())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestCheckLogSimulated: against the contract's Anchored events read with
// eth_getLogs, the honest evidence passes; a wrong root anchored, a
// checkpoint of an anchored size left out, a checkpoint signed by another
// key and a broken consistency proof each fail naming the first bad size;
// an unreachable chain gives no verdict; malformed evidence is ErrEvidence.
func TestCheckLogSimulated(t *testing.T) {
	const origin = "lender.example/glassbox/logcheck"
	chain := receiptchecktest.StartSimulated(t)
	lg, vkey := logWithCheckpoints(t, origin)
	chain.RegisterLog(t, vkey)
	ctx := context.Background()
	for _, n := range []uint64{3, 6} {
		cp, err := lg.CheckpointAt(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		chain.AnchorRoot(t, origin, n, cp.Root)
	}
	honest := evidenceOf(t, lg, 3, 6, 9)
	if v := checkLog(t, chain, honest); !v.Checked || !v.OK || v.Anchors != 2 || v.Verified != 2 || v.HasBad {
		t.Fatalf("honest: %+v", v)
	}

	missing := evidenceOf(t, lg, 3, 9)
	if v := checkLog(t, chain, missing); v.OK || !v.HasBad || v.FirstBad != 6 {
		t.Errorf("anchored size left out: %+v", v)
	}
	broken := evidenceOf(t, lg, 3, 6, 9)
	broken.Checkpoints[2].Proof = broken.Checkpoints[1].Proof
	if v := checkLog(t, chain, broken); v.OK || v.FirstBad != 9 || v.Verified != 2 {
		t.Errorf("broken consistency: %+v", v)
	}
	other, _ := logWithCheckpoints(t, origin) // same origin, another key
	foreign := evidenceOf(t, other, 3, 6)
	if v := checkLog(t, chain, foreign); v.OK || v.FirstBad != 3 || v.Verified != 0 {
		t.Errorf("another key: %+v", v)
	}

	// Another contract on which size 6 is anchored with a wrong root.
	c2 := chain.Redeploy(t)
	c2.RegisterLog(t, vkey)
	cp3, _ := lg.CheckpointAt(ctx, 3)
	c2.AnchorRoot(t, origin, 3, cp3.Root)
	c2.AnchorRoot(t, origin, 6, [32]byte{6})
	if v := checkLog(t, c2, honest); v.OK || v.FirstBad != 6 || v.Verified != 1 || v.Anchors != 2 {
		t.Errorf("wrong root anchored: %+v", v)
	}

	b, _ := json.Marshal(honest)
	if v, err := receiptcheck.CheckLog(ctx, b, receiptcheck.TransportFunc(func(context.Context, []byte) ([]byte, error) {
		return nil, errors.New("connection refused")
	}), chain.Contract()); err != nil || v.Checked || v.OK || v.HasBad {
		t.Errorf("chain down: %+v %v", v, err)
	}
	for name, bad := range map[string]string{
		"not JSON":       "{",
		"unknown field":  `{"origin":"o","checkpoints":[],"x":1}`,
		"no origin":      `{"checkpoints":[]}`,
		"sizes not up":   `{"origin":"o","checkpoints":[{"size":6,"note":""},{"size":3,"note":""}]}`,
		"trailing":       `{"origin":"o","checkpoints":[]} {}`,
		"first proof":    `{"origin":"o","checkpoints":[{"size":3,"note":"","proof":["` + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" + `"]}]}`,
		"malformed hash": `{"origin":"o","checkpoints":[{"size":3,"note":"","proof":["xx"]}]}`,
	} {
		if _, err := receiptcheck.CheckLog(ctx, []byte(bad), receiptchecktest.HTTPTransport(chain.URL), chain.Contract()); !errors.Is(err, receiptcheck.ErrEvidence) {
			t.Errorf("%s: %v, want ErrEvidence", name, err)
		}
	}
	if _, err := receiptcheck.CheckLog(ctx, b, receiptchecktest.HTTPTransport(chain.URL), "0x12"); !errors.Is(err, receiptcheck.ErrOptions) {
		t.Errorf("bad contract: %v", err)
	}
}

// FuzzParseLogEvidence: the evidence parser never panics, and what it
// accepts has an origin and strictly increasing sizes.
func FuzzParseLogEvidence(f *testing.F) {
	f.Add([]byte(`{"origin":"o","checkpoints":[{"size":3,"note":"n"},{"size":6,"note":"n","proof":[]}]}`))
	f.Add([]byte(`{"origin":"o","checkpoints":[]}`))
	f.Add([]byte(`{`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ev, err := receiptcheck.ParseLogEvidence(b)
		if err != nil {
			if !errors.Is(err, receiptcheck.ErrEvidence) {
				t.Fatalf("error %v is not ErrEvidence", err)
			}
			return
		}
		if ev.Origin == "" {
			t.Fatal("accepted without an origin")
		}
		for i := 1; i < len(ev.Checkpoints); i++ {
			if ev.Checkpoints[i].Size <= ev.Checkpoints[i-1].Size {
				t.Fatal("accepted sizes that do not increase")
			}
		}
	})
}
