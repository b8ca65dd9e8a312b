package auditlog

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// RecordStatus says whether a record's personal payload can be read.
type RecordStatus string

// Record statuses.
const (
	StatusSealed RecordStatus = "sealed" // the payload is stored and its key exists
	StatusErased RecordStatus = "erased" // the subject was erased: only the public leaf remains
)

// OutcomeRef is an outcome recorded for a decision.
type OutcomeRef struct {
	Index uint64
	Label string
}

// DecisionRecord is a recorded decision as read back from the log.
type DecisionRecord struct {
	Index     uint64
	LeafBytes []byte
	Leaf      *record.Leaf
	Status    RecordStatus
	// Payload is the opened personal payload; nil when Status is erased.
	Payload *record.Payload
	// Outcome is the latest outcome recorded (up to the view's size), or nil.
	Outcome *OutcomeRef
}

// DefaultPageSize and MaxPageSize bound the pages of the query methods.
const (
	DefaultPageSize = 100
	MaxPageSize     = 10000
)

// PageRequest asks for one page of a query. Cursor is "" for the first page,
// then the Next of the previous page.
type PageRequest struct {
	Limit  int // 0 means DefaultPageSize
	Cursor string
}

// Page is one page of query results, in index order (time order for
// DecisionsByTime). Next is "" on the last page.
type Page struct {
	Records []*DecisionRecord
	Next    string
}

// Decision returns the decision with the given id, with its payload opened
// unless its subject was erased. It fails with [ErrDecisionNotFound] for an
// unknown id.
func (l *Log) Decision(ctx context.Context, id string) (*DecisionRecord, error) {
	r, err := l.recs()
	if err != nil {
		return nil, err
	}
	v, err := l.recordView(ctx)
	if err != nil {
		return nil, err
	}
	defer v.close()
	idx, err := v.decisionIndex(id)
	if err != nil {
		return nil, err
	}
	return l.readDecision(ctx, r, v, idx)
}

// DecisionsBySubject returns the subject's decisions, from the local subject
// index (keyed by HMAC of the subject under the log's secret). After Erase
// the subject has none. The index cannot prove that it is complete.
func (l *Log) DecisionsBySubject(ctx context.Context, subject string, page PageRequest) (*Page, error) {
	r, err := l.recs()
	if err != nil {
		return nil, err
	}
	return l.queryIndex(ctx, r, subjectPrefix(subjectID(r.secret, subject)), page)
}

// DecisionsByModel returns the decisions of a model version (all versions
// when version is ""), from the model index.
func (l *Log) DecisionsByModel(ctx context.Context, model, version string, page PageRequest) (*Page, error) {
	r, err := l.recs()
	if err != nil {
		return nil, err
	}
	if model == "" {
		return nil, fmt.Errorf("%w: model name is empty", ErrInvalidQuery)
	}
	return l.queryIndex(ctx, r, modelPrefix(model, version), page)
}

// DecisionsByTime returns the decisions with from <= time < to (zero: no
// bound), in time order, from the time index.
func (l *Log) DecisionsByTime(ctx context.Context, from, to time.Time, page PageRequest) (*Page, error) {
	r, err := l.recs()
	if err != nil {
		return nil, err
	}
	lo, hi := timeRange(from, to)
	return l.queryRange(ctx, r, lo, hi, page)
}

func (l *Log) queryIndex(ctx context.Context, r *records, prefix []byte, page PageRequest) (*Page, error) {
	return l.queryRange(ctx, r, prefix, prefixEnd(prefix), page)
}

// timeRange returns the time index keys of [from, to); zero bounds and
// times outside what the index holds are clamped.
func timeRange(from, to time.Time) ([]byte, []byte) {
	bound := func(t time.Time, none []byte) []byte {
		switch {
		case t.IsZero():
			return none
		case t.Before(time.Unix(0, 0)):
			return appendU64([]byte{pfxTime}, 0)
		case t.After(time.Unix(0, math.MaxInt64)):
			return []byte{pfxTime + 1}
		}
		return appendU64([]byte{pfxTime}, uint64(t.UnixNano()))
	}
	return bound(from, []byte{pfxTime}), bound(to, []byte{pfxTime + 1})
}

