package anviltest_test

import (
	"context"
	"testing"

	"github.com/glassbox-audit/glassbox/internal/anviltest"
)

func TestStart(t *testing.T) {
	ctx := context.Background()
	n := anviltest.Start(t, &anviltest.Options{Accounts: 3})
	if len(n.Keys) != 3 {
		t.Fatalf("%d keys, want 3", len(n.Keys))
	}
	bal, err := n.Client.BalanceAt(ctx, n.Address(2), nil)
	if err != nil {
		t.Fatal(err)
	}
	if bal.Sign() <= 0 {
		t.Fatalf("dev account 2 has balance %s", bal)
	}
	h0, err := n.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := n.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Mine(ctx, 5); err != nil {
		t.Fatal(err)
	}
	h1, _ := n.Client.BlockNumber(ctx)
	if h1 != h0+5 {
		t.Fatalf("after mining 5: height %d, want %d", h1, h0+5)
	}
	if err := n.Revert(ctx, snap); err != nil {
		t.Fatal(err)
	}
	h2, _ := n.Client.BlockNumber(ctx)
	if h2 != h0 {
		t.Fatalf("after revert: height %d, want %d", h2, h0)
	}
}

func TestTwoNodesAtOnce(t *testing.T) {
	a := anviltest.Start(t, nil)
	b := anviltest.Start(t, nil)
	if a.URL == b.URL {
		t.Fatalf("both nodes on %s", a.URL)
	}
}
