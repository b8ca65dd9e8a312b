package witness

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// DefaultNamespace is the store namespace (auditlog.Log.Store) that
// glassbox uses for witness state.
const DefaultNamespace = "witness"

// State is where cosignatures and the witnesses' last sizes are kept: an
// *auditlog.Store of the log (DefaultNamespace).
type State interface {
	Put(key, value []byte) error
	Scan(prefix []byte, fn func(k, v []byte) error) error
}

// Keys: "c" + size (8 bytes, big endian) + witness id -> signature line;
// "s" + witness id -> the size the witness last cosigned (8 bytes).
const (
	prefixCosig = "c"
	prefixSize  = "s"
)

func cosigKey(size uint64, id string) []byte {
	return append(binary.BigEndian.AppendUint64([]byte(prefixCosig), size), id...)
}

var errStop = errors.New("stop")

func get(st State, key []byte) ([]byte, bool, error) {
	var v []byte
	found := false
	err := st.Scan(key, func(k, val []byte) error {
		if bytes.Equal(k, key) {
			v, found = bytes.Clone(val), true
			return errStop
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return nil, false, err
	}
	return v, found, nil
}

// LastSize returns the tree size w last cosigned for this log, as recorded
// in st (0 when none is).
func LastSize(st State, w *Witness) (uint64, error) {
	v, ok, err := get(st, []byte(prefixSize+w.id()))
	if err != nil || !ok {
		return 0, err
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("%w: stored size of witness %s is %d bytes", ErrInvalid, w.id(), len(v))
	}
	return binary.BigEndian.Uint64(v), nil
}

// Save records a verified cosignature of w, and w's size when it grew. A
// cosignature that was not returned by [Witness.Submit] MUST NOT be saved.
func Save(st State, w *Witness, c *Cosignature) error {
	if err := st.Put(cosigKey(c.Size, w.id()), []byte(c.Line)); err != nil {
		return err
	}
	last, err := LastSize(st, w)
	if err != nil {
		return err
	}
	if c.Size >= last {
		return st.Put([]byte(prefixSize+w.id()), binary.BigEndian.AppendUint64(nil, c.Size))
	}
	return nil
}

// Cosignatures returns the stored signature lines for the checkpoint of a
// tree size, in canonical order (sorted bytewise).
func Cosignatures(st State, size uint64) ([]string, error) {
	var out []string
	p := binary.BigEndian.AppendUint64([]byte(prefixCosig), size)
	err := st.Scan(p, func(_, v []byte) error {
		out = append(out, string(v))
		return nil
	})
	slices.Sort(out)
	return out, err
}

// Report says what one round of [Cosign] achieved.
type Report struct {
	Size     uint64         // the checkpoint's tree size
	Cosigned []*Cosignature // verified and stored, in the order of the witnesses
	Refused  []error        // one per witness that did not cosign
}

// Cosign submits cp to each witness from the size it last cosigned (as
// stored in st), verifies and stores each cosignature, and records each
// witness's new size. Every witness is tried; the returned error joins the
// failures (each a *[RefusalError], an [ErrBadCosignature] or a transport
// error, naming the witness), so that no refusal goes unreported; the
// report lists them too.
//
// auditlog.Options has no checkpoint hook: a service calls Cosign itself,
// after [auditlog.Log.Checkpoint] (or with [auditlog.Log.LatestCheckpoint]
// on a timer), and `glassbox witness submit` does so for a log directory.
func Cosign(ctx context.Context, lg Log, st State, cp auditlog.SignedCheckpoint, ws []*Witness) (*Report, error) {
	rep := &Report{Size: cp.Size}
	for _, w := range ws {
		if w == nil || w.Verifier == nil {
			return rep, fmt.Errorf("%w: a witness without a verifier", ErrInvalid)
		}
		old, err := LastSize(st, w)
		if err != nil {
			return rep, err
		}
		c, err := w.Submit(ctx, lg, cp, old)
		if err == nil {
			err = Save(st, w, c)
		}
		if err != nil {
			rep.Refused = append(rep.Refused, err)
			continue
		}
		rep.Cosigned = append(rep.Cosigned, c)
	}
	return rep, errors.Join(rep.Refused...)
}

// Attach adds the stored cosignatures of r's checkpoint size to r's
// checkpoint note. The note keeps its log signature lines first, as they
// were; the witness lines (those it had and those stored, each once)
// follow, sorted bytewise. A line is attached as stored: receipt
// verification checks it against the witness keys of its policy.
func Attach(st State, r *receipt.Receipt) error {
	body, err := noteBody(r.Checkpoint)
	if err != nil {
		return err
	}
	cp, err := verify.ParseCheckpoint(body)
	if err != nil {
		return fmt.Errorf("%w: the receipt's checkpoint: %w", ErrInvalid, err)
	}
	stored, err := Cosignatures(st, cp.Size)
	if err != nil {
		return err
	}
	var logLines, others []string
	for _, line := range strings.SplitAfter(string(r.Checkpoint[len(body)+1:]), "\n") {
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "\u2014 "+cp.Origin+" ") {
			logLines = append(logLines, line)
		} else {
			others = append(others, line)
		}
	}
	others = append(others, stored...)
	slices.Sort(others)
	others = slices.Compact(others)
	n := append(append([]byte{}, body...), '\n')
	for _, l := range append(logLines, others...) {
		n = append(n, l...)
	}
	r.Checkpoint = n
	return nil
}
