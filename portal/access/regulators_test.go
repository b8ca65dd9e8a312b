package access_test

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/portal/access"
)

// TestRegulators: a configured credential returns its regulator and
// scope; an unknown, empty or too long one is refused; bad configurations
// (short token, no name) are refused naming why.
func TestRegulators(t *testing.T) {
	tok := access.NewToken()
	r, err := access.NewRegulators(map[string]access.Regulator{
		tok: {Name: "Examiner", Scope: access.Scope{Logs: []string{"a"}, Models: []string{}, Sealed: true}},
	})
	if err != nil {
		t.Fatal(err)
	}
	reg, err := r.Authenticate(tok)
	if err != nil || reg.Name != "Examiner" || !reg.Scope.Sealed {
		t.Fatalf("%+v %v", reg, err)
	}
	if !reg.Scope.AllowsLog("a") || reg.Scope.AllowsLog("b") || reg.Scope.AllowsModel("m") {
		t.Errorf("scope %+v", reg.Scope)
	}
	if !(access.Scope{}).AllowsModel("any") || !(access.Scope{}).AllowsLog("any") {
		t.Error("a nil list does not allow everything")
	}
	for tok, want := range map[string]error{"": access.ErrNoCredentials, access.NewToken(): access.ErrBadCredentials, strings.Repeat("x", 300): access.ErrBadCredentials} {
		if _, err := r.Authenticate(tok); !errors.Is(err, want) {
			t.Errorf("Authenticate(%.10q): %v, want %v", tok, err, want)
		}
	}
	for name, creds := range map[string]map[string]access.Regulator{
		"short": {"short": {Name: "x"}},
		"name":  {access.NewToken(): {}},
	} {
		if _, err := access.NewRegulators(creds); !errors.Is(err, access.ErrConfig) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestSessions: a session lives for its TTL and no longer; an ended or
// unknown id is ErrNoSession; an expired one ErrSessionExpired, then
// forgotten. Safe for concurrent use (run with -race).
func TestSessions(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	s, err := access.NewSessions(&access.SessionOptions{TTL: time.Minute, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	id, ses := s.Start(access.Regulator{Name: "R"})
	if len(id) != 43 || !ses.Expires.Equal(now.Add(time.Minute)) {
		t.Fatalf("id %q, session %+v", id, ses)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got, err := s.Get(id); err != nil || got.Regulator.Name != "R" {
				t.Errorf("%+v %v", got, err)
			}
		})
	}
	wg.Wait()
	mu.Lock()
	now = now.Add(time.Minute)
	mu.Unlock()
	if _, err := s.Get(id); !errors.Is(err, access.ErrSessionExpired) {
		t.Errorf("at expiry: %v", err)
	}
	if _, err := s.Get(id); !errors.Is(err, access.ErrNoSession) {
		t.Errorf("after expiry: %v", err)
	}
	id2, _ := s.Start(access.Regulator{Name: "R"})
	s.End(id2)
	if _, err := s.Get(id2); !errors.Is(err, access.ErrNoSession) {
		t.Errorf("after End: %v", err)
	}
	if _, err := access.NewSessions(&access.SessionOptions{TTL: -time.Second}); !errors.Is(err, access.ErrConfig) {
		t.Errorf("negative TTL: %v", err)
	}
}

// TestParseRegulators: a regulators file gives its credentials and
// scopes; an unknown field, a repeated key or token, trailing data and a
// short token are refused.
func TestParseRegulators(t *testing.T) {
	tok := access.NewToken()
	m, err := access.ParseRegulators(strings.NewReader(`{"regulators":[{"token":"` + tok + `","name":"Examiner","scope":{"logs":["a"],"sealed":true}}]}`))
	if err != nil || len(m) != 1 || m[tok].Name != "Examiner" || !m[tok].Scope.Sealed || !m[tok].Scope.AllowsLog("a") || m[tok].Scope.AllowsLog("b") {
		t.Fatalf("ParseRegulators: %+v %v", m, err)
	}
	if _, err := access.NewRegulators(m); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{
		`{"regulators":[{"token":"` + tok + `","name":"E","extra":1}]}`,
		`{"regulators":[{"token":"` + tok + `","name":"E","name":"F"}]}`,
		`{"regulators":[{"token":"` + tok + `","name":"E"},{"token":"` + tok + `","name":"F"}]}`,
		`{"regulators":[]} x`,
	} {
		if _, err := access.ParseRegulators(strings.NewReader(bad)); !errors.Is(err, access.ErrConfig) {
			t.Errorf("%s: %v, want access.ErrConfig", bad, err)
		}
	}
	m, _ = access.ParseRegulators(strings.NewReader(`{"regulators":[{"token":"short","name":"E"}]}`))
	if _, err := access.NewRegulators(m); !errors.Is(err, access.ErrConfig) {
		t.Errorf("a short token: %v", err)
	}
}
