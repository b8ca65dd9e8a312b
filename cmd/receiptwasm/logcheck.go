//go:build js && wasm

package main

import (
	"context"
	"fmt"
	"syscall/js"

	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
)

// checkLogJS is glassboxCheckLog(evidence, rpcURL, contract): evidence the
// text (or bytes) of a log's evidence.json (receiptcheck.LogEvidence),
// rpcURL the regulator's own JSON-RPC endpoint, contract the registry's
// address. It resolves to the JSON of a receiptcheck.LogVerdict and
// rejects on unusable arguments or evidence that does not parse.
func checkLogJS(_ js.Value, args []js.Value) any {
	if len(args) != 3 {
		return rejected("glassboxCheckLog", fmt.Errorf("want 3 arguments (evidence, rpcURL, contract), got %d", len(args)))
	}
	ev, err := bytesArg(args[0], "evidence", receiptcheck.MaxEvidence)
	if err != nil {
		return rejected("glassboxCheckLog", err)
	}
	for i, name := range []string{"rpcURL", "contract"} {
		if args[i+1].Type() != js.TypeString || args[i+1].String() == "" {
			return rejected("glassboxCheckLog", fmt.Errorf("%s must be a non-empty string", name))
		}
	}
	rpcURL, contract := args[1].String(), args[2].String()
	return run("glassboxCheckLog", func(ctx context.Context) (any, error) {
		return receiptcheck.CheckLog(ctx, ev, fetchTransport{url: rpcURL}, contract)
	})
}
