package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog/witness"
)

// receiptCommand is `glassbox receipt --dir D --id ID`: prints the decision's
// receipt (docs/receipts.md), with the covering anchor when an anchorer
// (glassbox anchor, or package anchor) has confirmed one for this log, and
// the witness cosignatures stored for its checkpoint (glassbox witness submit).
func receiptCommand() command {
	return command{name: "receipt", summary: "print the receipt of a decision", run: runReceipt}
}

func runReceipt(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlagSet(env, "receipt")
	lf := addLogFlags(fs)
	id := fs.String("id", "", "the decision id")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	const use = "usage: glassbox receipt --dir DIR [--key FILE] --id ID"
	if c := requireFlags(env, "receipt", fs, use, "dir", "id"); c != exitOK {
		return c
	}
	if fs.NArg() != 0 {
		return usageErr(env, "receipt", use)
	}
	lg, l, err := openDecisions(lf, writeLog)
	if err != nil {
		return openFailed(env, "receipt", err)
	}
	defer lg.Close()
	r, err := l.Receipt(ctx, *id)
	if err != nil {
		return failed(env, "receipt", "%v", err)
	}
	state, err := lg.Store(anchor.DefaultNamespace)
	if err != nil {
		return failed(env, "receipt", "%v", err)
	}
	if err := anchor.Attach(ctx, lg, state, r); err != nil && !errors.Is(err, anchor.ErrNoAnchor) {
		return failed(env, "receipt", "attaching the anchor: %v", err)
	}
	cosigs, err := lg.Store(witness.DefaultNamespace)
	if err != nil {
		return failed(env, "receipt", "%v", err)
	}
	if err := witness.Attach(cosigs, r); err != nil {
		return failed(env, "receipt", "attaching witness cosignatures: %v", err)
	}
	b, err := r.Marshal()
	if err != nil {
		return failed(env, "receipt", "%v", err)
	}
	fmt.Fprintf(env.stdout, "%s\n", b)
	return exitOK
}
