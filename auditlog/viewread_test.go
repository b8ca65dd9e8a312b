package auditlog_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog"
)

// TestViewReadCursor checks Cursor (its shortcuts past Pebble's SeekGE
// included) against a plain reference: the sorted keys of View.Scan. Seeks
// go forward and backward, between and onto keys, mixed with Nexts.
func TestViewReadCursor(t *testing.T) {
	ctx := context.Background()
	l, _, done := exampleLog("example.org/glassbox/cursor")
	defer done()
	st, err := l.Store("cursor")
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	key := func(i uint64) []byte { return binary.BigEndian.AppendUint64([]byte{'x'}, i) }
	var leaves [][]byte
	for i := range 300 {
		leaves = append(leaves, []byte(fmt.Sprintf("leaf-%d", i)))
	}
	err = st.Update(ctx, func(tx *auditlog.Tx) error {
		for range 500 {
			i := rng.Uint64N(3000) * 2 // even keys only: odd seeks fall between
			if err := tx.Set(key(i), fmt.Appendf(nil, "v%d", i)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Overwritten versions of some keys, for Skip to go around.
	for round := range 20 {
		err := st.Update(ctx, func(tx *auditlog.Tx) error {
			for i := uint64(0); i < 6000; i += 2 * 37 {
				if err := tx.Set(key(i), fmt.Appendf(nil, "v%d", i)); err != nil {
					return err
				}
			}
			return tx.Set(key(4000+uint64(round)*2), fmt.Appendf(nil, "v%d", 4000+round*2))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := l.AppendBatch(ctx, leaves); err != nil {
		t.Fatal(err)
	}
	v, err := st.View(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	var ref [][]byte
	if err := v.Scan(key(0), key(6000), func(k, _ []byte) error { ref = append(ref, bytes.Clone(k)); return nil }); err != nil {
		t.Fatal(err)
	}
	err = v.Read(func(r *auditlog.Reader) error {
		c, err := r.Cursor(key(0), key(6000))
		if err != nil {
			return err
		}
		pos := -1 // index in ref of the cursor's key, len(ref) when exhausted
		for step := range 20000 {
			switch op := rng.IntN(10); {
			case op < 3 && pos >= 0 && pos < len(ref):
				pos++
				move, name := c.Next, "Next"
				if op == 2 {
					move, name = c.Skip, "Skip"
				}
				if got := move(); got != (pos < len(ref)) {
					return fmt.Errorf("step %d: %s = %v at %d of %d", step, name, got, pos, len(ref))
				}
			default:
				var i uint64
				switch {
				case op < 8 && pos >= 0 && pos < len(ref): // forward, near
					i = binary.BigEndian.Uint64(ref[pos][1:]) + rng.Uint64N(12)
				default:
					i = rng.Uint64N(6100)
				}
				k := key(i)
				pos = sort.Search(len(ref), func(j int) bool { return bytes.Compare(ref[j], k) >= 0 })
				if op == 9 {
					val, err := c.Get(k)
					found := pos < len(ref) && bytes.Equal(ref[pos], k)
					if found != (err == nil) || (!found && !errors.Is(err, auditlog.ErrNotFound)) {
						return fmt.Errorf("step %d: Get(%d) = %v, found %v", step, i, err, found)
					}
					if found && string(val) != fmt.Sprintf("v%d", i) {
						return fmt.Errorf("step %d: Get(%d) = %q", step, i, val)
					}
				} else if got := c.SeekGE(k); got != (pos < len(ref)) {
					return fmt.Errorf("step %d: SeekGE(%d) = %v, want %v", step, i, got, pos < len(ref))
				}
			}
			if pos >= 0 && pos < len(ref) && !bytes.Equal(c.Key(), ref[pos]) {
				return fmt.Errorf("step %d: at %x, want %x", step, c.Key(), ref[pos])
			}
		}
		lc, err := r.Leaves(0, uint64(len(leaves)))
		if err != nil {
			return err
		}
		for _, i := range []uint64{0, 1, 2, 7, 8, 299, 5, 6, 6, 100} {
			b, err := lc.Leaf(i)
			if err != nil || !bytes.Equal(b, leaves[i]) {
				return fmt.Errorf("leaf %d: %q, %v", i, b, err)
			}
		}
		if _, err := r.Leaves(0, uint64(len(leaves))+1); !errors.Is(err, auditlog.ErrOutOfRange) {
			return fmt.Errorf("leaves beyond the view: %v", err)
		}
		return c.Error()
	})
	if err != nil {
		t.Fatal(err)
	}
}
