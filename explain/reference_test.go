package explain

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// This file holds plain reference implementations written straight from
// the definitions, used to check the fast code: a tree walker over the
// generic JSON document, and exact Shapley values by subset enumeration
// (Algorithm 1 of Lundberg et al.: the expectation of a tree given the
// features in S, averaging over the other branches by cover).

type refTree struct {
	left, right, feat []int
	thr, cover        []float64
	defLeft           []bool
	class             int
	weight            float64
}

type refModel struct {
	trees      []refTree
	baseMargin float64
	nfeat      int
	nout       int
}

func num(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case string:
		f, err := parseXGBFloat(x)
		if err != nil {
			panic(err)
		}
		return f
	case bool:
		if x {
			return 1
		}
		return 0
	}
	panic(fmt.Sprintf("not a number: %T", v))
}

func nums(v any) []float64 {
	a := v.([]any)
	out := make([]float64, len(a))
	for i := range a {
		out[i] = num(a[i])
	}
	return out
}

func ints(v any) []int {
	f := nums(v)
	out := make([]int, len(f))
	for i := range f {
		out[i] = int(f[i])
	}
	return out
}

// parseRef reads a model (with finite numbers only) the slow way.
func parseRef(t testing.TB, data []byte) *refModel {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	l := doc["learner"].(map[string]any)
	lp := l["learner_model_param"].(map[string]any)
	obj := l["objective"].(map[string]any)["name"].(string)
	bs := float64(float32(num(strings.Trim(lp["base_score"].(string), "[]"))))
	m := &refModel{nfeat: int(num(lp["num_feature"])), nout: max(1, int(num(lp["num_class"])))}
	if strings.Contains(obj, "logistic") {
		m.baseMargin = -math.Log(1/bs - 1)
	} else {
		m.baseMargin = bs
	}
	gb := l["gradient_booster"].(map[string]any)
	var w []float64
	if gb["name"] == "dart" {
		w = nums(gb["weight_drop"])
		gb = gb["gbtree"].(map[string]any)
	}
	model := gb["model"].(map[string]any)
	info := ints(model["tree_info"])
	for i, tv := range model["trees"].([]any) {
		tr := tv.(map[string]any)
		rt := refTree{
			left: ints(tr["left_children"]), right: ints(tr["right_children"]), feat: ints(tr["split_indices"]),
			thr: nums(tr["split_conditions"]), cover: nums(tr["sum_hessian"]), class: info[i], weight: 1,
		}
		for _, d := range nums(tr["default_left"]) {
			rt.defLeft = append(rt.defLeft, d != 0)
		}
		for j := range rt.thr {
			rt.thr[j] = float64(float32(rt.thr[j]))
			rt.cover[j] = float64(float32(rt.cover[j]))
		}
		if w != nil {
			rt.weight = float64(float32(w[i]))
		}
		m.trees = append(m.trees, rt)
	}
	return m
}

// goesLeft applies XGBoost's rule: missing -> default child, else
// float32(x) < float32(threshold).
func (rt *refTree) goesLeft(n int, x float64) bool {
	if math.IsNaN(x) {
		return rt.defLeft[n]
	}
	return float64(float32(x)) < rt.thr[n]
}

func (m *refModel) margin(x []float64, class int) float64 {
	s := m.baseMargin
	for _, rt := range m.trees {
		if rt.class != class {
			continue
		}
		n := 0
		for rt.left[n] != -1 {
			if rt.goesLeft(n, x[rt.feat[n]]) {
				n = rt.left[n]
			} else {
				n = rt.right[n]
			}
		}
		s += rt.weight * rt.thr[n]
	}
	return s
}

// expValue is E[f(x) | x_S] for one tree, by Algorithm 1.
func (rt *refTree) expValue(n int, x []float64, inS []bool) float64 {
	if rt.left[n] == -1 {
		return rt.thr[n]
	}
	f := rt.feat[n]
	if inS[f] {
		if rt.goesLeft(n, x[f]) {
			return rt.expValue(rt.left[n], x, inS)
		}
		return rt.expValue(rt.right[n], x, inS)
	}
	l, r := rt.left[n], rt.right[n]
	return (rt.cover[l]*rt.expValue(l, x, inS) + rt.cover[r]*rt.expValue(r, x, inS)) / rt.cover[n]
}

