package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// fairnessTestLog writes a log of 200 decisions (and outcomes for half) with
// a signer key file, and returns the flags that name it.
func fairnessTestLog(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "log")
	skey, _, err := note.GenerateKey(rand.Reader, "example.org/cli-fairness")
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(t.TempDir(), "log.key")
	if err := os.WriteFile(keyFile, []byte(skey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	lg, err := auditlog.Open(dir, &auditlog.Options{Signer: signer})
	if err != nil {
		t.Fatal(err)
	}
	l, err := decisions.Open(lg, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	t0 := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var ds []record.Decision
	for i := 0; i < 200; i++ {
		sex := []string{"female", "male"}[i%2]
		label := "decline"
		if i%5 < 2+i%2 { // female 40%, male 60%
			label = "approve"
		}
		ds = append(ds, record.Decision{
			ID: fmt.Sprintf("d-%d", i), Time: t0.Add(time.Duration(i) * time.Hour), Subject: fmt.Sprintf("s-%d", i),
			Model:  record.Model{Name: "credit", Version: "1.0", ArtifactDigest: record.Digest{1}},
			Inputs: []record.Feature{{Name: "income", Value: record.Number(float64(i))}},
			Output: record.Output{Label: label, Score: 0.5},
			Groups: []record.Attr{{Name: "age_band", Value: []string{"18-29", "30+"}[(i/2)%2]}, {Name: "sex", Value: sex}},
		})
	}
	if _, err := l.AppendBatch(ctx, ds); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i += 2 {
		if _, err := l.AppendOutcome(ctx, record.Outcome{DecisionID: fmt.Sprintf("d-%d", i), Time: t0.Add(1000 * time.Hour), Label: []string{"repaid", "default"}[(i/2)%2]}); err != nil {
			t.Fatal(err)
		}
	}
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}
	return []string{"--dir", dir, "--key", keyFile}
}

func TestFairnessCLI(t *testing.T) {
	logArgs := fairnessTestLog(t)
	fair := func(args ...string) (int, string, string) {
		return runRecCLI(t, "", append(append([]string{"fairness"}, logArgs...), args...)...)
	}

	code, out, stderr := fair("--model", "credit", "--by", "sex", "--json", "--replicates", "100")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		Source     string `json:"source"`
		Decisions  int    `json:"decisions"`
		Checkpoint struct {
			Size uint64 `json:"tree_size"`
			Root string `json:"root"`
			Note string `json:"note"`
		} `json:"checkpoint"`
		Metrics struct {
			Groups []struct {
				Label         string `json:"label"`
				Count         int    `json:"count"`
				SelectionRate struct {
					Value float64 `json:"value"`
				} `json:"selection_rate"`
			} `json:"groups"`
			DemographicParity struct {
				Difference struct {
					Value float64 `json:"value"`
					CI    struct{ Lo, Hi float64 }
				} `json:"difference"`
			} `json:"demographic_parity"`
		} `json:"metrics"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r.Source != "counters" || r.Decisions != 200 || r.Checkpoint.Size != 300 || r.Checkpoint.Note == "" || len(r.Metrics.Groups) != 2 {
		t.Fatalf("report %+v", r)
	}
	if g := r.Metrics.Groups; g[0].Label != "sex=female" || g[0].SelectionRate.Value != 0.4 || g[1].SelectionRate.Value != 0.6 || g[0].Count != 100 {
		t.Errorf("groups %+v", g)
	}
	if d := r.Metrics.DemographicParity.Difference; d.Value < 0.2-1e-12 || d.Value > 0.2+1e-12 || d.CI.Lo >= d.Value || d.CI.Hi <= d.Value {
		t.Errorf("demographic parity difference %+v", d)
	}

	// The scan gives the same report.
	code, out2, stderr := fair("--model", "credit", "--by", "sex", "--json", "--replicates", "100", "--scan")
	if code != exitOK {
		t.Fatalf("scan: exit %d: %s", code, stderr)
	}
	if strings.Replace(out2, `"source":"scan"`, `"source":"counters"`, 1) != out {
		t.Errorf("scan and counters differ:\n%s\n%s", out, out2)
	}

	// Tables by default, with outcomes, intersectional groups and a series.
	code, out, stderr = fair("--model", "credit", "--by", "sex,age_band", "--outcomes", "--window", "week", "--reference", "male,30+")
	if code != exitOK {
		t.Fatalf("text: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"tree size 300", "sex=female, age_band=18-29", "Reference group: sex=male, age_band=30+ (given)", "equalized odds (worst case)", "Series by week", "2026-W45"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}

	// Bad usage and bad input: exit 2 with a message naming the problem.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--model", "credit"}, "usage"},
		{[]string{"--by", "sex", "--window", "month"}, "window"},
		{[]string{"--by", "sex", "--from", "yesterday"}, "--from"},
		{[]string{"--by", "sex", "--from", "2026-11-02T10:00:00Z"}, "midnight UTC"},
		{[]string{"--by", "sex", "--reference", "other"}, "no group sex=other"},
		{[]string{"--by", "sex", "--version", "1.0"}, "version without a model"},
		{[]string{"--by", "sex", "--confidence", "2"}, "confidence"},
		{[]string{"--by", "sex", "--bogus"}, "bogus"},
		// Names the log does not know are errors, not empty reports.
		{[]string{"--model", "nosuch", "--by", "sex"}, `no decision of model "nosuch" (models: "credit")`},
		{[]string{"--model", "credit", "--version", "9", "--by", "sex"}, `version "9" (versions: "1.0")`},
		{[]string{"--by", "colour"}, `group attribute "colour" (attributes: "age_band", "sex")`},
		{[]string{"--by", "sex,colour", "--scan"}, `group attribute "colour"`},
	} {
		code, _, stderr := fair(c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
	// A directory that is not a log is refused without creating anything.
	missing := filepath.Join(t.TempDir(), "nothing")
	code, _, stderr = runRecCLI(t, "", "fairness", "--dir", missing, "--key", logArgs[3], "--by", "sex")
	if code != exitUsage || !strings.Contains(stderr, "no log here") {
		t.Errorf("a missing log: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("the missing log directory was created: %v", err)
	}
}
