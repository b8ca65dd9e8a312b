package fairness

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Defaults used when a [Spec] field is left at its zero value.
const (
	// DefaultMinGroupSize: groups with fewer decisions are flagged as small.
	DefaultMinGroupSize = 30
	// DefaultConfidence: the level of every interval.
	DefaultConfidence = 0.95
	// DefaultReplicates: the number of bootstrap replicates.
	DefaultReplicates = 1000
	// FourFifths: the threshold of the four-fifths (80%) rule on impact ratios.
	FourFifths = 0.8
)

// Spec says what to compute from a [Table].
type Spec struct {
	// Favourable lists the predicted labels that count as the favourable
	// outcome (e.g. "approve"). Required: a model may predict approval or
	// default, and only the caller knows which is good for the applicant.
	Favourable []string
	// Outcomes asks for the error-rate metrics (true and false positive
	// rates, equal opportunity, equalized odds, average odds). They are
	// computed over the decisions that have an outcome.
	Outcomes bool
	// FavourableOutcomes lists the outcome labels that count as favourable
	// (e.g. "repaid"). Required when Outcomes is set.
	FavourableOutcomes []string
	// Reference is the reference (privileged) group for the signed metrics,
	// one value per table attribute. Nil chooses the largest group (by
	// number of decisions; ties broken by the group order).
	Reference []string
	// MinGroupSize flags groups with fewer decisions (default
	// [DefaultMinGroupSize]).
	MinGroupSize uint64
	// Confidence is the level of the Wilson and bootstrap intervals
	// (default [DefaultConfidence]).
	Confidence float64
	// Replicates is the number of bootstrap replicates (default
	// [DefaultReplicates]); a negative number turns the bootstrap off.
	Replicates int
	// Seed seeds the bootstrap: the same table, spec and seed give the same
	// intervals on every machine.
	Seed uint64
}

func (s *Spec) withDefaults(attrs int) (Spec, error) {
	if s == nil {
		return Spec{}, invalid("spec", "missing: the favourable labels must be given")
	}
	c := *s
	if len(c.Favourable) == 0 {
		return c, invalid("spec.favourable", "no favourable predicted label given")
	}
	if c.Outcomes && len(c.FavourableOutcomes) == 0 {
		return c, invalid("spec.favourable_outcomes", "outcome metrics need the favourable outcome labels")
	}
	if c.Reference != nil && len(c.Reference) != attrs {
		return c, invalid("spec.reference", "%d values for %d attributes", len(c.Reference), attrs)
	}
	if c.MinGroupSize == 0 {
		c.MinGroupSize = DefaultMinGroupSize
	}
	if c.Confidence == 0 {
		c.Confidence = DefaultConfidence
	}
	if !(c.Confidence > 0 && c.Confidence < 1) {
		return c, invalid("spec.confidence", "%v is not in (0, 1)", c.Confidence)
	}
	if c.Replicates == 0 {
		c.Replicates = DefaultReplicates
	}
	return c, nil
}

// Disparity summarises how much one rate differs across groups, with
// Fairlearn's definitions (MetricFrame.difference and .ratio):
//
//   - Difference (method "between_groups"): the largest group rate minus the
//     smallest.
//   - Ratio ("between_groups"): the smallest group rate over the largest.
//   - DifferenceToOverall ("to_overall"): the largest |group rate - overall rate|.
//   - RatioToOverall ("to_overall"): the smallest over groups of
//     min(group/overall, overall/group).
//
// Groups whose rate is undefined are left out and listed in Excluded. With
// fewer than two groups left, the values are undefined.
type Disparity struct {
	Difference          Estimate `json:"difference"`
	Ratio               Estimate `json:"ratio"`
	DifferenceToOverall Estimate `json:"difference_to_overall"`
	RatioToOverall      Estimate `json:"ratio_to_overall"`
	Excluded            []string `json:"excluded,omitempty"`
}

// EqualizedOdds is Fairlearn's equalized odds difference and ratio: the
// worst case (agg "worst_case") is the larger of the true and false positive
// rate differences and the smaller of their ratios; the mean variant (agg
// "mean") averages the two. Both for method "between_groups" and
// "to_overall".
type EqualizedOdds struct {
	Difference              Estimate `json:"difference"`
	Ratio                   Estimate `json:"ratio"`
	DifferenceMean          Estimate `json:"difference_mean"`
	RatioMean               Estimate `json:"ratio_mean"`
	DifferenceToOverall     Estimate `json:"difference_to_overall"`
	RatioToOverall          Estimate `json:"ratio_to_overall"`
	DifferenceMeanToOverall Estimate `json:"difference_mean_to_overall"`
	RatioMeanToOverall      Estimate `json:"ratio_mean_to_overall"`
}

