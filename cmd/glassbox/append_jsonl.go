package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/glassbox-audit/glassbox/internal/strictjson"
)

// maxLineBytes bounds one JSON line of `glassbox append`.
const maxLineBytes = 4 << 20

// jsonLine is one parsed input line and its 1-based line number.
type jsonLine[T any] struct {
	line int
	v    T
}

// readJSONLines reads every non-blank line of r as one T (strictjson rules:
// valid UTF-8, one value, no duplicate keys, no unknown fields; then T's own
// UnmarshalJSON) and checks it with validate. It returns the first
// problem as an error naming the line; nothing is returned partially.
func readJSONLines[T any](r io.Reader, validate func(*T) error) ([]jsonLine[T], error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLineBytes)
	var out []jsonLine[T]
	n := 0
	for sc.Scan() {
		n++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var v T
		if err := strictjson.Decode(b, &v); err != nil {
			// Name the record when its id can still be read unambiguously
			// (with a duplicate key, the id itself may be the one repeated).
			var probe struct {
				ID         string `json:"id"`
				DecisionID string `json:"decision_id"`
			}
			if !errors.Is(err, strictjson.ErrDuplicateKey) && json.Unmarshal(b, &probe) == nil && probe.ID+probe.DecisionID != "" {
				return nil, fmt.Errorf("line %d: record %q: %w", n, probe.ID+probe.DecisionID, err)
			}
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if err := validate(&v); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, jsonLine[T]{line: n, v: v})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("line %d: line is longer than %d bytes", n+1, maxLineBytes)
		}
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	return out, nil
}
