package explain

import (
	"encoding/json"
	"math"
	"testing"
)

// byteSource hands out fuzz bytes, then zeros.
type byteSource struct{ b []byte }

func (s *byteSource) next() int {
	if len(s.b) == 0 {
		return 0
	}
	c := s.b[0]
	s.b = s.b[1:]
	return int(c)
}

// randomModel builds an XGBoost JSON model from fuzz bytes: random shapes,
// repeated features on a path, uneven covers (including zero-cover
// children), thresholds on a small grid so that rows hit them exactly.
func randomModel(data []byte) (doc []byte, nfeat int, rows [][]float64) {
	s := &byteSource{data}
	nfeat = 1 + s.next()%4
	ntrees := 1 + s.next()%3
	var trees []any
	for range ntrees {
		var left, right, feat, dl []int
		var cond, cover []float64
		var grow func(depth int, c float64) int
		grow = func(depth int, c float64) int {
			i := len(left)
			left, right, feat, dl = append(left, -1), append(right, -1), append(feat, 0), append(dl, 0)
			cond, cover = append(cond, 0), append(cover, c)
			if depth >= 5 || s.next()%3 == 0 || c == 0 {
				cond[i] = float64(s.next()%17-8) / 4
				return i
			}
			feat[i] = s.next() % nfeat
			cond[i] = float64(s.next()%9-4) / 2
			dl[i] = s.next() % 2
			share := float64(s.next()%11) / 10 // 0..1: a child may get no cover
			l := grow(depth+1, c*share)
			r := grow(depth+1, c-c*share)
			left[i], right[i] = l, r
			return i
		}
		grow(0, float64(1+s.next()%50))
		n := len(left)
		split := make([]int, n)
		trees = append(trees, map[string]any{
			"left_children": left, "right_children": right, "split_indices": feat,
			"split_conditions": cond, "default_left": dl, "sum_hessian": cover, "split_type": split,
			"categories": []int{}, "categories_nodes": []int{},
			"tree_param": map[string]any{"num_nodes": n, "num_feature": nfeat, "size_leaf_vector": "0"},
		})
	}
	info := make([]int, ntrees)
	m := map[string]any{"learner": map[string]any{
		"feature_names": []string{}, "feature_types": []string{},
		"gradient_booster": map[string]any{"name": "gbtree", "model": map[string]any{
			"gbtree_model_param": map[string]any{"num_trees": ntrees, "num_parallel_tree": 1},
			"tree_info":          info, "trees": trees}},
		"learner_model_param": map[string]any{"base_score": "[2.5E-1]", "num_class": "0", "num_feature": nfeat},
		"objective":           map[string]any{"name": "binary:logistic"},
	}}
	doc, _ = json.Marshal(m)
	for range 3 {
		row := make([]float64, nfeat)
		for j := range row {
			v := s.next() % 12
			if v == 11 {
				row[j] = math.NaN()
			} else {
				row[j] = float64(v-5) / 2
			}
		}
		rows = append(rows, row)
	}
	return doc, nfeat, rows
}

// FuzzTreeSHAPAgainstReference compares the fast TreeSHAP with exact
// Shapley values by subset enumeration on random trees.
func FuzzTreeSHAPAgainstReference(f *testing.F) {
	f.Add([]byte{3, 2, 40, 1, 1, 3, 1, 5, 1, 2, 4, 7, 1, 1, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{1, 0, 10, 1, 0, 4, 0, 0, 1, 0, 4, 1, 10, 2, 2, 2, 2, 11, 11})
	f.Add([]byte{2, 1, 20, 1, 1, 2, 1, 10, 1, 1, 6, 0, 0, 1, 1, 0, 6, 1, 5, 9, 9, 9, 3, 3, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, _, rows := randomModel(data)
		m, err := ParseXGBoost(doc, nil)
		if err != nil {
			t.Fatalf("generated model rejected: %v\n%s", err, doc)
		}
		ref := parseRef(t, doc)
		e := m.NewExplainer()
		phi := make([]float64, m.NumFeature())
		for _, row := range rows {
			base, margin, err := e.Contributions(row, 0, phi)
			if err != nil {
				t.Fatal(err)
			}
			if rm := ref.margin(row, 0); math.Abs(rm-margin) > 1e-12 {
				t.Fatalf("margin %v, reference %v", margin, rm)
			}
			want, wantBase := ref.shapley(row, 0)
			if math.Abs(base-wantBase) > 1e-9 {
				t.Fatalf("base %v, reference %v", base, wantBase)
			}
			for j := range phi {
				if math.Abs(phi[j]-want[j]) > 1e-9 {
					t.Fatalf("row %v feature %d: TreeSHAP %v, exact Shapley %v\n%s", row, j, phi[j], want[j], doc)
				}
			}
		}
	})
}