// GroupStats holds one group's counts, rates and its comparison with the
// reference group. Counts are numbers of decisions; weights and rates use
// the sample weights.
type GroupStats struct {
	Group  []string `json:"group"`
	Label  string   `json:"label"`
	Count  uint64   `json:"count"`
	Weight float64  `json:"weight"`
	// Small is set when Count is below the spec's minimum group size.
	Small bool `json:"small"`
	// Selected is the weight of the decisions with a favourable prediction;
	// SelectedCount their number.
	Selected      float64 `json:"selected"`
	SelectedCount uint64  `json:"selected_count"`
	// SelectionRate is Fairlearn's selection_rate, with a Wilson interval.
	SelectionRate Estimate `json:"selection_rate"`

	// Signed metrics against the reference group (AIF360; absent from the
	// overall row): statistical
	// parity difference rate(g) - rate(ref), disparate impact
	// rate(g) / rate(ref); bootstrap intervals.
	StatisticalParityDifference Estimate `json:"statistical_parity_difference,omitzero"`
	DisparateImpact             Estimate `json:"disparate_impact,omitzero"`
	// ImpactRatio is rate(g) / the highest group rate (the four-fifths
	// rule); BelowFourFifths is set when it is defined and below 0.8.
	ImpactRatio     Estimate `json:"impact_ratio,omitzero"`
	BelowFourFifths bool     `json:"below_four_fifths"`
	// SelectionTest is Fisher's exact test of the group's selection against
	// the reference group's, on unweighted counts; nil for the reference.
	SelectionTest *FisherResult `json:"selection_test,omitempty"`

	// Outcomes holds the error rates; nil unless the spec asks for outcomes.
	Outcomes *OutcomeStats `json:"outcomes,omitempty"`
}

// OutcomeStats holds a group's error rates over its decisions that have an
// outcome. TP, FP, FN and TN are weighted counts of the confusion matrix
// (favourable = positive).
type OutcomeStats struct {
	WithOutcome uint64  `json:"with_outcome"`
	TP          float64 `json:"tp"`
	FP          float64 `json:"fp"`
	FN          float64 `json:"fn"`
	TN          float64 `json:"tn"`
	// TruePositiveRate = TP/(TP+FN) and FalsePositiveRate = FP/(FP+TN),
	// with Wilson intervals on the numbers of decisions.
	TruePositiveRate  Estimate `json:"true_positive_rate"`
	FalsePositiveRate Estimate `json:"false_positive_rate"`
	// Against the reference group (AIF360): TPR(g) - TPR(ref), and
	// ((FPR(g) - FPR(ref)) + (TPR(g) - TPR(ref))) / 2.
	EqualOpportunityDifference Estimate `json:"equal_opportunity_difference,omitzero"`
	AverageOddsDifference      Estimate `json:"average_odds_difference,omitzero"`
	// TruePositiveTest is Fisher's exact test of the group's true positive
	// rate against the reference group's, on unweighted counts; nil for the
	// reference group.
	TruePositiveTest *FisherResult `json:"true_positive_test,omitempty"`
}

// Reference names the reference group and how it was chosen ("given" or
// "largest").
type Reference struct {
	Group  []string `json:"group"`
	Label  string   `json:"label"`
	Chosen string   `json:"chosen"`
}

// Bootstrap describes the bootstrap behind the intervals of differences and
// ratios.
type Bootstrap struct {
	Replicates int    `json:"replicates"`
	Seed       uint64 `json:"seed"`
	Method     string `json:"method"`
}

