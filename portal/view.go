package portal

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/registry"
)

// applicantPage is the data of the applicant's page. Everything it shows
// of the decision comes from the receipt it carries: the leaf and the
// disclosures, which the browser then verifies.
type applicantPage struct {
	base
	Token      string
	DecisionID string
	Date       string
	DateISO    string
	Model      record.Model
	Digest     string
	Reg        registration
	Outcome    string // display text
	Label      string // the output label as recorded
	Score      string
	ScoreName  string
	Erased     bool
	CanErase   bool // this server can erase (its log is writable)
	CanRerun   bool // the page can re-run the model (Options.Artifacts, an explanation disclosed)
	Adverse    bool
	Reasons    []reasonView
	ReasonNote string // why no reasons are shown, when none are
	Chart      *chart
	Inputs     []inputView
	Receipt    string // the receipt's canonical JSON, verified by the page
	Anchored   bool
	AnchorNote string
	Notice     string
	Verify     verifyConfig
	Dispute    disputeView
	LeafIndex  uint64
}

// registration is the model version's record on the contract, as the
// server read it.
type registration struct {
	Read        bool
	Error       string
	Registered  bool
	DigestMatch bool
	Block       uint64
	Publisher   string
	MetadataURI string
	Deprecated  bool
	Reason      string
}

type reasonView struct {
	Text  string
	Score string // the contribution, formatted
}

type inputView struct {
	Label, Name, Value string
}

type disputeView struct {
	Enabled   bool
	Filed     bool
	ID        uint64
	Status    string // as the server read it, or ""
	StatusErr string
	Problem   string // a form error
	Text      string // the text sent, when refused
}

// view builds the applicant's page from a stored decision and its
// receipt.
func (p *Portal) view(ctx context.Context, token string, st decisions.Stored, rc *receipt.Receipt) (*applicantPage, error) {
	b, err := rc.Marshal()
	if err != nil {
		return nil, err
	}
	leaf, err := record.DecodeLeaf(rc.Leaf)
	if err != nil {
		return nil, fmt.Errorf("portal: the receipt's leaf: %w", err)
	}
	if leaf.Kind != record.KindDecision {
		return nil, fmt.Errorf("portal: the receipt's leaf is a %s, not a decision", leaf.Kind)
	}
	v := &applicantPage{
		base:       p.base("Your decision", true),
		Token:      token,
		DecisionID: leaf.DecisionID,
		Date:       leaf.Time.UTC().Format("2 January 2006, 15:04 UTC"),
		DateISO:    leaf.Time.UTC().Format("2006-01-02T15:04:05Z"),
		Model:      leaf.Model,
		Digest:     hex.EncodeToString(leaf.Model.ArtifactDigest[:]),
		Label:      leaf.Output.Label,
		Outcome:    leaf.Output.Label,
		Score:      strconv.FormatFloat(leaf.Output.Score, 'g', 4, 64),
		ScoreName:  "Score",
		Erased:     st.Status == decisions.StatusErased,
		CanErase:   p.canErase(),
		CanRerun:   p.o.Artifacts != nil && rc.Disclosures.Explanation != nil && rc.Disclosures.Inputs != nil,
		Receipt:    string(b),
		Anchored:   rc.Anchor != nil,
		Verify:     p.verifyConfig(),
		LeafIndex:  rc.Index,
	}
	info, hasInfo := (*ModelInfo)(nil), false
	if p.o.Models != nil {
		info, hasInfo = p.o.Models(leaf.Model.Name, leaf.Model.Version)
		hasInfo = hasInfo && info != nil
	}
	label := func(name string) string { return name }
	if hasInfo {
		if t, ok := info.Outcomes[leaf.Output.Label]; ok && t != "" {
			v.Outcome = t
		}
		if info.ScoreName != "" {
			v.ScoreName = info.ScoreName
		}
		label = func(name string) string {
			if l, ok := info.Labels[name]; ok && l != "" {
				return l
			}
			return name
		}
	}
	v.Reg = p.registration(ctx, leaf.Model)
	if d := rc.Disclosures.Inputs; d != nil {
		for _, f := range d.Value {
			v.Inputs = append(v.Inputs, inputView{Label: label(f.Name), Name: f.Name, Value: display(f.Value)})
		}
	}
	v.Adverse = !hasInfo || info.Adverse == nil || slices.Contains(info.Adverse, leaf.Output.Label)
	if d := rc.Disclosures.Explanation; d != nil {
		a := d.Value
		var variables map[string]string
		adverse := explain.AdverseHigh
		if hasInfo {
			variables, adverse = info.Reasons.Variables, info.Reasons.Adverse
		}
		v.Chart = newChart(&a, variables, label, adverse)
		switch {
		case !v.Adverse:
		case !hasInfo || info.Reasons.Texts == nil:
			v.ReasonNote = "The lender has not given texts for the reasons of this model, so none are listed; the chart below shows what moved the score."
		default:
			opts := info.Reasons
			if opts.K <= 0 || opts.K > MaxReasons {
				opts.K = MaxReasons
			}
			rs, err := explain.Reasons(&a, &opts)
			if err != nil {
				p.o.Logger.ErrorContext(ctx, "portal: reasons", "model", leaf.Model.Name, "version", leaf.Model.Version, "err", err)
				v.ReasonNote = "The reasons could not be given: the lender's texts for this model are incomplete. The chart below shows what moved the score."
			}
			for _, r := range rs {
				v.Reasons = append(v.Reasons, reasonView{Text: r.Text, Score: fmtNum(r.Contribution)})
			}
			if err == nil && len(rs) == 0 {
				v.ReasonNote = "No input pushed this decision toward the adverse outcome."
			}
		}
	}
	v.Dispute.Enabled = p.o.Disputes != nil
	id, filed, err := p.filedDispute(rc.Index)
	if err != nil {
		return nil, err
	}
	if filed {
		v.Dispute.Filed, v.Dispute.ID = true, id
		if p.o.DisputeStatus != nil {
			s, err := p.o.DisputeStatus(ctx, id)
			if err != nil {
				v.Dispute.StatusErr = "its status could not be read from the chain"
			} else {
				v.Dispute.Status = s
			}
		}
	}
	return v, nil
}

