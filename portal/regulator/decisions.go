package regulator

import (
	"context"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/registry"
)

// Bounds of one decisions page.
const (
	// PageRows is the most rows a decisions page shows.
	PageRows = 50
	// MaxScanned is the most index entries one page reads while filtering
	// by label or group; the page then offers "more" from where it
	// stopped, so a selective filter never reads the whole index at once.
	MaxScanned = 5000
)

// tableFilter is the decisions table's query, from the URL.
type tableFilter struct {
	Model, Version, From, To, Label, Group, Cursor string
	from, to                                       time.Time
	groupName, groupValue                          string
}

func parseFilter(q url.Values, sealed bool) (tableFilter, string) {
	f := tableFilter{Model: q.Get("model"), Version: q.Get("version"), From: q.Get("from"), To: q.Get("to"),
		Label: q.Get("label"), Group: q.Get("group"), Cursor: q.Get("cursor")}
	var err error
	if f.From != "" {
		if f.from, err = time.Parse(time.DateOnly, f.From); err != nil {
			return f, "From: want a date YYYY-MM-DD."
		}
	}
	if f.To != "" {
		if f.to, err = time.Parse(time.DateOnly, f.To); err != nil {
			return f, "To: want a date YYYY-MM-DD."
		}
	}
	if f.Version != "" && f.Model == "" {
		return f, "A version needs a model."
	}
	if f.Group != "" {
		if !sealed {
			return f, "Filtering by group needs the sealed scope: group attributes are in the sealed personal payloads."
		}
		var ok bool
		if f.groupName, f.groupValue, ok = strings.Cut(f.Group, "="); !ok || f.groupName == "" {
			return f, "Group: want attribute=value, e.g. sex=female."
		}
	}
	return f, ""
}

// row is one decision in the table.
type row struct {
	ID, Time, Model, Version, Label, Score, Outcome, Status string
	Index                                                   uint64
}

type decisionsPage struct {
	page
	Filter  tableFilter
	Problem string
	Rows    []row
	Next    string // the query string of the next page, "" on the last
	Scanned int
	ByModel bool
}

func (p *Portal) decisionsPage(w http.ResponseWriter, r *http.Request, s *access.Session) {
	l, key, ok := p.logOf(w, r, s)
	if !ok {
		return
	}
	dp := decisionsPage{page: p.page("Decisions", s, key)}
	f, problem := parseFilter(r.URL.Query(), s.Regulator.Scope.Sealed)
	dp.Filter, dp.Problem = f, problem
	if f.Model != "" && !s.Regulator.Scope.AllowsModel(f.Model) {
		dp.Problem = "Your credential does not cover this model."
	}
	if dp.Problem != "" {
		p.render(w, r, http.StatusBadRequest, "decisions", dp)
		return
	}
	rows, next, scanned, err := p.table(r.Context(), l, s.Regulator.Scope, f)
	if errors.Is(err, decisions.ErrInvalidQuery) {
		dp.Problem = "The page cursor is not valid; start again from the first page."
		p.render(w, r, http.StatusBadRequest, "decisions", dp)
		return
	}
	if err != nil {
		p.internal(w, r, "read the decisions", err)
		return
	}
	dp.Rows, dp.Scanned, dp.ByModel = rows, scanned, f.byModel()
	if next != "" {
		q := r.URL.Query()
		q.Set("cursor", next)
		dp.Next = q.Encode()
	}
	p.render(w, r, http.StatusOK, "decisions", dp)
}

// byModel reports whether the table reads the model index: when a model
// is given and no time bound (the time index, bounded, is the narrower
// read otherwise).
func (f tableFilter) byModel() bool { return f.Model != "" && f.From == "" && f.To == "" }

// table reads one page of the table from the model index (a model and no
// time bounds) or the time index, filtering what the index cannot.
func (p *Portal) table(ctx context.Context, l *Log, scope access.Scope, f tableFilter) ([]row, string, int, error) {
	var rows []row
	cursor, scanned := f.Cursor, 0
	for len(rows) < PageRows && scanned < MaxScanned {
		// Never more index entries than rows still wanted: the page ends
		// at an index page's end, so its Next is exact.
		req := decisions.PageRequest{Limit: min(PageRows-len(rows), MaxScanned-scanned), Cursor: cursor}
		var pg *decisions.Page
		var err error
		if f.byModel() {
			pg, err = l.Decisions.ByModel(ctx, f.Model, f.Version, req)
		} else {
			pg, err = l.Decisions.ByTime(ctx, f.from, f.to, req)
		}
		if err != nil {
			return nil, "", scanned, err
		}
		for _, st := range pg.Records {
			scanned++
			lf := st.Leaf
			if !f.from.IsZero() && lf.Time.Before(f.from) || !f.to.IsZero() && !lf.Time.Before(f.to) {
				continue
			}
			if f.Model != "" && (lf.Model.Name != f.Model || f.Version != "" && lf.Model.Version != f.Version) {
				continue
			}
			if !scope.AllowsModel(lf.Model.Name) || f.Label != "" && lf.Output.Label != f.Label {
				continue
			}
			if f.Group != "" && (st.Payload == nil || !slices.Contains(st.Payload.Groups, record.Attr{Name: f.groupName, Value: f.groupValue})) {
				continue
			}
			rows = append(rows, rowOf(st))
		}
		if pg.Next == "" {
			return rows, "", scanned, nil
		}
		cursor = pg.Next
	}
	return rows, cursor, scanned, nil
}

