package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/witness"
)

// witnessCommand is `glassbox witness submit --dir D --witness VKEY=URL ...`:
// one round of witness cosigning of a log directory's checkpoint
// (docs/witness.md).
func witnessCommand() command {
	return command{name: "witness", summary: "have witnesses cosign the log's checkpoint (witness submit)", run: runWitness}
}

// witnessFlag collects repeated --witness VKEY=URL values.
type witnessFlag []*witness.Witness

func (f *witnessFlag) String() string { return "" }

func (f *witnessFlag) Set(s string) error {
	w, err := witness.Parse(s)
	if err != nil {
		return err
	}
	*f = append(*f, w)
	return nil
}

type witnessSubmitJSON struct {
	Origin   string              `json:"origin"`
	TreeSize uint64              `json:"tree_size"`
	Cosigned []witnessCosigJSON  `json:"cosigned"`
	Refused  []witnessRefuseJSON `json:"refused"`
}

type witnessCosigJSON struct {
	Witness string    `json:"witness"`
	Time    time.Time `json:"time"`
}

type witnessRefuseJSON struct {
	Witness     string  `json:"witness,omitempty"`
	Kind        string  `json:"kind,omitempty"`
	Status      int     `json:"status,omitempty"`
	WitnessSize *uint64 `json:"witness_size,omitempty"`
	Error       string  `json:"error"`
}

func runWitness(ctx context.Context, env *cliEnv, args []string) int {
	const use = "usage: glassbox witness submit --dir DIR [--key FILE] --witness VKEY=URL [--witness ...] [--timeout D]"
	if isHelp(args) {
		fmt.Fprintln(env.stderr, use)
		return exitOK
	}
	if len(args) == 0 || args[0] != "submit" {
		return usageErr(env, "witness", use)
	}
	fs := newFlagSet(env, "witness submit")
	lf := addLogFlags(fs)
	var ws witnessFlag
	fs.Var(&ws, "witness", "a witness: its cosignature/v1 verifier key, =, and its URL (repeatable)")
	timeout := fs.Duration("timeout", 30*time.Second, "timeout of each request to a witness")
	if err := fs.Parse(args[1:]); err != nil {
		return parseExit(err)
	}
	if c := requireFlags(env, "witness submit", fs, use, "dir"); c != exitOK {
		return c
	}
	if len(ws) == 0 {
		return usageErr(env, "witness submit", "--witness is required (%s)", use)
	}
	if fs.NArg() != 0 {
		return usageErr(env, "witness submit", use)
	}
	client := &http.Client{Timeout: *timeout}
	for _, w := range ws {
		w.Client = client
	}
	return withLog(env, "witness submit", lf, writeLog, func(l *auditlog.Log) int {
		st, err := l.Store(witness.DefaultNamespace)
		if err != nil {
			return failed(env, "witness submit", "%v", err)
		}
		cp, err := l.Checkpoint(ctx)
		if err != nil {
			return logFail(env, "witness submit", err)
		}
		rep, err := witness.Cosign(ctx, l, st, cp, ws)
		out := witnessSubmitJSON{Origin: cp.Origin, TreeSize: cp.Size, Cosigned: []witnessCosigJSON{}, Refused: []witnessRefuseJSON{}}
		for _, c := range rep.Cosigned {
			out.Cosigned = append(out.Cosigned, witnessCosigJSON{Witness: c.Witness, Time: c.Time})
		}
		for _, e := range rep.Refused {
			j := witnessRefuseJSON{Error: e.Error()}
			var re *witness.RefusalError
			if errors.As(e, &re) {
				j.Witness, j.Kind, j.Status = re.Witness, string(re.Kind), re.Status
				if re.Status == http.StatusConflict {
					j.WitnessSize = &re.WitnessSize
				}
			}
			out.Refused = append(out.Refused, j)
		}
		if code := emit(env, "witness submit", out); code != exitOK {
			return code
		}
		if err != nil {
			return failed(env, "witness submit", "%v", err)
		}
		return exitOK
	})
}

var _ flag.Value = (*witnessFlag)(nil)
