package offline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// Default limits of [Verify]; see [Options].
const (
	DefaultMaxLineSize    = 8 << 20 // a leaf or sealed payload of up to 6 MiB, in base64
	DefaultMaxBytes       = 4 << 30
	DefaultMaxLeaves      = 1 << 24
	DefaultMaxCheckpoints = 1 << 20
	DefaultMaxAnchors     = 1 << 16
	DefaultMaxCounters    = 1 << 20
)

// Options bound what [Verify] reads; nil or a zero field means the
// default. An export beyond a limit fails with [ErrTooLarge] before the
// lines beyond it are kept.
type Options struct {
	MaxLineSize    int    // bytes of one line, without its newline
	MaxBytes       int64  // bytes of the whole export
	MaxLeaves      uint64 // leaves (To - From); payloads are at most one per leaf
	MaxCheckpoints uint64 // checkpoint lines
	MaxAnchors     uint64 // anchor lines
	MaxCounters    uint64 // counter lines
}

func (o *Options) withDefaults() Options {
	var out Options
	if o != nil {
		out = *o
	}
	if out.MaxLineSize <= 0 {
		out.MaxLineSize = DefaultMaxLineSize
	}
	if out.MaxBytes <= 0 {
		out.MaxBytes = DefaultMaxBytes
	}
	if out.MaxLeaves == 0 {
		out.MaxLeaves = DefaultMaxLeaves
	}
	if out.MaxCheckpoints == 0 {
		out.MaxCheckpoints = DefaultMaxCheckpoints
	}
	if out.MaxAnchors == 0 {
		out.MaxAnchors = DefaultMaxAnchors
	}
	if out.MaxCounters == 0 {
		out.MaxCounters = DefaultMaxCounters
	}
	return out
}

// Export is the content of an export that [Verify] accepted. Every part
// is checked against Checkpoint, whose signature verified; see the
// package documentation for what each check proves and what it does not.
type Export struct {
	// Checkpoint is the signed checkpoint the export is up to.
	Checkpoint Checkpoint
	// From and To bound the leaves: Leaves[i] is the leaf at index From+i.
	From, To uint64
	Leaves   [][]byte
	// Checkpoints are the log's other checkpoints below Checkpoint's size,
	// by increasing size, each signed and consistent with Checkpoint.
	Checkpoints []Checkpoint
	// Anchors are claimed anchors consistent with Checkpoint; whether the
	// chain holds them is not checked here.
	Anchors []Anchor
	// HasPayloads says whether the export carries payloads; Payloads are
	// then the sealed payloads of leaves of [From, To), by index.
	HasPayloads bool
	Payloads    []Payload
	// HasCounters says whether the export carries counters; Counters are
	// then the log's fairness counters at Checkpoint's size, in the order
	// of [CompareCounters]. They are the operator's statement: the group
	// attributes they split decisions by are sealed in the payloads, so
	// they cannot be recomputed from the leaves alone.
	HasCounters bool
	Counters    []record.CountCell
}

// Leaf returns the leaf at index, if the export carries it.
func (e *Export) Leaf(index uint64) ([]byte, bool) {
	if index < e.From || index >= e.To {
		return nil, false
	}
	return e.Leaves[index-e.From], true
}

// Verify reads an export from r and checks all of it with the log's
// checkpoint verifier v: the header's checkpoint and every checkpoint line
// are signed by v (their origin is v's name); every checkpoint and anchor
// is consistent with the header's checkpoint; the leaves are exactly the
// indices [From, To) and hash, with the header's proof material, to the
// header's root (and to the root of every checkpoint on the way); payloads
// belong to leaves of the export; counters are well formed; the end line's
// counts match; nothing follows. Every line must be in the canonical form
// of docs/export.md.
//
// It returns the verified content, or a nil Export and the first failure:
// a [*LineError] naming the line (wrapping [ErrMalformed], [ErrMismatch],
// [ErrTooLarge], [ErrTruncated], [ErrTrailingData] or an error of package
// verify), or a [*LeavesError] when leaves do not hash to their root. It
// reads r to its end, and no further than the first failure.
func Verify(r io.Reader, v note.Verifier, opts *Options) (*Export, error) {
	if v == nil {
		return nil, errors.New("export: Verify needs the log's verifier key")
	}
	o := opts.withDefaults()
	d := &decoder{br: bufio.NewReaderSize(r, 64<<10), v: v, o: o, c: newChecker()}
	return d.run()
}

type decoder struct {
	br    *bufio.Reader
	v     note.Verifier
	o     Options
	c     checker
	line  int
	total int64
	out   Export
}

// fail wraps err with the current line.
func (d *decoder) fail(kind string, index uint64, err error) error {
	var le *LeavesError
	if errors.As(err, &le) {
		return err
	}
	return &LineError{Line: d.line, Kind: kind, Index: index, Err: err}
}

