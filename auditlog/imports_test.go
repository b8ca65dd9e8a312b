package auditlog

import (
	"os/exec"
	"strings"
	"testing"
)

// TestEngineKnowsNoLayerAbove: the engine depends on no package of this
// module but its own verifier; decisions, records, receipts, anchoring,
// fairness and the command line are layers above it.
func TestEngineKnowsNoLayerAbove(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list imports: %v", err)
	}
	out, err := exec.Command(gobin, "list", "-deps", "-f", "{{.ImportPath}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps .: %v", err)
	}
	const module = "github.com/glassbox-audit/glassbox/"
	// internal/pebbletune is the tests' hook into Pebble's options, below
	// the engine (it imports only Pebble).
	allowed := map[string]bool{module + "auditlog": true, module + "auditlog/verify": true, module + "internal/pebbletune": true}
	n := 0
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, module) {
			n++
			if !allowed[p] {
				t.Errorf("package auditlog depends on %s, a layer above the engine", p)
			}
		}
	}
	if n != len(allowed) {
		t.Fatalf("go list -deps listed %d of the module's packages, want %d: %s", n, len(allowed), out)
	}
}
