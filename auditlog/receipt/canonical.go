package receipt

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"maps"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// The canonical form, written without reflection: the same bytes as
// encoding/json writes for the wire form (receipt.go, marshalJSON) with
// HTML escaping off. Features are written by their own MarshalJSON and
// the explanation by its canonical encoding, as encoding/json does (it
// only compacts what a Marshaler returns, and both are compact already).
// An invalid value is refused by check before anything is written.

// sizeHint guesses the length of r's canonical form.
func (r *Receipt) sizeHint() int {
	n := 512 + 2*len(r.Leaf) + 48*len(r.InclusionProof) + 2*len(r.Checkpoint)
	d := &r.Disclosures
	if d.Inputs != nil {
		n += 64 * len(d.Inputs.Value)
	}
	if d.Explanation != nil {
		n += 128 * len(d.Explanation.Value.Contributions)
	}
	return n
}

func (r *Receipt) appendCanonical(b []byte) ([]byte, error) {
	b = append(b, `{"format":`...)
	b = appendString(b, FormatV1)
	b = append(b, `,"origin":`...)
	b = appendString(b, r.Origin)
	b = append(b, `,"index":`...)
	b = strconv.AppendUint(b, r.Index, 10)
	b = append(b, `,"leaf":"`...)
	b = base64.StdEncoding.AppendEncode(b, r.Leaf)
	b = append(b, `","inclusion_proof":`...)
	b = appendHashes(b, r.InclusionProof)
	b = append(b, `,"checkpoint":`...)
	b = appendString(b, string(r.Checkpoint))
	b = append(b, `,"disclosures":{`...)
	d := &r.Disclosures
	sep := ""
	open := func(key string, salt []byte) {
		b = append(b, sep...)
		sep = ","
		b = append(b, '"')
		b = append(b, key...)
		b = append(b, `":{"salt":"`...)
		b = base64.StdEncoding.AppendEncode(b, salt)
		b = append(b, `","value":`...)
	}
	if d.Subject != nil {
		open("subject", d.Subject.Salt[:])
		b = appendString(b, d.Subject.Value)
		b = append(b, '}')
	}
	if d.Inputs != nil {
		open("inputs", d.Inputs.Salt[:])
		b = append(b, '[')
		for i, f := range d.Inputs.Value {
			if i > 0 {
				b = append(b, ',')
			}
			fb, err := f.MarshalJSON() // compact: it is json.Marshal's
			if err != nil {
				return nil, err
			}
			b = append(b, fb...)
		}
		b = append(b, "]}"...)
	}
	if d.Groups != nil {
		open("groups", d.Groups.Salt[:])
		b = append(b, `{"groups":[`...)
		for i, a := range d.Groups.Groups {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"name":`...)
			b = appendString(b, a.Name)
			b = append(b, `,"value":`...)
			b = appendString(b, a.Value)
			b = append(b, '}')
		}
		b = append(b, `],"weight":`...)
		var err error
		if b, err = appendFloat(b, d.Groups.Weight+0); err != nil {
			return nil, err
		}
		b = append(b, "}}"...)
	}
	if d.Metadata != nil {
		open("metadata", d.Metadata.Salt[:])
		b = append(b, '{')
		for i, k := range slices.Sorted(maps.Keys(d.Metadata.Value)) {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			b = appendString(b, d.Metadata.Value[k])
		}
		b = append(b, "}}"...)
	}
	if d.Explanation != nil {
		open("explanation", d.Explanation.Salt[:])
		var err error
		if b, err = d.Explanation.Value.AppendCanonical(b); err != nil {
			return nil, err
		}
		b = append(b, '}')
	}
	b = append(b, `},"anchor":`...)
	if a := r.Anchor; a == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"chain_id":`...)
		b = strconv.AppendUint(b, a.ChainID, 10)
		b = append(b, `,"contract":`...)
		b = appendHex0x(b, a.Contract[:])
		b = append(b, `,"log_id":`...)
		b = appendHex0x(b, a.LogID[:])
		b = append(b, `,"tree_size":`...)
		b = strconv.AppendUint(b, a.TreeSize, 10)
		b = append(b, `,"root":`...)
		b = appendHex0x(b, a.Root[:])
		b = append(b, `,"block_number":`...)
		b = strconv.AppendUint(b, a.BlockNumber, 10)
		b = append(b, `,"block_hash":`...)
		b = appendHex0x(b, a.BlockHash[:])
		b = append(b, `,"tx_hash":`...)
		b = appendHex0x(b, a.TxHash[:])
		b = append(b, `,"consistency_proof":`...)
		b = appendHashes(b, a.ConsistencyProof)
		b = append(b, '}')
	}
	return append(b, '}'), nil
}

func appendHashes(b []byte, hs []verify.Hash) []byte {
	b = append(b, '[')
	for i := range hs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = base64.StdEncoding.AppendEncode(b, hs[i][:])
		b = append(b, '"')
	}
	return append(b, ']')
}

func appendHex0x(b, v []byte) []byte {
	b = append(b, `"0x`...)
	b = hex.AppendEncode(b, v)
	return append(b, '"')
}

// appendString writes s as a JSON string as encoding/json does with HTML
// escaping off. Printable ASCII other than '"' and '\\', and valid UTF-8
// other than U+2028 and U+2029, are written as they are, '\n' as \n; any
// other string is written by encoding/json itself.
func appendString(b []byte, s string) []byte {
	start := len(b)
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f && c != '"' && c != '\\':
			b = append(b, c)
			i++
			continue
		case c == '\n':
			b = append(b, '\\', 'n')
			i++
			continue
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError && r != '\u2028' && r != '\u2029' {
				b = append(b, s[i:i+n]...)
				i += n
				continue
			}
		}
		return appendStringJSON(b[:start], s)
	}
	return append(b, '"')
}

func appendStringJSON(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// appendFloat writes x as encoding/json writes a float64.
func appendFloat(b []byte, x float64) ([]byte, error) {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return nil, &json.UnsupportedValueError{Str: strconv.FormatFloat(x, 'g', -1, 64)}
	}
	abs := math.Abs(x)
	f := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		f = 'e'
	}
	b = strconv.AppendFloat(b, x, f, -1, 64)
	if f == 'e' {
		// e-09 as e-9, as encoding/json writes it
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}
