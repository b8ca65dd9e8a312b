package registry_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/registry"
)

// TestGasAnchorMany measures anchorMany with 1, 10 and 50 logs under
// mainnet's fork rules (Osaka) on the simulated backend, the first anchor
// of each log and a later one, and prints gas per log
// (go test -run TestGasAnchorMany -v ./registry/). It checks that batching
// pays: gas per log falls as the batch grows.
func TestGasAnchorMany(t *testing.T) {
	ctx := context.Background()
	env := simEnv(t, nil)
	r, _, err := registry.Deploy(ctx, env.backend, env.admin, &registry.Options{Commit: env.commit})
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	sb.WriteString("\n| logs | first anchor: gas | per log | later anchor: gas | per log |\n|---:|---:|---:|---:|---:|\n")
	prev := map[bool]uint64{}
	for _, n := range []int{1, 10, 50} {
		batch := make([]registry.Anchor, n)
		for i := range batch {
			origin := fmt.Sprintf("example.com/glassbox/many-%02d-%02d", n, i)
			if _, err := r.RegisterLog(ctx, env.admin, origin, pubKey(origin), env.anchorer.From); err != nil {
				t.Fatal(err)
			}
			batch[i] = registry.Anchor{LogID: registry.LogIDFor(origin)}
		}
		var gas [2]uint64
		for round, size := range []uint64{1000, 2000} {
			for i := range batch {
				batch[i].TreeSize, batch[i].Root = size, h(fmt.Sprint(n, i, size))
			}
			rcpt, err := r.AnchorMany(ctx, env.anchorer, batch)
			if err != nil {
				t.Fatalf("anchorMany(%d): %v", n, err)
			}
			gas[round] = rcpt.GasUsed
			per := rcpt.GasUsed / uint64(n)
			if p, ok := prev[round == 0]; ok && per >= p {
				t.Errorf("anchorMany(%d) costs %d gas per log, not less than the smaller batch's %d", n, per, p)
			}
			prev[round == 0] = per
		}
		fmt.Fprintf(&sb, "| %d | %d | %d | %d | %d |\n", n, gas[0], gas[0]/uint64(n), gas[1], gas[1]/uint64(n))
	}
	t.Log(sb.String())
}
