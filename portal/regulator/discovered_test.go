package regulator_test

import (
	"bytes"
	"io"
	"log/slog"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/tiles"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/regulator"
)

// TestDiscoveredLogs: with the lender's address, the overview lists every
// log the contract holds under it, each checked from its served tiles: the
// good log passes, the forged one (a rebuilt tree under the same key) is
// named as failing at an anchored size, and a third log the lender
// registered but the portal was not given is listed, not checked, for want
// of a URL.
func TestDiscoveredLogs(t *testing.T) {
	f := newFixture(t, &fixtureOpts{n: 60, weeks: 1})
	ctx := t.Context()
	hidden := "lender.example/glassbox/regulator-hidden"
	if _, err := f.sim.Registry.RegisterLog(ctx, f.sim.TransactOpts(0), hidden, bytes.Repeat([]byte{7}, 32), f.sim.Address(1)); err != nil {
		t.Fatal(err)
	}
	urls := map[string]string{}
	for _, l := range []*lenderLog{f.good, f.forged} {
		srv := httptest.NewServer(tiles.Handler(l.lg, nil))
		t.Cleanup(srv.Close)
		urls[l.lg.Origin()] = srv.URL
	}
	regs, err := access.NewRegulators(map[string]access.Regulator{tokPublic: {Name: "Examiner B (public)"}})
	if err != nil {
		t.Fatal(err)
	}
	lender := f.sim.Address(1)
	p, err := regulator.New(&regulator.Options{
		Logs:          []regulator.Log{{Log: f.good.lg, Decisions: f.good.dec, Anchors: f.good.state}, {Log: f.forged.lg, Decisions: f.forged.dec, Anchors: f.forged.state}},
		Regulators:    regs,
		Registry:      f.sim.Registry,
		Logger:        slog.New(slog.NewTextHandler(io.Discard, nil)),
		LenderAddress: &lender,
		LogURLs:       urls,
	})
	if err != nil {
		t.Fatal(err)
	}
	g := *f
	g.srv = httptest.NewServer(p)
	t.Cleanup(g.srv.Close)
	c := g.client(t)
	if code, body := c.login(tokPublic); code != 200 {
		t.Fatalf("login: %d %s", code, body)
	}
	_, body := c.get("/")
	verdict := func(origin string) string {
		m := regexp.MustCompile(`<tr data-origin="` + regexp.QuoteMeta(origin) + `" data-verdict="(\w+)">((?s).*?)</tr>`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no row for %s in\n%s", origin, body)
		}
		return m[1] + " " + m[2]
	}
	if v := verdict(f.good.lg.Origin()); !strings.HasPrefix(v, "pass ") {
		t.Errorf("good log: %s", v)
	}
	if v := verdict(f.forged.lg.Origin()); !strings.HasPrefix(v, "fail ") || !strings.Contains(v, "size") {
		t.Errorf("forged log: %s", v)
	}
	if v := verdict(hidden); !strings.HasPrefix(v, "unchecked ") || !strings.Contains(v, "not shown above") {
		t.Errorf("hidden log: %s", v)
	}
}
