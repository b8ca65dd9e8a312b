package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// glassbox fairness with several --dir: one report over both logs'
// counters, naming each log's checkpoint; its decisions are the sum of the
// per-log reports'; the same log twice is refused.
func TestFairnessMerged(t *testing.T) {
	line := strings.SplitN(cliDecisions, "\n", 2)[0]
	var dirs []string
	for i, n := range []int{6, 9} {
		d := filepath.Join(t.TempDir(), "log")
		if code, _, errs := runRecCLI(t, "", "log", "init", "--dir", d, "--origin", fmt.Sprintf("example.org/merged-%d", i)); code != exitOK {
			t.Fatalf("log init: %s", errs)
		}
		var in strings.Builder
		for k := range n {
			in.WriteString(strings.Replace(line, `"id":"d-1"`, fmt.Sprintf(`"id":"d-%d"`, k), 1) + "\n")
		}
		if code, _, errs := runRecCLI(t, in.String(), "append", "--dir", d); code != exitOK {
			t.Fatalf("append: %s", errs)
		}
		dirs = append(dirs, d)
	}
	type rep struct {
		Decisions   uint64 `json:"decisions"`
		Checkpoints []struct {
			Origin string `json:"origin"`
			Size   uint64 `json:"tree_size"`
		} `json:"checkpoints"`
		Checkpoint *struct{} `json:"checkpoint"`
	}
	report := func(args ...string) rep {
		t.Helper()
		code, out, errs := runRecCLI(t, "", append([]string{"fairness", "--by", "sex", "--json", "--replicates", "0"}, args...)...)
		if code != exitOK {
			t.Fatalf("fairness %v: exit %d %s", args, code, errs)
		}
		var r rep
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	a, b := report("--dir", dirs[0]), report("--dir", dirs[1])
	m := report("--dir", dirs[0], "--dir", dirs[1])
	if m.Decisions != a.Decisions+b.Decisions || m.Decisions != 15 || m.Checkpoint != nil || len(m.Checkpoints) != 2 ||
		m.Checkpoints[0].Origin != "example.org/merged-0" || m.Checkpoints[1].Size != 9 {
		t.Fatalf("merged %+v; per log %d + %d", m, a.Decisions, b.Decisions)
	}
	code, out, _ := runRecCLI(t, "", "fairness", "--by", "sex", "--replicates", "0", "--dir", dirs[0], "--dir", dirs[1])
	if code != exitOK || !strings.Contains(out, "merged over 2 logs") || !strings.Contains(out, "example.org/merged-1, tree size 9") {
		t.Fatalf("text: %d %s", code, out)
	}
	if code, _, errs := runRecCLI(t, "", "fairness", "--by", "sex", "--dir", dirs[0], "--dir", dirs[0]); code != exitUsage || !strings.Contains(errs, "twice") {
		t.Fatalf("the same log twice: %d %s", code, errs)
	}
}
