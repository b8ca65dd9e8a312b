package offline

import (
	"bufio"
	"fmt"
	"io"

	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// Encoder writes an export, line by line, in canonical form. It runs the
// checks of [Verify] on every line before writing it (all but the
// signatures, which it cannot check without the log's key), so an export
// it completes verifies, and a line it refuses is never written: the
// caller's source is then inconsistent, and what was written so far must
// be discarded. Write the header, then the checkpoints, anchors, leaves,
// payloads and counters in the order the format requires, then call
// [Encoder.End]. An Encoder is not safe for concurrent use.
type Encoder struct {
	w   *bufio.Writer
	c   checker
	err error // the first error; every later call returns it
}

// NewEncoder returns an encoder writing to w, buffered: nothing is certain
// to reach w before End returns.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{w: bufio.NewWriterSize(w, 256<<10), c: newChecker()}
}

// write checks (with check, when the encoder is still good) and writes
// one line.
func (e *Encoder) write(kind string, check func() error, v any) error {
	if e.err != nil {
		return e.err
	}
	e.c.line++
	if err := check(); err != nil {
		e.err = fmt.Errorf("export: writing a %s line: %w", kind, err)
		return e.err
	}
	b, err := encodeLine(v)
	if err == nil {
		b = append(b, '\n')
		_, err = e.w.Write(b)
	}
	if err != nil {
		e.err = err
	}
	return err
}

// Header writes the header. It must be the first call.
func (e *Encoder) Header(h *Header) error {
	return e.write(typeHeader, func() error { return e.c.header(h) }, wireHeaderOf(h))
}

// Checkpoint writes a checkpoint line: cp, below the header's size, with
// the consistency proof p from it to the header's checkpoint.
func (e *Encoder) Checkpoint(cp Checkpoint, p []verify.Hash) error {
	return e.write(typeCheckpoint, func() error { return e.c.checkpoint(&cp, p) }, wireCheckpointOf(&cp, p))
}

// Anchor writes an anchor line with the consistency proof p between the
// header's tree and the anchored one (from the smaller to the larger).
func (e *Encoder) Anchor(a Anchor, p []verify.Hash) error {
	return e.write(typeAnchor, func() error { return e.c.anchor(&a, p) }, wireAnchorOf(&a, p))
}

// Leaf writes the leaf at index; leaves come in order, From to To-1.
func (e *Encoder) Leaf(index uint64, leaf []byte) error {
	return e.write(typeLeaf, func() error { return e.c.leaf(index, leaf) }, wireLeaf{Type: typeLeaf, Index: index, Leaf: leaf})
}

// Payload writes a payload line (the header must announce payloads).
func (e *Encoder) Payload(p Payload) error {
	return e.write(typePayload, func() error { return e.c.payload(&p) }, wirePayload{Type: typePayload, Index: p.Index, Sealed: p.Sealed})
}

// Counter writes a counter line (the header must announce counters);
// counters come in the order of [CompareCounters].
func (e *Encoder) Counter(c record.CountCell) error {
	return e.write(typeCounter, func() error { return e.c.counter(&c) }, wireCounterOf(&c))
}

// End writes the end line with the counts of the lines written and
// flushes the output. It returns the counts.
func (e *Encoder) End() (Counts, error) {
	n := e.c.n
	if err := e.write(typeEnd, func() error { return e.c.end(n) }, wireEnd{
		Type: typeEnd, Checkpoints: n.Checkpoints, Anchors: n.Anchors, Leaves: n.Leaves, Payloads: n.Payloads, Counters: n.Counters,
	}); err != nil {
		return Counts{}, err
	}
	if err := e.w.Flush(); err != nil {
		e.err = err
		return Counts{}, err
	}
	return n, nil
}
