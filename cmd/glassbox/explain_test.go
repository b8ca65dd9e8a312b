package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/explain"
)

const explainTestdata = "../../explain/testdata/"

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), &cliEnv{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

// TestExplainCLIAgainstXGBoost feeds XGBoost's reference rows by feature
// name and checks every printed contribution against XGBoost's own
// pred_contribs.
func TestExplainCLIAgainstXGBoost(t *testing.T) {
	f, err := os.Open(explainTestdata + "binary_d8_missing.vectors.json.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(zr)
	var v struct {
		Rows        [][]*float64  `json:"rows"`
		Margins     [][]float64   `json:"margins"`
		Predictions [][]float64   `json:"predictions"`
		Contribs    [][][]float64 `json:"contribs"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	names := []string{"x0_a", "x1_b", "x2_c", "x3_d", "x4_e", "x5_f", "x6_g", "x7_h"}
	var in strings.Builder
	for _, r := range v.Rows {
		obj := map[string]any{}
		for j, x := range r {
			obj[names[j]] = x // nil -> null
		}
		b, _ := json.Marshal(obj)
		in.Write(b)
		in.WriteString("\n\n") // blank lines are skipped
	}
	model := explainTestdata + "binary_d8_missing.json.gz"
	code, out, stderr := runCLI(t, in.String(), "explain", "--model", model, "--attribution")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(v.Rows) {
		t.Fatalf("%d output lines for %d rows", len(lines), len(v.Rows))
	}
	for i, line := range lines {
		var o struct {
			Row           int                `json:"row"`
			Base          float64            `json:"base"`
			Margin        float64            `json:"margin"`
			Prediction    float64            `json:"prediction"`
			Contributions map[string]float64 `json:"contributions"`
			Missing       []string           `json:"missing"`
			Digest        string             `json:"digest"`
			Attribution   json.RawMessage    `json:"attribution"`
		}
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatal(err)
		}
		if o.Row != i+1 || math.Abs(o.Margin-v.Margins[i][0]) > 1e-5 || math.Abs(o.Prediction-v.Predictions[i][0]) > 1e-5 {
			t.Fatalf("row %d: %+v, XGBoost margin %v", i, o, v.Margins[i][0])
		}
		want := v.Contribs[i][0]
		if math.Abs(o.Base-want[len(want)-1]) > 1e-5 {
			t.Fatalf("row %d: base %v, XGBoost %v", i, o.Base, want[len(want)-1])
		}
		nMissing := 0
		for j, n := range names {
			if math.Abs(o.Contributions[n]-want[j]) > 1e-5 {
				t.Fatalf("row %d %s: %v, XGBoost %v", i, n, o.Contributions[n], want[j])
			}
			if v.Rows[i][j] == nil {
				nMissing++
			}
		}
		if len(o.Missing) != nMissing {
			t.Fatalf("row %d: missing %v, want %d", i, o.Missing, nMissing)
		}
		// The digest is SHA-256 over the domain and the printed canonical attribution.
		a, err := explain.ParseCanonical(o.Attribution)
		if err != nil {
			t.Fatal(err)
		}
		d := sha256.Sum256(append([]byte(explain.DigestDomain), o.Attribution...))
		if hex.EncodeToString(d[:]) != o.Digest || a.Output != o.Margin {
			t.Fatalf("row %d: digest %s does not match the attribution", i, o.Digest)
		}
	}
	// Feature order is the model's.
	if !strings.Contains(lines[0], `"contributions":{"x0_a":`) {
		t.Fatalf("contributions not in feature order: %s", lines[0])
	}
}

func TestExplainCLIReasons(t *testing.T) {
	dir := t.TempDir()
	texts := filepath.Join(dir, "texts.json")
	m := map[string]string{}
	for _, n := range []string{"x0_a", "x1_b", "x2_c", "x3_d", "x4_e", "x5_f", "x6_g", "x7_h"} {
		m[n] = "reason " + n
	}
	b, _ := json.Marshal(m)
	os.WriteFile(texts, b, 0o644)
	row := `{"x0_a":4,"x1_b":0.2,"x2_c":1.5,"x3_d":1.5,"x4_e":null,"x5_f":0,"x6_g":0,"x7_h":0,"sex":"F"}`
	model := explainTestdata + "binary_d8_missing.json.gz"
	code, out, stderr := runCLI(t, row, "explain", "--model", model, "--reasons", "2", "--reason-texts", texts, "--ignore-unknown")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var o struct {
		Contributions map[string]float64 `json:"contributions"`
		Reasons       []explain.Reason   `json:"reasons"`
	}
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Reasons) == 0 || len(o.Reasons) > 2 {
		t.Fatalf("reasons: %+v", o.Reasons)
	}
	for _, r := range o.Reasons {
		if r.Text != "reason "+r.Variable || math.Abs(o.Contributions[r.Variable]-r.Contribution) > 1e-12 || r.Contribution <= 0 {
			t.Fatalf("reason %+v vs contributions %v", r, o.Contributions)
		}
	}
}

func TestExplainCLIErrors(t *testing.T) {
	dir := t.TempDir()
	model := explainTestdata + "binary_d8_missing.json.gz"
	good := `{"x0_a":4,"x1_b":0.2,"x2_c":1.5,"x3_d":1.5,"x4_e":null,"x5_f":0,"x6_g":0,"x7_h":0}`
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"learner":{"objective":{"name":"rank:pairwise"}}}`), 0o644)
	texts := filepath.Join(dir, "texts.json")
	os.WriteFile(texts, []byte(`{"x0_a":"Too few years at the current address"}`), 0o644)
	cases := []struct {
		stdin string
		args  []string
		msg   string
	}{
		{good, []string{"explain"}, "--model is required"},
		{good, []string{"explain", "--model", filepath.Join(dir, "nope.json")}, "no such file"},
		{good, []string{"explain", "--model", bad}, "malformed"},
		{good, []string{"explain", "--model", model, "--class", "1"}, "--class 1"},
		{good, []string{"explain", "--model", model, "--reasons", "2", "--adverse", "sideways"}, "--adverse"},
		{good, []string{"explain", "--model", model, "extra"}, "unexpected arguments"},
		{good + "\n" + `{"x0_a":1}`, []string{"explain", "--model", model}, `line 2: feature "x1_b" is absent`},
		{strings.Replace(good, `"x5_f":0`, `"x5_f":"0"`, 1), []string{"explain", "--model", model}, "not a number"},
		{strings.Replace(good, `}`, `,"sex":"F"}`, 1), []string{"explain", "--model", model}, `"sex" is not a feature`},
		{`[1,2]`, []string{"explain", "--model", model}, "line 1"},
		{good + " {}", []string{"explain", "--model", model}, "line 1: want one JSON object of feature values: strictjson: trailing data"},
		{strings.Replace(good, `"x5_f":0`, `"x5_f":1e999`, 1), []string{"explain", "--model", model}, "finite"},
		{good, []string{"explain", "--model", model, "--reasons", "2", "--reason-texts", texts}, `no reason text for variable "x1_b"`},
		{good, []string{"explain", "--model", model, "--reasons", "2", "--reason-texts", bad}, "want a JSON object"},
	}
	for _, c := range cases {
		code, out, stderr := runCLI(t, c.stdin, c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.msg) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, stderr, c.msg)
		}
	}
}

