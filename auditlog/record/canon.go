package record

import (
	"encoding/binary"
	"fmt"
	"math"
	"unicode/utf8"
)

// encoder appends canonical fields to a byte slice. All integers are
// big-endian; strings are a 16-bit length followed by UTF-8 bytes; floats are
// IEEE 754 binary64 bits with negative zero written as positive zero.
//
// The encoder never truncates. Every string and list is written with the
// limit of its field, and one over it, a non-finite float or a value without
// a kind makes the encoding fail; the first failure sticks and later writes
// are dropped, so callers check err once. The validators (validate.go) run
// before the encoder and give the precise error; this check is the last line
// that keeps every length the encoder writes the length of what follows.
type encoder struct {
	b   []byte
	err error
}

// Every limit the encoder writes as a u16 must fit in one (a compile error
// otherwise).
const (
	_ uint16 = MaxIDLen
	_ uint16 = MaxNameLen
	_ uint16 = MaxValueLen
	_ uint16 = MaxFeatures
	_ uint16 = MaxGroups
	_ uint16 = MaxMetadata
)

func (e *encoder) fail(field, reason string) {
	if e.err == nil {
		e.err = &ValidationError{Field: field, Reason: reason}
	}
}

func (e *encoder) u8(v byte)       { e.b = append(e.b, v) }
func (e *encoder) u64(v uint64)    { e.b = binary.BigEndian.AppendUint64(e.b, v) }
func (e *encoder) i64(v int64)     { e.u64(uint64(v)) }
func (e *encoder) hash(h [32]byte) { e.b = append(e.b, h[:]...) }

// str writes s, which must be at most max bytes.
func (e *encoder) str(field, s string, max int) {
	if len(s) > max {
		e.fail(field, fmt.Sprintf("%d bytes, over the limit of %d", len(s), max))
		return
	}
	e.b = binary.BigEndian.AppendUint16(e.b, uint16(len(s)))
	e.b = append(e.b, s...)
}

// count writes a list length n, which must be at most max.
func (e *encoder) count(field string, n, max int) {
	if n > max {
		e.fail(field, fmt.Sprintf("%d elements, over the limit of %d", n, max))
		return
	}
	e.b = binary.BigEndian.AppendUint16(e.b, uint16(n))
}

func (e *encoder) boolean(v bool) {
	if v {
		e.u8(1)
	} else {
		e.u8(0)
	}
}

// f64 writes a finite float.
func (e *encoder) f64(field string, v float64) {
	if !finite(v) {
		e.fail(field, "NaN and infinities are not allowed")
		return
	}
	if v == 0 {
		v = 0 // negative zero is written as positive zero
	}
	e.u64(math.Float64bits(v))
}

// increasing fails unless name sorts strictly after prev (for i > 0).
func (e *encoder) increasing(field string, i int, prev, name string) {
	if i > 0 && name <= prev {
		e.fail(field, "names not strictly increasing")
	}
}

// decoder reads canonical fields. The first error sticks; later reads return
// zero values, so callers check err once per logical unit.
type decoder struct {
	what string
	b    []byte
	off  int
	err  error
}

func (d *decoder) fail(field string, err error) {
	if d.err == nil {
		d.err = &DecodeError{What: d.what, Offset: d.off, Field: field, Err: err}
	}
}

func (d *decoder) take(field string, n int) []byte {
	if d.err != nil {
		return nil
	}
	if n > len(d.b)-d.off {
		d.fail(field, fmt.Errorf("%w: need %d bytes, %d left", ErrMalformed, n, len(d.b)-d.off))
		return nil
	}
	p := d.b[d.off : d.off+n]
	d.off += n
	return p
}

func (d *decoder) u8(field string) byte {
	p := d.take(field, 1)
	if p == nil {
		return 0
	}
	return p[0]
}

func (d *decoder) u16(field string) int {
	p := d.take(field, 2)
	if p == nil {
		return 0
	}
	return int(binary.BigEndian.Uint16(p))
}

func (d *decoder) u64(field string) uint64 {
	p := d.take(field, 8)
	if p == nil {
		return 0
	}
	return binary.BigEndian.Uint64(p)
}

func (d *decoder) i64(field string) int64 { return int64(d.u64(field)) }

func (d *decoder) hash(field string) (h [32]byte) {
	copy(h[:], d.take(field, 32))
	return h
}

func (d *decoder) boolean(field string) bool {
	at := d.off
	v := d.u8(field)
	if d.err == nil && v > 1 {
		d.off = at
		d.fail(field, fmt.Errorf("%w: bool byte %#x is neither 0 nor 1", ErrMalformed, v))
	}
	return v == 1
}

// f64 reads a finite float that is not negative zero.
func (d *decoder) f64(field string) float64 {
	at := d.off
	bits := d.u64(field)
	if d.err != nil {
		return 0
	}
	v := math.Float64frombits(bits)
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		d.off = at
		d.fail(field, fmt.Errorf("%w: not a finite number", ErrMalformed))
		return 0
	case bits == 1<<63:
		d.off = at
		d.fail(field, fmt.Errorf("%w: negative zero is not canonical", ErrMalformed))
		return 0
	}
	return v
}

// str reads a string of at most max bytes; it must be valid UTF-8, and
// non-empty when nonEmpty is set.
func (d *decoder) str(field string, max int, nonEmpty bool) string {
	at := d.off
	n := d.u16(field)
	if d.err != nil {
		return ""
	}
	if n > max {
		d.off = at
		d.fail(field, fmt.Errorf("%w: length %d over the limit %d", ErrMalformed, n, max))
		return ""
	}
	if n == 0 && nonEmpty {
		d.off = at
		d.fail(field, fmt.Errorf("%w: empty", ErrMalformed))
		return ""
	}
	p := d.take(field, n)
	if d.err != nil {
		return ""
	}
	if !utf8.Valid(p) {
		d.off = at
		d.fail(field, fmt.Errorf("%w: invalid UTF-8", ErrMalformed))
		return ""
	}
	return string(p)
}

// count reads a 16-bit element count of at most max.
func (d *decoder) count(field string, max int) int {
	at := d.off
	n := d.u16(field)
	if d.err == nil && n > max {
		d.off = at
		d.fail(field, fmt.Errorf("%w: %d elements, over the limit %d", ErrMalformed, n, max))
		return 0
	}
	return n
}

// end fails with ErrTrailingBytes unless all input was consumed.
func (d *decoder) end() {
	if d.err == nil && d.off != len(d.b) {
		d.fail("end", fmt.Errorf("%w: %d bytes after the encoding", ErrTrailingBytes, len(d.b)-d.off))
	}
}
