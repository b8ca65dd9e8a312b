package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/export"
	"github.com/glassbox-audit/glassbox/auditlog/export/offline"
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
		{"export", "--dir D [--from A] [--end E] [--to B] [--payloads] [--counters]: a self-verifying export (docs/export.md)", runLogExport},
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
		if !isHelp(args) {
			fmt.Fprintf(env.stderr, "glassbox log: unknown subcommand %q\n", args[0])
		}
	}
	fmt.Fprintln(env.stderr, "usage: glassbox log <subcommand> [flags]")
	for _, s := range logSubs() {
		fmt.Fprintf(env.stderr, "  %-12s %s\n", s.name, s.summary)
	}
	if isHelp(args) {
		return exitOK
	}
	return exitUsage
}

// logFlagSet returns a flag set with --dir and --key.
func logFlagSet(env *cliEnv, sub string) (*flag.FlagSet, logFlags) {
	fs := newFlagSet(env, "log "+sub)
	return fs, addLogFlags(fs)
}

// parseLogFlags parses args, rejects positional arguments and requires
// --dir when needDir. It returns ok to go on, or the exit code to return
// (exitOK after --help).
func parseLogFlags(env *cliEnv, fs *flag.FlagSet, sub string, args []string, dir *string, needDir bool) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		return parseExit(err), false
	}
	if fs.NArg() > 0 {
		return usageErr(env, "log "+sub, "unexpected argument %q", fs.Arg(0)), false
	}
	if needDir && *dir == "" {
		return usageErr(env, "log "+sub, "--dir is required"), false
	}
	return exitOK, true
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
	if c, ok := parseLogFlags(env, fs, "init", args, dir, true); !ok {
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
	if c, ok := parseLogFlags(env, fs, "append", args, lf.dir, true); !ok {
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
	fs, lf := logFlagSet(env, "checkpoint")
	if c, ok := parseLogFlags(env, fs, "checkpoint", args, lf.dir, true); !ok {
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
	if c, ok := parseLogFlags(env, fs, "proof", args, lf.dir, true); !ok {
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
	if c, ok := parseLogFlags(env, fs, "consistency", args, lf.dir, true); !ok {
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

func runLogExport(ctx context.Context, env *cliEnv, args []string) int {
	fs, lf := logFlagSet(env, "export")
	from := fs.Uint64("from", 0, "the first leaf index")
	to := fs.Uint64("to", 0, "the size of the signed checkpoint to export up to (default: the latest checkpoint's)")
	end := fs.Uint64("end", 0, "the end of the leaf range (exclusive; default: --to)")
	payloads := fs.Bool("payloads", false, "add the sealed payloads of the decisions in the range (a decisions log)")
	counters := fs.Bool("counters", false, "add the fairness counters (a decisions log); they hold at the latest size, which --to must then be")
	if c, ok := parseLogFlags(env, fs, "export", args, lf.dir, true); !ok {
		return c
	}
	return withLog(env, "export", lf, writeLog, func(l *auditlog.Log) int {
		opts := &export.Options{Size: *to, From: *from, To: *end, Payloads: *payloads, Counters: *counters}
		if *payloads || *counters {
			d, err := openLayer(l, *lf.dir)
			if err != nil {
				return logFail(env, "export", err)
			}
			opts.Records = export.DecisionRecords{Log: d}
		}
		switch {
		case flagSet(fs, "to") && *to > l.Size():
			return usageErr(env, "log export", "--to %d is beyond the tree size %d", *to, l.Size())
		case flagSet(fs, "to") && *to == 0:
			return usageErr(env, "log export", "--to 0: an export is up to a checkpoint of size 1 or more (leave --to out for the latest)")
		case flagSet(fs, "end") && *end == 0:
			return usageErr(env, "log export", "--end 0: leave --end out for all leaves up to the checkpoint")
		case !flagSet(fs, "to") && !*counters:
			// A log that never signed exports at a checkpoint signed now.
			if _, err := l.LatestCheckpoint(ctx); errors.Is(err, auditlog.ErrNotFound) {
				if _, err := l.Checkpoint(ctx); err != nil {
					return logFail(env, "export", err)
				}
			}
		}
		out := &errWriter{w: env.stdout}
		p := newProgress(env, "exporting leaves")
		opts.Progress = p.update()
		err := export.Write(ctx, out, l, opts)
		p.done()
		switch {
		case out.err != nil:
			return failed(env, "log export", "writing output: %v", out.err)
		case errors.Is(err, export.ErrCountersSize):
			return usageErr(env, "log export", "%v: leave --to out to export at the counters' size", err)
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
	fs, lf := logFlagSet(env, "verify")
	exportFile := fs.String("export", "", "verify this export file offline instead of a log directory (- for stdin)")
	logKey := fs.String("log-key", "", "with --export: the log's verifier key, or a file holding it")
	if c, ok := parseLogFlags(env, fs, "verify", args, lf.dir, false); !ok {
		return c
	}
	switch {
	case (*lf.dir == "") == (*exportFile == ""):
		return usageErr(env, "log verify", "give exactly one of --dir and --export")
	case *exportFile != "":
		if *logKey == "" {
			return usageErr(env, "log verify", "--export needs --log-key")
		}
		return runVerifyExport(env, *exportFile, *logKey)
	case *logKey != "":
		return usageErr(env, "log verify", "--log-key goes with --export; a log directory has its own key")
	}
	l, err := openLog(*lf.dir, *lf.keyFile, readLog)
	if err == nil {
		p := newProgress(env, "checking leaves")
		err = l.CheckIntegrityProgress(ctx, p.update())
		p.done()
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