func (p *Portal) registration(ctx context.Context, m record.Model) registration {
	if p.o.Registry == nil {
		return registration{Error: "this portal does not read the registry"}
	}
	mv, err := p.o.Registry.Model(ctx, m.Name, m.Version)
	if errors.Is(err, registry.ErrUnknownVersion) {
		return registration{Read: true}
	}
	if err != nil {
		p.o.Logger.WarnContext(ctx, "portal: reading the model's registration", "err", err)
		return registration{Error: "the chain could not be reached"}
	}
	return registration{
		Read: true, Registered: true,
		DigestMatch: mv.ArtifactDigest == [32]byte(m.ArtifactDigest),
		Block:       mv.BlockNumber,
		Publisher:   strings.ToLower(mv.Publisher.Hex()),
		MetadataURI: mv.MetadataURI,
		Deprecated:  mv.Deprecated,
		Reason:      mv.DeprecationReason,
	}
}

// fmtNum formats a contribution with a sign and three significant digits.
func fmtNum(x float64) string {
	s := strconv.FormatFloat(x, 'g', 3, 64)
	if x > 0 {
		s = "+" + s
	}
	return strings.Replace(s, "-", "−", 1)
}

// chart is the waterfall of an explanation: from the base value, each
// variable's contribution in turn, to the output.
type chart struct {
	Width, Height  int
	Space          string
	Base, Output   string
	Bars           []bar
	BaseX, OutX    float64 // x of the base and output lines
	Top, Bottom    int     // y of the first bar and below the last
	AxisY          int
	AdverseHigh    bool
	UpText, DnText string
}

// bar is one row of the chart and of its table.
type bar struct {
	Label    string // shown (maybe shortened)
	Full     string
	Value    string
	Y, TextY int
	X, W     float64
	Up       bool // raises the output
	Adverse  bool
	From     string
	To       string
	Total    bool // the output row
}

// Chart geometry (SVG user units).
const (
	chartWidth  = 640
	chartLabelW = 230
	chartRight  = 90
	chartRowH   = 26
	chartTop    = 12
	chartMaxRow = 10 // variables shown; the rest are summed
)

