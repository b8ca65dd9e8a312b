package explain

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

var updateCanonical = flag.Bool("update-canonical", false, "rewrite testdata/canonical.json from this platform's results")

const canonicalFile = "testdata/canonical.json"

// canonicalDigests hashes the exact bits of everything a re-execution
// compares: for each vector set, every row's margins, predictions, base,
// margin and per-feature contributions of every output; and exp and log on
// a fixed sample.
func canonicalDigests(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	put := func(h []byte, vs ...float64) []byte {
		for _, v := range vs {
			h = binary.BigEndian.AppendUint64(h, math.Float64bits(v))
		}
		return h
	}
	for _, name := range vectorSets {
		m, _, rows := loadVectors(t, name)
		e := m.NewExplainer()
		phi := make([]float64, m.NumFeature())
		var b []byte
		for _, row := range rows {
			margins, err := m.Margin(row, nil)
			if err != nil {
				t.Fatal(err)
			}
			preds, err := m.Predict(row, nil)
			if err != nil {
				t.Fatal(err)
			}
			b = put(b, margins...)
			b = put(b, preds...)
			for c := range m.NumOutput() {
				base, margin, err := e.Contributions(row, c, phi)
				if err != nil {
					t.Fatal(err)
				}
				b = put(put(b, base, margin), phi...)
			}
		}
		s := sha256.Sum256(b)
		out[name] = hex.EncodeToString(s[:])
	}
	r := rand.New(rand.NewPCG(1, 1))
	var b []byte
	for range 100000 {
		x := (r.Float64() - 0.5) * 1400
		b = put(b, exp(x), log(math.Abs(x)), Sigmoid(x/20))
	}
	s := sha256.Sum256(b)
	out["exp-log-sigmoid"] = hex.EncodeToString(s[:])
	return out
}

// TestCanonicalVectors: scores, explanations, exp and log come out with
// exactly the bits committed in testdata/canonical.json. The file was
// written on linux/amd64 (-update-canonical); TestCanonicalOnOtherPlatforms
// runs this test compiled for WebAssembly and arm64, whose compilers fuse
// or call differently.
func TestCanonicalVectors(t *testing.T) {
	got := canonicalDigests(t)
	if *updateCanonical {
		b, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(canonicalFile, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(canonicalFile)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]string
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if len(want) != len(got) {
		t.Errorf("%s has %d digests, this run made %d", canonicalFile, len(want), len(got))
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s on %s/%s: the bits differ from the committed ones (%s, want %s)", k, runtime.GOOS, runtime.GOARCH, got[k][:16], w[:16])
		}
	}
}

// TestCanonicalOnOtherPlatforms compiles this package's tests for
// js/wasm (run by node, as in a browser) and linux/arm64 (whose compiler
// fuses multiply-adds; run by qemu user emulation) and runs
// TestCanonicalVectors there. A platform whose runner is not installed is
// skipped, saying which (bash scripts/setup installs both).
func TestCanonicalOnOtherPlatforms(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the tests on other platforms; not in -short")
	}
	gr, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	goroot := strings.TrimSpace(string(gr))
	targets := []struct {
		name, goos, goarch string
		runner             []string
	}{
		{"js-wasm", "js", "wasm", []string{"node", filepath.Join(goroot, "lib", "wasm", "wasm_exec_node.js")}},
		{"linux-arm64", "linux", "arm64", []string{"qemu-aarch64-static"}},
	}
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			runner := tg.runner
			if _, err := exec.LookPath(runner[0]); err != nil {
				if tg.goarch == "arm64" {
					if _, err2 := exec.LookPath("qemu-aarch64"); err2 == nil {
						runner = []string{"qemu-aarch64"}
					}
				}
				if _, err := exec.LookPath(runner[0]); err != nil {
					t.Skipf("%s is not installed (bash scripts/setup installs it): %s is not checked", runner[0], tg.name)
				}
			}
			bin := filepath.Join(t.TempDir(), "explain.test")
			build := exec.Command("go", "test", "-c", "-o", bin, ".")
			build.Env = append(os.Environ(), "GOOS="+tg.goos, "GOARCH="+tg.goarch, "CGO_ENABLED=0")
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("go test -c for %s: %v\n%s", tg.name, err, out)
			}
			run := exec.Command(runner[0], append(runner[1:], bin, "-test.run", "^TestCanonicalVectors$", "-test.v")...)
			out, err := run.CombinedOutput()
			if err != nil || !strings.Contains(string(out), "--- PASS: TestCanonicalVectors") {
				t.Fatalf("TestCanonicalVectors on %s: %v\n%s", tg.name, err, out)
			}
			t.Logf("%s: the same bits as linux/amd64", tg.name)
		})
	}
}

// TestNoFusedMultiplyAdd compiles this package for arm64, whose compiler
// fuses x*y + z when it may, and checks that the assembly holds no fused
// multiply-add: every product that is added is rounded first (exp.go).
// Before the products were rounded it held 11.
func TestNoFusedMultiplyAdd(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the package for arm64; not in -short")
	}
	cmd := exec.Command("go", "build", "-gcflags=-S", "-o", os.DevNull, ".")
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=arm64", "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go build for arm64: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "FMULD") {
		t.Fatal("the arm64 assembly has no FMULD at all: the listing is not what this test expects")
	}
	for _, line := range strings.Split(string(out), "\n") {
		for _, op := range []string{"FMADDD", "FMSUBD", "FNMADDD", "FNMSUBD"} {
			if strings.Contains(line, "\t"+op+"\t") {
				t.Errorf("fused multiply-add in the arm64 code: %s", strings.TrimSpace(line))
			}
		}
	}
}
