package fairness

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

func mustTable(t testing.TB, attrs ...string) *Table {
	t.Helper()
	tab, err := NewTable(attrs...)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func mustAdd(t testing.TB, tab *Table, c Cell) {
	t.Helper()
	if err := tab.Add(c); err != nil {
		t.Fatal(err)
	}
}

func TestTableValidation(t *testing.T) {
	for _, attrs := range [][]string{{""}, {"a", "a"}, {"\xff"}} {
		if _, err := NewTable(attrs...); !errors.Is(err, ErrInvalid) {
			t.Errorf("NewTable(%q) = %v, want ErrInvalid", attrs, err)
		}
	}
	tab := mustTable(t, "sex")
	bad := []Cell{
		{Group: nil, Predicted: "a", Count: 1, Weight: 1},
		{Group: []string{"F", "x"}, Predicted: "a", Count: 1, Weight: 1},
		{Group: []string{"F"}, Predicted: "", Count: 1, Weight: 1},
		{Group: []string{"F"}, Predicted: "a", Count: 1, Weight: math.NaN()},
		{Group: []string{"F"}, Predicted: "a", Count: 1, Weight: math.Inf(1)},
		{Group: []string{"F"}, Predicted: "a", Count: 1, Weight: -1},
		{Group: []string{"F"}, Predicted: "a", Count: 0, Weight: 1},
		{Group: []string{"\xff"}, Predicted: "a", Count: 1, Weight: 1},
		{Group: []string{"F"}, Predicted: "a", Outcome: "\xfe", Count: 1, Weight: 1},
	}
	for _, c := range bad {
		err := tab.Add(c)
		var ie *InputError
		if !errors.As(err, &ie) || !errors.Is(err, ErrInvalid) {
			t.Errorf("Add(%+v) = %v, want an InputError", c, err)
		}
	}
	if n, _ := tab.Total(); n != 0 {
		t.Errorf("rejected cells changed the table: %d decisions", n)
	}
	mustAdd(t, tab, Cell{Group: []string{"F"}, Predicted: "a", Count: math.MaxUint64, Weight: 1})
	if err := tab.Add(Cell{Group: []string{"F"}, Predicted: "a", Count: 1, Weight: 1}); !errors.Is(err, ErrInvalid) {
		t.Errorf("overflowing count: %v", err)
	}
}

func TestTableMergeMarginal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	whole := mustTable(t, "sex", "age")
	a := mustTable(t, "sex", "age")
	b := mustTable(t, "age", "sex") // same attributes, other order
	sexes, ages, preds, outs := []string{"F", "M", ""}, []string{"young", "old"}, []string{"approve", "deny"}, []string{"", "repaid", "default"}
	for i := 0; i < 500; i++ {
		s, ag := sexes[rng.IntN(3)], ages[rng.IntN(2)]
		c := Cell{Group: []string{s, ag}, Predicted: preds[rng.IntN(2)], Outcome: outs[rng.IntN(3)], Count: 1, Weight: float64(1 + rng.IntN(4))}
		mustAdd(t, whole, c)
		if i%2 == 0 {
			mustAdd(t, a, c)
		} else {
			c.Group = []string{ag, s}
			mustAdd(t, b, c)
		}
	}
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Cells(), whole.Cells()) {
		t.Fatal("merge of two halves differs from the whole")
	}
	// Marginal over sex equals a table built over sex alone.
	direct := mustTable(t, "sex")
	for _, c := range whole.Cells() {
		c.Group = c.Group[:1]
		mustAdd(t, direct, c)
	}
	m, err := whole.Marginal("sex")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m.Cells(), direct.Cells()) {
		t.Fatal("marginal differs from the directly built table")
	}
	if n, w := m.Total(); n != 500 || w <= 500 {
		t.Fatalf("marginal total %d %v", n, w)
	}
	if _, err := whole.Marginal("race"); !errors.Is(err, ErrInvalid) {
		t.Errorf("marginal over an unknown attribute: %v", err)
	}
	other := mustTable(t, "sex")
	if err := a.Merge(other); !errors.Is(err, ErrMismatch) {
		t.Errorf("merge with other attributes: %v", err)
	}
	other2 := mustTable(t, "sex", "race")
	if err := a.Merge(other2); !errors.Is(err, ErrMismatch) {
		t.Errorf("merge with other attributes: %v", err)
	}
}

