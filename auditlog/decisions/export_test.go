package decisions

import (
	"bytes"
	"context"

	"github.com/glassbox-audit/glassbox/auditlog"
)

// Internals for the tests of package decisions_test (which may import
// keystoretest, itself an importer of this package).

// DefaultKeyStore returns the key store d uses.
func DefaultKeyStore(d *Log) KeyStore { return d.keys }

// SubjectIDOf returns the SubjectID of subject in d.
func SubjectIDOf(d *Log, subject string) SubjectID { return subjectID(d.secret, subject) }

// SubjectTagOf returns the subject index tag of a subject key.
func SubjectTagOf(key []byte) [subjectTagSize]byte { return subjectTag(key) }

// ToOlderLayout rewrites d's store into the layout of logs written before
// the tag-keyed subject index and the counter buckets: the subject index
// keyed by SubjectID ('s'), one counter key per cell with the group values
// in the key ('n').
func ToOlderLayout(ctx context.Context, d *Log) error {
	return d.st.Update(ctx, func(tx *auditlog.Tx) error {
		var tags, buckets [][2][]byte
		for _, p := range []byte{pfxTag, pfxBucket} {
			err := d.st.Scan([]byte{p}, func(k, v []byte) error {
				kv := [2][]byte{bytes.Clone(k), bytes.Clone(v)}
				if p == pfxTag {
					tags = append(tags, kv)
				} else {
					buckets = append(buckets, kv)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		for _, kv := range tags {
			idx := lastU64(kv[0])
			pv, err := tx.Get(payloadKey(idx))
			if err != nil {
				return err
			}
			if err := tx.Delete(kv[0]); err != nil {
				return err
			}
			if err := tx.Set(subjectKey(SubjectID(pv[1:33]), idx), nil); err != nil {
				return err
			}
		}
		for _, kv := range buckets {
			cells, err := decodeBucketCells(kv[0], kv[1], nil)
			if err != nil {
				return err
			}
			if err := tx.Delete(kv[0]); err != nil {
				return err
			}
			for _, c := range cells {
				if err := tx.Set(encodeCell(&c), encodeCellValue(c.Count, c.Weight)); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// KeyFamilies counts d's keys by their first byte.
func KeyFamilies(d *Log) (map[byte]int, error) {
	out := map[byte]int{}
	err := d.st.Scan(nil, func(k, _ []byte) error {
		if len(k) > 0 {
			out[k[0]]++
		}
		return nil
	})
	return out, err
}
