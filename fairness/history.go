package fairness

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// Checkpoint names the state of a log that a report was computed at: the
// log's origin, its tree size and root hash, and the signed checkpoint note
// (C2SP tlog-checkpoint) that vouches for them.
type Checkpoint struct {
	Origin string
	Size   uint64
	Root   [32]byte
	Note   []byte
}

type checkpointJSON struct {
	Origin string `json:"origin"`
	Size   uint64 `json:"tree_size"`
	Root   string `json:"root"`
	Note   string `json:"note,omitempty"`
}

// MarshalJSON writes {"origin", "tree_size", "root" (base64, as in the
// checkpoint body), "note" (the signed note text)}.
func (c Checkpoint) MarshalJSON() ([]byte, error) {
	return json.Marshal(checkpointJSON{Origin: c.Origin, Size: c.Size, Root: base64.StdEncoding.EncodeToString(c.Root[:]), Note: string(c.Note)})
}

// UnmarshalJSON implements [json.Unmarshaler].
func (c *Checkpoint) UnmarshalJSON(b []byte) error {
	var j checkpointJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	root, err := base64.StdEncoding.DecodeString(j.Root)
	if err != nil || len(root) != 32 {
		return invalid("checkpoint.root", "not the base64 of 32 bytes")
	}
	*c = Checkpoint{Origin: j.Origin, Size: j.Size, Note: []byte(j.Note)}
	copy(c.Root[:], root)
	if j.Note == "" {
		c.Note = nil
	}
	return nil
}

// CountSource gives the fairness counters ([record.CountCell], kept by
// package auditlog/decisions at append time) of the decisions of a model (all
// models when model is "") and version (all when ""), on the UTC days in
// [from, to) (unbounded where zero), together with the checkpoint at which
// the counters hold exactly: the cells count the entries 0..Size-1 of the
// log and nothing else.
type CountSource interface {
	FairnessCounts(ctx context.Context, model, version string, from, to time.Time) ([]record.CountCell, Checkpoint, error)
}

// Decision is what the scan path needs of one recorded decision. Groups is
// nil and Erased is set when the subject has been erased (its sealed payload
// can no longer be opened); Outcome is the latest outcome label recorded up
// to the checkpoint, "" if none.
type Decision struct {
	Index    uint64
	ID       string
	Time     time.Time
	Model    string
	Version  string
	Label    string
	Outcome  string
	Groups   []record.Attr
	Weight   float64 // the effective weight (1 when the record left it at 0)
	Erased   bool
	Metadata map[string]string
}

// DecisionSource scans the decisions of a log up to a checkpoint, in log
// order, calling fn for each, and returns the checkpoint (the scan covers
// exactly the entries 0..Size-1). An error from fn stops the scan and is
// returned.
type DecisionSource interface {
	ScanFairness(ctx context.Context, model, version string, from, to time.Time, fn func(*Decision) error) (Checkpoint, error)
}

// Window is the width of the windows of a report's series.
type Window string

// Windows of a series. Weeks are ISO weeks (Monday to Sunday, UTC).
const (
	NoWindow Window = ""
	Day      Window = "day"
	Week     Window = "week"
)

// Query selects the decisions of a report and says what to compute.
type Query struct {
	// Model and Version select the decisions; "" selects all.
	Model   string `json:"model,omitempty"`
	Version string `json:"version,omitempty"`
	// From and To select decisions with From <= time < To (zero: no bound).
	// Counters are kept per UTC day, so the counter path needs both at
	// midnight UTC.
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
	// By lists the group attributes; several give intersectional groups.
	By []string `json:"by"`
	// Window, when set, adds a series of reports, one per day or week, to
	// show drift.
	Window Window `json:"window,omitempty"`
	// MinCellSize is the smallest number of decisions a group may have to
	// be shown in a report or in one window of its series (default
	// [DefaultMinCellSize]; 1 shows every group). A smaller group is left
	// out of the metrics and listed in Suppressed, without its count, so
	// that a narrow query (one model, one day) cannot single out the few
	// decisions of a group, nor the decision of an erased subject by
	// difference.
	MinCellSize uint64 `json:"min_cell_size,omitempty"`
	// Spec says which labels are favourable and what to compute.
	Spec Spec `json:"-"`
}

// DefaultMinCellSize is the default of [Query.MinCellSize].
const DefaultMinCellSize = 5

// ReasonSmallCell is the reason of a group suppressed for its size.
const ReasonSmallCell = "fewer decisions than the minimum cell size"