// Every line of a kind starts with its type key, in canonical form.
var prefixes = []struct {
	kind   string
	prefix []byte
}{
	{typeHeader, []byte(`{"type":"header",`)},
	{typeCheckpoint, []byte(`{"type":"checkpoint",`)},
	{typeAnchor, []byte(`{"type":"anchor",`)},
	{typeLeaf, []byte(`{"type":"leaf",`)},
	{typePayload, []byte(`{"type":"payload",`)},
	{typeCounter, []byte(`{"type":"counter",`)},
	{typeEnd, []byte(`{"type":"end",`)},
}

func (d *decoder) run() (*Export, error) {
	for {
		line, err := d.readLine()
		if errors.Is(err, io.EOF) {
			if d.line == 0 {
				return nil, &LineError{Line: 1, Err: fmt.Errorf("%w: empty export, no header", ErrTruncated)}
			}
			return nil, &LineError{Line: d.line + 1, Err: fmt.Errorf("%w: the export ends before its end line", ErrTruncated)}
		}
		if err != nil {
			return nil, d.fail("", 0, err)
		}
		kind := ""
		for _, p := range prefixes {
			if bytes.HasPrefix(line, p.prefix) {
				kind = p.kind
				break
			}
		}
		if d.line == 1 && kind != typeHeader {
			return nil, d.fail("", 0, fmt.Errorf("%w: the first line must be the header, {\"type\":\"header\",...}", ErrMalformed))
		}
		done, err := d.dispatch(kind, line)
		if err != nil {
			return nil, err
		}
		if done {
			break
		}
	}
	// Nothing may follow the end line, not even an empty line.
	if _, err := d.br.ReadByte(); err == nil {
		return nil, &LineError{Line: d.line + 1, Err: ErrTrailingData}
	} else if !errors.Is(err, io.EOF) {
		return nil, &LineError{Line: d.line + 1, Err: err}
	}
	out := d.out
	return &out, nil
}

// dispatch parses and checks one line of the given kind; done is true
// after the end line.
func (d *decoder) dispatch(kind string, line []byte) (done bool, err error) {
	c := &d.c
	c.line = d.line
	switch kind {
	case typeHeader:
		var w wireHeader
		if err := parseLine(line, &w); err != nil {
			return false, d.fail(kind, 0, err)
		}
		return false, d.header(&w)
	case typeCheckpoint:
		var w wireCheckpoint
		if err := parseLine(line, &w); err != nil {
			return false, d.fail(kind, w.TreeSize, err)
		}
		if c.n.Checkpoints >= d.o.MaxCheckpoints {
			return false, d.fail(kind, w.TreeSize, fmt.Errorf("%w: more than %d checkpoint lines", ErrTooLarge, d.o.MaxCheckpoints))
		}
		cp, err := d.openNote(w.Note, w.TreeSize, w.Root)
		if err == nil {
			err = c.checkpoint(&cp, w.ConsistencyProof)
		}
		if err != nil {
			return false, d.fail(kind, w.TreeSize, err)
		}
		d.out.Checkpoints = append(d.out.Checkpoints, cp)
	case typeAnchor:
		var w wireAnchor
		if err := parseLine(line, &w); err != nil {
			return false, d.fail(kind, w.TreeSize, err)
		}
		if c.n.Anchors >= d.o.MaxAnchors {
			return false, d.fail(kind, w.TreeSize, fmt.Errorf("%w: more than %d anchor lines", ErrTooLarge, d.o.MaxAnchors))
		}
		a := w.anchor()
		if err := c.anchor(&a, w.ConsistencyProof); err != nil {
			return false, d.fail(kind, w.TreeSize, err)
		}
		d.out.Anchors = append(d.out.Anchors, a)
	case typeLeaf:
		var w wireLeaf
		if err := parseLine(line, &w); err != nil {
			return false, d.fail(kind, c.next, err)
		}
		if err := c.leaf(w.Index, w.Leaf); err != nil {
			return false, d.fail(kind, w.Index, err)
		}
		d.out.Leaves = append(d.out.Leaves, w.Leaf)
	case typePayload:
		var w wirePayload
		if err := parseLine(line, &w); err != nil {
			return false, d.fail(kind, w.Index, err)
		}
		p := Payload{Index: w.Index, Sealed: w.Sealed}
		if err := c.payload(&p); err != nil {
			return false, d.fail(kind, w.Index, err)
		}
		d.out.Payloads = append(d.out.Payloads, p)
	case typeCounter:
		var w wireCounter
		pos := c.n.Counters
		if err := parseLine(line, &w); err != nil {
			return false, d.fail(kind, pos, err)
		}
		if pos >= d.o.MaxCounters {
			return false, d.fail(kind, pos, fmt.Errorf("%w: more than %d counter lines", ErrTooLarge, d.o.MaxCounters))
		}
		cnt := w.counter()
		if err := c.counter(&cnt); err != nil {
			return false, d.fail(kind, pos, err)
		}
		d.out.Counters = append(d.out.Counters, cnt)
	case typeEnd:
		var w wireEnd
		if err := parseLine(line, &w); err != nil {
			return false, d.fail(kind, 0, err)
		}
		n := Counts{Checkpoints: w.Checkpoints, Anchors: w.Anchors, Leaves: w.Leaves, Payloads: w.Payloads, Counters: w.Counters}
		if err := c.end(n); err != nil {
			return false, d.fail(kind, 0, err)
		}
		return true, nil
	default:
		return false, d.fail("", 0, fmt.Errorf("%w: not a line of the format: a line starts with {\"type\":\"<kind>\", where kind is header, checkpoint, anchor, leaf, payload, counter or end", ErrMalformed))
	}
	return false, nil
}

