package anchor

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// manyFixture: n logs in this process on one simulated chain (mining every
// few milliseconds), all anchored by account 1.
func manyFixture(t testing.TB, n int, edit func(*Options)) (*simchain.Chain, []*testLog, *Many) {
	return manyFixtureOn(t, &simchain.Options{AutoCommit: 5 * time.Millisecond}, n, edit)
}

func manyFixtureOn(t testing.TB, co *simchain.Options, n int, edit func(*Options)) (*simchain.Chain, []*testLog, *Many) {
	t.Helper()
	c := newSimChain(t, co)
	logs := make([]*testLog, n)
	members := make([]Member, n)
	for i := range logs {
		logs[i] = newTestLog(t)
		if _, err := c.Registry.RegisterLog(context.Background(), c.TransactOpts(0), logs[i].origin, logs[i].pub, c.Address(1)); err != nil {
			t.Fatal(err)
		}
		members[i] = Member{Log: logs[i], State: logs[i].state(t)}
	}
	o := Options{
		Contract:      c.Registry.Address(),
		Key:           c.Keys[1],
		Entries:       1,
		Interval:      time.Hour,
		Confirmations: 1,
		PollInterval:  2 * time.Millisecond,
		MaxBackoff:    20 * time.Millisecond,
		ReplaceAfter:  time.Minute,
	}
	if edit != nil {
		edit(&o)
	}
	m, err := NewMany(members, c.Client, o)
	if err != nil {
		t.Fatal(err)
	}
	return c, logs, m
}

func waitAll(t *testing.T, m *Many, sizes []uint64) {
	t.Helper()
	for i, a := range m.Anchorers() {
		if sizes[i] == 0 {
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // a stuck run fails, it does not hang
		_, err := a.WaitAnchored(ctx, sizes[i])
		cancel()
		if err != nil {
			t.Fatalf("log %d never anchored size %d: %v", i, sizes[i], err)
		}
	}
}

// A log that did not grow is left out of the batch; the next batch carries
// only the log that grew; a restarted anchorer resumes from each log's
// saved progress and sends nothing for logs already anchored.
func TestManyLeavesOutLogsThatDidNotGrow(t *testing.T) {
	c, logs, m := manyFixture(t, 3, nil)
	logs[0].appendN(t, 4)
	logs[1].appendN(t, 2)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	waitAll(t, m, []uint64{4, 2, 0})
	logs[2].appendN(t, 3)
	waitAll(t, m, []uint64{4, 2, 3})
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	as := m.Anchorers()
	first0, _ := as[0].Anchors()
	first1, _ := as[1].Anchors()
	third, _ := as[2].Anchors()
	if len(first0) != 1 || len(first1) != 1 || first0[0].TxHash != first1[0].TxHash {
		t.Fatalf("logs 0 and 1 were not anchored by one transaction: %+v %+v", first0, first1)
	}
	if len(third) != 1 || third[0].TxHash == first0[0].TxHash || third[0].TreeSize != 3 {
		t.Fatalf("log 2 (did not grow at first) rode in the first batch or was not anchored alone: %+v", third)
	}
	for i, want := range []uint64{4, 2, 3} {
		on, err := c.Registry.LatestAnchor(context.Background(), registry.LogIDFor(logs[i].origin))
		if err != nil || on.TreeSize != want {
			t.Fatalf("log %d on the contract: %+v %v", i, on, err)
		}
	}

	// Restart over the same states: nothing is sent again.
	members := make([]Member, len(logs))
	for i := range logs {
		members[i] = Member{Log: logs[i], State: logs[i].state(t)}
	}
	m2, err := NewMany(members, c.Client, m.opts)
	if err != nil {
		t.Fatal(err)
	}
	nonce, _ := c.Client.PendingNonceAt(context.Background(), c.Address(1))
	ctx2, cancel2 := context.WithCancel(context.Background())
	go func() { done <- m2.Run(ctx2) }()
	logs[1].appendN(t, 1)
	waitAll(t, m2, []uint64{4, 3, 3})
	cancel2()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	after, _ := c.Client.PendingNonceAt(context.Background(), c.Address(1))
	if after != nonce+1 {
		t.Fatalf("after a restart and one log growing, %d transactions were sent, want 1", after-nonce)
	}
}

// A batch whose transaction reverts on chain (one of its logs was retired
// after the anchorer started; the gas limit is fixed, so no estimate stops
// it before it is mined): every log drops the anchor in flight, the retired
// log stops the anchorer with registry.ErrLogRetired naming it, and the
// other log's new size is neither anchored nor recorded.
func TestManyRevertedBatch(t *testing.T) {
	c, logs, m := manyFixture(t, 2, func(o *Options) { o.GasLimit = 1_000_000 })
	ctx := context.Background()
	logs[0].appendN(t, 2)
	logs[1].appendN(t, 2)
	first, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- m.Run(first) }()
	waitAll(t, m, []uint64{2, 2})
	stop()
	if err := <-done; err != nil {
		t.Fatalf("Run, stopped: %v", err)
	}
	// With the anchorer stopped, one log is retired and both grow: the
	// next Run's first batch holds both, and reverts on chain.
	if _, err := c.Registry.RetireLog(ctx, c.TransactOpts(0), registry.LogIDFor(logs[1].origin), "test"); err != nil {
		t.Fatal(err)
	}
	logs[0].appendN(t, 2)
	logs[1].appendN(t, 2)
	go func() { done <- m.Run(ctx) }()
	err := <-done
	if !errors.Is(err, registry.ErrLogRetired) {
		t.Fatalf("Run: %v, want ErrLogRetired", err)
	}
	if want := fmt.Sprintf("%q", logs[1].origin); !strings.Contains(err.Error(), want) {
		t.Fatalf("the error does not name the retired log %s: %v", want, err)
	}
	// The retired log stays at 2 with nothing in flight. Log 0 shares the
	// reverted batch: Run may stop (on the retired log's refusal) before
	// log 0 has seen the revert, leaving the reverted transaction as its
	// saved pending anchor, which a restart drops; or log 0 drops it and is
	// sent again on its own (size 4). Either way what its anchorer holds
	// is what the contract holds.
	for i, a := range m.Anchorers() {
		all, _ := a.Anchors()
		if len(all) == 0 || all[0].TreeSize != 2 || (i == 1 && (len(all) != 1 || a.pend != nil)) {
			t.Fatalf("log %d: anchors %+v, in flight %+v after the revert", i, all, a.pend)
		}
		if a.pend != nil {
			last := a.pend.Attempts[len(a.pend.Attempts)-1].TxHash
			if r, err := c.Client.TransactionReceipt(ctx, last); err != nil || r.Status != types.ReceiptStatusFailed {
				t.Fatalf("log %d: in flight after Run: %+v, whose receipt is %+v, %v; want the reverted batch", i, a.pend, r, err)
			}
		}
		last := all[len(all)-1].TreeSize
		if on, _ := c.Registry.LatestAnchor(ctx, registry.LogIDFor(logs[i].origin)); on.TreeSize != last || (last != 2 && last != 4) {
			t.Fatalf("log %d on the contract after the reverted batch: %+v; its anchorer's latest is %d", i, on, last)
		}
	}
	reverted := 0.0
	for _, a := range m.members {
		reverted += metricValue(a.metrics.failures.WithLabelValues(FailureReverted))
	}
	if v := reverted; v < 1 {
		t.Fatalf("no reverted transaction counted: %v", v)
	}
}
