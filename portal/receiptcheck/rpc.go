package receiptcheck

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Transport carries one JSON-RPC request to an Ethereum node and returns the
// response body. In the browser it is fetch (cmd/receiptwasm); in Go, an
// HTTP POST. An error means the node could not be reached or answered
// without a usable body; Verify then reports the chain as unavailable.
type Transport interface {
	RoundTrip(ctx context.Context, request []byte) ([]byte, error)
}

// TransportFunc adapts a function to [Transport].
type TransportFunc func(ctx context.Context, request []byte) ([]byte, error)

// RoundTrip calls f.
func (f TransportFunc) RoundTrip(ctx context.Context, request []byte) ([]byte, error) {
	return f(ctx, request)
}

// MaxResponse bounds a JSON-RPC response the verifier reads.
const MaxResponse = 8 << 20

// rpcClient makes JSON-RPC 2.0 calls, one request per round trip.
type rpcClient struct {
	t  Transport
	id uint64
}

type rpcRequest struct {
	JSONRPC string `json:"jsonrpc"`
	ID      uint64 `json:"id"`
	Method  string `json:"method"`
	Params  []any  `json:"params"`
}

type rpcResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  json.RawMessage `json:"result"`
	Error   *struct {
		Code    int64           `json:"code"`
		Message string          `json:"message"`
		Data    json.RawMessage `json:"data"`
	} `json:"error"`
}

// call sends method(params...) and decodes the result into result. A
// failure to reach the node or a malformed answer is [ErrUnavailable]; an
// error response is a *RPCError (also wrapped in ErrUnavailable unless the
// caller finds a revert in it).
func (c *rpcClient) call(ctx context.Context, result any, method string, params ...any) error {
	c.id++
	req, err := json.Marshal(rpcRequest{JSONRPC: "2.0", ID: c.id, Method: method, Params: params})
	if err != nil {
		return fmt.Errorf("receiptcheck: encoding %s: %w", method, err)
	}
	body, err := c.t.RoundTrip(ctx, req)
	if err != nil {
		return fmt.Errorf("%w: %s: %w", ErrUnavailable, method, err)
	}
	if len(body) > MaxResponse {
		return fmt.Errorf("%w: %s: the response is %d bytes, over %d", ErrUnavailable, method, len(body), MaxResponse)
	}
	var resp rpcResponse
	if err := json.Unmarshal(body, &resp); err != nil {
		return fmt.Errorf("%w: %s: the response is not JSON-RPC: %v", ErrUnavailable, method, err)
	}
	if resp.JSONRPC != "2.0" || string(bytes.TrimSpace(resp.ID)) != strconv.FormatUint(c.id, 10) {
		return fmt.Errorf("%w: %s: the response is not a JSON-RPC 2.0 answer to request %d", ErrUnavailable, method, c.id)
	}
	if e := resp.Error; e != nil {
		re := &RPCError{Code: e.Code, Message: e.Message}
		var s string
		if json.Unmarshal(e.Data, &s) == nil {
			if b, err := decodeHexData(s); err == nil {
				re.Data = b
			}
		}
		return re
	}
	if len(resp.Result) == 0 {
		return fmt.Errorf("%w: %s: the response has neither a result nor an error", ErrUnavailable, method)
	}
	if err := json.Unmarshal(resp.Result, result); err != nil {
		return fmt.Errorf("%w: %s: unexpected result %.100s: %v", ErrUnavailable, method, resp.Result, err)
	}
	return nil
}

// decodeHexData decodes 0x-prefixed hex data of an even number of digits.
func decodeHexData(s string) ([]byte, error) {
	h, ok := strings.CutPrefix(s, "0x")
	if !ok {
		return nil, errors.New("hex data without 0x")
	}
	return hex.DecodeString(h)
}

// decodeQuantity decodes a JSON-RPC quantity: 0x and at least one hex digit.
func decodeQuantity(s string) (uint64, error) {
	h, ok := strings.CutPrefix(s, "0x")
	if !ok || h == "" || len(h) > 16 {
		return 0, fmt.Errorf("%q is not a 64-bit quantity", s)
	}
	return strconv.ParseUint(h, 16, 64)
}

func hex0x(b []byte) string { return "0x" + hex.EncodeToString(b) }

func quantity(v uint64) string { return "0x" + strconv.FormatUint(v, 16) }
