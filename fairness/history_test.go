package fairness

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// history is a list of decisions with everything both paths need; countsOf
// aggregates it the way counters do (per model, version, UTC day, groups,
// decision, outcome), independently of the package's own code.
func history(n int, seed uint64) []Decision {
	rng := rand.New(rand.NewPCG(seed, 1))
	start := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC) // a Monday
	var out []Decision
	for i := 0; i < n; i++ {
		sex := []string{"F", "M"}[rng.IntN(2)]
		age := []string{"18-29", "30-49", "50+"}[rng.IntN(3)]
		p := 0.6
		if sex == "F" {
			p = 0.45
		}
		label := "deny"
		if rng.Float64() < p {
			label = "approve"
		}
		outcome := []string{"", "repaid", "default"}[rng.IntN(3)]
		groups := []record.Attr{{Name: "age_band", Value: age}, {Name: "sex", Value: sex}}
		if rng.IntN(20) == 0 {
			groups = groups[:1] // no sex recorded
		}
		out = append(out, Decision{
			Index:   uint64(i),
			ID:      "d" + string(rune('a'+i%26)),
			Time:    start.Add(time.Duration(rng.IntN(21*24*3600)) * time.Second),
			Model:   "credit",
			Version: []string{"1", "2"}[rng.IntN(2)],
			Label:   label,
			Outcome: outcome,
			Groups:  groups,
			Weight:  float64(1+rng.IntN(4)) / 4, // dyadic: sums are exact in any order
		})
	}
	return out
}

func countsOf(ds []Decision) []record.CountCell {
	type key struct{ model, version, day, groups, dec, out string }
	m := map[key]*record.CountCell{}
	var order []key
	for _, d := range ds {
		if d.Erased {
			continue
		}
		gb, _ := json.Marshal(d.Groups)
		k := key{d.Model, d.Version, d.Time.UTC().Format("2006-01-02"), string(gb), d.Label, d.Outcome}
		c, ok := m[k]
		if !ok {
			c = &record.CountCell{Model: d.Model, Version: d.Version, Day: k.day, Groups: d.Groups, Decision: d.Label, Outcome: d.Outcome}
			m[k] = c
			order = append(order, k)
		}
		c.Count++
		c.Weight += d.Weight
	}
	var out []record.CountCell
	for _, k := range order {
		out = append(out, *m[k])
	}
	return out
}

var testCheckpoint = Checkpoint{Origin: "example.com/log", Size: 1234, Root: [32]byte{1, 2, 3}, Note: []byte("example.com/log\n1234\nAQID\n\n— sig\n")}

func scanSource(ds []Decision) DecisionSource {
	return DecisionSourceFunc(func(ctx context.Context, model, version string, from, to time.Time, fn func(*Decision) error) (Checkpoint, error) {
		for i := range ds {
			d := ds[i]
			if err := fn(&d); err != nil {
				return Checkpoint{}, err
			}
		}
		return testCheckpoint, nil
	})
}

