package explain

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
)

// Objectives the XGBoost loader supports.
const (
	ObjectiveBinaryLogistic = "binary:logistic"
	ObjectiveRegLogistic    = "reg:logistic"
	ObjectiveSquaredError   = "reg:squarederror"
	ObjectiveMultiSoftprob  = "multi:softprob"
)

// Loader limits and defaults.
const (
	// DefaultMaxModelBytes bounds the size of a model file the loader reads.
	DefaultMaxModelBytes = 512 << 20
	// MaxTreeDepth is the deepest tree the loader accepts. TreeSHAP needs a
	// path buffer quadratic in the depth; XGBoost's depthwise trees are far
	// shallower, and deeper (lossguide) trees are refused rather than risking
	// unbounded memory.
	MaxTreeDepth = 128
)

// LoadOptions tunes [ReadXGBoost]. A nil *LoadOptions means the defaults.
type LoadOptions struct {
	// FeatureNames names the model's features when the model file does not
	// (XGBoost stores names only when the training data had them). It must
	// have the model's feature count. If the file has names, these must be
	// equal to them. Empty: the file's names, or XGBoost's defaults f0, f1, ...
	FeatureNames []string
	// MaxBytes bounds the model file size; 0 means DefaultMaxModelBytes.
	MaxBytes int64
}

// node is one tree node, laid out for traversal.
type node struct {
	left, right int32   // child indices, -1 for a leaf
	feature     int32   // split feature
	defaultLeft bool    // missing values go left
	threshold   float32 // go left when float32(x) < threshold
	value       float64 // leaf value as XGBoost stores it (float32)
	cover       float64 // sum_hessian
	mean        float64 // cover-weighted mean of the leaf values below
	// coverLeft and coverRight are cover(left)/cover and cover(right)/cover
	// of a split node: the share of its training data each child receives,
	// the "zero" fraction of TreeSHAP, divided once at load time.
	coverLeft, coverRight float64
}

type tree struct {
	nodes  []node
	depth  int     // edges on the longest root-leaf path
	class  int     // output group (tree_info)
	weight float64 // 1 for gbtree; weight_drop for DART
}

// Model is an XGBoost tree ensemble loaded from its JSON model file. It is
// immutable and safe for concurrent use; explanations that must not allocate
// use an [Explainer] per goroutine.
type Model struct {
	objective  string
	booster    string
	names      []string
	index      map[string]int
	numFeature int
	numOutput  int // 1, or num_class for multi:softprob
	baseScore  float64
	baseMargin float64
	trees      []tree
	maxDepth   int
	version    [3]int
}

// LoadXGBoostFile reads an XGBoost JSON model file (see [ReadXGBoost]).
func LoadXGBoostFile(path string, opts *LoadOptions) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadXGBoost(f, opts)
}

