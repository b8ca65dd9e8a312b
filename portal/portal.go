package portal

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// Only the portal's own templates, style and script are embedded; the
// verifier (receipt.wasm, wasm_exec.js) is a build output served from
// Options.Static.
var (
	//go:embed templates/*.html
	templateFS embed.FS
	//go:embed static/portal.css static/portal.js
	ownStatic embed.FS
)

// The files of Options.Static the in-browser check needs.
const (
	wasmFile     = "receipt.wasm"
	wasmExecFile = "wasm_exec.js"
)

// maxForm bounds a form body: the dispute text and a little more.
const maxForm = 4 * MaxDisputeText

// Portal is the applicant's portal, an http.Handler. It is safe for
// concurrent use.
type Portal struct {
	o     Options
	mux   *http.ServeMux
	pages map[string]*template.Template
	csp   string
	cop   *http.CrossOriginProtection
	mu    sync.Mutex // serialises filing a dispute per portal
}

// New returns a portal configured by opts (see [Options]; Decisions and
// Links are required).
func New(opts *Options) (*Portal, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	p := &Portal{o: o, mux: http.NewServeMux(), pages: map[string]*template.Template{}, cop: http.NewCrossOriginProtection()}
	for _, name := range []string{"applicant", "check", "error", "confirm"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("portal: template %s: %w", name, err)
		}
		p.pages[name] = t
	}
	connect := "'self'"
	if o.RPCURL != "" {
		connect += " " + o.RPCURL
	}
	p.csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src " + connect +
		"; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
	p.mux.HandleFunc("GET /a/{token}", p.applicant)
	p.mux.HandleFunc("GET /a/{token}/receipt.json", p.download)
	p.mux.HandleFunc("GET /a/{token}/model", p.model)
	p.mux.HandleFunc("POST /a/{token}/dispute", p.dispute)
	p.mux.HandleFunc("POST /a/{token}/erase", p.erase)
	p.mux.HandleFunc("GET /check", p.check)
	p.mux.HandleFunc("GET /static/{file}", p.static)
	p.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		p.fail(w, r, http.StatusNotFound, "Page not found", "There is no page at this address.", "")
	})
	return p, nil
}

// ServeHTTP serves the portal's routes (see the package documentation).
// A request path that starts with Options.Prefix has it stripped first.
func (p *Portal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", p.csp)
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	if pre := p.o.Prefix; pre != "" && (r.URL.Path == pre || strings.HasPrefix(r.URL.Path, pre+"/")) {
		r2 := new(http.Request)
		*r2 = *r
		u := *r.URL
		u.Path = strings.TrimPrefix(r.URL.Path, pre)
		u.RawPath = ""
		if u.Path == "" {
			u.Path = "/"
		}
		r2.URL = &u
		r = r2
	}
	p.mux.ServeHTTP(w, r)
}

// base is what every page's layout needs.
type base struct {
	Title   string
	Lender  string
	Prefix  string
	Wasm    bool // the verifier can be served
	Scripts bool // the page loads portal.js (and the verifier, if Wasm)
}

func (p *Portal) base(title string, scripts bool) base {
	return base{Title: title, Lender: p.o.Lender, Prefix: p.o.Prefix, Wasm: scripts && p.wasmAvailable(), Scripts: scripts}
}

// wasmAvailable reports whether Options.Static holds the verifier.
func (p *Portal) wasmAvailable() bool {
	if p.o.Static == nil {
		return false
	}
	for _, f := range []string{wasmFile, wasmExecFile} {
		if st, err := fs.Stat(p.o.Static, f); err != nil || st.IsDir() {
			return false
		}
	}
	return true
}

