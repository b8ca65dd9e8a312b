package explain

import (
	"fmt"
	"math"
)

// pathElem is one entry of TreeSHAP's unique feature path.
type pathElem struct {
	feature int32   // split feature, -1 for the root entry
	zero    float64 // fraction of "zero" (feature absent) paths flowing through
	one     float64 // fraction of "one" (feature present) paths: 1 or 0
	weight  float64 // permutation weight of this subset size
}

// Explainer computes TreeSHAP attributions for one [Model]. It owns scratch
// buffers sized once for the model, so [Explainer.Contributions] does not
// allocate. An Explainer is not safe for concurrent use; create one per
// goroutine (they are cheap) and share the Model.
type Explainer struct {
	m    *Model
	x    []float32
	path []pathElem
	// coefA[d][j] = (d+1)/(j+1) and coefB[d][j] = (d-j)/(d+1): the
	// constants of unwoundPathSum for a path of length d+1;
	// coefC[d][j] = (j+1)/(d+1) completes those of extendPath.
	coefA, coefB, coefC [][]float64
	// leaf's scratch: the weights of the extended path, and the zero
	// fractions and features of its entries with one == 1 and with
	// one == 0. A path has at most MaxTreeDepth+2 entries, so a uint8
	// index needs no bounds check.
	w, oneZ, zeroZ [256]float64
	oneF, zeroF    [256]int32
	// The tree being explained, its weight, and the output: set by
	// Contributions for recurse and leaf.
	nodes []node
	scale float64
	phi   []float64
}

// NewExplainer returns an Explainer for m.
func (m *Model) NewExplainer() *Explainer {
	// Each recursion level copies the path (at most depth+2 entries) into a
	// fresh slot: (d+2)(d+3)/2 entries cover the deepest tree.
	d := m.maxDepth + 2
	e := &Explainer{
		m:     m,
		x:     make([]float32, m.numFeature),
		path:  make([]pathElem, d*(d+1)/2+d),
		coefA: make([][]float64, d+1),
		coefB: make([][]float64, d+1),
		coefC: make([][]float64, d+1),
	}
	for depth := range e.coefA {
		d1 := float64(depth + 1)
		e.coefA[depth] = make([]float64, depth)
		e.coefB[depth] = make([]float64, depth)
		e.coefC[depth] = make([]float64, depth)
		for j := range depth {
			e.coefA[depth][j] = d1 / float64(j+1)
			e.coefB[depth][j] = float64(depth-j) / d1
			e.coefC[depth][j] = float64(j+1) / d1
		}
	}
	return e
}

// Contributions computes the path-dependent TreeSHAP values of row for
// output class into phi (len NumFeature, overwritten) and returns the base
// value (the expected margin over the training cover) and the row's margin.
// base + sum(phi) equals margin up to float64 rounding. NaN is missing.
func (e *Explainer) Contributions(row []float64, class int, phi []float64) (base, margin float64, err error) {
	m := e.m
	if err := m.checkRow(row); err != nil {
		return 0, 0, err
	}
	if len(phi) != m.numFeature {
		return 0, 0, fmt.Errorf("%w: phi has %d entries, model has %d features", ErrFeatureCount, len(phi), m.numFeature)
	}
	if class < 0 || class >= m.numOutput {
		return 0, 0, fmt.Errorf("%w: class %d, model has %d outputs", ErrInvalidInput, class, m.numOutput)
	}
	toFloat32(e.x, row)
	clear(phi)
	base, margin = m.baseMargin, m.baseMargin
	for i := range m.trees {
		t := &m.trees[i]
		if t.class != class {
			continue
		}
		base += float64(t.weight * t.nodes[0].mean)
		margin += float64(t.weight * t.leaf(e.x).value)
		if t.nodes[0].left < 0 {
			continue // a single leaf: its path has only the root, which explains nothing
		}
		e.path[0] = pathElem{}
		e.nodes, e.scale, e.phi = t.nodes, t.weight, phi
		e.recurse(0, 0, e.path, 1, 1, -1)
	}
	e.nodes, e.phi = nil, nil
	return base, margin, nil
}