func TestComputeInputErrors(t *testing.T) {
	tab := mustTable(t, "sex")
	if _, err := Compute(tab, &Spec{Favourable: []string{"a"}}); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty table: %v", err)
	}
	mustAdd(t, tab, Cell{Group: []string{"F"}, Predicted: "a", Count: 3, Weight: 3})
	for _, s := range []*Spec{
		nil,
		{},
		{Favourable: []string{"a"}, Outcomes: true},
		{Favourable: []string{"a"}, Reference: []string{"F", "x"}},
		{Favourable: []string{"a"}, Reference: []string{"M"}},
		{Favourable: []string{"a"}, Confidence: 1.5},
		{Favourable: []string{"a"}, Confidence: math.NaN()},
	} {
		if _, err := Compute(tab, s); !errors.Is(err, ErrInvalid) {
			t.Errorf("Compute(%+v) = %v, want ErrInvalid", s, err)
		}
	}
}

func TestUndefinedNeverNaN(t *testing.T) {
	// Weights all zero: every rate has a zero denominator.
	tab := mustTable(t, "g")
	mustAdd(t, tab, Cell{Group: []string{"a"}, Predicted: "yes", Outcome: "good", Count: 2, Weight: 0})
	mustAdd(t, tab, Cell{Group: []string{"b"}, Predicted: "no", Outcome: "bad", Count: 2, Weight: 0})
	m, err := Compute(tab, &Spec{Favourable: []string{"yes"}, Outcomes: true, FavourableOutcomes: []string{"good"}, Replicates: 50})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var generic any
	if err := json.Unmarshal(b, &generic); err != nil {
		t.Fatal(err)
	}
	if m.Groups[0].SelectionRate.Defined || m.Groups[0].SelectionRate.Reason != ReasonZeroDenominator {
		t.Errorf("selection rate with zero weight: %+v", m.Groups[0].SelectionRate)
	}
	if m.DemographicParity.Difference.Defined || m.DemographicParity.Difference.Reason != ReasonFewGroups {
		t.Errorf("difference with no defined group: %+v", m.DemographicParity.Difference)
	}
	if !m.Groups[0].Small || m.Overall.Small {
		t.Error("small group flags wrong")
	}
}

func TestValueJSON(t *testing.T) {
	for _, v := range []Estimate{
		{Value: Value{V: 0.25, Defined: true}, CI: Interval{Lo: 0.1, Hi: 0.4, Defined: true}},
		{Value: Value{V: 0, Defined: true}},
		{Value: Value{Reason: ReasonNoPositives}},
		{Value: Value{V: 1, Defined: true}, CI: Interval{Reason: ReasonTooFewSamples}},
	} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var back Estimate
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back != v {
			t.Errorf("%s: round trip %+v, want %+v", b, back, v)
		}
	}
	if v := defined(math.NaN()); v.Defined {
		t.Error("NaN accepted as defined")
	}
	if v := defined(math.Inf(-1)); v.Defined {
		t.Error("Inf accepted as defined")
	}
}

