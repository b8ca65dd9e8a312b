package regulator

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/glassbox-audit/glassbox/portal/access"
)

var (
	//go:embed templates/*.html
	templateFS embed.FS
	//go:embed static/regulator.css static/logcheck.js
	ownStatic embed.FS
)

// maxLoginForm bounds the login form's body.
const maxLoginForm = 4096

// Portal is the regulator's portal, an http.Handler. It is safe for
// concurrent use.
type Portal struct {
	o     Options
	mux   *http.ServeMux
	pages map[string]*template.Template
	cop   *http.CrossOriginProtection
}

// New returns a portal configured by opts (see [Options]).
func New(opts *Options) (*Portal, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	p := &Portal{o: o, mux: http.NewServeMux(), pages: map[string]*template.Template{}, cop: http.NewCrossOriginProtection()}
	for _, name := range []string{"login", "overview", "decisions", "decision", "fairness", "models", "disputes", "trail", "error"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("regulator: template %s: %w", name, err)
		}
		p.pages[name] = t
	}
	p.mux.HandleFunc("GET /login", p.loginForm)
	p.mux.HandleFunc("POST /login", p.login)
	p.mux.HandleFunc("POST /logout", p.logout)
	p.mux.HandleFunc("GET /static/regulator.css", p.css)
	p.mux.Handle("GET /{$}", p.auth(p.overview))
	p.mux.Handle("GET /logs/{log}/decisions", p.auth(p.decisionsPage))
	p.mux.Handle("GET /logs/{log}/decisions/{id}", p.auth(p.decisionPage))
	p.mux.Handle("GET /logs/{log}/decisions/{id}/receipt.json", p.auth(p.receiptDownload))
	p.mux.Handle("GET /logs/{log}/fairness", p.auth(p.fairnessPage))
	p.mux.Handle("GET /logs/{log}/models", p.auth(p.modelsPage))
	p.mux.Handle("GET /logs/{log}/disputes", p.auth(p.disputesPage))
	p.mux.Handle("GET /logs/{log}/trail", p.auth(p.trailPage))
	p.mux.Handle("GET /logs/{log}/evidence.json", p.auth(p.evidence))
	p.mux.HandleFunc("GET /static/{file}", p.static)
	p.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		p.fail(w, r, http.StatusNotFound, "Page not found", "There is no page at this address.")
	})
	return p, nil
}

// csp allows the portal's own style sheet and script (the browser check,
// static/logcheck.js, and the WebAssembly verifier) and nothing else: no
// inline script, no script of another origin, no framing, forms only to
// the portal. connect-src is open to any http(s) origin because the
// browser check reads the chain through the RPC URL the regulator types.
const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self' http: https:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// ServeHTTP serves the portal's routes (see the package documentation).
func (p *Portal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	if pre := p.o.Prefix; pre != "" {
		if r.URL.Path != pre && !strings.HasPrefix(r.URL.Path, pre+"/") {
			p.fail(w, r, http.StatusNotFound, "Page not found", "There is no page at this address.")
			return
		}
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
	if r.Method == http.MethodPost {
		if err := p.cop.Check(r); err != nil {
			p.fail(w, r, http.StatusForbidden, "Request refused",
				fmt.Sprintf("This form was not sent from the portal's own page, so it was refused (%v).", errors.Join(ErrCrossSite, err)))
			return
		}
	}
	p.mux.ServeHTTP(w, r)
}

// page is what every page's layout needs.
type page struct {
	Title     string
	Lender    string
	Prefix    string
	Regulator string // "" when not logged in
	Sealed    bool
	Expires   string
	Nav       []navLink
	Log       string // the log's key in paths, when the page is of one log
}

type navLink struct{ Href, Text string }

func (p *Portal) page(title string, s *access.Session, logKey string) page {
	pg := page{Title: title, Lender: p.o.Lender, Prefix: p.o.Prefix, Log: logKey}
	if s != nil {
		pg.Regulator, pg.Sealed = s.Regulator.Name, s.Regulator.Scope.Sealed
		pg.Expires = s.Expires.UTC().Format("15:04 UTC")
		pg.Nav = []navLink{{p.o.Prefix + "/", "Overview"}}
		if logKey != "" {
			base := p.o.Prefix + "/logs/" + logKey
			pg.Nav = append(pg.Nav, navLink{base + "/decisions", "Decisions"}, navLink{base + "/fairness", "Fairness"},
				navLink{base + "/models", "Models"}, navLink{base + "/disputes", "Disputes"}, navLink{base + "/trail", "Audit trail"})
		}
	}
	return pg
}

func (p *Portal) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var b strings.Builder
	if err := p.pages[name].Execute(&b, data); err != nil {
		p.o.Logger.ErrorContext(r.Context(), "regulator: rendering", "page", name, "err", err)
		http.Error(w, "The page could not be rendered.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, b.String())
}

type errorPage struct {
	page
	Status  int
	Message string
}

func (p *Portal) fail(w http.ResponseWriter, r *http.Request, status int, heading, message string) {
	p.render(w, r, status, "error", errorPage{page: p.page(heading, nil, ""), Status: status, Message: message})
}

func (p *Portal) internal(w http.ResponseWriter, r *http.Request, what string, err error) {
	p.o.Logger.ErrorContext(r.Context(), "regulator: "+what, "err", err)
	p.fail(w, r, http.StatusInternalServerError, "Something went wrong", "The portal could not "+what+".")
}

// handler is a page handler that is given the caller's session.
type handler func(w http.ResponseWriter, r *http.Request, s *access.Session)

// auth serves h to a request with a live session, and redirects any
// other to the login form (saying why when the session expired).
func (p *Portal) auth(h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(SessionCookie)
		if err != nil {
			http.Redirect(w, r, p.o.Prefix+"/login", http.StatusSeeOther)
			return
		}
		s, err := p.o.Sessions.Get(c.Value)
		if err != nil {
			p.clearCookie(w)
			why := ""
			if errors.Is(err, access.ErrSessionExpired) {
				why = "?expired=1"
			}
			http.Redirect(w, r, p.o.Prefix+"/login"+why, http.StatusSeeOther)
			return
		}
		h(w, r, &s)
	})
}

