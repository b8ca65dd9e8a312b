package explain

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"
)

func attr(pairs ...any) *Attribution {
	a := &Attribution{Method: MethodTreeSHAP, Space: SpaceMargin}
	for i := 0; i < len(pairs); i += 2 {
		a.Contributions = append(a.Contributions, Contribution{Feature: pairs[i].(string), Value: 1, Contribution: pairs[i+1].(float64)})
		a.Output += pairs[i+1].(float64)
	}
	return a
}

func names(rs []Reason) []string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s:%g", r.Variable, r.Contribution))
	}
	return out
}

func TestReasons(t *testing.T) {
	a := attr("income", -0.5, "debt_ratio", 0.75, "purpose=car", 0.25, "purpose=education", 0.25,
		"purpose=other", -0.125, "delinquencies", 0.375, "age_of_file", 0.375, "inquiries", 0.0625, "savings", 0.0)
	// Default: 4 reasons, higher is adverse, each column on its own; the tie
	// between age_of_file and delinquencies is broken by name.
	got, err := Reasons(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"debt_ratio:0.75", "age_of_file:0.375", "delinquencies:0.375", "purpose=car:0.25"}
	if !reflect.DeepEqual(names(got), want) {
		t.Fatalf("got %v, want %v", names(got), want)
	}
	// One-hot columns summed: purpose = 0.25+0.25-0.125 = 0.375 ties too.
	opts := &ReasonOptions{K: 5, Variables: GroupByPrefix([]string{"purpose=car", "purpose=education", "purpose=other", "income"}, "=")}
	got, _ = Reasons(a, opts)
	want = []string{"debt_ratio:0.75", "age_of_file:0.375", "delinquencies:0.375", "purpose:0.375", "inquiries:0.0625"}
	if !reflect.DeepEqual(names(got), want) {
		t.Fatalf("grouped: got %v, want %v", names(got), want)
	}
	if !reflect.DeepEqual(got[3].Features, []string{"purpose=car", "purpose=education", "purpose=other"}) {
		t.Fatalf("features of purpose: %v", got[3].Features)
	}
	// Lower is adverse (the model scores approval): only income and
	// purpose=other pushed down; zero contributions are never reasons.
	got, _ = Reasons(a, &ReasonOptions{Adverse: AdverseLow})
	want = []string{"income:0.5", "purpose=other:0.125"}
	if !reflect.DeepEqual(names(got), want) {
		t.Fatalf("adverse low: got %v, want %v", names(got), want)
	}
	// Texts: used when present, an error when a variable has none.
	texts := map[string]string{"income": "Income insufficient for amount of credit requested", "purpose=other": "Purpose of credit"}
	got, err = Reasons(a, &ReasonOptions{Adverse: AdverseLow, Texts: texts})
	if err == nil {
		t.Fatalf("missing texts accepted: %v", got)
	}
	if !errors.Is(err, ErrInvalidInput) {
		t.Fatal(err)
	}
	for _, c := range a.Contributions {
		if _, ok := texts[c.Feature]; !ok {
			texts[c.Feature] = "text for " + c.Feature
		}
	}
	got, err = Reasons(a, &ReasonOptions{Adverse: AdverseLow, Texts: texts})
	if err != nil || got[0].Text != "Income insufficient for amount of credit requested" {
		t.Fatalf("texts: %v %v", got, err)
	}
	// The result does not depend on the order of the columns.
	rev := &Attribution{Method: a.Method, Space: a.Space}
	for i := len(a.Contributions) - 1; i >= 0; i-- {
		rev.Contributions = append(rev.Contributions, a.Contributions[i])
	}
	g1, _ := Reasons(a, &ReasonOptions{K: 9})
	g2, _ := Reasons(rev, &ReasonOptions{K: 9})
	if !reflect.DeepEqual(names(g1), names(g2)) {
		t.Fatalf("order-dependent: %v vs %v", names(g1), names(g2))
	}
	for _, o := range []*ReasonOptions{{K: -1}, {Adverse: 7}, {Variables: map[string]string{"income": ""}}} {
		if _, err := Reasons(a, o); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("options %+v: %v", o, err)
		}
	}
	bad := attr("x", math.NaN())
	if _, err := Reasons(bad, nil); !errors.Is(err, ErrInvalidAttribution) {
		t.Errorf("NaN contribution: %v", err)
	}
}

// TestReasonsOnModel ties reasons to a real model: the top reason toward a
// high score is the largest positive TreeSHAP value.
func TestReasonsOnModel(t *testing.T) {
	m, _, rows := loadVectors(t, "binary_d8_missing")
	for _, row := range rows[:20] {
		a, err := m.Explain(row, 0)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := Reasons(&a, nil)
		if err != nil {
			t.Fatal(err)
		}
		best, bestName := 0.0, ""
		for _, c := range a.Contributions {
			if c.Contribution > best {
				best, bestName = c.Contribution, c.Feature
			}
		}
		if bestName == "" {
			if len(rs) != 0 {
				t.Fatalf("reasons %v without a positive contribution", rs)
			}
			continue
		}
		if rs[0].Variable != bestName || len(rs) > DefaultReasonCount {
			t.Fatalf("top reason %v, want %s", rs[0], bestName)
		}
	}
}
