package fairness_test

import (
	"fmt"

	"github.com/glassbox-audit/glassbox/fairness"
)

// Two groups, one approved at 30%, the other at 45%: demographic parity
// difference 0.15, disparate impact 0.30/0.45 = 0.667, below four fifths.
// (The intervals and p-value agree with statsmodels and scipy.stats.fisher_exact.)
func ExampleCompute() {
	t, _ := fairness.NewTable("sex")
	add := func(sex, label string, n uint64) {
		_ = t.Add(fairness.Cell{Group: []string{sex}, Predicted: label, Count: n, Weight: float64(n)})
	}
	add("F", "approve", 30)
	add("F", "decline", 70)
	add("M", "approve", 45)
	add("M", "decline", 55)
	m, err := fairness.Compute(t, &fairness.Spec{
		Favourable: []string{"approve"},
		Reference:  []string{"M"},
		Replicates: -1, // no bootstrap in this example
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range m.Groups {
		fmt.Printf("%s: n=%d rate=%v CI=%v DI=%v below 4/5=%v\n", g.Label, g.Count, g.SelectionRate.Value, g.SelectionRate.CI, g.DisparateImpact.Value, g.BelowFourFifths)
	}
	fmt.Println("demographic parity difference:", m.DemographicParity.Difference.Value)
	fmt.Println("demographic parity ratio:", m.DemographicParity.Ratio.Value)
	fmt.Printf("Fisher p (F vs M): %.4f\n", m.Groups[0].SelectionTest.P)
	// Output:
	// sex=F: n=100 rate=0.3000 CI=[0.2189, 0.3958] DI=0.6667 below 4/5=true
	// sex=M: n=100 rate=0.4500 CI=[0.3561, 0.5476] DI=1.0000 below 4/5=false
	// demographic parity difference: 0.1500
	// demographic parity ratio: 0.6667
	// Fisher p (F vs M): 0.0405
}