// Suppressed is a group left out of a report: it is named, but its count
// and metrics are not shown.
type Suppressed struct {
	Group  []string `json:"group"`
	Reason string   `json:"reason"`
}

func (q *Query) minCellSize() uint64 {
	if q.MinCellSize == 0 {
		return DefaultMinCellSize
	}
	return q.MinCellSize
}

// suppressSmall returns t without the groups of fewer than min decisions,
// the groups it left out (in group order), and the decisions kept.
func suppressSmall(t *Table, min uint64) (*Table, []Suppressed, uint64) {
	sizes := map[string]uint64{}
	names := map[string][]string{}
	for _, c := range t.Cells() {
		k := groupKey(c.Group)
		sizes[k] += c.Count
		names[k] = c.Group
	}
	kept, _ := NewTable(t.attrs...)
	var n uint64
	for _, c := range t.Cells() {
		if sizes[groupKey(c.Group)] >= min {
			_ = kept.Add(c) // cells of t fit a table of its attributes
			n += c.Count
		}
	}
	var out []Suppressed
	for k, size := range sizes {
		if size < min {
			out = append(out, Suppressed{Group: names[k], Reason: fmt.Sprintf("%s (%d)", ReasonSmallCell, min)})
		}
	}
	slices.SortFunc(out, func(a, b Suppressed) int { return slices.Compare(a.Group, b.Group) })
	return kept, out, n
}

func (q *Query) check(countersOnly bool) error {
	if q == nil {
		return invalid("query", "missing")
	}
	if len(q.By) == 0 {
		return invalid("query.by", "no group attribute given")
	}
	if _, err := NewTable(q.By...); err != nil {
		return invalid("query.by", "%v", err)
	}
	if q.Version != "" && q.Model == "" {
		return invalid("query.version", "a version without a model")
	}
	switch q.Window {
	case NoWindow, Day, Week:
	default:
		return invalid("query.window", "%q is not one of day, week", q.Window)
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
		return invalid("query.to", "the window is empty: to %s is not after from %s", q.To.Format(time.RFC3339), q.From.Format(time.RFC3339))
	}
	if countersOnly {
		for _, t := range []time.Time{q.From, q.To} {
			if !t.IsZero() && !t.Equal(t.UTC().Truncate(24*time.Hour)) {
				return invalid("query.from", "%s is not midnight UTC; the counters are kept per UTC day", t.Format(time.RFC3339))
			}
		}
	}
	return nil
}

// Report is the fairness of a log's recorded decisions at one checkpoint.
// Whoever holds the log up to that checkpoint (or an export of it) computes
// the identical report from the same query and seed.
type Report struct {
	Checkpoint Checkpoint `json:"checkpoint"`
	// Source is "counters" (the counters kept at append time) or "scan" (a
	// scan of the entries).
	Source string `json:"source"`
	Query  Query  `json:"query"`
	// Decisions is the number of decisions the report covers; Erased the
	// number left out because their subject was erased (the scan cannot
	// open their groups; the counters keep them in erased cells, without
	// groups).
	Decisions uint64 `json:"decisions"`
	Erased    uint64 `json:"erased,omitempty"`
	// Suppressed lists the groups left out of Metrics for having fewer
	// than Query.MinCellSize decisions; Decisions does not count them.
	Suppressed []Suppressed `json:"suppressed,omitempty"`
	// Metrics over the whole selection; nil when it holds no decision.
	Metrics *Metrics `json:"metrics"`
	// Series holds one entry per window with decisions, in time order.
	Series []WindowReport `json:"series,omitempty"`
}

// WindowReport is the metrics of one day or week.
type WindowReport struct {
	Window    string    `json:"window"` // "2026-11-23" or "2026-W48"
	From      time.Time `json:"from"`
	To        time.Time `json:"to"`
	Decisions uint64    `json:"decisions"`
	Metrics   *Metrics  `json:"metrics"`
	// Suppressed lists the groups of this window left out (see
	// [Report.Suppressed]).
	Suppressed []Suppressed `json:"suppressed,omitempty"`
}

// windowOf returns the window key and bounds of a UTC day.
func windowOf(w Window, day time.Time) (string, time.Time, time.Time) {
	day = day.UTC().Truncate(24 * time.Hour)
	if w == Week {
		wd := (int(day.Weekday()) + 6) % 7 // Monday = 0
		start := day.AddDate(0, 0, -wd)
		y, wk := start.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, wk), start, start.AddDate(0, 0, 7)
	}
	return day.Format(time.DateOnly), day, day.AddDate(0, 0, 1)
}

