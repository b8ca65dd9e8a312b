package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// The example's data is the whole Statlog German Credit data set: 1,000
// distinct applicants, 800 training and 200 test rows, every line with
// exactly the model's features (the header names them in column order).
func TestDataIsTheWholeDataSet(t *testing.T) {
	cm, err := loadModel()
	if err != nil {
		t.Fatal(err)
	}
	if len(cm.samples) != 1000 {
		t.Fatalf("%d applicants, want 1000", len(cm.samples))
	}
	ids := map[string]bool{}
	lines := map[string]bool{}
	splits := map[string]int{}
	for _, s := range cm.samples {
		ids[s.id] = true
		lines[string(s.line)] = true
		splits[s.split]++
		if len(s.row) != len(cm.features) {
			t.Fatalf("%s: %d features, want %d", s.id, len(s.row), len(cm.features))
		}
	}
	if len(ids) != 1000 {
		t.Errorf("%d distinct applicant ids, want 1000", len(ids))
	}
	if len(lines) != 1000 {
		t.Errorf("%d distinct lines (record hashes), want 1000", len(lines))
	}
	if splits["train"] != 800 || splits["test"] != 200 {
		t.Errorf("split %v, want 800 train and 200 test", splits)
	}
	header, _, _ := bytes.Cut(applicantsCSV, []byte{'\n'})
	want := "applicant_id," + strings.Join(cm.features, ",") + ",sex,age_band,observed_default,split"
	if string(header) != want {
		t.Errorf("header\n%s\nis not the model's features\n%s", header, want)
	}
	// The hash of a record is the SHA-256 of its line's bytes.
	first := cm.samples[0]
	if !bytes.HasPrefix(first.line, []byte("A0001,")) || bytes.ContainsAny(first.line, "\r\n") {
		t.Errorf("first line %q", first.line)
	}
	if h := RecordHash(first.line); h == RecordHash(cm.samples[1].line) {
		t.Error("two records hash alike")
	}
}

// The default batch run scores every applicant of the data set once.
func TestDefaultRunScoresEveryApplicantOnce(t *testing.T) {
	cfg, err := parseFlags(nil, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.N != 1000 {
		t.Fatalf("default -n %d, want 1000", cfg.N)
	}
	cm, err := loadModel()
	if err != nil {
		t.Fatal(err)
	}
	apps := cm.applicants(cfg.N, 0)
	subjects := map[string]bool{}
	for _, a := range apps {
		subjects[a.Subject[strings.Index(a.Subject, "(")+1:len(a.Subject)-1]] = true
	}
	if len(subjects) != 1000 {
		t.Errorf("the default run scores %d distinct applicants, want 1000", len(subjects))
	}
	if _, err := parseFlags([]string{"-n", "1001"}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "1000 applicants") {
		t.Errorf("-n 1001: %v, want an error naming the data set's size", err)
	}
	if testing.Short() {
		t.Skip("-short: not running the 1,000-decision batch")
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"-workers", "2"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out.String(), errb.String())
	}
	for _, want := range []string{"Decided 1000 applications", "Recorded 1000 outcomes"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestParseApplicantsRejects(t *testing.T) {
	feats := []string{"a", "b"}
	head := "applicant_id,a,b,sex,age_band,observed_default,split\n"
	for name, data := range map[string]string{
		"empty":        "",
		"no newline":   head + "X,1,2,male,18-24,0,train",
		"header":       "applicant_id,b,a,sex,age_band,observed_default,split\nX,1,2,male,18-24,0,train\n",
		"no rows":      head,
		"short row":    head + "X,1,male,18-24,0,train\n",
		"duplicate id": head + "X,1,2,male,18-24,0,train\nX,1,3,male,18-24,0,train\n",
		"not a number": head + "X,1,two,male,18-24,0,train\n",
		"infinite":     head + "X,1,Inf,male,18-24,0,train\n",
		"bad default":  head + "X,1,2,male,18-24,2,train\n",
		"bad split":    head + "X,1,2,male,18-24,0,validate\n",
		"empty sex":    head + "X,1,2,,18-24,0,train\n",
		"crlf":         head + "X,1,2,male,18-24,0,train\r\n",
		"empty line":   head + "X,1,2,male,18-24,0,train\n\n",
		"empty id":     head + ",1,2,male,18-24,0,train\n",
	} {
		if _, err := parseApplicants([]byte(data), feats); !errors.Is(err, errData) {
			t.Errorf("%s: %v, want errData", name, err)
		}
	}
	s, err := parseApplicants([]byte(head+"X,1,,female,25-34,1,test\n"), feats)
	if err != nil || len(s) != 1 || s[0].outcome != "defaulted" || s[0].split != "test" || s[0].groups["sex"] != "female" {
		t.Fatalf("%+v %v", s, err)
	}
}

func FuzzParseApplicants(f *testing.F) {
	f.Add([]byte("applicant_id,a,b,sex,age_band,observed_default,split\nX,1,2,male,18-24,0,train\n"))
	f.Add(applicantsCSV[:2000])
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := parseApplicants(data, []string{"a", "b"})
		if err != nil {
			if !errors.Is(err, errData) {
				t.Fatalf("error %v is not errData", err)
			}
			return
		}
		for _, x := range s {
			if len(x.row) != 2 || x.id == "" {
				t.Fatalf("%+v", x)
			}
		}
	})
}
