package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// maxBody bounds a POSTed application.
const maxBody = 1 << 20

// handler is the service's HTTP API.
func (s *service) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/decisions", s.postDecision)
	mux.HandleFunc("GET /v1/receipts/{id}", s.getReceipt)
	mux.HandleFunc("GET /v1/checkpoints/latest", s.getCheckpoint)
	mux.HandleFunc("GET /v1/checkpoints/{size}", s.getCheckpointAt)
	mux.HandleFunc("GET /v1/proofs/consistency", s.getConsistency)
	mux.HandleFunc("GET /v1/decisions", s.listDecisions)
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{Registry: s.reg}))
	return mux
}

// serve runs the API on addr until ctx ends.
func (s *service) serve(ctx context.Context, addr string, w io.Writer) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(w, "lending service on http://%s (registry %s on %s); Ctrl-C to stop\n", l.Addr(), s.chain.registry.Address().Hex(), s.chain.desc)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shut)
}

type apiError struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func (s *service) postDecision(w http.ResponseWriter, r *http.Request) {
	var a Applicant
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{"bad application JSON: " + err.Error()})
		return
	}
	start := time.Now()
	d, err := s.decide(r.Context(), &a)
	if err != nil {
		code := http.StatusInternalServerError
		var ve *record.ValidationError
		if errors.As(err, &ve) || errors.Is(err, errApplication) {
			code = http.StatusBadRequest
		}
		writeJSON(w, code, apiError{err.Error()})
		return
	}
	d.Duration = time.Since(start).String()
	writeJSON(w, http.StatusOK, d)
}

func (s *service) getReceipt(w http.ResponseWriter, r *http.Request) {
	rc, _, err := s.receipt(r.Context(), r.PathValue("id"))
	if errors.Is(err, decisions.ErrNotFound) {
		writeJSON(w, http.StatusNotFound, apiError{err.Error()})
		return
	}
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, apiError{err.Error()})
		return
	}
	b, err := rc.Marshal()
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, apiError{err.Error()})
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}

// checkpointJSON is GET /v1/checkpoints/latest.
type checkpointJSON struct {
	Origin   string `json:"origin"`
	TreeSize uint64 `json:"tree_size"`
	Root     string `json:"root"` // base64, as in the checkpoint
	Note     string `json:"note"` // the signed checkpoint
	// Anchor is the latest confirmed anchor (its tree size may differ).
	Anchor any `json:"anchor"`
}

func (s *service) getCheckpoint(w http.ResponseWriter, r *http.Request) {
	cp, err := s.log.LatestCheckpoint(r.Context())
	if errors.Is(err, auditlog.ErrNotFound) {
		cp, err = s.log.Checkpoint(r.Context())
	}
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, apiError{err.Error()})
		return
	}
	out := checkpointJSON{Origin: cp.Origin, TreeSize: cp.Size, Root: base64.StdEncoding.EncodeToString(cp.Root[:]), Note: string(cp.Note)}
	if a, ok := s.anchorer.Latest(); ok {
		out.Anchor = a
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *service) getCheckpointAt(w http.ResponseWriter, r *http.Request) {
	size, err := strconv.ParseUint(r.PathValue("size"), 10, 64)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{"size: " + err.Error()})
		return
	}
	cp, err := s.log.CheckpointAt(r.Context(), size)
	if errors.Is(err, auditlog.ErrNotFound) {
		writeJSON(w, http.StatusNotFound, apiError{err.Error()})
		return
	}
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, apiError{err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, checkpointJSON{Origin: cp.Origin, TreeSize: cp.Size, Root: base64.StdEncoding.EncodeToString(cp.Root[:]), Note: string(cp.Note)})
}

// getConsistency answers ?from=A&to=B with {"from", "to", "proof": [base64...]}.
func (s *service) getConsistency(w http.ResponseWriter, r *http.Request) {
	from, err1 := strconv.ParseUint(r.URL.Query().Get("from"), 10, 64)
	to, err2 := strconv.ParseUint(r.URL.Query().Get("to"), 10, 64)
	if err := errors.Join(err1, err2); err != nil || from > to {
		writeJSON(w, http.StatusBadRequest, apiError{"want ?from=A&to=B with A <= B"})
		return
	}
	proof, err := s.log.ConsistencyProof(r.Context(), from, to)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{err.Error()})
		return
	}
	out := struct {
		From  uint64   `json:"from"`
		To    uint64   `json:"to"`
		Proof []string `json:"proof"`
	}{From: from, To: to, Proof: make([]string, len(proof))}
	for i, h := range proof {
		out.Proof[i] = base64.StdEncoding.EncodeToString(h[:])
	}
	writeJSON(w, http.StatusOK, out)
}

// listDecisions answers ?cursor=C with a page of decision ids in time
// order: {"ids": [...], "next": cursor or ""}.
func (s *service) listDecisions(w http.ResponseWriter, r *http.Request) {
	page, err := s.dec.ByTime(r.Context(), time.Time{}, time.Time{}, decisions.PageRequest{Limit: 1000, Cursor: r.URL.Query().Get("cursor")})
	if err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{err.Error()})
		return
	}
	out := struct {
		IDs  []string `json:"ids"`
		Next string   `json:"next"`
	}{IDs: make([]string, 0, len(page.Records)), Next: page.Next}
	for _, rec := range page.Records {
		out.IDs = append(out.IDs, rec.Leaf.DecisionID)
	}
	writeJSON(w, http.StatusOK, out)
}
