package explain

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// This file holds the JSON side of the XGBoost loader: XGBoost's own JSON
// writer emits the bare tokens NaN, Infinity and -Infinity (which
// encoding/json refuses) and writes many numbers as strings, so the raw
// document is first rewritten and then decoded into flexible number types.

// quoteNonFinite returns data with every bare NaN, Infinity and -Infinity
// token outside of strings replaced by the same text in double quotes. Any
// other byte is copied unchanged, so malformed input stays malformed.
func quoteNonFinite(data []byte) []byte {
	if !bytes.Contains(data, []byte("NaN")) && !bytes.Contains(data, []byte("Infinity")) {
		return data
	}
	out := make([]byte, 0, len(data)+64)
	inString := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inString {
			out = append(out, c)
			switch c {
			case '\\':
				if i+1 < len(data) {
					i++
					out = append(out, data[i])
				}
			case '"':
				inString = false
			}
			continue
		}
		if c == '"' {
			inString = true
			out = append(out, c)
			continue
		}
		if tok := bareToken(data[i:]); tok != "" && (i == 0 || isDelim(data[i-1])) {
			out = append(out, '"')
			out = append(out, tok...)
			out = append(out, '"')
			i += len(tok) - 1
			continue
		}
		out = append(out, c)
	}
	return out
}

// bareToken reports which non-finite token starts b (and ends at a delimiter).
func bareToken(b []byte) string {
	for _, tok := range [...]string{"NaN", "Infinity", "-Infinity"} {
		if bytes.HasPrefix(b, []byte(tok)) && (len(b) == len(tok) || isDelim(b[len(tok)])) {
			return tok
		}
	}
	return ""
}

func isDelim(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', ':', '[', ']', '{', '}':
		return true
	}
	return false
}

// jnum is a JSON number that may also be written as a string ("5E-1",
// "NaN", "Infinity"), as XGBoost does for parameters and non-finite values.
type jnum float64

func (n *jnum) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	if s == "null" {
		return fmt.Errorf("number is null")
	}
	v, err := parseXGBFloat(s)
	if err != nil {
		return err
	}
	*n = jnum(v)
	return nil
}

// parseXGBFloat parses a number as XGBoost writes it. It accepts decimal
// and exponent forms and NaN, Infinity, -Infinity; it refuses hexadecimal
// floats, underscores and the other spellings strconv would take.
func parseXGBFloat(s string) (float64, error) {
	switch s {
	case "NaN":
		return math.NaN(), nil
	case "Infinity", "+Infinity", "inf", "+inf":
		return math.Inf(1), nil
	case "-Infinity", "-inf":
		return math.Inf(-1), nil
	}
	if s == "" || strings.ContainsAny(s, "xXpP_nNiI") {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return v, nil
}

// jint is a JSON integer that may be written as a string ("8") or as a
// number with an integral value.
type jint int64

func (n *jint) UnmarshalJSON(b []byte) error {
	var f jnum
	if err := f.UnmarshalJSON(b); err != nil {
		return err
	}
	v := float64(f)
	if v != math.Trunc(v) || math.Abs(v) > 1<<53 {
		return fmt.Errorf("%s is not an integer", b)
	}
	*n = jint(v)
	return nil
}

// jbool accepts true/false and the integers 0/1 (XGBoost writes default_left
// as integers).
type jbool bool

func (v *jbool) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case "true", "1":
		*v = true
	case "false", "0":
		*v = false
	default:
		return fmt.Errorf("%s is not a boolean", b)
	}
	return nil
}

// The subset of XGBoost's JSON model schema (version 1.x to 3.x) that this
// package reads. Unknown fields are ignored, as XGBoost itself does.
type xgbDoc struct {
	Learner *struct {
		FeatureNames     []string `json:"feature_names"`
		FeatureTypes     []string `json:"feature_types"`
		LearnerModelPram *struct {
			BaseScore  json.RawMessage `json:"base_score"`
			NumClass   *jint           `json:"num_class"`
			NumFeature *jint           `json:"num_feature"`
			NumTarget  *jint           `json:"num_target"`
		} `json:"learner_model_param"`
		Objective *struct {
			Name string `json:"name"`
		} `json:"objective"`
		GradientBooster *xgbBooster `json:"gradient_booster"`
	} `json:"learner"`
	Version []jint `json:"version"`
}

type xgbBooster struct {
	Name       string      `json:"name"`
	Model      *xgbTrees   `json:"model"`       // gbtree
	GBTree     *xgbBooster `json:"gbtree"`      // dart: the inner gbtree
	WeightDrop []jnum      `json:"weight_drop"` // dart: one weight per tree
}

type xgbTrees struct {
	Param *struct {
		NumTrees        *jint `json:"num_trees"`
		NumParallelTree *jint `json:"num_parallel_tree"`
		SizeLeafVector  *jint `json:"size_leaf_vector"`
	} `json:"gbtree_model_param"`
	TreeInfo []jint    `json:"tree_info"`
	Trees    []xgbTree `json:"trees"`
}

type xgbTree struct {
	TreeParam *struct {
		NumNodes       *jint `json:"num_nodes"`
		NumFeature     *jint `json:"num_feature"`
		SizeLeafVector *jint `json:"size_leaf_vector"`
	} `json:"tree_param"`
	LeftChildren    []jint  `json:"left_children"`
	RightChildren   []jint  `json:"right_children"`
	SplitIndices    []jint  `json:"split_indices"`
	SplitConditions []jnum  `json:"split_conditions"`
	DefaultLeft     []jbool `json:"default_left"`
	SumHessian      []jnum  `json:"sum_hessian"`
	SplitType       []jint  `json:"split_type"`
	Categories      []jint  `json:"categories"`
	CategoriesNodes []jint  `json:"categories_nodes"`
}

// parseBaseScore reads learner_model_param.base_score: a number, a string
// holding a number ("5E-1"), or a string holding a one-element vector
// ("[5E-1]", XGBoost 2 and later).
func parseBaseScore(raw json.RawMessage) (float64, error) {
	if len(raw) == 0 {
		return 0, fmt.Errorf("%w: learner_model_param.base_score is absent", ErrMalformedModel)
	}
	var s string
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, fmt.Errorf("%w: base_score: %v", ErrMalformedModel, err)
		}
	} else {
		s = string(raw)
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "[") {
		if !strings.HasSuffix(s, "]") {
			return 0, fmt.Errorf("%w: base_score %q: unterminated vector", ErrMalformedModel, s)
		}
		parts := strings.Split(s[1:len(s)-1], ",")
		if len(parts) != 1 {
			return 0, fmt.Errorf("%w: base_score %q has %d entries; only one intercept is supported", ErrUnsupported, s, len(parts))
		}
		s = strings.TrimSpace(parts[0])
	}
	v, err := parseXGBFloat(s)
	if err != nil {
		return 0, fmt.Errorf("%w: base_score: %v", ErrMalformedModel, err)
	}
	// XGBoost keeps base_score as a float32.
	return float64(float32(v)), nil
}
