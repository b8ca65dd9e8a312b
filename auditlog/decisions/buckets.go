package decisions

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// Counter buckets. The fairness counters of one model, version, UTC day,
// decision label and outcome label share one key, a bucket, and the group
// values live only in the bucket's value:
//
//	'N' str model str version str day str decision str outcome -> entries
//	entry: u16 n, n times (str name, str value) | u16 0xffff (erased);
//	       then u64 count, f64 weight; entries sorted by their group bytes
//
// Keys, unlike values, can outlive their deletion: Pebble records the
// smallest and largest key of every sstable in its MANIFEST, and an
// erasure's scrub cannot reach keys recorded there by earlier flushes and
// compactions. A bucket key holds only what the public leaves hold already,
// so nothing that stays behind ties a group value to a decision.
//
// A cell's address (what a decision's 'c' reference holds) is still the
// encoding of [encodeCell]; [addToCell] maps it to its bucket and entry.
// Logs written before buckets kept one 'n' key per cell, with the group
// values in the key; a writable open moves them into buckets
// ([Log.migrateCells]).

const pfxBucket = 'N'

// bucketOf returns the bucket key and the entry's group bytes of a cell
// address.
func bucketOf(ck []byte) (bucket, group []byte, err error) {
	c, err := decodeCell(ck)
	if err != nil {
		return nil, nil, err
	}
	return bucketKey(&c), groupBytes(&c), nil
}

func bucketKey(c *record.CountCell) []byte {
	b := appendStr([]byte{pfxBucket}, c.Model)
	b = appendStr(b, c.Version)
	b = appendStr(b, c.Day)
	b = appendStr(b, c.Decision)
	return appendStr(b, c.Outcome)
}

func groupBytes(c *record.CountCell) []byte {
	if c.Erased {
		return binary.BigEndian.AppendUint16(nil, erasedGroups)
	}
	b := binary.BigEndian.AppendUint16(nil, uint16(len(c.Groups)))
	for _, g := range c.Groups {
		b = appendStr(appendStr(b, g.Name), g.Value)
	}
	return b
}

// bucketEntry is one cell of a bucket.
type bucketEntry struct {
	group  []byte
	count  uint64
	weight float64
}

// reader reads the length-prefixed parts of keys and values.
type reader struct {
	b  []byte
	ok bool
}

func (r *reader) u16() int {
	if len(r.b) < 2 {
		r.ok = false
		return 0
	}
	n := int(binary.BigEndian.Uint16(r.b))
	r.b = r.b[2:]
	return n
}

