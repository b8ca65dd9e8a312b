//go:build !js

package receiptcheck_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
)

// goCmd runs the go command for GOOS=js GOARCH=wasm in the module root.
func goCmd(t *testing.T, args ...string) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed: %v", err)
	}
	cmd := exec.Command(gobin, args...)
	cmd.Dir = receiptchecktest.ModuleRoot(t)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("GOOS=js GOARCH=wasm go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestBuildsForWasm: the verifier and its browser command build for
// GOOS=js GOARCH=wasm, and depend on nothing but the standard library,
// x/mod's note, transparency-dev/merkle and this module's receipt, record,
// verify, witness/cosig, explain and reproduce packages: no Pebble, no go-ethereum.
func TestBuildsForWasm(t *testing.T) {
	const mod = "github.com/glassbox-audit/glassbox/"
	allowed := map[string]bool{
		mod + "portal/receiptcheck": true, mod + "cmd/receiptwasm": true,
		mod + "auditlog/receipt": true, mod + "auditlog/record": true, mod + "auditlog/verify": true, mod + "auditlog/witness/cosig": true, mod + "explain": true, mod + "reproduce": true,
		"golang.org/x/mod/sumdb/note": true,
	}
	deps := strings.Fields(goCmd(t, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./cmd/receiptwasm"))
	if len(deps) < 2 {
		t.Fatalf("go list -deps listed %q", deps)
	}
	for _, p := range deps {
		if !allowed[p] && !strings.HasPrefix(p, "github.com/transparency-dev/merkle") {
			t.Errorf("the browser verifier depends on %s", p)
		}
	}
	goCmd(t, "build", "-o", filepath.Join(t.TempDir(), "receipt.wasm"), "./cmd/receiptwasm")
}
