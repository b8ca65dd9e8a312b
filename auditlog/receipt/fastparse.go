package receipt

import (
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/explain"
)

// The fast reading of a receipt: a receipt is canonical JSON, so its keys
// come in one order, with no spacing. decodeCanonical reads exactly that
// layout into the wire form, without reflection, and gives up (returns
// false) on anything else. It decides nothing: [Parse] then checks the
// wire form as before and re-encodes it, and only a receipt that encodes
// back to its exact bytes is accepted. Whenever the fast reading gives up,
// or its result does not encode back to the input, Parse reads the input
// again with encoding/json, so that every receipt refused is refused with
// the error it always had. On canonical input both readings give the same
// values: strings without escapes are taken as they are (an escaped
// string goes to encoding/json), numbers go to strconv as encoding/json
// sends them.

type scanner struct {
	b []byte
	i int
}

// lit consumes the literal l.
func (s *scanner) lit(l string) bool {
	if len(s.b)-s.i < len(l) || string(s.b[s.i:s.i+len(l)]) != l {
		return false
	}
	s.i += len(l)
	return true
}

func (s *scanner) peek(c byte) bool { return s.i < len(s.b) && s.b[s.i] == c }

// str consumes a JSON string.
func (s *scanner) str() (string, bool) {
	if !s.peek('"') {
		return "", false
	}
	start := s.i
	escaped := false
	for j := s.i + 1; j < len(s.b); j++ {
		switch c := s.b[j]; {
		case c == '\\':
			escaped = true
			j++
		case c < 0x20:
			return "", false
		case c == '"':
			s.i = j + 1
			if !escaped {
				if !utf8.Valid(s.b[start+1 : j]) {
					return "", false
				}
				return string(s.b[start+1 : j]), true
			}
			var out string
			if json.Unmarshal(s.b[start:s.i], &out) != nil {
				return "", false
			}
			return out, true
		}
	}
	return "", false
}

// num consumes the characters of a JSON number.
func (s *scanner) num() (string, bool) {
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		if (c < '0' || c > '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E' {
			break
		}
		s.i++
	}
	return string(s.b[start:s.i]), s.i > start
}

func (s *scanner) u64() (uint64, bool) {
	n, ok := s.num()
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseUint(n, 10, 64)
	return v, err == nil
}

func (s *scanner) f64() (float64, bool) {
	n, ok := s.num()
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(n, 64)
	return v, err == nil
}

func (s *scanner) integer() (int, bool) {
	n, ok := s.num()
	if !ok {
		return 0, false
	}
	v, err := strconv.Atoi(n)
	return v, err == nil
}

// array consumes a JSON array, calling elem for each element.
func (s *scanner) array(elem func() bool) bool {
	if !s.lit("[") {
		return false
	}
	if s.lit("]") {
		return true
	}
	for {
		if !elem() {
			return false
		}
		if s.lit("]") {
			return true
		}
		if !s.lit(",") {
			return false
		}
	}
}

func (s *scanner) strings() ([]string, bool) {
	out := []string{}
	ok := s.array(func() bool {
		v, ok := s.str()
		out = append(out, v)
		return ok
	})
	return out, ok
}

// salted consumes {"salt":"...","value": and returns the salt; the caller
// reads the value and the closing brace.
func (s *scanner) salted() (string, bool) {
	if !s.lit(`{"salt":`) {
		return "", false
	}
	salt, ok := s.str()
	return salt, ok && s.lit(`,"value":`)
}

// decodeCanonical reads the canonical layout of a receipt into w.
func decodeCanonical(b []byte, w *wireReceipt) bool {
	s := &scanner{b: b}
	var ok bool
	if !s.lit(`{"format":`) {
		return false
	}
	if w.Format, ok = s.str(); !ok || !s.lit(`,"origin":`) {
		return false
	}
	if w.Origin, ok = s.str(); !ok || !s.lit(`,"index":`) {
		return false
	}
	if w.Index, ok = s.u64(); !ok || !s.lit(`,"leaf":`) {
		return false
	}
	if w.Leaf, ok = s.str(); !ok || !s.lit(`,"inclusion_proof":`) {
		return false
	}
	if w.InclusionProof, ok = s.strings(); !ok || !s.lit(`,"checkpoint":`) {
		return false
	}
	if w.Checkpoint, ok = s.str(); !ok || !s.lit(`,"disclosures":{`) {
		return false
	}
	if !s.disclosures(&w.Disclosures) || !s.lit(`},"anchor":`) {
		return false
	}
	if !s.lit("null") {
		if w.Anchor = s.anchor(); w.Anchor == nil {
			return false
		}
	}
	return s.lit("}") && s.i == len(s.b)
}