// Metrics is the result of [Compute].
type Metrics struct {
	Attributes         []string `json:"attributes"`
	Favourable         []string `json:"favourable"`
	FavourableOutcomes []string `json:"favourable_outcomes,omitempty"`
	Confidence         float64  `json:"confidence"`
	MinGroupSize       uint64   `json:"min_group_size"`

	Reference Reference    `json:"reference"`
	Overall   GroupStats   `json:"overall"`
	Groups    []GroupStats `json:"groups"`

	// DemographicParity compares selection rates (Fairlearn's
	// demographic_parity_difference and demographic_parity_ratio).
	DemographicParity Disparity `json:"demographic_parity"`
	// EqualOpportunity compares true positive rates (Fairlearn's
	// equal_opportunity_difference and _ratio); FalsePositiveRate compares
	// false positive rates; EqualizedOdds combines the two. Nil without
	// outcomes.
	EqualOpportunity  *Disparity     `json:"equal_opportunity,omitempty"`
	FalsePositiveRate *Disparity     `json:"false_positive_rate,omitempty"`
	EqualizedOdds     *EqualizedOdds `json:"equalized_odds,omitempty"`

	// Bootstrap is nil when the bootstrap was turned off.
	Bootstrap *Bootstrap `json:"bootstrap,omitempty"`
}

// Kinds of decision within a group: favourable prediction or not, times
// outcome none / favourable / unfavourable.
const (
	ocNone = iota
	ocFav
	ocUnfav
)

func kind(sel bool, oc int) int {
	if sel {
		return 3 + oc
	}
	return oc
}

type groupCounts struct {
	n [6]uint64
	w [6]float64
}

func (g *groupCounts) add(o *groupCounts) {
	for k := range g.n {
		g.n[k] += o.n[k]
		g.w[k] += o.w[k]
	}
}

func (g *groupCounts) total() (n uint64, w float64) {
	for k := range g.n {
		n += g.n[k]
		w += g.w[k]
	}
	return
}

type rates struct{ sel, tpr, fpr Value }

func ratio(num, den float64, reason string) Value {
	if den == 0 {
		return undefined(reason)
	}
	return defined(num / den)
}

func (g *groupCounts) rates() rates {
	_, w := g.total()
	var r rates
	r.sel = ratio(g.w[3]+g.w[4]+g.w[5], w, ReasonZeroDenominator)
	r.tpr = ratio(g.w[3+ocFav], g.w[ocFav]+g.w[3+ocFav], ReasonNoPositives)
	r.fpr = ratio(g.w[3+ocUnfav], g.w[ocUnfav]+g.w[3+ocUnfav], ReasonNoNegatives)
	return r
}

type disp struct {
	diff, ratio, diffO, ratioO Estimate
	excluded                   []int
}

func disparity(vals []Value, overall Value) disp {
	var d disp
	lo, hi := math.Inf(1), math.Inf(-1)
	defs := 0
	for i, v := range vals {
		if !v.Defined {
			d.excluded = append(d.excluded, i)
			continue
		}
		defs++
		lo = math.Min(lo, v.V)
		hi = math.Max(hi, v.V)
	}
	if defs < 2 {
		u := Estimate{Value: undefined(ReasonFewGroups)}
		d.diff, d.ratio, d.diffO, d.ratioO = u, u, u, u
		return d
	}
	d.diff.Value = defined(hi - lo)
	d.ratio.Value = ratio(lo, hi, "the largest group rate is zero")
	if !overall.Defined {
		d.diffO.Value = undefined("the overall rate is undefined")
		d.ratioO.Value = d.diffO.Value
		return d
	}
	o := overall.V
	maxDiff := 0.0
	for _, v := range vals {
		if v.Defined {
			maxDiff = math.Max(maxDiff, math.Abs(v.V-o))
		}
	}
	d.diffO.Value = defined(maxDiff)
	if o == 0 {
		d.ratioO.Value = undefined("the overall rate is zero")
		return d
	}
	minR := math.Inf(1)
	for _, v := range vals {
		if v.Defined {
			r := v.V / o
			if r > 1 {
				r = 1 / r
			}
			minR = math.Min(minR, r)
		}
	}
	d.ratioO.Value = defined(minR)
	return d
}

func worst(a, b Value, larger bool) Value {
	if !a.Defined {
		return undefined("true positive rate: " + a.Reason)
	}
	if !b.Defined {
		return undefined("false positive rate: " + b.Reason)
	}
	if larger {
		return defined(math.Max(a.V, b.V))
	}
	return defined(math.Min(a.V, b.V))
}

