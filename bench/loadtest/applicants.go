package loadtest

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Applicant is one row of the data set, as the body of POST /v1/decisions
// without its id and subject (which [Run] makes new for every request).
type Applicant struct {
	Row      string              // the data set's applicant_id
	Features map[string]*float64 // nil: an unknown value
	Groups   map[string]string   // the protected attributes (sex, age_band)
}

// The data set's columns that are not model features.
const (
	colID = "applicant_id"
)

var (
	groupCols = []string{"sex", "age_band"}
	otherCols = []string{"observed_default", "split"} // outcomes and the train/test split: not sent
)

// LoadApplicants reads the lending data set's CSV (applicants.csv): a
// header row naming applicant_id, the model's features, sex, age_band,
// observed_default and split. An empty cell, or NA, is an unknown value
// (JSON null).
func LoadApplicants(path string) ([]Applicant, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	apps, err := ParseApplicants(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return apps, nil
}

// ParseApplicants is [LoadApplicants] on a reader.
func ParseApplicants(r io.Reader) ([]Applicant, error) {
	cr := csv.NewReader(r)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	idCol := -1
	kind := make([]byte, len(head)) // 'i' id, 'g' group, 'o' other, 'f' feature
	for i, h := range head {
		switch {
		case h == colID:
			idCol, kind[i] = i, 'i'
		case slices.Contains(groupCols, h):
			kind[i] = 'g'
		case slices.Contains(otherCols, h):
			kind[i] = 'o'
		default:
			kind[i] = 'f'
		}
	}
	if idCol < 0 {
		return nil, fmt.Errorf("no %s column", colID)
	}
	var apps []Applicant
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		a := Applicant{Row: rec[idCol], Features: map[string]*float64{}, Groups: map[string]string{}}
		for i, v := range rec {
			switch kind[i] {
			case 'g':
				a.Groups[head[i]] = v
			case 'f':
				if v == "" || v == "NA" {
					a.Features[head[i]] = nil
					continue
				}
				x, err := strconv.ParseFloat(v, 64)
				if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
					return nil, fmt.Errorf("line %d: column %s: not a finite number", line, head[i])
				}
				a.Features[head[i]] = &x
			}
		}
		apps = append(apps, a)
	}
	if len(apps) == 0 {
		return nil, errors.New("no applicants")
	}
	return apps, nil
}

// bodies makes the requests' bodies: body(n) is applicant n mod len(apps)
// under id "PREFIX-N" and subject "PREFIX-N-subject" (or, with rows, the
// applicant's row id). Each applicant's features and groups are encoded
// once.
type bodies struct {
	prefix string
	rows   []string // nil: a new subject for every request
	tails  [][]byte // `,"features":...,"groups":...}` of each applicant
}

func newBodies(prefix string, apps []Applicant, rowSubjects bool) (*bodies, error) {
	if len(apps) == 0 {
		return nil, errors.New("loadtest: no applicants")
	}
	b := &bodies{prefix: prefix}
	if rowSubjects {
		for _, a := range apps {
			j, err := json.Marshal(a.Row)
			if err != nil {
				return nil, err
			}
			b.rows = append(b.rows, string(j[1:len(j)-1]))
		}
	}
	for _, a := range apps {
		j, err := json.Marshal(struct {
			Features map[string]*float64 `json:"features"`
			Groups   map[string]string   `json:"groups,omitempty"`
		}{a.Features, a.Groups})
		if err != nil {
			return nil, err
		}
		// j is {"features":...}: keep from the first key on.
		b.tails = append(b.tails, append([]byte{','}, j[1:]...))
	}
	return b, nil
}

// id is the decision id of request n.
func (b *bodies) id(n uint64) string { return b.prefix + "-" + strconv.FormatUint(n, 10) }

func (b *bodies) body(n uint64) []byte {
	id := b.id(n)
	i := n % uint64(len(b.tails))
	tail := b.tails[i]
	var s strings.Builder
	s.Grow(len(id)*2 + len(tail) + 32)
	s.WriteString(`{"id":"`)
	s.WriteString(id)
	s.WriteString(`","subject":"`)
	if b.rows != nil {
		s.WriteString(b.rows[i])
		s.WriteString(`"`)
	} else {
		s.WriteString(id)
		s.WriteString(`-subject"`)
	}
	s.Write(tail)
	return []byte(s.String())
}