// recurse is Algorithm 2 of Lundberg, Erion and Lee, "Consistent
// Individualized Feature Attribution for Tree Ensembles" (2018), with the
// cover (sum_hessian) of each node as the share of training data that
// reaches it, over the tree e.nodes scaled by e.scale, adding into e.phi.
// Node ni is a split node; its leaf children are handed to leaf.
// parent holds the path so far in its first depth entries; the path of this
// node is built in the slot right after it (parent[depth+1:]), so the
// buffer is only ever written forward and nothing is allocated.
//
// The arithmetic is that of the first implementation (kept in
// treeshap_old_test.go), operation for operation and in the same order, so
// the results have the same bits (TestTreeSHAPBitIdentical*): the cover
// ratios are divided at load time instead of at each visit (the same
// division), the copy of the parent's path is fused into extendPath, and
// leaf computes several unwound sums side by side.
func (e *Explainer) recurse(ni int32, depth int, parent []pathElem, pZero, pOne float64, pFeature int32) {
	path := parent[depth+1:]
	e.extend(path, parent, depth, pZero, pOne, pFeature)
	nd := &e.nodes[ni]
	xv := e.x[nd.feature]
	hot, cold := nd.right, nd.left
	hotZero, coldZero := nd.coverRight, nd.coverLeft
	switch {
	case xv != xv:
		if nd.defaultLeft {
			hot, cold = nd.left, nd.right
			hotZero, coldZero = nd.coverLeft, nd.coverRight
		}
	case xv < nd.threshold:
		hot, cold = nd.left, nd.right
		hotZero, coldZero = nd.coverLeft, nd.coverRight
	}
	inZero, inOne := 1.0, 1.0
	// If this feature was split on above, undo that split so it is redone here.
	f := nd.feature
	k := 1
	for ; k <= depth; k++ {
		if path[k].feature == f {
			break
		}
	}
	if k <= depth {
		inZero, inOne = path[k].zero, path[k].one
		unwindPath(path, depth, k)
		depth--
	}
	// A branch whose zero and one fractions are both 0 carries no weight:
	// every subset weight below it is 0, so it is skipped (which also avoids
	// 0/0 when a zero-cover branch splits again on a feature of the path).
	// So every entry of a path has one == 0 or 1 (the root's 1, inOne or 0),
	// and zero != 0 where one == 0, as leaf requires.
	if z := hotZero * inZero; z != 0 || inOne != 0 {
		if c := &e.nodes[hot]; c.left < 0 {
			e.leaf(path, depth+1, z, inOne, f, float64(c.value*e.scale))
		} else {
			e.recurse(hot, depth+1, path, z, inOne, f)
		}
	}
	if z := coldZero * inZero; z != 0 {
		if c := &e.nodes[cold]; c.left < 0 {
			e.leaf(path, depth+1, z, 0, f, float64(c.value*e.scale))
		} else {
			e.recurse(cold, depth+1, path, z, 0, f)
		}
	}
}

