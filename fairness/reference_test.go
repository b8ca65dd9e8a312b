package fairness

import (
	"encoding/json"
	"math"
	"os"
	"slices"
	"testing"
)

// The reference values in testdata/reference.json are computed record by
// record from the published definitions with numpy, scipy and statsmodels by
// testdata/gen/reference.py, independently of this package.

type refRecord struct {
	Groups  map[string]string `json:"groups"`
	Pred    string            `json:"pred"`
	Outcome *string           `json:"outcome"`
	Weight  float64           `json:"weight"`
}

type refDisparity struct {
	Difference          *float64 `json:"difference"`
	Ratio               *float64 `json:"ratio"`
	DifferenceToOverall *float64 `json:"difference_to_overall"`
	RatioToOverall      *float64 `json:"ratio_to_overall"`
}

type refFisher struct {
	P         float64  `json:"p"`
	OddsRatio *float64 `json:"odds_ratio"`
}

type refGroup struct {
	Group                       []string   `json:"group"`
	Count                       uint64     `json:"count"`
	Weight                      float64    `json:"weight"`
	SelectionRate               *float64   `json:"selection_rate"`
	SelectionCI                 []float64  `json:"selection_ci"`
	StatisticalParityDifference *float64   `json:"statistical_parity_difference"`
	DisparateImpact             *float64   `json:"disparate_impact"`
	ImpactRatio                 *float64   `json:"impact_ratio"`
	SelectionTest               *refFisher `json:"selection_test"`
	TPR                         *float64   `json:"tpr"`
	FPR                         *float64   `json:"fpr"`
	TPRCI                       []float64  `json:"tpr_ci"`
	FPRCI                       []float64  `json:"fpr_ci"`
	EqualOpportunityDifference  *float64   `json:"equal_opportunity_difference"`
	AverageOddsDifference       *float64   `json:"average_odds_difference"`
	TruePositiveTest            *refFisher `json:"true_positive_test"`
}

type refCase struct {
	Name               string      `json:"name"`
	Records            []refRecord `json:"records"`
	By                 []string    `json:"by"`
	Favourable         []string    `json:"favourable"`
	FavourableOutcomes []string    `json:"favourable_outcomes"`
	Outcomes           bool        `json:"outcomes"`
	Reference          []string    `json:"reference"`
	Expected           struct {
		Groups    []refGroup `json:"groups"`
		Reference []string   `json:"reference"`
		Overall   struct {
			Count         uint64   `json:"count"`
			SelectionRate *float64 `json:"selection_rate"`
			TPR           *float64 `json:"tpr"`
			FPR           *float64 `json:"fpr"`
		} `json:"overall"`
		DemographicParity refDisparity        `json:"demographic_parity"`
		EqualOpportunity  *refDisparity       `json:"equal_opportunity"`
		FalsePositiveRate *refDisparity       `json:"false_positive_rate"`
		EqualizedOdds     map[string]*float64 `json:"equalized_odds"`
	} `json:"expected"`
}

type refFile struct {
	Cases  []refCase `json:"cases"`
	Fisher []struct {
		Table     [4]uint64 `json:"table"`
		P         float64   `json:"p"`
		OddsRatio *float64  `json:"odds_ratio"`
	} `json:"fisher"`
	Wilson []struct {
		P  float64   `json:"p"`
		N  uint64    `json:"n"`
		CI []float64 `json:"ci"`
	} `json:"wilson"`
	Percentile []struct {
		Xs    []float64 `json:"xs"`
		Q     float64   `json:"q"`
		Value float64   `json:"value"`
	} `json:"percentile"`
}

const tol = 1e-9

func loadReference(t testing.TB) *refFile {
	t.Helper()
	b, err := os.ReadFile("testdata/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var f refFile
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Cases) == 0 || len(f.Fisher) == 0 || len(f.Wilson) == 0 || len(f.Percentile) == 0 {
		t.Fatal("reference file has empty sections")
	}
	return &f
}

func checkValue(t *testing.T, what string, got Value, want *float64) {
	t.Helper()
	if want == nil {
		if got.Defined {
			t.Errorf("%s = %v, want undefined", what, got.V)
		} else if got.Reason == "" {
			t.Errorf("%s undefined without a reason", what)
		}
		return
	}
	if !got.Defined {
		t.Errorf("%s undefined (%s), want %v", what, got.Reason, *want)
		return
	}
	if math.Abs(got.V-*want) > tol {
		t.Errorf("%s = %.17g, want %.17g", what, got.V, *want)
	}
}

