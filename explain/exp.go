package explain

import "math"

// Exactness across platforms.
//
// A recorded decision is re-executed by whoever checks it: natively on
// amd64 or arm64, or in a browser in WebAssembly. Its score and explanation
// must come out bit for bit the same everywhere, so this package avoids the
// two places where Go's floating point may differ between platforms:
//
//   - Fused multiply-add. The Go specification lets a compiler fuse x*y + z
//     into one instruction with a single rounding (arm64 does; amd64 and
//     wasm do not). Every product that is added to something is converted
//     explicitly, float64(x*y), which the specification says rounds it
//     first and so forbids the fusion.
//   - math.Exp, which has assembly versions on amd64, arm64 and s390x that
//     may round differently from the pure Go version used elsewhere (they
//     do: on this project's test inputs amd64 and wasm disagree in the
//     last bit). Sigmoid and the softmax use [exp] below instead, whose
//     every step is a correctly rounded IEEE 754 operation.
//
// Summation order is fixed by the model: trees in model order, path
// entries in path order.

// Constants of exp: ln 2 split so that k*ln2Hi is exact for the k that
// occur, the reciprocal, and the minimax coefficients of the rational
// approximation of exp on [-ln2/2, ln2/2] (Remez; as published with the
// classical Cody-Waite method).
const (
	ln2Hi   = 6.93147180369123816490e-01
	ln2Lo   = 1.90821492927058770002e-10
	invLn2  = 1.44269504088896338700e+00
	expP1   = 1.66666666666666019037e-01
	expP2   = -2.77777777770155933842e-03
	expP3   = 6.61375632143793436117e-05
	expP4   = -1.65339022054652515390e-06
	expP5   = 4.13813679705723846039e-08
	expHi   = 7.09782712893383973096e+02  // above: +Inf
	expLo   = -7.45133219101941108420e+02 // below: 0
	expTiny = 1.0 / (1 << 28)             // |x| below: 1 + x
)

// exp returns e**x with the same bits on every platform: within one unit
// in the last place of the true value (TestExpAgainstMath checks it against
// math.Exp), computed only with correctly rounded operations.
func exp(x float64) float64 {
	switch {
	case x != x || x > expHi:
		return x * math.Inf(1) // NaN stays NaN, large x overflows
	case x < expLo:
		return 0
	case -expTiny < x && x < expTiny:
		return 1 + x
	}
	// x = k*ln2 + r with |r| <= ln2/2, k the nearest integer to x/ln2.
	var k int
	if x < 0 {
		k = int(float64(invLn2*x) - 0.5)
	} else {
		k = int(float64(invLn2*x) + 0.5)
	}
	fk := float64(k)
	hi := x - float64(fk*ln2Hi)
	lo := float64(fk * ln2Lo)
	r := hi - lo
	t := float64(r * r)
	p := expP4 + float64(t*expP5)
	p = expP3 + float64(t*p)
	p = expP2 + float64(t*p)
	p = expP1 + float64(t*p)
	c := r - float64(t*p)
	y := 1 - ((lo - float64(r*c)/(2-c)) - hi)
	return math.Ldexp(y, k)
}

// Constants of log: the minimax coefficients of the approximation of
// log((1+s)/(1-s)) on the reduced range (as published with the classical
// method, which writes log(1+f) = 2s + s*R(s*s) with s = f/(2+f)).
const (
	logL1 = 6.666666666666735130e-01
	logL2 = 3.999999999940941908e-01
	logL3 = 2.857142874366239149e-01
	logL4 = 2.222219843214978396e-01
	logL5 = 1.818357216161805012e-01
	logL6 = 1.531383769920937332e-01
	logL7 = 1.479819860511658591e-01
)

// log returns the natural logarithm of x with the same bits on every
// platform (math.Log has an assembly version on amd64): within one unit in
// the last place of the true value, computed only with correctly rounded
// operations.
func log(x float64) float64 {
	switch {
	case x != x || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	// x = 2**k * (1+f) with sqrt(2)/2 <= 1+f < sqrt(2).
	f1, ki := math.Frexp(x)
	if f1 < math.Sqrt2/2 {
		f1 *= 2
		ki--
	}
	f := f1 - 1
	k := float64(ki)
	s := f / (2 + f)
	s2 := float64(s * s)
	s4 := float64(s2 * s2)
	t1 := logL5 + float64(s4*logL7)
	t1 = logL3 + float64(s4*t1)
	t1 = float64(s2 * (logL1 + float64(s4*t1)))
	t2 := logL4 + float64(s4*logL6)
	t2 = float64(s4 * (logL2 + float64(s4*t2)))
	r := t1 + t2
	hfsq := float64(float64(0.5*f) * f)
	return float64(k*ln2Hi) - ((hfsq - (float64(s*(hfsq+r)) + float64(k*ln2Lo))) - f)
}
