package fairness

import (
	"math"
	"math/rand/v2"
	"slices"
)

// normalQuantile returns the p-quantile of the standard normal distribution.
func normalQuantile(p float64) float64 {
	return math.Sqrt2 * math.Erfinv(2*p-1)
}

// Wilson returns the Wilson score interval for a proportion p observed on n
// trials at the given confidence level (e.g. 0.95):
//
//	centre = (p + z²/2n) / (1 + z²/n)
//	half   = z/(1 + z²/n) · sqrt(p(1-p)/n + z²/4n²)
//
// with z the (1+confidence)/2 quantile of the standard normal distribution.
// This is statsmodels' proportion_confint(method="wilson") with p = k/n. For
// weighted data p is the weighted proportion and n the number of decisions.
// The interval is undefined when n is zero.
func Wilson(p float64, n uint64, confidence float64) Interval {
	if n == 0 {
		return Interval{Reason: ReasonEmptyGroup}
	}
	if !(confidence > 0 && confidence < 1) || math.IsNaN(p) || p < 0 || p > 1 {
		return Interval{Reason: "invalid proportion or confidence"}
	}
	z := normalQuantile(1 - (1-confidence)/2)
	nf := float64(n)
	z2 := z * z
	denom := 1 + z2/nf
	centre := (p + z2/(2*nf)) / denom
	half := z * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf)) / denom
	return Interval{Lo: centre - half, Hi: centre + half, Defined: true}
}

// FisherResult is the outcome of Fisher's exact test on a 2×2 table.
type FisherResult struct {
	// OddsRatio is the sample odds ratio a·d/(b·c); undefined when b·c is 0
	// (infinite) or when a row or column of the table is empty.
	OddsRatio Value `json:"odds_ratio"`
	// P is the two-sided p-value.
	P float64 `json:"p"`
}

// Fisher runs Fisher's exact test, two-sided, on the 2×2 table
//
//	[[a, b],
//	 [c, d]]
//
// as scipy.stats.fisher_exact does: the p-value is the sum of the
// hypergeometric probabilities (margins fixed) of every table no more
// probable than the observed one; it is 1 when a row or a column is empty.
// Ties are judged with a relative tolerance of 1e-7 (as R's fisher.test does;
// scipy uses 1e-14 on its own evaluation of the probabilities), so the two
// agree except for tables whose probabilities differ by less than one part in
// ten million. The work is linear in the smallest margin, with no
// special-function call per term.
func Fisher(a, b, c, d uint64) FisherResult {
	var r FisherResult
	switch {
	case a+b == 0 || c+d == 0 || a+c == 0 || b+d == 0:
		r.OddsRatio = undefined("a row or column of the 2x2 table is empty")
		r.P = 1
		return r
	case b == 0 || c == 0:
		r.OddsRatio = undefined(ReasonInfinite)
	default:
		r.OddsRatio = defined(float64(a) * float64(d) / (float64(b) * float64(c)))
	}
	// Hypergeometric: population N, n1 = a+b "successes" (row 1), n = a+c draws (column 1).
	n1 := float64(a + b)
	n2 := float64(c + d)
	n := float64(a + c)
	N := n1 + n2
	lo := math.Max(0, n-n2)
	hi := math.Min(n, n1)
	mode := math.Floor((n + 1) * (n1 + 1) / (N + 2))
	mode = math.Max(lo, math.Min(hi, mode))
	logpmf := func(x float64) float64 {
		return lchoose(n1, x) + lchoose(n2, n-x) - lchoose(N, n)
	}
	lmode := logpmf(mode)
	obs := float64(a)
	robs := math.Exp(logpmf(obs) - lmode) // observed probability relative to the mode's
	thresh := robs * (1 + 1e-7)
	// ratio pmf(x+1)/pmf(x) = (n1-x)(n-x) / ((x+1)(n2-n+x+1))
	sum := 0.0
	r1 := 1.0
	if r1 <= thresh {
		sum += r1
	}
	for x := mode; x < hi; x++ {
		r1 *= (n1 - x) * (n - x) / ((x + 1) * (n2 - n + x + 1))
		if r1 < 1e-300 {
			break
		}
		if r1 <= thresh {
			sum += r1
		}
	}
	r1 = 1.0
	for x := mode; x > lo; x-- {
		// pmf(x-1)/pmf(x) = x(n2-n+x) / ((n1-x+1)(n-x+1))
		r1 *= x * (n2 - n + x) / ((n1 - x + 1) * (n - x + 1))
		if r1 < 1e-300 {
			break
		}
		if r1 <= thresh {
			sum += r1
		}
	}
	p := sum * math.Exp(lmode)
	r.P = math.Min(p, 1)
	return r
}

func lchoose(n, k float64) float64 {
	a, _ := math.Lgamma(n + 1)
	b, _ := math.Lgamma(k + 1)
	c, _ := math.Lgamma(n - k + 1)
	return a - b - c
}

// binomial draws from Binomial(n, p) with rng. It uses inversion when n·p is
// small and Hörmann's BTRS (transformed rejection with squeeze, 1993)
// otherwise, so its cost does not grow with n.
func binomial(rng *rand.Rand, n uint64, p float64) uint64 {
	if n == 0 || p <= 0 {
		return 0
	}
	if p >= 1 {
		return n
	}
	if p > 0.5 {
		return n - binomial(rng, n, 1-p)
	}
	nf := float64(n)
	if nf*p < 10 {
		// Inversion: walk the cdf from 0.
		q := 1 - p
		s := p / q
		a := (nf + 1) * s
		r := math.Pow(q, nf)
		u := rng.Float64()
		var x uint64
		for u > r && x < n {
			u -= r
			x++
			r *= a/float64(x) - s
			if r <= 0 {
				break
			}
		}
		return x
	}
	q := 1 - p
	spq := math.Sqrt(nf * p * q)
	b := 1.15 + 2.53*spq
	a := -0.0873 + 0.0248*b + 0.01*p
	c := nf*p + 0.5
	vr := 0.92 - 4.2/b
	alpha := (2.83 + 5.1/b) * spq
	lpq := math.Log(p / q)
	m := math.Floor((nf + 1) * p)
	lm, _ := math.Lgamma(m + 1)
	lnm, _ := math.Lgamma(nf - m + 1)
	h := lm + lnm
	for {
		u := rng.Float64() - 0.5
		v := rng.Float64()
		us := 0.5 - math.Abs(u)
		k := math.Floor((2*a/us+b)*u + c)
		if k < 0 || k > nf {
			continue
		}
		if us >= 0.07 && v <= vr {
			return uint64(k)
		}
		if us == 0 {
			continue
		}
		v = math.Log(v * alpha / (a/(us*us) + b))
		lk, _ := math.Lgamma(k + 1)
		lnk, _ := math.Lgamma(nf - k + 1)
		if v <= h-lk-lnk+(k-m)*lpq {
			return uint64(k)
		}
	}
}

// percentile returns the q-quantile (0 <= q <= 1) of sorted xs with linear
// interpolation between order statistics, numpy.percentile's default
// ("linear", Hyndman and Fan type 7).
func percentile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	h := q * float64(len(sorted)-1)
	i := math.Floor(h)
	j := int(i)
	if j >= len(sorted)-1 {
		return sorted[len(sorted)-1]
	}
	return sorted[j] + (h-i)*(sorted[j+1]-sorted[j])
}

func percentileInterval(xs []float64, confidence float64) (lo, hi float64) {
	s := slices.Clone(xs)
	slices.Sort(s)
	alpha := (1 - confidence) / 2
	return percentile(s, alpha), percentile(s, 1-alpha)
}
