package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// logOperator answers from a log in this process (the demo, and a
// regulator given a copy of the operator's log directory).
type logOperator struct {
	log   *auditlog.Log
	dec   *decisions.Log // the decision records on log
	state anchor.State   // the anchorer's, in the log's store
}

func (o logOperator) Origin() string { return o.log.Origin() }

func (o logOperator) CheckpointAt(ctx context.Context, size uint64) ([]byte, error) {
	cp, err := o.log.CheckpointAt(ctx, size)
	if err != nil {
		return nil, err
	}
	return cp.Note, nil
}

func (o logOperator) LatestCheckpoint(ctx context.Context) ([]byte, error) {
	cp, err := o.log.LatestCheckpoint(ctx)
	if err != nil {
		return nil, err
	}
	return cp.Note, nil
}

func (o logOperator) ConsistencyProof(ctx context.Context, size1, size2 uint64) ([]verify.Hash, error) {
	return o.log.ConsistencyProof(ctx, size1, size2)
}

func (o logOperator) DecisionIDs(ctx context.Context, limit int) ([]string, error) {
	var ids []string
	page := decisions.PageRequest{Limit: decisions.MaxPageSize}
	for len(ids) < limit {
		p, err := o.dec.ByTime(ctx, time.Time{}, time.Time{}, page)
		if err != nil {
			return nil, err
		}
		for _, r := range p.Records {
			ids = append(ids, r.Leaf.DecisionID)
		}
		if p.Next == "" {
			break
		}
		page.Cursor = p.Next
	}
	return ids[:min(limit, len(ids))], nil
}

func (o logOperator) Receipt(ctx context.Context, id string) ([]byte, error) {
	r, err := o.dec.Receipt(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := anchor.Attach(ctx, o.log, o.state, r); err != nil {
		return nil, err
	}
	return r.Marshal()
}

// httpOperator asks the lending example's HTTP API (docs/http.md), with
// the regulator's bearer token.
type httpOperator struct {
	base   string
	token  string
	origin string
	client *http.Client
}

func newHTTPOperator(ctx context.Context, base, token string) (*httpOperator, error) {
	o := &httpOperator{base: base, token: token, client: http.DefaultClient}
	var cp struct {
		Origin string `json:"origin"`
	}
	if err := o.getJSON(ctx, "/v1/checkpoints/latest", &cp); err != nil {
		return nil, err
	}
	o.origin = cp.Origin
	return o, nil
}

func (o *httpOperator) get(ctx context.Context, path string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, o.base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+o.token)
	resp, err := o.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s: %s", path, resp.Status, b)
	}
	return b, nil
}

func (o *httpOperator) getJSON(ctx context.Context, path string, v any) error {
	b, err := o.get(ctx, path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func (o *httpOperator) Origin() string { return o.origin }

func (o *httpOperator) checkpoint(ctx context.Context, path string) ([]byte, error) {
	var cp struct {
		Note string `json:"note"`
	}
	if err := o.getJSON(ctx, path, &cp); err != nil {
		return nil, err
	}
	if cp.Note == "" {
		return nil, errors.New("no checkpoint note in the answer")
	}
	return []byte(cp.Note), nil
}

func (o *httpOperator) CheckpointAt(ctx context.Context, size uint64) ([]byte, error) {
	return o.checkpoint(ctx, "/v1/checkpoints/"+strconv.FormatUint(size, 10))
}

func (o *httpOperator) LatestCheckpoint(ctx context.Context) ([]byte, error) {
	return o.checkpoint(ctx, "/v1/checkpoints/latest")
}

func (o *httpOperator) ConsistencyProof(ctx context.Context, size1, size2 uint64) ([]verify.Hash, error) {
	var p struct {
		Proof []string `json:"proof"`
	}
	q := url.Values{"from": {strconv.FormatUint(size1, 10)}, "to": {strconv.FormatUint(size2, 10)}}
	if err := o.getJSON(ctx, "/v1/proofs/consistency?"+q.Encode(), &p); err != nil {
		return nil, err
	}
	out := make([]verify.Hash, len(p.Proof))
	for i, s := range p.Proof {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(b) != len(out[i]) {
			return nil, fmt.Errorf("consistency proof hash %d is not base64 of 32 bytes", i)
		}
		copy(out[i][:], b)
	}
	return out, nil
}

func (o *httpOperator) DecisionIDs(ctx context.Context, limit int) ([]string, error) {
	var ids []string
	cursor := ""
	for len(ids) < limit {
		var p struct {
			IDs  []string `json:"ids"`
			Next string   `json:"next"`
		}
		q := url.Values{"cursor": {cursor}}
		if err := o.getJSON(ctx, "/v1/decisions?"+q.Encode(), &p); err != nil {
			return nil, err
		}
		ids = append(ids, p.IDs...)
		if p.Next == "" {
			break
		}
		cursor = p.Next
	}
	return ids[:min(limit, len(ids))], nil
}

// Receipt reads GET /v1/decisions/{id}, the regulator's route, and
// returns the receipt in it.
func (o *httpOperator) Receipt(ctx context.Context, id string) ([]byte, error) {
	var d struct {
		Receipt json.RawMessage `json:"receipt"`
	}
	if err := o.getJSON(ctx, "/v1/decisions/"+url.PathEscape(id), &d); err != nil {
		return nil, err
	}
	return d.Receipt, nil
}