func rowOf(st decisions.Stored) row {
	lf := st.Leaf
	rw := row{ID: lf.DecisionID, Time: lf.Time.UTC().Format("2006-01-02 15:04"), Model: lf.Model.Name, Version: lf.Model.Version,
		Label: lf.Output.Label, Score: strconv.FormatFloat(lf.Output.Score, 'g', 4, 64), Status: string(st.Status), Index: st.Index}
	if st.Outcome != nil {
		rw.Outcome = st.Outcome.Label
	}
	return rw
}

// decisionPage is the data of one decision's page.
type decisionPage struct {
	page
	Row         row
	Digest      string
	Policy      string
	Commitments []kv
	Explanation string
	Checkpoint  string // "size root"
	ProofLen    int
	Check       checkView
	ShowPayload bool // the payload is shown (sealed scope, not erased)
	Erased      bool
	Subject     string
	Inputs      []kv
	Groups      []kv
	Metadata    []kv
	Contribs    []kv
	Disputes    []disputeRow
	Receipt     string // link
	Reexec      reexecView
}

type kv struct{ Name, Value string }

type checkView struct {
	OK       bool
	Chain    bool // checked against the contract (else offline, the log's own key)
	Problem  string
	Anchored bool
	Anchor   string
}

func (p *Portal) loadDecision(w http.ResponseWriter, r *http.Request, s *access.Session) (*Log, string, decisions.Stored, bool) {
	l, key, ok := p.logOf(w, r, s)
	if !ok {
		return nil, "", decisions.Stored{}, false
	}
	st, err := l.Decisions.Get(r.Context(), r.PathValue("id"))
	if errors.Is(err, decisions.ErrNotFound) || err == nil && !s.Regulator.Scope.AllowsModel(st.Leaf.Model.Name) {
		p.fail(w, r, http.StatusNotFound, "Decision not found", "This log holds no decision of this id that your credential may read.")
		return nil, "", st, false
	}
	if err != nil {
		p.internal(w, r, "read the decision", err)
		return nil, "", st, false
	}
	return l, key, st, true
}

func (p *Portal) decisionPage(w http.ResponseWriter, r *http.Request, s *access.Session) {
	l, key, st, ok := p.loadDecision(w, r, s)
	if !ok {
		return
	}
	ctx := r.Context()
	lf := st.Leaf
	dp := decisionPage{page: p.page("Decision "+lf.DecisionID, s, key), Row: rowOf(st),
		Digest: hex.EncodeToString(lf.Model.ArtifactDigest[:]), Policy: lf.PolicyVersion, Explanation: lf.ExplanationMethod,
		Erased:  st.Status == decisions.StatusErased,
		Receipt: p.o.Prefix + "/logs/" + key + "/decisions/" + url.PathEscape(lf.DecisionID) + "/receipt.json"}
	c := lf.Commitments
	dp.Commitments = []kv{{"subject", hex.EncodeToString(c.Subject[:])}, {"inputs", hex.EncodeToString(c.Inputs[:])},
		{"groups", hex.EncodeToString(c.Groups[:])}, {"metadata", hex.EncodeToString(c.Metadata[:])}}
	if lf.HasExplanation() {
		dp.Commitments = append(dp.Commitments, kv{"explanation", hex.EncodeToString(c.Explanation[:])})
	}
	rc, err := p.receipt(ctx, l, lf.DecisionID)
	if err != nil {
		p.internal(w, r, "make the decision's receipt", err)
		return
	}
	dp.ProofLen = len(rc.InclusionProof)
	dp.Check = p.check(ctx, l, rc)
	if cp, err := verify.ParseCheckpoint(noteBody(rc.Checkpoint)); err == nil {
		dp.Checkpoint = strconv.FormatUint(cp.Size, 10) + " " + hex.EncodeToString(cp.Root[:])
	}
	dp.Disputes = p.disputesOfLeaf(ctx, l, key, st.Index)
	if s.Regulator.Scope.Sealed && st.Payload != nil {
		if !p.record(w, r, s, l, st, "payload") {
			return
		}
		pl := st.Payload
		dp.ShowPayload, dp.Subject = true, pl.Subject
		for _, f := range pl.Inputs {
			dp.Inputs = append(dp.Inputs, kv{f.Name, valueText(f.Value)})
		}
		for _, g := range pl.Groups {
			dp.Groups = append(dp.Groups, kv{g.Name, g.Value})
		}
		for k, v := range pl.Metadata {
			dp.Metadata = append(dp.Metadata, kv{k, v})
		}
		slices.SortFunc(dp.Metadata, func(a, b kv) int { return strings.Compare(a.Name, b.Name) })
		if e := pl.Explanation; e != nil {
			for _, ct := range e.Contributions {
				dp.Contribs = append(dp.Contribs, kv{ct.Feature, strconv.FormatFloat(ct.Contribution, 'f', 4, 64)})
			}
		}
		dp.Reexec = p.reexec(ctx, l, rc)
	}
	p.render(w, r, http.StatusOK, "decision", dp)
}

