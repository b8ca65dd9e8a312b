package anchor

import (
	"context"
	"testing"

	"github.com/glassbox-audit/glassbox/registry"
)

// BenchmarkAnchor: one anchor from a grown log to its confirmation on the
// simulated chain, through the anchorer (checkpoint, estimate, sign, store
// the transaction, broadcast, mine, receipt, confirm, store the anchor)
// next to the baseline of the registry client's plain anchor call (sign,
// send, mine, receipt) of the same size and root.
func BenchmarkAnchor(b *testing.B) {
	ctx := context.Background()
	b.Run("baseline-registry-call", func(b *testing.B) {
		f := newFixture(b)
		auth := f.chain.TransactOpts(1)
		id := registry.LogIDFor(f.log.origin)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			f.log.appendN(b, 1)
			cp, err := f.log.Checkpoint(ctx)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := f.chain.Registry.Anchor(ctx, auth, id, cp.Size, cp.Root); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("anchorer", func(b *testing.B) {
		f := newFixture(b)
		o := f.options()
		o.Confirmations = 1
		a, err := New(f.log, f.log.state(b), f.chain.Client, o)
		if err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			f.log.appendN(b, 1)
			b.StartTimer()
			want := f.log.Size()
			if err := a.step(ctx); err != nil || a.pend == nil {
				b.Fatalf("send: %v", err)
			}
			f.chain.Commit()
			if err := a.step(ctx); err != nil {
				b.Fatal(err)
			}
			if a.confirmedSize() != want {
				b.Fatalf("not confirmed")
			}
		}
	})
}
