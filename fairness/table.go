package fairness

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Cell is one cell of a [Table]: the number of decisions, and their summed
// sample weight, that share a group (one value per attribute of the table), a
// predicted label and an outcome label. Outcome "" means no outcome has been
// recorded for those decisions (yet). A group value "" means the decision did
// not carry that attribute; it is a group of its own, shown as "(missing)".
type Cell struct {
	Group     []string `json:"group"`
	Predicted string   `json:"predicted"`
	Outcome   string   `json:"outcome,omitempty"`
	Count     uint64   `json:"count"`
	Weight    float64  `json:"weight"`
}

// Table is a contingency table of weighted counts: for every group (a tuple
// of attribute values), predicted label and outcome label, how many decisions
// and what total sample weight. It is everything the metrics need, so a report
// over millions of decisions needs only the table, not the decisions.
//
// Tables are mergeable ([Table.Merge]: counts and weights add, so the table of
// two logs is the merge of their tables) and can be marginalised to fewer
// attributes ([Table.Marginal]). Intersectional groups are simply a table over
// several attributes: its groups are the observed combinations of values.
//
// A Table is not safe for concurrent mutation; concurrent reads are safe.
type Table struct {
	attrs []string
	cells map[string]*Cell
}

// NewTable returns an empty table over the named attributes, in that order.
// Names must be non-empty, valid UTF-8 and distinct. A table over no
// attribute has one group, everyone.
func NewTable(attrs ...string) (*Table, error) {
	seen := make(map[string]bool, len(attrs))
	for _, a := range attrs {
		if a == "" || !utf8.ValidString(a) {
			return nil, invalid("table.attributes", "attribute name %q is empty or not UTF-8", a)
		}
		if seen[a] {
			return nil, invalid("table.attributes", "attribute %q appears twice", a)
		}
		seen[a] = true
	}
	return &Table{attrs: slices.Clone(attrs), cells: make(map[string]*Cell)}, nil
}

// Attributes returns the table's attribute names, in order.
func (t *Table) Attributes() []string { return slices.Clone(t.attrs) }

