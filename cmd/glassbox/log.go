package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
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
		{"export", "--dir D [--from A] [--to B]: JSON lines, a checkpoint then leaves", runLogExport},
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

// logFlagSet returns a flag set with --dir and --key.
func logFlagSet(env *cliEnv, sub string) (*flag.FlagSet, logFlags) {
	fs := newFlagSet(env, "log "+sub)
	return fs, addLogFlags(fs)
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

// How a command uses the log it opens.
type openMode int

const (
	// readLog: reads and proofs only. The log is opened read-only
	// (auditlog.Options.ReadOnly): a log directory needs only its
	// verifier.key, and nothing in it is written.
	readLog openMode = iota
	// writeLog: appends or signs checkpoints in an existing log.
	writeLog
	// createLog: like writeLog, but with --key a missing or empty --dir
	// becomes a new bare store (glassbox append).
	createLog
)

// openLog opens the log named by --dir and --key; it is the one way every
// command opens a log, and checkpoints are signed on demand only.
//
//   - A log directory (auditlog.CreateDir's layout, made by glassbox log
//     init, the examples and the SDK) opens with auditlog.OpenDir, with its
//     own keys, or with --key when given (which must be its signer key).
//   - With --key, anything else is a bare store, opened with auditlog.Open.
//
// Nothing is created, except a bare store by createLog.
func openLog(dir, keyFile string, mode openMode) (*auditlog.Log, error) {
	o := &auditlog.Options{
		CheckpointInterval: -1,
		MaxBatchEntries:    logMaxAppendLines,
		MaxBatchBytes:      logMaxAppendBytes,
		ReadOnly:           mode == readLog,
		MustExist:          mode != createLog,
	}
	if keyFile != "" {
		signer, err := auditlog.ReadSignerKey(keyFile)
		if err != nil {
			return nil, err
		}
		o.Signer = signer
		if _, err := os.Stat(filepath.Join(dir, auditlog.VerifierKeyFile)); errors.Is(err, os.ErrNotExist) {
			return auditlog.Open(dir, o)
		}
	}
	l, err := auditlog.OpenDir(dir, o)
	if err == nil || keyFile != "" {
		return l, err
	}
	if _, serr := os.Stat(filepath.Join(dir, auditlog.VerifierKeyFile)); serr == nil {
		return nil, err // a log directory that does not open: err says why
	}
	switch {
	case errors.Is(err, auditlog.ErrNotExist) && mode == createLog:
		return nil, fmt.Errorf("%w (create a log directory with glassbox log init, or pass --key to start a bare store)", err)
	case errors.Is(err, auditlog.ErrNotExist):
		return nil, fmt.Errorf("%w (create a log directory with glassbox log init)", err)
	case errors.Is(err, auditlog.ErrNotALog):
		return nil, fmt.Errorf("%w (for a bare store, pass --key with its signer key file)", err)
	}
	return nil, err
}

// dirErr reports whether err is a problem with the log named on the
// command line (bad input, exit code 2), not a failure of the log.
func dirErr(err error) bool {
	for _, e := range []error{auditlog.ErrNotExist, auditlog.ErrNotALog, auditlog.ErrKeyFile, auditlog.ErrInvalidOptions, auditlog.ErrLocked, auditlog.ErrWrongKey} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
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

// withLog opens the log named by the flags, runs fn and closes the log.
func withLog(env *cliEnv, sub string, lf logFlags, mode openMode, fn func(l *auditlog.Log) int) int {
	l, err := openLog(*lf.dir, *lf.keyFile, mode)
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
	fs := newFlagSet(env, "log init")
	dir := fs.String("dir", "", "the log directory to create (missing or empty)")
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
	info, err := auditlog.CreateDir(abs, *origin)
	if errors.Is(err, auditlog.ErrInvalidOptions) {
		return usageErr(env, "log init", "--origin %q: %v", *origin, err)
	}
	if err != nil {
		return usageErr(env, "log init", "%v", err)
	}
	return emit(env, "init", logInitJSON{Origin: info.Origin, VerifierKey: info.VerifierKey, Dir: abs})
}

type logAppendJSON struct {
	FirstIndex uint64 `json:"first_index"`
	Count      int    `json:"count"`
	TreeSize   uint64 `json:"tree_size"`
}

func runLogAppend(ctx context.Context, env *cliEnv, args []string) int {
	fs, lf := logFlagSet(env, "append")
	b64 := fs.Bool("base64", false, "each line is a base64 (standard, padded) encoding of the leaf")
	if c := parseLogFlags(env, fs, "append", args, lf.dir, true); c != exitOK {
		return c
	}
	leaves, err := readLeafLines(env.stdin, *b64, auditlog.DefaultMaxLeafSize)
	if err != nil {
		return usageErr(env, "log append", "%v", err)
	}
	return withLog(env, "append", lf, writeLog, func(l *auditlog.Log) int {
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

// logCheckpointJSON is a signed checkpoint: the output of "log checkpoint"
// and the header line of "log export".
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
	fs, lf := logFlagSet(env, "checkpoint")
	if c := parseLogFlags(env, fs, "checkpoint", args, lf.dir, true); c != exitOK {
		return c
	}
	return withLog(env, "checkpoint", lf, writeLog, func(l *auditlog.Log) int {
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
	fs, lf := logFlagSet(env, "proof")
	index := fs.Uint64("index", 0, "the leaf index (required)")
	size := fs.Uint64("size", 0, "the tree size (default: the latest checkpoint's, or the tree size)")
	if c := parseLogFlags(env, fs, "proof", args, lf.dir, true); c != exitOK {
		return c
	}
	if !flagSet(fs, "index") {
		return usageErr(env, "log proof", "--index is required")
	}
	return withLog(env, "proof", lf, readLog, func(l *auditlog.Log) int {
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
	fs, lf := logFlagSet(env, "consistency")
	from := fs.Uint64("from", 0, "the older tree size (required)")
	to := fs.Uint64("to", 0, "the newer tree size (default: the latest checkpoint's, or the tree size)")
	if c := parseLogFlags(env, fs, "consistency", args, lf.dir, true); c != exitOK {
		return c
	}
	if !flagSet(fs, "from") {
		return usageErr(env, "log consistency", "--from is required")
	}
	return withLog(env, "consistency", lf, readLog, func(l *auditlog.Log) int {
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

// logExportHeader is the first line of an export: the checkpoint of size
// To, and the slice [From, To) of leaves that follows. When 0 < From < To,
// Prefix holds the hashes of the perfect subtrees that cover the leaves
// [0, From), in the order of compact.RangeNodes(0, From): with them the
// slice's leaves recompute the checkpoint's root.
type logExportHeader struct {
	logCheckpointJSON
	From   uint64        `json:"from"`
	To     uint64        `json:"to"`
	Prefix []verify.Hash `json:"prefix,omitempty"`
}

var logRangeFactory = &compact.RangeFactory{Hash: rfc6962.DefaultHasher.HashChildren}

// exportPrefix returns the hashes of compact.RangeNodes(0, from), taken
// from the inclusion proof of leaf from in the tree of size (0 < from <
// size): the left siblings on a leaf's path to the root are exactly the
// perfect subtrees covering the leaves before it. The result is checked
// against the stored root of the tree of size from.
func exportPrefix(ctx context.Context, l *auditlog.Log, from, size uint64) ([]verify.Hash, error) {
	p, err := l.InclusionProof(ctx, from, size)
	if err != nil {
		return nil, err
	}
	nodes, err := proof.Inclusion(from, size)
	if err != nil {
		return nil, err
	}
	// Where each node's hash sits in the proof: the nodes IDs[begin:end]
	// are folded into one proof entry (the ephemeral node).
	_, begin, end := nodes.Ephem()
	pos := make(map[compact.NodeID]int, len(nodes.IDs))
	for i, id := range nodes.IDs {
		j := i
		if begin < end {
			switch {
			case i >= end:
				j = i - (end - begin) + 1
			case i >= begin && end-begin > 1:
				continue
			}
		}
		pos[id] = j
	}
	ids := compact.RangeNodes(0, from, nil)
	out := make([]verify.Hash, len(ids))
	hs := make([][]byte, len(ids))
	for k, id := range ids {
		j, ok := pos[id]
		if !ok || j >= len(p) {
			return nil, fmt.Errorf("node (%d, %d) covering [0, %d) is not in the inclusion proof of leaf %d in size %d", id.Level, id.Index, from, from, size)
		}
		out[k] = p[j]
		hs[k] = out[k][:]
	}
	rng, err := logRangeFactory.NewRange(0, from, hs)
	if err != nil {
		return nil, err
	}
	root, err := rng.GetRootHash(nil)
	if err != nil {
		return nil, err
	}
	want, err := l.RootAt(ctx, from)
	if err != nil {
		return nil, err
	}
	if verify.Hash(root) != want {
		return nil, fmt.Errorf("%w: the subtrees covering [0, %d) hash to %s, the stored root is %s", auditlog.ErrCorrupt, from, verify.Hash(root), want)
	}
	return out, nil
}

// logExportLeaf is one leaf line of an export.
type logExportLeaf struct {
	Index uint64 `json:"index"`
	Leaf  []byte `json:"leaf"`
}

func runLogExport(ctx context.Context, env *cliEnv, args []string) int {
	fs, lf := logFlagSet(env, "export")
	from := fs.Uint64("from", 0, "the first leaf index")
	to := fs.Uint64("to", 0, "the end of the slice (exclusive), a size with a signed checkpoint (default: the latest checkpoint's)")
	if c := parseLogFlags(env, fs, "export", args, lf.dir, true); c != exitOK {
		return c
	}
	return withLog(env, "export", lf, writeLog, func(l *auditlog.Log) int {
		var cp auditlog.SignedCheckpoint
		var err error
		if flagSet(fs, "to") {
			if *to > l.Size() {
				return usageErr(env, "log export", "--to %d is beyond the tree size %d", *to, l.Size())
			}
			cp, err = l.CheckpointAt(ctx, *to)
			if errors.Is(err, auditlog.ErrNotFound) {
				return usageErr(env, "log export", "no signed checkpoint at size %d: export up to a checkpointed size, or run glassbox log checkpoint at that size", *to)
			}
		} else {
			cp, err = l.LatestCheckpoint(ctx)
			if errors.Is(err, auditlog.ErrNotFound) {
				cp, err = l.Checkpoint(ctx)
			}
		}
		if err != nil {
			return logFail(env, "export", err)
		}
		if *from > cp.Size {
			return usageErr(env, "log export", "--from %d is beyond the checkpoint size %d", *from, cp.Size)
		}
		werr, err := writeExport(ctx, env.stdout, l, cp, *from)
		if werr != nil {
			return failed(env, "log export", "writing output: %v", werr)
		}
		if err != nil {
			return logFail(env, "export", err)
		}
		return exitOK
	})
}

// writeExport writes the slice [from, cp.Size) with cp as its header. It
// returns output errors and log errors apart.
func writeExport(ctx context.Context, out io.Writer, l *auditlog.Log, cp auditlog.SignedCheckpoint, from uint64) (werr, err error) {
	hdr := logExportHeader{logCheckpointJSON: checkpointJSON(cp), From: from, To: cp.Size}
	if from > 0 && from < cp.Size {
		if hdr.Prefix, err = exportPrefix(ctx, l, from, cp.Size); err != nil {
			return nil, err
		}
	}
	w := bufio.NewWriterSize(out, 256<<10)
	if werr := writeJSON(w, hdr); werr != nil {
		return werr, nil
	}
	err = l.ScanLeaves(ctx, from, cp.Size, func(i uint64, leaf []byte) error {
		if werr = writeJSON(w, logExportLeaf{Index: i, Leaf: leaf}); werr != nil {
			return werr
		}
		return nil
	})
	if werr == nil {
		werr = w.Flush()
	}
	return werr, err
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
	fs, lf := logFlagSet(env, "verify")
	export := fs.String("export", "", "verify this export file offline instead of a log directory (- for stdin)")
	logKey := fs.String("log-key", "", "with --export: the log's verifier key, or a file holding it")
	if c := parseLogFlags(env, fs, "verify", args, lf.dir, false); c != exitOK {
		return c
	}
	switch {
	case (*lf.dir == "") == (*export == ""):
		return usageErr(env, "log verify", "give exactly one of --dir and --export")
	case *export != "":
		if *logKey == "" {
			return usageErr(env, "log verify", "--export needs --log-key")
		}
		return runVerifyExport(env, *export, *logKey)
	case *logKey != "":
		return usageErr(env, "log verify", "--log-key goes with --export; a log directory has its own key")
	}
	l, err := openLog(*lf.dir, *lf.keyFile, readLog)
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

type logVerifyExportJSON struct {
	OK          bool   `json:"ok"`
	Origin      string `json:"origin,omitempty"`
	TreeSize    uint64 `json:"tree_size"`
	From        uint64 `json:"from"`
	To          uint64 `json:"to"`
	Leaves      uint64 `json:"leaves"`
	RootChecked bool   `json:"root_checked"`
	Error       string `json:"error,omitempty"`
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
	res, err := verifyExport(r, v)
	if err != nil {
		res.OK, res.Error = false, err.Error()
		writeJSON(env.stdout, res)
		return failed(env, "log verify", "%v", err)
	}
	return emit(env, "verify", res)
}

// verifyExport checks an export: the header's signed note opens with v and
// agrees with the header's fields; the leaf lines are exactly the indices
// [from, to); and the leaves, after the header's prefix subtrees, hash to
// the checkpoint's root (unless the slice is empty and starts after 0).
func verifyExport(r io.Reader, v note.Verifier) (logVerifyExportJSON, error) {
	var res logVerifyExportJSON
	br := bufio.NewReaderSize(r, 64<<10)
	// A leaf line is at most the base64 of the largest leaf plus its
	// index and punctuation.
	maxLine := base64.StdEncoding.EncodedLen(auditlog.DefaultMaxLeafSize) + 64
	line, err := readLine(br, maxLine)
	if errors.Is(err, io.EOF) {
		return res, errors.New("empty export: no header line")
	}
	if err != nil {
		return res, fmt.Errorf("line 1: %w", err)
	}
	var h logExportHeader
	if err := strictJSON(line, &h); err != nil {
		return res, fmt.Errorf("line 1 (header): %w", err)
	}
	cp, err := verify.OpenCheckpoint([]byte(h.Note), v)
	if err != nil {
		return res, fmt.Errorf("line 1 (header): checkpoint: %w", err)
	}
	res.Origin, res.TreeSize, res.From, res.To = cp.Origin, cp.Size, h.From, h.To
	if h.Origin != cp.Origin || h.TreeSize != cp.Size || h.Root != cp.Root {
		return res, errors.New("line 1 (header): origin, tree_size or root differ from the signed note")
	}
	if h.To != cp.Size || h.From > h.To {
		return res, fmt.Errorf("line 1 (header): slice [%d, %d) does not end at the checkpoint size %d", h.From, h.To, cp.Size)
	}
	// The leaves recompute the root from the subtrees before them: none for
	// a slice from 0, the header's prefix otherwise. An empty slice from
	// elsewhere than 0 has nothing to recompute.
	var rng *compact.Range
	switch {
	case h.From == 0:
		if len(h.Prefix) != 0 {
			return res, errors.New("line 1 (header): a prefix for a slice from 0")
		}
		rng = logRangeFactory.NewEmptyRange(0)
	case h.From < h.To:
		if want := len(compact.RangeNodes(0, h.From, nil)); len(h.Prefix) != want {
			return res, fmt.Errorf("line 1 (header): prefix has %d hashes, [0, %d) needs %d", len(h.Prefix), h.From, want)
		}
		hs := make([][]byte, len(h.Prefix))
		for i := range h.Prefix {
			hs[i] = h.Prefix[i][:]
		}
		if rng, err = logRangeFactory.NewRange(0, h.From, hs); err != nil {
			return res, fmt.Errorf("line 1 (header): prefix: %v", err)
		}
	case len(h.Prefix) != 0:
		return res, errors.New("line 1 (header): a prefix for an empty slice")
	}
	next := h.From
	for n := 2; ; n++ {
		line, err := readLine(br, maxLine)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return res, fmt.Errorf("line %d: %w", n, err)
		}
		var lf logExportLeaf
		if err := strictJSON(line, &lf); err != nil {
			return res, fmt.Errorf("line %d: %w", n, err)
		}
		if lf.Index != next || next >= h.To {
			return res, fmt.Errorf("line %d: leaf index %d, want %d of the slice [%d, %d)", n, lf.Index, next, h.From, h.To)
		}
		if len(lf.Leaf) == 0 {
			return res, fmt.Errorf("line %d: empty leaf", n)
		}
		if rng != nil {
			lh := verify.LeafHash(lf.Leaf)
			if err := rng.Append(lh[:], nil); err != nil {
				return res, fmt.Errorf("line %d: %v", n, err)
			}
		}
		next++
		res.Leaves++
	}
	if next != h.To {
		return res, fmt.Errorf("export ends at leaf %d, the slice is [%d, %d)", next, h.From, h.To)
	}
	if rng != nil {
		root := verify.EmptyRoot()
		if h.To > 0 {
			b, err := rng.GetRootHash(nil)
			if err != nil {
				return res, err
			}
			root = verify.Hash(b)
		}
		if root != cp.Root {
			return res, &verify.RootMismatchError{Expected: cp.Root, Calculated: root}
		}
		res.RootChecked = true
	}
	res.OK = true
	return res, nil
}

// strictJSON decodes exactly one JSON value with no unknown fields.
func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}
