package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cockroachdb/pebble/v2"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog"
)

func runLogCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), &cliEnv{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, append([]string{"log"}, args...))
	return code, out.String(), errb.String()
}

// mustLog runs a log subcommand that must succeed and decodes its output.
func mustLog(t *testing.T, v any, stdin string, args ...string) string {
	t.Helper()
	code, out, errs := runLogCLI(t, stdin, args...)
	if code != exitOK {
		t.Fatalf("log %q: exit %d, stderr %q", args, code, errs)
	}
	if v != nil {
		if err := json.Unmarshal([]byte(out), v); err != nil {
			t.Fatalf("log %q: output %q: %v", args, out, err)
		}
	}
	return out
}

// refTree is an independent RFC 6962 tree: golang.org/x/mod/sumdb/tlog.
type refTree struct{ hashes []tlog.Hash }

func (r *refTree) ReadHashes(idx []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(idx))
	for i, x := range idx {
		out[i] = r.hashes[x]
	}
	return out, nil
}

func (r *refTree) add(t *testing.T, n int64, leaf []byte) {
	hs, err := tlog.StoredHashes(n, leaf, r)
	if err != nil {
		t.Fatal(err)
	}
	r.hashes = append(r.hashes, hs...)
}

func (r *refTree) root(t *testing.T, n int64) tlog.Hash {
	h, err := tlog.TreeHash(n, r)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func b64Hash(t *testing.T, s string) tlog.Hash {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != 32 {
		t.Fatalf("hash %q: %v", s, err)
	}
	return tlog.Hash(b)
}

func b64Hashes(t *testing.T, ss []string) []tlog.Hash {
	out := make([]tlog.Hash, len(ss))
	for i, s := range ss {
		out[i] = b64Hash(t, s)
	}
	return out
}

type cpOut struct {
	Origin   string `json:"origin"`
	TreeSize int64  `json:"tree_size"`
	Root     string `json:"root"`
	Note     string `json:"note"`
}

// initLog creates a log in a fresh directory and returns it and its
// verifier key.
func initLog(t *testing.T, origin string) (string, string) {
	dir := filepath.Join(t.TempDir(), "log")
	var in logInitJSON
	mustLog(t, &in, "", "init", "--dir", dir, "--origin", origin)
	if in.Origin != origin || !filepath.IsAbs(in.Dir) || !strings.HasPrefix(in.VerifierKey, origin+"+") {
		t.Fatalf("init output %+v", in)
	}
	st, err := os.Stat(filepath.Join(dir, auditlog.SignerKeyFile))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("signer key file: %v %v", st, err)
	}
	vk, err := os.ReadFile(filepath.Join(dir, auditlog.VerifierKeyFile))
	if err != nil || strings.TrimSpace(string(vk)) != in.VerifierKey {
		t.Fatalf("verifier key file %q: %v", vk, err)
	}
	return dir, in.VerifierKey
}

