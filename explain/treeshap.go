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
}

// NewExplainer returns an Explainer for m.
func (m *Model) NewExplainer() *Explainer {
	// Each recursion level copies the path (at most depth+2 entries) into a
	// fresh slot: (d+2)(d+3)/2 entries cover the deepest tree.
	d := m.maxDepth + 2
	return &Explainer{
		m:    m,
		x:    make([]float32, m.numFeature),
		path: make([]pathElem, d*(d+1)/2+d),
	}
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
		base += t.weight * t.nodes[0].mean
		margin += t.weight * t.leaf(e.x).value
		e.path[0] = pathElem{}
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
func (e *Explainer) recurse(nodes []node, scale float64, phi []float64, ni int32, depth int,
	parent []pathElem, pZero, pOne float64, pFeature int32) {
	path := parent[depth+1:]
	copy(path[:depth+1], parent[:depth+1])
	extendPath(path, depth, pZero, pOne, pFeature)
	nd := &nodes[ni]
	if nd.left < 0 {
		v := nd.value * scale
		for i := 1; i <= depth; i++ {
			w := unwoundPathSum(path, depth, i)
			el := &path[i]
			phi[el.feature] += w * (el.one - el.zero) * v
		}
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
		unwindPath(path, depth, k)
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

// unwindPath removes entry k from the path of length depth+1, undoing its
// extendPath.
func unwindPath(path []pathElem, depth, k int) {
	one, zero := path[k].one, path[k].zero
	next := path[depth].weight
	d1 := float64(depth + 1)
	for i := depth - 1; i >= 0; i-- {
		if one != 0 {
			tmp := path[i].weight
			path[i].weight = next * d1 / (float64(i+1) * one)
			next = tmp - path[i].weight*zero*float64(depth-i)/d1
		} else {
			path[i].weight = path[i].weight * d1 / (zero * float64(depth-i))
		}
	}
	for i := k; i < depth; i++ {
		path[i].feature, path[i].zero, path[i].one = path[i+1].feature, path[i+1].zero, path[i+1].one
	}
}

// unwoundPathSum returns the total weight the path would have with entry k
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
		return Attribution{}, fmt.Errorf("%w: row value out of range: %v", ErrInvalidInput, err)
	}
	return a, nil
}

// Explain is a convenience for m.NewExplainer().Explain(row, class).
func (m *Model) Explain(row []float64, class int) (Attribution, error) {
	return m.NewExplainer().Explain(row, class)
}