// FuzzExplainRows feeds arbitrary input lines to the row reader: it either
// returns rows of the model's width, with finite values or NaN, or an error.
func FuzzExplainRows(f *testing.F) {
	m, err := loadModel(explainTestdata + "binary_d3.json.gz")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(`{"f0":1,"f1":2,"f2":3,"f3":4,"f4":5,"f5":6,"f6":7,"f7":null}`)
	f.Add(`{"f0":1e308,"f1":-0,"f2":3,"f3":4,"f4":5,"f5":6,"f6":7,"f7":null,"x":[]}` + "\n\n{}")
	f.Add(`{"f0":"1"}`)
	f.Add(`[` + "\n" + `]`)
	f.Fuzz(func(t *testing.T, in string) {
		for _, ignore := range []bool{false, true} {
			rows, err := readRows(strings.NewReader(in), m, ignore)
			if err != nil {
				continue
			}
			for _, r := range rows {
				if len(r.values) != m.NumFeature() {
					t.Fatalf("row of %d values", len(r.values))
				}
				for _, v := range r.values {
					if math.IsInf(v, 0) {
						t.Fatalf("infinite value accepted from %q", in)
					}
				}
				if _, err := m.Explain(r.values, 0); err != nil {
					t.Fatalf("accepted row cannot be explained: %v", err)
				}
			}
		}
	})
}
