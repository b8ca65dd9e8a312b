package main

import (
	"context"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/explain"
)

// getCommand is `glassbox get --dir D (--id ID | --subject S | --model M
// [--version V] | --from T --to T)`.
func getCommand() command {
	return command{name: "get", summary: "read decisions by id, subject, model or time", run: runGet}
}

// recordJSON is how `glassbox get` prints a decision.
type recordJSON struct {
	Index             uint64        `json:"index"`
	ID                string        `json:"id"`
	Time              time.Time     `json:"time"`
	Model             record.Model  `json:"model"`
	Output            record.Output `json:"output"`
	PolicyVersion     string        `json:"policy_version,omitempty"`
	ExplanationMethod string        `json:"explanation_method,omitempty"`
	Status            string        `json:"status"`
	Outcome           *outcomeJSON  `json:"outcome,omitempty"`
	Sealed            *sealedJSON   `json:"sealed,omitempty"`
}

type outcomeJSON struct {
	Index uint64 `json:"index"`
	Label string `json:"label"`
}

type sealedJSON struct {
	Subject     string               `json:"subject"`
	Inputs      []record.Feature     `json:"inputs"`
	Groups      []record.Attr        `json:"groups"`
	Weight      float64              `json:"weight"`
	Metadata    map[string]string    `json:"metadata"`
	Explanation *explain.Attribution `json:"explanation,omitempty"`
}

func toRecordJSON(d decisions.Stored) recordJSON {
	r := recordJSON{
		Index: d.Index, ID: d.Leaf.DecisionID, Time: d.Leaf.Time, Model: d.Leaf.Model, Output: d.Leaf.Output,
		PolicyVersion: d.Leaf.PolicyVersion, ExplanationMethod: d.Leaf.ExplanationMethod, Status: string(d.Status),
	}
	if d.Outcome != nil {
		r.Outcome = &outcomeJSON{Index: d.Outcome.Index, Label: d.Outcome.Label}
	}
	if p := d.Payload; p != nil {
		r.Sealed = &sealedJSON{Subject: p.Subject, Inputs: p.Inputs, Groups: p.Groups, Weight: p.Weight, Metadata: p.Metadata, Explanation: p.Explanation}
		if r.Sealed.Inputs == nil {
			r.Sealed.Inputs = []record.Feature{}
		}
		if r.Sealed.Groups == nil {
			r.Sealed.Groups = []record.Attr{}
		}
	}
	return r
}

type pageJSON struct {
	Records []recordJSON `json:"records"`
	Next    string       `json:"next,omitempty"`
}

func runGet(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlagSet(env, "get")
	lf := addLogFlags(fs)
	id := fs.String("id", "", "a decision id")
	subject := fs.String("subject", "", "all decisions of a subject")
	model := fs.String("model", "", "all decisions of a model")
	version := fs.String("version", "", "with --model: only this version")
	from := fs.String("from", "", "decisions at or after this RFC 3339 time")
	to := fs.String("to", "", "decisions before this RFC 3339 time")
	limit := fs.Int("limit", decisions.DefaultPageSize, "page size")
	cursor := fs.String("cursor", "", "the next cursor of the previous page")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	n := 0
	for _, s := range []string{*id, *subject, *model, *from + *to} {
		if s != "" {
			n++
		}
	}
	const use = "usage: glassbox get --dir DIR [--key FILE] (--id ID | --subject S | --model M [--version V] | --from T --to T) [--limit N] [--cursor C]"
	if c := requireFlags(env, "get", fs, use, "dir"); c != exitOK {
		return c
	}
	if n != 1 {
		return usageErr(env, "get", "give exactly one of --id, --subject, --model and --from/--to (%s)", use)
	}
	if fs.NArg() != 0 || (*version != "" && *model == "") {
		return usageErr(env, "get", use)
	}
	var tFrom, tTo time.Time
	for _, p := range []struct {
		s   string
		out *time.Time
	}{{*from, &tFrom}, {*to, &tTo}} {
		if p.s == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339Nano, p.s)
		if err != nil {
			return usageErr(env, "get", "%v", err)
		}
		*p.out = t
	}
	lg, l, err := openDecisions(lf, readLog)
	if err != nil {
		return openFailed(env, "get", err)
	}
	defer lg.Close()
	if *id != "" {
		d, err := l.Get(ctx, *id)
		if err != nil {
			return failed(env, "get", "%v", err)
		}
		writeJSON(env.stdout, toRecordJSON(d))
		return exitOK
	}
	req := decisions.PageRequest{Limit: *limit, Cursor: *cursor}
	var p *decisions.Page
	switch {
	case *subject != "":
		p, err = l.BySubject(ctx, *subject, req)
	case *model != "":
		p, err = l.ByModel(ctx, *model, *version, req)
	default:
		p, err = l.ByTime(ctx, tFrom, tTo, req)
	}
	if err != nil {
		return failed(env, "get", "%v", err)
	}
	out := pageJSON{Records: []recordJSON{}, Next: p.Next}
	for _, d := range p.Records {
		out.Records = append(out.Records, toRecordJSON(d))
	}
	writeJSON(env.stdout, out)
	return exitOK
}
