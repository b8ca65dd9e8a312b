package regulator_test

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/regulator"
)

// TestSealedReadFailsClosedReadOnly: over a log opened read-only (as
// `glassbox serve` opens it) the portal cannot write access leaves, so a
// regulator with the sealed scope gets, for a decision's payload and for
// its receipt with disclosures, a 503 page saying that sealed reads go
// through the lender's service, with no personal data; the log does not
// grow. The same decision over the writable log shows the payload and
// writes one access leaf (TestPublicScopeNeverShowsPersonalData covers the
// writable side in full).
func TestSealedReadFailsClosedReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "log")
	const origin = "lender.example/glassbox/readonly"
	if _, err := auditlog.CreateDir(dir, origin); err != nil {
		t.Fatal(err)
	}
	open := func(writable bool) (*auditlog.Log, *decisions.Log) {
		lg, err := auditlog.OpenDir(dir, &auditlog.Options{Origin: origin, ReadOnly: !writable})
		if err != nil {
			t.Fatal(err)
		}
		opts, err := decisions.DirOptions(dir, writable)
		if err != nil {
			t.Fatal(err)
		}
		dec, err := decisions.Open(lg, opts)
		if err != nil {
			t.Fatal(err)
		}
		return lg, dec
	}
	lg, dec := open(true)
	ds := lendingDecisions(20, 1, false)
	if _, err := dec.AppendBatch(ctx, ds); err != nil {
		t.Fatal(err)
	}
	if _, err := lg.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	regs, err := access.NewRegulators(map[string]access.Regulator{tokSealed: {Name: "Examiner A (sealed)", Scope: access.Scope{Sealed: true}}})
	if err != nil {
		t.Fatal(err)
	}
	serve := func(lg *auditlog.Log, dec *decisions.Log) *client {
		p, err := regulator.New(&regulator.Options{Logs: []regulator.Log{{Log: lg, Decisions: dec}}, Regulators: regs})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(p)
		t.Cleanup(srv.Close)
		jar, err := cookiejar.New(nil)
		if err != nil {
			t.Fatal(err)
		}
		c := &client{t: t, c: &http.Client{Jar: jar}, url: srv.URL}
		c.login(tokSealed)
		return c
	}
	id := ds[3].ID

	// Writable first: the payload is shown and one access leaf written.
	c := serve(lg, dec)
	size := lg.Size()
	if code, body := c.get("/logs/0/decisions/" + id); code != http.StatusOK || !strings.Contains(body, plantedInput) {
		t.Fatalf("writable: %d, payload shown %v", code, strings.Contains(body, plantedInput))
	}
	if lg.Size() != size+1 {
		t.Fatalf("writable: size %d after a sealed read, want %d", lg.Size(), size+1)
	}
	if _, err := lg.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}

	lg, dec = open(false)
	defer lg.Close()
	size = lg.Size()
	c = serve(lg, dec)
	for _, path := range []string{"/logs/0/decisions/" + id, "/logs/0/decisions/" + id + "/receipt.json"} {
		code, body := c.get(path)
		if code != http.StatusServiceUnavailable || !strings.Contains(body, "Sealed reads go through the lender") {
			t.Errorf("read-only %s: %d\n%.400s", path, code, body)
		}
		if strings.Contains(body, plantedInput) || strings.Contains(body, plantedSubject) {
			t.Errorf("read-only %s shows personal data", path)
		}
	}
	if lg.Size() != size {
		t.Errorf("the read-only log grew: %d, was %d", lg.Size(), size)
	}
	// The trail page still lists the access made through the writable log.
	if code, body := c.get("/logs/0/trail"); code != http.StatusOK || strings.Count(body, `<span class="pass">verified</span>`) != 1 {
		t.Errorf("read-only trail page: %d\n%s", code, body)
	}
}
