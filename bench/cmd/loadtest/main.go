// Command loadtest load-tests the lending example's HTTP API (POST
// /v1/decisions) in constant-rate steps until the p99 latency passes a
// target, and prints each step's throughput, latencies and latency
// histogram, then the highest rate that met the target (package
// bench/loadtest).
//
//	cd bench && go run ./cmd/loadtest                  # starts the service itself
//	go run ./cmd/loadtest -start 1000 -step 1000 -max 6000 -duration 10s -p99 50ms
//	go run ./cmd/loadtest -target http://127.0.0.1:8080 -token TOKEN   # a running service
//	go run ./cmd/loadtest -json > run.json
//	go run ./cmd/loadtest -baseline                    # the same steps first against a no-op server
//
// Without -target it starts examples/lending --http itself (durable, with
// TreeSHAP, authentication on) on 127.0.0.1 on a free port, in a temporary
// directory removed at exit, built with the go tool unless -lending names a
// built binary; the service's side of each step (commits, CPU) is read from
// its /metrics and /proc. With -target, -token is a lender's bearer token,
// and -metrics-token a metrics token for the commit figures.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/glassbox-audit/glassbox/bench/loadtest"
	"github.com/glassbox-audit/glassbox/portal/access"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o loadtest.Options
	target := fs.String("target", "", "base URL of a running lending service (default: start one)")
	fs.StringVar(&o.Token, "token", "", "a lender's bearer token, with -target (default: $GLASSBOX_TOKEN)")
	lending := fs.String("lending", "", "a built examples/lending binary, without -target (default: go build it)")
	serviceFlags := fs.String("service-flags", "", "without -target: more flags for examples/lending, space-separated (\"--anchor-interval 1h\")")
	apps := fs.String("applicants", "", "the data set CSV (default: examples/lending/model/applicants.csv, found with go list)")
	fs.BoolVar(&o.RowSubjects, "row-subjects", false, "send each application under its data set row as the subject (1,000 returning subjects) instead of a new subject each time")
	fs.IntVar(&o.Start, "start", loadtest.DefaultStart, "first rate, requests/s")
	fs.IntVar(&o.Step, "step", loadtest.DefaultStep, "rate added each step (0: one step, at -start)")
	fs.IntVar(&o.Max, "max", loadtest.DefaultMax, "highest rate")
	fs.DurationVar(&o.Duration, "duration", loadtest.DefaultDuration, "length of each step")
	fs.DurationVar(&o.Warmup, "warmup", loadtest.DefaultWarmup, "a first step at -start, reported but not judged (-warmup=-1s: none)")
	fs.DurationVar(&o.P99, "p99", loadtest.DefaultP99, "latency target: a step whose p99 is over it ends the run")
	fs.Float64Var(&o.MaxErrors, "max-errors", loadtest.DefaultMaxErrors, "ratio of failed requests over which a step ends the run")
	fs.Float64Var(&o.MinThroughput, "min-throughput", loadtest.DefaultMinThroughput, "ratio of achieved to asked rate under which a step ends the run")
	fs.IntVar(&o.Workers, "workers", loadtest.DefaultWorkers, "most requests in flight (and connections)")
	metricsToken := fs.String("metrics-token", "", "with -target: a metrics role's token, to report the service's commits per step")
	baseline := fs.Bool("baseline", false, "first run the same steps against an in-process server that only checks the token and decodes the body (the load generator's and HTTP's floor), then the service; print both")
	jsonOut := fs.Bool("json", false, "print the result as JSON")
	verbose := fs.Bool("v", false, "pass the started service's standard error through")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "loadtest: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if o.Step == 0 {
		o.Step, o.Max = loadtest.DefaultStep, o.Start
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "loadtest:", err)
		return 1
	}
	path := *apps
	if path == "" {
		out, err := exec.CommandContext(ctx, "go", "list", "-f", "{{.Dir}}", loadtest.LendingPackage).Output()
		if err != nil {
			return fail(fmt.Errorf("finding %s (give -applicants): %w", loadtest.LendingPackage, err))
		}
		path = filepath.Join(strings.TrimSpace(string(out)), "model", "applicants.csv")
	}
	var err error
	if o.Applicants, err = loadtest.LoadApplicants(path); err != nil {
		return fail(err)
	}
	o.Target = *target
	if o.Target == "" {
		lo := &loadtest.LendingOptions{Binary: *lending, Args: strings.Fields(*serviceFlags)}
		if *verbose {
			lo.Stderr = stderr
		}
		fmt.Fprintln(stderr, "loadtest: starting the lending service")
		l, err := loadtest.StartLending(ctx, lo)
		if err != nil {
			return fail(err)
		}
		defer l.Close()
		o.Target, o.Token, o.Sample = l.URL, l.Tokens[access.RoleLender], l.Sample
		fmt.Fprintf(stderr, "loadtest: lending service on %s\n", l.URL)
	} else {
		if o.Token == "" {
			o.Token = os.Getenv("GLASSBOX_TOKEN")
		}
		if *metricsToken != "" {
			o.Sample = func(ctx context.Context) (loadtest.Sample, error) {
				return loadtest.ScrapeSample(ctx, o.Target, *metricsToken)
			}
		}
	}
	if *jsonOut { // progress on stderr, one line a step
		o.Progress = func(s loadtest.Step) { loadtest.WriteStepLine(stderr, &s) }
	} else {
		o.Progress = func(s loadtest.Step) { loadtest.WriteStep(stdout, &s) }
	}
	var base *loadtest.Result
	if *baseline {
		b, err := loadtest.StartBaseline(o.Token)
		if err != nil {
			return fail(err)
		}
		bo := o
		bo.Target, bo.Sample = b.URL, nil
		if !*jsonOut {
			fmt.Fprintf(stdout, "== baseline (token check and JSON decoding only) on %s\n\n", b.URL)
		}
		base, err = loadtest.Run(ctx, &bo)
		b.Close()
		if err != nil {
			return fail(err)
		}
		if !*jsonOut {
			loadtest.WriteSummary(stdout, base)
			fmt.Fprintf(stdout, "\n== the lending service on %s\n\n", o.Target)
		}
	}
	res, err := loadtest.Run(ctx, &o)
	if err != nil && res == nil {
		return fail(err)
	}
	if *jsonOut {
		e := json.NewEncoder(stdout)
		e.SetIndent("", "  ")
		var jerr error
		if base != nil {
			jerr = e.Encode(struct {
				Baseline *loadtest.Result `json:"baseline"`
				Service  *loadtest.Result `json:"service"`
			}{base, res})
		} else {
			jerr = e.Encode(res)
		}
		if jerr != nil {
			return fail(jerr)
		}
	} else {
		loadtest.WriteSummary(stdout, res)
		if base != nil {
			loadtest.WriteComparison(stdout, base, res)
		}
	}
	if err != nil {
		return fail(err)
	}
	return 0
}