func (m *refModel) value(x []float64, class int, inS []bool) float64 {
	s := m.baseMargin
	for i := range m.trees {
		if m.trees[i].class == class {
			s += m.trees[i].weight * m.trees[i].expValue(0, x, inS)
		}
	}
	return s
}

// shapley enumerates all subsets: phi_i = sum over S not containing i of
// |S|!(M-|S|-1)!/M! (v(S+i) - v(S)).
func (m *refModel) shapley(x []float64, class int) (phi []float64, base float64) {
	M := m.nfeat
	fact := make([]float64, M+1)
	fact[0] = 1
	for i := 1; i <= M; i++ {
		fact[i] = fact[i-1] * float64(i)
	}
	vals := make([]float64, 1<<M)
	inS := make([]bool, M)
	for s := range vals {
		for i := range M {
			inS[i] = s&(1<<i) != 0
		}
		vals[s] = m.value(x, class, inS)
	}
	phi = make([]float64, M)
	for s := range vals {
		size := 0
		for i := range M {
			if s&(1<<i) != 0 {
				size++
			}
		}
		for i := range M {
			if s&(1<<i) == 0 {
				phi[i] += fact[size] * fact[M-size-1] / fact[M] * (vals[s|1<<i] - vals[s])
			}
		}
	}
	return phi, vals[0]
}

func TestAgainstExactShapley(t *testing.T) {
	for _, name := range []string{"binary_d3", "binary_d8_missing", "softprob_d5", "dart_d4", "squarederror_d6", "forest_d6", "softprob_dart_d3"} {
		t.Run(name, func(t *testing.T) {
			m, v, rows := loadVectors(t, name)
			ref := parseRef(t, readGz(t, "testdata/"+v.Model))
			e := m.NewExplainer()
			phi := make([]float64, m.NumFeature())
			n := 12
			if testing.Short() {
				n = 3
			}
			worst := 0.0
			for _, row := range rows[len(rows)-n:] { // includes the all-missing and threshold rows
				for c := range m.NumOutput() {
					base, margin, err := e.Contributions(row, c, phi)
					if err != nil {
						t.Fatal(err)
					}
					if rm := ref.margin(row, c); math.Abs(rm-margin) > 1e-9 {
						t.Fatalf("margin %v, reference walker %v", margin, rm)
					}
					want, wantBase := ref.shapley(row, c)
					worst = max(worst, math.Abs(base-wantBase))
					for j := range phi {
						worst = max(worst, math.Abs(phi[j]-want[j]))
					}
				}
			}
			t.Logf("max |TreeSHAP - exact Shapley| = %.2g", worst)
			if worst > 1e-9 {
				t.Fatalf("TreeSHAP differs from exact Shapley values by %g", worst)
			}
		})
	}
}

// TestRandomRowsAgainstReference checks prediction and additivity on random
// rows (with missing values and values on thresholds) against the
// reference walker, beyond the rows XGBoost evaluated.
func TestRandomRowsAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	for _, name := range vectorSets {
		m, v, rows := loadVectors(t, name)
		ref := parseRef(t, readGz(t, "testdata/"+v.Model))
		e := m.NewExplainer()
		phi := make([]float64, m.NumFeature())
		for range 100 {
			row := append([]float64(nil), rows[r.IntN(len(rows))]...)
			for j := range row {
				switch r.IntN(4) {
				case 0:
					row[j] = math.NaN()
				case 1:
					row[j] = rows[r.IntN(len(rows))][j]
				}
			}
			for c := range m.NumOutput() {
				base, margin, err := e.Contributions(row, c, phi)
				if err != nil {
					t.Fatal(err)
				}
				if rm := ref.margin(row, c); math.Abs(rm-margin) > 1e-9 {
					t.Fatalf("%s: margin %v, reference %v", name, margin, rm)
				}
				sum := base
				for _, p := range phi {
					sum += p
				}
				if math.Abs(sum-margin) > tolAdditivity {
					t.Fatalf("%s: additivity error %g", name, sum-margin)
				}
			}
		}
	}
}