func (r *reader) bytes(n int) []byte {
	if len(r.b) < n {
		r.ok = false
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

// interned reads a length-prefixed string, sharing equal strings through m
// (nil: not shared).
func (r *reader) interned(m map[string]string) string {
	b := r.bytes(r.u16())
	if m == nil {
		return string(b)
	}
	if s, ok := m[string(b)]; ok {
		return s
	}
	s := string(b)
	m[s] = s
	return s
}

// groupLen returns the length of the group bytes at the start of b.
func groupLen(b []byte) (int, bool) {
	r := reader{b: b, ok: true}
	n := r.u16()
	if r.ok && n != erasedGroups {
		for range 2 * n {
			r.bytes(r.u16())
		}
	}
	return len(b) - len(r.b), r.ok
}

func decodeBucket(v []byte) ([]bucketEntry, error) {
	var out []bucketEntry
	for len(v) > 0 {
		n, ok := groupLen(v)
		if !ok || len(v) < n+16 {
			return nil, fmt.Errorf("%w: malformed counter bucket", ErrCorrupt)
		}
		e := bucketEntry{group: v[:n], count: binary.BigEndian.Uint64(v[n:]), weight: math.Float64frombits(binary.BigEndian.Uint64(v[n+8:]))}
		if len(out) > 0 && bytes.Compare(out[len(out)-1].group, e.group) >= 0 {
			return nil, fmt.Errorf("%w: counter bucket entries out of order", ErrCorrupt)
		}
		out = append(out, e)
		v = v[n+16:]
	}
	return out, nil
}

func encodeBucket(es []bucketEntry) []byte {
	var b []byte
	for _, e := range es {
		b = append(b, e.group...)
		b = binary.BigEndian.AppendUint64(b, e.count)
		b = binary.BigEndian.AppendUint64(b, math.Float64bits(e.weight))
	}
	return b
}

// addToCell adds count and weight to the counter cell at address ck inside
// the batch, deleting the cell when its count drops to zero (and the bucket
// when it has no cell left).
func addToCell(tx *auditlog.Tx, ck []byte, count int64, weight float64) error {
	bk, g, err := bucketOf(ck)
	if err != nil {
		return err
	}
	var es []bucketEntry
	switch v, err := tx.Get(bk); {
	case err == nil:
		if es, err = decodeBucket(v); err != nil {
			return err
		}
	case !errors.Is(err, auditlog.ErrNotFound):
		return err
	}
	i, found := slices.BinarySearchFunc(es, g, func(e bucketEntry, g []byte) int { return bytes.Compare(e.group, g) })
	if !found {
		es = slices.Insert(es, i, bucketEntry{group: g})
	}
	e := &es[i]
	if count < 0 && e.count < uint64(-count) {
		return fmt.Errorf("%w: counter underflow", ErrCorrupt)
	}
	e.count = uint64(int64(e.count) + count)
	e.weight += weight
	if e.count == 0 {
		es = slices.Delete(es, i, i+1)
	}
	if len(es) == 0 {
		return tx.Delete(bk)
	}
	return tx.Set(bk, encodeBucket(es))
}

// decodeBucketCells returns the cells of one bucket. Strings are shared
// through intern (nil: not shared), as they repeat across cells.
func decodeBucketCells(k, v []byte, intern map[string]string) ([]record.CountCell, error) {
	return appendBucketCells(nil, k, v, intern, nil)
}

// appendBucketCells appends the cells of one bucket to out, when sel (nil:
// all) selects the bucket's model, version and day: the entries of a
// bucket it does not select are not decoded.
func appendBucketCells(out []record.CountCell, k, v []byte, intern map[string]string, sel func(*record.CountCell) bool) ([]record.CountCell, error) {
	r := reader{b: k[min(1, len(k)):], ok: len(k) > 0 && k[0] == pfxBucket}
	var c record.CountCell
	c.Model, c.Version, c.Day, c.Decision, c.Outcome = r.interned(intern), r.interned(intern), r.interned(intern), r.interned(intern), r.interned(intern)
	if !r.ok || len(r.b) != 0 {
		return nil, fmt.Errorf("%w: malformed counter bucket key %x", ErrCorrupt, k)
	}
	if sel != nil && !sel(&c) {
		return out, nil
	}
	es, err := decodeBucket(v)
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		cell := c
		g := reader{b: e.group, ok: true}
		n := g.u16()
		if n == erasedGroups {
			cell.Erased = true
		} else {
			cell.Groups = make([]record.Attr, n)
			for j := range cell.Groups {
				cell.Groups[j] = record.Attr{Name: g.interned(intern), Value: g.interned(intern)}
			}
		}
		if !g.ok || len(g.b) != 0 {
			return nil, fmt.Errorf("%w: malformed counter bucket entry", ErrCorrupt)
		}
		cell.Count, cell.Weight = e.count, e.weight
		out = append(out, cell)
	}
	return out, nil
}

// migrateCells moves the counters of the older layout (one 'n' key per
// cell, the group values in the key) into buckets, in one scrubbed commit.
// A read-only log keeps reading the older layout.
func (d *Log) migrateCells(ctx context.Context) error {
	type old struct {
		k      []byte
		count  uint64
		weight float64
	}
	var olds []old
	err := d.st.Scan([]byte{pfxCount}, func(k, v []byte) error {
		if d.lg.ReadOnly() {
			d.legacyCells = true
			return errStop
		}
		c, w, err := decodeCellValue(v)
		if err != nil {
			return err
		}
		olds = append(olds, old{bytes.Clone(k), c, w})
		return nil
	})
	if errors.Is(err, errStop) {
		return nil // read-only: the older layout stays
	}
	if err != nil || len(olds) == 0 {
		return err
	}
	return d.st.Scrub(ctx, func(tx *auditlog.Tx) error {
		for _, o := range olds {
			if err := tx.Delete(o.k); err != nil {
				return err
			}
			if err := addToCell(tx, o.k, int64(o.count), o.weight); err != nil {
				return err
			}
		}
		return nil
	})
}
