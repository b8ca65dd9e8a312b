package offline

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/rfc6962"

	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

var rangeFactory = &compact.RangeFactory{Hash: rfc6962.DefaultHasher.HashChildren}

// Ranks of the line types: lines appear by non-decreasing rank.
var ranks = map[string]int{
	typeHeader: 0, typeCheckpoint: 1, typeAnchor: 2, typeLeaf: 3,
	typePayload: 4, typeCounter: 5, typeEnd: 6,
}

// Counts are the numbers of lines of each kind after the header: what the
// end line states.
type Counts struct {
	Checkpoints, Anchors, Leaves, Payloads, Counters uint64
}

// newChecker returns a checker waiting for the header.
func newChecker() checker { return checker{rank: -1} }

// checker runs every check of the format on the values of an export's
// lines, in order, whoever reads or writes them: [Verify] after parsing and
// opening each line, the [Encoder] before writing it. It holds no line's
// bytes beyond the current one, only the state the next checks need.
type checker struct {
	h    Header
	rank int
	n    Counts
	line int // the current line, for LeavesError

	lastCheckpoint *Checkpoint // the previous checkpoint line
	lastAnchor     *Anchor     // the previous anchor line
	lastPayload    *uint64
	lastCounter    *record.CountCell

	// The leaves: next is the index of the next leaf; rng folds the prefix
	// and the leaves so far; roots holds the signed roots at the sizes in
	// (From, To) the leaves are checked against on the way (from the
	// checkpoint lines), by size; checked is the size up to which the
	// leaves are checked and checkedLine the line of the leaf after it.
	next        uint64
	rng         *compact.Range
	roots       []Checkpoint
	checked     uint64
	checkedLine int
}

// header checks the header's structure; the caller has checked its
// signature.
func (c *checker) header(h *Header) error {
	if c.rank != -1 {
		return fmt.Errorf("%w: a header line after the first line", ErrMalformed)
	}
	size := h.Checkpoint.Size
	if h.From > h.To || h.To > size {
		return fmt.Errorf("%w: leaf range [%d, %d) is not within the checkpoint's tree of size %d", ErrMismatch, h.From, h.To, size)
	}
	wantPrefix := 0
	if 0 < h.From && h.From < h.To {
		wantPrefix = len(compact.RangeNodes(0, h.From, nil))
	}
	if len(h.Prefix) != wantPrefix {
		return fmt.Errorf("%w: prefix has %d hashes, the leaf range [%d, %d) needs %d", ErrMalformed, len(h.Prefix), h.From, h.To, wantPrefix)
	}
	if len(h.RangeProof) != 0 && (h.From == h.To || h.To == size) {
		return fmt.Errorf("%w: a range proof for the leaf range [%d, %d) of a tree of size %d, which needs none", ErrMalformed, h.From, h.To, size)
	}
	c.h = *h
	c.rank = 0
	c.next, c.checked = h.From, h.From
	if h.From < h.To {
		if h.From == 0 {
			c.rng = rangeFactory.NewEmptyRange(0)
		} else {
			hs := make([][]byte, len(h.Prefix))
			for i := range h.Prefix {
				hs[i] = h.Prefix[i][:]
			}
			rng, err := rangeFactory.NewRange(0, h.From, hs)
			if err != nil {
				return fmt.Errorf("%w: prefix: %v", ErrMalformed, err)
			}
			c.rng = rng
		}
	}
	return nil
}

// order checks that a line of type t may come now and moves to its rank.
func (c *checker) order(t string) error {
	r := ranks[t]
	switch {
	case c.rank < 0:
		return fmt.Errorf("%w: a %s line before the header", ErrMalformed, t)
	case c.rank > ranks[typeEnd]:
		return ErrTrailingData
	}
	if r < c.rank {
		return fmt.Errorf("%w: a %s line after %s lines", ErrMalformed, t, typeOfRank(c.rank))
	}
	if r > ranks[typeLeaf] && c.next < c.h.To {
		return fmt.Errorf("%w: a %s line where leaf %d of the range [%d, %d) is due", ErrMalformed, t, c.next, c.h.From, c.h.To)
	}
	switch {
	case t == typePayload && !c.h.Payloads:
		return fmt.Errorf("%w: a payload line in an export whose header says it has none", ErrMalformed)
	case t == typeCounter && !c.h.Counters:
		return fmt.Errorf("%w: a counter line in an export whose header says it has none", ErrMalformed)
	}
	c.rank = r
	return nil
}