func checkInterval(t *testing.T, what string, got Interval, want []float64) {
	t.Helper()
	if want == nil {
		if got.Defined {
			t.Errorf("%s = %v, want undefined", what, got)
		}
		return
	}
	if !got.Defined {
		t.Errorf("%s undefined (%s), want %v", what, got.Reason, want)
		return
	}
	if math.Abs(got.Lo-want[0]) > tol || math.Abs(got.Hi-want[1]) > tol {
		t.Errorf("%s = [%.17g, %.17g], want %v", what, got.Lo, got.Hi, want)
	}
}

func checkFisher(t *testing.T, what string, got *FisherResult, want *refFisher) {
	t.Helper()
	if (got == nil) != (want == nil) {
		t.Errorf("%s: got %v, want %v", what, got, want)
		return
	}
	if got == nil {
		return
	}
	if math.Abs(got.P-want.P) > tol {
		t.Errorf("%s p = %.17g, want %.17g", what, got.P, want.P)
	}
	checkValue(t, what+" odds ratio", got.OddsRatio, want.OddsRatio)
}

func checkDisparity(t *testing.T, what string, got *Disparity, want *refDisparity) {
	t.Helper()
	checkValue(t, what+".difference", got.Difference.Value, want.Difference)
	checkValue(t, what+".ratio", got.Ratio.Value, want.Ratio)
	checkValue(t, what+".difference_to_overall", got.DifferenceToOverall.Value, want.DifferenceToOverall)
	checkValue(t, what+".ratio_to_overall", got.RatioToOverall.Value, want.RatioToOverall)
}

// tableFromRecords builds a table over every attribute that appears in the
// records (sorted), one cell per record, so that the reference cases also
// exercise Marginal when they group by fewer attributes.
func tableFromRecords(t *testing.T, recs []refRecord) *Table {
	t.Helper()
	var attrs []string
	for _, r := range recs {
		for a := range r.Groups {
			if !slices.Contains(attrs, a) {
				attrs = append(attrs, a)
			}
		}
	}
	slices.Sort(attrs)
	tab, err := NewTable(attrs...)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		g := make([]string, len(attrs))
		for i, a := range attrs {
			g[i] = r.Groups[a]
		}
		out := ""
		if r.Outcome != nil {
			out = *r.Outcome
		}
		if err := tab.Add(Cell{Group: g, Predicted: r.Pred, Outcome: out, Count: 1, Weight: r.Weight}); err != nil {
			t.Fatal(err)
		}
	}
	return tab
}

