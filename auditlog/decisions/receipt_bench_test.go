package decisions_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"testing"

	merkleproof "github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// BenchmarkReceiptVerify measures a full decision's receipt, from a log of
// 10,000 decisions, parsed and verified offline (run it with -cpu 1: the
// issue's figure is for one core). The log is closed before the clock
// starts. Baselines in the same run, the physical floor of the checks:
// "ed25519" is one bare Ed25519 verification of a message of the
// checkpoint's length, "inclusion" the bare RFC 6962 check of the
// receipt's proof with transparency-dev/merkle. "parse" and "verify" are
// the two halves of "receipt"; "receipt-cached-key" verifies with a
// [verify.CachedVerifier], as a verifier of many receipts of one
// checkpoint does (one Ed25519 check in all).
func BenchmarkReceiptVerify(b *testing.B) {
	ctx := context.Background()
	lg, l := receiptBenchLog(b)
	r, err := l.Receipt(ctx, "bench-000004242")
	if err != nil {
		b.Fatal(err)
	}
	raw, err := r.Marshal()
	if err != nil {
		b.Fatal(err)
	}
	v := lg.Verifier()
	if err := lg.Close(); err != nil {
		b.Fatal(err)
	}

	b.Run("receipt", func(b *testing.B) {
		for b.Loop() {
			r, err := receipt.Parse(raw)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := receipt.Verify(r, v); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "receipts/s")
	})
	cv := verify.NewCachedVerifier(v, 0)
	b.Run("receipt-cached-key", func(b *testing.B) {
		for b.Loop() {
			r, err := receipt.Parse(raw)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := receipt.Verify(r, cv); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "receipts/s")
	})
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if _, err := receipt.Parse(raw); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("verify", func(b *testing.B) {
		for b.Loop() {
			if _, err := receipt.Verify(r, v); err != nil {
				b.Fatal(err)
			}
		}
	})
	body := r.Checkpoint[:bytes.LastIndex(r.Checkpoint, []byte("\n\n"))+1]
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		b.Fatal(err)
	}
	sig := ed25519.Sign(priv, body)
	b.Run("ed25519", func(b *testing.B) {
		for b.Loop() {
			if !ed25519.Verify(pub, body, sig) {
				b.Fatal("signature does not verify")
			}
		}
	})
	cp, err := verify.ParseCheckpoint(body)
	if err != nil {
		b.Fatal(err)
	}
	lh := verify.LeafHash(r.Leaf)
	p := make([][]byte, len(r.InclusionProof))
	for i := range r.InclusionProof {
		p[i] = r.InclusionProof[i][:]
	}
	b.Run("inclusion", func(b *testing.B) {
		for b.Loop() {
			if err := merkleproof.VerifyInclusion(rfc6962.DefaultHasher, r.Index, cp.Size, lh[:], p, cp.Root[:]); err != nil {
				b.Fatal(err)
			}
		}
	})
}