// unwoundPathSum is the textbook UNWOUNDSUM: it returns the total weight the path would have with entry k
// removed, without modifying it.
func unwoundPathSum(path []pathElem, depth, k int) float64 {
	one, zero := path[k].one, path[k].zero
	next := path[depth].weight
	d1 := float64(depth + 1)
	total := 0.0
	if one != 0 {
		for i := depth - 1; i >= 0; i-- {
			tmp := next * d1 / (float64(i+1) * one)
			total += tmp
			next = path[i].weight - tmp*zero*float64(depth-i)/d1
		}
	} else if zero != 0 {
		for i := depth - 1; i >= 0; i-- {
			total += path[i].weight * d1 / (zero * float64(depth-i))
		}
	}
	return total
}

// extendPath adds a feature with the given zero and one fractions to the
// path of length depth (entries 0..depth-1), updating the subset weights.
func extendPath(path []pathElem, depth int, zero, one float64, feature int32) {
	w := 0.0
	if depth == 0 {
		w = 1
	}
	path[depth] = pathElem{feature: feature, zero: zero, one: one, weight: w}
	d1 := float64(depth + 1)
	for i := depth - 1; i >= 0; i-- {
		path[i+1].weight += one * path[i].weight * float64(i+1) / d1
		path[i].weight = zero * path[i].weight * float64(depth-i) / d1
	}
}

// TestLeafMatchesTextbook checks the optimized leaf and extend against the
// textbook EXTEND and UNWOUNDSUM on random paths, including fractions that
// of zero (paths of path-dependent TreeSHAP have one in {0, 1}).
func TestLeafMatchesTextbook(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	m, _ := ParseXGBoost([]byte(tinyModel), nil)
	m.maxDepth = 10
	e := m.NewExplainer()
	for range 2000 {
		depth := 1 + r.IntN(9)
		a := make([]pathElem, depth+1)
		b := make([]pathElem, depth+1)
		var pre []pathElem // b before its last entry: the parent path leaf takes
		for d := 0; d <= depth; d++ {
			if d == depth {
				pre = append([]pathElem(nil), b[:depth]...)
			}
			zero, one := r.Float64(), float64(r.IntN(2))
			if d == 0 {
				zero, one = 1, 1
			}
			if r.IntN(7) == 0 {
				// A zero-cover hot branch: the only entry recurse builds
				// with zero == 0 has one == 1 (leaf's precondition).
				zero, one = 0, 1
			}
			extendPath(a, d, zero, one, int32(d)-1)
			e.extend(b, b, d, zero, one, int32(d)-1) // in place: path and parent may be the same
		}
		for i := range a {
			if math.Abs(a[i].weight-b[i].weight) > 1e-12 {
				t.Fatalf("extend weight %d: %v vs textbook %v", i, b[i].weight, a[i].weight)
			}
		}
		want := make([]float64, depth)
		for i := 1; i <= depth; i++ {
			el := a[i]
			want[el.feature] += unwoundPathSum(a, depth, i) * (el.one - el.zero) * 1.5
		}
		got := make([]float64, depth)
		e.phi = got
		last := a[depth]
		e.leaf(pre, depth, last.zero, last.one, last.feature, 1.5)
		for i := range got {
			if math.IsNaN(got[i]) || math.Abs(got[i]-want[i]) > 1e-9*(1+math.Abs(want[i])) {
				t.Fatalf("depth %d feature %d: leaf %v, textbook %v", depth, i, got[i], want[i])
			}
		}
		// unwindPath then extendPath restores the weights.
		k := 1 + r.IntN(depth)
		el := a[k]
		if el.one == 0 && el.zero == 0 {
			continue
		}
		c := append([]pathElem(nil), a...)
		unwindPath(c, depth, k)
		extendPath(c, depth, el.zero, el.one, el.feature)
		var sa, sc float64
		for i := range a {
			sa += a[i].weight
			sc += c[i].weight
		}
		if math.Abs(sa-sc) > 1e-9*(1+math.Abs(sa)) {
			t.Fatalf("unwind+extend changed the total weight: %v -> %v", sa, sc)
		}
	}
}
