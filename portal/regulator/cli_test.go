package regulator_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
	"github.com/glassbox-audit/glassbox/portal/regulator"
)

// TestFairnessExportIsTheCLIOutput: the command itself, built from this
// module and run on a log directory, writes for `glassbox fairness --model
// M --by sex,age_band --window week --outcomes --json` exactly the bytes
// the portal's JSON export serves for the same query on that directory.
func TestFairnessExportIsTheCLIOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs cmd/glassbox (go build); TestFairnessMatchesCLI makes the same comparison in-process")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "log")
	const origin = "lender.example/glassbox/cli"
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
	ds := lendingDecisions(360, 3, false)
	if _, err := dec.AppendBatch(ctx, ds); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(ds); i += 2 {
		label := "repaid"
		if i%6 == 0 {
			label = "defaulted"
		}
		if _, err := dec.AppendOutcome(ctx, record.Outcome{DecisionID: ds[i].ID, Time: ds[i].Time.Add(1), Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := lg.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}

	bin := filepath.Join(t.TempDir(), "glassbox")
	build := exec.Command("go", "build", "-o", bin, "./cmd/glassbox")
	build.Dir = receiptchecktest.ModuleRoot(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/glassbox: %v\n%s", err, out)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, "fairness", "--dir", dir, "--model", modelName, "--by", "sex,age_band", "--window", "week", "--outcomes", "--json")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("glassbox fairness: %v\n%s", err, stderr.String())
	}

	lg, dec = open(false)
	defer lg.Close()
	regs, err := access.NewRegulators(map[string]access.Regulator{tokPublic: {Name: "R"}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := regulator.New(&regulator.Options{Logs: []regulator.Log{{Log: lg, Decisions: dec}}, Regulators: regs})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(url.Values{"credential": {tokPublic}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, req)
	req = httptest.NewRequest(http.MethodGet, "/logs/0/fairness?model="+modelName+"&by=sex,age_band&window=week&outcomes=1&format=json", nil)
	for _, c := range rec.Result().Cookies() {
		req.AddCookie(c)
	}
	rec = httptest.NewRecorder()
	p.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("export: %d %s", rec.Code, rec.Body.String())
	}
	if got, want := rec.Body.String(), stdout.String(); got != want {
		t.Fatalf("the portal's export differs from the CLI's output:\n got %.600s\nwant %.600s", got, want)
	}
	if !strings.Contains(stdout.String(), `"equal_opportunity"`) || !strings.Contains(stdout.String(), `"2026-W46"`) {
		t.Errorf("the report lacks outcomes or weeks: %.300s", stdout.String())
	}
}
