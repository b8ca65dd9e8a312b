package offline

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

var update = flag.Bool("update", false, "rewrite testdata/ from the tlog reference log")

// vector is one file of testdata/ and what Verify must say of it.
type vector struct {
	File  string `json:"file"`
	Error string `json:"error"` // "" for a good export; else the sentinel's text
	Line  int    `json:"line"`  // the failing line; 0 for a LeavesError or none
}

// sentinels are the errors a vector may name.
var sentinels = map[string]error{
	ErrMalformed.Error():           ErrMalformed,
	ErrMismatch.Error():            ErrMismatch,
	ErrTruncated.Error():           ErrTruncated,
	ErrTrailingData.Error():        ErrTrailingData,
	verify.ErrProof.Error():        verify.ErrProof,
	verify.ErrBadSignature.Error(): verify.ErrBadSignature,
}

// makeVectors builds the vectors: exports of the tlog reference log, good
// and tampered, with the key that verifies them.
func makeVectors(t *testing.T) (map[string][]byte, []vector) {
	r := newRef(t, 20)
	full := r.export(t, fullSpec())
	part := r.export(t, spec{size: 13, from: 5, to: 9, checkpoints: []uint64{4, 8}})
	ls := lines(full)
	other, _ := testKey(t, refOrigin, "o")
	badProof := r.consistency(t, 4, 13)
	badProof[0][0] ^= 1
	files := map[string][]byte{
		"verifier.key":            []byte(verifierKey(t) + "\n"),
		"good-full.jsonl":         full,
		"good-partial.jsonl":      part,
		"good-empty-tree.jsonl":   r.export(t, spec{size: 0}),
		"leaf-changed.jsonl":      withLeaf(t, full, 5, []byte("a different leaf 5")),
		"leaf-dropped.jsonl":      join(append(append([][]byte{}, ls[:10]...), ls[11:]...)),
		"leaves-reordered.jsonl":  join(append(append(append([][]byte{}, ls[:10]...), ls[11], ls[10]), ls[12:]...)),
		"forged-checkpoint.jsonl": replaceLine(full, 2, line(t, wireCheckpointOf(ptr(r.sign(t, 4, other)), r.consistency(t, 4, 13)))),
		"bad-consistency.jsonl":   replaceLine(full, 2, line(t, wireCheckpointOf(ptr(r.sign(t, 4, r.signer)), badProof))),
		"trailing-garbage.jsonl":  append(bytes.Clone(full), "{}\n"...),
		"duplicate-key.jsonl":     bytes.Replace(full, []byte(`{"type":"leaf","index":4,`), []byte(`{"type":"leaf","index":4,"index":4,`), 1),
		"truncated.jsonl":         join(ls[:20]),
	}
	vs := []vector{
		{"good-full.jsonl", "", 0},
		{"good-partial.jsonl", "", 0},
		{"good-empty-tree.jsonl", "", 0},
		{"leaf-changed.jsonl", verify.ErrProof.Error(), 0},
		{"leaf-dropped.jsonl", ErrMismatch.Error(), 11},
		{"leaves-reordered.jsonl", ErrMismatch.Error(), 11},
		{"forged-checkpoint.jsonl", verify.ErrBadSignature.Error(), 2},
		{"bad-consistency.jsonl", verify.ErrProof.Error(), 2},
		{"trailing-garbage.jsonl", ErrTrailingData.Error(), 26},
		{"duplicate-key.jsonl", ErrMalformed.Error(), 10},
		{"truncated.jsonl", ErrTruncated.Error(), 21},
	}
	return files, vs
}

func verifierKey(t *testing.T) string {
	_, vkey, err := noteKeys(refOrigin, "r")
	must(t, err)
	return vkey
}

// TestVectors: the vectors in testdata/ (made with go test -update from
// the tlog reference log) verify or fail as vectors.json says, and are
// what the reference log gives today.
func TestVectors(t *testing.T) {
	files, vs := makeVectors(t)
	if *update {
		must(t, os.MkdirAll("testdata", 0o755))
		for name, b := range files {
			must(t, os.WriteFile(filepath.Join("testdata", name), b, 0o644))
		}
		b, err := json.MarshalIndent(vs, "", "  ")
		must(t, err)
		must(t, os.WriteFile(filepath.Join("testdata", "vectors.json"), append(b, '\n'), 0o644))
	}
	var stored []vector
	b, err := os.ReadFile(filepath.Join("testdata", "vectors.json"))
	must(t, err)
	must(t, json.Unmarshal(b, &stored))
	if len(stored) != len(vs) {
		t.Fatalf("testdata has %d vectors, the generator %d: run go test -update", len(stored), len(vs))
	}
	key, err := os.ReadFile(filepath.Join("testdata", "verifier.key"))
	must(t, err)
	v, err := note.NewVerifier(string(bytes.TrimSpace(key)))
	must(t, err)
	for i, vec := range stored {
		if vec != vs[i] {
			t.Errorf("vector %d is %+v, the generator says %+v", i, vec, vs[i])
		}
		data, err := os.ReadFile(filepath.Join("testdata", vec.File))
		must(t, err)
		if !bytes.Equal(data, files[vec.File]) {
			t.Errorf("%s differs from what the generator makes: run go test -update", vec.File)
		}
		_, err = Verify(bytes.NewReader(data), v, nil)
		if vec.Error == "" {
			if err != nil {
				t.Errorf("%s: %v", vec.File, err)
			}
			continue
		}
		want := sentinels[vec.Error]
		var le *LineError
		var lv *LeavesError
		switch {
		case want == nil:
			t.Errorf("%s: unknown error %q in vectors.json", vec.File, vec.Error)
		case !errors.Is(err, want):
			t.Errorf("%s: %v, want %v", vec.File, err, want)
		case vec.Line == 0 && !errors.As(err, &lv):
			t.Errorf("%s: %v, want a *LeavesError", vec.File, err)
		case vec.Line != 0 && (!errors.As(err, &le) || le.Line != vec.Line):
			t.Errorf("%s: %v, want line %d", vec.File, err, vec.Line)
		}
	}
}
