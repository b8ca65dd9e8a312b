//go:build js && wasm

// Command receiptwasm is the Glassbox receipt verifier for the browser:
// built with GOOS=js GOARCH=wasm (scripts/build-wasm writes
// portal/static/receipt.wasm and wasm_exec.js), it runs package
// portal/receiptcheck in the page and reads the chain itself with fetch.
//
// It defines two JavaScript functions:
//
//	glassboxVerify(receipt, rpcURL, contract, logKey[, witnesses, witnessThreshold]) -> Promise<string>
//	glassboxDispute(rpcURL, contract, id) -> Promise<string>
//	glassboxCheckLog(evidence, rpcURL, contract) -> Promise<string>
//
// receipt is the receipt file's text or bytes (a string or a Uint8Array);
// rpcURL is an Ethereum JSON-RPC URL and contract the GlassboxRegistry
// address ("" for both: offline, no chain); logKey is the log's note
// verifier key, or "" to use the key registered on the contract. The
// promise resolves to the JSON of a receiptcheck.Report (every step with
// its status and message, and the verdict: "valid", "invalid" or
// "partial"), and rejects only on unusable arguments. witnesses, when
// given, is a string of cosignature/v1 verifier keys separated by white
// space, and witnessThreshold how many of them must have cosigned (a
// number; 0 or absent: all): the report then has a witness step and names
// the witnesses that cosigned ("cosigned").
//
// glassboxDispute reads dispute id (a non-negative integer, as a number or
// a decimal string) from the GlassboxRegistry at contract through rpcURL.
// The promise resolves to the JSON of a receiptcheck.Dispute:
// {"id", "status": "open"|"upheld"|"rejected", "log_id", "leaf_index",
// "leaf_hash", "filer", "filed_block", "reason_uri", "resolution_uri"};
// it rejects on unusable arguments, an unknown dispute id, or a chain that
// cannot be read, with the reason in the error's message.
//
// glassboxCheckLog checks a log's evidence (the regulator portal's
// /logs/{log}/evidence.json) against the contract's Anchored events and
// registered key, read through rpcURL, and resolves to the JSON of a
// receiptcheck.LogVerdict naming the first bad checkpoint (logcheck.go).
//
// Each call reads the chain for at most CallTimeout.
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
	"math"
	"strconv"
	"strings"
	"syscall/js"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
)

// CallTimeout bounds the chain reads of one glassboxVerify or
// glassboxDispute call.
const CallTimeout = 30 * time.Second

func main() {
	js.Global().Set("glassboxVerify", js.FuncOf(verifyJS))
	js.Global().Set("glassboxDispute", js.FuncOf(disputeJS))
	js.Global().Set("glassboxReproduce", js.FuncOf(reproduceJS))
	js.Global().Set("glassboxCheckLog", js.FuncOf(checkLogJS))
	select {} // serve calls until the page goes away
}

// verifyJS is glassboxVerify.
func verifyJS(_ js.Value, args []js.Value) any {
	b, opts, err := parseArgs(args)
	if err != nil {
		return rejected("glassboxVerify", err)
	}
	return run("glassboxVerify", func(ctx context.Context) (any, error) {
		return receiptcheck.Verify(ctx, b, opts)
	})
}

// disputeJS is glassboxDispute.
func disputeJS(_ js.Value, args []js.Value) any {
	rpcURL, contract, id, err := parseDisputeArgs(args)
	if err != nil {
		return rejected("glassboxDispute", err)
	}
	return run("glassboxDispute", func(ctx context.Context) (any, error) {
		return receiptcheck.ReadDispute(ctx, fetchTransport{url: rpcURL}, contract, id)
	})
}

// reproduceJS is glassboxReproduce(receipt, model, logKey): receipt a
// string or Uint8Array, model a Uint8Array (the artifact's bytes), logKey
// the note verifier key (Report.log_key of glassboxVerify). It resolves to
// the JSON of a receiptcheck.Reproduction.
func reproduceJS(_ js.Value, args []js.Value) any {
	if len(args) != 3 {
		return rejected("glassboxReproduce", fmt.Errorf("want 3 arguments (receipt, model, logKey), got %d", len(args)))
	}
	b, err := bytesArg(args[0], "receipt", receipt.MaxSize)
	if err != nil {
		return rejected("glassboxReproduce", err)
	}
	if !args[1].InstanceOf(js.Global().Get("Uint8Array")) {
		return rejected("glassboxReproduce", errors.New("model must be a Uint8Array"))
	}
	model, err := bytesArg(args[1], "model", maxModel)
	if err != nil {
		return rejected("glassboxReproduce", err)
	}
	if args[2].Type() != js.TypeString {
		return rejected("glassboxReproduce", errors.New("logKey must be a string"))
	}
	key := args[2].String()
	return run("glassboxReproduce", func(context.Context) (any, error) {
		return receiptcheck.Reproduce(b, model, key), nil
	})
}

