package decisions

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// Keys of the decisions layer, all inside its store namespace of the
// engine (see [auditlog.Store]). Integers are big-endian so that keys sort
// by them; strings are 16-bit length-prefixed so that no key is a prefix of
// another of the same family.
//
//	'i' id                      -> u64 index of the decision (the idempotency key of its entry)
//	'O' str id str label u64 time -> u64 index of the outcome (its idempotency key)
//	'o' u64 decision, u64 index -> outcome label (every outcome of a decision)
//	'u' tag u64 index           -> ""            (subject index; deleted by Erase)
//	's' subjectID u64 index     -> ""            (older subject index, rewritten as 'u' on a writable open)
//	'm' str model str version u64 index -> ""    (model index)
//	't' u64 time u64 index      -> ""            (time index)
//	'p' u64 index               -> 0x01 subjectID sealed | 0x00 (erased)
//	'c' u64 index               -> cell of the decision (deleted by Erase)
//	'N' bucket                  -> cells: group values, u64 count, f64 weight (fairness counters; buckets.go)
//	'n' cell                    -> u64 count f64 weight (older counters, moved into buckets on a writable open)
//	'l' u64 decision            -> latest outcome label
//	'K' subjectID               -> the subject's key (default key store)
//	'a' u64 index               -> ""            (access leaves; access.go)
//	'k'                         -> the log's subject secret
const (
	pfxID         = 'i'
	pfxOutcomeKey = 'O'
	pfxOutcome    = 'o'
	pfxSubject    = 's' // the older subject index, keyed by SubjectID
	pfxTag        = 'u'
	pfxModel      = 'm'
	pfxTime       = 't'
	pfxPayload    = 'p'
	pfxCell       = 'c'
	pfxCount      = 'n'
	pfxLatest     = 'l'
	pfxKey        = 'K'
	keySecret     = "k"
)

func appendU64(b []byte, v uint64) []byte { return binary.BigEndian.AppendUint64(b, v) }

func appendStr(b []byte, s string) []byte {
	b = binary.BigEndian.AppendUint16(b, uint16(len(s)))
	return append(b, s...)
}

func idKey(id string) []byte { return append([]byte{pfxID}, id...) }

// outcomeIDKey is the idempotency key of an outcome: one per (decision id,
// label, time).
func outcomeIDKey(o *record.Outcome) []byte {
	b := appendStr(appendStr([]byte{pfxOutcomeKey}, o.DecisionID), o.Label)
	return appendU64(b, uint64(o.Time.UnixNano()))
}

func outcomeKey(decision, index uint64) []byte {
	return appendU64(appendU64([]byte{pfxOutcome}, decision), index)
}

func outcomePrefix(decision uint64) []byte { return appendU64([]byte{pfxOutcome}, decision) }

func latestOutcomeKey(decision uint64) []byte { return appendU64([]byte{pfxLatest}, decision) }

func subjectPrefix(s SubjectID) []byte { return append([]byte{pfxSubject}, s[:]...) }

func subjectKey(s SubjectID, index uint64) []byte { return appendU64(subjectPrefix(s), index) }

// subjectTagSize is the size of a subject index tag.
const subjectTagSize = 16

// subjectTag is the subject's index tag: a keyed hash under the subject's
// own key, so that once Erase has deleted the key, nobody (the log secret
// and the KEK notwithstanding) can tell which subject an index key that
// survives in a file (say, an sstable boundary in the MANIFEST) belonged
// to. The SubjectID is not used: it can be recomputed from a subject by
// whoever holds the log secret.
func subjectTag(subjectKey []byte) [subjectTagSize]byte {
	m := hmac.New(sha256.New, subjectKey)
	m.Write([]byte("glassbox/v1/subject-index"))
	var t [subjectTagSize]byte
	copy(t[:], m.Sum(nil))
	return t
}

func tagPrefix(t [subjectTagSize]byte) []byte { return append([]byte{pfxTag}, t[:]...) }

func tagKey(t [subjectTagSize]byte, index uint64) []byte { return appendU64(tagPrefix(t), index) }

func modelPrefix(model, version string) []byte {
	b := appendStr([]byte{pfxModel}, model)
	if version == "" {
		return b
	}
	return appendStr(b, version)
}

func modelKey(model, version string, index uint64) []byte {
	return appendU64(appendStr(appendStr([]byte{pfxModel}, model), version), index)
}

