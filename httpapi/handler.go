package httpapi

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// DefaultPageSize is the number of ids in one page of GET /v1/decisions.
const DefaultPageSize = 1000

// Options configures [New]. Log, Decisions, Tokens and Links are required.
type Options struct {
	Log       *auditlog.Log
	Decisions *decisions.Log // the decision records on Log
	Tokens    *access.Tokens // the bearer tokens of the roles
	Links     *access.Links  // the applicants' capability links

	// Receipt returns the receipt of a decision, with its anchor attached
	// when one covers it (nil: Decisions.Receipt, without an anchor). It
	// MUST fail with an error wrapping decisions.ErrNotFound for an
	// unknown id.
	Receipt func(ctx context.Context, id string) (*receipt.Receipt, error)
	// LatestAnchor, if set, returns the latest confirmed anchor, shown in
	// GET /v1/checkpoints/latest.
	LatestAnchor func() (any, bool)
	// Metrics serves GET /metrics to the metrics role (nil: no route).
	Metrics http.Handler
	// BaseURL prefixes the url of an issued link ("https://lender.example";
	// "" gives a path only).
	BaseURL string
	// PagePrefix, when set, is the path of the applicant's page of a link
	// ("/portal/a/", where a portal is mounted): an issued link then also
	// carries Page, BaseURL + PagePrefix + token.
	PagePrefix string
	// PageSize is the number of ids in a page of GET /v1/decisions
	// (0: DefaultPageSize; at most decisions.MaxPageSize).
	PageSize int
	// Mount, if set, is called with the handler once the built-in routes
	// are in place, to add a program's own routes ([Handler.Handle],
	// [Handler.HandlePublic]).
	Mount func(*Handler)
	// Logger receives internal errors (nil: discarded). Answers to
	// clients never carry them.
	Logger *slog.Logger
}

// Handler is the HTTP surface of one log. It is safe for concurrent use,
// [Handler.Handle] included. A pattern that conflicts with a route already
// mounted panics, as http.ServeMux does: that is a program's bug, never
// the input's.
type Handler struct {
	o   Options
	mux *http.ServeMux

	mu     sync.Mutex
	routes []Route // what Handle and HandlePublic mounted (Routes)
}

// New returns the handler of o's log with the built-in routes (see the
// package doc).
func New(o Options) (*Handler, error) {
	if o.Log == nil || o.Decisions == nil || o.Tokens == nil || o.Links == nil {
		return nil, errors.Join(ErrConfig, errors.New("httpapi: Options.Log, Decisions, Tokens and Links are required"))
	}
	if o.PageSize < 0 || o.PageSize > decisions.MaxPageSize {
		return nil, errors.Join(ErrConfig, errors.New("httpapi: Options.PageSize out of range"))
	}
	if o.PageSize == 0 {
		o.PageSize = DefaultPageSize
	}
	if o.Receipt == nil {
		o.Receipt = o.Decisions.Receipt
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	h := &Handler{o: o, mux: http.NewServeMux()}
	h.mux.Handle("/", secure(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		WriteError(w, http.StatusNotFound, "no such route")
	})))
	h.HandlePublic("GET "+OpenAPIPath, http.HandlerFunc(h.serveOpenAPI))
	h.HandlePublic("GET /v1/checkpoints/latest", http.HandlerFunc(h.getLatest))
	h.HandlePublic("GET /v1/checkpoints/{size}", http.HandlerFunc(h.getCheckpointAt))
	h.HandlePublic("GET /v1/proofs/consistency", http.HandlerFunc(h.getConsistency))
	h.HandlePublic("GET /v1/receipts/{token}", private(http.HandlerFunc(h.getReceipt)))
	h.Handle("GET /v1/decisions", access.RoleRegulator, http.HandlerFunc(h.listDecisions))
	h.Handle("GET /v1/decisions/{id}", access.RoleRegulator, http.HandlerFunc(h.getDecision))
	h.Handle("POST /v1/decisions/{id}/link", access.RoleLender, http.HandlerFunc(h.postLink))
	if o.Metrics != nil {
		h.Handle("GET /metrics", access.RoleMetrics, o.Metrics)
	}
	if o.Mount != nil {
		o.Mount(h)
	}
	return h, nil
}

