package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/export"
	"github.com/glassbox-audit/glassbox/auditlog/export/offline"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// Layout of a directory made by "glassbox log init". The Pebble store lives
// in its own subdirectory because auditlog.Open creates a log only in a
// missing or empty directory, and the signer key must exist before the log
// does (a crash during init then leaves keys and no log, never a log whose
// key is lost).
const (
	logSignerFile   = "signer.key"
	logVerifierFile = "verifier.key"
	logStoreDir     = "pebble"
)

// Limits of one "glassbox log append" (one atomic batch).
const (
	logMaxAppendLines = 1 << 20
	logMaxAppendBytes = 256 << 20
)

func logCommand() command {
	return command{name: "log", summary: "create a plain Merkle log, append, checkpoint, prove, export and verify", run: runLog}
}

type logSub struct {
	name, summary string
	run           func(ctx context.Context, env *cliEnv, args []string) int
}

func logSubs() []logSub {
	return []logSub{
		{"init", "--dir D --origin ORIGIN: create a log and its Ed25519 note key pair", runLogInit},
		{"append", "--dir D [--base64]: append one leaf per stdin line, atomically", runLogAppend},
		{"checkpoint", "--dir D: sign (or return) the checkpoint of the current tree", runLogCheckpoint},
		{"proof", "--dir D --index I [--size N]: inclusion proof", runLogProof},
		{"consistency", "--dir D --from A [--to B]: consistency proof", runLogConsistency},
		{"export", "--dir D [--from A] [--end E] [--to B]: a self-verifying export (docs/export.md)", runLogExport},
		{"verify", "--dir D | --export FILE --log-key KEY: integrity check or offline export check", runLogVerify},
	}
}

func runLog(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) > 0 {
		for _, s := range logSubs() {
			if s.name == args[0] {
				return s.run(ctx, env, args[1:])
			}
		}
		fmt.Fprintf(env.stderr, "glassbox log: unknown subcommand %q\n", args[0])
	}
	fmt.Fprintln(env.stderr, "usage: glassbox log <subcommand> [flags]")
	for _, s := range logSubs() {
		fmt.Fprintf(env.stderr, "  %-12s %s\n", s.name, s.summary)
	}
	return exitUsage
}

// logFlagSet returns a flag set with --dir and parses args into it.
func logFlagSet(env *cliEnv, sub string) (*flag.FlagSet, *string) {
	fs := newFlagSet(env, "log "+sub)
	return fs, fs.String("dir", "", "the log directory (made by glassbox log init)")
}

// parseLogFlags parses args, rejects positional arguments and requires
// --dir when needDir. It returns exitOK or the exit code to return.
func parseLogFlags(env *cliEnv, fs *flag.FlagSet, sub string, args []string, dir *string, needDir bool) int {
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 0 {
		return usageErr(env, "log "+sub, "unexpected argument %q", fs.Arg(0))
	}
	if needDir && *dir == "" {
		return usageErr(env, "log "+sub, "--dir is required")
	}
	return exitOK
}

// flagSet reports whether the named flag was given.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}

// logDirError is a problem with the directory itself (not a log, missing
// key): bad input, exit code 2.
type logDirError struct{ msg string }

func (e *logDirError) Error() string { return e.msg }