// TestLogCLI drives every subcommand over one log and checks roots and
// proofs against x/mod's tlog and signatures with note.Open.
func TestLogCLI(t *testing.T) {
	dir, vkey := initLog(t, "example.com/cli-log")
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	ref := &refTree{}
	var leaves [][]byte

	// Raw lines: a "\r" stays in the leaf, a last line needs no "\n".
	var ap logAppendJSON
	mustLog(t, &ap, "alpha\nbeta\r\n{\"json\": 1}\nlast", "append", "--dir", dir)
	leaves = append(leaves, []byte("alpha"), []byte("beta\r"), []byte(`{"json": 1}`), []byte("last"))
	if ap != (logAppendJSON{FirstIndex: 0, Count: 4, TreeSize: 4}) {
		t.Fatalf("append: %+v", ap)
	}
	// Base64 lines carry any bytes, newlines and NULs included.
	var bin bytes.Buffer
	for i := 0; i < 9; i++ {
		leaf := []byte{0, '\n', byte(i), 0xff}
		leaves = append(leaves, leaf)
		fmt.Fprintln(&bin, base64.StdEncoding.EncodeToString(leaf))
	}
	mustLog(t, &ap, bin.String(), "append", "--dir", dir, "--base64")
	if ap != (logAppendJSON{FirstIndex: 4, Count: 9, TreeSize: 13}) {
		t.Fatalf("append --base64: %+v", ap)
	}
	for i, l := range leaves {
		ref.add(t, int64(i), l)
	}

	// A checkpoint at 13: signed by the init key, root as tlog computes it.
	var cp cpOut
	mustLog(t, &cp, "", "checkpoint", "--dir", dir)
	n, err := note.Open([]byte(cp.Note), note.VerifierList(verifier))
	if err != nil {
		t.Fatalf("checkpoint note: %v", err)
	}
	want := fmt.Sprintf("example.com/cli-log\n13\n%s\n", base64.StdEncoding.EncodeToString(func() []byte { h := ref.root(t, 13); return h[:] }()))
	if n.Text != want || cp.TreeSize != 13 || cp.Origin != "example.com/cli-log" || b64Hash(t, cp.Root) != ref.root(t, 13) {
		t.Fatalf("checkpoint %+v, note text %q, want %q", cp, n.Text, want)
	}
	// Signing again at the same size returns the same checkpoint.
	var cp2 cpOut
	mustLog(t, &cp2, "", "checkpoint", "--dir", dir)
	if cp2 != cp {
		t.Fatalf("second checkpoint %+v differs from %+v", cp2, cp)
	}

	// Grow past the checkpoint: proofs default to the checkpoint's size.
	mustLog(t, &ap, "m\nn\no\n", "append", "--dir", dir)
	leaves = append(leaves, []byte("m"), []byte("n"), []byte("o"))
	for i := 13; i < 16; i++ {
		ref.add(t, int64(i), leaves[i])
	}

	type proofOut struct {
		Index    int64    `json:"index"`
		TreeSize int64    `json:"tree_size"`
		LeafHash string   `json:"leaf_hash"`
		Root     string   `json:"root"`
		Proof    []string `json:"proof"`
		Note     string   `json:"note"`
	}
	for _, size := range []int64{0, 1, 7, 13, 16} { // 0: the default
		for i := int64(0); i < max(size, 13); i++ {
			args := []string{"proof", "--dir", dir, "--index", fmt.Sprint(i)}
			tsize := int64(13)
			if size != 0 {
				args = append(args, "--size", fmt.Sprint(size))
				tsize = size
			}
			if i >= tsize {
				continue
			}
			var p proofOut
			mustLog(t, &p, "", args...)
			if p.Index != i || p.TreeSize != tsize || b64Hash(t, p.LeafHash) != tlog.RecordHash(leaves[i]) || b64Hash(t, p.Root) != ref.root(t, tsize) {
				t.Fatalf("proof %d in %d: %+v", i, tsize, p)
			}
			if err := tlog.CheckRecord(b64Hashes(t, p.Proof), tsize, ref.root(t, tsize), i, tlog.RecordHash(leaves[i])); err != nil {
				t.Fatalf("proof %d in %d does not verify with tlog: %v", i, tsize, err)
			}
			if (p.Note != "") != (tsize == 13) || (p.Note != "" && p.Note != cp.Note) {
				t.Fatalf("proof %d in %d: note %q", i, tsize, p.Note)
			}
		}
	}

	for from := int64(0); from <= 16; from++ {
		for _, to := range []int64{from, 13, 16} {
			if to < from {
				continue
			}
			var c struct {
				From     int64    `json:"from"`
				To       int64    `json:"to"`
				RootFrom string   `json:"root_from"`
				RootTo   string   `json:"root_to"`
				Proof    []string `json:"proof"`
				NoteFrom string   `json:"note_from"`
				NoteTo   string   `json:"note_to"`
			}
			out := mustLog(t, &c, "", "consistency", "--dir", dir, "--from", fmt.Sprint(from), "--to", fmt.Sprint(to))
			if c.From != from || c.To != to || b64Hash(t, c.RootFrom) != ref.root(t, from) || b64Hash(t, c.RootTo) != ref.root(t, to) || c.Proof == nil {
				t.Fatalf("consistency %d->%d: %s", from, to, out)
			}
			// The signed notes come along where checkpoints are stored
			// (only at 13 here).
			if (c.NoteFrom == cp.Note) != (from == 13) || (c.NoteFrom != "" && from != 13) ||
				(c.NoteTo == cp.Note) != (to == 13) || (c.NoteTo != "" && to != 13) {
				t.Fatalf("consistency %d->%d notes: %q %q", from, to, c.NoteFrom, c.NoteTo)
			}
			if from > 0 {
				if err := tlog.CheckTree(b64Hashes(t, c.Proof), to, ref.root(t, to), from, ref.root(t, from)); err != nil {
					t.Fatalf("consistency %d->%d does not verify with tlog: %v", from, to, err)
				}
			}
		}
	}

	// Export up to the latest checkpoint (13), verified offline. The
	// format's own tests (package auditlog/export and its offline
	// verifier) check every line against tlog; here, the command's flags,
	// output and exit codes.
	full := mustLog(t, nil, "", "export", "--dir", dir)
	lines := strings.Split(strings.TrimSuffix(full, "\n"), "\n")
	if len(lines) != 1+13+1 || !strings.HasPrefix(lines[0], `{"type":"header","format":"glassbox-export/v1",`) || !strings.HasPrefix(lines[14], `{"type":"end",`) {
		t.Fatalf("export has %d lines, want a header, 13 leaves and an end line:\n%s", len(lines), full)
	}
	for i, line := range lines[1:14] {
		var lf struct {
			Index int    `json:"index"`
			Leaf  []byte `json:"leaf"`
		}
		if err := json.Unmarshal([]byte(line), &lf); err != nil || lf.Index != i || !bytes.Equal(lf.Leaf, leaves[i]) {
			t.Fatalf("export line %d: %q %v", i+2, line, err)
		}
	}
	exportFile := filepath.Join(t.TempDir(), "export.jsonl")
	if err := os.WriteFile(exportFile, []byte(full), 0o644); err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, auditlog.VerifierKeyFile)
	var ve logVerifyExportJSON
	mustLog(t, &ve, "", "verify", "--export", exportFile, "--log-key", keyFile)
	if !ve.OK || ve.Origin != "example.com/cli-log" || ve.TreeSize != 13 || ve.From != 0 || ve.To != 13 || ve.Leaves != 13 ||
		ve.Root == nil || tlog.Hash(*ve.Root) != ref.root(t, 13) || ve.Checkpoints != 0 || len(ve.Anchors) != 0 || ve.Payloads != nil || ve.Counters != nil {
		t.Fatalf("verify export: %+v", ve)
	}
	// A slice not starting at 0 carries the subtrees before it and is
	// checked against the root all the same; so is one that ends before
	// the checkpoint.
	part := mustLog(t, nil, "", "export", "--dir", dir, "--from", "5", "--to", "13")
	mustLog(t, &ve, part, "verify", "--export", "-", "--log-key", vkey)
	if !ve.OK || ve.Leaves != 8 || ve.From != 5 || ve.To != 13 {
		t.Fatalf("verify partial export: %+v", ve)
	}
	mid := mustLog(t, nil, "", "export", "--dir", dir, "--from", "5", "--end", "9")
	mustLog(t, &ve, mid, "verify", "--export", "-", "--log-key", vkey)
	if !ve.OK || ve.Leaves != 4 || ve.From != 5 || ve.To != 9 || ve.TreeSize != 13 {
		t.Fatalf("verify export of [5, 9): %+v", ve)
	}

	// Tampered exports fail with exit 1 and say why in JSON, naming the
	// line where one can be named.
	_, otherV, err := note.GenerateKey(strings.NewReader(strings.Repeat("k", 64)), "example.com/cli-log")
	if err != nil {
		t.Fatal(err)
	}
	withLines := func(ls ...string) string { return strings.Join(ls, "\n") + "\n" }
	tampered := map[string]struct {
		export, key string
		line        int
	}{
		"leaf changed":   {mustReplace(t, full, `"leaf":"YWxwaGE="`, `"leaf":"YWxwaGI="`), vkey, 2},
		"leaf dropped":   {withLines(append(lines[:5:5], lines[6:]...)...), vkey, 6},
		"leaf appended":  {withLines(append(append(lines[:14:14], `{"type":"leaf","index":13,"leaf":"eA=="}`), lines[14])...), vkey, 15},
		"truncated":      {withLines(lines[:13]...), vkey, 14},
		"other key":      {full, otherV, 1},
		"header root":    {mustReplace(t, full, `"root":"`+cp.Root, `"root":"`+base64.StdEncoding.EncodeToString(make([]byte, 32))), vkey, 1},
		"unknown field":  {mustReplace(t, full, `{"type":"leaf","index":3,`, `{"type":"leaf","x":1,"index":3,`), vkey, 5},
		"empty":          {"", vkey, 1},
		"not json":       {"hello\n", vkey, 1},
		"reordered":      {withLines(append([]string{lines[0], lines[2], lines[1]}, lines[3:]...)...), vkey, 2},
		"signature flip": {mustReplace(t, full, "— example.com/cli-log ", "— example.com/cli-log A"), vkey, 1},
		"slice leaf":     {mustReplace(t, part, `"leaf":"AAoB/w=="`, `"leaf":"AAoC/w=="`), vkey, 2},
		"trailing data":  {full + "\n", vkey, 16},
	}
	for name, c := range tampered {
		code, out, errs := runLogCLI(t, c.export, "verify", "--export", "-", "--log-key", c.key)
		var res logVerifyExportFailedJSON
		if code != exitFailed || json.Unmarshal([]byte(out), &res) != nil || res.OK || res.Error == "" || errs == "" || res.Line != c.line {
			t.Errorf("%s: exit %d, out %q, stderr %q; want 1, ok=false and line %d", name, code, out, errs, c.line)
		}
	}

	// The whole store passes the integrity check.
	var v logVerifyJSON
	mustLog(t, &v, "", "verify", "--dir", dir)
	if !v.OK || v.TreeSize == nil || *v.TreeSize != 16 {
		t.Fatalf("verify: %+v", v)
	}
}

