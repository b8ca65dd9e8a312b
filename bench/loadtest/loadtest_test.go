package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/portal/access"
)

const applicantsCSV = "../../examples/lending/model/applicants.csv"

func TestParseApplicants(t *testing.T) {
	apps, err := LoadApplicants(applicantsCSV)
	if err != nil {
		t.Fatal(err)
	}
	if len(apps) != 1000 {
		t.Fatalf("%d applicants, want the data set's 1000", len(apps))
	}
	var feats struct{ Features []string }
	b, err := os.ReadFile("../../examples/lending/model/features.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &feats); err != nil {
		t.Fatal(err)
	}
	a := apps[0]
	if a.Row != "A0001" || len(a.Features) != len(feats.Features) || a.Groups["sex"] != "male" || a.Groups["age_band"] != "35-49" {
		t.Fatalf("first applicant %+v: want A0001 with %d features, male, 35-49", a, len(feats.Features))
	}
	for _, f := range feats.Features {
		if _, ok := a.Features[f]; !ok {
			t.Errorf("feature %s missing", f)
		}
	}
	if *a.Features["Duration"] != 48 || *a.Features["Amount"] != 8858 {
		t.Errorf("Duration %v, Amount %v: want 48, 8858", *a.Features["Duration"], *a.Features["Amount"])
	}

	bs, err := newBodies("lt-x", apps, false)
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		ID, Subject string
		Features    map[string]*float64
		Groups      map[string]string
	}
	dec := json.NewDecoder(bytes.NewReader(bs.body(1001)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		t.Fatal(err)
	}
	if body.ID != "lt-x-1001" || body.Subject != "lt-x-1001-subject" || *body.Features["Duration"] != *apps[1].Features["Duration"] || body.Groups["sex"] != apps[1].Groups["sex"] {
		t.Errorf("body 1001 %+v: want applicant 1 as lt-x-1001", body)
	}
	rb, err := newBodies("lt-y", apps, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(rb.body(1002), &body); err != nil || body.ID != "lt-y-1002" || body.Subject != "A0003" {
		t.Errorf("row-subject body 1002: %+v, %v: want lt-y-1002 for subject A0003", body, err)
	}
	if _, err := ParseApplicants(strings.NewReader("applicant_id,Duration\nA1,x\n")); err == nil {
		t.Error("a non-number feature was accepted")
	}
}

// TestShortStep runs a short step against the service started in this
// test: every request is answered 2xx, the log grows by exactly the 2xx
// answers, and a request without the lender's token is refused.
func TestShortStep(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the lending service")
	}
	ctx := context.Background()
	var stderr bytes.Buffer
	l, err := StartLending(ctx, &LendingOptions{Stderr: &stderr})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := l.Close(); err != nil {
			t.Errorf("closing the service: %v\n%s", err, stderr.String())
		}
	}()
	apps, err := LoadApplicants(applicantsCSV)
	if err != nil {
		t.Fatal(err)
	}

	before, err := TreeSize(ctx, l.URL, l.Tokens[access.RoleMetrics])
	if err != nil {
		t.Fatal(err)
	}
	goroutines := runtime.NumGoroutine()
	res, err := Run(ctx, &Options{
		Target: l.URL, Token: l.Tokens[access.RoleLender], Applicants: apps,
		Start: 50, Max: 50, Duration: time.Second, Warmup: -1,
		P99:    time.Hour, // latency is not what this test checks
		Sample: l.Sample,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 1 || res.Warmup != nil {
		t.Fatalf("%d steps, warm-up %v: want one step, no warm-up", len(res.Steps), res.Warmup)
	}
	st := res.Steps[0]
	if st.Requests == 0 || uint64(st.Codes2xx()) != st.Requests || st.Success != 1 {
		t.Fatalf("%d requests, status codes %v, errors %q: want every one 2xx", st.Requests, st.Codes, st.Errors)
	}
	if !st.Met || res.Best != 50 || res.Successes != st.Requests {
		t.Errorf("met %v (%s), best %d, successes %d: want met, 50, %d", st.Met, st.Why, res.Best, res.Successes, st.Requests)
	}
	sent := 0
	for _, sec := range st.Seconds {
		sent += sec.Requests
	}
	if sent != int(st.Requests) {
		t.Errorf("%d requests by second, %d in all", sent, st.Requests)
	}
	if st.Histogram == nil || st.Histogram.Total != st.Requests {
		t.Errorf("histogram %+v: want %d requests", st.Histogram, st.Requests)
	}
	if v := st.Service; v == nil || v.Commits == 0 || v.Commits > st.Requests || v.MeanBatch < 1 {
		t.Errorf("service stats %+v: want between 1 and %d commits of at least one decision", v, st.Requests)
	}
	after, err := TreeSize(ctx, l.URL, l.Tokens[access.RoleMetrics])
	if err != nil {
		t.Fatal(err)
	}
	if after-before != res.Successes {
		t.Errorf("the log grew from %d to %d: %d leaves for %d successful requests", before, after, after-before, res.Successes)
	}
	var text bytes.Buffer
	if err := WriteStep(&text, &st); err != nil {
		t.Fatal(err)
	}
	if err := WriteSummary(&text, res); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"step 50/s:", "success 100.00%", "[0s,", "highest rate that met the target", ": 50/s"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, text.String())
		}
	}
	if _, err := json.Marshal(res); err != nil {
		t.Errorf("JSON: %v", err)
	}
	// Run's attacker, workers and connections are gone.
	for i := 0; runtime.NumGoroutine() > goroutines && i < 500; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > goroutines {
		t.Errorf("%d goroutines after Run, %d before", n, goroutines)
	}

	// Authentication is on: no token is 401, another role's token 403.
	body := newTestBody(t, apps)
	for _, c := range []struct {
		token string
		want  int
	}{{"", http.StatusUnauthorized}, {l.Tokens[access.RoleMetrics], http.StatusForbidden}} {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.URL+"/v1/decisions", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		if c.token != "" {
			req.Header.Set("Authorization", "Bearer "+c.token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("POST /v1/decisions with token %q: %s, want %d", c.token, resp.Status, c.want)
		}
	}
	final, err := TreeSize(ctx, l.URL, l.Tokens[access.RoleMetrics])
	if err != nil {
		t.Fatal(err)
	}
	if final != after {
		t.Errorf("refused requests grew the log from %d to %d", after, final)
	}
}