func (p *Portal) cookiePath() string {
	if p.o.Prefix == "" {
		return "/"
	}
	return p.o.Prefix
}

func (p *Portal) clearCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: p.cookiePath(), MaxAge: -1,
		HttpOnly: true, Secure: false, SameSite: http.SameSiteStrictMode})
}

type loginPage struct {
	page
	Problem string
	Notice  string
}

func (p *Portal) loginForm(w http.ResponseWriter, r *http.Request) {
	lp := loginPage{page: p.page("Regulator login", nil, "")}
	if r.URL.Query().Get("expired") != "" {
		lp.Notice = "Your session expired. Please log in again."
	}
	if r.URL.Query().Get("out") != "" {
		lp.Notice = "You are logged out."
	}
	p.render(w, r, http.StatusOK, "login", lp)
}

func (p *Portal) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxLoginForm)
	if err := r.ParseForm(); err != nil {
		p.render(w, r, http.StatusBadRequest, "login", loginPage{page: p.page("Regulator login", nil, ""), Problem: "The form could not be read."})
		return
	}
	reg, err := p.o.Regulators.Authenticate(strings.TrimSpace(r.PostFormValue("credential")))
	if err != nil {
		p.render(w, r, http.StatusUnauthorized, "login", loginPage{page: p.page("Regulator login", nil, ""), Problem: "This credential is not valid."})
		return
	}
	id, s := p.o.Sessions.Start(reg)
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: id, Path: p.cookiePath(), Expires: s.Expires,
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, p.o.Prefix+"/", http.StatusSeeOther)
}

func (p *Portal) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(SessionCookie); err == nil {
		p.o.Sessions.End(c.Value)
	}
	p.clearCookie(w)
	http.Redirect(w, r, p.o.Prefix+"/login?out=1", http.StatusSeeOther)
}

func (p *Portal) css(w http.ResponseWriter, r *http.Request) {
	b, err := ownStatic.ReadFile("static/regulator.css")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

// logOf returns the log of the request's {log} and its key, if the
// session's scope allows it; else it writes a 404 (a log out of scope is
// not distinguished from one that does not exist).
func (p *Portal) logOf(w http.ResponseWriter, r *http.Request, s *access.Session) (*Log, string, bool) {
	key := r.PathValue("log")
	i, err := strconv.Atoi(key)
	if err != nil || i < 0 || i >= len(p.o.Logs) || strconv.Itoa(i) != key || !s.Regulator.Scope.AllowsLog(p.o.Logs[i].Log.Origin()) {
		p.fail(w, r, http.StatusNotFound, "Log not found", "There is no log at this address that your credential may read.")
		return nil, "", false
	}
	return &p.o.Logs[i], key, true
}

func (p *Portal) now() time.Time { return p.o.Clock() }