// TestLogCLIErrors: bad usage and bad input exit 2 with a message on
// stderr and change nothing.
func TestLogCLIErrors(t *testing.T) {
	dir, vkey := initLog(t, "example.com/cli-errors")
	mustLog(t, nil, "a\nb\nc\n", "append", "--dir", dir)
	notLog := t.TempDir()
	for name, c := range map[string]struct {
		stdin string
		args  []string
		want  string
	}{
		"no subcommand":         {"", nil, "usage: glassbox log"},
		"unknown subcommand":    {"", []string{"grow"}, `unknown subcommand "grow"`},
		"unknown flag":          {"", []string{"append", "--dir", dir, "--hex"}, "-hex"},
		"positional":            {"", []string{"checkpoint", "--dir", dir, "extra"}, `unexpected argument "extra"`},
		"no dir":                {"", []string{"checkpoint"}, "--dir is required"},
		"init no origin":        {"", []string{"init", "--dir", filepath.Join(notLog, "x")}, "--origin is required"},
		"init bad origin":       {"", []string{"init", "--dir", filepath.Join(notLog, "y"), "--origin", "has space"}, "--origin"},
		"init twice":            {"", []string{"init", "--dir", dir, "--origin", "example.com/again"}, "already holds a log"},
		"init not empty":        {"", []string{"init", "--dir", filepath.Dir(dir), "--origin", "example.com/again"}, "is not empty"},
		"not a log":             {"", []string{"checkpoint", "--dir", notLog}, "no log here"},
		"empty input":           {"", []string{"append", "--dir", dir}, "no leaves"},
		"empty line":            {"x\n\ny\n", []string{"append", "--dir", dir}, "line 2: empty leaf"},
		"bad base64":            {"eA==\neA=\n", []string{"append", "--dir", dir, "--base64"}, "line 2: invalid base64"},
		"empty base64":          {"eA==\n=\n", []string{"append", "--dir", dir, "--base64"}, "line 2: invalid base64"},
		"oversize leaf":         {"x\n" + strings.Repeat("y", auditlog.DefaultMaxLeafSize+1) + "\n", []string{"append", "--dir", dir}, "line 2: line is longer than"},
		"oversize b64 leaf":     {base64.StdEncoding.EncodeToString(make([]byte, auditlog.DefaultMaxLeafSize+1)), []string{"append", "--dir", dir, "--base64"}, "line 1: leaf of 1048577 bytes exceeds"},
		"proof no index":        {"", []string{"proof", "--dir", dir}, "--index is required"},
		"proof out of range":    {"", []string{"proof", "--dir", dir, "--index", "3"}, "out of range"},
		"proof size > tree":     {"", []string{"proof", "--dir", dir, "--index", "0", "--size", "4"}, "out of range"},
		"proof bad index":       {"", []string{"proof", "--dir", dir, "--index", "-1"}, "invalid value"},
		"consistency order":     {"", []string{"consistency", "--dir", dir, "--from", "3", "--to", "2"}, "out of range"},
		"consistency beyond":    {"", []string{"consistency", "--dir", dir, "--from", "1", "--to", "9"}, "out of range"},
		"consistency nofrom":    {"", []string{"consistency", "--dir", dir}, "--from is required"},
		"export uncheckpointed": {"", []string{"export", "--dir", dir, "--to", "2"}, "no signed checkpoint at size 2"},
		"export beyond":         {"", []string{"export", "--dir", dir, "--to", "4"}, "beyond the tree size"},
		"verify nothing":        {"", []string{"verify"}, "exactly one of --dir and --export"},
		"verify both":           {"", []string{"verify", "--dir", dir, "--export", "-", "--log-key", vkey}, "exactly one of"},
		"verify no key":         {"", []string{"verify", "--export", "-"}, "--export needs --log-key"},
		"verify bad key":        {"", []string{"verify", "--export", "-", "--log-key", "nonsense"}, "--log-key"},
		"verify key with dir":   {"", []string{"verify", "--dir", dir, "--log-key", vkey}, "--log-key goes with --export"},
		"verify missing export": {"", []string{"verify", "--export", filepath.Join(notLog, "nope"), "--log-key", vkey}, "no such file"},
		"verify not a log":      {"", []string{"verify", "--dir", notLog}, "no log here"},
	} {
		code, out, errs := runLogCLI(t, c.stdin, c.args...)
		if code != exitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", name, code, errs, c.want)
		}
		if name != "no subcommand" && out != "" {
			t.Errorf("%s: wrote %q to stdout", name, out)
		}
	}
	// A directory holding a bare auditlog store is refused as well.
	bare := filepath.Join(t.TempDir(), "bare")
	skey, _, err := note.GenerateKey(strings.NewReader(strings.Repeat("b", 64)), "example.com/bare")
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	bl, err := auditlog.Open(bare, &auditlog.Options{Signer: signer, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	bl.Close()
	if code, _, errs := runLogCLI(t, "", "init", "--dir", bare, "--origin", "example.com/bare"); code != exitUsage || !strings.Contains(errs, "already holds a log") {
		t.Errorf("init over a bare store: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(bare, auditlog.SignerKeyFile)); !os.IsNotExist(err) {
		t.Errorf("init wrote a key into a bare store: %v", err)
	}

	// Nothing of the rejected appends was written.
	var v logVerifyJSON
	mustLog(t, &v, "", "verify", "--dir", dir)
	if !v.OK || *v.TreeSize != 3 {
		t.Fatalf("after rejected input: %+v", v)
	}
	// An interrupted init (keys, no store) is reported, not silently
	// turned into a fresh log.
	if err := os.RemoveAll(filepath.Join(dir, auditlog.StoreDir)); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runLogCLI(t, "", "checkpoint", "--dir", dir); code != exitUsage || !strings.Contains(errs, "holds keys but no store") {
		t.Fatalf("keys without a store: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, auditlog.StoreDir)); !os.IsNotExist(err) {
		t.Fatalf("a store was created: %v", err)
	}
}

// TestLogCLITamper flips bytes in the Pebble store under a log directory
// and expects "log verify" to exit 1 and name what it found. The keys
// follow auditlog's layout (auditlog/keys.go): 'L' u64 index -> leaf,
// 'H' level u64 index -> hash, 'C' u64 size -> checkpoint note.
func TestLogCLITamper(t *testing.T) {
	u64 := func(p []byte, v uint64) []byte { return binary.BigEndian.AppendUint64(p, v) }
	for _, c := range []struct {
		name  string
		key   []byte
		kinds []string // acceptable kinds
		index uint64
	}{
		{"leaf", u64([]byte{'L'}, 5), []string{"leaf"}, 5},
		{"node", u64([]byte{'H', 1}, 1), []string{"node"}, 1},
		{"checkpoint", u64([]byte{'C'}, 8), []string{"checkpoint"}, 8},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, _ := initLog(t, "example.com/cli-tamper")
			mustLog(t, nil, "0\n1\n2\n3\n4\n5\n6\n7\n", "append", "--dir", dir)
			mustLog(t, nil, "", "checkpoint", "--dir", dir)
			mustLog(t, nil, "8\n9\n10\n", "append", "--dir", dir)
			mustLog(t, nil, "", "verify", "--dir", dir)

			db, err := pebble.Open(filepath.Join(dir, auditlog.StoreDir), &pebble.Options{})
			if err != nil {
				t.Fatal(err)
			}
			v, closer, err := db.Get(c.key)
			if err != nil {
				t.Fatal(err)
			}
			bad := bytes.Clone(v)
			closer.Close()
			bad[len(bad)/2] ^= 0x01
			if err := db.Set(c.key, bad, pebble.Sync); err != nil {
				t.Fatal(err)
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}

			code, out, errs := runLogCLI(t, "", "verify", "--dir", dir)
			var res logVerifyJSON
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("output %q: %v", out, err)
			}
			if code != exitFailed || res.OK || res.Error == "" || errs == "" {
				t.Fatalf("exit %d, %+v, stderr %q; want 1", code, res, errs)
			}
			found := false
			for _, k := range c.kinds {
				found = found || res.Kind == k
			}
			if !found || res.Index == nil || *res.Index != c.index {
				t.Fatalf("found %+v; want kind %v at index %d", res, c.kinds, c.index)
			}
		})
	}
}

