package fairness

import (
	"bytes"
	"strings"
	"testing"
)

func TestWriteText(t *testing.T) {
	ds := history(400, 11)
	ds[3].Erased = true
	q := &Query{Model: "credit", By: []string{"sex", "age_band"}, Window: Week,
		Spec: Spec{Favourable: []string{"approve"}, Outcomes: true, FavourableOutcomes: []string{"repaid"}, Replicates: 100}}
	r, err := ScanReport(t.Context(), scanSource(ds), q, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"tree size 1234", "sex=F, age_band=18-29", "sex=(missing)", "(overall)", "(small)",
		"demographic parity", "equalized odds (worst case)", "Series by week", "2026-W45", "of erased subjects",
		"Reference group: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
		t.Errorf("text report shows NaN or Inf:\n%s", out)
	}
	if testing.Verbose() {
		t.Log("\n" + out)
	}
}

func TestWriteTextUndefined(t *testing.T) {
	ds := []Decision{
		{Model: "m", Label: "deny", Outcome: "default", Groups: nil, Weight: 1},
		{Model: "m", Label: "deny", Outcome: "default", Groups: nil, Weight: 1},
	}
	q := &Query{By: []string{"sex"}, MinCellSize: 1, Spec: Spec{Favourable: []string{"approve"}, Outcomes: true, FavourableOutcomes: []string{"repaid"}}}
	r, err := ScanReport(t.Context(), scanSource(ds), q, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"undefined[1]", "] undefined: " + ReasonFewGroups, ReasonNoPositives} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasSuffix(line, "undefined: ") {
			t.Errorf("a note without a reason: %q", line)
		}
	}
}
