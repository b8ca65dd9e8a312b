package anchor

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/tiles"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// TestVerifyLogs: a lender's logs, discovered from the contract, each
// served as tlog-tiles; three honest logs of sizes crossing tile
// boundaries, anchored at several sizes, pass; a log whose served tree is a
// fork of what was anchored (same key, other leaves) is named with the
// anchored size whose root it lacks; a log whose served tree is behind its
// anchor, and one with no URL, fail with their own errors; another
// lender's log is not listed.
func TestVerifyLogs(t *testing.T) {
	ctx := context.Background()
	c, err := simchain.New(ctx, &simchain.Options{AutoCommit: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	lender := c.Address(1)
	register := func(tl *testLog, anchorer int) {
		t.Helper()
		if _, err := c.Registry.RegisterLog(ctx, c.TransactOpts(0), tl.origin, tl.pub, c.Address(anchorer)); err != nil {
			t.Fatal(err)
		}
	}
	anchorAt := func(tl *testLog, anchorer int) {
		t.Helper()
		cp, err := tl.Checkpoint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b := []registry.Anchor{{LogID: registry.LogIDFor(tl.origin), TreeSize: cp.Size, Root: cp.Root}}
		if _, err := c.Registry.AnchorMany(ctx, c.TransactOpts(anchorer), b); err != nil {
			t.Fatal(err)
		}
	}
	urls := map[string]string{}
	serve := func(tl *testLog) {
		srv := httptest.NewServer(tiles.Handler(tl.Log, nil))
		t.Cleanup(srv.Close)
		urls[tl.origin] = srv.URL
	}

	var honest []*testLog
	for _, sizes := range [][]int{{1}, {256, 1, 43}, {255, 2, 256, 87}} {
		tl := newTestLog(t)
		register(tl, 1)
		for _, n := range sizes {
			tl.appendN(t, n)
			anchorAt(tl, 1)
		}
		tl.appendN(t, 3) // grown past the last anchor
		if _, err := tl.Checkpoint(ctx); err != nil {
			t.Fatal(err)
		}
		serve(tl)
		honest = append(honest, tl)
	}
	// The fork: anchored as a, served as b, both signed with one key.
	a := newTestLog(t)
	register(a, 1)
	a.appendN(t, 4)
	anchorAt(a, 1)
	b := newTestLogWithKey(t, a.origin, a.skey)
	b.appendN(t, 2)
	b.appendN(t, 5)
	if _, err := b.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	serve(b)
	// Behind: anchored at 6, served (a copy) at 3.
	ahead := newTestLog(t)
	register(ahead, 1)
	ahead.appendN(t, 3)
	behind := newTestLogWithKey(t, ahead.origin, ahead.skey)
	behind.appendN(t, 3)
	if _, err := behind.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	ahead.appendN(t, 3)
	anchorAt(ahead, 1)
	serve(behind)
	// No URL; and another lender's log.
	nourl := newTestLog(t)
	register(nourl, 1)
	other := newTestLog(t)
	register(other, 2)

	vs, err := VerifyLogs(ctx, c.Registry, lender, &LogsOptions{URLs: urls})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 6 {
		t.Fatalf("%d verdicts, want the lender's 6", len(vs))
	}
	byOrigin := map[string]LogVerdict{}
	for _, v := range vs {
		byOrigin[v.Log.Origin] = v
	}
	for i, tl := range honest {
		v := byOrigin[tl.origin]
		if !v.OK() || v.Anchors == 0 || v.Anchors != v.Checked || v.Checkpoint.Size != tl.Size() {
			t.Errorf("honest log %d: %+v", i, v)
		}
	}
	var rm *RootMismatchError
	if v := byOrigin[a.origin]; !errors.As(v.Err, &rm) || rm.TreeSize != 4 || rm.LogID != registry.LogIDFor(a.origin) {
		t.Errorf("forked log: %v", v.Err)
	}
	if v := byOrigin[ahead.origin]; !errors.Is(v.Err, ErrBehindAnchor) {
		t.Errorf("log behind its anchor: %v", v.Err)
	}
	if v := byOrigin[nourl.origin]; !errors.Is(v.Err, ErrNoLogURL) {
		t.Errorf("log without a URL: %v", v.Err)
	}
	if _, ok := byOrigin[other.origin]; ok {
		t.Error("another lender's log is listed")
	}

	// A tampered tile fails the tile authentication, not the anchor check.
	srv := httptest.NewServer(tamper(tiles.Handler(honest[2].Log, nil)))
	t.Cleanup(srv.Close)
	urls[honest[2].origin] = srv.URL
	vs, err = VerifyLogs(ctx, c.Registry, lender, &LogsOptions{URLs: urls})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Log.Origin == honest[2].origin && !errors.Is(v.Err, ErrServedLog) {
			t.Errorf("tampered tile: %v", v.Err)
		}
	}
}

// tamper flips a byte of every hash tile h serves.
func tamper(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		b := rec.Body.Bytes()
		if strings.HasPrefix(r.URL.Path, "/tile/") && len(b) > 0 {
			b[len(b)/2] ^= 1
		}
		w.WriteHeader(rec.Code)
		w.Write(b)
	})
}