func (p *Portal) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	var b strings.Builder
	if err := p.pages[page].Execute(&b, data); err != nil {
		p.o.Logger.ErrorContext(r.Context(), "portal: rendering", "page", page, "err", err)
		http.Error(w, "The page could not be rendered.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, b.String())
}

// errorPage is the data of the error page.
type errorPage struct {
	base
	Status  int
	Heading string
	Message string
	Detail  string // what could and could not be checked, or what to do
}

func (p *Portal) fail(w http.ResponseWriter, r *http.Request, status int, heading, message, detail string) {
	p.render(w, r, status, "error", errorPage{base: p.base(heading, false), Status: status, Heading: heading, Message: message, Detail: detail})
}

// internal logs err and shows a page that says what went wrong without
// its details.
func (p *Portal) internal(w http.ResponseWriter, r *http.Request, what string, err error) {
	p.o.Logger.ErrorContext(r.Context(), "portal: "+what, "err", err)
	p.fail(w, r, http.StatusInternalServerError, "Something went wrong on our side",
		"The lender's service could not "+what+". Nothing was changed. Please try again later.", "")
}

// open opens the link of a request and returns the decision id, or writes
// the error page and returns false.
func (p *Portal) open(w http.ResponseWriter, r *http.Request) (string, bool) {
	id, expires, err := p.o.Links.Open(r.PathValue("token"))
	switch {
	case errors.Is(err, access.ErrLinkExpired):
		p.fail(w, r, http.StatusGone, "This link has expired",
			"The link to your decision expired on "+expires.UTC().Format("2 January 2006 at 15:04 UTC")+".",
			"Nothing was shown or checked. Ask your lender for a new link; the decision and its record are unchanged.")
		return "", false
	case err != nil:
		p.fail(w, r, http.StatusNotFound, "This link is not valid",
			"This address does not open a decision of "+p.o.Lender+".",
			"Check that you used the whole link from your lender's message (links are long). Nothing was shown or checked. If it still fails, ask your lender for a new link.")
		return "", false
	}
	if p.o.Authorize != nil {
		if err := p.o.Authorize(r, id); err != nil {
			p.fail(w, r, http.StatusForbidden, "Access refused", err.Error(), "")
			return "", false
		}
	}
	return id, true
}

// load reads a decision and its receipt (with Options.Attach applied).
func (p *Portal) load(ctx context.Context, id string) (decisions.Stored, *receipt.Receipt, string, error) {
	st, err := p.o.Decisions.Get(ctx, id)
	if err != nil {
		return st, nil, "", err
	}
	rc, err := p.o.Decisions.Receipt(ctx, id)
	if err != nil {
		return st, nil, "", err
	}
	note := ""
	if p.o.Attach != nil {
		if err := p.o.Attach(ctx, rc); errors.Is(err, anchor.ErrNoAnchor) {
			note = "The log has not been anchored on chain since this decision was recorded; the chain check will say so."
		} else if err != nil {
			p.o.Logger.WarnContext(ctx, "portal: attaching the anchor", "decision", id, "err", err)
			note = "The anchor of this receipt could not be attached by the lender's service; the chain check will say so."
		}
	}
	return st, rc, note, nil
}

func (p *Portal) loadOrFail(w http.ResponseWriter, r *http.Request, id string) (decisions.Stored, *receipt.Receipt, string, bool) {
	st, rc, note, err := p.load(r.Context(), id)
	if errors.Is(err, decisions.ErrNotFound) {
		p.fail(w, r, http.StatusNotFound, "Decision not found",
			"The link is genuine, but the lender's log holds no decision for it.",
			"Nothing could be checked. Please contact your lender.")
		return st, nil, "", false
	}
	if err != nil {
		p.internal(w, r, "read your decision", err)
		return st, nil, "", false
	}
	return st, rc, note, true
}

func (p *Portal) applicant(w http.ResponseWriter, r *http.Request) {
	id, ok := p.open(w, r)
	if !ok {
		return
	}
	st, rc, note, ok := p.loadOrFail(w, r, id)
	if !ok {
		return
	}
	v, err := p.view(r.Context(), r.PathValue("token"), st, rc)
	if err != nil {
		p.internal(w, r, "show your decision", err)
		return
	}
	v.AnchorNote = note
	switch r.URL.Query().Get("done") {
	case "dispute":
		v.Notice = "Your dispute was filed on the public registry."
	case "erased":
		if !v.Erased { // erased already shows what happened
			v.Notice = "Your personal data was erased."
		}
	}
	p.render(w, r, http.StatusOK, "applicant", v)
}

func (p *Portal) download(w http.ResponseWriter, r *http.Request) {
	id, ok := p.open(w, r)
	if !ok {
		return
	}
	_, rc, _, ok := p.loadOrFail(w, r, id)
	if !ok {
		return
	}
	b, err := rc.Marshal()
	if err != nil {
		p.internal(w, r, "write your receipt", err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Disposition", `attachment; filename="`+receiptFileName(id)+`"`)
	w.Write(b)
}

// model serves the model artifact of the link's decision, for the page's
// re-run (Options.Artifacts); the bytes are checked against the leaf's
// digest before they are served, and again by the browser.
func (p *Portal) model(w http.ResponseWriter, r *http.Request) {
	id, ok := p.open(w, r)
	if !ok {
		return
	}
	if p.o.Artifacts == nil {
		p.fail(w, r, http.StatusNotFound, "No model here", "This server does not serve model artifacts.", "")
		return
	}
	st, err := p.o.Decisions.Get(r.Context(), id)
	if errors.Is(err, decisions.ErrNotFound) {
		p.fail(w, r, http.StatusNotFound, "Decision not found", "The link is genuine, but the lender's log holds no decision for it.", "")
		return
	}
	if err != nil {
		p.internal(w, r, "read your decision", err)
		return
	}
	digest := [32]byte(st.Leaf.Model.ArtifactDigest)
	b, err := p.o.Artifacts(r.Context(), digest)
	if err == nil && sha256.Sum256(b) != digest {
		err = fmt.Errorf("the artifact served for %x has another digest", digest)
	}
	if err != nil {
		p.internal(w, r, "find the model of your decision", err)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Write(b)
}

// receiptFileName is receipt-ID.json with every byte of the id outside
// [A-Za-z0-9._-] replaced by "_".
func receiptFileName(id string) string {
	b := []byte(id)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			b[i] = '_'
		}
	}
	return "receipt-" + string(b) + ".json"
}

// post checks a form POST: not cross-site, and a body that parses.
func (p *Portal) post(w http.ResponseWriter, r *http.Request) bool {
	if err := p.cop.Check(r); err != nil {
		from := r.Header.Get("Origin")
		if from == "" {
			from = "another site"
		}
		p.fail(w, r, http.StatusForbidden, "Request refused",
			fmt.Sprintf("This form was sent from %s, not from this portal's own page, so it was refused (%v).", from, errors.Join(ErrCrossSite, err)),
			"Nothing was changed. If you meant to do this, open your link again and use the form on that page.")
		return false
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		p.fail(w, r, http.StatusBadRequest, "The form could not be read", "The form's content could not be read: "+err.Error(), "Nothing was changed.")
		return false
	}
	return true
}

// disputeKey is the Store key of the dispute filed for a leaf index.
func disputeKey(index uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte("dispute/"), index)
}

// filedDispute returns the dispute id filed for a leaf index, if any.
func (p *Portal) filedDispute(index uint64) (uint64, bool, error) {
	b, err := p.o.Store.Get(disputeKey(index))
	if errors.Is(err, auditlog.ErrNotFound) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	id, err := strconv.ParseUint(string(b), 10, 64)
	if err != nil {
		return 0, false, fmt.Errorf("portal: stored dispute id %q: %w", b, err)
	}
	return id, true, nil
}

func (p *Portal) dispute(w http.ResponseWriter, r *http.Request) {
	if p.o.Disputes == nil {
		p.fail(w, r, http.StatusNotFound, "Disputes are not available", "This lender's portal does not file disputes.", "")
		return
	}
	if !p.post(w, r) {
		return
	}
	id, ok := p.open(w, r)
	if !ok {
		return
	}
	st, rc, note, ok := p.loadOrFail(w, r, id)
	if !ok {
		return
	}
	text := strings.TrimSpace(r.PostFormValue("text"))
	problem := ""
	switch {
	case text == "":
		problem = "Please write what you think is wrong with the decision."
	case len(text) > MaxDisputeText:
		problem = fmt.Sprintf("Your text is %d bytes long; please shorten it to at most %d.", len(text), MaxDisputeText)
	case !utf8.ValidString(text):
		problem = "Your text contains bytes that are not text."
	}
	if problem != "" {
		v, err := p.view(r.Context(), r.PathValue("token"), st, rc)
		if err != nil {
			p.internal(w, r, "show your decision", err)
			return
		}
		v.AnchorNote, v.Dispute.Problem, v.Dispute.Text = note, problem, text
		p.render(w, r, http.StatusBadRequest, "applicant", v)
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, filed, err := p.filedDispute(st.Index); err != nil {
		p.internal(w, r, "read your dispute", err)
		return
	} else if !filed {
		did, err := p.o.Disputes.File(r.Context(), st.Index, verify.LeafHash(st.LeafBytes), text)
		if err != nil {
			p.o.Logger.ErrorContext(r.Context(), "portal: filing a dispute", "decision", id, "err", err)
			p.fail(w, r, http.StatusBadGateway, "Your dispute could not be filed",
				"The lender's service could not file your dispute on the public registry.",
				"Nothing was filed. Your decision and its record are unchanged; please try again later.")
			return
		}
		if err := p.o.Store.Put(disputeKey(st.Index), []byte(strconv.FormatUint(did, 10))); err != nil {
			p.internal(w, r, "remember your dispute (it was filed as number "+strconv.FormatUint(did, 10)+")", err)
			return
		}
	}
	http.Redirect(w, r, p.o.Prefix+"/a/"+r.PathValue("token")+"?done=dispute#dispute", http.StatusSeeOther)
}

// confirmPage is the data of the erasure confirmation.
type confirmPage struct {
	base
	Token      string
	DecisionID string
}

// canErase reports whether this server can erase: its log is writable
// (Options.Log), or it was not told the log.
func (p *Portal) canErase() bool {
	return p.o.Log == nil || p.o.Log.Writable() == nil
}

func (p *Portal) erase(w http.ResponseWriter, r *http.Request) {
	if !p.post(w, r) {
		return
	}
	id, ok := p.open(w, r)
	if !ok {
		return
	}
	st, err := p.o.Decisions.Get(r.Context(), id)
	if errors.Is(err, decisions.ErrNotFound) {
		p.fail(w, r, http.StatusNotFound, "Decision not found", "The link is genuine, but the lender's log holds no decision for it.", "Nothing was erased.")
		return
	}
	if err != nil {
		p.internal(w, r, "read your decision", err)
		return
	}
	back := p.o.Prefix + "/a/" + r.PathValue("token")
	if !p.canErase() {
		p.fail(w, r, http.StatusForbidden, "Erasure is not offered here", "This server reads the lender's log but cannot change it; ask the lender's service to erase your personal data.", "Nothing was erased.")
		return
	}
	if st.Status == decisions.StatusErased || st.Payload == nil {
		http.Redirect(w, r, back+"?done=erased", http.StatusSeeOther)
		return
	}
	if r.PostFormValue("confirm") != "yes" {
		p.render(w, r, http.StatusOK, "confirm", confirmPage{base: p.base("Erase your personal data?", false), Token: r.PathValue("token"), DecisionID: id})
		return
	}
	if _, err := p.o.Decisions.Erase(r.Context(), st.Payload.Subject); err != nil {
		p.internal(w, r, "erase your personal data", err)
		return
	}
	http.Redirect(w, r, back+"?done=erased", http.StatusSeeOther)
}

// checkPage is the data of the public check page.
type checkPage struct {
	base
	Verify verifyConfig
}

func (p *Portal) check(w http.ResponseWriter, r *http.Request) {
	p.render(w, r, http.StatusOK, "check", checkPage{base: p.base("Check a receipt", true), Verify: p.verifyConfig()})
}

// verifyConfig is what the page's script hands the verifier.
type verifyConfig struct {
	RPCURL, Contract, LogKey string
	// Witnesses is the witness verifier keys, space-separated (the form
	// glassboxVerify takes), WitnessThreshold how many must have cosigned.
	Witnesses        string
	WitnessThreshold int
}

func (p *Portal) verifyConfig() verifyConfig {
	return verifyConfig{RPCURL: p.o.RPCURL, Contract: p.o.Contract, LogKey: p.o.LogKey,
		Witnesses: strings.Join(p.o.Witnesses, " "), WitnessThreshold: p.o.WitnessThreshold}
}

func (p *Portal) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	var fsys fs.FS
	ctype := ""
	switch name {
	case "portal.css":
		fsys, name, ctype = ownStatic, "static/portal.css", "text/css; charset=utf-8"
	case "portal.js":
		fsys, name, ctype = ownStatic, "static/portal.js", "text/javascript; charset=utf-8"
	case wasmExecFile:
		fsys, ctype = p.o.Static, "text/javascript; charset=utf-8"
	case wasmFile:
		fsys, ctype = p.o.Static, "application/wasm"
	}
	if fsys == nil {
		http.NotFound(w, r)
		return
	}
	f, err := fsys.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	if rs, ok := f.(io.ReadSeeker); ok {
		http.ServeContent(w, r, name, st.ModTime(), rs)
		return
	}
	io.Copy(w, f)
}

// memKV is the Store of a portal given neither Store nor Log.
type memKV struct {
	mu sync.Mutex
	m  map[string][]byte
}

func newMemKV() *memKV { return &memKV{m: map[string][]byte{}} }

func (m *memKV) Get(key []byte) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[string(key)]
	if !ok {
		return nil, fmt.Errorf("%w: key %q", auditlog.ErrNotFound, key)
	}
	return append([]byte(nil), v...), nil
}

func (m *memKV) Put(key, value []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[string(key)] = append([]byte(nil), value...)
	return nil
}
