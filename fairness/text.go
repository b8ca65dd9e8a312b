package fairness

import (
	"encoding/base64"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// WriteText writes r as readable tables: the checkpoint and the query, one
// row per group (size, selection rate with its interval, the signed metrics
// against the reference, the impact ratio and Fisher's p-value; error rates
// when outcomes were asked for), the summary metrics with their intervals,
// and the series when there is one. Undefined values are written as
// "undefined" and explained in the notes at the end.
func WriteText(w io.Writer, r *Report) error {
	ew := &errWriter{w: w}
	cp := r.Checkpoint
	ew.printf("Fairness report at checkpoint %s, tree size %d, root %s\n", cp.Origin, cp.Size, base64.StdEncoding.EncodeToString(cp.Root[:]))
	q := r.Query
	model, version := q.Model, q.Version
	if model == "" {
		model = "(all models)"
	}
	if version == "" {
		version = "(all versions)"
	}
	span := "all time"
	if !q.From.IsZero() || !q.To.IsZero() {
		span = fmtTime(q.From, "beginning") + " to " + fmtTime(q.To, "now")
	}
	ew.printf("Model %s, version %s, %s; groups by %s; from the %s\n", model, version, span, strings.Join(q.By, " × "), r.Source)
	ew.printf("Decisions: %d", r.Decisions)
	if r.Erased > 0 {
		ew.printf(" (and %d of erased subjects, left out)", r.Erased)
	}
	ew.printf("\n")
	writeSuppressed(ew, "", r.Suppressed)
	for _, s := range r.Series {
		writeSuppressed(ew, s.Window+": ", s.Suppressed)
	}
	if r.Metrics == nil {
		ew.printf("No decision matches the query.\n")
		return ew.err
	}
	notes := &noteSet{}
	writeMetrics(ew, r.Metrics, notes)
	if len(r.Series) > 0 {
		ew.printf("\nSeries by %s:\n", q.Window)
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
		hdr := "window\tdecisions\tDP difference\tDP ratio\tmin impact ratio\t"
		if r.Metrics.EqualizedOdds != nil {
			hdr += "EO difference\tEqOdds difference\t"
		}
		fmt.Fprintln(tw, hdr)
		for _, s := range r.Series {
			m := s.Metrics
			minImpact := Value{Reason: ReasonFewGroups}
			for _, g := range m.Groups {
				if g.ImpactRatio.Defined && (!minImpact.Defined || g.ImpactRatio.V < minImpact.V) {
					minImpact = g.ImpactRatio.Value
				}
			}
			row := fmt.Sprintf("%s\t%d\t%s\t%s\t%s\t", s.Window, s.Decisions, notes.est(m.DemographicParity.Difference), notes.est(m.DemographicParity.Ratio), notes.val(minImpact))
			if m.EqualizedOdds != nil {
				row += fmt.Sprintf("%s\t%s\t", notes.est(m.EqualOpportunity.Difference), notes.est(m.EqualizedOdds.Difference))
			}
			fmt.Fprintln(tw, row)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	notes.write(ew)
	return ew.err
}

func fmtTime(t time.Time, zero string) string {
	if t.IsZero() {
		return zero
	}
	if t.Equal(t.UTC().Truncate(24 * time.Hour)) {
		return t.UTC().Format(time.DateOnly)
	}
	return t.UTC().Format(time.RFC3339)
}

func writeMetrics(ew *errWriter, m *Metrics, notes *noteSet) {
	ew.printf("Favourable predictions: %s", strings.Join(m.Favourable, ", "))
	if m.FavourableOutcomes != nil {
		ew.printf("; favourable outcomes: %s", strings.Join(m.FavourableOutcomes, ", "))
	}
	ew.printf("\nReference group: %s (%s); intervals at %g%%", m.Reference.Label, m.Reference.Chosen, m.Confidence*100)
	if m.Bootstrap != nil {
		ew.printf(", bootstrap of %d replicates, seed %d", m.Bootstrap.Replicates, m.Bootstrap.Seed)
	}
	ew.printf("\n\n")

	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	hdr := "group\tn\tweight\tselection rate\tWilson CI\tSPD\tDI\timpact ratio\tFisher p\t"
	if m.EqualizedOdds != nil {
		hdr += "with outcome\tTPR\tFPR\tEOD\tAOD\t"
	}
	fmt.Fprintln(tw, hdr)
	row := func(g *GroupStats, overall bool) {
		name := g.Label
		if g.Small && !overall {
			name += " (small)"
			notes.add(fmt.Sprintf("(small): fewer than %d decisions; rates are unreliable.", m.MinGroupSize))
		}
		var p, spd, di, impact string
		if !overall {
			impact = notes.est(g.ImpactRatio)
			if g.BelowFourFifths {
				impact += " <4/5"
				notes.add("<4/5: the impact ratio (selection rate over the highest group's) is below the four-fifths rule's 0.8.")
			}
			p = "ref"
			if g.SelectionTest != nil {
				p = fmt.Sprintf("%.4g", g.SelectionTest.P)
			}
			spd, di = notes.est(g.StatisticalParityDifference), notes.est(g.DisparateImpact)
		}
		line := fmt.Sprintf("%s\t%d\t%.6g\t%s\t%s\t%s\t%s\t%s\t%s\t", name, g.Count, g.Weight, notes.val(g.SelectionRate.Value), g.SelectionRate.CI, spd, di, impact, p)
		if o := g.Outcomes; o != nil {
			var eod, aod string
			if !overall {
				eod, aod = notes.est(o.EqualOpportunityDifference), notes.est(o.AverageOddsDifference)
			}
			line += fmt.Sprintf("%d\t%s\t%s\t%s\t%s\t", o.WithOutcome, notes.val(o.TruePositiveRate.Value), notes.val(o.FalsePositiveRate.Value), eod, aod)
		}
		fmt.Fprintln(tw, line)
	}
	for i := range m.Groups {
		row(&m.Groups[i], false)
	}
	row(&m.Overall, true)
	ew.flush(tw)

	ew.printf("\n")
	tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "metric\tdifference\tCI\tratio\tCI\tdifference to overall\tratio to overall\t")
	disparity := func(name string, d *Disparity) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", name, notes.est(d.Difference), d.Difference.CI, notes.est(d.Ratio), d.Ratio.CI, notes.est(d.DifferenceToOverall), notes.est(d.RatioToOverall))
		if len(d.Excluded) > 0 {
			notes.add(fmt.Sprintf("%s leaves out groups whose rate is undefined: %s.", name, strings.Join(d.Excluded, "; ")))
		}
	}
	disparity("demographic parity (selection rate)", &m.DemographicParity)
	if m.EqualizedOdds != nil {
		disparity("equal opportunity (TPR)", m.EqualOpportunity)
		disparity("false positive rate", m.FalsePositiveRate)
		e := m.EqualizedOdds
		fmt.Fprintf(tw, "equalized odds (worst case)\t%s\t%s\t%s\t%s\t%s\t%s\t\n", notes.est(e.Difference), e.Difference.CI, notes.est(e.Ratio), e.Ratio.CI, notes.est(e.DifferenceToOverall), notes.est(e.RatioToOverall))
		fmt.Fprintf(tw, "equalized odds (mean)\t%s\t%s\t%s\t%s\t%s\t%s\t\n", notes.est(e.DifferenceMean), e.DifferenceMean.CI, notes.est(e.RatioMean), e.RatioMean.CI, notes.est(e.DifferenceMeanToOverall), notes.est(e.RatioMeanToOverall))
	}
	ew.flush(tw)
	ew.printf("\nSPD = statistical parity difference, DI = disparate impact, EOD = equal opportunity difference,\nAOD = average odds difference, each against the reference group; Fisher p: two-sided exact test\nof the group's selection against the reference group's (unweighted counts).\n")
}

// noteSet collects the reasons of undefined values, numbered in order, and
// the flags explained at the end.
type noteSet struct{ reasons, flags []string }

func (n *noteSet) add(s string) {
	for _, x := range n.flags {
		if x == s {
			return
		}
	}
	n.flags = append(n.flags, s)
}

func (n *noteSet) val(v Value) string {
	if v.Defined {
		return v.String()
	}
	r := v.Reason
	if r == "" {
		r = "undefined"
	}
	for i, x := range n.reasons {
		if x == r {
			return fmt.Sprintf("undefined[%d]", i+1)
		}
	}
	n.reasons = append(n.reasons, r)
	return fmt.Sprintf("undefined[%d]", len(n.reasons))
}

func (n *noteSet) est(e Estimate) string { return n.val(e.Value) }

func (n *noteSet) write(ew *errWriter) {
	if len(n.reasons)+len(n.flags) == 0 {
		return
	}
	ew.printf("\nNotes:\n")
	for _, s := range n.flags {
		ew.printf("  %s\n", s)
	}
	for i, s := range n.reasons {
		ew.printf("  [%d] undefined: %s\n", i+1, s)
	}
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }

func (e *errWriter) flush(tw *tabwriter.Writer) {
	if err := tw.Flush(); err != nil && e.err == nil {
		e.err = err
	}
}

// writeSuppressed names the groups a report left out, with the reason.
func writeSuppressed(ew *errWriter, prefix string, sup []Suppressed) {
	if len(sup) == 0 {
		return
	}
	names := make([]string, len(sup))
	for i, s := range sup {
		names[i] = strings.Join(s.Group, ", ")
	}
	ew.printf("%sSuppressed groups (%s): %s\n", prefix, sup[0].Reason, strings.Join(names, "; "))
}