func mean(a, b Value) Value {
	if !a.Defined {
		return undefined("true positive rate: " + a.Reason)
	}
	if !b.Defined {
		return undefined("false positive rate: " + b.Reason)
	}
	return defined((a.V + b.V) / 2)
}

func sub(a, b Value) Value {
	if !a.Defined {
		return undefined(a.Reason)
	}
	if !b.Defined {
		return undefined(ReasonNoReference + ": " + b.Reason)
	}
	return defined(a.V - b.V)
}

func div(a, b Value, zeroReason string) Value {
	if !a.Defined {
		return undefined(a.Reason)
	}
	if !b.Defined {
		return undefined(ReasonNoReference + ": " + b.Reason)
	}
	if b.V == 0 {
		return undefined(zeroReason)
	}
	return defined(a.V / b.V)
}

// point is every metric computed from one set of group counts: the point
// estimates, and again for every bootstrap replicate.
type point struct {
	rates                     []rates
	overall                   rates
	spd, di, impact, eod, aod []Estimate
	dp, tpr, fpr              disp
	eo                        EqualizedOdds
}

func evaluate(gs []groupCounts, ov *groupCounts, ref int, outcomes bool) *point {
	p := &point{rates: make([]rates, len(gs)), overall: ov.rates()}
	for i := range gs {
		p.rates[i] = gs[i].rates()
	}
	col := func(f func(r rates) Value) []Value {
		out := make([]Value, len(gs))
		for i, r := range p.rates {
			out[i] = f(r)
		}
		return out
	}
	sels := col(func(r rates) Value { return r.sel })
	p.dp = disparity(sels, p.overall.sel)
	maxSel := undefined(ReasonFewGroups)
	for _, v := range sels {
		if v.Defined && (!maxSel.Defined || v.V > maxSel.V) {
			maxSel = v
		}
	}
	n := len(gs)
	p.spd, p.di, p.impact = make([]Estimate, n), make([]Estimate, n), make([]Estimate, n)
	refR := p.rates[ref]
	for i, r := range p.rates {
		p.spd[i].Value = sub(r.sel, refR.sel)
		p.di[i].Value = div(r.sel, refR.sel, ReasonZeroReference)
		if maxSel.Defined {
			p.impact[i].Value = div(r.sel, maxSel, "the highest group selection rate is zero")
		} else {
			p.impact[i].Value = undefined("no group has a defined selection rate")
		}
	}
	if !outcomes {
		return p
	}
	p.tpr = disparity(col(func(r rates) Value { return r.tpr }), p.overall.tpr)
	p.fpr = disparity(col(func(r rates) Value { return r.fpr }), p.overall.fpr)
	p.eod, p.aod = make([]Estimate, n), make([]Estimate, n)
	for i, r := range p.rates {
		p.eod[i].Value = sub(r.tpr, refR.tpr)
		p.aod[i].Value = mean(sub(r.tpr, refR.tpr), sub(r.fpr, refR.fpr))
	}
	p.eo = EqualizedOdds{
		Difference:              Estimate{Value: worst(p.tpr.diff.Value, p.fpr.diff.Value, true)},
		Ratio:                   Estimate{Value: worst(p.tpr.ratio.Value, p.fpr.ratio.Value, false)},
		DifferenceMean:          Estimate{Value: mean(p.tpr.diff.Value, p.fpr.diff.Value)},
		RatioMean:               Estimate{Value: mean(p.tpr.ratio.Value, p.fpr.ratio.Value)},
		DifferenceToOverall:     Estimate{Value: worst(p.tpr.diffO.Value, p.fpr.diffO.Value, true)},
		RatioToOverall:          Estimate{Value: worst(p.tpr.ratioO.Value, p.fpr.ratioO.Value, false)},
		DifferenceMeanToOverall: Estimate{Value: mean(p.tpr.diffO.Value, p.fpr.diffO.Value)},
		RatioMeanToOverall:      Estimate{Value: mean(p.tpr.ratioO.Value, p.fpr.ratioO.Value)},
	}
	return p
}

// estimates lists every bootstrapped estimate of p in a fixed order.
func (p *point) estimates() []*Estimate {
	var out []*Estimate
	for _, d := range []*disp{&p.dp, &p.tpr, &p.fpr} {
		out = append(out, &d.diff, &d.ratio, &d.diffO, &d.ratioO)
	}
	e := &p.eo
	out = append(out, &e.Difference, &e.Ratio, &e.DifferenceMean, &e.RatioMean,
		&e.DifferenceToOverall, &e.RatioToOverall, &e.DifferenceMeanToOverall, &e.RatioMeanToOverall)
	for _, s := range [][]Estimate{p.spd, p.di, p.impact, p.eod, p.aod} {
		for i := range s {
			out = append(out, &s[i])
		}
	}
	return out
}

