package auditlog

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// dirState is what a directory tree holds: each path with its mode and the
// sha256 of its content (directories: their mode only).
func dirState(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == root {
			return filepath.SkipAll
		}
		if err != nil {
			return err
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			out[rel] = st.Mode().String()
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[rel] = fmt.Sprintf("%s %x", st.Mode(), sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameState(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for p, s := range after {
		if b, ok := before[p]; !ok {
			t.Errorf("%s: %s appeared", what, p)
		} else if b != s {
			t.Errorf("%s: %s changed: %s -> %s", what, p, b, s)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			t.Errorf("%s: %s disappeared", what, p)
		}
	}
}

// TestMustExistCreatesNothing: with MustExist or ReadOnly, Open of a
// missing or empty directory fails with ErrNotExist naming the path, and
// creates nothing; OpenDir does the same with no options at all. A
// directory of other files is refused with ErrNotALog and left as it was
// (no LOCK file).
func TestMustExistCreatesNothing(t *testing.T) {
	root := t.TempDir()
	empty := filepath.Join(root, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(root, "other")
	if err := os.Mkdir(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other, "notes.txt"), []byte("not a log\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := dirState(t, root)
	s, v := engKeys(t, engOrigin)
	typo := filepath.Join(root, "typo")
	for _, dir := range []string{typo, filepath.Join(typo, "deeper"), empty} {
		for name, open := range map[string]func() (*Log, error){
			"MustExist": func() (*Log, error) { return Open(dir, &Options{Signer: s, MustExist: true}) },
			"ReadOnly":  func() (*Log, error) { return Open(dir, &Options{Verifier: v, ReadOnly: true}) },
			"OpenDir":   func() (*Log, error) { return OpenDir(dir, nil) },
			"OpenDirRO": func() (*Log, error) { return OpenDir(dir, &Options{ReadOnly: true}) },
		} {
			l, err := open()
			if err == nil {
				l.Close()
				t.Fatalf("%s %s: opened", name, dir)
			}
			if !errors.Is(err, ErrNotExist) || !strings.Contains(err.Error(), dir) {
				t.Errorf("%s %s: %v; want ErrNotExist naming the path", name, dir, err)
			}
		}
	}
	for _, opts := range []*Options{{Signer: s}, {Signer: s, MustExist: true}, {Verifier: v, ReadOnly: true}} {
		if _, err := Open(other, opts); !errors.Is(err, ErrNotALog) {
			t.Errorf("Open of a directory of other files: %v; want ErrNotALog", err)
		}
	}
	if _, err := OpenDir(other, nil); !errors.Is(err, ErrNotALog) {
		t.Errorf("OpenDir of a directory of other files: %v; want ErrNotALog", err)
	}
	sameState(t, "after the refused opens", before, dirState(t, root))

	// The control: without MustExist, Open creates the log.
	l, err := Open(typo, &Options{Signer: s, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	if _, err := os.Stat(typo); err != nil {
		t.Fatalf("Open without MustExist created nothing: %v", err)
	}
}

// committerRunning reports whether a log's committer or checkpointer
// goroutine is running in this process (one not yet scheduled shows as a
// goroutine created by Open).
func committerRunning() bool {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			st := string(buf[:n])
			return strings.Contains(st, "(*Log).commitLoop") || strings.Contains(st, "(*Log).checkpointLoop") ||
				strings.Contains(st, "created by github.com/glassbox-audit/glassbox/auditlog.Open ")
		}
		buf = make([]byte, 2*len(buf))
	}
}

// TestReadOnlyWritesNothing opens a log directory read-only (without its
// signer key, with the verifier only, with the origin only) and checks that
// every file of the directory is unchanged after reads, proofs, the
// integrity check and refused writes; that every write returns
// ErrReadOnly; and that no committer or checkpointer runs.
func TestReadOnlyWritesNothing(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "log")
	info, err := CreateDir(dir, engOrigin)
	if err != nil {
		t.Fatal(err)
	}
	l, err := OpenDir(dir, &Options{CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !committerRunning() {
		t.Fatal("a writable log runs no committer: the check below would prove nothing")
	}
	for i := range 10 {
		if _, err := l.Append(ctx, leafBytes(i)); err != nil {
			t.Fatal(err)
		}
	}
	cp, err := l.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st, err := l.Store("test")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Put([]byte("k"), []byte("v")); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AppendBatch(ctx, [][]byte{leafBytes(10), leafBytes(11)}); err != nil {
		t.Fatal(err)
	}
	// Closed without a checkpoint of size 12: a read-only open cannot sign one.
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, SignerKeyFile)); err != nil {
		t.Fatal(err)
	}
	before := dirState(t, dir)

	opens := map[string]func() (*Log, error){
		"OpenDir": func() (*Log, error) {
			return OpenDir(dir, &Options{ReadOnly: true, CheckpointInterval: time.Millisecond})
		},
		"Open verifier": func() (*Log, error) {
			return Open(filepath.Join(dir, StoreDir), &Options{ReadOnly: true, Verifier: info.Verifier})
		},
		"Open origin": func() (*Log, error) {
			return Open(filepath.Join(dir, StoreDir), &Options{ReadOnly: true, Origin: engOrigin})
		},
	}
	for _, name := range slices.Sorted(maps.Keys(opens)) {
		t.Run(name, func(t *testing.T) {
			ro, err := opens[name]()
			if err != nil {
				t.Fatal(err)
			}
			if !ro.ReadOnly() || ro.Size() != 12 {
				t.Fatalf("ReadOnly %v, size %d; want true, 12", ro.ReadOnly(), ro.Size())
			}
			if committerRunning() {
				t.Error("a read-only log runs a committer or checkpointer")
			}
			// Reads and proofs.
			if got, err := ro.LatestCheckpoint(ctx); err != nil || string(got.Note) != string(cp.Note) {
				t.Errorf("latest checkpoint: %v", err)
			}
			if got, err := ro.CheckpointAt(ctx, 10); err != nil || got.Root != cp.Root {
				t.Errorf("checkpoint at 10: %v", err)
			}
			leaf, err := ro.Leaf(ctx, 3)
			if err != nil || string(leaf) != string(leafBytes(3)) {
				t.Errorf("leaf 3: %q %v", leaf, err)
			}
			n := 0
			if err := ro.ScanLeaves(ctx, 0, 12, func(uint64, []byte) error { n++; return nil }); err != nil || n != 12 {
				t.Errorf("scan: %d leaves, %v", n, err)
			}
			ip, err := ro.InclusionProof(ctx, 3, 10)
			if err != nil {
				t.Fatal(err)
			}
			if err := verify.VerifyInclusion(3, 10, verify.LeafHash(leaf), ip, cp.Root); err != nil {
				t.Errorf("inclusion proof: %v", err)
			}
			cons, err := ro.ConsistencyProof(ctx, 10, 12)
			if err != nil {
				t.Fatal(err)
			}
			root12, err := ro.RootAt(ctx, 12)
			if err != nil {
				t.Fatal(err)
			}
			if err := verify.VerifyConsistency(10, 12, cons, cp.Root, root12); err != nil {
				t.Errorf("consistency proof: %v", err)
			}
			if err := ro.CheckIntegrity(ctx); err != nil {
				t.Errorf("integrity: %v", err)
			}
			rs, err := ro.Store("test")
			if err != nil {
				t.Fatal(err)
			}
			if v, err := rs.Get([]byte("k")); err != nil || string(v) != "v" {
				t.Errorf("store get: %q %v", v, err)
			}
			// Writes.
			if _, err := ro.Append(ctx, []byte("x")); !errors.Is(err, ErrReadOnly) {
				t.Errorf("Append: %v", err)
			}
			if _, err := ro.AppendBatch(ctx, [][]byte{[]byte("x")}); !errors.Is(err, ErrReadOnly) {
				t.Errorf("AppendBatch: %v", err)
			}
			if _, err := ro.AppendAsync(ctx, []byte("x"))(); !errors.Is(err, ErrReadOnly) {
				t.Errorf("AppendAsync: %v", err)
			}
			if _, err := ro.Checkpoint(ctx); !errors.Is(err, ErrReadOnly) {
				t.Errorf("Checkpoint of an unsigned size: %v", err)
			}
			if err := rs.Put([]byte("k"), []byte("w")); !errors.Is(err, ErrReadOnly) {
				t.Errorf("Store.Put: %v", err)
			}
			if err := rs.Delete([]byte("k")); !errors.Is(err, ErrReadOnly) {
				t.Errorf("Store.Delete: %v", err)
			}
			if err := ro.Close(); err != nil {
				t.Fatal(err)
			}
			sameState(t, name, before, dirState(t, dir))
		})
	}

	// A read-only open checks what it was given.
	wrongS, wrongV := engKeys(t, engOrigin)
	if _, err := OpenDir(dir, &Options{ReadOnly: true, Verifier: wrongV}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("OpenDir with another verifier: %v", err)
	}
	store := filepath.Join(dir, StoreDir)
	if _, err := Open(store, &Options{ReadOnly: true, Verifier: wrongV}); !errors.Is(err, ErrWrongKey) {
		t.Errorf("Open read-only with another verifier: %v", err)
	}
	if _, err := Open(store, &Options{ReadOnly: true, Signer: wrongS}); !errors.Is(err, ErrWrongKey) {
		t.Errorf("Open read-only with another signer: %v", err)
	}
	if _, err := Open(store, &Options{ReadOnly: true, Origin: "example.org/another"}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("Open read-only with another origin: %v", err)
	}
	if _, err := Open(store, &Options{ReadOnly: true}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("Open read-only with neither origin nor verifier: %v", err)
	}
	if _, err := Open(store, &Options{Verifier: info.Verifier}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("Open writable without a signer: %v", err)
	}
	sameState(t, "after the refused read-only opens", before, dirState(t, dir))
}

// The lock test runs its own test binary as a child process that holds a
// log directory open, as a service would.
const (
	lockRoleEnv = "GLASSBOX_LOCK_ROLE" // "child" in the child process
	lockDirEnv  = "GLASSBOX_LOCK_DIR"
)

// TestLockChild is the child process of TestLockedByAnotherProcess: it
// opens the log directory, says "ready", and holds the log open until its
// standard input closes. Run alone it skips.
func TestLockChild(t *testing.T) {
	if os.Getenv(lockRoleEnv) != "child" {
		t.Skip("the child process of TestLockedByAnotherProcess; it runs only when that test starts it")
	}
	l, err := OpenDir(os.Getenv(lockDirEnv), nil)
	if err != nil {
		fmt.Printf("open: %v\n", err)
		os.Exit(3)
	}
	if _, err := l.Append(context.Background(), []byte("from the child")); err != nil {
		fmt.Printf("append: %v\n", err)
		os.Exit(3)
	}
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
	if err := l.Close(); err != nil {
		fmt.Printf("close: %v\n", err)
		os.Exit(3)
	}
}

// TestLockedByAnotherProcess: while another process holds a log open,
// every open of it, read-only included, fails with ErrLocked and a message
// that names the store and says to read the log through the service; once
// that process closes the log, it opens.
func TestLockedByAnotherProcess(t *testing.T) {
	if os.Getenv(lockRoleEnv) == "child" {
		t.Skip("in the child process")
	}
	dir := filepath.Join(t.TempDir(), "log")
	info, err := CreateDir(dir, engOrigin)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), lockRoleEnv+"=child", lockDirEnv+"="+dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("child: %q %v", line, err)
	}

	store := filepath.Join(dir, StoreDir)
	opens := map[string]func() (*Log, error){
		"OpenDir":          func() (*Log, error) { return OpenDir(dir, nil) },
		"OpenDir readonly": func() (*Log, error) { return OpenDir(dir, &Options{ReadOnly: true}) },
		"Open":             func() (*Log, error) { return Open(store, &Options{Verifier: info.Verifier, ReadOnly: true}) },
	}
	for name, open := range opens {
		l, err := open()
		if err == nil {
			l.Close()
			t.Fatalf("%s: opened a log another process holds", name)
		}
		if !errors.Is(err, ErrLocked) {
			t.Fatalf("%s: %v; want ErrLocked", name, err)
		}
		for _, want := range []string{store, "running service", "read the log through that service", "read-only open"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: error %q does not say %q", name, err, want)
			}
		}
	}

	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	l, err := OpenDir(dir, &Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open after the child closed the log: %v", err)
	}
	defer l.Close()
	if got, err := l.Leaf(context.Background(), 0); err != nil || string(got) != "from the child" {
		t.Errorf("the child's leaf: %q %v", got, err)
	}
	// In one process, a second open of a log held open is refused too.
	if _, err := OpenDir(dir, &Options{ReadOnly: true}); !errors.Is(err, ErrLocked) {
		t.Errorf("second open in the same process: %v; want ErrLocked", err)
	}
}

// TestCreateDirOpenDir: CreateDir writes the layout (keys in the note
// formats, signer.key 0600, the store); OpenDir opens it with its own keys,
// and ReadDirInfo's public key verifies the log's checkpoint signatures.
func TestCreateDirOpenDir(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "log")
	info, err := CreateDir(dir, engOrigin)
	if err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if want := []string{StoreDir, SignerKeyFile, VerifierKeyFile}; !slices.Equal(names, want) || !ents[0].IsDir() {
		t.Errorf("layout %q, want %q with %s a directory", names, want, StoreDir)
	}
	st, err := os.Stat(filepath.Join(dir, SignerKeyFile))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("signer.key: %v %v; want mode 0600", st.Mode(), err)
	}
	skey, err := os.ReadFile(filepath.Join(dir, SignerKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(strings.TrimSuffix(string(skey), "\n"))
	if err != nil {
		t.Fatalf("signer.key is not a note signer key: %v", err)
	}
	vkey, err := os.ReadFile(filepath.Join(dir, VerifierKeyFile))
	if err != nil || string(vkey) != info.VerifierKey+"\n" {
		t.Fatalf("verifier.key %q, info %q", vkey, info.VerifierKey)
	}
	if signer.Name() != engOrigin || info.Origin != engOrigin || info.Verifier.KeyHash() != signer.KeyHash() || info.Dir != dir {
		t.Errorf("info %+v, signer %s+%08x", info, signer.Name(), signer.KeyHash())
	}
	read, err := ReadDirInfo(dir)
	if err != nil || read.VerifierKey != info.VerifierKey || !read.PublicKey.Equal(info.PublicKey) {
		t.Fatalf("ReadDirInfo: %+v %v", read, err)
	}

	l, err := OpenDir(dir, &Options{CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Append(ctx, []byte("first")); err != nil {
		t.Fatal(err)
	}
	cp, err := l.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := verify.OpenCheckpoint(cp.Note, info.Verifier); err != nil {
		t.Errorf("the checkpoint does not verify with verifier.key: %v", err)
	}
	text, sigLine, _ := strings.Cut(string(cp.Note), "\n\n")
	sig, err := base64.StdEncoding.DecodeString(strings.TrimSpace(strings.TrimPrefix(sigLine, "\u2014 "+engOrigin+" ")))
	if err != nil || len(sig) != 4+ed25519.SignatureSize || !ed25519.Verify(info.PublicKey, []byte(text+"\n"), sig[4:]) {
		t.Errorf("DirInfo.PublicKey does not verify the checkpoint signature (%v)", err)
	}

	// The signer given (a key held elsewhere) must be the directory's.
	l, err = OpenDir(dir, &Options{Signer: signer, CheckpointInterval: -1})
	if err != nil {
		t.Fatalf("OpenDir with its own signer: %v", err)
	}
	if l.Size() != 1 {
		t.Errorf("reopened size %d", l.Size())
	}
	l.Close()
	other, otherV := engKeys(t, engOrigin)
	if _, err := OpenDir(dir, &Options{Signer: other}); !errors.Is(err, ErrKeyFile) || !strings.Contains(err.Error(), dir) {
		t.Errorf("OpenDir with another signer: %v; want ErrKeyFile naming the directory", err)
	}
	if _, err := OpenDir(dir, &Options{Verifier: otherV}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("OpenDir with another verifier: %v", err)
	}
	if _, err := OpenDir(dir, &Options{Origin: "example.org/other"}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("OpenDir with another origin: %v", err)
	}

	// Creating over it, or in any non-empty directory, is refused and
	// changes nothing.
	stray := t.TempDir()
	if err := os.WriteFile(filepath.Join(stray, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	bare := t.TempDir()
	bl, err := Open(bare, &Options{Signer: signer, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	bl.Close()
	for d, want := range map[string]string{dir: "already holds a log", stray: "not empty", bare: "bare Pebble store"} {
		before := dirState(t, d)
		if _, err := CreateDir(d, engOrigin); !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), want) {
			t.Errorf("CreateDir(%s): %v; want fs.ErrExist, %q", d, err, want)
		}
		sameState(t, "refused CreateDir", before, dirState(t, d))
	}
	if _, err := OpenDir(bare, nil); !errors.Is(err, ErrNotALog) || !strings.Contains(err.Error(), "bare log store") {
		t.Errorf("OpenDir of a bare store: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad")
	if _, err := CreateDir(bad, "has space"); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("CreateDir with a bad origin: %v", err)
	}
	if _, err := os.Stat(bad); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused CreateDir left %s: %v", bad, err)
	}
}

// TestOpenDirBadFiles: a signer key readable by others, a malformed key
// file, a missing key or a missing store are each reported, naming the
// file and what to do.
func TestOpenDirBadFiles(t *testing.T) {
	fresh := func(t *testing.T) string {
		dir := filepath.Join(t.TempDir(), "log")
		if _, err := CreateDir(dir, engOrigin); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	t.Run("signer.key readable by others", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("file modes do not say who may read a file on Windows")
		}
		dir := fresh(t)
		path := filepath.Join(dir, SignerKeyFile)
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := OpenDir(dir, nil); !errors.Is(err, ErrKeyFile) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "0644") || !strings.Contains(err.Error(), "chmod 600") {
			t.Errorf("%v; want ErrKeyFile naming the file, its mode and the fix", err)
		}
		l, err := OpenDir(dir, &Options{ReadOnly: true}) // reads no signer key
		if err != nil {
			t.Fatalf("read-only open: %v", err)
		}
		l.Close()
	})
	t.Run("no signer.key", func(t *testing.T) {
		dir := fresh(t)
		os.Remove(filepath.Join(dir, SignerKeyFile))
		if _, err := OpenDir(dir, nil); !errors.Is(err, ErrKeyFile) || !strings.Contains(err.Error(), "read-only") {
			t.Errorf("%v; want ErrKeyFile saying it opens read-only", err)
		}
	})
	t.Run("malformed keys", func(t *testing.T) {
		for _, f := range []string{SignerKeyFile, VerifierKeyFile} {
			dir := fresh(t)
			path := filepath.Join(dir, f)
			if err := os.WriteFile(path, []byte("PRIVATE+KEY+not+a+key\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := OpenDir(dir, nil); !errors.Is(err, ErrKeyFile) || !strings.Contains(err.Error(), path) {
				t.Errorf("%s: %v; want ErrKeyFile naming it", f, err)
			}
		}
	})
	t.Run("no store", func(t *testing.T) {
		dir := fresh(t)
		os.RemoveAll(filepath.Join(dir, StoreDir))
		before := dirState(t, dir)
		if _, err := OpenDir(dir, nil); !errors.Is(err, ErrNotExist) || !strings.Contains(err.Error(), "no store") {
			t.Errorf("%v; want ErrNotExist saying the store is missing", err)
		}
		sameState(t, "OpenDir without a store", before, dirState(t, dir))
	})
}

// FuzzParseVerifierKey: any text either parses to a key whose verifier,
// origin and public key agree, or is refused with ErrKeyFile; never a
// panic.
func FuzzParseVerifierKey(f *testing.F) {
	_, vkey, err := note.GenerateKey(rand.Reader, engOrigin)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(vkey)
	f.Add("example.org+00000000+AQ==")
	f.Add("a+b+c")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		info, err := parseVerifierKey(s)
		if err != nil {
			if !errors.Is(err, ErrKeyFile) {
				t.Fatalf("%q: %v, not ErrKeyFile", s, err)
			}
			return
		}
		if info.Origin != info.Verifier.Name() || len(info.PublicKey) != ed25519.PublicKeySize || info.VerifierKey != s {
			t.Fatalf("%q: inconsistent %+v", s, info)
		}
	})
}