// queryRange pages through index keys in [lo, hi); each key ends with a
// leaf index. The cursor is the last key returned, so pages stay stable
// while the log grows.
func (l *Log) queryRange(ctx context.Context, r *records, lo, hi []byte, page PageRequest) (*Page, error) {
	limit := page.Limit
	switch {
	case limit == 0:
		limit = DefaultPageSize
	case limit < 0 || limit > MaxPageSize:
		return nil, fmt.Errorf("%w: page limit %d not in 1..%d", ErrInvalidQuery, limit, MaxPageSize)
	}
	start := lo
	if page.Cursor != "" {
		c, err := base64.RawURLEncoding.DecodeString(page.Cursor)
		if err != nil || len(c) == 0 || c[0] != lo[0] || string(c) < string(lo) {
			return nil, fmt.Errorf("%w: bad cursor", ErrInvalidQuery)
		}
		start = append(c, 0) // the first key after the cursor
	}
	out := &Page{}
	if bytes.Compare(start, hi) >= 0 {
		return out, nil
	}
	v, err := l.recordView(ctx)
	if err != nil {
		return nil, err
	}
	defer v.close()
	var last []byte
	err = v.scan(start, hi, func(k, _ []byte) error {
		if len(out.Records) == limit {
			out.Next = base64.RawURLEncoding.EncodeToString(last)
			return errStopScan
		}
		idx := lastU64(k)
		if idx >= v.size {
			return nil // written after the view's size (not possible with a consistent view)
		}
		d, err := l.readDecision(ctx, r, v, idx)
		if err != nil {
			return err
		}
		out.Records = append(out.Records, d)
		last = append(last[:0], k...)
		return nil
	})
	if err != nil && !errors.Is(err, errStopScan) {
		return nil, err
	}
	return out, nil
}

var errStopScan = errors.New("stop scan")

func (v *recView) decisionIndex(id string) (uint64, error) {
	b, err := v.get(idKey(id))
	if errors.Is(err, ErrNotFound) {
		return 0, fmt.Errorf("%w: %q", ErrDecisionNotFound, id)
	}
	if err != nil {
		return 0, err
	}
	idx, err := u64(b)
	if err == nil && idx >= v.size {
		return 0, fmt.Errorf("%w: %q", ErrDecisionNotFound, id)
	}
	return idx, err
}

// readDecision reads the leaf, payload and latest outcome of the decision at
// idx, as of the view.
func (l *Log) readDecision(ctx context.Context, r *records, v *recView, idx uint64) (*DecisionRecord, error) {
	leafBytes, err := v.leaf(ctx, idx)
	if err != nil {
		return nil, err
	}
	leaf, err := record.DecodeLeaf(leafBytes)
	if err != nil {
		return nil, fmt.Errorf("%w: leaf %d: %w", ErrRecordCorrupt, idx, err)
	}
	if leaf.Kind != record.KindDecision {
		return nil, fmt.Errorf("%w: leaf %d is a %s, not a decision", ErrRecordCorrupt, idx, leaf.Kind)
	}
	d := &DecisionRecord{Index: idx, LeafBytes: leafBytes, Leaf: leaf, Status: StatusErased}
	pv, err := v.get(payloadKey(idx))
	switch {
	case errors.Is(err, ErrNotFound):
	case err != nil:
		return nil, err
	case len(pv) > 0 && pv[0] == payloadSealed && len(pv) > 33:
		var sid SubjectID
		copy(sid[:], pv[1:33])
		key, err := r.readKey(ctx, v, sid)
		if errors.Is(err, ErrKeyNotFound) {
			break // erased, or erasure in progress
		}
		if err != nil {
			return nil, err
		}
		p, err := record.Open(key, leaf.DecisionID, leafBytes, pv[33:])
		if err != nil {
			return nil, fmt.Errorf("%w: payload of leaf %d: %w", ErrRecordCorrupt, idx, err)
		}
		d.Payload, d.Status = p, StatusSealed
	case len(pv) == 1 && pv[0] == payloadErased:
	default:
		return nil, fmt.Errorf("%w: payload entry of leaf %d", ErrRecordCorrupt, idx)
	}
	// The latest outcome recorded before the view's size.
	err = v.scan(outcomePrefix(idx), prefixEnd(outcomePrefix(idx)), func(k, val []byte) error {
		if oi := lastU64(k); oi < v.size {
			d.Outcome = &OutcomeRef{Index: oi, Label: string(val)}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}
