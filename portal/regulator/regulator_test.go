package regulator_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestOverviewVerdicts: the good log's verdict passes with its three
// anchors; the forged log's fails and names the first bad checkpoint, the
// second anchored size (the rewritten decision is in the second batch).
func TestOverviewVerdicts(t *testing.T) {
	f := newFixture(t, nil)
	c := f.client(t)
	code, body := c.login(tokPublic)
	if code != http.StatusOK {
		t.Fatalf("login: %d\n%s", code, body)
	}
	if !strings.Contains(body, `id="log-0" data-verdict="pass"`) {
		t.Errorf("the good log's verdict is not pass:\n%s", body)
	}
	want := `id="log-1" data-verdict="fail" data-first-bad="` + itoa(f.forged.anchored[1]) + `"`
	if !strings.Contains(body, want) {
		t.Errorf("want %s in\n%s", want, body)
	}
}