// groupValues returns the values of the attributes by in a sorted or
// unsorted attribute list; a missing attribute gives "".
func groupValues(by []string, attrs []record.Attr) []string {
	out := make([]string, len(by))
	for i, name := range by {
		for _, a := range attrs {
			if a.Name == name {
				out[i] = a.Value
				break
			}
		}
	}
	return out
}

// accumulator builds the overall table and the per-window tables.
type accumulator struct {
	q       *Query
	all     *Table
	windows map[string]*windowAcc
	n       uint64
}

type windowAcc struct {
	from, to time.Time
	t        *Table
	n        uint64
}

func newAccumulator(q *Query) *accumulator {
	t, _ := NewTable(q.By...) // checked by q.check
	return &accumulator{q: q, all: t, windows: map[string]*windowAcc{}}
}

func (a *accumulator) add(day time.Time, c Cell) error {
	if err := a.all.Add(c); err != nil {
		return err
	}
	a.n += c.Count
	if a.q.Window == NoWindow {
		return nil
	}
	key, from, to := windowOf(a.q.Window, day)
	w, ok := a.windows[key]
	if !ok {
		t, _ := NewTable(a.q.By...)
		w = &windowAcc{from: from, to: to, t: t}
		a.windows[key] = w
	}
	w.n += c.Count
	return w.t.Add(c)
}

func (a *accumulator) report(cp Checkpoint, source string) (*Report, error) {
	r := &Report{Checkpoint: cp, Source: source, Query: *a.q}
	r.Query.By = slices.Clone(a.q.By)
	if _, err := a.q.Spec.withDefaults(len(a.q.By)); err != nil {
		return nil, err
	}
	min := a.q.minCellSize()
	all, sup, n := suppressSmall(a.all, min)
	r.Decisions, r.Suppressed = n, sup
	if n > 0 {
		spec := a.q.Spec
		if spec.Reference != nil && hasGroup(a.all, spec.Reference) && !hasGroup(all, spec.Reference) {
			spec.Reference = nil // the reference group is suppressed: the largest one instead
		}
		m, err := Compute(all, &spec)
		if err != nil {
			return nil, err
		}
		r.Metrics = m
	}
	keys := make([]string, 0, len(a.windows))
	for k := range a.windows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		w := a.windows[k]
		t, sup, n := suppressSmall(w.t, min)
		wr := WindowReport{Window: k, From: w.from, To: w.to, Decisions: n, Suppressed: sup}
		if n == 0 {
			r.Series = append(r.Series, wr) // every group of the window is suppressed
			continue
		}
		spec := a.q.Spec
		if spec.Reference != nil && !hasGroup(t, spec.Reference) {
			spec.Reference = nil // the reference group made no decision in this window, or is suppressed
		}
		m, err := Compute(t, &spec)
		if err != nil {
			return nil, err
		}
		wr.Metrics = m
		r.Series = append(r.Series, wr)
	}
	return r, nil
}

func hasGroup(t *Table, g []string) bool {
	_, ok := t.groupsIndex()[groupKey(g)]
	return ok
}

func (t *Table) groupsIndex() map[string]bool {
	out := map[string]bool{}
	for _, c := range t.cells {
		out[groupKey(c.Group)] = true
	}
	return out
}

// ReportFromCounts computes a report from counter cells that hold at
// checkpoint cp. Cells outside the query's model, version or days are
// ignored, so a source may return more than was asked. The query's times
// must be midnight UTC.
func ReportFromCounts(cells []record.CountCell, cp Checkpoint, q *Query) (*Report, error) {
	if err := q.check(true); err != nil {
		return nil, err
	}
	sorted := slices.Clone(cells)
	slices.SortFunc(sorted, compareCountCells)
	acc := newAccumulator(q)
	var erased uint64
	for i := range sorted {
		c := &sorted[i]
		if (q.Model != "" && c.Model != q.Model) || (q.Version != "" && c.Version != q.Version) {
			continue
		}
		day, err := time.Parse(time.DateOnly, c.Day)
		if err != nil {
			return nil, invalid("count.day", "%q is not a YYYY-MM-DD date", c.Day)
		}
		if (!q.From.IsZero() && day.Before(q.From)) || (!q.To.IsZero() && !day.Before(q.To)) {
			continue
		}
		if c.Erased {
			erased += c.Count
			continue
		}
		cell := Cell{Group: groupValues(q.By, c.Groups), Predicted: c.Decision, Outcome: c.Outcome, Count: c.Count, Weight: c.Weight}
		if err := acc.add(day, cell); err != nil {
			return nil, err
		}
	}
	r, err := acc.report(cp, "counters")
	if err != nil {
		return nil, err
	}
	r.Erased = erased
	return r, nil
}