// ReadXGBoost reads an XGBoost JSON model, as written by XGBoost's
// save_model("model.json") (versions 1.x to 3.x).
//
// Supported: the gbtree and dart boosters; the objectives binary:logistic,
// reg:logistic, reg:squarederror and multi:softprob; base_score written as a
// number, a string or a one-element vector string; NaN and Infinity tokens.
// Refused with [ErrUnsupported]: other boosters and objectives, categorical
// splits, vector leaves, trees deeper than [MaxTreeDepth]. Anything
// inconsistent is [ErrMalformedModel].
func ReadXGBoost(r io.Reader, opts *LoadOptions) (*Model, error) {
	var o LoadOptions
	if opts != nil {
		o = *opts
	}
	if o.MaxBytes == 0 {
		o.MaxBytes = DefaultMaxModelBytes
	}
	if o.MaxBytes < 0 {
		return nil, fmt.Errorf("%w: LoadOptions.MaxBytes %d is negative", ErrInvalidInput, o.MaxBytes)
	}
	data, err := io.ReadAll(io.LimitReader(r, o.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("explain: reading model: %w", err)
	}
	if int64(len(data)) > o.MaxBytes {
		return nil, fmt.Errorf("%w: model is larger than %d bytes", ErrMalformedModel, o.MaxBytes)
	}
	return parseXGBoost(data, &o)
}

// ParseXGBoost parses an XGBoost JSON model held in memory (see [ReadXGBoost]).
func ParseXGBoost(data []byte, opts *LoadOptions) (*Model, error) {
	return ReadXGBoost(bytes.NewReader(data), opts)
}

func parseXGBoost(data []byte, o *LoadOptions) (*Model, error) {
	var doc xgbDoc
	dec := json.NewDecoder(bytes.NewReader(quoteNonFinite(data)))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformedModel, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: trailing data after the model object", ErrMalformedModel)
	}
	l := doc.Learner
	if l == nil {
		return nil, fmt.Errorf("%w: no \"learner\" object (is this an XGBoost JSON model?)", ErrMalformedModel)
	}
	if l.LearnerModelPram == nil || l.LearnerModelPram.NumFeature == nil {
		return nil, fmt.Errorf("%w: learner.learner_model_param.num_feature is absent", ErrMalformedModel)
	}
	if l.Objective == nil {
		return nil, fmt.Errorf("%w: learner.objective is absent", ErrMalformedModel)
	}
	if l.GradientBooster == nil {
		return nil, fmt.Errorf("%w: learner.gradient_booster is absent", ErrMalformedModel)
	}
	m := &Model{objective: l.Objective.Name, booster: l.GradientBooster.Name}
	for i := 0; i < len(doc.Version) && i < 3; i++ {
		m.version[i] = int(doc.Version[i])
	}
	lp := l.LearnerModelPram
	nf := int64(*lp.NumFeature)
	if nf < 1 || nf > 1<<24 {
		return nil, fmt.Errorf("%w: num_feature %d out of range", ErrMalformedModel, nf)
	}
	m.numFeature = int(nf)
	if lp.NumTarget != nil && *lp.NumTarget > 1 {
		return nil, fmt.Errorf("%w: multi-target model (num_target %d)", ErrUnsupported, *lp.NumTarget)
	}
	numClass := int64(0)
	if lp.NumClass != nil {
		numClass = int64(*lp.NumClass)
	}
	switch m.objective {
	case ObjectiveBinaryLogistic, ObjectiveRegLogistic, ObjectiveSquaredError:
		if numClass > 1 {
			return nil, fmt.Errorf("%w: objective %s with num_class %d", ErrMalformedModel, m.objective, numClass)
		}
		m.numOutput = 1
	case ObjectiveMultiSoftprob:
		if numClass < 2 || numClass > 1<<16 {
			return nil, fmt.Errorf("%w: multi:softprob with num_class %d", ErrMalformedModel, numClass)
		}
		m.numOutput = int(numClass)
	case "":
		return nil, fmt.Errorf("%w: learner.objective.name is empty", ErrMalformedModel)
	default:
		return nil, fmt.Errorf("%w: objective %q (supported: %s, %s, %s, %s)", ErrUnsupported, m.objective,
			ObjectiveBinaryLogistic, ObjectiveRegLogistic, ObjectiveSquaredError, ObjectiveMultiSoftprob)
	}
	bs, err := parseBaseScore(lp.BaseScore)
	if err != nil {
		return nil, err
	}
	m.baseScore = bs
	switch m.objective {
	case ObjectiveBinaryLogistic, ObjectiveRegLogistic:
		if !(bs > 0 && bs < 1) {
			return nil, fmt.Errorf("%w: base_score %v must be in (0, 1) for %s", ErrMalformedModel, bs, m.objective)
		}
		m.baseMargin = log(bs / (1 - bs)) // logit: base_score is stored as a probability; log: see exp.go
	default:
		if !finite(bs) {
			return nil, fmt.Errorf("%w: base_score %v is not finite", ErrMalformedModel, bs)
		}
		m.baseMargin = bs
	}
	if err := m.setNames(l.FeatureNames, o.FeatureNames); err != nil {
		return nil, err
	}
	for _, t := range l.FeatureTypes {
		if t == "c" {
			return nil, fmt.Errorf("%w: categorical features (feature_types has \"c\")", ErrUnsupported)
		}
	}

	gb := l.GradientBooster
	var weights []jnum
	switch gb.Name {
	case "gbtree":
	case "dart":
		if gb.GBTree == nil {
			return nil, fmt.Errorf("%w: dart booster without its \"gbtree\" object", ErrMalformedModel)
		}
		weights = gb.WeightDrop
		if weights == nil {
			return nil, fmt.Errorf("%w: dart booster without \"weight_drop\"", ErrMalformedModel)
		}
		gb = gb.GBTree
	case "gblinear":
		return nil, fmt.Errorf("%w: booster gblinear (use Linear with its coefficients)", ErrUnsupported)
	default:
		return nil, fmt.Errorf("%w: booster %q (supported: gbtree, dart)", ErrUnsupported, gb.Name)
	}
	tm := gb.Model
	if tm == nil {
		return nil, fmt.Errorf("%w: gradient_booster.model is absent", ErrMalformedModel)
	}
	if tm.Param != nil && tm.Param.SizeLeafVector != nil && *tm.Param.SizeLeafVector > 1 {
		return nil, fmt.Errorf("%w: vector leaves (size_leaf_vector %d)", ErrUnsupported, *tm.Param.SizeLeafVector)
	}
	if tm.Param != nil && tm.Param.NumTrees != nil && int(*tm.Param.NumTrees) != len(tm.Trees) {
		return nil, fmt.Errorf("%w: num_trees says %d, %d trees present", ErrMalformedModel, *tm.Param.NumTrees, len(tm.Trees))
	}
	if len(tm.TreeInfo) != len(tm.Trees) {
		return nil, fmt.Errorf("%w: tree_info has %d entries for %d trees", ErrMalformedModel, len(tm.TreeInfo), len(tm.Trees))
	}
	if weights != nil && len(weights) != len(tm.Trees) {
		return nil, fmt.Errorf("%w: weight_drop has %d entries for %d trees", ErrMalformedModel, len(weights), len(tm.Trees))
	}
	m.trees = make([]tree, len(tm.Trees))
	for i := range tm.Trees {
		t := &m.trees[i]
		if err := buildTree(t, &tm.Trees[i], m.numFeature); err != nil {
			return nil, fmt.Errorf("tree %d: %w", i, err)
		}
		c := int64(tm.TreeInfo[i])
		if c < 0 || c >= int64(m.numOutput) {
			return nil, fmt.Errorf("%w: tree %d: tree_info class %d out of range [0, %d)", ErrMalformedModel, i, c, m.numOutput)
		}
		t.class = int(c)
		t.weight = 1
		if weights != nil {
			w := float64(float32(weights[i]))
			if !finite(w) {
				return nil, fmt.Errorf("%w: tree %d: weight_drop %v is not finite", ErrMalformedModel, i, w)
			}
			t.weight = w
		}
		m.maxDepth = max(m.maxDepth, t.depth)
	}
	return m, nil
}