// leaf adds into e.phi the contributions of a leaf with value v whose path
// is the parent's path (its first depth entries) extended by (feature,
// zero, one): for each feature k on that path,
// unwoundPathSum(path, depth, k)·(one_k − zero_k)·v. It is the inner loop of
// TreeSHAP. The extended path is not built: its weights are computed as
// extend computes them, into e.w, and its entries are read from the parent.
// The sums are those of unwoundPathSum with three shortcuts: divisions
// become products with precomputed reciprocals; for entries with one == 0
// the sum does not depend on the entry except through a factor 1/zero, so
// it is computed once per leaf; and the sums of the entries with one == 1
// (the reciprocal is then 1, and a product with 1 is exact, so it is left
// out) are computed up to four at a time, in independent chains that the
// processor overlaps. The path's features are distinct, so the order in
// which the entries add to phi does not change any sum.
//
// Every entry after the root must have one == 1, or one == 0 and zero != 0:
// recurse builds no other path.
func (e *Explainer) leaf(parent []pathElem, depth int, zero, one float64, feature int32, v float64) {
	if depth == 0 {
		return
	}
	// The weights of the extended path (extend, without the copy), and the
	// entries split by their one fraction without a branch on it (which
	// the processor could not predict): the entries with one == 1 go to
	// oneZ/oneF[:n1], those with one == 0 to zeroZ/zeroF[:nz]. The order
	// of the entries in these lists does not matter (their sums are
	// independent and their features distinct).
	bx := e.coefB[depth][:depth] // (depth-i)/(depth+1)
	cx := e.coefC[depth][:len(bx)]
	parent = parent[:len(bx)]
	w := &e.w
	oneZ, oneF, zeroZ, zeroF := &e.oneZ, &e.oneF, &e.zeroZ, &e.zeroF
	n1, nz := uint8(0), uint8(0)
	{
		k := uint8(one)
		oneZ[n1], oneF[n1], zeroZ[nz], zeroF[nz] = zero, feature, zero, feature
		n1 += k
		nz += 1 - k
	}
	carry := 0.0
	for i := len(bx) - 1; i >= 1; i-- {
		el := &parent[i]
		pw := el.weight
		w[uint8(i+1)] = carry + float64(float64(one*pw)*cx[i])
		carry = float64(float64(zero*pw) * bx[i]) // rounded: carry is added next
		k := uint8(el.one)
		oneZ[n1], oneF[n1], zeroZ[nz], zeroF[nz] = el.zero, el.feature, el.zero, el.feature
		n1 += k
		nz += 1 - k
	}
	pw := parent[0].weight // the root: not an entry
	w[1] = carry + float64(float64(one*pw)*cx[0])
	w[0] = float64(float64(zero*pw) * bx[0])

	phi := e.phi
	a := e.coefA[depth][:len(bx)] // a[j] = (depth+1)/(j+1)
	b := bx                       // b[j] = (depth-j)/(depth+1)
	top := w[uint8(len(a))]
	if nz > 0 {
		s0 := 0.0
		for j := len(a) - 1; j >= 0; j-- {
			s0 += w[uint8(j)] / b[j]
		}
		for i := range nz {
			z := zeroZ[i]
			phi[zeroF[i]] += float64(float64((s0/z)*(0-z)) * v)
		}
	}
	g := uint8(0)
	for ; n1-g >= 4; g += 4 {
		z0, z1, z2, z3 := oneZ[g], oneZ[g+1], oneZ[g+2], oneZ[g+3]
		n0, n1, n2, n3 := top, top, top, top
		var w0, w1, w2, w3 float64
		for j := len(a) - 1; j >= 0; j-- {
			aj, bj, pj := a[j], b[j], w[uint8(j)]
			t0 := float64(n0 * aj)
			t1 := float64(n1 * aj)
			t2 := float64(n2 * aj)
			t3 := float64(n3 * aj)
			w0 += t0
			w1 += t1
			w2 += t2
			w3 += t3
			n0 = pj - float64(float64(t0*z0)*bj)
			n1 = pj - float64(float64(t1*z1)*bj)
			n2 = pj - float64(float64(t2*z2)*bj)
			n3 = pj - float64(float64(t3*z3)*bj)
		}
		phi[oneF[g]] += float64(float64(w0*(1-z0)) * v)
		phi[oneF[g+1]] += float64(float64(w1*(1-z1)) * v)
		phi[oneF[g+2]] += float64(float64(w2*(1-z2)) * v)
		phi[oneF[g+3]] += float64(float64(w3*(1-z3)) * v)
	}
	switch n1 - g {
	case 3:
		z0, z1, z2 := oneZ[g], oneZ[g+1], oneZ[g+2]
		n0, n1, n2 := top, top, top
		var w0, w1, w2 float64
		for j := len(a) - 1; j >= 0; j-- {
			aj, bj, pj := a[j], b[j], w[uint8(j)]
			t0 := float64(n0 * aj)
			t1 := float64(n1 * aj)
			t2 := float64(n2 * aj)
			w0 += t0
			w1 += t1
			w2 += t2
			n0 = pj - float64(float64(t0*z0)*bj)
			n1 = pj - float64(float64(t1*z1)*bj)
			n2 = pj - float64(float64(t2*z2)*bj)
		}
		phi[oneF[g]] += float64(float64(w0*(1-z0)) * v)
		phi[oneF[g+1]] += float64(float64(w1*(1-z1)) * v)
		phi[oneF[g+2]] += float64(float64(w2*(1-z2)) * v)
	case 2:
		z0, z1 := oneZ[g], oneZ[g+1]
		n0, n1 := top, top
		var w0, w1 float64
		for j := len(a) - 1; j >= 0; j-- {
			aj, bj, pj := a[j], b[j], w[uint8(j)]
			t0 := float64(n0 * aj)
			t1 := float64(n1 * aj)
			w0 += t0
			w1 += t1
			n0 = pj - float64(float64(t0*z0)*bj)
			n1 = pj - float64(float64(t1*z1)*bj)
		}
		phi[oneF[g]] += float64(float64(w0*(1-z0)) * v)
		phi[oneF[g+1]] += float64(float64(w1*(1-z1)) * v)
	case 1:
		z0 := oneZ[g]
		n0 := top
		var w0 float64
		for j := len(a) - 1; j >= 0; j-- {
			t0 := float64(n0 * a[j])
			w0 += t0
			n0 = w[uint8(j)] - float64(float64(t0*z0)*b[j])
		}
		phi[oneF[g]] += float64(float64(w0*(1-z0)) * v)
	}
}

