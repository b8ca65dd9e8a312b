package regulator

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// Reads of personal data are access leaves of the log itself
// (record.KindAccess, written by decisions.Log.RecordAccess): they are
// covered by the log's signed checkpoints and anchors like any decision,
// so an operator who rewrites or drops one breaks the log's consistency.
//
// Earlier versions kept a hash chain in the store namespace
// "regulator-trail" beside the log; the portal no longer reads or writes
// it (its entries stay on disk, unread: they were never part of the log).

// AccessPageRows is the number of access entries on one page of the
// audit trail.
const AccessPageRows = 200

// record writes the access as a leaf of the log and returns true once it
// is durable; else it writes a page saying why and returns false, and then
// nothing personal may be shown. A log served read-only cannot record the
// access, so sealed reads fail closed there.
func (p *Portal) record(w http.ResponseWriter, r *http.Request, s *access.Session, l *Log, st decisions.Stored, what string) bool {
	if l.Log.ReadOnly() {
		p.fail(w, r, http.StatusServiceUnavailable, "Personal data not shown here",
			"This portal serves the lender's log read-only, so it cannot record your reading of personal data in the audit trail, "+
				"and without that record the data is not shown. Sealed reads go through the lender's service: its regulator portal "+
				"(mounted at /regulator of the lending service) writes each read as a leaf of the log before showing it.")
		return false
	}
	a := record.Access{DecisionID: st.Leaf.DecisionID, Index: st.Index, Reader: s.Regulator.Name, What: what, Time: p.now().UTC()}
	if _, err := l.Decisions.RecordAccess(r.Context(), a); err != nil {
		p.o.Logger.ErrorContext(r.Context(), "regulator: audit trail", "err", fmt.Errorf("%w: %w", ErrTrail, err))
		p.fail(w, r, http.StatusServiceUnavailable, "Personal data not shown",
			"The access could not be recorded in the audit trail, so the personal data is not shown.")
		return false
	}
	return true
}

// accessRow is one access leaf on the trail page.
type accessRow struct {
	Index    uint64
	Time     string
	Reader   string
	Decision string
	Link     string
	Leaf     uint64
	What     string
	Included bool // the inclusion proof verified against the page's checkpoint
	Problem  string
}

type trailPage struct {
	page
	Checkpoint string // "size root"
	Signed     bool   // the checkpoint's signature verified with the log's key
	Rows       []accessRow
	Next       string
	Error      string
}

// trailPage lists the access leaves of a log, each with its inclusion
// proof verified against a checkpoint whose signature is verified.
func (p *Portal) trailPage(w http.ResponseWriter, r *http.Request, s *access.Session) {
	l, key, ok := p.logOf(w, r, s)
	if !ok {
		return
	}
	var from uint64
	if f := r.URL.Query().Get("from"); f != "" {
		n, err := strconv.ParseUint(f, 10, 64)
		if err != nil {
			p.fail(w, r, http.StatusBadRequest, "Bad request", "The from parameter must be a leaf index.")
			return
		}
		from = n
	}
	tp := trailPage{page: p.page("Audit trail", s, key)}
	var es []decisions.AccessEntry
	cp, next, err := l.Decisions.Accesses(r.Context(), from, AccessPageRows, func(e decisions.AccessEntry) error {
		es = append(es, e)
		return nil
	})
	if err != nil {
		p.o.Logger.ErrorContext(r.Context(), "regulator: audit trail", "err", err)
		tp.Error = "The audit trail could not be read."
		p.render(w, r, http.StatusOK, "trail", tp)
		return
	}
	if c, err := verify.OpenCheckpoint(cp.Note, l.Log.Verifier()); err != nil || c != cp.Checkpoint {
		tp.Error = fmt.Sprintf("The log's checkpoint does not verify with its key (%v), so no inclusion below is shown as verified.", err)
	} else {
		tp.Signed = true
	}
	tp.Checkpoint = strconv.FormatUint(cp.Size, 10) + " " + cp.Root.String()
	for _, e := range es {
		a := e.Access
		row := accessRow{Index: e.Index, Time: a.Time.UTC().Format("2006-01-02 15:04:05"), Reader: a.Reader,
			Decision: a.DecisionID, Leaf: a.Index, What: a.What,
			Link: p.o.Prefix + "/logs/" + key + "/decisions/" + url.PathEscape(a.DecisionID)}
		err := verify.VerifyInclusion(e.Index, cp.Size, verify.LeafHash(e.LeafBytes), e.Proof, cp.Root)
		switch {
		case err != nil:
			row.Problem = err.Error()
		case !tp.Signed:
			row.Problem = "the checkpoint is not signed by the log's key"
		default:
			row.Included = true
		}
		tp.Rows = append(tp.Rows, row)
	}
	if next != 0 {
		tp.Next = p.o.Prefix + "/logs/" + key + "/trail?from=" + strconv.FormatUint(next, 10)
	}
	p.render(w, r, http.StatusOK, "trail", tp)
}
