package fairness

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLinksNoDatabase: package fairness computes reports from the
// CountSource and DecisionSource interfaces and links neither Pebble nor
// the log; fairness/fairnesslog adapts a decisions log to them.
func TestLinksNoDatabase(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list imports: %v", err)
	}
	out, err := exec.Command(gobin, "list", "-deps", "-f", "{{.ImportPath}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps .: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 || deps[len(deps)-1] != "github.com/glassbox-audit/glassbox/fairness" {
		t.Fatalf("go list -deps . did not end with the package itself: %q", deps)
	}
	for _, p := range deps {
		if strings.Contains(p, "cockroachdb/pebble") || p == "github.com/glassbox-audit/glassbox/auditlog" || strings.HasPrefix(p, "github.com/glassbox-audit/glassbox/auditlog/decisions") {
			t.Errorf("package fairness depends on %s", p)
		}
	}
}