func reportJSON(t *testing.T, r *Report) string {
	t.Helper()
	r2 := *r
	r2.Source = ""
	b, err := json.Marshal(r2)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCountsAndScanAgree(t *testing.T) {
	ds := history(3000, 5)
	cells := countsOf(ds)
	rand.New(rand.NewPCG(3, 3)).Shuffle(len(cells), func(i, j int) { cells[i], cells[j] = cells[j], cells[i] })
	spec := Spec{Favourable: []string{"approve"}, Outcomes: true, FavourableOutcomes: []string{"repaid"}, Replicates: 200, Seed: 1}
	for _, q := range []Query{
		{Model: "credit", By: []string{"sex"}, Spec: spec},
		{Model: "credit", Version: "2", By: []string{"sex", "age_band"}, Spec: spec, Window: Week},
		{By: []string{"age_band"}, Spec: spec, Window: Day,
			From: time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 11, 12, 0, 0, 0, 0, time.UTC)},
	} {
		fast, err := ReportFromCounts(cells, testCheckpoint, &q)
		if err != nil {
			t.Fatal(err)
		}
		slow, err := ScanReport(context.Background(), scanSource(ds), &q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if fast.Source != "counters" || slow.Source != "scan" {
			t.Errorf("sources %q %q", fast.Source, slow.Source)
		}
		if a, b := reportJSON(t, fast), reportJSON(t, slow); a != b {
			t.Fatalf("query %+v: counters and scan differ:\n%s\n%s", q, a, b)
		}
		// Check the selection independently.
		var want uint64
		for _, d := range ds {
			if (q.Model == "" || d.Model == q.Model) && (q.Version == "" || d.Version == q.Version) &&
				(q.From.IsZero() || !d.Time.Before(q.From)) && (q.To.IsZero() || d.Time.Before(q.To)) {
				want++
			}
		}
		if fast.Decisions != want || fast.Metrics.Overall.Count != want {
			t.Errorf("report covers %d decisions, want %d", fast.Decisions, want)
		}
		if q.Window != NoWindow {
			var sum uint64
			for i, w := range fast.Series {
				sum += w.Decisions
				if i > 0 && !fast.Series[i-1].To.After(fast.Series[i-1].From) || (i > 0 && fast.Series[i-1].Window >= w.Window) {
					t.Errorf("series out of order at %d", i)
				}
			}
			if sum != want {
				t.Errorf("series covers %d decisions, want %d", sum, want)
			}
		}
		if !slices.Equal(fast.Query.By, q.By) || fast.Checkpoint.Size != testCheckpoint.Size {
			t.Error("report does not name its query and checkpoint")
		}
	}
}

func TestWeekWindows(t *testing.T) {
	for _, c := range []struct{ day, key, from string }{
		{"2026-11-23", "2026-W48", "2026-11-23"}, // Monday
		{"2026-11-29", "2026-W48", "2026-11-23"}, // Sunday
		{"2027-01-01", "2026-W53", "2026-12-28"}, // ISO week of the previous year
		{"2024-12-30", "2025-W01", "2024-12-30"},
	} {
		d, _ := time.Parse(time.DateOnly, c.day)
		key, from, to := windowOf(Week, d)
		if key != c.key || from.Format(time.DateOnly) != c.from || to.Sub(from) != 7*24*time.Hour {
			t.Errorf("week of %s = %s from %s to %s, want %s from %s", c.day, key, from, to, c.key, c.from)
		}
	}
	d, _ := time.Parse(time.DateOnly, "2026-11-23")
	if key, _, _ := windowOf(Day, d.Add(23*time.Hour)); key != "2026-11-23" {
		t.Errorf("day window %s", key)
	}
}

func TestScanFilterAndErased(t *testing.T) {
	ds := history(500, 8)
	q := &Query{By: []string{"sex"}, Spec: Spec{Favourable: []string{"approve"}, Replicates: -1}}
	all, err := ScanReport(context.Background(), scanSource(ds), q, nil)
	if err != nil {
		t.Fatal(err)
	}
	v1, err := ScanReport(context.Background(), scanSource(ds), q, func(d *Decision) bool { return d.Version == "1" })
	if err != nil {
		t.Fatal(err)
	}
	qv := *q
	qv.Model, qv.Version = "credit", "1"
	v1b, err := ReportFromCounts(countsOf(ds), testCheckpoint, &qv)
	if err != nil {
		t.Fatal(err)
	}
	if v1.Decisions != v1b.Decisions || v1.Decisions >= all.Decisions || v1.Decisions == 0 {
		t.Errorf("filtered scan covers %d decisions, counters %d, all %d", v1.Decisions, v1b.Decisions, all.Decisions)
	}
	ds[0].Erased, ds[0].Groups = true, nil
	ds[1].Erased, ds[1].Groups = true, nil
	er, err := ScanReport(context.Background(), scanSource(ds), q, nil)
	if err != nil {
		t.Fatal(err)
	}
	if er.Erased != 2 || er.Decisions != all.Decisions-2 {
		t.Errorf("after erasure: %d decisions, %d erased", er.Decisions, er.Erased)
	}
	stop := errors.New("stop")
	if _, err := ScanReport(context.Background(), DecisionSourceFunc(func(context.Context, string, string, time.Time, time.Time, func(*Decision) error) (Checkpoint, error) {
		return Checkpoint{}, stop
	}), q, nil); !errors.Is(err, stop) {
		t.Errorf("source error not passed on: %v", err)
	}
}

func TestQueryValidation(t *testing.T) {
	spec := Spec{Favourable: []string{"approve"}}
	noon := time.Date(2026, 11, 5, 12, 0, 0, 0, time.UTC)
	day := time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC)
	for _, q := range []*Query{
		nil,
		{Spec: spec},
		{By: []string{"a", "a"}, Spec: spec},
		{By: []string{"a"}, Spec: spec, Window: "month"},
		{By: []string{"a"}, Spec: spec, From: day, To: day},
		{By: []string{"a"}, Spec: spec, From: noon},
		{By: []string{"a"}},
		{By: []string{"a"}, Spec: spec, Version: "1"},
	} {
		if _, err := ReportFromCounts(nil, testCheckpoint, q); !errors.Is(err, ErrInvalid) {
			t.Errorf("query %+v: %v, want ErrInvalid", q, err)
		}
	}
	// The scan path takes any instant.
	q := &Query{By: []string{"a"}, Spec: spec, From: noon}
	r, err := ScanReport(context.Background(), scanSource(nil), q, nil)
	if err != nil || r.Metrics != nil || r.Decisions != 0 {
		t.Errorf("empty scan: %+v %v", r, err)
	}
	if _, err := ReportFromCounts([]record.CountCell{{Day: "23/11/2026", Decision: "x", Count: 1, Weight: 1}}, testCheckpoint, &Query{By: []string{"a"}, Spec: spec}); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad day accepted: %v", err)
	}
}

func TestCheckpointJSON(t *testing.T) {
	b, err := json.Marshal(testCheckpoint)
	if err != nil {
		t.Fatal(err)
	}
	var back Checkpoint
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Origin != testCheckpoint.Origin || back.Size != testCheckpoint.Size || back.Root != testCheckpoint.Root || string(back.Note) != string(testCheckpoint.Note) {
		t.Errorf("round trip %+v", back)
	}
	if err := json.Unmarshal([]byte(`{"root":"AQID"}`), &back); err == nil {
		t.Error("short root accepted")
	}
}

func FuzzCheckpointJSON(f *testing.F) {
	good, _ := json.Marshal(testCheckpoint)
	f.Add(good)
	f.Add([]byte(`{"origin":"o","tree_size":1,"root":"AQID"}`))
	f.Add([]byte(`{"root":"` + strings.Repeat("A", 43) + `="}`))
	f.Add([]byte(`{"lo":0,"hi":1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var c Checkpoint
		if err := json.Unmarshal(b, &c); err == nil {
			out, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			var back Checkpoint
			if err := json.Unmarshal(out, &back); err != nil || back.Origin != c.Origin || back.Size != c.Size || back.Root != c.Root || string(back.Note) != string(c.Note) {
				t.Fatalf("%s -> %s -> %+v (%v)", b, out, back, err)
			}
		}
		var iv Interval
		if err := json.Unmarshal(b, &iv); err == nil {
			if _, err := json.Marshal(iv); err != nil {
				t.Fatal(err)
			}
		}
	})
}
