package explain

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
)

// tinyModel is a hand-written two-tree binary:logistic model over 2
// features, in XGBoost's JSON layout.
const tinyModel = `{"learner":{"attributes":{},"feature_names":["income","debt"],"feature_types":[],
"gradient_booster":{"model":{"gbtree_model_param":{"num_parallel_tree":"1","num_trees":"2","size_leaf_vector":"0"},
"tree_info":[0,0],"trees":[
{"base_weights":[0,0,0],"categories":[],"categories_nodes":[],"categories_segments":[],"categories_sizes":[],
 "default_left":[1,0,0],"id":0,"left_children":[1,-1,-1],"loss_changes":[1,0,0],"parents":[2147483647,0,0],
 "right_children":[2,-1,-1],"split_conditions":[0.5,-0.25,0.75],"split_indices":[0,0,0],"split_type":[0,0,0],
 "sum_hessian":[10,6,4],"tree_param":{"num_deleted":"0","num_feature":"2","num_nodes":"3","size_leaf_vector":"0"}},
{"base_weights":[0,0,0,0,0],"categories":[],"categories_nodes":[],"categories_segments":[],"categories_sizes":[],
 "default_left":[0,1,0,0,0],"id":1,"left_children":[1,3,-1,-1,-1],"loss_changes":[1,1,0,0,0],"parents":[2147483647,0,0,1,1],
 "right_children":[2,4,-1,-1,-1],"split_conditions":[2,0.25,0.5,-0.5,0.125],"split_indices":[1,0,0,0,0],"split_type":[0,0,0,0,0],
 "sum_hessian":[10,7,3,5,2],"tree_param":{"num_deleted":"0","num_feature":"2","num_nodes":"5","size_leaf_vector":"0"}}]},
"name":"gbtree"},
"learner_model_param":{"base_score":"5E-1","boost_from_average":"1","num_class":"0","num_feature":"2","num_target":"1"},
"objective":{"name":"binary:logistic","reg_loss_param":{"scale_pos_weight":"1"}}},"version":[1,7,4]}`

