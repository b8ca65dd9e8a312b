package registry_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// TestDiscover: the contract lists every registered log, and the logs of
// one anchorer (a lender) are exactly those registered with its address.
func TestDiscover(t *testing.T) {
	ctx := context.Background()
	c, err := simchain.New(ctx, &simchain.Options{MineOnSend: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := c.Registry
	all, err := r.Discover(ctx, nil)
	if err != nil || len(all) != 0 {
		t.Fatalf("empty contract: %v %v", all, err)
	}
	var lenderA []string
	for i := range 5 {
		origin := fmt.Sprintf("example.com/lender/log-%d", i)
		anchorer := c.Address(1 + i%2)
		if i%2 == 0 {
			lenderA = append(lenderA, origin)
		}
		if _, err := r.RegisterLog(ctx, c.TransactOpts(0), origin, pubKey(origin), anchorer); err != nil {
			t.Fatal(err)
		}
	}
	all, err = r.Discover(ctx, nil)
	if err != nil || len(all) != 5 {
		t.Fatalf("all logs: %d %v", len(all), err)
	}
	for i, l := range all {
		if l.Origin != fmt.Sprintf("example.com/lender/log-%d", i) || l.ID != registry.LogIDFor(l.Origin) {
			t.Fatalf("log %d: %+v", i, l)
		}
	}
	a := c.Address(1)
	mine, err := r.Discover(ctx, &a)
	if err != nil || len(mine) != len(lenderA) {
		t.Fatalf("lender A's logs: %v %v", mine, err)
	}
	for i, l := range mine {
		if l.Origin != lenderA[i] || l.Anchorer != a {
			t.Fatalf("lender A's log %d: %+v", i, l)
		}
	}
	nobody := c.Address(3)
	none, err := r.Discover(ctx, &nobody)
	if err != nil || len(none) != 0 {
		t.Fatalf("an address with no logs: %v %v", none, err)
	}
}
