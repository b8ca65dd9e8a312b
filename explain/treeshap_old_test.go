package explain

import "fmt"

// This file keeps, unchanged but for the names, the TreeSHAP of method
// tree_shap_path_dependent as it was before the flattened explainer
// (treeshap.go) replaced it: the reference the bit-identity tests compare
// the new code with (TestTreeSHAPBitIdentical*). Do not optimise it.

// oldPathElem is one entry of TreeSHAP's unique feature path.
type oldPathElem struct {
	feature int32   // split feature, -1 for the root entry
	zero    float64 // fraction of "zero" (feature absent) paths flowing through
	one     float64 // fraction of "one" (feature present) paths: 1 or 0
	weight  float64 // permutation weight of this subset size
}

// oldExplainer computes TreeSHAP attributions for one [Model]. It owns scratch
// buffers sized once for the model, so Contributions does not
// allocate. An oldExplainer is not safe for concurrent use; create one per
// goroutine (they are cheap) and share the Model.
type oldExplainer struct {
	m    *Model
	x    []float32
	path []oldPathElem
	// coefA[d][j] = (d+1)/(j+1) and coefB[d][j] = (d-j)/(d+1): the
	// constants of unwoundPathSum for a path of length d+1;
	// coefC[d][j] = (j+1)/(d+1) completes those of extendPath.
	coefA, coefB, coefC [][]float64
}

// newOldExplainer returns an oldExplainer for m.
func newOldExplainer(m *Model) *oldExplainer {
	// Each recursion level copies the path (at most depth+2 entries) into a
	// fresh slot: (d+2)(d+3)/2 entries cover the deepest tree.
	d := m.maxDepth + 2
	e := &oldExplainer{
		m:     m,
		x:     make([]float32, m.numFeature),
		path:  make([]oldPathElem, d*(d+1)/2+d),
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
func (e *oldExplainer) Contributions(row []float64, class int, phi []float64) (base, margin float64, err error) {
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
		e.path[0] = oldPathElem{}
		e.recurse(t.nodes, t.weight, phi, 0, 0, e.path, 1, 1, -1)
	}
	return base, margin, nil
}

// recurse is Algorithm 2 of Lundberg, Erion and Lee, "Consistent
// Individualized Feature Attribution for Tree Ensembles" (2018), with the
// cover (sum_hessian) of each node as the share of training data that
// reaches it. parent holds the path so far in its first depth+1 entries; the
// path of this node is built in the slot right after it, so the buffer is
// only ever written forward and nothing is allocated.
func (e *oldExplainer) recurse(nodes []node, scale float64, phi []float64, ni int32, depth int,
	parent []oldPathElem, pZero, pOne float64, pFeature int32) {
	path := parent[depth+1:]
	copy(path[:depth+1], parent[:depth+1])
	e.extend(path, depth, pZero, pOne, pFeature)
	nd := &nodes[ni]
	if nd.left < 0 {
		e.leaf(path, depth, float64(nd.value*scale), phi)
		return
	}
	xv := e.x[nd.feature]
	hot, cold := nd.right, nd.left
	switch {
	case xv != xv:
		if nd.defaultLeft {
			hot, cold = nd.left, nd.right
		}
	case xv < nd.threshold:
		hot, cold = nd.left, nd.right
	}
	hotZero := nodes[hot].cover / nd.cover
	coldZero := nodes[cold].cover / nd.cover
	inZero, inOne := 1.0, 1.0
	// If this feature was split on above, undo that split so it is redone here.
	k := 1
	for ; k <= depth; k++ {
		if path[k].feature == nd.feature {
			break
		}
	}
	if k <= depth {
		inZero, inOne = path[k].zero, path[k].one
		oldUnwindPath(path, depth, k)
		depth--
	}
	// A branch whose zero and one fractions are both 0 carries no weight:
	// every subset weight below it is 0, so it is skipped (which also avoids
	// 0/0 when a zero-cover branch splits again on a feature of the path).
	if z := hotZero * inZero; z != 0 || inOne != 0 {
		e.recurse(nodes, scale, phi, hot, depth+1, path, z, inOne, nd.feature)
	}
	if z := coldZero * inZero; z != 0 {
		e.recurse(nodes, scale, phi, cold, depth+1, path, z, 0, nd.feature)
	}
}

// leaf adds the contributions of one leaf with value v: for each feature k
// on the path, unwoundPathSum(path, depth, k)·(one_k − zero_k)·v. It is the
// inner loop of TreeSHAP and computes the same sums as unwoundPathSum with
// two shortcuts: divisions become products with precomputed reciprocals,
// and for entries with one == 0 the sum does not depend on the entry except
// through a factor 1/zero, so it is computed once per leaf.
func (e *oldExplainer) leaf(path []oldPathElem, depth int, v float64, phi []float64) {
	if depth == 0 {
		return
	}
	a := e.coefA[depth] // a[j] = (depth+1)/(j+1)
	b := e.coefB[depth] // b[j] = (depth-j)/(depth+1)
	top := path[depth].weight
	s0, haveS0 := 0.0, false
	for i := 1; i <= depth; i++ {
		el := &path[i]
		var w float64
		switch {
		case el.one != 0:
			invOne := 1 / el.one
			zero := el.zero
			next := top
			for j := depth - 1; j >= 0; j-- {
				tmp := float64(float64(next*a[j]) * invOne)
				w += tmp
				next = path[j].weight - float64(float64(tmp*zero)*b[j])
			}
		case el.zero != 0:
			if !haveS0 {
				for j := depth - 1; j >= 0; j-- {
					s0 += path[j].weight / b[j]
				}
				haveS0 = true
			}
			w = s0 / el.zero
		}
		phi[el.feature] += float64(float64(w*(el.one-el.zero)) * v)
	}
}

// extend is extendPath with the divisions replaced by precomputed ratios.
func (e *oldExplainer) extend(path []oldPathElem, depth int, zero, one float64, feature int32) {
	w := 0.0
	if depth == 0 {
		w = 1
	}
	path[depth] = oldPathElem{feature: feature, zero: zero, one: one, weight: w}
	b := e.coefB[depth] // (depth-i)/(depth+1)
	c := e.coefC[depth] // (i+1)/(depth+1)
	for i := depth - 1; i >= 0; i-- {
		pw := path[i].weight
		path[i+1].weight += float64(float64(one*pw) * c[i])
		path[i].weight = float64(zero*pw) * b[i]
	}
}

// oldUnwindPath removes entry k from the path of length depth+1, undoing its
// extendPath.
func oldUnwindPath(path []oldPathElem, depth, k int) {
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