func FuzzValueJSON(f *testing.F) {
	f.Add([]byte(`{"value":0.5}`))
	f.Add([]byte(`{"value":null,"undefined":"x"}`))
	f.Add([]byte(`{"value":1,"undefined":"x"}`))
	f.Add([]byte(`{"value":null}`))
	f.Add([]byte(`{"value":0.5,"ci":{"lo":0,"hi":1}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var v Value
		if err := json.Unmarshal(b, &v); err == nil {
			out, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			var w Value
			if err := json.Unmarshal(out, &w); err != nil || w != v {
				t.Fatalf("%s -> %s -> %+v (%v)", b, out, w, err)
			}
		}
		var e Estimate
		if err := json.Unmarshal(b, &e); err == nil {
			if _, err := json.Marshal(e); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func TestBinomialMoments(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 7))
	for _, c := range []struct {
		n uint64
		p float64
	}{{10, 0.3}, {50, 0.1}, {1000, 0.5}, {1_000_000, 0.02}, {10_000_000, 0.7}, {25, 0.95}} {
		const draws = 20000
		var sum, sq float64
		for i := 0; i < draws; i++ {
			x := binomial(rng, c.n, c.p)
			if x > c.n {
				t.Fatalf("draw %d > n %d", x, c.n)
			}
			f := float64(x)
			sum += f
			sq += f * f
		}
		mean := sum / draws
		variance := sq/draws - mean*mean
		wantMean := float64(c.n) * c.p
		wantVar := wantMean * (1 - c.p)
		// The standard error of the sample mean is sqrt(var/draws); allow 5 of them.
		if math.Abs(mean-wantMean) > 5*math.Sqrt(wantVar/draws) {
			t.Errorf("Binomial(%d, %v): mean %v, want %v", c.n, c.p, mean, wantMean)
		}
		if math.Abs(variance-wantVar) > 0.05*wantVar {
			t.Errorf("Binomial(%d, %v): variance %v, want %v", c.n, c.p, variance, wantVar)
		}
	}
	if binomial(rng, 0, 0.5) != 0 || binomial(rng, 7, 0) != 0 || binomial(rng, 7, 1) != 7 {
		t.Error("degenerate binomial draws wrong")
	}
}

func twoGroupTable(t testing.TB, nA, selA, nB, selB uint64) *Table {
	tab := mustTable(t, "g")
	mustAdd(t, tab, Cell{Group: []string{"a"}, Predicted: "yes", Count: selA, Weight: float64(selA)})
	mustAdd(t, tab, Cell{Group: []string{"a"}, Predicted: "no", Count: nA - selA, Weight: float64(nA - selA)})
	mustAdd(t, tab, Cell{Group: []string{"b"}, Predicted: "yes", Count: selB, Weight: float64(selB)})
	mustAdd(t, tab, Cell{Group: []string{"b"}, Predicted: "no", Count: nB - selB, Weight: float64(nB - selB)})
	return tab
}

func TestBootstrap(t *testing.T) {
	tab := twoGroupTable(t, 400, 120, 600, 270)
	spec := &Spec{Favourable: []string{"yes"}, Replicates: 2000, Seed: 9}
	m1, err := Compute(tab, spec)
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := Compute(tab, spec)
	if !reflect.DeepEqual(m1, m2) {
		t.Fatal("same seed, different results")
	}
	spec.Seed = 10
	m3, _ := Compute(tab, spec)
	if reflect.DeepEqual(m1.DemographicParity, m3.DemographicParity) {
		t.Fatal("another seed gave identical intervals")
	}
	// The percentile interval of the difference of two proportions should
	// match the normal approximation: width 2·1.96·sqrt(p1q1/n1 + p2q2/n2).
	d := m1.DemographicParity.Difference
	if !d.Defined || !d.CI.Defined {
		t.Fatalf("difference %+v", d)
	}
	if d.CI.Lo > d.V || d.CI.Hi < d.V {
		t.Errorf("interval %v does not contain the estimate %v", d.CI, d.V)
	}
	se := math.Sqrt(0.3*0.7/400 + 0.45*0.55/600)
	width := d.CI.Hi - d.CI.Lo
	if want := 2 * 1.959964 * se; math.Abs(width-want) > 0.1*want {
		t.Errorf("bootstrap interval width %v, normal approximation %v", width, want)
	}
	// Signed metrics against the reference (the larger group, b).
	if m1.Reference.Label != "g=b" || m1.Reference.Chosen != "largest" {
		t.Errorf("reference %+v", m1.Reference)
	}
	spd := m1.Groups[0].StatisticalParityDifference
	if math.Abs(spd.V-(0.3-0.45)) > 1e-12 || !spd.CI.Defined || spd.CI.Lo > spd.V || spd.CI.Hi < spd.V {
		t.Errorf("statistical parity difference %+v", spd)
	}
	if !m1.Groups[0].BelowFourFifths || m1.Groups[1].BelowFourFifths {
		t.Error("four-fifths flags wrong: 0.30/0.45 is below 0.8, the top group is not")
	}
	if m1.Groups[0].SelectionTest == nil || m1.Groups[1].SelectionTest != nil {
		t.Error("Fisher test should be run for every group but the reference")
	}
}

func TestBootstrapOff(t *testing.T) {
	m, err := Compute(twoGroupTable(t, 10, 5, 10, 2), &Spec{Favourable: []string{"yes"}, Replicates: -1})
	if err != nil {
		t.Fatal(err)
	}
	if m.Bootstrap != nil || m.DemographicParity.Difference.CI.Defined {
		t.Error("bootstrap ran although turned off")
	}
}

// FuzzCompute builds the same decisions into tables in two ways (cell by
// cell, and as merged halves over more attributes, then marginalised) and
// checks that the metrics agree and that nothing NaN or infinite comes out.
func FuzzCompute(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, uint8(3))
	f.Add([]byte{0, 0, 0, 0}, uint8(0))
	f.Add([]byte{255, 17, 33, 2, 200, 91, 5, 5, 5, 5, 5, 5}, uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, refSel uint8) {
		groups := []string{"a", "b", "c", ""}
		preds := []string{"yes", "no", "maybe"}
		outs := []string{"", "good", "bad"}
		one := mustTable(t, "g")
		two1 := mustTable(t, "g", "h")
		two2 := mustTable(t, "h", "g")
		for i, b := range data {
			c := Cell{Group: []string{groups[b&3]}, Predicted: preds[int(b>>2)%3], Outcome: outs[int(b>>4)%3], Count: uint64(1 + b>>6), Weight: float64(b%5) / 2}
			if c.Weight == 0 {
				c.Weight = 0.25
			}
			mustAdd(t, one, c)
			h := []string{"x", "y"}[i%2]
			if i%3 == 0 {
				mustAdd(t, two1, Cell{Group: []string{c.Group[0], h}, Predicted: c.Predicted, Outcome: c.Outcome, Count: c.Count, Weight: c.Weight})
			} else {
				mustAdd(t, two2, Cell{Group: []string{h, c.Group[0]}, Predicted: c.Predicted, Outcome: c.Outcome, Count: c.Count, Weight: c.Weight})
			}
		}
		if err := two1.Merge(two2); err != nil {
			t.Fatal(err)
		}
		marg, err := two1.Marginal("g")
		if err != nil {
			t.Fatal(err)
		}
		spec := &Spec{Favourable: []string{"yes", "maybe"}, Outcomes: true, FavourableOutcomes: []string{"good"}, Replicates: 20, Seed: uint64(refSel)}
		m1, err1 := Compute(one, spec)
		m2, err2 := Compute(marg, spec)
		if len(data) == 0 {
			if !errors.Is(err1, ErrEmpty) || !errors.Is(err2, ErrEmpty) {
				t.Fatalf("empty: %v %v", err1, err2)
			}
			return
		}
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		b1, err := json.Marshal(m1)
		if err != nil {
			t.Fatal(err)
		}
		b2, _ := json.Marshal(m2)
		if !approxEqualJSON(t, b1, b2) {
			t.Fatalf("direct and marginalised tables disagree:\n%s\n%s", b1, b2)
		}
	})
}

// approxEqualJSON compares two JSON documents, numbers to within 1e-9
// (weights summed in another order may differ in the last bits).
func approxEqualJSON(t *testing.T, a, b []byte) bool {
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	return approxEqual(x, y)
}

func approxEqual(x, y any) bool {
	switch xv := x.(type) {
	case float64:
		yv, ok := y.(float64)
		return ok && math.Abs(xv-yv) <= 1e-9*math.Max(1, math.Abs(xv))
	case map[string]any:
		yv, ok := y.(map[string]any)
		if !ok || len(xv) != len(yv) {
			return false
		}
		for k := range xv {
			if !approxEqual(xv[k], yv[k]) {
				return false
			}
		}
		return true
	case []any:
		yv, ok := y.([]any)
		if !ok || len(xv) != len(yv) {
			return false
		}
		for i := range xv {
			if !approxEqual(xv[i], yv[i]) {
				return false
			}
		}
		return true
	default:
		return reflect.DeepEqual(x, y)
	}
}