func TestReadLeafLines(t *testing.T) {
	got, err := readLeafLines(strings.NewReader("a\r\nbb\nccc"), false, 3)
	if err != nil || len(got) != 3 || string(got[0]) != "a\r" || string(got[1]) != "bb" || string(got[2]) != "ccc" {
		t.Fatalf("%q %v", got, err)
	}
	if _, err := readLeafLines(strings.NewReader("a\nbbbb\n"), false, 3); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("long line: %v", err)
	}
	// A line of exactly the limit, across bufio's buffer boundary.
	long := strings.Repeat("z", 100<<10)
	got, err = readLeafLines(strings.NewReader(long+"\n"+long), false, len(long))
	if err != nil || len(got) != 2 || string(got[1]) != long {
		t.Fatalf("limit-sized lines: %d %v", len(got), err)
	}
	got, err = readLeafLines(strings.NewReader("AAEC\n/w==\n"), true, 3)
	if err != nil || !bytes.Equal(got[0], []byte{0, 1, 2}) || !bytes.Equal(got[1], []byte{0xff}) {
		t.Fatalf("base64: %q %v", got, err)
	}
}

func mustReplace(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("%q not in %q", old, s)
	}
	return strings.Replace(s, old, new, 1)
}

// TestLogExportDecisions: the export of a decisions log carries its
// sealed payloads and fairness counters, and verifies offline; counters
// asked for at another size than theirs are refused.
func TestLogExportDecisions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "log")
	skey, vkey, err := note.GenerateKey(strings.NewReader(strings.Repeat("d", 64)), "example.org/cli-export")
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(t.TempDir(), "log.key")
	if err := os.WriteFile(keyFile, []byte(skey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runRecCLI(t, cliDecisions, "append", "--dir", dir, "--key", keyFile); code != exitOK {
		t.Fatalf("append: exit %d, %s", code, errs)
	}
	full := mustLog(t, nil, "", "export", "--dir", dir, "--key", keyFile, "--payloads", "--counters")
	var ve logVerifyExportJSON
	mustLog(t, &ve, full, "verify", "--export", "-", "--log-key", vkey)
	if !ve.OK || ve.Leaves != 2 || ve.Payloads == nil || *ve.Payloads != 2 || ve.Counters == nil || *ve.Counters != 2 {
		t.Fatalf("verify an export with payloads and counters: %+v", ve)
	}
	part := mustLog(t, nil, "", "export", "--dir", dir, "--key", keyFile, "--from", "1", "--payloads")
	var vp logVerifyExportJSON
	mustLog(t, &vp, part, "verify", "--export", "-", "--log-key", vkey)
	if !vp.OK || vp.Leaves != 1 || vp.Payloads == nil || *vp.Payloads != 1 || vp.Counters != nil {
		t.Fatalf("verify an export of [1, 2) with payloads: %+v", vp)
	}
	if code, _, errs := runRecCLI(t, "", "log", "export", "--dir", dir, "--key", keyFile, "--counters", "--to", "1"); code != exitUsage || !strings.Contains(errs, "counters hold at tree size 2") {
		t.Fatalf("counters at another size: exit %d, %s", code, errs)
	}
}
