// Package fairness computes group fairness metrics over a Glassbox audit log,
// with uncertainty, and binds every report to a signed checkpoint of the log
// so that anyone holding an export of the log up to that checkpoint can
// recompute the identical report.
//
// # Tables
//
// Every metric here is a function of a [Table]: for each group (a tuple of
// values of the chosen protected attributes), predicted label and outcome
// label, the number of decisions and their summed sample weight. A table over
// several attributes gives intersectional groups (sex × age band); it can be
// marginalised to fewer attributes ([Table.Marginal]) and merged with the
// table of another log ([Table.Merge]). Because the table is small whatever
// the number of decisions, a report over ten million decisions costs the
// same as one over a thousand once the table is built.
//
// Which labels are favourable is always explicit ([Spec.Favourable],
// [Spec.FavourableOutcomes]): a model may predict approval, or default, and
// only the caller knows which is good for the applicant.
//
// # Metrics
//
// [Compute] follows Fairlearn's definitions exactly, with sample weights:
// the selection rate of a group is the weighted share of its decisions with
// a favourable prediction; demographic parity compares selection rates,
// equal opportunity true positive rates, equalized odds true and false
// positive rates, each as a difference (largest minus smallest) and a ratio
// (smallest over largest) between groups, and as a difference and ratio to
// the overall rate ([Disparity], [EqualizedOdds]). Against a reference
// (privileged) group it gives AIF360's signed metrics: statistical parity
// difference, disparate impact, equal opportunity difference and average
// odds difference; against the group with the highest selection rate, the
// impact ratio of the four-fifths rule. Error rates use only the decisions
// that have an outcome; selection rates use all.
//
// # Undefined values
//
// A metric that does not exist (an empty denominator, a reference group
// selected at rate zero, fewer than two groups to compare) is a [Value] with
// Defined false and a Reason; the package never returns NaN, an infinity, or
// a silent 0. Groups whose rate is undefined are left out of a comparison and
// listed. Every group's size is reported and groups below
// [Spec.MinGroupSize] are flagged as small.
//
// # Uncertainty
//
// Each group rate has a Wilson score interval ([Wilson]); each group is
// compared with the reference group by Fisher's exact test on unweighted
// counts ([Fisher], two-sided, as scipy.stats.fisher_exact); every
// difference and ratio has a percentile interval from a bootstrap stratified
// by group and seeded ([Spec.Seed]), so the same table and seed give the same
// intervals on every machine. The bootstrap draws from the table's counts
// (multinomial draws per group), so its cost does not grow with the number
// of decisions.
//
// # Caveats
//
// With sample weights, the Wilson interval uses the weighted proportion and
// the number of decisions, and the bootstrap gives each drawn decision the
// mean weight of its cell: both ignore the extra variance that unequal
// weights add. Fisher's test ignores weights. The metrics describe the
// recorded history; they say nothing about why groups differ.
package fairness