func typeOfRank(r int) string {
	for t, x := range ranks {
		if x == r {
			return t
		}
	}
	return ""
}

// checkpoint checks a checkpoint line: by increasing size below the
// header's, and consistent with the header's checkpoint. The caller has
// checked its signature.
func (c *checker) checkpoint(cp *Checkpoint, p []verify.Hash) error {
	if err := c.order(typeCheckpoint); err != nil {
		return err
	}
	hc := c.h.Checkpoint
	if cp.Size >= hc.Size {
		return fmt.Errorf("%w: size %d is not below the header's %d", ErrMismatch, cp.Size, hc.Size)
	}
	if c.lastCheckpoint != nil && cp.Size <= c.lastCheckpoint.Size {
		return fmt.Errorf("%w: size %d after size %d: checkpoints go by increasing size", ErrMalformed, cp.Size, c.lastCheckpoint.Size)
	}
	if err := verify.VerifyConsistency(cp.Size, hc.Size, p, cp.Root, hc.Root); err != nil {
		return fmt.Errorf("consistency with the header's checkpoint: %w", err)
	}
	c.lastCheckpoint = cp
	if c.h.From < cp.Size && cp.Size < c.h.To {
		c.roots = append(c.roots, *cp)
	}
	c.n.Checkpoints++
	return nil
}

// CompareAnchors orders anchors as an export lists them: by tree size, chain
// id, contract and log id.
func CompareAnchors(a, b *Anchor) int {
	return cmp.Or(
		cmp.Compare(a.TreeSize, b.TreeSize),
		cmp.Compare(a.ChainID, b.ChainID),
		bytes.Compare(a.Contract[:], b.Contract[:]),
		bytes.Compare(a.LogID[:], b.LogID[:]),
	)
}

// anchor checks an anchor line: in order, and its root consistent with the
// header's checkpoint (whichever tree is the larger).
func (c *checker) anchor(a *Anchor, p []verify.Hash) error {
	if err := c.order(typeAnchor); err != nil {
		return err
	}
	if c.lastAnchor != nil && CompareAnchors(c.lastAnchor, a) >= 0 {
		return fmt.Errorf("%w: anchors go by increasing tree size, chain id, contract and log id, once each", ErrMalformed)
	}
	hc := c.h.Checkpoint
	var err error
	if a.TreeSize <= hc.Size {
		err = verify.VerifyConsistency(a.TreeSize, hc.Size, p, a.Root, hc.Root)
	} else {
		err = verify.VerifyConsistency(hc.Size, a.TreeSize, p, hc.Root, a.Root)
	}
	if err != nil {
		return fmt.Errorf("consistency with the header's checkpoint: %w", err)
	}
	c.lastAnchor = a
	c.n.Anchors++
	return nil
}

