package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// TestRegulatorSealedReadOnTheService: the service's --regulators mount is
// over its writable log, so a sealed read works there: the decision's page
// shows the payload and the read is an access leaf of the log, naming the
// regulator and the decision's leaf, listed with its inclusion verified.
func TestRegulatorSealedReadOnTheService(t *testing.T) {
	ctx := context.Background()
	tok := access.NewToken()
	regs := filepath.Join(t.TempDir(), "regulators.json")
	if err := os.WriteFile(regs, []byte(`{"regulators":[{"token":"`+tok+`","name":"Examiner","scope":{"sealed":true}}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	a := startAPI(t, "--regulators", regs)
	for _, app := range a.s.model.applicants(3, 0) {
		if code, b := a.post(t, app); code != 200 {
			t.Fatalf("POST: %d %s", code, b)
		}
	}
	var first decisions.Stored
	stop := errors.New("stop")
	if _, err := a.s.dec.Scan(ctx, decisions.Filter{}, func(s decisions.Stored) error { first = s; return stop }); !errors.Is(err, stop) {
		t.Fatalf("no decision: %v", err)
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.PostForm(a.srv.URL+regulatorPrefix+"/login", url.Values{"credential": {tok}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	size := a.s.log.Size()
	get := func(p string) (int, string) {
		resp, err := c.Get(a.srv.URL + regulatorPrefix + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := get("/logs/0/decisions/" + url.PathEscape(first.Leaf.DecisionID))
	if code != http.StatusOK || !strings.Contains(body, "recorded in the lender") || !strings.Contains(body, first.Payload.Subject) {
		t.Fatalf("sealed read on the service: %d\n%.600s", code, body)
	}
	var es []decisions.AccessEntry
	if _, _, err := a.s.dec.Accesses(ctx, 0, 0, func(e decisions.AccessEntry) error { es = append(es, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].Index != size || es[0].Access.Index != first.Index || es[0].Access.Reader != "Examiner" {
		t.Fatalf("access leaves: %+v (log was of size %d)", es, size)
	}
	if code, body := get("/logs/0/trail"); code != http.StatusOK || strings.Count(body, `<span class="pass">verified</span>`) != 1 {
		t.Errorf("trail page: %d\n%.600s", code, body)
	}
}