// ServeHTTP serves the routes.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// Handle mounts handler on pattern (http.ServeMux syntax) for callers
// holding a bearer token of role (or of one of more roles): 401 without a
// valid token, 403 for another role, both as JSON errors. Answers carry
// the security headers and Cache-Control: no-store.
func (h *Handler) Handle(pattern string, role access.Role, handler http.Handler, more ...access.Role) {
	roles := append([]access.Role{role}, more...)
	h.mux.Handle(pattern, secure(private(h.require(handler, roles))))
	h.addRoute(pattern, roles)
}

// HandlePublic mounts handler on pattern for everyone, with the security
// headers. A public route MUST NOT answer with personal data unless the
// request carries a capability for it.
func (h *Handler) HandlePublic(pattern string, handler http.Handler) {
	h.mux.Handle(pattern, secure(handler))
	h.addRoute(pattern, nil)
}

// require is access.Tokens.Require with JSON answers.
func (h *Handler) require(next http.Handler, roles []access.Role) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		role, err := h.o.Tokens.Authenticate(r)
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="glassbox"`)
			msg := "a valid bearer token is required"
			if errors.Is(err, access.ErrNoCredentials) {
				msg = "a bearer token is required (Authorization: Bearer TOKEN)"
			}
			WriteError(w, http.StatusUnauthorized, msg)
			return
		}
		for _, want := range roles {
			if role == want {
				next.ServeHTTP(w, r.WithContext(access.WithRole(r.Context(), role)))
				return
			}
		}
		WriteError(w, http.StatusForbidden, "the "+string(role)+" role may not do this")
	})
}

// secure sets the headers every answer carries. A mounted handler may
// override them (a page sets its own Content-Security-Policy).
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer") // capability tokens travel in paths
		hd.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// private marks an answer that may hold personal data: no cache keeps it.
func private(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// internal logs err and answers 500 without it.
func (h *Handler) internal(w http.ResponseWriter, r *http.Request, err error) {
	h.o.Logger.Error("httpapi: request failed", "method", r.Method, "pattern", r.Pattern, "err", err)
	WriteError(w, http.StatusInternalServerError, "internal error")
}

// Checkpoint is the answer of GET /v1/checkpoints/latest and /{size}.
type Checkpoint struct {
	Origin   string `json:"origin"`
	TreeSize uint64 `json:"tree_size"`
	Root     string `json:"root"` // base64, as in the note
	Note     string `json:"note"` // the signed checkpoint (C2SP signed note)
	// Anchor is the latest confirmed anchor (latest only; its tree size
	// may differ).
	Anchor any `json:"anchor,omitempty"`
}

func checkpointOf(cp auditlog.SignedCheckpoint) Checkpoint {
	return Checkpoint{Origin: cp.Origin, TreeSize: cp.Size, Root: base64.StdEncoding.EncodeToString(cp.Root[:]), Note: string(cp.Note)}
}

func (h *Handler) getLatest(w http.ResponseWriter, r *http.Request) {
	cp, err := h.o.Log.LatestCheckpoint(r.Context())
	if errors.Is(err, auditlog.ErrNotFound) {
		cp, err = h.o.Log.Checkpoint(r.Context())
	}
	if errors.Is(err, auditlog.ErrReadOnly) || errors.Is(err, auditlog.ErrWrongKey) {
		WriteError(w, http.StatusNotFound, "the log has no checkpoint yet")
		return
	}
	if err != nil {
		h.internal(w, r, err)
		return
	}
	out := checkpointOf(cp)
	if h.o.LatestAnchor != nil {
		if a, ok := h.o.LatestAnchor(); ok {
			out.Anchor = a
		}
	}
	WriteJSON(w, http.StatusOK, out)
}

func (h *Handler) getCheckpointAt(w http.ResponseWriter, r *http.Request) {
	size, err := strconv.ParseUint(r.PathValue("size"), 10, 64)
	if err != nil {
		WriteError(w, http.StatusBadRequest, "the checkpoint size must be a decimal number")
		return
	}
	cp, err := h.o.Log.CheckpointAt(r.Context(), size)
	if errors.Is(err, auditlog.ErrNotFound) {
		WriteError(w, http.StatusNotFound, "no checkpoint of that size")
		return
	}
	if err != nil {
		h.internal(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, checkpointOf(cp))
}

// Consistency is the answer of GET /v1/proofs/consistency?from=A[&to=B],
// the same object `glassbox log consistency` prints: the proof and, to
// check it against, the roots of both sizes and the signed checkpoints of
// those sizes where the log stored one.
type Consistency struct {
	From     uint64   `json:"from"`
	To       uint64   `json:"to"`
	RootFrom string   `json:"root_from"` // base64, as in the note
	RootTo   string   `json:"root_to"`
	Proof    []string `json:"proof"` // base64 hashes, RFC 6962 order
	NoteFrom string   `json:"note_from,omitempty"`
	NoteTo   string   `json:"note_to,omitempty"`
}

// getConsistency answers ?from=A&to=B; without to, B is the size of the
// latest signed checkpoint (the tree size if none), as the CLI does.
func (h *Handler) getConsistency(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	from, err := strconv.ParseUint(q.Get("from"), 10, 64)
	if err != nil {
		WriteError(w, http.StatusBadRequest, "from: want a decimal tree size (?from=A[&to=B])")
		return
	}
	var to uint64
	if q.Has("to") {
		if to, err = strconv.ParseUint(q.Get("to"), 10, 64); err != nil {
			WriteError(w, http.StatusBadRequest, "to: want a decimal tree size (?from=A[&to=B])")
			return
		}
	} else {
		cp, err := h.o.Log.LatestCheckpoint(ctx)
		switch {
		case errors.Is(err, auditlog.ErrNotFound):
			to = h.o.Log.Size()
		case err != nil:
			h.internal(w, r, err)
			return
		default:
			to = cp.Size
		}
	}
	if from > to || to > h.o.Log.Size() {
		WriteError(w, http.StatusBadRequest, "want ?from=A[&to=B] with A <= B <= the log size ("+strconv.FormatUint(h.o.Log.Size(), 10)+")")
		return
	}
	proof, err := h.o.Log.ConsistencyProof(ctx, from, to)
	if err != nil {
		WriteError(w, http.StatusBadRequest, "no consistency proof between those sizes")
		return
	}
	r1, err := h.o.Log.RootAt(ctx, from)
	if err != nil {
		h.internal(w, r, err)
		return
	}
	r2, err := h.o.Log.RootAt(ctx, to)
	if err != nil {
		h.internal(w, r, err)
		return
	}
	out := Consistency{From: from, To: to, RootFrom: base64.StdEncoding.EncodeToString(r1[:]), RootTo: base64.StdEncoding.EncodeToString(r2[:]),
		Proof: make([]string, len(proof))}
	for i, p := range proof {
		out.Proof[i] = base64.StdEncoding.EncodeToString(p[:])
	}
	if cp, err := h.o.Log.CheckpointAt(ctx, from); err == nil {
		out.NoteFrom = string(cp.Note)
	}
	if cp, err := h.o.Log.CheckpointAt(ctx, to); err == nil {
		out.NoteTo = string(cp.Note)
	}
	WriteJSON(w, http.StatusOK, out)
}

// errNoReceipt is the one answer for a capability that is invalid, and for
// one whose decision is not in this log: neither says whether an id exists.
const errNoReceipt = "no such receipt"

func (h *Handler) getReceipt(w http.ResponseWriter, r *http.Request) {
	id, _, err := h.o.Links.Open(r.PathValue("token"))
	if errors.Is(err, access.ErrLinkExpired) {
		WriteError(w, http.StatusGone, "this link has expired; ask the lender for a new one")
		return
	}
	if err != nil {
		WriteError(w, http.StatusNotFound, errNoReceipt)
		return
	}
	rc, err := h.o.Receipt(r.Context(), id)
	if errors.Is(err, decisions.ErrNotFound) {
		WriteError(w, http.StatusNotFound, errNoReceipt)
		return
	}
	if errors.Is(err, auditlog.ErrReadOnly) {
		// A read-only log cannot sign the checkpoint a new decision needs.
		WriteError(w, http.StatusServiceUnavailable, "no checkpoint covers this decision yet; try again later")
		return
	}
	if err != nil {
		h.internal(w, r, err)
		return
	}
	b, err := rc.Marshal()
	if err != nil {
		h.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}

// DecisionPage is the answer of GET /v1/decisions?cursor=C: decision ids in
// time order; Next is the cursor of the next page, "" on the last.
type DecisionPage struct {
	IDs  []string `json:"ids"`
	Next string   `json:"next"`
}

func (h *Handler) listDecisions(w http.ResponseWriter, r *http.Request) {
	page, err := h.o.Decisions.ByTime(r.Context(), time.Time{}, time.Time{}, decisions.PageRequest{Limit: h.o.PageSize, Cursor: r.URL.Query().Get("cursor")})
	if errors.Is(err, decisions.ErrInvalidQuery) {
		WriteError(w, http.StatusBadRequest, "invalid cursor")
		return
	}
	if err != nil {
		h.internal(w, r, err)
		return
	}
	out := DecisionPage{IDs: make([]string, 0, len(page.Records)), Next: page.Next}
	for _, rec := range page.Records {
		out.IDs = append(out.IDs, rec.Leaf.DecisionID)
	}
	WriteJSON(w, http.StatusOK, out)
}

// Decision is the answer of GET /v1/decisions/{id}: where the decision is,
// whether its personal payload is still readable, its latest outcome and
// its receipt (with disclosures unless the subject was erased).
type Decision struct {
	ID      string          `json:"id"`
	Index   uint64          `json:"index"`
	Status  string          `json:"status"`
	Outcome string          `json:"outcome,omitempty"`
	Receipt json.RawMessage `json:"receipt"`
}

func (h *Handler) getDecision(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st, err := h.o.Decisions.Get(r.Context(), id)
	if errors.Is(err, decisions.ErrNotFound) {
		WriteError(w, http.StatusNotFound, "decision not found")
		return
	}
	if err != nil {
		h.internal(w, r, err)
		return
	}
	rc, err := h.o.Receipt(r.Context(), id)
	if err != nil {
		h.internal(w, r, err)
		return
	}
	b, err := rc.Marshal()
	if err != nil {
		h.internal(w, r, err)
		return
	}
	out := Decision{ID: id, Index: st.Index, Status: string(st.Status), Receipt: b}
	if st.Outcome != nil {
		out.Outcome = st.Outcome.Label
	}
	WriteJSON(w, http.StatusOK, out)
}

// Link is an applicant's capability link, the answer of POST
// /v1/decisions/{id}/link: hand Token (or URL) to the applicant and to
// nobody else.
type Link struct {
	Token string `json:"token"`
	URL   string `json:"url"`
	// Page is the applicant's page (Options.PagePrefix), if any.
	Page    string    `json:"page,omitempty"`
	Expires time.Time `json:"expires"`
}

// IssueLink returns a new capability link to the receipt of decision id.
// It does not check that the decision exists.
func (h *Handler) IssueLink(id string) (Link, error) {
	tok, exp, err := h.o.Links.Issue(id)
	if err != nil {
		return Link{}, err
	}
	l := Link{Token: tok, URL: h.o.BaseURL + "/v1/receipts/" + url.PathEscape(tok), Expires: exp}
	if h.o.PagePrefix != "" {
		l.Page = h.o.BaseURL + h.o.PagePrefix + url.PathEscape(tok)
	}
	return l, nil
}

func (h *Handler) postLink(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, err := h.o.Decisions.Get(r.Context(), id); errors.Is(err, decisions.ErrNotFound) {
		WriteError(w, http.StatusNotFound, "decision not found")
		return
	} else if err != nil {
		h.internal(w, r, err)
		return
	}
	l, err := h.IssueLink(id)
	if err != nil {
		h.internal(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, l)
}