func (d *decoder) header(w *wireHeader) error {
	if w.Format != FormatV1 {
		return d.fail(typeHeader, 0, fmt.Errorf("%w: format %q, want %q", ErrMalformed, w.Format, FormatV1))
	}
	cp, err := d.openNote(w.Note, w.TreeSize, w.Root)
	if err == nil && w.Origin != cp.Origin {
		err = fmt.Errorf("%w: origin %q, the signed note says %q", ErrMismatch, w.Origin, cp.Origin)
	}
	if err != nil {
		return d.fail(typeHeader, 0, err)
	}
	if w.To >= w.From && w.To-w.From > d.o.MaxLeaves {
		return d.fail(typeHeader, 0, fmt.Errorf("%w: %d leaves, more than %d", ErrTooLarge, w.To-w.From, d.o.MaxLeaves))
	}
	h := &Header{Checkpoint: cp, From: w.From, To: w.To, Prefix: w.Prefix, RangeProof: w.RangeProof, Payloads: w.Payloads, Counters: w.Counters}
	if err := d.c.header(h); err != nil {
		return d.fail(typeHeader, 0, err)
	}
	d.out = Export{Checkpoint: cp, From: w.From, To: w.To, HasPayloads: w.Payloads, HasCounters: w.Counters}
	if w.To > w.From {
		d.out.Leaves = make([][]byte, 0, min(w.To-w.From, 1<<16))
	}
	return nil
}

// openNote verifies a signed checkpoint note and checks that the line's
// plain size and root are the note's.
func (d *decoder) openNote(text string, size uint64, root verify.Hash) (Checkpoint, error) {
	cp, err := verify.OpenCheckpoint([]byte(text), d.v)
	if err != nil {
		return Checkpoint{}, err
	}
	if cp.Size != size || cp.Root != root {
		return Checkpoint{}, fmt.Errorf("%w: tree_size %d and root %s, the signed note says %d and %s", ErrMismatch, size, root, cp.Size, cp.Root)
	}
	return Checkpoint{Checkpoint: cp, Note: []byte(text)}, nil
}

// readLine returns the next line without its newline, io.EOF at the end
// of the input, or an error for a line beyond the limits or without a
// final newline.
func (d *decoder) readLine() ([]byte, error) {
	var line []byte
	for {
		frag, err := d.br.ReadSlice('\n')
		d.total += int64(len(frag))
		if d.total > d.o.MaxBytes {
			d.line++
			return nil, fmt.Errorf("%w: the export is longer than %d bytes", ErrTooLarge, d.o.MaxBytes)
		}
		line = append(line, frag...)
		if n := len(bytes.TrimSuffix(line, []byte("\n"))); n > d.o.MaxLineSize {
			d.line++
			return nil, fmt.Errorf("%w: line is longer than %d bytes", ErrTooLarge, d.o.MaxLineSize)
		}
		switch {
		case err == nil:
			d.line++
			return line[:len(line)-1], nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(line) == 0 {
				return nil, io.EOF
			}
			d.line++
			return nil, fmt.Errorf("%w: the last line has no final newline", ErrTruncated)
		default:
			d.line++
			return nil, fmt.Errorf("reading the export: %w", err)
		}
	}
}

// parseLine decodes one line into the wire value v, rejecting unknown
// keys, and requires the line to be v's canonical encoding, so that one
// export has exactly one form (no duplicate keys, no reordering, no other
// spacing, escaping or number format).
func parseLine(line []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	again, err := encodeLine(v)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	if !bytes.Equal(again, line) {
		return fmt.Errorf("%w: %s", ErrMalformed, notCanonical(line, again))
	}
	return nil
}

// notCanonical says why line is not the canonical encoding want.
func notCanonical(line, want []byte) string {
	if k, ok := duplicateKey(line); ok {
		return fmt.Sprintf("duplicate key %q", k)
	}
	i := 0
	for i < len(line) && i < len(want) && line[i] == want[i] {
		i++
	}
	return fmt.Sprintf("not in canonical form from byte %d (key order, spacing, escaping, number format, a null where a list is due, or trailing data)", i)
}

// duplicateKey finds a key that appears twice in one object of line (a
// JSON value that decoded without error).
func duplicateKey(line []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(line))
	type frame struct {
		obj  bool
		keys map[string]bool
		key  bool // the next token of an object is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.obj && top.key {
			if s, ok := tok.(string); ok {
				if top.keys[s] {
					return s, true
				}
				top.keys[s] = true
				top.key = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{obj: true, keys: map[string]bool{}, key: true})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && stack[len(stack)-1].obj {
			stack[len(stack)-1].key = true
		}
	}
}
