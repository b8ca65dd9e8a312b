package anchortest

import (
	"context"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/internal/anviltest"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

func TestSimulatedBackend(t *testing.T) {
	sim, err := simchain.New(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer sim.Close()
	TestChain(t, Env{
		Chain:    sim.Client,
		Registry: sim.Registry,
		Admin:    sim.Keys[0],
		Key:      sim.Keys[1],
		Mine:     func(context.Context) error { sim.Commit(); return nil },
	})
}

func TestAnvil(t *testing.T) {
	ctx := context.Background()
	node := anviltest.Start(t, &anviltest.Options{Args: []string{"--no-mining"}})
	env := Env{
		Chain: node.Client,
		Admin: node.Keys[0],
		Key:   node.Keys[1],
		Mine:  func(ctx context.Context) error { return node.Mine(ctx, 1) },
	}
	stop := mineInBackground(env)
	reg, _, err := registry.Deploy(ctx, node.Client, node.TransactOpts(0), &registry.Options{PollInterval: 5 * time.Millisecond})
	stop()
	if err != nil {
		t.Fatal(err)
	}
	env.Registry = reg
	TestChain(t, env)
}
