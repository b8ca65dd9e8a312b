package regulator

import (
	"context"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/fairness"
	"github.com/glassbox-audit/glassbox/fairness/fairnesslog"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// fairnessForm is the fairness page's query, from the URL.
type fairnessForm struct {
	Model, Version, By, Window, From, To string
	Outcomes                             bool
}

// query returns the fairness query of the form, with the same
// specification as `glassbox fairness` given the same flags.
func (p *Portal) query(f fairnessForm) (*fairness.Query, string) {
	q := &fairness.Query{
		Model: f.Model, Version: f.Version, Window: fairness.Window(f.Window),
		Spec: fairness.Spec{
			Favourable:   p.o.Favourable,
			Outcomes:     f.Outcomes,
			MinGroupSize: fairness.DefaultMinGroupSize,
			Confidence:   fairness.DefaultConfidence,
			Replicates:   fairness.DefaultReplicates,
		},
	}
	if f.Outcomes {
		q.Spec.FavourableOutcomes = p.o.FavourableOutcomes
	}
	for _, a := range strings.Split(f.By, ",") {
		if a = strings.TrimSpace(a); a != "" {
			q.By = append(q.By, a)
		}
	}
	if len(q.By) == 0 {
		return nil, "Choose at least one group attribute."
	}
	if q.Window != fairness.NoWindow && q.Window != fairness.Day && q.Window != fairness.Week {
		return nil, "Window: want day or week."
	}
	var err error
	if f.From != "" {
		if q.From, err = time.Parse(time.DateOnly, f.From); err != nil {
			return nil, "From: want a date YYYY-MM-DD."
		}
	}
	if f.To != "" {
		if q.To, err = time.Parse(time.DateOnly, f.To); err != nil {
			return nil, "To: want a date YYYY-MM-DD."
		}
	}
	return q, ""
}

// catalogue is what the counters say the log holds: models, their
// versions and decision counts, and the group attributes.
type catalogue struct {
	Models     []modelCount
	Names      []string // the model names, once each
	Attributes []string
}

type modelCount struct {
	Name, Version string
	Decisions     uint64
	Erased        uint64
}

func (p *Portal) catalogue(ctx context.Context, l *Log, scope access.Scope) (catalogue, error) {
	cv, err := l.Decisions.Counts(ctx, decisions.Filter{})
	if err != nil {
		return catalogue{}, err
	}
	var c catalogue
	idx := map[[2]string]int{}
	for _, cell := range cv.Cells {
		if !scope.AllowsModel(cell.Model) {
			continue
		}
		k := [2]string{cell.Model, cell.Version}
		i, ok := idx[k]
		if !ok {
			i = len(c.Models)
			idx[k] = i
			c.Models = append(c.Models, modelCount{Name: cell.Model, Version: cell.Version})
			if !slices.Contains(c.Names, cell.Model) {
				c.Names = append(c.Names, cell.Model)
			}
		}
		c.Models[i].Decisions += cell.Count
		if cell.Erased {
			c.Models[i].Erased += cell.Count
		}
		for _, g := range cell.Groups {
			if !slices.Contains(c.Attributes, g.Name) {
				c.Attributes = append(c.Attributes, g.Name)
			}
		}
	}
	slices.SortFunc(c.Models, func(a, b modelCount) int {
		if n := strings.Compare(a.Name, b.Name); n != 0 {
			return n
		}
		return strings.Compare(a.Version, b.Version)
	})
	slices.Sort(c.Attributes)
	slices.Sort(c.Names)
	return c, nil
}

type fairnessPage struct {
	page
	Form       fairnessForm
	Problem    string
	Cat        catalogue
	Report     *fairness.Report
	Checkpoint string
	Groups     []groupRow
	Windows    []windowRow
	Chart      *chart
	Versions   []versionRow
	Export     string // the query string of the exports
	Suppressed []string
}

func (p *Portal) fairnessPage(w http.ResponseWriter, r *http.Request, s *access.Session) {
	l, key, ok := p.logOf(w, r, s)
	if !ok {
		return
	}
	ctx := r.Context()
	qv := r.URL.Query()
	form := fairnessForm{Model: qv.Get("model"), Version: qv.Get("version"), By: qv.Get("by"), Window: qv.Get("window"),
		From: qv.Get("from"), To: qv.Get("to"), Outcomes: qv.Get("outcomes") != ""}
	fp := fairnessPage{page: p.page("Fairness over time", s, key), Form: form}
	cat, err := p.catalogue(ctx, l, s.Regulator.Scope)
	if err != nil {
		p.internal(w, r, "read the fairness counters", err)
		return
	}
	fp.Cat = cat
	if !qv.Has("by") { // the first visit: a form with defaults, no report yet
		if len(cat.Attributes) > 0 {
			fp.Form.By = cat.Attributes[0]
		}
		fp.Form.Window = string(fairness.Week)
		p.render(w, r, http.StatusOK, "fairness", fp)
		return
	}
	q, problem := p.query(form)
	switch {
	case problem != "":
	case form.Model == "" && s.Regulator.Scope.Models != nil:
		problem = "Your credential covers some models only: choose one."
	case form.Model != "" && !s.Regulator.Scope.AllowsModel(form.Model):
		problem = "Your credential does not cover this model."
	case form.Version != "" && form.Model == "":
		problem = "A version needs a model."
	}
	if problem != "" {
		fp.Problem = problem
		p.render(w, r, http.StatusBadRequest, "fairness", fp)
		return
	}
	rep, err := fairness.NewReport(ctx, fairnesslog.Source(l.Decisions), q)
	if errors.Is(err, fairness.ErrInvalid) || errors.Is(err, fairness.ErrEmpty) {
		fp.Problem = err.Error()
		p.render(w, r, http.StatusBadRequest, "fairness", fp)
		return
	}
	if err != nil {
		p.internal(w, r, "compute the fairness report", err)
		return
	}
	switch qv.Get("format") {
	case "json":
		p.exportJSON(w, rep, key)
		return
	case "csv":
		p.exportCSV(w, r, rep, key)
		return
	}
	fp.Report = rep
	fp.Checkpoint = checkpointText(rep.Checkpoint)
	fp.Export = exportQuery(form)
	for _, sp := range rep.Suppressed {
		fp.Suppressed = append(fp.Suppressed, fairness.GroupLabel(q.By, sp.Group))
	}
	if rep.Metrics != nil {
		fp.Groups = groupRows(rep.Metrics)
	}
	fp.Windows = windowRows(rep)
	fp.Chart = seriesChart(rep)
	if form.Model != "" && form.Version == "" {
		// Versions side by side, each over the same checkpoint's counters.
		for _, m := range cat.Models {
			if m.Name != form.Model {
				continue
			}
			vq := *q
			vq.Version, vq.Window = m.Version, fairness.NoWindow
			vr, err := fairness.NewReport(ctx, fairnesslog.Source(l.Decisions), &vq)
			fp.Versions = append(fp.Versions, versionRowOf(m.Version, vr, err))
		}
	}
	p.render(w, r, http.StatusOK, "fairness", fp)
}

func exportQuery(f fairnessForm) string {
	v := map[string]string{"model": f.Model, "version": f.Version, "by": f.By, "window": f.Window, "from": f.From, "to": f.To}
	var parts []string
	for _, k := range []string{"model", "version", "by", "window", "from", "to"} {
		if v[k] != "" || k == "by" {
			parts = append(parts, k+"="+queryEscape(v[k]))
		}
	}
	if f.Outcomes {
		parts = append(parts, "outcomes=1")
	}
	return strings.Join(parts, "&")
}

func checkpointText(cp fairness.Checkpoint) string {
	return cp.Origin + " at tree size " + strconv.FormatUint(cp.Size, 10) + ", root " + base64.StdEncoding.EncodeToString(cp.Root[:])
}

// exportFile names an export by log, tree size and kind.
func exportFile(key string, rep *fairness.Report, ext string) string {
	return "fairness-log" + key + "-size" + strconv.FormatUint(rep.Checkpoint.Size, 10) + "." + ext
}

// exportJSON writes the report as `glassbox fairness --json` does: the
// same fields, the checkpoint (with its signed note) included.
func (p *Portal) exportJSON(w http.ResponseWriter, rep *fairness.Report, key string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Disposition", `attachment; filename="`+exportFile(key, rep, "json")+`"`)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(rep)
}

// exportCSV writes the report in long form, one metric a row, every row
// carrying the checkpoint (origin, tree size, root) it was computed at.
func (p *Portal) exportCSV(w http.ResponseWriter, r *http.Request, rep *fairness.Report, key string) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+exportFile(key, rep, "csv")+`"`)
	cw := csv.NewWriter(w)
	cp := rep.Checkpoint
	head := []string{cp.Origin, strconv.FormatUint(cp.Size, 10), base64.StdEncoding.EncodeToString(cp.Root[:])}
	cw.Write([]string{"origin", "tree_size", "root", "window", "group", "metric", "value", "lo", "hi", "undefined"})
	put := func(window, group, metric string, e fairness.Estimate) {
		row := append(slices.Clone(head), window, group, metric)
		if e.Defined {
			row = append(row, fmtF(e.V))
		} else {
			row = append(row, "")
		}
		if e.CI.Defined {
			row = append(row, fmtF(e.CI.Lo), fmtF(e.CI.Hi))
		} else {
			row = append(row, "", "")
		}
		reason := e.Reason
		if e.Defined && !e.CI.Defined {
			reason = ""
		}
		cw.Write(append(row, reason))
	}
	count := func(window, group, metric string, n uint64) {
		cw.Write(append(slices.Clone(head), window, group, metric, strconv.FormatUint(n, 10), "", "", ""))
	}
	metrics := func(window string, m *fairness.Metrics) {
		if m == nil {
			return
		}
		for _, g := range m.Groups {
			count(window, g.Label, "decisions", g.Count)
			put(window, g.Label, "selection_rate", g.SelectionRate)
			put(window, g.Label, "impact_ratio", g.ImpactRatio)
			b := uint64(0)
			if g.BelowFourFifths {
				b = 1
			}
			count(window, g.Label, "below_four_fifths", b)
			if o := g.Outcomes; o != nil {
				put(window, g.Label, "true_positive_rate", o.TruePositiveRate)
				put(window, g.Label, "false_positive_rate", o.FalsePositiveRate)
			}
		}
		put(window, "", "demographic_parity_difference", m.DemographicParity.Difference)
		put(window, "", "demographic_parity_ratio", m.DemographicParity.Ratio)
		if m.EqualOpportunity != nil {
			put(window, "", "equal_opportunity_difference", m.EqualOpportunity.Difference)
		}
		if m.EqualizedOdds != nil {
			put(window, "", "equalized_odds_difference", m.EqualizedOdds.Difference)
		}
	}
	metrics("all", rep.Metrics)
	for _, wr := range rep.Series {
		metrics(wr.Window, wr.Metrics)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		p.o.Logger.ErrorContext(r.Context(), "regulator: writing the CSV export", "err", err)
	}
}