// compareCountCells orders cells so that weights are summed in the same
// order whatever order a source returned them in.
func compareCountCells(a, b record.CountCell) int {
	for _, c := range [][2]string{{a.Model, b.Model}, {a.Version, b.Version}, {a.Day, b.Day}} {
		if c[0] != c[1] {
			if c[0] < c[1] {
				return -1
			}
			return 1
		}
	}
	if c := slices.CompareFunc(a.Groups, b.Groups, func(x, y record.Attr) int {
		if x.Name != y.Name {
			if x.Name < y.Name {
				return -1
			}
			return 1
		}
		if x.Value < y.Value {
			return -1
		}
		if x.Value > y.Value {
			return 1
		}
		return 0
	}); c != 0 {
		return c
	}
	if a.Decision != b.Decision {
		if a.Decision < b.Decision {
			return -1
		}
		return 1
	}
	if a.Outcome < b.Outcome {
		return -1
	}
	if a.Outcome > b.Outcome {
		return 1
	}
	return 0
}

// NewReport computes a report from the counters of src (the fast path: no
// scan, its cost depends on the number of counter cells, not of decisions).
func NewReport(ctx context.Context, src CountSource, q *Query) (*Report, error) {
	if err := q.check(true); err != nil {
		return nil, err
	}
	cells, cp, err := src.FairnessCounts(ctx, q.Model, q.Version, q.From, q.To)
	if err != nil {
		return nil, fmt.Errorf("fairness: reading counters: %w", err)
	}
	return ReportFromCounts(cells, cp, q)
}

// ScanReport computes a report by scanning the decisions of src (the slow
// path). keep, when not nil, selects decisions beyond the query (any
// predicate: a metadata value, a policy version, an hour of the day).
// Decisions whose subject was erased cannot be placed in a group: they are
// counted in Report.Erased and left out, as in a counter report, whose
// counters move erased decisions to erased cells.
func ScanReport(ctx context.Context, src DecisionSource, q *Query, keep func(*Decision) bool) (*Report, error) {
	if err := q.check(false); err != nil {
		return nil, err
	}
	acc := newAccumulator(q)
	var erased uint64
	cp, err := src.ScanFairness(ctx, q.Model, q.Version, q.From, q.To, func(d *Decision) error {
		if (q.Model != "" && d.Model != q.Model) || (q.Version != "" && d.Version != q.Version) {
			return nil
		}
		if (!q.From.IsZero() && d.Time.Before(q.From)) || (!q.To.IsZero() && !d.Time.Before(q.To)) {
			return nil
		}
		if keep != nil && !keep(d) {
			return nil
		}
		if d.Erased {
			erased++
			return nil
		}
		w := d.Weight
		return acc.add(d.Time, Cell{Group: groupValues(q.By, d.Groups), Predicted: d.Label, Outcome: d.Outcome, Count: 1, Weight: w})
	})
	if err != nil {
		return nil, fmt.Errorf("fairness: scanning decisions: %w", err)
	}
	r, err := acc.report(cp, "scan")
	if err != nil {
		return nil, err
	}
	r.Erased = erased
	return r, nil
}

// CountSourceFunc adapts a function to a [CountSource].
type CountSourceFunc func(ctx context.Context, model, version string, from, to time.Time) ([]record.CountCell, Checkpoint, error)

// FairnessCounts calls f.
func (f CountSourceFunc) FairnessCounts(ctx context.Context, model, version string, from, to time.Time) ([]record.CountCell, Checkpoint, error) {
	return f(ctx, model, version, from, to)
}

// DecisionSourceFunc adapts a function to a [DecisionSource].
type DecisionSourceFunc func(ctx context.Context, model, version string, from, to time.Time, fn func(*Decision) error) (Checkpoint, error)

// ScanFairness calls f.
func (f DecisionSourceFunc) ScanFairness(ctx context.Context, model, version string, from, to time.Time, fn func(*Decision) error) (Checkpoint, error) {
	return f(ctx, model, version, from, to, fn)
}
