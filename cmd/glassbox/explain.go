package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/internal/strictjson"
)

// explainCommand is `glassbox explain`: TreeSHAP explanations of rows for an
// XGBoost JSON model (docs/explain.md).
func explainCommand() command {
	return command{name: "explain", summary: "explain rows (JSON lines) with an XGBoost model: base, margin, SHAP values", run: runExplain}
}

// maxExplainLine bounds one input line.
const maxExplainLine = 16 << 20

// explainOutput is one output line.
type explainOutput struct {
	Row           int              `json:"row"`
	Class         int              `json:"class"`
	Base          float64          `json:"base"`
	Margin        float64          `json:"margin"`
	Prediction    float64          `json:"prediction"`
	Contributions orderedFloats    `json:"contributions"`
	Missing       []string         `json:"missing"`
	Digest        string           `json:"digest"`
	Reasons       []explain.Reason `json:"reasons,omitempty"`
	Attribution   json.RawMessage  `json:"attribution,omitempty"`
}

// orderedFloats is a JSON object whose keys keep the model's feature order.
type orderedFloats struct {
	keys []string
	vals []float64
}

func (o orderedFloats) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		vb, err := json.Marshal(o.vals[i])
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func runExplain(_ context.Context, env *cliEnv, args []string) int {
	fs := newFlagSet(env, "explain")
	modelPath := fs.String("model", "", "XGBoost JSON model file (`model.json`, may be gzip-compressed)")
	class := fs.Int("class", 0, "output class to explain (multi:softprob models)")
	reasons := fs.Int("reasons", 0, "also list the top `k` adverse-action reasons (0: none)")
	adverse := fs.String("adverse", "high", "which output is adverse for -reasons: `high` or low")
	groupSep := fs.String("group-sep", "", "for -reasons, sum one-hot columns named VAR<sep>LEVEL back into VAR (e.g. \"=\")")
	textsPath := fs.String("reason-texts", "", "for -reasons, a JSON `file` mapping each variable to its reason text")
	ignoreUnknown := fs.Bool("ignore-unknown", false, "ignore input keys that are not model features (default: error)")
	canonical := fs.Bool("attribution", false, "also print the canonical attribution whose SHA-256 is the digest")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: glassbox explain --model model.json [flags] < rows.jsonl")
		fmt.Fprintln(env.stderr, "\nEach input line is a JSON object of feature values by name (null: missing).")
		fmt.Fprintln(env.stderr, "Each output line holds the base value, the margin and each feature's TreeSHAP contribution.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() != 0 {
		return usageErr(env, "explain", "unexpected arguments %q (rows are read from standard input)", fs.Args())
	}
	if *modelPath == "" {
		return usageErr(env, "explain", "--model is required")
	}
	m, err := loadModel(*modelPath)
	if err != nil {
		return usageErr(env, "explain", "%v", err)
	}
	if *class < 0 || *class >= m.NumOutput() {
		return usageErr(env, "explain", "--class %d out of range: the model has %d output(s)", *class, m.NumOutput())
	}
	var ropts *explain.ReasonOptions
	if *reasons < 0 {
		return usageErr(env, "explain", "--reasons must be >= 0")
	}
	if *reasons > 0 {
		ropts = &explain.ReasonOptions{K: *reasons, Variables: explain.GroupByPrefix(m.FeatureNames(), *groupSep)}
		switch *adverse {
		case "high":
			ropts.Adverse = explain.AdverseHigh
		case "low":
			ropts.Adverse = explain.AdverseLow
		default:
			return usageErr(env, "explain", "--adverse must be high or low, not %q", *adverse)
		}
		if *textsPath != "" {
			b, err := os.ReadFile(*textsPath)
			if err != nil {
				return usageErr(env, "explain", "%v", err)
			}
			if err := strictjson.Decode(b, &ropts.Texts); err != nil {
				return usageErr(env, "explain", "%s: want a JSON object of variable -> text: %v", *textsPath, err)
			}
			// Every variable needs a text; check before printing anything.
			for _, f := range m.FeatureNames() {
				v := f
				if g, ok := ropts.Variables[f]; ok {
					v = g
				}
				if t, ok := ropts.Texts[v]; !ok || strings.TrimSpace(t) == "" {
					return usageErr(env, "explain", "%s: no reason text for variable %q", *textsPath, v)
				}
			}
		}
	}

	// Read and check every row first, so that bad input produces no output.
	rows, err := readRows(env.stdin, m, *ignoreUnknown)
	if err != nil {
		return usageErr(env, "explain", "%v", err)
	}
	e := m.NewExplainer()
	out := bufio.NewWriter(env.stdout)
	pred := make([]float64, 0, m.NumOutput())
	for i, row := range rows {
		a, err := e.Explain(row.values, *class)
		if err != nil {
			return usageErr(env, "explain", "line %d: %v", row.line, err)
		}
		pred, _ = m.Predict(row.values, pred[:0])
		d, err := a.Digest()
		if err != nil {
			return usageErr(env, "explain", "line %d: %v", row.line, err)
		}
		o := explainOutput{Row: i + 1, Class: *class, Base: a.Base, Margin: a.Output, Prediction: pred[*class],
			Missing: []string{}, Digest: hex.EncodeToString(d[:])}
		o.Contributions.keys = make([]string, len(a.Contributions))
		o.Contributions.vals = make([]float64, len(a.Contributions))
		for j, c := range a.Contributions {
			o.Contributions.keys[j], o.Contributions.vals[j] = c.Feature, c.Contribution
			if c.Missing {
				o.Missing = append(o.Missing, c.Feature)
			}
		}
		if ropts != nil {
			if o.Reasons, err = explain.Reasons(&a, ropts); err != nil {
				return usageErr(env, "explain", "%v", err)
			}
			if o.Reasons == nil {
				o.Reasons = []explain.Reason{}
			}
		}
		if *canonical {
			if o.Attribution, err = a.Canonical(); err != nil {
				return usageErr(env, "explain", "line %d: %v", row.line, err)
			}
		}
		if err := writeJSON(out, o); err != nil {
			return failed(env, "explain", "writing output: %v", err)
		}
	}
	if err := out.Flush(); err != nil {
		return failed(env, "explain", "writing output: %v", err)
	}
	return exitOK
}