func timeKey(t time.Time, index uint64) []byte {
	return appendU64(appendU64([]byte{pfxTime}, uint64(t.UnixNano())), index)
}

func payloadKey(index uint64) []byte { return appendU64([]byte{pfxPayload}, index) }

func cellKey(index uint64) []byte { return appendU64([]byte{pfxCell}, index) }

func keyKey(id SubjectID) []byte { return append([]byte{pfxKey}, id[:]...) }

func u64(b []byte) (uint64, error) {
	if len(b) != 8 {
		return 0, fmt.Errorf("%w: stored index has %d bytes", ErrCorrupt, len(b))
	}
	return binary.BigEndian.Uint64(b), nil
}

// lastU64 returns the index that ends an index key.
func lastU64(k []byte) uint64 {
	if len(k) < 8 {
		return math.MaxUint64
	}
	return binary.BigEndian.Uint64(k[len(k)-8:])
}

// cellOf returns the counter cell of a decision, without outcome.
func cellOf(l *record.Leaf, p *record.Payload) record.CountCell {
	return record.CountCell{
		Model:    l.Model.Name,
		Version:  l.Model.Version,
		Day:      l.Time.UTC().Format(time.DateOnly),
		Groups:   p.Groups, // sorted by name
		Decision: l.Output.Label,
	}
}

// encodeCell encodes a cell's key fields (not Count and Weight); the encoding
// sorts by model, version, day, so a model and version prefix and a day
// range select contiguous keys.
func encodeCell(c *record.CountCell) []byte {
	b := appendStr([]byte{pfxCount}, c.Model)
	b = appendStr(b, c.Version)
	b = appendStr(b, c.Day)
	if c.Erased {
		b = binary.BigEndian.AppendUint16(b, erasedGroups)
		return appendStr(appendStr(b, c.Decision), c.Outcome)
	}
	b = binary.BigEndian.AppendUint16(b, uint16(len(c.Groups)))
	for _, g := range c.Groups {
		b = appendStr(appendStr(b, g.Name), g.Value)
	}
	b = appendStr(b, c.Decision)
	return appendStr(b, c.Outcome)
}

// erasedGroups stands for the group count in the key of an erased cell
// (see [record.CountCell.Erased]); a decision has fewer groups.
const erasedGroups = 0xffff

// decodeCell reverses encodeCell.
func decodeCell(k []byte) (record.CountCell, error) {
	var c record.CountCell
	bad := fmt.Errorf("%w: malformed counter key %x", ErrCorrupt, k)
	if len(k) == 0 || k[0] != pfxCount {
		return c, bad
	}
	k = k[1:]
	str := func() (string, bool) {
		if len(k) < 2 {
			return "", false
		}
		n := int(binary.BigEndian.Uint16(k))
		if len(k) < 2+n {
			return "", false
		}
		s := string(k[2 : 2+n])
		k = k[2+n:]
		return s, true
	}
	var ok [6]bool
	c.Model, ok[0] = str()
	c.Version, ok[1] = str()
	c.Day, ok[2] = str()
	if !ok[0] || !ok[1] || !ok[2] || len(k) < 2 {
		return c, bad
	}
	n := int(binary.BigEndian.Uint16(k))
	k = k[2:]
	if n == erasedGroups {
		c.Erased, n = true, 0
	}
	c.Groups = make([]record.Attr, n)
	for i := range n {
		var a, b bool
		c.Groups[i].Name, a = str()
		c.Groups[i].Value, b = str()
		if !a || !b {
			return c, bad
		}
	}
	c.Decision, ok[3] = str()
	c.Outcome, ok[4] = str()
	if !ok[3] || !ok[4] || len(k) != 0 {
		return c, bad
	}
	return c, nil
}

// encodeCellValue is what a counter key holds.
func encodeCellValue(count uint64, weight float64) []byte {
	return binary.BigEndian.AppendUint64(appendU64(nil, count), math.Float64bits(weight))
}

func decodeCellValue(v []byte) (uint64, float64, error) {
	if len(v) != 16 {
		return 0, 0, fmt.Errorf("%w: counter value has %d bytes", ErrCorrupt, len(v))
	}
	return binary.BigEndian.Uint64(v), math.Float64frombits(binary.BigEndian.Uint64(v[8:])), nil
}