// Compute computes every metric of spec over the groups of t. It returns
// [ErrEmpty] when t has no decision and an [InputError] when spec is not
// valid or names a reference group that t does not have.
func Compute(t *Table, spec *Spec) (*Metrics, error) {
	s, err := spec.withDefaults(len(t.attrs))
	if err != nil {
		return nil, err
	}
	favP := make(map[string]bool, len(s.Favourable))
	for _, l := range s.Favourable {
		favP[l] = true
	}
	favO := make(map[string]bool, len(s.FavourableOutcomes))
	for _, l := range s.FavourableOutcomes {
		favO[l] = true
	}
	// Collect group counts in a deterministic group order.
	var groups [][]string
	var gs []groupCounts
	index := map[string]int{}
	for _, c := range t.Cells() {
		gk := groupKey(c.Group)
		i, ok := index[gk]
		if !ok {
			i = len(gs)
			index[gk] = i
			groups = append(groups, c.Group)
			gs = append(gs, groupCounts{})
		}
		oc := ocNone
		if c.Outcome != "" {
			oc = ocUnfav
			if favO[c.Outcome] {
				oc = ocFav
			}
		}
		k := kind(favP[c.Predicted], oc)
		gs[i].n[k] += c.Count
		gs[i].w[k] += c.Weight
	}
	if len(gs) == 0 {
		return nil, ErrEmpty
	}
	var ov groupCounts
	for i := range gs {
		ov.add(&gs[i])
	}
	ref := -1
	chosen := "given"
	if s.Reference != nil {
		i, ok := index[groupKey(s.Reference)]
		if !ok {
			return nil, invalid("spec.reference", "the table has no group %s", GroupLabel(t.attrs, s.Reference))
		}
		ref = i
	} else {
		chosen = "largest"
		var best uint64
		for i := range gs {
			if n, _ := gs[i].total(); ref < 0 || n > best {
				ref, best = i, n
			}
		}
	}

	p := evaluate(gs, &ov, ref, s.Outcomes)
	m := &Metrics{
		Attributes:   t.Attributes(),
		Favourable:   slices.Clone(s.Favourable),
		Confidence:   s.Confidence,
		MinGroupSize: s.MinGroupSize,
		Reference:    Reference{Group: slices.Clone(groups[ref]), Label: GroupLabel(t.attrs, groups[ref]), Chosen: chosen},
	}
	if s.Outcomes {
		m.FavourableOutcomes = slices.Clone(s.FavourableOutcomes)
	}
	if s.Replicates > 0 {
		bootstrap(p, gs, ref, &s)
		m.Bootstrap = &Bootstrap{Replicates: s.Replicates, Seed: s.Seed, Method: "percentile, stratified by group"}
	}

	m.Overall = groupStats(&ov, p.overall, nil, "(overall)", &s)
	m.Overall.Small = false
	for i := range gs {
		g := groupStats(&gs[i], p.rates[i], groups[i], GroupLabel(t.attrs, groups[i]), &s)
		g.StatisticalParityDifference = p.spd[i]
		g.DisparateImpact = p.di[i]
		g.ImpactRatio = p.impact[i]
		g.BelowFourFifths = p.impact[i].Defined && p.impact[i].V < FourFifths
		r := &gs[ref]
		if i != ref {
			a, _ := gs[i].total()
			b, _ := r.total()
			sa := gs[i].n[3] + gs[i].n[4] + gs[i].n[5]
			sb := r.n[3] + r.n[4] + r.n[5]
			f := Fisher(sa, a-sa, sb, b-sb)
			g.SelectionTest = &f
		}
		if s.Outcomes {
			g.Outcomes.EqualOpportunityDifference = p.eod[i]
			g.Outcomes.AverageOddsDifference = p.aod[i]
			if i != ref {
				f := Fisher(gs[i].n[3+ocFav], gs[i].n[ocFav], r.n[3+ocFav], r.n[ocFav])
				g.Outcomes.TruePositiveTest = &f
			}
		}
		m.Groups = append(m.Groups, g)
	}
	m.DemographicParity = p.dp.export(t.attrs, groups)
	if s.Outcomes {
		tpr, fpr, eo := p.tpr.export(t.attrs, groups), p.fpr.export(t.attrs, groups), p.eo
		m.EqualOpportunity, m.FalsePositiveRate, m.EqualizedOdds = &tpr, &fpr, &eo
	}
	return m, nil
}

