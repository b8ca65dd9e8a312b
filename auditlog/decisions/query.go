package decisions

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// Status says whether a record's personal payload can be read.
type Status string

// Record statuses.
const (
	StatusSealed Status = "sealed" // the payload is stored and its key exists
	StatusErased Status = "erased" // the subject was erased: only the public leaf remains
)

// OutcomeRef is an outcome recorded for a decision.
type OutcomeRef struct {
	Index uint64
	Label string
}

// Stored is a recorded decision as read back from the log.
type Stored struct {
	Index     uint64
	LeafBytes []byte
	Leaf      *record.Leaf
	Status    Status
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
// [Log.ByTime]). Next is "" on the last page.
type Page struct {
	Records []Stored
	Next    string
}

// Get returns the decision with the given id, with its payload opened
// unless its subject was erased. It fails with [ErrNotFound] for an unknown
// id.
func (d *Log) Get(ctx context.Context, id string) (Stored, error) {
	v, err := d.st.View(ctx)
	if err != nil {
		return Stored{}, err
	}
	defer v.Close()
	idx, err := decisionIndex(v, id)
	if err != nil {
		return Stored{}, err
	}
	return d.read(ctx, v, idx)
}

// BySubject returns the subject's decisions, from the local subject index
// (keyed by a hash under the subject's own key, found through the
// subject's SubjectID). After Erase the subject has none. The index cannot
// prove that it is complete.
func (d *Log) BySubject(ctx context.Context, subject string, page PageRequest) (*Page, error) {
	sid := subjectID(d.secret, subject)
	if d.legacy {
		p := subjectPrefix(sid)
		return d.queryRange(ctx, p, auditlog.PrefixEnd(p), page)
	}
	key, err := d.keys.Key(ctx, sid)
	if errors.Is(err, ErrKeyNotFound) {
		p := []byte{pfxTag} // an empty range: the subject has no decisions
		return d.queryRange(ctx, p, p, page)
	}
	if err != nil {
		return nil, fmt.Errorf("decisions: subject key: %w", err)
	}
	p := tagPrefix(subjectTag(key))
	return d.queryRange(ctx, p, auditlog.PrefixEnd(p), page)
}

// ByModel returns the decisions of a model version (all versions when
// version is ""), from the model index.
func (d *Log) ByModel(ctx context.Context, model, version string, page PageRequest) (*Page, error) {
	if model == "" {
		return nil, fmt.Errorf("%w: model name is empty", ErrInvalidQuery)
	}
	p := modelPrefix(model, version)
	return d.queryRange(ctx, p, auditlog.PrefixEnd(p), page)
}

// ByTime returns the decisions with from <= time < to (zero: no bound), in
// time order, from the time index.
func (d *Log) ByTime(ctx context.Context, from, to time.Time, page PageRequest) (*Page, error) {
	lo, hi := timeRange(from, to)
	return d.queryRange(ctx, lo, hi, page)
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
func (d *Log) queryRange(ctx context.Context, lo, hi []byte, page PageRequest) (*Page, error) {
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
	v, err := d.st.View(ctx)
	if err != nil {
		return nil, err
	}
	defer v.Close()
	// The page's index keys first, then its decisions read in index order
	// in passes (readMany), handed out in key order.
	var idxs []uint64
	var last []byte
	err = v.Scan(start, hi, func(k, _ []byte) error {
		if len(idxs) == limit {
			out.Next = base64.RawURLEncoding.EncodeToString(last)
			return errStopScan
		}
		idx := lastU64(k)
		if idx >= v.Size() {
			return nil // written after the view's size (not possible with a consistent view)
		}
		idxs = append(idxs, idx)
		last = append(last[:0], k...)
		return nil
	})
	if err != nil && !errors.Is(err, errStopScan) {
		return nil, err
	}
	sorted := slices.Clone(idxs)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	byIdx := make(map[uint64]Stored, len(sorted))
	if err := d.readMany(ctx, v, sorted, keyCache{}, func(s Stored) error { byIdx[s.Index] = s; return nil }); err != nil {
		return nil, err
	}
	for _, idx := range idxs {
		out.Records = append(out.Records, byIdx[idx])
	}
	return out, nil
}

var errStopScan = errors.New("stop scan")

func decisionIndex(v *auditlog.View, id string) (uint64, error) {
	b, err := v.Get(idKey(id))
	if errors.Is(err, auditlog.ErrNotFound) {
		return 0, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	if err != nil {
		return 0, err
	}
	idx, err := u64(b)
	if err == nil && idx >= v.Size() {
		return 0, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	return idx, err
}

// read reads the leaf, payload and latest outcome of the decision at idx,
// as of the view.
func (d *Log) read(ctx context.Context, v *auditlog.View, idx uint64) (Stored, error) {
	leafBytes, err := v.Leaf(idx)
	if err != nil {
		return Stored{}, err
	}
	leaf, err := record.DecodeLeaf(leafBytes)
	if err != nil {
		return Stored{}, fmt.Errorf("%w: leaf %d: %w", ErrCorrupt, idx, err)
	}
	if leaf.Kind != record.KindDecision {
		return Stored{}, fmt.Errorf("%w: leaf %d is a %s, not a decision", ErrCorrupt, idx, leaf.Kind)
	}
	s := Stored{Index: idx, LeafBytes: leafBytes, Leaf: leaf, Status: StatusErased}
	pv, err := v.Get(payloadKey(idx))
	switch {
	case errors.Is(err, auditlog.ErrNotFound):
	case err != nil:
		return Stored{}, err
	case len(pv) > 0 && pv[0] == payloadSealed && len(pv) > 33:
		var sid SubjectID
		copy(sid[:], pv[1:33])
		key, err := d.readKey(ctx, v, sid)
		if errors.Is(err, ErrKeyNotFound) {
			break // erased, or erasure in progress
		}
		if err != nil {
			return Stored{}, err
		}
		p, err := record.Open(key, leaf.DecisionID, leafBytes, pv[33:])
		if err != nil {
			return Stored{}, fmt.Errorf("%w: payload of leaf %d: %w", ErrCorrupt, idx, err)
		}
		s.Payload, s.Status = p, StatusSealed
	case len(pv) == 1 && pv[0] == payloadErased:
	default:
		return Stored{}, fmt.Errorf("%w: payload entry of leaf %d", ErrCorrupt, idx)
	}
	// The latest outcome recorded before the view's size.
	p := outcomePrefix(idx)
	err = v.Scan(p, auditlog.PrefixEnd(p), func(k, val []byte) error {
		if oi := lastU64(k); oi < v.Size() {
			s.Outcome = &OutcomeRef{Index: oi, Label: string(val)}
		}
		return nil
	})
	if err != nil {
		return Stored{}, err
	}
	return s, nil
}

// scanChunk is how many decisions [Log.readMany] reads from the store in
// one pass (one set of iterators) before it decodes them and hands them
// over: it bounds the memory of a scan and how long a pass holds the view.
const scanChunk = 1024

// keyCache holds the subject keys a scan has read, so that a subject's
// later decisions open without reading the key again. It is cleared when
// it reaches maxCachedKeys.
type keyCache map[SubjectID][]byte

const maxCachedKeys = 1 << 16

// rawDecision is what one pass of readMany copies out of the store for a
// decision.
type rawDecision struct {
	idx     uint64
	leaf    []byte
	sid     SubjectID
	sealed  []byte // nil: erased
	outcome *OutcomeRef
}

// readMany reads the decisions at idxs, which must be sorted, distinct and
// below the view's size, and calls fn for each in that order, as
// [Log.read] would return it. It reads in passes of scanChunk decisions,
// each with one iterator per key family moving forward (leaves, payloads,
// outcomes, subject keys), and calls fn between passes, never while the
// view is being read. Records handed to fn share a few allocations per
// pass, never per record, for their leaf bytes.
func (d *Log) readMany(ctx context.Context, v *auditlog.View, idxs []uint64, keys keyCache, fn func(Stored) error) error {
	raws := make([]rawDecision, 0, min(scanChunk, len(idxs)))
	var need []SubjectID
	var out []Stored
	var errs []error
	for len(idxs) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(keys) > maxCachedKeys {
			clear(keys)
		}
		chunk := idxs[:min(scanChunk, len(idxs))]
		idxs = idxs[len(chunk):]
		raws, need = raws[:0], need[:0]
		err := v.Read(func(r *auditlog.Reader) error {
			var err error
			raws, need, err = d.readPass(r, v.Size(), chunk, keys, raws, need)
			return err
		})
		if err != nil {
			return err
		}
		if !d.inTx {
			for _, sid := range need {
				key, err := d.keys.Key(ctx, sid)
				switch {
				case errors.Is(err, ErrKeyNotFound):
					key = nil
				case err != nil:
					return err
				}
				keys[sid] = key
			}
		}
		out = slices.Grow(out[:0], len(raws))[:len(raws)]
		errs = slices.Grow(errs[:0], len(raws))[:len(raws)]
		d.openAll(raws, keys, out, errs)
		for i := range out {
			if errs[i] != nil {
				return errs[i]
			}
			if err := fn(out[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// openAll decodes and opens raws into out (errs the failures), on up to
// GOMAXPROCS goroutines that have ended when it returns: decoding a
// payload costs more than reading it.
func (d *Log) openAll(raws []rawDecision, keys keyCache, out []Stored, errs []error) {
	const perWorker = 64 // fewer records than this are not worth a goroutine
	workers := min(runtime.GOMAXPROCS(0), len(raws)/perWorker)
	if workers <= 1 {
		for i := range raws {
			out[i], errs[i] = d.openRaw(&raws[i], keys)
		}
		return
	}
	seg := (len(raws) + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < len(raws); lo += seg {
		wg.Go(func() {
			for i := lo; i < min(lo+seg, len(raws)); i++ {
				out[i], errs[i] = d.openRaw(&raws[i], keys)
			}
		})
	}
	wg.Wait()
}

// readPass reads the store's part of the decisions of one chunk; see
// readMany. It returns the subject keys still to be fetched from an
// outside key store.
func (d *Log) readPass(r *auditlog.Reader, size uint64, chunk []uint64, keys keyCache, raws []rawDecision, need []SubjectID) ([]rawDecision, []SubjectID, error) {
	lo, hi := chunk[0], chunk[len(chunk)-1]+1
	leaves, err := r.Leaves(lo, hi)
	if err != nil {
		return nil, nil, err
	}
	payloads, err := r.Cursor(payloadKey(lo), payloadKey(hi))
	if err != nil {
		return nil, nil, err
	}
	outcomes, err := r.Cursor(outcomePrefix(lo), outcomePrefix(hi))
	if err != nil {
		return nil, nil, err
	}
	// One buffer per pass for the bytes that outlive it.
	var arena []byte
	keep := func(b []byte) []byte {
		if cap(arena)-len(arena) < len(b) {
			arena = make([]byte, 0, max(64<<10, len(b)))
		}
		arena = append(arena, b...)
		return arena[len(arena)-len(b) : len(arena) : len(arena)]
	}
	var pk, op []byte
	for _, idx := range chunk {
		leaf, err := leaves.Leaf(idx)
		if err != nil {
			return nil, nil, err
		}
		raw := rawDecision{idx: idx, leaf: keep(leaf)}
		pk = appendU64(append(pk[:0], pfxPayload), idx)
		switch pv, err := payloads.Get(pk); {
		case errors.Is(err, auditlog.ErrNotFound):
		case err != nil:
			return nil, nil, err
		case len(pv) > 0 && pv[0] == payloadSealed && len(pv) > 33:
			raw.sid = SubjectID(pv[1:33])
			raw.sealed = keep(pv[33:])
			if _, ok := keys[raw.sid]; !ok {
				need = append(need, raw.sid)
				keys[raw.sid] = nil // placeholder until fetched below
			}
		case len(pv) == 1 && pv[0] == payloadErased:
		default:
			return nil, nil, fmt.Errorf("%w: payload entry of leaf %d", ErrCorrupt, idx)
		}
		// The latest outcome recorded before the view's size.
		op = appendU64(append(op[:0], pfxOutcome), idx)
		for ok := outcomes.SeekGE(op); ok && bytes.HasPrefix(outcomes.Key(), op); ok = outcomes.Next() {
			if oi := lastU64(outcomes.Key()); oi < size {
				raw.outcome = &OutcomeRef{Index: oi, Label: string(outcomes.Value())}
			}
		}
		if err := outcomes.Error(); err != nil {
			return nil, nil, err
		}
		raws = append(raws, raw)
	}
	if !d.inTx || len(need) == 0 {
		return raws, need, nil
	}
	// The subject keys of the default store, in key order.
	slices.SortFunc(need, func(a, b SubjectID) int { return bytes.Compare(a[:], b[:]) })
	kc, err := r.Cursor([]byte{pfxKey}, []byte{pfxKey + 1})
	if err != nil {
		return nil, nil, err
	}
	for _, sid := range need {
		val, err := kc.Get(keyKey(sid))
		key, err := d.codec.storedKey(sid, val, err)
		switch {
		case errors.Is(err, ErrKeyNotFound):
			key = nil // erased, or erasure in progress
		case err != nil:
			return nil, nil, err
		default:
			key = bytes.Clone(key)
		}
		keys[sid] = key
	}
	return raws, nil, nil
}

// openRaw decodes a decision read by readPass and opens its payload.
func (d *Log) openRaw(raw *rawDecision, keys keyCache) (Stored, error) {
	leaf, err := record.DecodeLeaf(raw.leaf)
	if err != nil {
		return Stored{}, fmt.Errorf("%w: leaf %d: %w", ErrCorrupt, raw.idx, err)
	}
	if leaf.Kind != record.KindDecision {
		return Stored{}, fmt.Errorf("%w: leaf %d is a %s, not a decision", ErrCorrupt, raw.idx, leaf.Kind)
	}
	s := Stored{Index: raw.idx, LeafBytes: raw.leaf, Leaf: leaf, Status: StatusErased, Outcome: raw.outcome}
	if raw.sealed == nil {
		return s, nil
	}
	key := keys[raw.sid]
	if key == nil {
		return s, nil // erased, or erasure in progress
	}
	p, err := record.Open(key, leaf.DecisionID, raw.leaf, raw.sealed)
	if err != nil {
		return Stored{}, fmt.Errorf("%w: payload of leaf %d: %w", ErrCorrupt, raw.idx, err)
	}
	s.Payload, s.Status = p, StatusSealed
	return s, nil
}
