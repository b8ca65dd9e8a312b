package decisions

import (
	"context"
	"errors"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// pfxAccess keys the index of access leaves:
//
//	'a' u64 index -> "" (an access leaf, record.KindAccess)
const pfxAccess = 'a'

func accessKey(index uint64) []byte { return appendU64([]byte{pfxAccess}, index) }

// RecordAccess appends an access leaf ([record.KindAccess]) recording that
// a.Reader read a.What of the decision a.DecisionID, whose leaf index must
// be a.Index. When it returns nil the leaf is durable in the Merkle log
// (and indexed for [Log.Accesses]); show the personal data only then. Each
// call is a new leaf: reads are not deduplicated. It fails with
// auditlog.ErrReadOnly (through [auditlog.Log.Writable]) on a read-only
// log, with a *[record.ValidationError] for a bad access, and with
// [ErrNotFound] when the log holds no decision of that id at that index.
func (d *Log) RecordAccess(ctx context.Context, a record.Access) (Appended, error) {
	if err := d.lg.Writable(); err != nil {
		return Appended{}, fmt.Errorf("decisions: %w", err)
	}
	_, leaf, err := record.BuildAccess(&a)
	if err != nil {
		return Appended{}, fmt.Errorf("decisions: %w", err)
	}
	e := auditlog.Entry{
		Leaf: leaf,
		Write: func(tx *auditlog.Tx, index uint64) error {
			v, err := tx.Get(idKey(a.DecisionID))
			if errors.Is(err, auditlog.ErrNotFound) {
				return fmt.Errorf("%w: access to decision %q", ErrNotFound, a.DecisionID)
			}
			if err != nil {
				return err
			}
			dec, err := u64(v)
			if err != nil {
				return err
			}
			if dec != a.Index {
				return fmt.Errorf("%w: decision %q is leaf %d, not %d", ErrNotFound, a.DecisionID, dec, a.Index)
			}
			return tx.Set(accessKey(index), nil)
		},
	}
	got, err := d.st.Append(ctx, []auditlog.Entry{e})
	if err != nil {
		return Appended{}, err
	}
	return Appended{ID: a.DecisionID, Index: got[0].Index}, nil
}

// AccessEntry is one access leaf as [Log.Accesses] reads it, with its
// inclusion proof in the tree of the view's checkpoint.
type AccessEntry struct {
	Index     uint64
	LeafBytes []byte
	Access    record.Access
	Proof     []verify.Hash
}

// Accesses calls fn for the access leaves of one consistent view of the
// log at leaf index from or above, in log order, at most limit of them
// (limit <= 0: DefaultPageSize; above MaxPageSize: MaxPageSize), each with
// its inclusion proof in the tree of the returned checkpoint (of exactly
// the view's size). next is the index to pass as from for the following
// page, 0 when there is none. It reads the access index, never a scan of
// all leaves; a leaf it names that is not an access leaf is [ErrCorrupt].
func (d *Log) Accesses(ctx context.Context, from uint64, limit int, fn func(AccessEntry) error) (cp auditlog.SignedCheckpoint, next uint64, err error) {
	if limit <= 0 {
		limit = DefaultPageSize
	}
	limit = min(limit, MaxPageSize)
	v, err := d.st.View(ctx)
	if err != nil {
		return cp, 0, err
	}
	defer v.Close()
	if cp, err = v.Checkpoint(ctx); err != nil {
		return cp, 0, err
	}
	var idxs []uint64
	err = v.Scan(accessKey(from), []byte{pfxAccess + 1}, func(k, _ []byte) error {
		i := lastU64(k)
		if i >= v.Size() {
			return errStop
		}
		if len(idxs) == limit {
			next = i
			return errStop
		}
		idxs = append(idxs, i)
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return cp, 0, err
	}
	for _, i := range idxs {
		if err := ctx.Err(); err != nil {
			return cp, 0, err
		}
		b, err := v.Leaf(i)
		if err != nil {
			return cp, 0, err
		}
		lf, err := record.DecodeLeaf(b)
		if err != nil {
			return cp, 0, fmt.Errorf("%w: leaf %d: %w", ErrCorrupt, i, err)
		}
		a, ok := lf.Access()
		if !ok {
			return cp, 0, fmt.Errorf("%w: leaf %d is a %s, not an access", ErrCorrupt, i, lf.Kind)
		}
		p, err := v.InclusionProof(ctx, i)
		if err != nil {
			return cp, 0, err
		}
		if err := fn(AccessEntry{Index: i, LeafBytes: b, Access: a, Proof: p}); err != nil {
			return cp, 0, err
		}
	}
	return cp, next, nil
}