// leaf checks a leaf line: the next index of the range, not empty; it
// folds the leaf into the range and checks the root at every signed size
// the range reaches.
func (c *checker) leaf(index uint64, leaf []byte) error {
	if err := c.order(typeLeaf); err != nil {
		return err
	}
	if c.next >= c.h.To {
		return fmt.Errorf("%w: leaf %d is beyond the range [%d, %d)", ErrMismatch, index, c.h.From, c.h.To)
	}
	if index != c.next {
		return fmt.Errorf("%w: leaf %d where leaf %d is due", ErrMismatch, index, c.next)
	}
	if len(leaf) == 0 {
		return fmt.Errorf("%w: empty leaf", ErrMalformed)
	}
	if c.next == c.checked {
		c.checkedLine = c.line
	}
	lh := verify.LeafHash(leaf)
	if err := c.rng.Append(lh[:], nil); err != nil {
		return fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	c.next++
	c.n.Leaves++
	switch {
	case len(c.roots) > 0 && c.roots[0].Size == c.next:
		want := c.roots[0].Root
		c.roots = c.roots[1:]
		if err := c.rootIs(want); err != nil {
			return err
		}
	case c.next == c.h.To:
		return c.rootIs(c.h.Checkpoint.Root)
	}
	return nil
}

// rootIs checks the range's root: at the header's size it must be the
// header's root; below, the root at To must prove consistent with it.
// want is the root signed for the range's current end.
func (c *checker) rootIs(want verify.Hash) error {
	b, err := c.rng.GetRootHash(nil)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	got := verify.Hash(b)
	hc := c.h.Checkpoint
	signed := c.next
	switch {
	case c.next == c.h.To && c.h.To < hc.Size:
		signed = hc.Size
		err = verify.VerifyConsistency(c.h.To, hc.Size, c.h.RangeProof, got, hc.Root)
	case got != want:
		err = &verify.RootMismatchError{Expected: want, Calculated: got}
	}
	if err != nil {
		return &LeavesError{Start: c.checked, End: c.next, Signed: signed, FirstLine: c.checkedLine, LastLine: c.line, Err: err}
	}
	c.checked = c.next
	return nil
}

// payload checks a payload line: by increasing index, within the range.
func (c *checker) payload(p *Payload) error {
	if err := c.order(typePayload); err != nil {
		return err
	}
	if p.Index < c.h.From || p.Index >= c.h.To {
		return fmt.Errorf("%w: payload of leaf %d, which is not in the range [%d, %d)", ErrMismatch, p.Index, c.h.From, c.h.To)
	}
	if c.lastPayload != nil && p.Index <= *c.lastPayload {
		return fmt.Errorf("%w: payload of leaf %d after that of leaf %d: payloads go by increasing index, one per leaf", ErrMalformed, p.Index, *c.lastPayload)
	}
	if len(p.Sealed) == 0 {
		return fmt.Errorf("%w: empty sealed payload", ErrMalformed)
	}
	i := p.Index
	c.lastPayload = &i
	c.n.Payloads++
	return nil
}

// CompareCounters orders counter cells as an export lists them: by model,
// version, day, live cells before the erased cell, groups (attribute by
// attribute, name then value), decision and outcome.
func CompareCounters(a, b *record.CountCell) int {
	return cmp.Or(
		cmp.Compare(a.Model, b.Model),
		cmp.Compare(a.Version, b.Version),
		cmp.Compare(a.Day, b.Day),
		compareBool(a.Erased, b.Erased),
		slices.CompareFunc(a.Groups, b.Groups, func(x, y record.Attr) int {
			return cmp.Or(cmp.Compare(x.Name, y.Name), cmp.Compare(x.Value, y.Value))
		}),
		cmp.Compare(a.Decision, b.Decision),
		cmp.Compare(a.Outcome, b.Outcome),
	)
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// counter checks a counter line: well formed, and after the previous one
// in the order of CompareCounters.
func (c *checker) counter(cnt *record.CountCell) error {
	if err := c.order(typeCounter); err != nil {
		return err
	}
	if err := checkCounter(cnt); err != nil {
		return err
	}
	if c.lastCounter != nil && CompareCounters(c.lastCounter, cnt) >= 0 {
		return fmt.Errorf("%w: counters go in the order of model, version, day, erased, groups, decision and outcome, once each", ErrMalformed)
	}
	c.lastCounter = cnt
	c.n.Counters++
	return nil
}

func checkCounter(c *record.CountCell) error {
	if c.Model == "" || c.Decision == "" {
		return fmt.Errorf("%w: a counter needs a model and a decision label", ErrMalformed)
	}
	if d, err := time.Parse(time.DateOnly, c.Day); err != nil || d.Format(time.DateOnly) != c.Day {
		return fmt.Errorf("%w: day %q is not a YYYY-MM-DD date", ErrMalformed, c.Day)
	}
	for i, g := range c.Groups {
		if g.Name == "" {
			return fmt.Errorf("%w: group attribute %d has no name", ErrMalformed, i)
		}
		if i > 0 && c.Groups[i-1].Name >= g.Name {
			return fmt.Errorf("%w: group attributes are not sorted by name, or a name repeats (%q)", ErrMalformed, g.Name)
		}
	}
	if c.Erased && (len(c.Groups) > 0 || c.Weight != 0) {
		return fmt.Errorf("%w: the cell of erased decisions carries groups or a weight", ErrMalformed)
	}
	if c.Count == 0 {
		return fmt.Errorf("%w: a counter of zero decisions", ErrMalformed)
	}
	if math.IsNaN(c.Weight) || math.IsInf(c.Weight, 0) {
		return fmt.Errorf("%w: weight is not finite", ErrMalformed)
	}
	return nil
}

// end checks the end line's counts against the lines seen.
func (c *checker) end(n Counts) error {
	if err := c.order(typeEnd); err != nil {
		return err
	}
	if n != c.n {
		return fmt.Errorf("%w: the end line counts %+v, the export has %+v", ErrMalformed, n, c.n)
	}
	c.rank = len(ranks) // nothing may follow
	return nil
}
