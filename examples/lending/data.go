package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"math"
	"strconv"
)

// The data file model/applicants.csv (written by model/gen_model.py): the
// whole Statlog German Credit data set, one line per applicant, after a
// header line
//
//	applicant_id,<the model's features in column order>,sex,age_band,observed_default,split
//
// sex and age_band are protected attributes, not model features;
// observed_default is 0 or 1; split is "train" or "test" (A0001-A0200 are
// the 200 held-out test rows, A0201-A1000 the 800 training rows). Lines
// end in "\n", cells have no quoting.

// dataRows is the number of applicants in the data file (the whole
// Statlog German Credit data set); loadModel checks it.
const dataRows = 1000

// dataColumns are the columns of the data file after the features.
var dataColumns = []string{"sex", "age_band", "observed_default", "split"}

// groupColumns are the data file's protected attributes, recorded as the
// decisions' groups.
var groupColumns = []string{"age_band", "sex"}

// RecordHash is the hash of one training record: SHA-256 of the exact
// bytes of its line in the data file, without the newline
// (model/README.md).
func RecordHash(line []byte) [32]byte { return sha256.Sum256(line) }

// errData is the sentinel of a malformed data file.
var errData = errors.New("malformed applicants data")

// parseApplicants reads the data file strictly: the header must name
// exactly the features, every line must have every cell, the ids must be
// distinct. A bad file is an error naming the line and the column.
func parseApplicants(data []byte, features []string) ([]sample, error) {
	fail := func(line int, format string, args ...any) error {
		return fmt.Errorf("%w: line %d: %s", errData, line, fmt.Sprintf(format, args...))
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("%w: empty", errData)
	}
	if data[len(data)-1] != '\n' {
		return nil, fmt.Errorf("%w: the last line does not end in a newline", errData)
	}
	lines := bytes.Split(data[:len(data)-1], []byte{'\n'})
	want := append(append([]string{"applicant_id"}, features...), dataColumns...)
	header := bytes.Split(lines[0], []byte{','})
	if len(header) != len(want) {
		return nil, fail(1, "header has %d columns, want %d (applicant_id, %d features, %d more)", len(header), len(want), len(features), len(dataColumns))
	}
	for i, h := range header {
		if string(h) != want[i] {
			return nil, fail(1, "column %d is %q, want %q", i+1, h, want[i])
		}
	}
	if len(lines) < 2 {
		return nil, fmt.Errorf("%w: no applicants", errData)
	}
	seen := map[string]int{}
	out := make([]sample, 0, len(lines)-1)
	nf := len(features)
	for k, ln := range lines[1:] {
		line := k + 2
		cells := bytes.Split(ln, []byte{','})
		if len(cells) != len(want) {
			return nil, fail(line, "%d cells, want %d", len(cells), len(want))
		}
		id := string(cells[0])
		if id == "" {
			return nil, fail(line, "applicant_id is empty")
		}
		if prev, dup := seen[id]; dup {
			return nil, fail(line, "applicant_id %q already on line %d", id, prev)
		}
		seen[id] = line
		s := sample{id: id, row: make([]float64, nf), groups: map[string]string{}, line: ln}
		for i := range nf {
			c := cells[1+i]
			if len(c) == 0 {
				s.row[i] = math.NaN() // a missing value
				continue
			}
			v, err := strconv.ParseFloat(string(c), 64)
			if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
				return nil, fail(line, "feature %q: %q is not a finite number", features[i], c)
			}
			s.row[i] = v
		}
		rest := cells[1+nf:]
		for i, name := range []string{"sex", "age_band"} {
			if len(rest[i]) == 0 {
				return nil, fail(line, "%s is empty", name)
			}
			s.groups[name] = string(rest[i])
		}
		switch string(rest[2]) {
		case "0":
			s.outcome = "repaid"
		case "1":
			s.outcome = "defaulted"
		default:
			return nil, fail(line, "observed_default %q is not 0 or 1", rest[2])
		}
		switch string(rest[3]) {
		case "train", "test":
			s.split = string(rest[3])
		default:
			return nil, fail(line, "split %q is not train or test", rest[3])
		}
		out = append(out, s)
	}
	return out, nil
}
