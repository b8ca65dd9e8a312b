package offline

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportsStayMinimal: the verifier builds from the standard library,
// x/mod's note, transparency-dev/merkle, package verify and package record
// (for its counter cell; record needs only package explain) only, so that a
// regulator checks an export without a database or a chain client.
func TestImportsStayMinimal(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list imports: %v", err)
	}
	out, err := exec.Command(gobin, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	allowed := []string{
		"github.com/glassbox-audit/glassbox/auditlog/export/offline",
		"github.com/glassbox-audit/glassbox/auditlog/verify",
		"github.com/glassbox-audit/glassbox/auditlog/record",
		"github.com/glassbox-audit/glassbox/explain",
		"golang.org/x/mod/sumdb/note",
		"github.com/transparency-dev/merkle",
		"github.com/transparency-dev/merkle/compact",
		"github.com/transparency-dev/merkle/proof",
		"github.com/transparency-dev/merkle/rfc6962",
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 {
		t.Fatal("go list -deps listed nothing")
	}
next:
	for _, p := range deps {
		for _, a := range allowed {
			if p == a {
				continue next
			}
		}
		t.Errorf("package offline depends on %s: it may use only the standard library, x/mod's note, transparency-dev/merkle, auditlog/verify and auditlog/record", p)
	}
}