func fmtF(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// groupRow is one group of a report, as the page shows it.
type groupRow struct {
	Label, Count, Rate, Impact, TPR, FPR string
	Small, BelowFourFifths, Reference    bool
}

func groupRows(m *fairness.Metrics) []groupRow {
	var out []groupRow
	for _, g := range m.Groups {
		gr := groupRow{Label: g.Label, Count: strconv.FormatUint(g.Count, 10), Rate: est(g.SelectionRate), Impact: est(g.ImpactRatio),
			Small: g.Small, BelowFourFifths: g.BelowFourFifths, Reference: slices.Equal(g.Group, m.Reference.Group)}
		if o := g.Outcomes; o != nil {
			gr.TPR, gr.FPR = est(o.TruePositiveRate), est(o.FalsePositiveRate)
		}
		out = append(out, gr)
	}
	return out
}

// windowRow is the summary of one window of the series.
type windowRow struct {
	Window, Decisions, Groups, DPD, DPR, EOD, EqOdds string
	Flagged                                          []string
	Small                                            []string
}

func windowRows(rep *fairness.Report) []windowRow {
	var out []windowRow
	for _, wr := range rep.Series {
		row := windowRow{Window: wr.Window, Decisions: strconv.FormatUint(wr.Decisions, 10), DPD: "undefined (no metrics)", DPR: "undefined (no metrics)"}
		if m := wr.Metrics; m != nil {
			row.Groups = strconv.Itoa(len(m.Groups))
			row.DPD, row.DPR = est(m.DemographicParity.Difference), est(m.DemographicParity.Ratio)
			if m.EqualOpportunity != nil {
				row.EOD = est(m.EqualOpportunity.Difference)
			}
			if m.EqualizedOdds != nil {
				row.EqOdds = est(m.EqualizedOdds.Difference)
			}
			for _, g := range m.Groups {
				if g.BelowFourFifths {
					row.Flagged = append(row.Flagged, g.Label)
				}
				if g.Small {
					row.Small = append(row.Small, g.Label)
				}
			}
		}
		out = append(out, row)
	}
	return out
}

// versionRow compares one model version with the others.
type versionRow struct {
	Version, Decisions, DPD, DPR, EOD, Checkpoint, Problem string
	Flagged                                                []string
}

func versionRowOf(version string, rep *fairness.Report, err error) versionRow {
	vr := versionRow{Version: version}
	if err != nil {
		vr.Problem = err.Error()
		return vr
	}
	vr.Decisions = strconv.FormatUint(rep.Decisions, 10)
	vr.Checkpoint = strconv.FormatUint(rep.Checkpoint.Size, 10)
	if m := rep.Metrics; m != nil {
		vr.DPD, vr.DPR = est(m.DemographicParity.Difference), est(m.DemographicParity.Ratio)
		if m.EqualOpportunity != nil {
			vr.EOD = est(m.EqualOpportunity.Difference)
		}
		for _, g := range m.Groups {
			if g.BelowFourFifths {
				vr.Flagged = append(vr.Flagged, g.Label)
			}
		}
	} else {
		vr.Problem = "no decisions in groups large enough to show"
	}
	return vr
}

// est formats an estimate: "0.1234 [0.1000, 0.1500]", or "undefined:
// reason".
func est(e fairness.Estimate) string {
	if !e.Defined {
		return "undefined: " + e.Reason
	}
	s := e.Value.String()
	if e.CI.Defined {
		s += " " + e.CI.String()
	}
	return s
}
