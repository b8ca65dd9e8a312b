package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"

	"github.com/glassbox-audit/glassbox/lineage"
	"github.com/glassbox-audit/glassbox/registry"
)

// modelCommand is `glassbox model <sub>`: a model version's lineage
// documents offline — model card, feature schema, training manifest and
// its inclusion proofs (docs/provenance.md).
func modelCommand() command {
	return command{name: "model", summary: "model lineage: card and schema digests, training manifest, record proofs", run: runModel}
}

type modelSub struct {
	name, args, summary string
	run                 func(env *cliEnv, args []string) int
}

func modelSubs() []modelSub {
	return []modelSub{
		{"card", "--file F", "validate a model card and print its canonical digest", runModelCard},
		{"schema", "--file F", "validate a feature schema and print its canonical digest", runModelSchema},
		{"manifest", "--training F", "print the training manifest's root and size (one record per line)", runModelManifest},
		{"prove", "--training F (--line N | --record-file R)", "print the inclusion proof of one training record", runModelProve},
		{"verify-record", "--root HEX --proof F --record-file R", "exit 0 if the proof shows the record is in the manifest of root HEX, else 1", runModelVerifyRecord},
	}
}

func modelUsage(env *cliEnv) {
	fmt.Fprintln(env.stderr, "usage: glassbox model <subcommand> [flags]")
	for _, s := range modelSubs() {
		fmt.Fprintf(env.stderr, "  %-14s %s\n  %-14s   %s\n", s.name, s.summary, "", s.args)
	}
}

