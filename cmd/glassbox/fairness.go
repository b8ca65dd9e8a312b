package main

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/glassbox-audit/glassbox/fairness"
	"github.com/glassbox-audit/glassbox/fairness/fairnesslog"
)

// fairnessCommand is `glassbox fairness --dir D --key K --model NAME --by
// sex,age_band [--outcomes] [--json]` (docs/fairness.md).
func fairnessCommand() command {
	return command{name: "fairness", summary: "group fairness metrics over the recorded decisions, bound to a checkpoint", run: runFairness}
}

const fairnessUsage = "usage: glassbox fairness --dir DIR [--key FILE] [--model NAME [--version V]] --by ATTR[,ATTR..] " +
	"[--from DATE] [--to DATE] [--window day|week] [--favourable L[,L..]] [--outcomes] [--favourable-outcomes L[,L..]] " +
	"[--reference V[,V..]] [--min-group N] [--confidence C] [--replicates N] [--seed S] [--scan] [--json]"

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// parseWhen accepts YYYY-MM-DD (midnight UTC) or RFC 3339.
func parseWhen(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

func runFairness(ctx context.Context, env *cliEnv, args []string) int {
	const name = "fairness"
	fs := newFlagSet(env, name)
	lf := addLogFlags(fs)
	model := fs.String("model", "", "model name (empty: all models)")
	version := fs.String("version", "", "model version (empty: all versions; needs --model)")
	by := fs.String("by", "", "comma-separated group attributes; several give intersectional groups")
	from := fs.String("from", "", "first day (YYYY-MM-DD, UTC) or instant (RFC 3339, with --scan)")
	to := fs.String("to", "", "end day, exclusive (YYYY-MM-DD, UTC) or instant (RFC 3339, with --scan)")
	window := fs.String("window", "", "add a series by day or week")
	fav := fs.String("favourable", "approve", "comma-separated predicted labels that are favourable")
	outcomes := fs.Bool("outcomes", false, "also compute error-rate metrics over decisions with an outcome")
	favOut := fs.String("favourable-outcomes", "repaid", "comma-separated outcome labels that are favourable")
	reference := fs.String("reference", "", "reference group, one value per --by attribute (default: the largest group)")
	minGroup := fs.Uint64("min-group", fairness.DefaultMinGroupSize, "flag groups with fewer decisions")
	confidence := fs.Float64("confidence", fairness.DefaultConfidence, "level of every interval")
	replicates := fs.Int("replicates", fairness.DefaultReplicates, "bootstrap replicates (negative: none)")
	seed := fs.Uint64("seed", 0, "bootstrap seed")
	scan := fs.Bool("scan", false, "compute from a scan of the entries instead of the counters")
	asJSON := fs.Bool("json", false, "write JSON instead of tables")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if c := requireFlags(env, name, fs, fairnessUsage, "dir", "by"); c != exitOK {
		return c
	}
	if fs.NArg() != 0 {
		return usageErr(env, name, fairnessUsage)
	}
	q := &fairness.Query{
		Model:   *model,
		Version: *version,
		By:      splitList(*by),
		Window:  fairness.Window(*window),
		Spec: fairness.Spec{
			Favourable:   splitList(*fav),
			Outcomes:     *outcomes,
			MinGroupSize: *minGroup,
			Confidence:   *confidence,
			Replicates:   *replicates,
			Seed:         *seed,
		},
	}
	if *outcomes {
		q.Spec.FavourableOutcomes = splitList(*favOut)
	}
	if *reference != "" {
		q.Spec.Reference = splitList(*reference)
	}
	if *replicates == 0 {
		q.Spec.Replicates = -1 // 0 on the command line means none, not the default
	}
	var err error
	if q.From, err = parseWhen(*from); err != nil {
		return usageErr(env, name, "--from %q: not YYYY-MM-DD or RFC 3339", *from)
	}
	if q.To, err = parseWhen(*to); err != nil {
		return usageErr(env, name, "--to %q: not YYYY-MM-DD or RFC 3339", *to)
	}

	if dirs := dirsOf(args); len(dirs) > 1 {
		return runFairnessMerged(ctx, env, dirs, q, *scan, *asJSON) // fairness_many.go
	}
	lg, l, err := openDecisions(lf, writeLog)
	if err != nil {
		return openFailed(env, name, err)
	}
	defer lg.Close()
	src := fairnesslog.Source(l)
	var r *fairness.Report
	// A model, version or attribute the log does not know is a typo, not
	// an empty report.
	cells, _, err := src.FairnessCounts(ctx, "", "", time.Time{}, time.Time{})
	if err == nil {
		err = fairness.CheckKnown(cells, q)
	}
	switch {
	case err != nil && !errors.Is(err, fairness.ErrInvalid):
		return failed(env, name, "%v", err)
	case *scan && err == nil:
		p := newProgress(env, "scanning decisions")
		r, err = fairness.ScanReport(ctx, src.WithProgress(p.update()), q, nil)
		p.done()
	case err == nil:
		r, err = fairness.NewReport(ctx, src, q)
	}
	switch {
	case errors.Is(err, fairness.ErrInvalid):
		return usageErr(env, name, "%v", err)
	case err != nil:
		return failed(env, name, "%v", err)
	}
	if *asJSON {
		if err := writeJSON(env.stdout, r); err != nil {
			return failed(env, name, "writing the report: %v", err)
		}
		return exitOK
	}
	if err := fairness.WriteText(env.stdout, r); err != nil {
		return failed(env, name, "writing the report: %v", err)
	}
	return exitOK
}