func (s *scanner) disclosures(d *wireDisclosures) bool {
	sep := ""
	next := func(key string) bool {
		if s.lit(sep + `"` + key + `":`) {
			sep = ","
			return true
		}
		return false
	}
	if next("subject") {
		salt, ok := s.salted()
		v, ok2 := s.str()
		if !ok || !ok2 || !s.lit("}") {
			return false
		}
		d.Subject = &wireValue[string]{Salt: salt, Value: v}
	}
	if next("inputs") {
		salt, ok := s.salted()
		fs := []record.Feature{}
		if !ok || !s.array(func() bool {
			f, ok := s.feature()
			fs = append(fs, f)
			return ok
		}) || !s.lit("}") {
			return false
		}
		d.Inputs = &wireValue[[]record.Feature]{Salt: salt, Value: fs}
	}
	if next("groups") {
		salt, ok := s.salted()
		g := wireGroups{Groups: []record.Attr{}}
		if !ok || !s.lit(`{"groups":`) || !s.array(func() bool {
			var a record.Attr
			var ok1, ok2 bool
			if !s.lit(`{"name":`) {
				return false
			}
			a.Name, ok1 = s.str()
			if !ok1 || !s.lit(`,"value":`) {
				return false
			}
			a.Value, ok2 = s.str()
			g.Groups = append(g.Groups, a)
			return ok2 && s.lit("}")
		}) || !s.lit(`,"weight":`) {
			return false
		}
		if g.Weight, ok = s.f64(); !ok || !s.lit("}}") {
			return false
		}
		d.Groups = &wireValue[wireGroups]{Salt: salt, Value: g}
	}
	if next("metadata") {
		salt, ok := s.salted()
		if !ok || !s.lit("{") {
			return false
		}
		m := map[string]string{}
		if !s.lit("}") {
			for {
				k, ok1 := s.str()
				if !ok1 || !s.lit(":") {
					return false
				}
				v, ok2 := s.str()
				if !ok2 {
					return false
				}
				m[k] = v
				if s.lit("}") {
					break
				}
				if !s.lit(",") {
					return false
				}
			}
		}
		if !s.lit("}") {
			return false
		}
		d.Metadata = &wireValue[map[string]string]{Salt: salt, Value: m}
	}
	if next("explanation") {
		salt, ok := s.salted()
		a, ok2 := s.attribution()
		if !ok || !ok2 || !s.lit("}") {
			return false
		}
		d.Explanation = &wireValue[explain.Attribution]{Salt: salt, Value: a}
	}
	return true
}

// feature reads a feature as record.Feature's MarshalJSON writes it.
func (s *scanner) feature() (record.Feature, bool) {
	var f record.Feature
	if !s.lit(`{"name":`) {
		return f, false
	}
	name, ok := s.str()
	if !ok {
		return f, false
	}
	f.Name = name
	switch {
	case s.lit(`,"number":`):
		x, ok := s.f64()
		if !ok {
			return f, false
		}
		f.Value = record.Number(x)
	case s.lit(`,"integer":`):
		n, ok := s.num()
		if !ok {
			return f, false
		}
		i, err := strconv.ParseInt(n, 10, 64)
		if err != nil {
			return f, false
		}
		f.Value = record.Integer(i)
	case s.lit(`,"string":`):
		v, ok := s.str()
		if !ok {
			return f, false
		}
		f.Value = record.String(v)
	case s.lit(`,"bool":true`):
		f.Value = record.Bool(true)
	case s.lit(`,"bool":false`):
		f.Value = record.Bool(false)
	default:
		return f, false
	}
	return f, s.lit("}")
}

// attribution reads an attribution in explain's canonical encoding.
func (s *scanner) attribution() (explain.Attribution, bool) {
	var a explain.Attribution
	if !s.lit(`{"v":`) {
		return a, false
	}
	if v, ok := s.integer(); !ok || v != explain.CanonicalVersion || !s.lit(`,"method":`) {
		return a, false
	}
	m, ok := s.str()
	if !ok || !s.lit(`,"space":`) {
		return a, false
	}
	sp, ok := s.str()
	if !ok || !s.lit(`,"class":`) {
		return a, false
	}
	a.Method, a.Space = explain.Method(m), explain.Space(sp)
	if a.Class, ok = s.integer(); !ok || !s.lit(`,"base":`) {
		return a, false
	}
	if a.Base, ok = s.f64(); !ok || !s.lit(`,"output":`) {
		return a, false
	}
	if a.Output, ok = s.f64(); !ok || !s.lit(`,"contributions":`) {
		return a, false
	}
	a.Contributions = []explain.Contribution{}
	ok = s.array(func() bool {
		var c explain.Contribution
		var ok bool
		if !s.lit(`{"feature":`) {
			return false
		}
		if c.Feature, ok = s.str(); !ok {
			return false
		}
		switch {
		case s.lit(`,"value":null,"missing":true`):
			c.Value, c.Missing = math.NaN(), true
		case s.lit(`,"value":`):
			if c.Value, ok = s.f64(); !ok || !s.lit(`,"missing":false`) {
				return false
			}
		default:
			return false
		}
		if !s.lit(`,"contribution":`) {
			return false
		}
		if c.Contribution, ok = s.f64(); !ok {
			return false
		}
		a.Contributions = append(a.Contributions, c)
		return s.lit("}")
	})
	if !ok || !s.lit("}") || a.Validate() != nil {
		return explain.Attribution{}, false
	}
	return a, true
}

// anchor reads the anchor object, or returns nil.
func (s *scanner) anchor() *wireAnchor {
	var a wireAnchor
	var ok bool
	steps := []struct {
		key string
		str *string
		u   *uint64
	}{
		{`{"chain_id":`, nil, &a.ChainID},
		{`,"contract":`, &a.Contract, nil},
		{`,"log_id":`, &a.LogID, nil},
		{`,"tree_size":`, nil, &a.TreeSize},
		{`,"root":`, &a.Root, nil},
		{`,"block_number":`, nil, &a.BlockNumber},
		{`,"block_hash":`, &a.BlockHash, nil},
		{`,"tx_hash":`, &a.TxHash, nil},
	}
	for _, st := range steps {
		if !s.lit(st.key) {
			return nil
		}
		if st.str != nil {
			*st.str, ok = s.str()
		} else {
			*st.u, ok = s.u64()
		}
		if !ok {
			return nil
		}
	}
	if !s.lit(`,"consistency_proof":`) {
		return nil
	}
	if a.ConsistencyProof, ok = s.strings(); !ok || !s.lit("}") {
		return nil
	}
	return &a
}