func runModel(_ context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || isHelp(args) {
		modelUsage(env)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, s := range modelSubs() {
		if s.name == args[0] {
			return s.run(env, args[1:])
		}
	}
	modelUsage(env)
	return usageErr(env, "model", "unknown subcommand %q", args[0])
}

// lineageJSON is a model version's lineage as the CLI prints it: digests
// as 64 lower-case hex digits (the form of the document store's URLs),
// empty when not declared.
type lineageJSON struct {
	SchemaDigest string `json:"schema_digest"`
	ManifestRoot string `json:"manifest_root"`
	CardDigest   string `json:"card_digest"`
	CodeRef      string `json:"code_ref"`
}

func hexOrEmpty(d [32]byte) string {
	if d == [32]byte{} {
		return ""
	}
	return hex.EncodeToString(d[:])
}

func lineageOut(b registry.Lineage) lineageJSON {
	return lineageJSON{SchemaDigest: hexOrEmpty(b.SchemaDigest), ManifestRoot: hexOrEmpty(b.ManifestRoot),
		CardDigest: hexOrEmpty(b.CardDigest), CodeRef: b.CodeRef}
}

// lineageFlags are register-model's lineage flags, all optional.
type lineageFlags struct {
	schema, card, training, manifestRoot, codeRef *string
}

func addLineageFlags(fs *flag.FlagSet) lineageFlags {
	return lineageFlags{
		schema:       fs.String("schema", "", "feature schema JSON; its canonical digest is registered"),
		card:         fs.String("card", "", "model card JSON; its canonical digest is registered"),
		training:     fs.String("training", "", "training records, one a line; the manifest root is computed and registered"),
		manifestRoot: fs.String("manifest-root", "", "the training manifest root (hex), instead of --training"),
		codeRef:      fs.String("code-ref", "", "training code reference (repository path, commit, versions)"),
	}
}

// binding reads and checks the documents the flags name and returns the
// lineage to register; an error names the flag and is bad input.
func (lf lineageFlags) binding() (registry.Lineage, error) {
	var b registry.Lineage
	var err error
	if *lf.schema != "" {
		s, err := readSchema(*lf.schema)
		if err != nil {
			return b, fmt.Errorf("--schema: %w", err)
		}
		if b.SchemaDigest, err = s.Digest(); err != nil {
			return b, fmt.Errorf("--schema: %w", err)
		}
	}
	if *lf.card != "" {
		c, err := readCard(*lf.card)
		if err != nil {
			return b, fmt.Errorf("--card: %w", err)
		}
		if b.CardDigest, err = c.Digest(); err != nil {
			return b, fmt.Errorf("--card: %w", err)
		}
	}
	switch {
	case *lf.training != "" && *lf.manifestRoot != "":
		return b, errors.New("give at most one of --training and --manifest-root")
	case *lf.training != "":
		m, err := readManifest(*lf.training)
		if err != nil {
			return b, fmt.Errorf("--training: %w", err)
		}
		b.ManifestRoot = m.Root()
	case *lf.manifestRoot != "":
		if b.ManifestRoot, err = parse32(*lf.manifestRoot); err != nil {
			return b, fmt.Errorf("--manifest-root: %w", err)
		}
		if b.ManifestRoot == [32]byte{} {
			return b, errors.New("--manifest-root: all zero is \"not declared\"; leave the flag out")
		}
	}
	b.CodeRef = *lf.codeRef
	return b, nil
}

func readSchema(path string) (*lineage.Schema, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return lineage.ParseSchema(data)
}

func readCard(path string) (*lineage.Card, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return lineage.ParseCard(data)
}

func readManifest(path string) (*lineage.Manifest, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	hs, err := lineage.ReadRecords(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return lineage.NewManifest(hs)
}

// readRecord reads one training record from a file: its bytes without one
// trailing "\n" or "\r\n" (a record is a line, so it holds no newline).
func readRecord(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	if len(b) == 0 {
		return nil, fmt.Errorf("%s: the record is empty", path)
	}
	if bytes.ContainsAny(b, "\r\n") {
		return nil, fmt.Errorf("%s: a record is one line; the file has more", path)
	}
	return b, nil
}

// modelFlagSub parses a model subcommand's flags, checks the required
// ones, and runs fn; fn's error is bad input (exit 2).
func modelFlagSub(env *cliEnv, cmd string, args []string, decl func(fs *flag.FlagSet), req []string, fn func() (any, error)) int {
	fs := newFlagSet(env, cmd)
	decl(fs)
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() != 0 {
		return usageErr(env, cmd, "unexpected argument %q", fs.Arg(0))
	}
	if err := required(fs, req...); err != nil {
		return usageErr(env, cmd, "%v", err)
	}
	out, err := fn()
	if err != nil {
		return usageErr(env, cmd, "%v", err)
	}
	writeJSON(env.stdout, out)
	return exitOK
}

func runModelCard(env *cliEnv, args []string) int {
	var file *string
	return modelFlagSub(env, "model card", args, func(fs *flag.FlagSet) {
		file = fs.String("file", "", "model card JSON (required)")
	}, []string{"file"}, func() (any, error) {
		c, err := readCard(*file)
		if err != nil {
			return nil, err
		}
		d, err := c.Digest()
		if err != nil {
			return nil, err
		}
		return map[string]string{"path": *file, "model": c.Model, "version": c.Version, "card_digest": hex.EncodeToString(d[:])}, nil
	})
}

func runModelSchema(env *cliEnv, args []string) int {
	var file *string
	return modelFlagSub(env, "model schema", args, func(fs *flag.FlagSet) {
		file = fs.String("file", "", "feature schema JSON (required)")
	}, []string{"file"}, func() (any, error) {
		s, err := readSchema(*file)
		if err != nil {
			return nil, err
		}
		d, err := s.Digest()
		if err != nil {
			return nil, err
		}
		return map[string]any{"path": *file, "features": len(s.Features), "schema_digest": hex.EncodeToString(d[:])}, nil
	})
}

func runModelManifest(env *cliEnv, args []string) int {
	var training *string
	return modelFlagSub(env, "model manifest", args, func(fs *flag.FlagSet) {
		training = fs.String("training", "", "training records, one a line (required)")
	}, []string{"training"}, func() (any, error) {
		m, err := readManifest(*training)
		if err != nil {
			return nil, err
		}
		r := m.Root()
		return map[string]any{"path": *training, "manifest_root": hex.EncodeToString(r[:]), "size": m.Size()}, nil
	})
}

func runModelProve(env *cliEnv, args []string) int {
	var training, line, recordFile *string
	return modelFlagSub(env, "model prove", args, func(fs *flag.FlagSet) {
		training = fs.String("training", "", "training records, one a line (required)")
		line = fs.String("line", "", "the record's line number in --training, from 1")
		recordFile = fs.String("record-file", "", "a file holding the record (one line), instead of --line")
	}, []string{"training"}, func() (any, error) {
		if (*line == "") == (*recordFile == "") {
			return nil, errors.New("give exactly one of --line and --record-file")
		}
		var n uint64
		var rec []byte
		var err error
		if *line != "" {
			if n, err = strconv.ParseUint(*line, 10, 64); err != nil || n == 0 {
				return nil, fmt.Errorf("--line %q is not a positive integer", *line)
			}
		} else if rec, err = readRecord(*recordFile); err != nil {
			return nil, fmt.Errorf("--record-file: %w", err)
		}
		m, err := readManifest(*training)
		if err != nil {
			return nil, err
		}
		if rec != nil {
			return m.Prove(lineage.RecordHash(rec))
		}
		if n > m.Size() {
			return nil, fmt.Errorf("--line %d: %s has %d records", n, *training, m.Size())
		}
		return m.ProveIndex(n - 1)
	})
}

// verifyRecordJSON is what `model verify-record` prints.
type verifyRecordJSON struct {
	Root       string `json:"manifest_root"`
	RecordHash string `json:"record_hash"`
	Index      uint64 `json:"index"`
	Size       uint64 `json:"size"`
	Included   bool   `json:"included"`
	Error      string `json:"error,omitempty"`
}

func runModelVerifyRecord(env *cliEnv, args []string) int {
	const cmd = "model verify-record"
	fs := newFlagSet(env, cmd)
	rootFlag := fs.String("root", "", "the training manifest root, hex (required)")
	proofFile := fs.String("proof", "", "inclusion proof JSON, as glassbox model prove prints it (required)")
	recordFile := fs.String("record-file", "", "a file holding the record (one line) (required)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() != 0 {
		return usageErr(env, cmd, "unexpected argument %q", fs.Arg(0))
	}
	if err := required(fs, "root", "proof", "record-file"); err != nil {
		return usageErr(env, cmd, "%v", err)
	}
	root, err := parse32(*rootFlag)
	if err != nil {
		return usageErr(env, cmd, "--root: %v", err)
	}
	data, err := os.ReadFile(*proofFile)
	if err != nil {
		return usageErr(env, cmd, "--proof: %v", err)
	}
	p, err := lineage.ParseProof(data)
	if err != nil {
		return usageErr(env, cmd, "--proof: %v", err)
	}
	rec, err := readRecord(*recordFile)
	if err != nil {
		return usageErr(env, cmd, "--record-file: %v", err)
	}
	h := lineage.RecordHash(rec)
	out := verifyRecordJSON{Root: hex.EncodeToString(root[:]), RecordHash: hex.EncodeToString(h[:]), Index: p.Index, Size: p.Size}
	switch {
	case h != p.RecordHash:
		err = fmt.Errorf("the record's hash %x is not the proof's record %x", h, p.RecordHash)
	default:
		err = p.Verify(root)
	}
	if err != nil {
		out.Error = err.Error()
		writeJSON(env.stdout, out)
		return failed(env, cmd, "%v", err)
	}
	out.Included = true
	writeJSON(env.stdout, out)
	return exitOK
}
