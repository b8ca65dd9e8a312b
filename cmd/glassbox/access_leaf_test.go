package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// TestCommandsAcceptAccessLeaves: a log holding access leaves (the
// regulator portal's record of a sealed read, record.KindAccess) is read
// by every command as before: `get`, `fairness` (the same report as before
// the access), `log verify`, `log export --payloads --counters` verified
// offline, and `tiles export`.
func TestCommandsAcceptAccessLeaves(t *testing.T) {
	ctx := context.Background()
	dir := sdkLogDir(t)
	fair := func() string {
		code, out, errs := runRecCLI(t, "", "fairness", "--dir", dir, "--model", "credit", "--by", "sex", "--json")
		if code != exitOK {
			t.Fatalf("fairness: exit %d %s", code, errs)
		}
		// The report names its checkpoint, which the access moves.
		return out[strings.Index(out, `"groups"`):]
	}
	before := fair()
	lg, err := auditlog.OpenDir(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	dopts, err := decisions.DirOptions(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	dl, err := decisions.Open(lg, dopts)
	if err != nil {
		t.Fatal(err)
	}
	st, err := dl.Get(ctx, "lend-3")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dl.RecordAccess(ctx, record.Access{DecisionID: "lend-3", Index: st.Index, Reader: "Examiner", What: "payload", Time: time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if _, err := lg.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}

	if code, out, errs := runRecCLI(t, "", "get", "--dir", dir, "--id", "lend-3"); code != exitOK || !strings.Contains(out, `"index":3`) {
		t.Errorf("get: exit %d %s %s", code, out, errs)
	}
	if code, out, errs := runRecCLI(t, "", "get", "--dir", dir, "--model", "credit", "--limit", "100"); code != exitOK || strings.Count(out, `"status"`) != 40 {
		t.Errorf("get --model: exit %d, %d records %s", code, strings.Count(out, `"status"`), errs)
	}
	if after := fair(); after != before {
		t.Errorf("fairness changed with an access leaf:\n%s\n%s", before, after)
	}
	if code, out, errs := runLogCLI(t, "", "verify", "--dir", dir); code != exitOK || !strings.Contains(out, `"tree_size":41`) {
		t.Errorf("log verify: exit %d %s %s", code, out, errs)
	}
	export := mustLog(t, nil, "", "export", "--dir", dir, "--payloads", "--counters")
	var ve logVerifyExportJSON
	mustLog(t, &ve, export, "verify", "--export", "-", "--log-key", filepath.Join(dir, auditlog.VerifierKeyFile))
	if !ve.OK || ve.Leaves != 41 {
		t.Errorf("export verify: %+v", ve)
	}
	if code, _, errs := runRecCLI(t, "", "tiles", "export", "--dir", dir, "--out", t.TempDir()); code != exitOK {
		t.Errorf("tiles export: exit %d %s", code, errs)
	}
}