// loadModel reads a model file, transparently gunzipping it.
func loadModel(path string) (*explain.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var r io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		r = zr
	}
	m, err := explain.ReadXGBoost(r, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

type inputRow struct {
	line   int
	values []float64
}

// readRows parses JSON lines of {"feature": number|null, ...}, each by the
// strictjson rules (valid UTF-8, one value, no duplicate keys). Every model
// feature must be present (null for missing); unknown keys are an error
// unless ignoreUnknown.
func readRows(r io.Reader, m *explain.Model, ignoreUnknown bool) ([]inputRow, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxExplainLine)
	names := m.FeatureNames()
	var rows []inputRow
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		var obj map[string]json.RawMessage
		if err := strictjson.Decode(text, &obj); err != nil {
			return nil, fmt.Errorf("line %d: want one JSON object of feature values: %w", line, err)
		}
		if obj == nil {
			return nil, fmt.Errorf("line %d: want a JSON object of feature values, not null", line)
		}
		row := make([]float64, len(names))
		for j, n := range names {
			raw, ok := obj[n]
			if !ok {
				return nil, fmt.Errorf("line %d: feature %q is absent (write null for a missing value)", line, n)
			}
			v, err := parseValue(raw)
			if err != nil {
				return nil, fmt.Errorf("line %d: feature %q: %v", line, n, err)
			}
			row[j] = v
		}
		if !ignoreUnknown {
			for k := range obj {
				if _, ok := m.FeatureIndex(k); !ok {
					return nil, fmt.Errorf("line %d: %q is not a feature of the model (use --ignore-unknown to skip such keys)", line, k)
				}
			}
		}
		rows = append(rows, inputRow{line: line, values: row})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading rows: %v", err)
	}
	return rows, nil
}

// parseValue reads a JSON number (as a float64) or null (missing: NaN).
func parseValue(raw json.RawMessage) (float64, error) {
	s := string(bytes.TrimSpace(raw))
	if s == "null" {
		return math.NaN(), nil
	}
	if len(s) == 0 || !(s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) {
		return 0, fmt.Errorf("value %s is not a number or null", s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, fmt.Errorf("value %s is not a finite number", s)
	}
	return v, nil
}