func TestTinyModelByHand(t *testing.T) {
	m, err := ParseXGBoost([]byte(tinyModel), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Worked by hand: income=0.5 is not < 0.5, so tree 0 goes right (0.75);
	// debt=1 < 2 goes left, then income 0.5 is not < 0.25: right (0.125).
	got, err := m.Margin([]float64{0.5, 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != 0.875 {
		t.Fatalf("margin %v, want 0.875", got[0])
	}
	// Missing income: tree 0 default left (-0.25); tree 1: debt 1 < 2 left,
	// then income missing, node 1 default left (-0.5).
	got, _ = m.Margin([]float64{math.NaN(), 1}, nil)
	if got[0] != -0.75 {
		t.Fatalf("margin with missing income %v, want -0.75", got[0])
	}
	p, _ := m.Predict([]float64{0.5, 1}, nil)
	if math.Abs(p[0]-1/(1+math.Exp(-0.875))) > 1e-15 {
		t.Fatalf("probability %v", p[0])
	}
	// Expected value by hand: tree 0: (6*-0.25+4*0.75)/10 = 0.15;
	// tree 1: node 1 = (5*-0.5+2*0.125)/7, root = (7*node1 + 3*0.5)/10.
	n1 := (5*-0.5 + 2*0.125) / 7.0
	wantBase := 0.15 + (7*n1+3*0.5)/10
	a, err := m.Explain([]float64{0.5, 1}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(a.Base-wantBase) > 1e-15 {
		t.Fatalf("base %v, want %v", a.Base, wantBase)
	}
	if a.Contributions[0].Feature != "income" || a.Contributions[1].Feature != "debt" {
		t.Fatalf("names %+v", a.Contributions)
	}
	if _, err := m.Explain([]float64{0.5, 1}, 1); !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("class 1 of a binary model: %v", err)
	}
}

// edit decodes the tiny model, applies f and re-encodes it.
func edit(t *testing.T, f func(doc map[string]any)) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(tinyModel), &doc); err != nil {
		t.Fatal(err)
	}
	f(doc)
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func learner(doc map[string]any) map[string]any { return doc["learner"].(map[string]any) }
func lparam(doc map[string]any) map[string]any {
	return learner(doc)["learner_model_param"].(map[string]any)
}
func tree0(doc map[string]any) map[string]any {
	gb := learner(doc)["gradient_booster"].(map[string]any)
	return gb["model"].(map[string]any)["trees"].([]any)[0].(map[string]any)
}

func TestBaseScoreForms(t *testing.T) {
	row := []float64{0.25, 3}
	ref, _ := ParseXGBoost([]byte(tinyModel), nil)
	want, _ := ref.Margin(row, nil)
	for _, bs := range []any{"[5E-1]", 0.5, "0.5", "[0.5]", " [ 5E-1 ] "} {
		m, err := ParseXGBoost(edit(t, func(d map[string]any) { lparam(d)["base_score"] = bs }), nil)
		if err != nil {
			t.Fatalf("base_score %v: %v", bs, err)
		}
		got, _ := m.Margin(row, nil)
		if got[0] != want[0] || m.BaseMargin() != 0 {
			t.Fatalf("base_score %v: margin %v, want %v", bs, got[0], want[0])
		}
	}
	// The link is applied: base_score 0.8 for a logistic model is a margin of logit(0.8).
	m, err := ParseXGBoost(edit(t, func(d map[string]any) { lparam(d)["base_score"] = "[8E-1]" }), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := math.Log(float64(float32(0.8)) / (1 - float64(float32(0.8)))); m.BaseMargin() != want {
		t.Fatalf("base margin %v, want %v", m.BaseMargin(), want)
	}
	// ... and not for squared error.
	m, err = ParseXGBoost(edit(t, func(d map[string]any) {
		lparam(d)["base_score"] = "[8E-1]"
		learner(d)["objective"] = map[string]any{"name": "reg:squarederror"}
	}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.BaseMargin() != float64(float32(0.8)) {
		t.Fatalf("squared error base margin %v", m.BaseMargin())
	}
}

// Newer XGBoost versions may write default_left as booleans and numbers as
// strings; both spellings must give the same model.
func TestAlternativeSpellings(t *testing.T) {
	ref, _ := ParseXGBoost([]byte(tinyModel), nil)
	m, err := ParseXGBoost(edit(t, func(d map[string]any) {
		tree0(d)["default_left"] = []any{true, false, false}
		tree0(d)["split_conditions"] = []any{"5E-1", "-2.5E-1", "7.5E-1"}
		lparam(d)["num_feature"] = 2.0
		learner(d)["gradient_booster"].(map[string]any)["model"].(map[string]any)["iteration_indptr"] = []any{0, 1, 2}
	}), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range [][]float64{{math.NaN(), 1}, {0.5, 1}, {0.49, 3}, {math.NaN(), math.NaN()}} {
		a, _ := ref.Margin(row, nil)
		b, _ := m.Margin(row, nil)
		if a[0] != b[0] {
			t.Fatalf("row %v: %v vs %v", row, a[0], b[0])
		}
	}
	for _, bad := range []any{[]any{"yes", 0, 0}, []any{2, 0, 0}} {
		if _, err := ParseXGBoost(edit(t, func(d map[string]any) { tree0(d)["default_left"] = bad }), nil); !errors.Is(err, ErrMalformedModel) {
			t.Errorf("default_left %v: %v", bad, err)
		}
	}
	if _, err := ParseXGBoost(edit(t, func(d map[string]any) { lparam(d)["num_feature"] = 2.5 }), nil); !errors.Is(err, ErrMalformedModel) {
		t.Errorf("fractional num_feature: %v", err)
	}
	if _, err := ParseXGBoost(edit(t, func(d map[string]any) { tree0(d)["split_conditions"] = []any{"0x1p-1", 0, 0} }), nil); !errors.Is(err, ErrMalformedModel) {
		t.Errorf("hex float: %v", err)
	}
}

func TestNonFiniteTokens(t *testing.T) {
	// XGBoost writes bare NaN/Infinity. An Infinity threshold sends every
	// present value left; a NaN threshold sends every present value right.
	placeholder := func(v float64) []byte {
		return edit(t, func(d map[string]any) {
			tr := tree0(d)
			tr["split_conditions"].([]any)[0] = v
			tr["loss_changes"].([]any)[1] = 424242.5
		})
	}
	inf := bytes.Replace(placeholder(123456.5), []byte("123456.5"), []byte("Infinity"), 1)
	inf = bytes.Replace(inf, []byte("424242.5"), []byte("NaN"), 1)
	mInf, err := ParseXGBoost(inf, nil)
	if err != nil {
		t.Fatal(err)
	}
	mBig, _ := ParseXGBoost(placeholder(math.MaxFloat32), nil)
	nan := bytes.Replace(placeholder(123456.5), []byte("123456.5"), []byte("NaN"), 1)
	mNaN, err := ParseXGBoost(nan, nil)
	if err != nil {
		t.Fatal(err)
	}
	mSmall, _ := ParseXGBoost(placeholder(-math.MaxFloat32), nil)
	for _, x := range []float64{-1e30, -1, 0, 0.5, 1, 1e30} {
		row := []float64{x, 1}
		a, _ := mInf.Margin(row, nil)
		b, _ := mBig.Margin(row, nil)
		if a[0] != b[0] {
			t.Errorf("x=%v: Infinity threshold gives %v, max-float threshold %v", x, a[0], b[0])
		}
		a, _ = mNaN.Margin(row, nil)
		b, _ = mSmall.Margin(row, nil)
		if a[0] != b[0] {
			t.Errorf("x=%v: NaN threshold gives %v, -max-float threshold %v", x, a[0], b[0])
		}
	}
	// A NaN inside a string is left alone.
	withString := edit(t, func(d map[string]any) { learner(d)["attributes"] = map[string]any{"note": "NaN, Infinity"} })
	if _, err := ParseXGBoost(withString, nil); err != nil {
		t.Fatal(err)
	}
}

func TestLoaderErrors(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want error
		msg  string
	}{
		{"empty", nil, ErrMalformedModel, ""},
		{"not json", []byte("hello"), ErrMalformedModel, ""},
		{"truncated", []byte(tinyModel[:len(tinyModel)/2]), ErrMalformedModel, ""},
		{"trailing", []byte(tinyModel + "{}"), ErrMalformedModel, "trailing"},
		{"no learner", []byte(`{"version":[1,7,4]}`), ErrMalformedModel, "learner"},
		{"objective", edit(t, func(d map[string]any) { learner(d)["objective"] = map[string]any{"name": "reg:gamma"} }), ErrUnsupported, "reg:gamma"},
		{"softmax", edit(t, func(d map[string]any) { learner(d)["objective"] = map[string]any{"name": "multi:softmax"} }), ErrUnsupported, "multi:softmax"},
		{"gblinear", edit(t, func(d map[string]any) { learner(d)["gradient_booster"].(map[string]any)["name"] = "gblinear" }), ErrUnsupported, "gblinear"},
		{"categorical split", edit(t, func(d map[string]any) { tree0(d)["split_type"] = []any{1, 0, 0} }), ErrUnsupported, "categorical"},
		{"categories", edit(t, func(d map[string]any) { tree0(d)["categories"] = []any{1} }), ErrUnsupported, "categorical"},
		{"feature types", edit(t, func(d map[string]any) { learner(d)["feature_types"] = []any{"q", "c"} }), ErrUnsupported, "categorical"},
		{"multi target", edit(t, func(d map[string]any) { lparam(d)["num_target"] = "2" }), ErrUnsupported, "num_target"},
		{"vector base score", edit(t, func(d map[string]any) { lparam(d)["base_score"] = "[0.5,0.5]" }), ErrUnsupported, "base_score"},
		{"base score range", edit(t, func(d map[string]any) { lparam(d)["base_score"] = "1.5" }), ErrMalformedModel, "base_score"},
		{"base score text", edit(t, func(d map[string]any) { lparam(d)["base_score"] = "half" }), ErrMalformedModel, "base_score"},
		{"child out of range", edit(t, func(d map[string]any) { tree0(d)["left_children"] = []any{7, -1, -1} }), ErrMalformedModel, "children"},
		{"cycle", edit(t, func(d map[string]any) {
			tr := tree0(d)
			tr["left_children"] = []any{1, 2, -1}
			tr["right_children"] = []any{2, 2, -1}
		}), ErrMalformedModel, ""},
		{"short array", edit(t, func(d map[string]any) { tree0(d)["sum_hessian"] = []any{10, 6} }), ErrMalformedModel, "sum_hessian"},
		{"split feature", edit(t, func(d map[string]any) { tree0(d)["split_indices"] = []any{5, 0, 0} }), ErrMalformedModel, "feature 5"},
		{"zero cover", edit(t, func(d map[string]any) { tree0(d)["sum_hessian"] = []any{0, 6, 4} }), ErrMalformedModel, "cover"},
		{"names count", edit(t, func(d map[string]any) { learner(d)["feature_names"] = []any{"a"} }), ErrMalformedModel, "feature_names"},
		{"duplicate names", edit(t, func(d map[string]any) { learner(d)["feature_names"] = []any{"a", "a"} }), ErrMalformedModel, "duplicate"},
		{"tree_info", edit(t, func(d map[string]any) {
			learner(d)["gradient_booster"].(map[string]any)["model"].(map[string]any)["tree_info"] = []any{0, 1}
		}), ErrMalformedModel, "tree_info"},
		{"num_trees", edit(t, func(d map[string]any) {
			learner(d)["gradient_booster"].(map[string]any)["model"].(map[string]any)["gbtree_model_param"].(map[string]any)["num_trees"] = "3"
		}), ErrMalformedModel, "num_trees"},
		{"dart without weights", edit(t, func(d map[string]any) {
			gb := learner(d)["gradient_booster"].(map[string]any)
			learner(d)["gradient_booster"] = map[string]any{"name": "dart", "gbtree": gb}
		}), ErrMalformedModel, "weight_drop"},
		{"leaf NaN", bytes.Replace([]byte(tinyModel), []byte("[0.5,-0.25,0.75]"), []byte("[0.5,NaN,0.75]"), 1), ErrMalformedModel, "leaf"},
	}
	for _, c := range cases {
		_, err := ParseXGBoost(c.data, nil)
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: err = %v, want %v containing %q", c.name, err, c.want, c.msg)
		}
	}
	// A DART model with its weights loads and scales each tree.
	dart := edit(t, func(d map[string]any) {
		gb := learner(d)["gradient_booster"].(map[string]any)
		learner(d)["gradient_booster"] = map[string]any{"name": "dart", "gbtree": gb, "weight_drop": []any{0.5, 2}}
	})
	m, err := ParseXGBoost(dart, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := m.Margin([]float64{0.5, 1}, nil); got[0] != 0.5*0.75+2*0.125 {
		t.Fatalf("dart margin %v", got[0])
	}
}

func TestFeatureCountAndNames(t *testing.T) {
	m, _ := ParseXGBoost([]byte(tinyModel), nil)
	for _, row := range [][]float64{{1}, {1, 2, 3}, nil} {
		if _, err := m.Margin(row, nil); !errors.Is(err, ErrFeatureCount) {
			t.Errorf("row %v: %v", row, err)
		}
		if _, err := m.Explain(row, 0); !errors.Is(err, ErrFeatureCount) {
			t.Errorf("explain row %v: %v", row, err)
		}
	}
	if _, _, err := m.NewExplainer().Contributions([]float64{1, 2}, 0, make([]float64, 3)); !errors.Is(err, ErrFeatureCount) {
		t.Errorf("phi length: %v", err)
	}
	if _, err := ParseXGBoost([]byte(tinyModel), &LoadOptions{FeatureNames: []string{"a", "b", "c"}}); !errors.Is(err, ErrFeatureCount) {
		t.Errorf("names count: %v", err)
	}
	if _, err := ParseXGBoost([]byte(tinyModel), &LoadOptions{FeatureNames: []string{"income", "loan"}}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("names differ from the file's: %v", err)
	}
	anon := edit(t, func(d map[string]any) { learner(d)["feature_names"] = []any{} })
	m, _ = ParseXGBoost(anon, nil)
	if n := m.FeatureNames(); n[0] != "f0" || n[1] != "f1" {
		t.Errorf("default names %v", n)
	}
	m, _ = ParseXGBoost(anon, &LoadOptions{FeatureNames: []string{"a", "b"}})
	if i, ok := m.FeatureIndex("b"); !ok || i != 1 {
		t.Errorf("FeatureIndex(b) = %d, %v", i, ok)
	}
	if _, err := ParseXGBoost([]byte(tinyModel), &LoadOptions{MaxBytes: 100}); !errors.Is(err, ErrMalformedModel) {
		t.Errorf("size limit: %v", err)
	}
	// An infinite input is a value (it goes right of every finite threshold)
	// but cannot be recorded in an attribution.
	if _, err := m.Margin([]float64{math.Inf(1), 0}, nil); err != nil {
		t.Errorf("infinite input: %v", err)
	}
	if _, err := m.Explain([]float64{math.Inf(1), 0}, 0); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("explain infinite input: %v", err)
	}
}

func FuzzReadXGBoost(f *testing.F) {
	f.Add([]byte(tinyModel))
	f.Add(readGz(f, "testdata/binary_d3.json.gz"))
	f.Add(readGz(f, "testdata/dart_d4.json.gz"))
	f.Add([]byte(strings.Replace(tinyModel, `"split_conditions":[0.5,`, `"split_conditions":[NaN,`, 1)))
	f.Add([]byte(strings.Replace(tinyModel, `"split_conditions":[0.5,`, `"split_conditions":[-Infinity,`, 1)))
	f.Add([]byte(`{"learner":{}}`))
	rows := [][]float64{{0, 0}, {math.NaN(), 1}, {0.5, math.NaN()}, {-1e9, 1e9}}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseXGBoost(data, nil)
		if err != nil {
			if !errors.Is(err, ErrMalformedModel) && !errors.Is(err, ErrUnsupported) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		e := m.NewExplainer()
		phi := make([]float64, m.NumFeature())
		for _, r := range rows {
			row := make([]float64, m.NumFeature())
			copy(row, r)
			for c := range m.NumOutput() {
				base, margin, err := e.Contributions(row, c, phi)
				if err != nil {
					t.Fatal(err)
				}
				sum := base
				for _, p := range phi {
					sum += p
				}
				scale := math.Abs(base) + math.Abs(margin) + 1
				for _, p := range phi {
					scale += math.Abs(p)
				}
				if finite(scale) && math.Abs(sum-margin) > 1e-9*scale {
					t.Fatalf("additivity: base %v + sum %v != margin %v", base, sum-base, margin)
				}
			}
		}
	})
}