// openLog opens the log of a directory made by "glassbox log init". It is
// the one way every subcommand opens a log: keys from dir, the store from
// dir/pebble, checkpoints signed on demand only.
func openLog(dir string) (*auditlog.Log, error) {
	if _, err := os.Stat(filepath.Join(dir, logSignerFile)); errors.Is(err, os.ErrNotExist) {
		return nil, &logDirError{fmt.Sprintf("%s is not a log directory: no %s (create one with glassbox log init)", dir, logSignerFile)}
	}
	signer, err := readSignerFile(filepath.Join(dir, logSignerFile))
	if err != nil {
		return nil, err
	}
	vb, err := os.ReadFile(filepath.Join(dir, logVerifierFile))
	if err != nil {
		return nil, &logDirError{fmt.Sprintf("reading the verifier key: %v", err)}
	}
	verifier, err := note.NewVerifier(strings.TrimSpace(string(vb)))
	if err != nil {
		return nil, &logDirError{fmt.Sprintf("%s: %v", filepath.Join(dir, logVerifierFile), err)}
	}
	store := filepath.Join(dir, logStoreDir)
	if !hasStore(store) {
		return nil, &logDirError{fmt.Sprintf("%s holds keys but no log store (%s): an interrupted init? remove the directory and run init again", dir, store)}
	}
	l, err := auditlog.Open(store, &auditlog.Options{
		Signer:             signer,
		Verifier:           verifier,
		CheckpointInterval: -1,
		MaxBatchEntries:    logMaxAppendLines,
		MaxBatchBytes:      logMaxAppendBytes,
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// readSignerFile reads a note signer key from a file.
func readSignerFile(path string) (note.Signer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &logDirError{fmt.Sprintf("reading the signer key: %v", err)}
	}
	signer, err := note.NewSigner(strings.TrimSpace(string(b)))
	if err != nil {
		return nil, &logDirError{fmt.Sprintf("signer key in %s: %v", path, err)}
	}
	return signer, nil
}

// hasStore reports whether dir holds something: auditlog.Open would create
// a fresh log in a missing or empty directory, which for a command that
// reads an existing log means a mistyped path or an interrupted init.
func hasStore(dir string) bool {
	ents, err := os.ReadDir(dir)
	return err == nil && len(ents) > 0
}

// logFail reports err and returns its exit code: 1 when the store failed a
// check (corrupt, tampered), 2 for everything else (bad directory, bad
// arguments, out-of-range requests).
func logFail(env *cliEnv, sub string, err error) int {
	if errors.Is(err, auditlog.ErrCorrupt) {
		return failed(env, "log "+sub, "%v", err)
	}
	return usageErr(env, "log "+sub, "%v", err)
}

// withLog opens the log of dir, runs fn and closes the log.
func withLog(env *cliEnv, sub, dir string, fn func(l *auditlog.Log) int) int {
	l, err := openLog(dir)
	if err != nil {
		return logFail(env, sub, err)
	}
	code := fn(l)
	if err := l.Close(); err != nil && code == exitOK {
		return failed(env, "log "+sub, "%v", err)
	}
	return code
}

// emit writes v as one JSON line; a write error is exit code 1.
func emit(env *cliEnv, sub string, v any) int {
	if err := writeJSON(env.stdout, v); err != nil {
		return failed(env, "log "+sub, "writing output: %v", err)
	}
	return exitOK
}

type logInitJSON struct {
	Origin      string `json:"origin"`
	VerifierKey string `json:"verifier_key"`
	Dir         string `json:"dir"`
}

func runLogInit(ctx context.Context, env *cliEnv, args []string) int {
	fs, dir := logFlagSet(env, "init")
	origin := fs.String("origin", "", "the log's origin (checkpoint first line and key name), e.g. example.com/log")
	if c := parseLogFlags(env, fs, "init", args, dir, true); c != exitOK {
		return c
	}
	if *origin == "" {
		return usageErr(env, "log init", "--origin is required")
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		return usageErr(env, "log init", "%v", err)
	}
	if err := checkInitDir(abs); err != nil {
		return usageErr(env, "log init", "%v", err)
	}
	// GenerateKey does not check the name; NewSigner and NewVerifier do.
	skey, vkey, err := note.GenerateKey(rand.Reader, *origin)
	var signer note.Signer
	if err == nil {
		signer, err = note.NewSigner(skey)
	}
	if err == nil {
		_, err = note.NewVerifier(vkey)
	}
	if err != nil {
		return usageErr(env, "log init", "--origin %q is not a valid key name (no spaces or '+'): %v", *origin, err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return usageErr(env, "log init", "%v", err)
	}
	// The keys first, synced, then the log.
	signerPath := filepath.Join(abs, logSignerFile)
	verifierPath := filepath.Join(abs, logVerifierFile)
	if err := writeNewFile(signerPath, skey+"\n", 0o600); err != nil {
		return usageErr(env, "log init", "%v", err)
	}
	if err := writeNewFile(verifierPath, vkey+"\n", 0o644); err != nil {
		os.Remove(signerPath)
		return usageErr(env, "log init", "%v", err)
	}
	if err := syncDir(abs); err != nil {
		os.Remove(signerPath)
		os.Remove(verifierPath)
		return usageErr(env, "log init", "%v", err)
	}
	l, err := auditlog.Open(filepath.Join(abs, logStoreDir), &auditlog.Options{Signer: signer, CheckpointInterval: -1})
	if err == nil {
		err = l.Close()
	}
	if err == nil {
		err = syncDir(abs)
	}
	if err != nil {
		os.RemoveAll(filepath.Join(abs, logStoreDir))
		os.Remove(signerPath)
		os.Remove(verifierPath)
		return usageErr(env, "log init", "creating the log: %v", err)
	}
	return emit(env, "init", logInitJSON{Origin: *origin, VerifierKey: vkey, Dir: abs})
}

// checkInitDir accepts a missing or empty directory only, and says what
// is in the way otherwise.
func checkInitDir(dir string) error {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range ents {
		switch n := e.Name(); {
		case n == logSignerFile || n == logVerifierFile || n == logStoreDir:
			return fmt.Errorf("%s already holds a log (%s exists)", dir, n)
		case strings.HasPrefix(n, "MANIFEST-") || strings.HasPrefix(n, "marker.") || n == "CURRENT":
			return fmt.Errorf("%s already holds a log (a bare Pebble store: %s)", dir, n)
		}
	}
	if len(ents) > 0 {
		return fmt.Errorf("%s is not empty (%s, ...): init wants a missing or empty directory", dir, ents[0].Name())
	}
	return nil
}

// writeNewFile creates path (which must not exist) with content, synced.
func writeNewFile(path, content string, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.WriteString(content)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

type logAppendJSON struct {
	FirstIndex uint64 `json:"first_index"`
	Count      int    `json:"count"`
	TreeSize   uint64 `json:"tree_size"`
}

func runLogAppend(ctx context.Context, env *cliEnv, args []string) int {
	fs, dir := logFlagSet(env, "append")
	b64 := fs.Bool("base64", false, "each line is a base64 (standard, padded) encoding of the leaf")
	if c := parseLogFlags(env, fs, "append", args, dir, true); c != exitOK {
		return c
	}
	leaves, err := readLeafLines(env.stdin, *b64, auditlog.DefaultMaxLeafSize)
	if err != nil {
		return usageErr(env, "log append", "%v", err)
	}
	return withLog(env, "append", *dir, func(l *auditlog.Log) int {
		first, err := l.AppendBatch(ctx, leaves)
		if err != nil {
			return logFail(env, "append", err)
		}
		return emit(env, "append", logAppendJSON{FirstIndex: first, Count: len(leaves), TreeSize: first + uint64(len(leaves))})
	})
}

// readLeafLines reads one leaf per line: the bytes before each "\n" (a
// final line without "\n" counts; a "\r" is part of the leaf), or their
// base64 decoding. Any bad line fails the whole input, naming the line.
func readLeafLines(r io.Reader, b64 bool, maxLeaf int) ([][]byte, error) {
	maxLine := maxLeaf
	if b64 {
		maxLine = base64.StdEncoding.EncodedLen(maxLeaf)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	var leaves [][]byte
	total := 0
	for n := 1; ; n++ {
		line, err := readLine(br, maxLine)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if len(line) == 0 {
			return nil, fmt.Errorf("line %d: empty leaf", n)
		}
		leaf := line
		if b64 {
			leaf = make([]byte, base64.StdEncoding.DecodedLen(len(line)))
			k, err := base64.StdEncoding.Strict().Decode(leaf, line)
			if err != nil {
				return nil, fmt.Errorf("line %d: invalid base64: %v", n, err)
			}
			leaf = leaf[:k]
			if k == 0 {
				return nil, fmt.Errorf("line %d: empty leaf", n)
			}
		}
		if len(leaf) > maxLeaf {
			return nil, fmt.Errorf("line %d: leaf of %d bytes exceeds the limit of %d", n, len(leaf), maxLeaf)
		}
		total += len(leaf)
		if len(leaves) == logMaxAppendLines || total > logMaxAppendBytes {
			return nil, fmt.Errorf("line %d: input exceeds one batch (%d leaves, %d bytes); split it", n, logMaxAppendLines, logMaxAppendBytes)
		}
		leaves = append(leaves, leaf)
	}
	if len(leaves) == 0 {
		return nil, errors.New("no leaves on standard input")
	}
	return leaves, nil
}

// readLine returns the next line without its "\n", or io.EOF at the end.
// A line longer than max is an error.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		frag, err := br.ReadSlice('\n')
		line = append(line, frag...)
		content := len(line)
		if content > 0 && line[content-1] == '\n' {
			content--
		}
		if content > max {
			return nil, fmt.Errorf("line is longer than %d bytes", max)
		}
		switch {
		case err == nil:
			return line[:len(line)-1], nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(line) == 0 {
				return nil, io.EOF
			}
			return line, nil
		default:
			return nil, fmt.Errorf("reading standard input: %v", err)
		}
	}
}

// logCheckpointJSON is a signed checkpoint: the output of "log checkpoint".
type logCheckpointJSON struct {
	Origin   string      `json:"origin"`
	TreeSize uint64      `json:"tree_size"`
	Root     verify.Hash `json:"root"`
	Note     string      `json:"note"`
}

func checkpointJSON(cp auditlog.SignedCheckpoint) logCheckpointJSON {
	return logCheckpointJSON{Origin: cp.Origin, TreeSize: cp.Size, Root: cp.Root, Note: string(cp.Note)}
}

func runLogCheckpoint(ctx context.Context, env *cliEnv, args []string) int {
	fs, dir := logFlagSet(env, "checkpoint")
	if c := parseLogFlags(env, fs, "checkpoint", args, dir, true); c != exitOK {
		return c
	}
	return withLog(env, "checkpoint", *dir, func(l *auditlog.Log) int {
		cp, err := l.Checkpoint(ctx)
		if err != nil {
			return logFail(env, "checkpoint", err)
		}
		return emit(env, "checkpoint", checkpointJSON(cp))
	})
}

// defaultSize is the size proofs and exports refer to when none is given:
// that of the latest signed checkpoint, or the tree size if none.
func defaultSize(ctx context.Context, l *auditlog.Log) (uint64, error) {
	cp, err := l.LatestCheckpoint(ctx)
	if errors.Is(err, auditlog.ErrNotFound) {
		return l.Size(), nil
	}
	if err != nil {
		return 0, err
	}
	return cp.Size, nil
}

// hashes never marshals as null.
func hashes(p []verify.Hash) []verify.Hash {
	if p == nil {
		return []verify.Hash{}
	}
	return p
}

type logProofJSON struct {
	Index    uint64        `json:"index"`
	TreeSize uint64        `json:"tree_size"`
	LeafHash verify.Hash   `json:"leaf_hash"`
	Root     verify.Hash   `json:"root"`
	Proof    []verify.Hash `json:"proof"`
	Note     string        `json:"note,omitempty"`
}

func runLogProof(ctx context.Context, env *cliEnv, args []string) int {
	fs, dir := logFlagSet(env, "proof")
	index := fs.Uint64("index", 0, "the leaf index (required)")
	size := fs.Uint64("size", 0, "the tree size (default: the latest checkpoint's, or the tree size)")
	if c := parseLogFlags(env, fs, "proof", args, dir, true); c != exitOK {
		return c
	}
	if !flagSet(fs, "index") {
		return usageErr(env, "log proof", "--index is required")
	}
	return withLog(env, "proof", *dir, func(l *auditlog.Log) int {
		n := *size
		if !flagSet(fs, "size") {
			var err error
			if n, err = defaultSize(ctx, l); err != nil {
				return logFail(env, "proof", err)
			}
		}
		if *index >= n {
			hint := ""
			if !flagSet(fs, "size") && n < l.Size() {
				hint = " (the latest checkpoint's size: sign a newer checkpoint, or pass --size)"
			}
			return usageErr(env, "log proof", "index %d is out of range for tree size %d%s", *index, n, hint)
		}
		p, err := l.InclusionProof(ctx, *index, n)
		if err != nil {
			return logFail(env, "proof", err)
		}
		leaf, err := l.Leaf(ctx, *index)
		if err != nil {
			return logFail(env, "proof", err)
		}
		root, err := l.RootAt(ctx, n)
		if err != nil {
			return logFail(env, "proof", err)
		}
		out := logProofJSON{Index: *index, TreeSize: n, LeafHash: verify.LeafHash(leaf), Root: root, Proof: hashes(p)}
		if cp, err := l.CheckpointAt(ctx, n); err == nil {
			out.Note = string(cp.Note)
		}
		return emit(env, "proof", out)
	})
}

type logConsistencyJSON struct {
	From     uint64        `json:"from"`
	To       uint64        `json:"to"`
	RootFrom verify.Hash   `json:"root_from"`
	RootTo   verify.Hash   `json:"root_to"`
	Proof    []verify.Hash `json:"proof"`
	NoteFrom string        `json:"note_from,omitempty"`
	NoteTo   string        `json:"note_to,omitempty"`
}

func runLogConsistency(ctx context.Context, env *cliEnv, args []string) int {
	fs, dir := logFlagSet(env, "consistency")
	from := fs.Uint64("from", 0, "the older tree size (required)")
	to := fs.Uint64("to", 0, "the newer tree size (default: the latest checkpoint's, or the tree size)")
	if c := parseLogFlags(env, fs, "consistency", args, dir, true); c != exitOK {
		return c
	}
	if !flagSet(fs, "from") {
		return usageErr(env, "log consistency", "--from is required")
	}
	return withLog(env, "consistency", *dir, func(l *auditlog.Log) int {
		n := *to
		if !flagSet(fs, "to") {
			var err error
			if n, err = defaultSize(ctx, l); err != nil {
				return logFail(env, "consistency", err)
			}
		}
		if *from > n || n > l.Size() {
			return usageErr(env, "log consistency", "sizes %d -> %d are out of range (tree size %d)", *from, n, l.Size())
		}
		p, err := l.ConsistencyProof(ctx, *from, n)
		if err != nil {
			return logFail(env, "consistency", err)
		}
		r1, err := l.RootAt(ctx, *from)
		if err != nil {
			return logFail(env, "consistency", err)
		}
		r2, err := l.RootAt(ctx, n)
		if err != nil {
			return logFail(env, "consistency", err)
		}
		out := logConsistencyJSON{From: *from, To: n, RootFrom: r1, RootTo: r2, Proof: hashes(p)}
		if cp, err := l.CheckpointAt(ctx, *from); err == nil {
			out.NoteFrom = string(cp.Note)
		}
		if cp, err := l.CheckpointAt(ctx, n); err == nil {
			out.NoteTo = string(cp.Note)
		}
		return emit(env, "consistency", out)
	})
}

func runLogExport(ctx context.Context, env *cliEnv, args []string) int {
	fs, dir := logFlagSet(env, "export")
	from := fs.Uint64("from", 0, "the first leaf index")
	to := fs.Uint64("to", 0, "the size of the signed checkpoint to export up to (default: the latest checkpoint's)")
	end := fs.Uint64("end", 0, "the end of the leaf range (exclusive; default: --to)")
	if c := parseLogFlags(env, fs, "export", args, dir, true); c != exitOK {
		return c
	}
	return withLog(env, "export", *dir, func(l *auditlog.Log) int {
		opts := &export.Options{Size: *to, From: *from, To: *end}
		switch {
		case flagSet(fs, "to") && *to > l.Size():
			return usageErr(env, "log export", "--to %d is beyond the tree size %d", *to, l.Size())
		case flagSet(fs, "to") && *to == 0:
			return usageErr(env, "log export", "--to 0: an export is up to a checkpoint of size 1 or more (leave --to out for the latest)")
		case flagSet(fs, "end") && *end == 0:
			return usageErr(env, "log export", "--end 0: leave --end out for all leaves up to the checkpoint")
		case !flagSet(fs, "to"):
			// A log that never signed exports at a checkpoint signed now.
			if _, err := l.LatestCheckpoint(ctx); errors.Is(err, auditlog.ErrNotFound) {
				if _, err := l.Checkpoint(ctx); err != nil {
					return logFail(env, "export", err)
				}
			}
		}
		out := &errWriter{w: env.stdout}
		err := export.Write(ctx, out, l, opts)
		switch {
		case out.err != nil:
			return failed(env, "log export", "writing output: %v", out.err)
		case errors.Is(err, export.ErrNoCheckpoint):
			return usageErr(env, "log export", "%v: export up to a checkpointed size, or run glassbox log checkpoint at that size", err)
		case errors.Is(err, export.ErrInconsistent):
			return failed(env, "log export", "%v", err)
		case err != nil:
			return logFail(env, "export", err)
		}
		return exitOK
	})
}

// errWriter keeps the first write error, so that output errors are told
// apart from the log's.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

type logVerifyJSON struct {
	OK       bool    `json:"ok"`
	TreeSize *uint64 `json:"tree_size,omitempty"`
	Kind     string  `json:"kind,omitempty"`
	Level    *uint   `json:"level,omitempty"`
	Index    *uint64 `json:"index,omitempty"`
	Error    string  `json:"error,omitempty"`
}

func runLogVerify(ctx context.Context, env *cliEnv, args []string) int {
	fs, dir := logFlagSet(env, "verify")
	export := fs.String("export", "", "verify this export file offline instead of a log directory (- for stdin)")
	logKey := fs.String("log-key", "", "with --export: the log's verifier key, or a file holding it")
	if c := parseLogFlags(env, fs, "verify", args, dir, false); c != exitOK {
		return c
	}
	switch {
	case (*dir == "") == (*export == ""):
		return usageErr(env, "log verify", "give exactly one of --dir and --export")
	case *export != "":
		if *logKey == "" {
			return usageErr(env, "log verify", "--export needs --log-key")
		}
		return runVerifyExport(env, *export, *logKey)
	case *logKey != "":
		return usageErr(env, "log verify", "--log-key goes with --export; a log directory has its own key")
	}
	l, err := openLog(*dir)
	if err == nil {
		err = l.CheckIntegrity(ctx)
		size := l.Size()
		if cerr := l.Close(); err == nil && cerr != nil {
			return failed(env, "log verify", "%v", cerr)
		}
		if err == nil {
			return emit(env, "verify", logVerifyJSON{OK: true, TreeSize: &size})
		}
	}
	var ie *auditlog.IntegrityError
	switch {
	case errors.As(err, &ie):
		out := logVerifyJSON{Kind: ie.Kind, Level: &ie.Level, Index: &ie.Index, Error: err.Error()}
		writeJSON(env.stdout, out)
		return failed(env, "log verify", "%v", err)
	case errors.Is(err, auditlog.ErrCorrupt):
		writeJSON(env.stdout, logVerifyJSON{Kind: "corrupt", Error: err.Error()})
		return failed(env, "log verify", "%v", err)
	}
	return usageErr(env, "log verify", "%v", err)
}

// logVerifyExportJSON is the output of "log verify --export": what the
// export holds, once verified, or the first failure.
type logVerifyExportJSON struct {
	OK          bool            `json:"ok"`
	Origin      string          `json:"origin,omitempty"`
	TreeSize    uint64          `json:"tree_size"`
	Root        *verify.Hash    `json:"root,omitempty"`
	From        uint64          `json:"from"`
	To          uint64          `json:"to"`
	Leaves      uint64          `json:"leaves"`
	Checkpoints int             `json:"checkpoints"`
	Anchors     []claimedAnchor `json:"anchors"`
	Payloads    *int            `json:"payloads,omitempty"`
	Counters    *int            `json:"counters,omitempty"`
}

// logVerifyExportFailedJSON is the output of a failed "log verify
// --export": the first failure and the line it is on (for leaves that do
// not hash to their root, the first of those leaves).
type logVerifyExportFailedJSON struct {
	OK    bool   `json:"ok"`
	Line  int    `json:"line,omitempty"`
	Error string `json:"error"`
}

// claimedAnchor is an anchor the export claims: consistent with its
// checkpoint, not read from the chain.
type claimedAnchor struct {
	Status      string      `json:"status"` // always "claimed"
	ChainID     uint64      `json:"chain_id"`
	Contract    string      `json:"contract"`
	LogID       string      `json:"log_id"`
	TreeSize    uint64      `json:"tree_size"`
	Root        verify.Hash `json:"root"`
	TxHash      string      `json:"tx_hash"`
	BlockNumber uint64      `json:"block_number"`
}

func runVerifyExport(env *cliEnv, path, key string) int {
	v, err := readVerifierKey(key)
	if err != nil {
		return usageErr(env, "log verify", "--log-key: %v", err)
	}
	var r io.Reader = env.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return usageErr(env, "log verify", "%v", err)
		}
		defer f.Close()
		r = f
	}
	e, err := offline.Verify(r, v, nil)
	if err != nil {
		res := logVerifyExportFailedJSON{Error: err.Error()}
		var le *offline.LineError
		var lv *offline.LeavesError
		switch {
		case errors.As(err, &le):
			res.Line = le.Line
		case errors.As(err, &lv):
			res.Line = lv.FirstLine
		}
		writeJSON(env.stdout, res)
		return failed(env, "log verify", "%v", err)
	}
	res := logVerifyExportJSON{
		OK: true, Origin: e.Checkpoint.Origin, TreeSize: e.Checkpoint.Size, Root: &e.Checkpoint.Root,
		From: e.From, To: e.To, Leaves: uint64(len(e.Leaves)), Checkpoints: len(e.Checkpoints), Anchors: []claimedAnchor{},
	}
	for _, a := range e.Anchors {
		res.Anchors = append(res.Anchors, claimedAnchor{
			Status: "claimed", ChainID: a.ChainID, Contract: "0x" + hex.EncodeToString(a.Contract[:]), LogID: "0x" + hex.EncodeToString(a.LogID[:]),
			TreeSize: a.TreeSize, Root: a.Root, TxHash: "0x" + hex.EncodeToString(a.TxHash[:]), BlockNumber: a.BlockNumber,
		})
	}
	if e.HasPayloads {
		n := len(e.Payloads)
		res.Payloads = &n
	}
	if e.HasCounters {
		n := len(e.Counters)
		res.Counters = &n
	}
	return emit(env, "verify", res)
}