func newChart(a *explain.Attribution, variables map[string]string, label func(string) string, adverse explain.Adverse) *chart {
	type item struct {
		name string
		c    float64
	}
	var items []*item
	byName := map[string]*item{}
	for _, c := range a.Contributions {
		name := c.Feature
		if v, ok := variables[name]; ok && v != "" {
			name = v
		}
		it := byName[name]
		if it == nil {
			it = &item{name: name}
			byName[name] = it
			items = append(items, it)
		}
		it.c += c.Contribution
	}
	slices.SortStableFunc(items, func(x, y *item) int {
		ax, ay := math.Abs(x.c), math.Abs(y.c)
		switch {
		case ax > ay:
			return -1
		case ax < ay:
			return 1
		}
		return strings.Compare(x.name, y.name)
	})
	type row struct {
		label, full string
		c           float64
	}
	var rows []row
	for i, it := range items {
		if i == chartMaxRow && len(items) > chartMaxRow+1 {
			rest := 0.0
			for _, r := range items[i:] {
				rest += r.c
			}
			n := strconv.Itoa(len(items) - i)
			rows = append(rows, row{"Other factors (" + n + ")", "The " + n + " other factors together", rest})
			break
		}
		l := label(it.name)
		rows = append(rows, row{l, l, it.c})
	}
	// The x scale covers the base, every running total and the output.
	lo, hi := a.Base, a.Base
	run := a.Base
	for _, r := range rows {
		run += r.c
		lo, hi = min(lo, run), max(hi, run)
	}
	lo, hi = min(lo, a.Output), max(hi, a.Output)
	if hi-lo < 1e-12 {
		lo, hi = lo-1, hi+1
	}
	plotW := float64(chartWidth - chartLabelW - chartRight)
	x := func(v float64) float64 { return float64(chartLabelW) + (v-lo)/(hi-lo)*plotW }
	ch := &chart{
		Width: chartWidth, Space: string(a.Space),
		Base: fmtVal(a.Base), Output: fmtVal(a.Output),
		BaseX: x(a.Base), OutX: x(a.Output), Top: chartTop,
		AdverseHigh: adverse == explain.AdverseHigh,
	}
	run = a.Base
	y := chartTop
	for _, r := range rows {
		from, to := run, run+r.c
		run = to
		b := bar{Label: shorten(r.label, 30), Full: r.full, Value: fmtNum(r.c), Y: y + 4, TextY: y + 17,
			X: min(x(from), x(to)), W: math.Max(math.Abs(x(to)-x(from)), 1), Up: r.c > 0,
			From: fmtVal(from), To: fmtVal(to)}
		b.Adverse = (r.c > 0) == ch.AdverseHigh
		ch.Bars = append(ch.Bars, b)
		y += chartRowH
	}
	ch.Bars = append(ch.Bars, bar{Label: "Result", Full: "Result (the model's output)", Value: fmtVal(a.Output), Y: y + 4, TextY: y + 17,
		X: min(x(a.Base), x(a.Output)), W: math.Max(math.Abs(x(a.Output)-x(a.Base)), 1), Up: a.Output > a.Base, Total: true,
		From: fmtVal(a.Base), To: fmtVal(a.Output)})
	y += chartRowH
	ch.Bottom = y
	ch.AxisY = y + 16
	ch.Height = y + 26
	if ch.AdverseHigh {
		ch.UpText, ch.DnText = "raises the score (toward the adverse outcome)", "lowers the score (in your favour)"
	} else {
		ch.UpText, ch.DnText = "raises the score (in your favour)", "lowers the score (toward the adverse outcome)"
	}
	return ch
}

func fmtVal(x float64) string {
	return strings.Replace(strconv.FormatFloat(x, 'g', 4, 64), "-", "−", 1)
}

// shorten cuts s to at most n runes, ending in "…" when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// funcs are the templates' functions.
var funcs = template.FuncMap{
	"px":    func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) },
	"field": func(f record.Field) string { return f.String() },
}

// display writes a feature value for a person: a string as it is, a bool
// as yes or no, a number as Go writes it.
func display(v record.Value) string {
	if s, ok := v.Str(); ok {
		return s
	}
	if b, ok := v.Boolean(); ok {
		if b {
			return "yes"
		}
		return "no"
	}
	return v.String()
}