func TestReferenceCases(t *testing.T) {
	ref := loadReference(t)
	for _, c := range ref.Cases {
		t.Run(c.Name, func(t *testing.T) {
			full := tableFromRecords(t, c.Records)
			tab, err := full.Marginal(c.By...)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Compute(tab, &Spec{
				Favourable:         c.Favourable,
				Outcomes:           c.Outcomes,
				FavourableOutcomes: c.FavourableOutcomes,
				Reference:          c.Reference,
				Replicates:         -1,
			})
			if err != nil {
				t.Fatal(err)
			}
			e := &c.Expected
			if !slices.Equal(m.Reference.Group, e.Reference) {
				t.Errorf("reference group %v, want %v", m.Reference.Group, e.Reference)
			}
			if m.Overall.Count != e.Overall.Count {
				t.Errorf("overall count %d, want %d", m.Overall.Count, e.Overall.Count)
			}
			checkValue(t, "overall selection rate", m.Overall.SelectionRate.Value, e.Overall.SelectionRate)
			if len(m.Groups) != len(e.Groups) {
				t.Fatalf("%d groups, want %d", len(m.Groups), len(e.Groups))
			}
			for i, w := range e.Groups {
				g := m.Groups[i]
				if !slices.Equal(g.Group, w.Group) {
					t.Fatalf("group %d is %v, want %v", i, g.Group, w.Group)
				}
				name := g.Label
				if g.Count != w.Count || math.Abs(g.Weight-w.Weight) > tol {
					t.Errorf("%s: count %d weight %v, want %d %v", name, g.Count, g.Weight, w.Count, w.Weight)
				}
				if g.Small != (g.Count < DefaultMinGroupSize) {
					t.Errorf("%s: small = %v with %d decisions", name, g.Small, g.Count)
				}
				checkValue(t, name+" selection rate", g.SelectionRate.Value, w.SelectionRate)
				checkInterval(t, name+" selection CI", g.SelectionRate.CI, w.SelectionCI)
				checkValue(t, name+" SPD", g.StatisticalParityDifference.Value, w.StatisticalParityDifference)
				checkValue(t, name+" DI", g.DisparateImpact.Value, w.DisparateImpact)
				checkValue(t, name+" impact ratio", g.ImpactRatio.Value, w.ImpactRatio)
				if g.BelowFourFifths != (w.ImpactRatio != nil && *w.ImpactRatio < 0.8) {
					t.Errorf("%s: below four fifths = %v", name, g.BelowFourFifths)
				}
				checkFisher(t, name+" selection test", g.SelectionTest, w.SelectionTest)
				if !c.Outcomes {
					if g.Outcomes != nil {
						t.Errorf("%s: outcome stats without outcomes", name)
					}
					continue
				}
				o := g.Outcomes
				checkValue(t, name+" TPR", o.TruePositiveRate.Value, w.TPR)
				checkValue(t, name+" FPR", o.FalsePositiveRate.Value, w.FPR)
				checkInterval(t, name+" TPR CI", o.TruePositiveRate.CI, w.TPRCI)
				checkInterval(t, name+" FPR CI", o.FalsePositiveRate.CI, w.FPRCI)
				checkValue(t, name+" EOD", o.EqualOpportunityDifference.Value, w.EqualOpportunityDifference)
				checkValue(t, name+" AOD", o.AverageOddsDifference.Value, w.AverageOddsDifference)
				checkFisher(t, name+" TPR test", o.TruePositiveTest, w.TruePositiveTest)
			}
			checkDisparity(t, "demographic parity", &m.DemographicParity, &e.DemographicParity)
			if !c.Outcomes {
				if m.EqualOpportunity != nil || m.EqualizedOdds != nil {
					t.Error("outcome metrics without outcomes")
				}
				return
			}
			checkValue(t, "overall TPR", m.Overall.Outcomes.TruePositiveRate.Value, e.Overall.TPR)
			checkValue(t, "overall FPR", m.Overall.Outcomes.FalsePositiveRate.Value, e.Overall.FPR)
			checkDisparity(t, "equal opportunity", m.EqualOpportunity, e.EqualOpportunity)
			checkDisparity(t, "false positive rate", m.FalsePositiveRate, e.FalsePositiveRate)
			eo := m.EqualizedOdds
			for name, got := range map[string]Value{
				"difference": eo.Difference.Value, "ratio": eo.Ratio.Value,
				"difference_mean": eo.DifferenceMean.Value, "ratio_mean": eo.RatioMean.Value,
				"difference_to_overall": eo.DifferenceToOverall.Value, "ratio_to_overall": eo.RatioToOverall.Value,
				"difference_mean_to_overall": eo.DifferenceMeanToOverall.Value, "ratio_mean_to_overall": eo.RatioMeanToOverall.Value,
			} {
				want, ok := e.EqualizedOdds[name]
				if !ok {
					t.Fatalf("reference lacks equalized_odds.%s", name)
				}
				checkValue(t, "equalized odds "+name, got, want)
			}
		})
	}
}

func TestReferenceFisher(t *testing.T) {
	for _, v := range loadReference(t).Fisher {
		got := Fisher(v.Table[0], v.Table[1], v.Table[2], v.Table[3])
		want := refFisher{P: v.P, OddsRatio: v.OddsRatio}
		checkFisher(t, "fisher "+jsonString(v.Table), &got, &want)
	}
}

func TestReferenceWilson(t *testing.T) {
	for _, v := range loadReference(t).Wilson {
		checkInterval(t, "wilson "+jsonString([]any{v.P, v.N}), Wilson(v.P, v.N, 0.95), v.CI)
	}
}

func TestReferencePercentile(t *testing.T) {
	for _, v := range loadReference(t).Percentile {
		s := slices.Clone(v.Xs)
		slices.Sort(s)
		if got := percentile(s, v.Q); math.Abs(got-v.Value) > tol {
			t.Errorf("percentile(%v, %v) = %v, want %v", v.Xs, v.Q, got, v.Value)
		}
	}
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
