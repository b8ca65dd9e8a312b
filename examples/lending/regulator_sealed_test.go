package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/httpapi"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/regulator"
)

// TestRegulatorSealedReadOnTheService: the service's --regulators mount is
// over its writable log, so a sealed read works there: the decision's page
// shows the payload and the read is an access leaf of the log, naming the
// regulator and the decision's leaf, listed with its inclusion verified.
// The page re-executes the decision with the shipped model: it reproduces;
// re-run with another artifact, the page says it does not and names the
// artifact (issue 16's part in the regulator's portal).
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
	if !strings.Contains(body, `data-result="reproduces"`) {
		t.Errorf("the decision does not reproduce on the service:\n%.3000s", body)
	}
	// Re-run with another artifact than the leaf's digest names: the page
	// says it does not reproduce and names the artifact.
	other := append(bytes.Clone(modelJSON), '\n')
	rp, err := regulator.New(&regulator.Options{
		Logs: []regulator.Log{{Log: a.s.log, Decisions: a.s.dec}}, Regulators: mustRegulators(t, regs),
		Artifacts: func(context.Context, [32]byte) ([]byte, error) { return other, nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(rp)
	defer srv.Close()
	jar2, _ := cookiejar.New(nil)
	c2 := &http.Client{Jar: jar2}
	if resp, err := c2.PostForm(srv.URL+"/login", url.Values{"credential": {tok}}); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
	}
	resp, err = c2.Get(srv.URL + "/logs/0/decisions/" + url.PathEscape(first.Leaf.DecisionID))
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b2), `data-result="differs" data-part="artifact"`) {
		t.Errorf("another artifact: the page does not name the artifact:\n%.3000s", b2)
	}
	size++ // that read was recorded too

	var es []decisions.AccessEntry
	if _, _, err := a.s.dec.Accesses(ctx, 0, 0, func(e decisions.AccessEntry) error { es = append(es, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].Index != size-1 || es[0].Access.Index != first.Index || es[0].Access.Reader != "Examiner" {
		t.Fatalf("access leaves: %+v (log was of size %d)", es, size)
	}
	if code, body := get("/logs/0/trail"); code != http.StatusOK || strings.Count(body, `<span class="pass">verified</span>`) != 2 {
		t.Errorf("trail page: %d\n%.600s", code, body)
	}
}

func mustRegulators(t *testing.T, file string) *access.Regulators {
	t.Helper()
	r, err := httpapi.LoadRegulators(file)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