// extend is extendPath with the divisions replaced by precomputed ratios,
// writing the path of length depth+1 into path from the parent's path of
// length depth (path and parent may be the same slice). The old code copied
// the parent's entries and then updated path[i+1].weight += x; here the
// value being updated is still in a register (carry), and carry + x is the
// same addition.
func (e *Explainer) extend(path, parent []pathElem, depth int, zero, one float64, feature int32) {
	carry := 0.0
	if depth == 0 {
		carry = 1
	}
	b := e.coefB[depth][:depth]  // (depth-i)/(depth+1)
	c := e.coefC[depth][:len(b)] // (i+1)/(depth+1)
	parent = parent[:len(b)]
	path = path[:len(b)+1]
	path[len(b)] = pathElem{feature: feature, zero: zero, one: one}
	for i := len(b) - 1; i >= 0; i-- {
		pw := parent[i].weight
		path[i] = parent[i]
		path[i+1].weight = carry + float64(float64(one*pw)*c[i])
		carry = float64(float64(zero*pw) * b[i]) // rounded: carry is added next
	}
	path[0].weight = carry
}

// unwindPath removes entry k from the path of length depth+1, undoing its
// extendPath.
func unwindPath(path []pathElem, depth, k int) {
	one, zero := path[k].one, path[k].zero
	next := path[depth].weight
	d1 := float64(depth + 1)
	for i := depth - 1; i >= 0; i-- {
		if one != 0 {
			tmp := path[i].weight
			path[i].weight = float64(next*d1) / float64(float64(i+1)*one)
			next = tmp - float64(float64(path[i].weight*zero)*float64(depth-i))/d1
		} else {
			path[i].weight = float64(path[i].weight*d1) / float64(zero*float64(depth-i))
		}
	}
	for i := k; i < depth; i++ {
		path[i].feature, path[i].zero, path[i].one = path[i+1].feature, path[i+1].zero, path[i+1].one
	}
}

// Explain returns the TreeSHAP attribution of row for output class, in
// margin space (log-odds for the logistic objectives). A NaN value is
// missing and is recorded as such in the attribution.
func (e *Explainer) Explain(row []float64, class int) (Attribution, error) {
	phi := make([]float64, e.m.numFeature)
	base, margin, err := e.Contributions(row, class, phi)
	if err != nil {
		return Attribution{}, err
	}
	a := Attribution{Method: MethodTreeSHAP, Space: SpaceMargin, Class: class, Base: base, Output: margin,
		Contributions: make([]Contribution, len(phi))}
	for i, p := range phi {
		v := row[i]
		a.Contributions[i] = Contribution{Feature: e.m.names[i], Value: v, Missing: math.IsNaN(v), Contribution: p}
	}
	if err := a.Validate(); err != nil {
		return Attribution{}, fmt.Errorf("%w: row value out of range: %w", ErrInvalidInput, err)
	}
	return a, nil
}

// Explain is a convenience for m.NewExplainer().Explain(row, class).
func (m *Model) Explain(row []float64, class int) (Attribution, error) {
	return m.NewExplainer().Explain(row, class)
}