func (d *disp) export(attrs []string, groups [][]string) Disparity {
	out := Disparity{Difference: d.diff, Ratio: d.ratio, DifferenceToOverall: d.diffO, RatioToOverall: d.ratioO}
	for _, i := range d.excluded {
		out.Excluded = append(out.Excluded, GroupLabel(attrs, groups[i]))
	}
	return out
}

func groupStats(g *groupCounts, r rates, group []string, label string, s *Spec) GroupStats {
	n, w := g.total()
	st := GroupStats{
		Group:         slices.Clone(group),
		Label:         label,
		Count:         n,
		Weight:        w,
		Small:         n < s.MinGroupSize,
		Selected:      g.w[3] + g.w[4] + g.w[5],
		SelectedCount: g.n[3] + g.n[4] + g.n[5],
		SelectionRate: rateEstimate(r.sel, n, s.Confidence),
	}
	if st.Group == nil {
		st.Group = []string{}
	}
	if s.Outcomes {
		o := &OutcomeStats{
			WithOutcome: n - g.n[ocNone] - g.n[3+ocNone],
			TP:          g.w[3+ocFav],
			FN:          g.w[ocFav],
			FP:          g.w[3+ocUnfav],
			TN:          g.w[ocUnfav],
		}
		o.TruePositiveRate = rateEstimate(r.tpr, g.n[ocFav]+g.n[3+ocFav], s.Confidence)
		o.FalsePositiveRate = rateEstimate(r.fpr, g.n[ocUnfav]+g.n[3+ocUnfav], s.Confidence)
		st.Outcomes = o
	}
	return st
}

func rateEstimate(v Value, n uint64, confidence float64) Estimate {
	e := Estimate{Value: v}
	if v.Defined {
		e.CI = Wilson(v.V, n, confidence)
	}
	return e
}

// bootstrap fills the CI of every estimate of p with a percentile interval
// from s.Replicates replicates. Each replicate resamples every group on its
// own (stratified: a group keeps its number of decisions) from the group's
// cells: a multinomial draw over the six kinds of decision, each drawn
// decision carrying the mean weight of its kind. It works from the counts, so
// its cost does not depend on the number of decisions.
func bootstrap(p *point, gs []groupCounts, ref int, s *Spec) {
	rng := rand.New(rand.NewPCG(s.Seed, 0x676c617373626f78))
	targets := p.estimates()
	samples := make([][]float64, len(targets))
	rs := make([]groupCounts, len(gs))
	for b := 0; b < s.Replicates; b++ {
		var ov groupCounts
		for i := range gs {
			resample(rng, &gs[i], &rs[i])
			ov.add(&rs[i])
		}
		q := evaluate(rs, &ov, ref, s.Outcomes)
		for j, e := range q.estimates() {
			if e.Defined {
				samples[j] = append(samples[j], e.V)
			}
		}
	}
	for j, e := range targets {
		if !e.Defined {
			continue
		}
		if 2*len(samples[j]) < s.Replicates {
			e.CI = Interval{Reason: ReasonTooFewSamples}
			continue
		}
		lo, hi := percentileInterval(samples[j], s.Confidence)
		e.CI = Interval{Lo: lo, Hi: hi, Defined: true}
	}
}

func resample(rng *rand.Rand, g, out *groupCounts) {
	remaining, _ := g.total()
	var mass uint64 = remaining
	for k := range g.n {
		var m uint64
		switch {
		case g.n[k] == 0 || remaining == 0:
		case g.n[k] == mass:
			m = remaining
		default:
			m = binomial(rng, remaining, float64(g.n[k])/float64(mass))
		}
		out.n[k] = m
		out.w[k] = 0
		if m > 0 {
			out.w[k] = float64(m) * (g.w[k] / float64(g.n[k]))
		}
		remaining -= m
		mass -= g.n[k]
	}
}
