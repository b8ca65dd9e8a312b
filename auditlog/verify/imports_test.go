package verify_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// allowedRoots are the only modules outside the standard library package
// verify may depend on (with whatever they import themselves): outside
// verifiers build it without a database or a chain client.
var allowedRoots = []string{
	"golang.org/x/mod/sumdb/note",
	"github.com/transparency-dev/merkle/proof",
	"github.com/transparency-dev/merkle/rfc6962",
}

// nonStdDeps lists the packages outside the standard library that pkgs
// import, directly or not, including pkgs themselves.
func nonStdDeps(t *testing.T, pkgs ...string) []string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list imports: %v", err)
	}
	args := append([]string{"list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}"}, pkgs...)
	out, err := exec.Command(gobin, args...).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return strings.Fields(string(out))
}

func TestImportsStayMinimal(t *testing.T) {
	const self = "github.com/glassbox-audit/glassbox/auditlog/verify"
	deps := nonStdDeps(t, ".")
	if !slices.Contains(deps, self) {
		t.Fatalf("go list -deps . did not list %s itself: %q", self, deps)
	}
	allowed := map[string]bool{self: true}
	for _, p := range nonStdDeps(t, allowedRoots...) {
		allowed[p] = true
	}
	for _, p := range deps {
		if strings.Contains(p, "cockroachdb/pebble") || strings.Contains(p, "ethereum/go-ethereum") {
			t.Errorf("package verify depends on %s: outside verifiers must not need a database or a chain client", p)
		} else if !allowed[p] {
			t.Errorf("package verify depends on %s, which is neither the standard library, x/mod's note nor transparency-dev/merkle's proof code", p)
		}
	}
}
