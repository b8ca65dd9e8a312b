package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/httpapi"
	"github.com/glassbox-audit/glassbox/lineage"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// maxBody bounds a POSTed application.
const maxBody = 64 << 10

// handler is the service's HTTP API: httpapi's read side of the log, with
// POST /v1/decisions mounted for the lender role. The link key is
// DIR/link.key, made on first use.
func (s *service) handler(tokens *access.Tokens, baseURL string) (*httpapi.Handler, error) {
	links, err := httpapi.DirLinks(s.dir, nil)
	if err != nil {
		return nil, err
	}
	p, err := s.portal(links)
	if err != nil {
		return nil, err
	}
	lin, err := theLineage()
	if err != nil {
		return nil, err
	}
	var rp http.Handler
	if s.cfg.Regulators != "" {
		if rp, err = s.regulatorPortal(); err != nil {
			return nil, err
		}
	}
	return httpapi.New(httpapi.Options{
		PagePrefix: portalPrefix + "/a/",
		BaseURL:    baseURL,
		Log:        s.log,
		Decisions:  s.dec,
		Tokens:     tokens,
		Links:      links,
		Receipt: func(ctx context.Context, id string) (*receipt.Receipt, error) {
			r, _, err := s.receipt(ctx, id)
			return r, err
		},
		LatestAnchor: func() (any, bool) { return s.anchorer.Latest() },
		Metrics:      promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{Registry: s.reg}),
		Mount: func(h *httpapi.Handler) {
			h.HandlePublic(portalPrefix+"/", p)
			// The model's card and schema: public, nothing personal.
			h.HandlePublic("GET "+lineage.DocumentsPath+"{digest}", lin.store)
			// Inclusion proofs of training records against the registered
			// manifest root: for the regulator only, since a proof also
			// tells whether a guessed record was in the training data.
			h.Handle("GET "+lineage.ManifestsPath+"{root}/records/{hash}", access.RoleRegulator, lineage.NewProofServer(lin.manifest))
			if rp != nil {
				h.HandlePublic(regulatorPrefix+"/", rp)
			}
			h.Handle("POST /v1/decisions", access.RoleLender, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				s.postDecision(h, w, r)
			}))
		},
	})
}

// serve runs the API on cfg.HTTP (loopback unless --public) until ctx
// ends. The tokens are --tokens, or DIR/tokens (made on first start).
func (s *service) serve(ctx context.Context, w io.Writer) error {
	var tokens *access.Tokens
	var err error
	where := s.cfg.Tokens
	if where != "" {
		tokens, err = httpapi.LoadTokens(where)
	} else {
		tokens, where, _, err = httpapi.DirTokens(s.dir)
	}
	if err != nil {
		return err
	}
	so := &httpapi.ServerOptions{Addr: s.cfg.HTTP, Public: s.cfg.Public}
	l, err := httpapi.Listen(so)
	if err != nil {
		return err
	}
	base := "http://" + l.Addr().String()
	h, err := s.handler(tokens, base)
	if err != nil {
		l.Close()
		return err
	}
	if s.cfg.Demo > 0 {
		if err := s.demo(ctx, h, w); err != nil {
			l.Close()
			return err
		}
	}
	srv, err := httpapi.NewServer(h, so)
	if err != nil {
		l.Close()
		return err
	}
	fmt.Fprintf(w, "lending service on %s (registry %s on %s); bearer tokens in %s; Ctrl-C to stop\n", base, s.chain.registry.Address().Hex(), s.chain.desc, where)
	fmt.Fprintf(w, "applicant portal: each POST /v1/decisions answer's link.page; anyone can check a receipt at %s%s/check\n", base, portalPrefix)
	if s.chain.rpcURL != "" {
		fmt.Fprintf(w, "chain JSON-RPC for browsers and regulators: %s\n", s.chain.rpcURL)
	}
	return httpapi.Serve(ctx, l, srv, so)
}

// posted is the answer to POST /v1/decisions: the decision and the
// applicant's capability link to their receipt.
type posted struct {
	*Decided
	Link httpapi.Link `json:"link"`
}

func (s *service) postDecision(h *httpapi.Handler, w http.ResponseWriter, r *http.Request) {
	var a Applicant
	if httpapi.DecodeJSON(w, r, &a, maxBody) != nil {
		return
	}
	start := time.Now()
	d, err := s.decide(r.Context(), &a)
	if err != nil {
		var ve *record.ValidationError
		switch {
		case errors.Is(err, errConflict):
			httpapi.WriteError(w, http.StatusConflict, err.Error())
		case errors.As(err, &ve) || errors.Is(err, errApplication):
			httpapi.WriteError(w, http.StatusBadRequest, err.Error())
		default:
			s.logger.Error("lending: deciding failed", "err", err)
			httpapi.WriteError(w, http.StatusInternalServerError, "internal error")
		}
		return
	}
	d.Duration = time.Since(start).String()
	link, err := h.IssueLink(d.ID)
	if err != nil {
		s.logger.Error("lending: issuing a link failed", "err", err)
		httpapi.WriteError(w, http.StatusInternalServerError, "internal error")
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, posted{Decided: d, Link: link})
}
