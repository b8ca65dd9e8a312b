//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"syscall/js"

	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
)

// fetchTransport posts JSON-RPC requests with the browser's fetch: no
// cookies, no cache. The page's connect-src must allow the URL's origin.
type fetchTransport struct{ url string }

// RoundTrip implements receiptcheck.Transport.
func (f fetchTransport) RoundTrip(ctx context.Context, req []byte) ([]byte, error) {
	abort := js.Global().Get("AbortController").New()
	init := map[string]any{
		"method":      "POST",
		"headers":     map[string]any{"Content-Type": "application/json"},
		"body":        string(req),
		"credentials": "omit",
		"cache":       "no-store",
		"redirect":    "error",
		"signal":      abort.Get("signal"),
	}
	resp, err := await(ctx, abort, js.Global().Call("fetch", f.url, init))
	if err != nil {
		return nil, err
	}
	if !resp.Get("ok").Bool() {
		return nil, fmt.Errorf("HTTP %d %s from %s", resp.Get("status").Int(), resp.Get("statusText").String(), f.url)
	}
	buf, err := await(ctx, abort, resp.Call("arrayBuffer"))
	if err != nil {
		return nil, err
	}
	n := buf.Get("byteLength").Int()
	if n > receiptcheck.MaxResponse {
		return nil, fmt.Errorf("the response from %s is %d bytes, over %d", f.url, n, receiptcheck.MaxResponse)
	}
	out := make([]byte, n)
	js.CopyBytesToGo(out, js.Global().Get("Uint8Array").New(buf))
	return out, nil
}

// await waits for a promise. When ctx ends first it aborts the request and
// still waits for the promise to settle, so that its callbacks are not
// released while JavaScript may call them.
func await(ctx context.Context, abort, promise js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	ok := js.FuncOf(func(_ js.Value, a []js.Value) any {
		ch <- result{v: a[0]}
		return nil
	})
	fail := js.FuncOf(func(_ js.Value, a []js.Value) any {
		msg := "rejected"
		if len(a) > 0 {
			msg = a[0].Call("toString").String()
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	promise.Call("then", ok, fail)
	select {
	case r := <-ch:
		return r.v, r.err
	case <-ctx.Done():
		abort.Call("abort")
		<-ch
		return js.Value{}, ctx.Err()
	}
}