func (m *Model) setNames(fromFile, given []string) error {
	if len(fromFile) > 0 && len(fromFile) != m.numFeature {
		return fmt.Errorf("%w: %d feature_names for num_feature %d", ErrMalformedModel, len(fromFile), m.numFeature)
	}
	if len(given) > 0 && len(given) != m.numFeature {
		return fmt.Errorf("%w: %d feature names given for a model with %d features", ErrFeatureCount, len(given), m.numFeature)
	}
	names := fromFile
	if len(given) > 0 {
		if len(fromFile) > 0 {
			for i := range given {
				if given[i] != fromFile[i] {
					return fmt.Errorf("%w: feature %d is named %q in the model, %q in the options", ErrInvalidInput, i, fromFile[i], given[i])
				}
			}
		}
		names = given
	}
	if len(names) == 0 {
		names = make([]string, m.numFeature)
		for i := range names {
			names[i] = "f" + strconv.Itoa(i)
		}
	}
	m.names = append([]string(nil), names...)
	m.index = make(map[string]int, len(names))
	for i, n := range m.names {
		if n == "" {
			return fmt.Errorf("%w: feature %d has an empty name", ErrMalformedModel, i)
		}
		if _, dup := m.index[n]; dup {
			return fmt.Errorf("%w: duplicate feature name %q", ErrMalformedModel, n)
		}
		m.index[n] = i
	}
	return nil
}