// maxModel bounds a model artifact handed to glassboxReproduce.
const maxModel = 64 << 20

// bytesArg reads a string or Uint8Array argument of at most limit bytes.
func bytesArg(a js.Value, name string, limit int) ([]byte, error) {
	switch {
	case a.Type() == js.TypeString:
		s := a.String()
		if len(s) > limit {
			return nil, fmt.Errorf("%s is over %d bytes", name, limit)
		}
		return []byte(s), nil
	case a.InstanceOf(js.Global().Get("Uint8Array")):
		n := a.Get("length").Int()
		if n > limit {
			return nil, fmt.Errorf("%s is over %d bytes", name, limit)
		}
		b := make([]byte, n)
		js.CopyBytesToGo(b, a)
		return b, nil
	}
	return nil, fmt.Errorf("%s must be a string or a Uint8Array", name)
}

// rejected returns a promise rejected with a TypeError: unusable arguments.
func rejected(name string, err error) js.Value {
	return js.Global().Get("Promise").Call("reject", js.Global().Get("TypeError").New(name+": "+err.Error()))
}

// run returns a promise of the JSON of what fn returns, calling fn in a
// goroutine with a context of CallTimeout; an error, or a panic, rejects it.
func run(name string, fn func(ctx context.Context) (any, error)) js.Value {
	promise := js.Global().Get("Promise")
	executor := js.FuncOf(func(_ js.Value, p []js.Value) any {
		resolve, reject := p[0], p[1]
		go func() {
			defer func() {
				// A panic would end the program and every later call:
				// reject this call instead.
				if p := recover(); p != nil {
					reject.Invoke(js.Global().Get("Error").New(fmt.Sprintf("%s: internal error: %v", name, p)))
				}
			}()
			ctx, cancel := context.WithTimeout(context.Background(), CallTimeout)
			defer cancel()
			v, err := fn(ctx)
			if err != nil {
				reject.Invoke(js.Global().Get("Error").New(name + ": " + err.Error()))
				return
			}
			out, err := json.Marshal(v)
			if err != nil {
				reject.Invoke(js.Global().Get("Error").New(name + ": " + err.Error()))
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
	if len(args) < 1 || len(args) > 6 {
		return nil, nil, fmt.Errorf("want 1 to 6 arguments (receipt, rpcURL, contract, logKey, witnesses, witnessThreshold), got %d", len(args))
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
	if len(args) > 4 && !args[4].IsUndefined() && !args[4].IsNull() {
		if args[4].Type() != js.TypeString {
			return nil, nil, errors.New("witnesses must be a string of verifier keys")
		}
		opts.Witnesses = strings.Fields(args[4].String())
	}
	if len(args) > 5 && !args[5].IsUndefined() && !args[5].IsNull() {
		k := args[5]
		if k.Type() != js.TypeNumber || k.Float() != float64(int(k.Float())) || k.Float() < 0 || k.Float() > 1000 {
			return nil, nil, errors.New("witnessThreshold must be a small non-negative integer")
		}
		opts.WitnessThreshold = int(k.Float())
	}
	if rpcURL != "" {
		opts.RPC = fetchTransport{url: rpcURL}
	}
	return b, opts, nil
}

// maxSafeInteger is JavaScript's Number.MAX_SAFE_INTEGER: above it a number
// does not name one integer.
const maxSafeInteger = 1<<53 - 1

// parseDisputeArgs checks glassboxDispute's arguments: two non-empty
// strings and an id, a non-negative integer given as a number (at most
// Number.MAX_SAFE_INTEGER) or a decimal string (up to 2^64-1).
func parseDisputeArgs(args []js.Value) (rpcURL, contract string, id uint64, err error) {
	if len(args) != 3 {
		return "", "", 0, fmt.Errorf("want 3 arguments (rpcURL, contract, id), got %d", len(args))
	}
	for i, name := range []string{"rpcURL", "contract"} {
		if args[i].Type() != js.TypeString || args[i].String() == "" {
			return "", "", 0, fmt.Errorf("%s must be a non-empty string", name)
		}
	}
	switch a := args[2]; a.Type() {
	case js.TypeNumber:
		f := a.Float()
		if f < 0 || f > maxSafeInteger || f != math.Trunc(f) {
			return "", "", 0, fmt.Errorf("id %v is not an integer from 0 to %d", f, int64(maxSafeInteger))
		}
		id = uint64(f)
	case js.TypeString:
		id, err = strconv.ParseUint(a.String(), 10, 64)
		if err != nil {
			return "", "", 0, fmt.Errorf("id %q is not a decimal integer from 0 to 2^64-1", a.String())
		}
	default:
		return "", "", 0, errors.New("id must be a number or a decimal string")
	}
	return args[0].String(), args[1].String(), id, nil
}