func appendKey(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func cellKey(group []string, pred, out string) string {
	var b []byte
	for _, g := range group {
		b = appendKey(b, g)
	}
	b = appendKey(b, pred)
	b = appendKey(b, out)
	return string(b)
}

func groupKey(group []string) string {
	var b []byte
	for _, g := range group {
		b = appendKey(b, g)
	}
	return string(b)
}

// Add adds a cell's count and weight to the table. The group must have one
// value per attribute; the predicted label must be non-empty; labels and
// values must be valid UTF-8; the weight must be finite and non-negative, and
// zero when the count is zero. A cell with count zero changes nothing.
func (t *Table) Add(c Cell) error {
	if len(c.Group) != len(t.attrs) {
		return invalid("cell.group", "%d values for %d attributes", len(c.Group), len(t.attrs))
	}
	for i, g := range c.Group {
		if !utf8.ValidString(g) {
			return invalid("cell.group", "value of %q is not UTF-8", t.attrs[i])
		}
	}
	if c.Predicted == "" || !utf8.ValidString(c.Predicted) {
		return invalid("cell.predicted", "label %q is empty or not UTF-8", c.Predicted)
	}
	if !utf8.ValidString(c.Outcome) {
		return invalid("cell.outcome", "label is not UTF-8")
	}
	if math.IsNaN(c.Weight) || math.IsInf(c.Weight, 0) || c.Weight < 0 {
		return invalid("cell.weight", "weight %v is not a finite non-negative number", c.Weight)
	}
	if c.Count == 0 {
		if c.Weight != 0 {
			return invalid("cell.weight", "weight %v with count 0", c.Weight)
		}
		return nil
	}
	k := cellKey(c.Group, c.Predicted, c.Outcome)
	if e, ok := t.cells[k]; ok {
		if e.Count+c.Count < e.Count {
			return invalid("cell.count", "count overflows")
		}
		e.Count += c.Count
		e.Weight += c.Weight
		return nil
	}
	t.cells[k] = &Cell{Group: slices.Clone(c.Group), Predicted: c.Predicted, Outcome: c.Outcome, Count: c.Count, Weight: c.Weight}
	return nil
}

// Merge adds every cell of o to t. Both tables must have the same attributes
// (in any order); o's groups are reordered to t's attribute order.
func (t *Table) Merge(o *Table) error {
	if len(o.attrs) != len(t.attrs) {
		return &MismatchError{Have: t.Attributes(), Got: o.Attributes()}
	}
	idx := make([]int, len(t.attrs))
	for i, a := range t.attrs {
		j := slices.Index(o.attrs, a)
		if j < 0 {
			return &MismatchError{Have: t.Attributes(), Got: o.Attributes()}
		}
		idx[i] = j
	}
	for _, c := range o.Cells() {
		g := make([]string, len(idx))
		for i, j := range idx {
			g[i] = c.Group[j]
		}
		c.Group = g
		if err := t.Add(c); err != nil {
			return err
		}
	}
	return nil
}

// MismatchError says that two tables have different attributes. It wraps
// [ErrMismatch].
type MismatchError struct {
	Have, Got []string
}

func (e *MismatchError) Error() string {
	return "fairness: tables do not match: attributes [" + strings.Join(e.Have, ",") + "] and [" + strings.Join(e.Got, ",") + "]"
}

// Unwrap returns [ErrMismatch].
func (e *MismatchError) Unwrap() error { return ErrMismatch }

// Marginal returns a new table over a subset of t's attributes (in the order
// given), summing the cells that differ only in the attributes left out.
func (t *Table) Marginal(attrs ...string) (*Table, error) {
	m, err := NewTable(attrs...)
	if err != nil {
		return nil, err
	}
	idx := make([]int, len(attrs))
	for i, a := range attrs {
		j := slices.Index(t.attrs, a)
		if j < 0 {
			return nil, invalid("table.attributes", "attribute %q is not in the table (it has %s)", a, strings.Join(t.attrs, ","))
		}
		idx[i] = j
	}
	for _, c := range t.Cells() {
		g := make([]string, len(idx))
		for i, j := range idx {
			g[i] = c.Group[j]
		}
		c.Group = g
		if err := m.Add(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Cells returns copies of the table's cells in a deterministic order: by
// group values, then predicted label, then outcome label.
func (t *Table) Cells() []Cell {
	out := make([]Cell, 0, len(t.cells))
	for _, c := range t.cells {
		cc := *c
		cc.Group = slices.Clone(c.Group)
		out = append(out, cc)
	}
	slices.SortFunc(out, compareCells)
	return out
}

func compareCells(a, b Cell) int {
	if c := slices.Compare(a.Group, b.Group); c != 0 {
		return c
	}
	if c := strings.Compare(a.Predicted, b.Predicted); c != 0 {
		return c
	}
	return strings.Compare(a.Outcome, b.Outcome)
}

// Total returns the number of decisions and their summed weight.
func (t *Table) Total() (count uint64, weight float64) {
	for _, c := range t.Cells() {
		count += c.Count
		weight += c.Weight
	}
	return count, weight
}

// GroupLabel formats a group as "a=v, b=w" for the given attributes; a
// missing value ("") is shown as "(missing)" and a table without attributes
// has the single group "(all)".
func GroupLabel(attrs, group []string) string {
	if len(attrs) == 0 {
		return "(all)"
	}
	var sb strings.Builder
	for i, a := range attrs {
		if i > 0 {
			sb.WriteString(", ")
		}
		v := ""
		if i < len(group) {
			v = group[i]
		}
		if v == "" {
			v = "(missing)"
		}
		sb.WriteString(a)
		sb.WriteByte('=')
		sb.WriteString(v)
	}
	return sb.String()
}
