package loadtest

import (
	"crypto/subtle"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"time"
)

// Baseline is an HTTP server that answers POST /v1/decisions as cheaply
// as the lending service's API shell can: it checks the bearer token,
// decodes the JSON body and answers 200 with a small JSON object, and does
// nothing else (no model, no explanation, no log). Load-tested with the
// same steps in the same run, it is the floor of the load generator and
// the HTTP stack on this machine: the ratio of the service's figures to
// its is the service's own cost.
type Baseline struct {
	URL string
	srv *http.Server
	l   net.Listener
	ch  chan error
}

// StartBaseline serves a [Baseline] on 127.0.0.1 on a free port, taking
// token as a lender's.
func StartBaseline(token string) (*Baseline, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	want := []byte("Bearer " + token)
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/decisions", func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), want) != 1 {
			http.Error(w, `{"error":"unauthorized"}`, http.StatusUnauthorized)
			return
		}
		var body map[string]any
		if err := json.NewDecoder(io.LimitReader(r.Body, 64<<10)).Decode(&body); err != nil {
			http.Error(w, `{"error":"bad request"}`, http.StatusBadRequest)
			return
		}
		id, _ := body["id"].(string)
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"id": id, "decision": "approve"})
	})
	b := &Baseline{
		URL: "http://" + l.Addr().String(),
		srv: &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second},
		l:   l,
		ch:  make(chan error, 1),
	}
	go func() { b.ch <- b.srv.Serve(l) }()
	return b, nil
}

// Close stops the server and waits for it.
func (b *Baseline) Close() error {
	err := b.srv.Close()
	<-b.ch
	return err
}
