//go:build js && wasm

// Command receiptwasm is the Glassbox receipt verifier for the browser:
// built with GOOS=js GOARCH=wasm (scripts/build-wasm writes
// portal/static/receipt.wasm and wasm_exec.js), it runs package
// portal/receiptcheck in the page and reads the chain itself with fetch.
//
// It defines one JavaScript function:
//
//	glassboxVerify(receipt, rpcURL, contract, logKey) -> Promise<string>
//
// receipt is the receipt file's text or bytes (a string or a Uint8Array);
// rpcURL is an Ethereum JSON-RPC URL and contract the GlassboxRegistry
// address ("" for both: offline, no chain); logKey is the log's note
// verifier key, or "" to use the key registered on the contract. The
// promise resolves to the JSON of a receiptcheck.Report (every step with
// its status and message, and the verdict: "valid", "invalid" or
// "partial"), and rejects only on unusable arguments. Each call reads the
// chain for at most CallTimeout.
//
// The page that loads it needs a Content-Security-Policy allowing
// 'wasm-unsafe-eval' in script-src and the RPC origin in connect-src;
// nothing else (no inline script, no eval).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"syscall/js"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
)

// CallTimeout bounds the chain reads of one glassboxVerify call.
const CallTimeout = 30 * time.Second

func main() {
	js.Global().Set("glassboxVerify", js.FuncOf(verifyJS))
	select {} // serve calls until the page goes away
}

// verifyJS is glassboxVerify.
func verifyJS(_ js.Value, args []js.Value) any {
	b, opts, err := parseArgs(args)
	promise := js.Global().Get("Promise")
	if err != nil {
		return promise.Call("reject", js.Global().Get("TypeError").New("glassboxVerify: "+err.Error()))
	}
	executor := js.FuncOf(func(_ js.Value, p []js.Value) any {
		resolve, reject := p[0], p[1]
		go func() {
			defer func() {
				// A panic would end the program and every later call:
				// reject this call instead.
				if p := recover(); p != nil {
					reject.Invoke(js.Global().Get("Error").New(fmt.Sprintf("glassboxVerify: internal error: %v", p)))
				}
			}()
			ctx, cancel := context.WithTimeout(context.Background(), CallTimeout)
			defer cancel()
			rep, err := receiptcheck.Verify(ctx, b, opts)
			if err != nil {
				reject.Invoke(js.Global().Get("Error").New("glassboxVerify: " + err.Error()))
				return
			}
			out, err := json.Marshal(rep)
			if err != nil {
				reject.Invoke(js.Global().Get("Error").New("glassboxVerify: " + err.Error()))
				return
			}
			resolve.Invoke(string(out))
		}()
		return nil
	})
	defer executor.Release() // the Promise constructor has called it by then
	return promise.New(executor)
}

// parseArgs checks the arguments' types: a receipt (string or Uint8Array,
// at most receipt.MaxSize bytes) and three optional strings.
func parseArgs(args []js.Value) ([]byte, *receiptcheck.Options, error) {
	if len(args) < 1 || len(args) > 4 {
		return nil, nil, fmt.Errorf("want 1 to 4 arguments (receipt, rpcURL, contract, logKey), got %d", len(args))
	}
	var b []byte
	switch a := args[0]; {
	case a.Type() == js.TypeString:
		b = []byte(a.String())
		if len(b) > receipt.MaxSize {
			return nil, nil, fmt.Errorf("the receipt is %d bytes, over the limit of %d", len(b), receipt.MaxSize)
		}
	case a.InstanceOf(js.Global().Get("Uint8Array")):
		if n := a.Length(); n > receipt.MaxSize {
			return nil, nil, fmt.Errorf("the receipt is %d bytes, over the limit of %d", n, receipt.MaxSize)
		}
		b = make([]byte, a.Length())
		js.CopyBytesToGo(b, a)
	default:
		return nil, nil, errors.New("the receipt must be a string or a Uint8Array")
	}
	var s [3]string
	for i, name := range []string{"rpcURL", "contract", "logKey"} {
		if i+1 >= len(args) || args[i+1].IsUndefined() || args[i+1].IsNull() {
			continue
		}
		if args[i+1].Type() != js.TypeString {
			return nil, nil, fmt.Errorf("%s must be a string", name)
		}
		s[i] = args[i+1].String()
	}
	rpcURL, contract, logKey := s[0], s[1], s[2]
	if (rpcURL == "") != (contract == "") {
		return nil, nil, errors.New("rpcURL and contract go together")
	}
	opts := &receiptcheck.Options{LogKey: logKey, Contract: contract}
	if rpcURL != "" {
		opts.RPC = fetchTransport{url: rpcURL}
	}
	return b, opts, nil
}