// buildTree validates one JSON tree and converts it.
func buildTree(t *tree, x *xgbTree, numFeature int) error {
	n := len(x.LeftChildren)
	if x.TreeParam != nil && x.TreeParam.NumNodes != nil && int(*x.TreeParam.NumNodes) != n {
		return fmt.Errorf("%w: num_nodes %d but %d left_children", ErrMalformedModel, *x.TreeParam.NumNodes, n)
	}
	if x.TreeParam != nil && x.TreeParam.SizeLeafVector != nil && *x.TreeParam.SizeLeafVector > 1 {
		return fmt.Errorf("%w: vector leaves", ErrUnsupported)
	}
	if n == 0 {
		return fmt.Errorf("%w: tree has no nodes", ErrMalformedModel)
	}
	for name, l := range map[string]int{
		"right_children": len(x.RightChildren), "split_indices": len(x.SplitIndices),
		"split_conditions": len(x.SplitConditions), "default_left": len(x.DefaultLeft),
		"sum_hessian": len(x.SumHessian),
	} {
		if l != n {
			return fmt.Errorf("%w: %s has %d entries for %d nodes", ErrMalformedModel, name, l, n)
		}
	}
	if len(x.Categories) > 0 || len(x.CategoriesNodes) > 0 {
		return fmt.Errorf("%w: categorical splits", ErrUnsupported)
	}
	for i, st := range x.SplitType {
		if st != 0 {
			return fmt.Errorf("%w: node %d has a categorical split (split_type %d)", ErrUnsupported, i, st)
		}
	}
	t.nodes = make([]node, n)
	for i := range t.nodes {
		l, r := int64(x.LeftChildren[i]), int64(x.RightChildren[i])
		nd := &t.nodes[i]
		nd.cover = float64(float32(x.SumHessian[i]))
		if !(nd.cover >= 0) || math.IsInf(nd.cover, 0) {
			return fmt.Errorf("%w: node %d has cover (sum_hessian) %v", ErrMalformedModel, i, nd.cover)
		}
		if l == -1 && r == -1 {
			nd.left, nd.right, nd.feature = -1, -1, -1
			v := float64(float32(x.SplitConditions[i]))
			if !finite(v) {
				return fmt.Errorf("%w: leaf %d has value %v", ErrMalformedModel, i, v)
			}
			nd.value = v
			continue
		}
		if l <= 0 || l >= int64(n) || r <= 0 || r >= int64(n) || l == r {
			return fmt.Errorf("%w: node %d has children %d and %d (nodes: %d)", ErrMalformedModel, i, l, r, n)
		}
		f := int64(x.SplitIndices[i])
		if f < 0 || f >= int64(numFeature) {
			return fmt.Errorf("%w: node %d splits on feature %d, model has %d", ErrMalformedModel, i, f, numFeature)
		}
		if !(nd.cover > 0) || math.IsInf(nd.cover, 0) {
			return fmt.Errorf("%w: split node %d has cover (sum_hessian) %v; TreeSHAP needs a positive cover", ErrMalformedModel, i, nd.cover)
		}
		nd.left, nd.right, nd.feature = int32(l), int32(r), int32(f)
		nd.defaultLeft = bool(x.DefaultLeft[i])
		// NaN thresholds send every present value right, as in XGBoost.
		nd.threshold = float32(x.SplitConditions[i])
	}
	// Walk from the root: every reachable node is reached once (no cycles,
	// no shared children) and the depth is bounded.
	seen := make([]bool, n)
	type item struct{ idx, depth int32 }
	stack := []item{{0, 0}}
	seen[0] = true
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nd := &t.nodes[it.idx]
		t.depth = max(t.depth, int(it.depth))
		if nd.left < 0 {
			continue
		}
		if it.depth+1 > MaxTreeDepth {
			return fmt.Errorf("%w: tree deeper than %d", ErrUnsupported, MaxTreeDepth)
		}
		for _, c := range [2]int32{nd.left, nd.right} {
			if seen[c] {
				return fmt.Errorf("%w: node %d is reached twice (cycle or shared child)", ErrMalformedModel, c)
			}
			seen[c] = true
			stack = append(stack, item{c, it.depth + 1})
		}
	}
	fillMeans(t.nodes, 0)
	for i := range t.nodes {
		if nd := &t.nodes[i]; nd.left >= 0 {
			nd.coverLeft = t.nodes[nd.left].cover / nd.cover
			nd.coverRight = t.nodes[nd.right].cover / nd.cover
		}
	}
	return nil
}

// fillMeans computes each node's cover-weighted mean leaf value, as XGBoost
// does for the expected value: mean(n) = (mean(l)·cover(l) + mean(r)·cover(r)) / cover(n).
// The tree has been checked to be acyclic with depth at most MaxTreeDepth.
func fillMeans(nodes []node, i int32) float64 {
	nd := &nodes[i]
	if nd.left < 0 {
		nd.mean = nd.value
		return nd.mean
	}
	l := float64(fillMeans(nodes, nd.left) * nodes[nd.left].cover) // rounded: no fused multiply-add (exp.go)
	r := float64(fillMeans(nodes, nd.right) * nodes[nd.right].cover)
	nd.mean = (l + r) / nd.cover
	return nd.mean
}