func valueText(v record.Value) string {
	if s, ok := v.Str(); ok {
		return s
	}
	return v.String()
}

// receipt returns the decision's receipt with its anchor attached when one
// covers it, and without disclosures.
func (p *Portal) receipt(ctx context.Context, l *Log, id string) (*receipt.Receipt, error) {
	rc, err := l.Decisions.Receipt(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := anchor.Attach(ctx, l.Log, l.Anchors, rc); err != nil && !errors.Is(err, anchor.ErrNoAnchor) {
		return nil, err
	}
	return rc, nil
}

// check verifies a receipt (with its disclosures stripped): against the
// contract through Options.Registry when set and the receipt is anchored,
// else offline against the log's own key.
func (p *Portal) check(ctx context.Context, l *Log, rc *receipt.Receipt) checkView {
	bare := *rc
	bare.Disclosures = receipt.Disclosures{}
	cv := checkView{Anchored: rc.Anchor != nil}
	if rc.Anchor != nil {
		cv.Anchor = "tree size " + strconv.FormatUint(rc.Anchor.TreeSize, 10) + ", block " + strconv.FormatUint(rc.Anchor.BlockNumber, 10)
	}
	if p.o.Registry != nil && rc.Anchor != nil {
		cv.Chain = true
		if _, err := anchor.VerifyReceipt(ctx, &bare, p.o.Registry); err != nil {
			cv.Problem = err.Error()
			return cv
		}
		cv.OK = true
		return cv
	}
	if _, err := receipt.Verify(&bare, l.Log.Verifier()); err != nil {
		cv.Problem = err.Error()
		return cv
	}
	cv.OK = true
	return cv
}

func noteBody(signed []byte) []byte {
	body, _, _ := strings.Cut(string(signed), "\n\n")
	return []byte(body + "\n")
}

func (p *Portal) receiptDownload(w http.ResponseWriter, r *http.Request, s *access.Session) {
	l, _, st, ok := p.loadDecision(w, r, s)
	if !ok {
		return
	}
	rc, err := p.receipt(r.Context(), l, st.Leaf.DecisionID)
	if err != nil {
		p.internal(w, r, "make the decision's receipt", err)
		return
	}
	if s.Regulator.Scope.Sealed && st.Payload != nil {
		if !p.record(w, r, s, l, st, "receipt") {
			return
		}
	} else {
		rc.Disclosures = receipt.Disclosures{}
	}
	b, err := rc.Marshal()
	if err != nil {
		p.internal(w, r, "write the receipt", err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Disposition", `attachment; filename="receipt-`+strconv.FormatUint(st.Index, 10)+`.json"`)
	w.Write(b)
}

// disputeRow is one dispute, as the contract holds it.
type disputeRow struct {
	ID        uint64
	LeafIndex uint64
	Decision  string // the decision id, "" if the leaf is not a decision of this log
	Link      string
	Receipt   string
	Status    string
	Reason    string
	Filer     string
	Block     uint64
	Result    string
}

// disputes reads the disputes of l from the contract.
func (p *Portal) disputes(ctx context.Context, l *Log, key string) ([]disputeRow, error) {
	if p.o.Registry == nil {
		return nil, errors.New("no RPC endpoint of the regulator is configured")
	}
	n, err := p.o.Registry.DisputeCount(ctx)
	if err != nil {
		return nil, err
	}
	id := registry.LogIDFor(l.Log.Origin())
	var out []disputeRow
	for i := uint64(1); i <= n; i++ {
		d, err := p.o.Registry.Dispute(ctx, i)
		if err != nil {
			return nil, err
		}
		if d.LogID != id {
			continue
		}
		dr := disputeRow{ID: d.ID, LeafIndex: d.LeafIndex, Status: d.Status.String(), Reason: d.ReasonURI, Filer: d.Filer.Hex(), Block: d.FiledBlock, Result: d.ResolutionURI}
		if b, err := l.Log.Leaf(ctx, d.LeafIndex); err == nil {
			if lf, err := record.DecodeLeaf(b); err == nil && lf.Kind == record.KindDecision && verify.LeafHash(b) == verify.Hash(d.LeafHash) {
				dr.Decision = lf.DecisionID
				base := p.o.Prefix + "/logs/" + key + "/decisions/" + url.PathEscape(lf.DecisionID)
				dr.Link, dr.Receipt = base, base+"/receipt.json"
			}
		}
		out = append(out, dr)
	}
	return out, nil
}

func (p *Portal) disputesOfLeaf(ctx context.Context, l *Log, key string, index uint64) []disputeRow {
	all, err := p.disputes(ctx, l, key)
	if err != nil {
		return nil
	}
	var out []disputeRow
	for _, d := range all {
		if d.LeafIndex == index {
			out = append(out, d)
		}
	}
	return out
}
