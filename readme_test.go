package glassbox_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// goBlock matches a fenced Go block of a Markdown file.
var goBlock = regexp.MustCompile("(?ms)^```go\n(.*?)^```")

// TestReadmeSnippetsCompile builds every Go block of the README as a
// program of this module, so that the README cannot drift from the API.
// Each block must be a whole file (package main). The files are placed
// in the module through a build overlay: nothing is written to the tree.
func TestReadmeSnippetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs with the go command; skipped with -short")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := goBlock.FindAllSubmatch(readme, -1)
	if len(blocks) == 0 {
		t.Fatal("README.md has no Go block: its API example is missing")
	}
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for i, b := range blocks {
		src := string(b[1])
		if !strings.HasPrefix(src, "package main\n") {
			t.Errorf("README Go block %d is not a whole program (it must start with \"package main\")", i+1)
			continue
		}
		file := filepath.Join(tmp, "snippet.go")
		if err := os.WriteFile(file, b[1], 0o644); err != nil {
			t.Fatal(err)
		}
		// A path inside the module that does not exist on disk.
		virtual := filepath.Join(root, "internal", "readmesnippet", "main.go")
		overlay, _ := json.Marshal(map[string]any{"Replace": map[string]string{virtual: file}})
		ov := filepath.Join(tmp, "overlay.json")
		if err := os.WriteFile(ov, overlay, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "build", "-overlay", ov, "-o", os.DevNull, "./internal/readmesnippet")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("README Go block %d does not build: %v\n%s", i+1, err, out)
		}
	}
}