// Objective returns the model's objective, e.g. "binary:logistic".
func (m *Model) Objective() string { return m.objective }

// Booster returns "gbtree" or "dart".
func (m *Model) Booster() string { return m.booster }

// NumFeature returns the number of input features a row must have.
func (m *Model) NumFeature() int { return m.numFeature }

// NumOutput returns the number of outputs: num_class for multi:softprob, 1 otherwise.
func (m *Model) NumOutput() int { return m.numOutput }

// NumTrees returns the number of trees.
func (m *Model) NumTrees() int { return len(m.trees) }

// MaxDepth returns the depth of the deepest tree.
func (m *Model) MaxDepth() int { return m.maxDepth }

// FeatureNames returns a copy of the feature names, in column order.
func (m *Model) FeatureNames() []string { return append([]string(nil), m.names...) }

// FeatureIndex returns the column of the named feature.
func (m *Model) FeatureIndex(name string) (int, bool) {
	i, ok := m.index[name]
	return i, ok
}

// BaseScore returns base_score as stored in the model (in output space: a
// probability for the logistic objectives).
func (m *Model) BaseScore() float64 { return m.baseScore }

// BaseMargin returns the base score in margin space (the logit of
// base_score for the logistic objectives).
func (m *Model) BaseMargin() float64 { return m.baseMargin }

// Version returns the XGBoost version that wrote the model, if recorded.
func (m *Model) Version() [3]int { return m.version }

// checkRow validates a row's length.
func (m *Model) checkRow(row []float64) error {
	if len(row) != m.numFeature {
		return fmt.Errorf("%w: row has %d values, model has %d features", ErrFeatureCount, len(row), m.numFeature)
	}
	return nil
}

// leaf returns the leaf of t that row x reaches. x holds the row converted
// to float32, as XGBoost converts its input; NaN is missing.
func (t *tree) leaf(x []float32) *node {
	nodes := t.nodes
	nd := &nodes[0]
	for nd.left >= 0 {
		v := x[nd.feature]
		var next int32
		switch {
		case v != v: // NaN: missing
			if nd.defaultLeft {
				next = nd.left
			} else {
				next = nd.right
			}
		case v < nd.threshold:
			next = nd.left
		default:
			next = nd.right
		}
		nd = &nodes[next]
	}
	return nd
}

// toFloat32 converts row into dst as XGBoost does with its input.
func toFloat32(dst []float32, row []float64) {
	for i, v := range row {
		dst[i] = float32(v)
	}
}

// Margin appends the model's raw outputs (before the link) for row to dst
// and returns it: one value per output ([Model.NumOutput]). NaN is missing.
func (m *Model) Margin(row []float64, dst []float64) ([]float64, error) {
	if err := m.checkRow(row); err != nil {
		return dst, err
	}
	x := make([]float32, len(row))
	toFloat32(x, row)
	return m.margin(x, dst), nil
}

func (m *Model) margin(x []float32, dst []float64) []float64 {
	n := len(dst)
	for range m.numOutput {
		dst = append(dst, m.baseMargin)
	}
	out := dst[n:]
	for i := range m.trees {
		t := &m.trees[i]
		out[t.class] += float64(t.weight * t.leaf(x).value)
	}
	return dst
}

// Predict appends the model's transformed outputs for row to dst: the
// probability for the logistic objectives, the class probabilities for
// multi:softprob, the margin itself for reg:squarederror.
func (m *Model) Predict(row []float64, dst []float64) ([]float64, error) {
	n := len(dst)
	dst, err := m.Margin(row, dst)
	if err != nil {
		return dst, err
	}
	m.transform(dst[n:])
	return dst, nil
}

// transform applies the objective's link inverse in place.
func (m *Model) transform(v []float64) {
	switch m.objective {
	case ObjectiveBinaryLogistic, ObjectiveRegLogistic:
		v[0] = Sigmoid(v[0])
	case ObjectiveMultiSoftprob:
		hi := math.Inf(-1)
		for _, x := range v {
			hi = max(hi, x)
		}
		sum := 0.0
		for i, x := range v {
			v[i] = exp(x - hi)
			sum += v[i]
		}
		for i := range v {
			v[i] /= sum
		}
	}
}

// Sigmoid is the logistic function 1/(1+e^-x), with the same bits on
// every platform (see exp.go).
func Sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + exp(-x))
	}
	e := exp(x)
	return e / (1 + e)
}
