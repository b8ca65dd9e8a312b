package loadtest

import (
	"fmt"
	"io"
	"sort"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// WriteStepLine writes one step as one line of text: [WriteStep]'s first.
func WriteStepLine(w io.Writer, s *Step) error {
	_, err := fmt.Fprintln(w, stepLine(s))
	return err
}

func stepLine(s *Step) string {
	verdict := "met"
	switch {
	case s.Warmup:
		verdict = "warm-up, not judged"
	case !s.Met:
		verdict = "MISSED: " + s.Why
	}
	what := "step"
	if s.Warmup {
		what = "warm-up"
	}
	return fmt.Sprintf("%s %d/s: %d requests, throughput %.1f/s, success %.2f%%, p50 %s p90 %s p99 %s max %s; %s",
		what, s.Rate, s.Requests, s.Throughput, 100*s.Success, ms(s.P50), ms(s.P90), ms(s.P99), ms(s.Max), verdict)
}

// WriteStep writes one step as text: the rate asked, the throughput
// achieved, the success ratio, p50/p90/p99/max, the status codes and the
// latency histogram (vegeta's histogram reporter).
func WriteStep(w io.Writer, s *Step) error {
	codes := make([]string, 0, len(s.Codes))
	for c := range s.Codes {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	fmt.Fprintln(w, stepLine(s))
	fmt.Fprint(w, "  status codes:")
	for _, c := range codes {
		fmt.Fprintf(w, " %s:%d", c, s.Codes[c])
	}
	fmt.Fprintln(w)
	if v := s.Service; v != nil {
		fmt.Fprintf(w, "  service: %d synced commits, %.1f decisions a commit, %s a sync", v.Commits, v.MeanBatch, ms(v.MeanSync))
		if v.ServiceCPU > 0 {
			fmt.Fprintf(w, "; CPU: service %.2f cores", v.ServiceCPU.Seconds()/v.Wall.Seconds())
			if s.Throughput > 0 {
				fmt.Fprintf(w, " (%s a decision)", ms(time.Duration(float64(v.ServiceCPU)/(s.Throughput*v.Wall.Seconds()))))
			}
		}
		if v.GeneratorCPU > 0 {
			fmt.Fprintf(w, ", load generator %.2f cores", v.GeneratorCPU.Seconds()/v.Wall.Seconds())
		}
		fmt.Fprintln(w)
	}
	if len(s.Seconds) > 1 {
		fmt.Fprint(w, "  requests over the p99 target, by second sent:")
		for _, sec := range s.Seconds {
			fmt.Fprintf(w, " %d", sec.Slow)
		}
		fmt.Fprintln(w)
	}
	for i, e := range s.Errors {
		if i == 5 {
			fmt.Fprintf(w, "  ... %d more errors\n", len(s.Errors)-i)
			break
		}
		fmt.Fprintf(w, "  error: %s\n", e)
	}
	if s.Histogram != nil && s.Histogram.Total > 0 {
		if err := vegeta.NewHistogramReporter(s.Histogram).Report(w); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// WriteSummary writes the run's last line: the highest rate that met the
// target.
func WriteSummary(w io.Writer, r *Result) error {
	if r.Best == 0 {
		_, err := fmt.Fprintf(w, "no step met the target (p99 <= %s, errors <= %.2f%%, throughput >= %.0f%% of the rate)\n", r.P99, 100*r.MaxErrors, 100*r.MinThroughput)
		return err
	}
	_, err := fmt.Fprintf(w, "highest rate that met the target (p99 <= %s, errors <= %.2f%%, throughput >= %.0f%% of the rate, %s a step): %d/s\n",
		r.P99, 100*r.MaxErrors, 100*r.MinThroughput, r.Duration, r.Best)
	return err
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond))
}

// WriteComparison writes, for each rate both runs reached, the service's
// p50 and p99 against the baseline's, and their ratios (same run, same
// steps).
func WriteComparison(w io.Writer, base, svc *Result) error {
	fmt.Fprintln(w, "rate/s  baseline p50 p99      service p50 p99        ratio p50 p99  service throughput")
	for _, s := range svc.Steps {
		for _, b := range base.Steps {
			if b.Rate != s.Rate {
				continue
			}
			fmt.Fprintf(w, "%6d  %9s %9s  %9s %9s  %7.1fx %6.1fx  %.1f/s\n", s.Rate, ms(b.P50), ms(b.P99), ms(s.P50), ms(s.P99),
				ratio(s.P50, b.P50), ratio(s.P99, b.P99), s.Throughput)
		}
	}
	_, err := fmt.Fprintf(w, "highest rate that met the target: baseline %d/s, service %d/s\n", base.Best, svc.Best)
	return err
}

func ratio(a, b time.Duration) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) / float64(b)
}
