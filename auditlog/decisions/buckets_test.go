package decisions

import (
	"bytes"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// FuzzDecodeBucket: a bucket value decodes without panicking, and what
// decodes encodes back to the same bytes (one encoding per bucket), with
// the same cells.
func FuzzDecodeBucket(f *testing.F) {
	cells := []record.CountCell{
		{Model: "m", Version: "1", Day: "2026-12-02", Decision: "approve", Groups: []record.Attr{{Name: "sex", Value: "f"}}},
		{Model: "m", Version: "1", Day: "2026-12-02", Decision: "approve", Groups: []record.Attr{{Name: "sex", Value: "m"}}},
		{Model: "m", Version: "1", Day: "2026-12-02", Decision: "approve", Erased: true},
	}
	var es []bucketEntry
	for i := range cells {
		es = append(es, bucketEntry{group: groupBytes(&cells[i]), count: uint64(i + 1), weight: 1.5})
	}
	f.Add(bucketKey(&cells[0]), encodeBucket(es))
	f.Add(bucketKey(&cells[0]), []byte{0, 1})
	f.Add([]byte{pfxBucket}, []byte{0xff, 0xff})
	f.Fuzz(func(t *testing.T, k, v []byte) {
		es, err := decodeBucket(v)
		if err != nil {
			return
		}
		if got := encodeBucket(es); !bytes.Equal(got, v) {
			t.Fatalf("decode-encode changed the bucket: %x -> %x", v, got)
		}
		cs, err := decodeBucketCells(k, v, nil)
		if err != nil {
			return
		}
		for i := range cs {
			if !bytes.Equal(groupBytes(&cs[i]), es[i].group) || !bytes.Equal(bucketKey(&cs[i]), k) {
				t.Fatalf("cell %d does not encode back: %+v", i, cs[i])
			}
		}
	})
}
