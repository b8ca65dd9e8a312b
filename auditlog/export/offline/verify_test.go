package offline

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// fullSpec is an export of size 13 of a 20-leaf log with every kind of
// line. Its lines: 1 header, 2-3 checkpoints (4, 8), 4-5 anchors (8, 16),
// 6-18 leaves 0-12, 19-21 payloads (1, 3, 5), 22-24 counters, 25 end.
func fullSpec() spec {
	return spec{
		size: 13, from: 0, to: 13,
		checkpoints: []uint64{4, 8},
		anchors:     []uint64{8, 16},
		payloads:    []uint64{1, 3, 5},
		counters:    sampleCounters(), withCounter: true,
	}
}

// TestVerifyContent: Verify returns exactly what the export holds.
func TestVerifyContent(t *testing.T) {
	r := newRef(t, 20)
	data := r.export(t, fullSpec())
	e, err := Verify(bytes.NewReader(data), r.v, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := &Export{
		Checkpoint: r.sign(t, 13, r.signer),
		From:       0, To: 13, Leaves: r.leaves[:13],
		Checkpoints: []Checkpoint{r.sign(t, 4, r.signer), r.sign(t, 8, r.signer)},
		Anchors:     []Anchor{r.anchor(t, 8), r.anchor(t, 16)},
		HasPayloads: true,
		Payloads: []Payload{
			{1, []byte("sealed payload of 1")}, {3, []byte("sealed payload of 3")}, {5, []byte("sealed payload of 5")},
		},
		HasCounters: true, Counters: sampleCounters(),
	}
	if !reflect.DeepEqual(e, want) {
		t.Fatalf("Verify returned\n%+v\nwant\n%+v", e, want)
	}
	if l, ok := e.Leaf(12); !ok || !bytes.Equal(l, r.leaves[12]) {
		t.Fatalf("Leaf(12) = %q %v", l, ok)
	}
	if _, ok := e.Leaf(13); ok {
		t.Fatal("Leaf(13) of an export up to 13")
	}
	if n := bytes.Count(data, []byte("\n")); n != 25 {
		t.Fatalf("export has %d lines, want 25:\n%s", n, data)
	}
}

// TestVerifyRanges: every leaf range [from, to) of trees of many sizes,
// with tlog's proof material, verifies; with its first, middle or last
// leaf changed it fails with a LeavesError naming leaves that hold the
// changed one.
func TestVerifyRanges(t *testing.T) {
	sizes := []uint64{0, 1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 17, 31, 33}
	if testing.Short() {
		sizes = []uint64{0, 1, 5, 8, 13}
	}
	r := newRef(t, 40)
	for _, size := range sizes {
		var cps []uint64
		for _, c := range []uint64{1, 3, 6, 8, 12, 20} {
			if c < size {
				cps = append(cps, c)
			}
		}
		for from := uint64(0); from <= size; from++ {
			for to := from; to <= size; to++ {
				s := spec{size: size, from: from, to: to, checkpoints: cps}
				data := r.export(t, s)
				e, err := Verify(bytes.NewReader(data), r.v, nil)
				if err != nil {
					t.Fatalf("[%d, %d) of %d: %v", from, to, size, err)
				}
				if !reflect.DeepEqual(e.Leaves, r.leaves[from:to]) && to > from {
					t.Fatalf("[%d, %d) of %d: leaves differ", from, to, size)
				}
				if from == to {
					continue
				}
				for _, bad := range []uint64{from, (from + to) / 2, to - 1} {
					var le *LeavesError
					_, err := Verify(bytes.NewReader(withLeaf(t, data, bad, []byte("forged"))), r.v, nil)
					if !errors.As(err, &le) || !errors.Is(err, verify.ErrProof) || bad < le.Start || bad >= le.End {
						t.Fatalf("[%d, %d) of %d with leaf %d forged: %v", from, to, size, bad, err)
					}
				}
			}
		}
	}
}

// lines splits an export into its lines, each with its newline.
func lines(data []byte) [][]byte {
	return bytes.SplitAfter(data, []byte("\n"))[:bytes.Count(data, []byte("\n"))]
}

func join(ls [][]byte) []byte { return bytes.Join(ls, nil) }

// withLeaf returns data with the leaf line of index replaced by a
// canonical line holding leaf.
func withLeaf(t *testing.T, data []byte, index uint64, leaf []byte) []byte {
	t.Helper()
	ls := lines(data)
	prefix := fmt.Appendf(nil, `{"type":"leaf","index":%d,`, index)
	for i, l := range ls {
		if bytes.HasPrefix(l, prefix) {
			ls[i] = line(t, wireLeaf{Type: typeLeaf, Index: index, Leaf: leaf})
			return join(ls)
		}
	}
	t.Fatalf("no leaf %d", index)
	return nil
}

// line is the canonical line of a wire value.
func line(t *testing.T, v any) []byte {
	t.Helper()
	b, err := encodeLine(v)
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// decodeAt decodes line n (from 1) of data into v.
func decodeAt(t *testing.T, data []byte, n int, v any) {
	t.Helper()
	if err := parseLine(bytes.TrimSuffix(lines(data)[n-1], []byte("\n")), v); err != nil {
		t.Fatal(err)
	}
}

// replaceLine returns data with line n (from 1) replaced.
func replaceLine(data []byte, n int, with []byte) []byte {
	ls := lines(data)
	ls[n-1] = with
	return join(ls)
}

func TestVerifyTampered(t *testing.T) {
	r := newRef(t, 20)
	good := r.export(t, fullSpec())
	part := r.export(t, spec{size: 13, from: 5, to: 9, checkpoints: []uint64{4, 8}})
	ls := lines(good)
	otherSigner, _ := testKey(t, refOrigin, "o")

	// A fork of the reference log: leaf 2 differs; its checkpoints are
	// signed by the log's own key (an equivocating operator).
	fork := newRef(t, 0)
	for i, l := range r.leaves {
		if i == 2 {
			l = []byte("the forked leaf 2")
		}
		fork.add(t, l)
	}

	edit := func(n int, v any, f func()) []byte {
		decodeAt(t, good, n, v)
		f()
		return replaceLine(good, n, line(t, v))
	}
	var h wireHeader
	var cp wireCheckpoint
	var an wireAnchor
	var pl wirePayload
	var ct wireCounter
	var end wireEnd

	type want struct {
		err  error // errors.Is
		line int   // the LineError's line; 0 for a LeavesError
		kind string
	}
	for name, c := range map[string]struct {
		data []byte
		opts *Options
		want want
	}{
		"leaf byte changed": {withLeaf(t, good, 5, append([]byte("L"), r.leaves[5][1:]...)), nil, want{verify.ErrProof, 0, ""}},
		"leaf dropped":      {join(append(append([][]byte{}, ls[:10]...), ls[11:]...)), nil, want{ErrMismatch, 11, "leaf"}},
		"leaves reordered":  {join(append(append(append([][]byte{}, ls[:10]...), ls[11], ls[10]), ls[12:]...)), nil, want{ErrMismatch, 11, "leaf"}},
		"leaves swapped, indices kept": {
			withLeaf(t, withLeaf(t, good, 5, r.leaves[6]), 6, r.leaves[5]), nil, want{verify.ErrProof, 0, ""},
		},
		"leaf added":                      {join(append(append(append([][]byte{}, ls[:18]...), line(t, wireLeaf{Type: typeLeaf, Index: 13, Leaf: []byte("x")})), ls[18:]...)), nil, want{ErrMismatch, 19, "leaf"}},
		"empty leaf":                      {withLeaf(t, good, 3, []byte{}), nil, want{ErrMalformed, 9, "leaf"}},
		"forged checkpoint":               {replaceLine(good, 2, line(t, wireCheckpointOf(ptr(r.sign(t, 4, otherSigner)), r.consistency(t, 4, 13)))), nil, want{verify.ErrBadSignature, 2, "checkpoint"}},
		"equivocating checkpoint":         {replaceLine(good, 2, line(t, wireCheckpointOf(ptr(fork.sign(t, 4, r.signer)), fork.consistency(t, 4, 13)))), nil, want{verify.ErrProof, 2, "checkpoint"}},
		"checkpoint plain root":           {edit(2, &cp, func() { cp.Root[0] ^= 1 }), nil, want{ErrMismatch, 2, "checkpoint"}},
		"bad consistency proof":           {edit(3, &cp, func() { cp.ConsistencyProof[0][5] ^= 1 }), nil, want{verify.ErrProof, 3, "checkpoint"}},
		"short consistency proof":         {edit(3, &cp, func() { cp.ConsistencyProof = cp.ConsistencyProof[1:] }), nil, want{verify.ErrProof, 3, "checkpoint"}},
		"checkpoint at the header's size": {replaceLine(good, 3, line(t, wireCheckpointOf(ptr(r.sign(t, 13, r.signer)), nil))), nil, want{ErrMismatch, 3, "checkpoint"}},
		"checkpoints reordered":           {join(append([][]byte{ls[0], ls[2], ls[1]}, ls[3:]...)), nil, want{ErrMalformed, 3, "checkpoint"}},
		"checkpoint after leaves":         {join(append(append(append([][]byte{}, ls[:18]...), ls[1]), ls[18:]...)), nil, want{ErrMalformed, 19, "checkpoint"}},
		"anchor root":                     {edit(4, &an, func() { an.Root[0] ^= 1 }), nil, want{verify.ErrProof, 4, "anchor"}},
		"anchor proof":                    {edit(5, &an, func() { an.ConsistencyProof[0][0] ^= 1 }), nil, want{verify.ErrProof, 5, "anchor"}},
		"anchor twice":                    {join(append(append([][]byte{}, ls[:4]...), append([][]byte{ls[3]}, ls[4:]...)...)), nil, want{ErrMalformed, 5, "anchor"}},
		"anchor bad hex":                  {bytes.Replace(good, []byte(`"contract":"0xc0`), []byte(`"contract":"0xC0`), 1), nil, want{ErrMalformed, 4, "anchor"}},
		"header root":                     {edit(1, &h, func() { h.Root[0] ^= 1 }), nil, want{ErrMismatch, 1, "header"}},
		"header origin":                   {edit(1, &h, func() { h.Origin = "example.com/other" }), nil, want{ErrMismatch, 1, "header"}},
		"header other key":                {edit(1, &h, func() { h.Note = string(r.sign(t, 13, otherSigner).Note) }), nil, want{verify.ErrBadSignature, 1, "header"}},
		"header format":                   {edit(1, &h, func() { h.Format = "glassbox-export/v2" }), nil, want{ErrMalformed, 1, "header"}},
		"header range beyond":             {edit(1, &h, func() { h.To = 14 }), nil, want{ErrMismatch, 1, "header"}},
		"header says payloads":            {edit(1, &h, func() { h.Payloads = false }), nil, want{ErrMalformed, 19, "payload"}},
		"partial prefix":                  {func() []byte { decodeAt(t, part, 1, &h); h.Prefix[0][0] ^= 1; return replaceLine(part, 1, line(t, h)) }(), nil, want{verify.ErrProof, 0, ""}},
		"partial prefix short": {func() []byte {
			decodeAt(t, part, 1, &h)
			h.Prefix = h.Prefix[1:]
			return replaceLine(part, 1, line(t, h))
		}(), nil, want{ErrMalformed, 1, "header"}},
		"partial range proof": {func() []byte {
			decodeAt(t, part, 1, &h)
			h.RangeProof[0][0] ^= 1
			return replaceLine(part, 1, line(t, h))
		}(), nil, want{verify.ErrProof, 0, ""}},
		"partial moved":           {func() []byte { decodeAt(t, part, 1, &h); h.From, h.To = 6, 10; return replaceLine(part, 1, line(t, h)) }(), nil, want{ErrMismatch, 4, "leaf"}},
		"payload out of range":    {edit(21, &pl, func() { pl.Index = 13 }), nil, want{ErrMismatch, 21, "payload"}},
		"payload twice":           {edit(21, &pl, func() { pl.Index = 3 }), nil, want{ErrMalformed, 21, "payload"}},
		"payload empty":           {edit(20, &pl, func() { pl.Sealed = []byte{} }), nil, want{ErrMalformed, 20, "payload"}},
		"counters reordered":      {join(append(append(append([][]byte{}, ls[:21]...), ls[22], ls[21]), ls[23:]...)), nil, want{ErrMalformed, 23, "counter"}},
		"counter bad day":         {edit(22, &ct, func() { ct.Day = "2026-1-2" }), nil, want{ErrMalformed, 22, "counter"}},
		"counter zero":            {edit(22, &ct, func() { ct.Count = 0 }), nil, want{ErrMalformed, 22, "counter"}},
		"counter groups unsorted": {edit(22, &ct, func() { ct.Groups[0], ct.Groups[1] = ct.Groups[1], ct.Groups[0] }), nil, want{ErrMalformed, 22, "counter"}},
		"end count":               {edit(25, &end, func() { end.Payloads = 2 }), nil, want{ErrMalformed, 25, "end"}},
		"end missing":             {join(ls[:24]), nil, want{ErrTruncated, 25, ""}},
		"no final newline":        {bytes.TrimSuffix(good, []byte("\n")), nil, want{ErrTruncated, 25, ""}},
		"trailing garbage":        {append(bytes.Clone(good), "garbage"...), nil, want{ErrTrailingData, 26, ""}},
		"trailing newline":        {append(bytes.Clone(good), '\n'), nil, want{ErrTrailingData, 26, ""}},
		"a second export":         {append(bytes.Clone(good), good...), nil, want{ErrTrailingData, 26, ""}},
		"duplicate key":           {bytes.Replace(good, []byte(`{"type":"leaf","index":4,`), []byte(`{"type":"leaf","index":4,"index":4,`), 1), nil, want{ErrMalformed, 10, "leaf"}},
		"duplicate type":          {bytes.Replace(good, []byte(`{"type":"leaf","index":4,`), []byte(`{"type":"leaf","type":"leaf","index":4,`), 1), nil, want{ErrMalformed, 10, "leaf"}},
		"unknown key":             {bytes.Replace(good, []byte(`{"type":"leaf","index":4,`), []byte(`{"type":"leaf","x":1,"index":4,`), 1), nil, want{ErrMalformed, 10, "leaf"}},
		"key case":                {bytes.Replace(good, []byte(`{"type":"leaf","index":4,`), []byte(`{"type":"leaf","Index":4,`), 1), nil, want{ErrMalformed, 10, "leaf"}},
		"spacing":                 {bytes.Replace(good, []byte(`{"type":"leaf","index":4,`), []byte(`{"type":"leaf","index": 4,`), 1), nil, want{ErrMalformed, 10, "leaf"}},
		"crlf":                    {bytes.Replace(good, []byte("\n"), []byte("\r\n"), 1), nil, want{ErrMalformed, 1, "header"}},
		"null list":               {edit(1, &h, func() {}) /* placeholder replaced below */, nil, want{}},
		"not json":                {replaceLine(good, 7, []byte("hello\n")), nil, want{ErrMalformed, 7, ""}},
		"unknown type":            {replaceLine(good, 7, []byte(`{"type":"note","index":1}`+"\n")), nil, want{ErrMalformed, 7, ""}},
		"header not first":        {join(append([][]byte{ls[1], ls[0]}, ls[2:]...)), nil, want{ErrMalformed, 1, ""}},
		"second header":           {join(append([][]byte{ls[0], ls[0]}, ls[1:]...)), nil, want{ErrMalformed, 2, "header"}},
		"empty":                   {nil, nil, want{ErrTruncated, 1, ""}},
		"line too long":           {good, &Options{MaxLineSize: 200}, want{ErrTooLarge, 1, ""}},
		"too many bytes":          {good, &Options{MaxBytes: 3000}, want{ErrTooLarge, 0, ""}},
		"too many leaves":         {good, &Options{MaxLeaves: 12}, want{ErrTooLarge, 1, "header"}},
		"too many checkpoints":    {good, &Options{MaxCheckpoints: 1}, want{ErrTooLarge, 3, "checkpoint"}},
		"too many anchors":        {good, &Options{MaxAnchors: 1}, want{ErrTooLarge, 5, "anchor"}},
		"too many counters":       {good, &Options{MaxCounters: 2}, want{ErrTooLarge, 24, "counter"}},
	} {
		if name == "null list" {
			c.data = bytes.Replace(good, []byte(`"prefix":[]`), []byte(`"prefix":null`), 1)
			c.want = want{ErrMalformed, 1, "header"}
		}
		e, err := Verify(bytes.NewReader(c.data), r.v, c.opts)
		if err == nil || e != nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		t.Logf("%s: %v", name, err)
		if !errors.Is(err, c.want.err) {
			t.Errorf("%s: %v, want %v", name, err, c.want.err)
			continue
		}
		var le *LineError
		var lv *LeavesError
		switch {
		case c.want.line == 0 && c.want.err == verify.ErrProof:
			if !errors.As(err, &lv) {
				t.Errorf("%s: %v, want a *LeavesError", name, err)
			}
		case c.want.line == 0:
			if !errors.As(err, &le) {
				t.Errorf("%s: %v, want a *LineError", name, err)
			}
		case !errors.As(err, &le) || le.Line != c.want.line || le.Kind != c.want.kind:
			t.Errorf("%s: %v, want a *LineError at line %d (%q)", name, err, c.want.line, c.want.kind)
		}
	}
}

func ptr[T any](v T) *T { return &v }

// TestLeavesErrorNarrows: a changed leaf between two checkpoint lines is
// reported between them.
func TestLeavesErrorNarrows(t *testing.T) {
	r := newRef(t, 20)
	good := r.export(t, fullSpec())
	for bad, want := range map[uint64][2]uint64{0: {0, 4}, 3: {0, 4}, 4: {4, 8}, 7: {4, 8}, 8: {8, 13}, 12: {8, 13}} {
		_, err := Verify(bytes.NewReader(withLeaf(t, good, bad, []byte("forged"))), r.v, nil)
		var le *LeavesError
		if !errors.As(err, &le) || le.Start != want[0] || le.End != want[1] || le.FirstLine != 6+int(want[0]) || le.LastLine != 5+int(want[1]) {
			t.Errorf("leaf %d forged: %v, want leaves [%d, %d)", bad, err, want[0], want[1])
		}
		var rm *verify.RootMismatchError
		if !errors.As(err, &rm) || rm.Expected != r.root(t, want[1]) {
			t.Errorf("leaf %d forged: %v, want a root mismatch against the root of %d", bad, err, want[1])
		}
	}
}

// TestVerifyNeedsKey: no verifier is an error, not a panic.
func TestVerifyNeedsKey(t *testing.T) {
	if _, err := Verify(strings.NewReader(""), nil, nil); err == nil {
		t.Fatal("Verify without a key")
	}
}

// TestEncoderRefuses: the encoder checks what it writes and stops at the
// first line that would not verify.
func TestEncoderRefuses(t *testing.T) {
	r := newRef(t, 8)
	var b bytes.Buffer
	enc := NewEncoder(&b)
	if err := enc.Leaf(0, r.leaves[0]); !errors.Is(err, ErrMalformed) {
		t.Fatalf("a leaf before the header: %v", err)
	}
	enc = NewEncoder(&b)
	must(t, enc.Header(&Header{Checkpoint: r.sign(t, 8, r.signer), From: 0, To: 8}))
	if err := enc.Checkpoint(r.sign(t, 4, r.signer), nil); !errors.Is(err, verify.ErrProof) {
		t.Fatalf("a checkpoint without its proof: %v", err)
	}
	if err := enc.Leaf(0, r.leaves[0]); err == nil {
		t.Fatal("the encoder went on after an error")
	}
	enc = NewEncoder(&b)
	must(t, enc.Header(&Header{Checkpoint: r.sign(t, 8, r.signer), From: 0, To: 8}))
	for i := range 7 {
		must(t, enc.Leaf(uint64(i), r.leaves[i]))
	}
	var le *LeavesError
	if err := enc.Leaf(7, []byte("not leaf 7")); !errors.As(err, &le) {
		t.Fatalf("a wrong last leaf: %v", err)
	}
}