func newTestBody(t *testing.T, apps []Applicant) []byte {
	t.Helper()
	b, err := newBodies("lt-refused", apps, false)
	if err != nil {
		t.Fatal(err)
	}
	return b.body(0)
}

func TestOptionsValidate(t *testing.T) {
	apps := []Applicant{{Row: "A1"}}
	for _, o := range []Options{
		{Token: "t", Applicants: apps},
		{Target: "http://x", Applicants: apps},
		{Target: "http://x", Token: "t"},
		{Target: "http://x", Token: "t", Applicants: apps, Start: 100, Max: 50},
		{Target: "http://x", Token: "t", Applicants: apps, MaxErrors: 2},
		{Target: "http://x", Token: "t", Applicants: apps, Step: -1},
	} {
		if _, err := Run(context.Background(), &o); err == nil {
			t.Errorf("Run accepted %+v", o)
		}
	}
}

func TestBaseline(t *testing.T) {
	const token = "baseline-token-baseline-token-baseline"
	b, err := StartBaseline(token)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	apps, err := LoadApplicants(applicantsCSV)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), &Options{
		Target: b.URL, Token: token, Applicants: apps,
		Start: 50, Max: 50, Duration: time.Second, Warmup: -1, P99: time.Hour,
	})
	if err != nil {
		t.Fatal(err)
	}
	if st := res.Steps[0]; st.Requests == 0 || uint64(st.Codes2xx()) != st.Requests || st.Service != nil {
		t.Errorf("%d requests, codes %v, service %v: want every one 2xx, no service stats", st.Requests, st.Codes, st.Service)
	}
	res, err = Run(context.Background(), &Options{
		Target: b.URL, Token: "not-" + token, Applicants: apps,
		Start: 10, Max: 10, Duration: time.Second, Warmup: -1, P99: time.Hour,
	})
	if err != nil {
		t.Fatal(err)
	}
	if st := res.Steps[0]; st.Met || st.Codes["401"] != int(st.Requests) || res.Best != 0 {
		t.Errorf("a wrong token: codes %v, met %v, best %d: want every one 401, not met", st.Codes, st.Met, res.Best)
	}
	var text bytes.Buffer
	if err := WriteComparison(&text, res, res); err != nil || !strings.Contains(text.String(), "baseline 0/s, service 0/s") {
		t.Errorf("comparison %q, %v", text.String(), err)
	}
}
