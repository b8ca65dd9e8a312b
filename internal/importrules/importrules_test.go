package importrules

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// A rule: pkg (relative to the module) must not link any package under the
// forbidden paths (a path, or a path relative to the module when it starts
// with "./"; each stands for itself and its subpackages). With direct, only
// pkg's own imports count.
type rule struct {
	pkg       string
	forbidden []string
	direct    bool
	// pending, when set, says why the rule does not hold yet on this
	// branch. The row is skipped while it fails, and fails once it holds.
	pending string
}

const (
	simulated = "github.com/ethereum/go-ethereum/ethclient/simulated"
	devChain  = "./registry/simchain"
	pebble    = "github.com/cockroachdb/pebble"
	ethereum  = "github.com/ethereum/go-ethereum"
)

// engineAbove are the layers above the log engine.
var engineAbove = []string{"./auditlog/decisions", "./anchor", "./registry", "./fairness", "./explain", "./cmd"}

var rules = []rule{
	{pkg: "registry", forbidden: []string{simulated, devChain}},
	{pkg: "anchor", forbidden: []string{simulated, devChain}},
	{pkg: "registry/desk", forbidden: []string{simulated, devChain}},
	{pkg: "portal/access", forbidden: []string{pebble, ethereum}},
	{pkg: "cmd/glassbox", forbidden: []string{simulated, devChain}},
	{pkg: "auditlog/verify", forbidden: []string{pebble, ethereum}},
	{pkg: "auditlog/receipt", forbidden: []string{pebble, ethereum}},
	{pkg: "auditlog/record", forbidden: []string{pebble, ethereum}},
	{pkg: "explain", forbidden: []string{pebble, ethereum}},
	{pkg: "reproduce", forbidden: []string{pebble, ethereum}},
	{pkg: "auditlog", forbidden: engineAbove},
	{pkg: "fairness", forbidden: []string{pebble}},
	{pkg: "auditlog/decisions", forbidden: []string{ethereum, "./anchor", "./registry", "./cmd"}},
	{pkg: "httpapi", forbidden: []string{ethereum, "./anchor", "./registry", "./cmd", "./examples"}},
}

// listed is what go list says of one package.
type listed struct {
	ImportPath string
	Imports    []string
	Error      *struct{ Err string }
}

func goList(t *testing.T, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("go", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// graph lists the given packages and everything they link, by import path.
func graph(t *testing.T, pkgs []string) map[string]listed {
	t.Helper()
	out := goList(t, append([]string{"list", "-e", "-deps", "-json=ImportPath,Imports,Error"}, pkgs...)...)
	g := map[string]listed{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listed
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			return g
		}
		if err != nil {
			t.Fatalf("decoding go list output: %v", err)
		}
		g[p.ImportPath] = p
	}
}

// under reports whether path is prefix or one of its subpackages.
func under(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

// chainTo returns the shortest import chain from root to a package under
// prefix, or nil if root links none.
func chainTo(g map[string]listed, root, prefix string) []string {
	parent := map[string]string{root: ""}
	queue := []string{root}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if under(p, prefix) {
			var chain []string
			for ; p != ""; p = parent[p] {
				chain = append([]string{p}, chain...)
			}
			return chain
		}
		for _, imp := range g[p].Imports {
			if _, seen := parent[imp]; !seen {
				parent[imp] = p
				queue = append(queue, imp)
			}
		}
	}
	return nil
}

func TestImportRules(t *testing.T) {
	module := strings.TrimSpace(string(goList(t, "list", "-m")))
	abs := func(p string) string {
		if rel, ok := strings.CutPrefix(p, "./"); ok {
			return module + "/" + rel
		}
		return p
	}
	var pkgs []string
	for _, r := range rules {
		pkgs = append(pkgs, module+"/"+r.pkg)
	}
	g := graph(t, pkgs)
	for _, r := range rules {
		name := r.pkg + "/links"
		if r.direct {
			name = r.pkg + "/imports"
		}
		t.Run(name, func(t *testing.T) {
			root := module + "/" + r.pkg
			p, ok := g[root]
			var problems []string
			switch {
			case !ok:
				problems = append(problems, "go list did not list "+root)
			case p.Error != nil:
				problems = append(problems, "go list: "+p.Error.Err)
			case r.direct:
				for _, f := range r.forbidden {
					for _, imp := range p.Imports {
						if under(imp, abs(f)) {
							problems = append(problems, r.pkg+" imports "+imp)
						}
					}
				}
			default:
				for _, f := range r.forbidden {
					if chain := chainTo(g, root, abs(f)); chain != nil {
						problems = append(problems, r.pkg+" links "+abs(f)+": "+strings.Join(chain, " -> "))
					}
				}
			}
			switch {
			case r.pending != "" && len(problems) > 0:
				t.Skipf("pending: %s\n%s", r.pending, strings.Join(problems, "\n"))
			case r.pending != "":
				t.Errorf("the pending rule for %s holds now: remove its pending field (%s)", r.pkg, r.pending)
			}
			for _, pr := range problems {
				t.Error(pr)
			}
		})
	}
}

// The chain search finds what a package links through others, and only
// under the prefix's path boundary.
func TestChainTo(t *testing.T) {
	g := map[string]listed{
		"a":         {ImportPath: "a", Imports: []string{"b", "x/yz"}},
		"b":         {ImportPath: "b", Imports: []string{"x/y/sub"}},
		"x/y/sub":   {ImportPath: "x/y/sub"},
		"x/yz":      {ImportPath: "x/yz"},
		"unrelated": {ImportPath: "unrelated", Imports: []string{"x/y"}},
	}
	if got := strings.Join(chainTo(g, "a", "x/y"), " "); got != "a b x/y/sub" {
		t.Errorf("chain a -> x/y: %q, want a b x/y/sub", got)
	}
	if got := chainTo(g, "b", "x/yz"); got != nil {
		t.Errorf("b does not link x/yz, got %q", got)
	}
	if got := chainTo(g, "a", "x/y/s"); got != nil {
		t.Errorf("x/y/sub is not under x/y/s, got %q", got)
	}
}
