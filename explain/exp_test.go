package explain

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// bigExp is a plain reference: e**x to 400 bits, by the Taylor series of
// x/1024 squared ten times.
func bigExp(x float64) *big.Float {
	const prec = 400
	y := new(big.Float).SetPrec(prec).SetMantExp(new(big.Float).SetFloat64(x), -10)
	sum := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	for i := int64(1); i < 60; i++ {
		term.Mul(term, y)
		term.Quo(term, new(big.Float).SetPrec(prec).SetInt64(i))
		sum.Add(sum, term)
	}
	for range 10 {
		sum.Mul(sum, sum)
	}
	return sum
}

// within1ULP reports whether got is one of the two float64s next to the
// true value v (so less than one unit in the last place away).
func within1ULP(got float64, v *big.Float) bool {
	g := new(big.Float).SetPrec(400).SetFloat64(got)
	switch g.Cmp(v) {
	case 0:
		return true
	case -1:
		up := new(big.Float).SetPrec(400).SetFloat64(math.Nextafter(got, math.Inf(1)))
		return up.Cmp(v) >= 0
	default:
		down := new(big.Float).SetPrec(400).SetFloat64(math.Nextafter(got, math.Inf(-1)))
		return down.Cmp(v) <= 0
	}
}

// TestExpAgainstBig: exp is less than one unit in the last place from the
// true value (a 400-bit reference), wherever its result is normal.
func TestExpAgainstBig(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for i := range n {
		x := (r.Float64() - 0.5) * 40
		if i%2 == 1 {
			x = (r.Float64() - 0.5) * 1400
		}
		if got := exp(x); !within1ULP(got, bigExp(x)) {
			t.Fatalf("exp(%v) = %v (%x): not within one ulp of %s", x, got, math.Float64bits(got), bigExp(x).Text('g', 25))
		}
	}
	for _, x := range []float64{709.7, 709.78, expHi, -700, -708, expTiny * 1.5, -expTiny * 1.5, 0.5, -0.5, 1, 2} {
		if got := exp(x); !within1ULP(got, bigExp(x)) {
			t.Fatalf("exp(%v) = %v (%x): not within one ulp of %s", x, got, math.Float64bits(got), bigExp(x).Text('g', 25))
		}
	}
}

// ulps is the distance between a and b in units in the last place.
func ulps(a, b float64) uint64 {
	if a == b {
		return 0
	}
	x, y := int64(math.Float64bits(a)), int64(math.Float64bits(b))
	if (x < 0) != (y < 0) {
		return math.MaxUint64
	}
	if x > y {
		return uint64(x - y)
	}
	return uint64(y - x)
}

// TestExpAgainstMath: exp and log are within two units in the last place
// of the standard library's (a reference we did not write; each is within
// one of the true value) over wide samples, and agree with it on the
// special values.
func TestExpAgainstMath(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	worst := map[string]uint64{}
	check := func(name string, got, want float64, x float64) {
		t.Helper()
		d := ulps(got, want)
		if math.IsNaN(want) && math.IsNaN(got) {
			d = 0
		}
		if d > 2 {
			t.Fatalf("%s(%v) = %v (%x), math gives %v (%x): %d ulps", name, x, got, math.Float64bits(got), want, math.Float64bits(want), d)
		}
		worst[name] = max(worst[name], d)
	}
	for range 300000 {
		x := (r.Float64() - 0.5) * 1400 // math.Exp on amd64 overflows early, above 709.7
		check("exp", exp(x), math.Exp(x), x)
		y := (r.Float64() - 0.5) * 40
		check("exp", exp(y), math.Exp(y), y)
		z := math.Exp((r.Float64() - 0.5) * 1400)
		check("log", log(z), math.Log(z), z)
		w := r.Float64()
		check("log", log(w), math.Log(w), w)
	}
	for _, x := range []float64{0, math.Copysign(0, -1), 1, -1, 1e-300, math.MaxFloat64, expHi + 1, expLo - 1, expTiny, -expTiny, math.Inf(1), math.Inf(-1), math.NaN()} {
		check("exp", exp(x), math.Exp(x), x)
		check("log", log(x), math.Log(x), x)
	}
	// math.Log on amd64 gives -709.09 for the smallest subnormal; the true
	// value is -744.44.
	if got := log(5e-324); math.Abs(got+744.4400719213812) > 1e-12 {
		t.Errorf("log(5e-324) = %v, want -744.4400719213812", got)
	}
	t.Logf("worst distance from math over the samples: %v ulps", worst)
}
