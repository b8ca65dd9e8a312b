package peer

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// WriteTable writes the machine line and one row per system and writer
// count of [Report.Summary]: with several rounds, medians, the ratio's
// range and the highest peak RSS.
func (r *Report) WriteTable(w io.Writer) error {
	m := r.Machine
	rounds := ""
	if r.Rounds > 1 {
		rounds = fmt.Sprintf(" (median of %d rounds)", r.Rounds)
	}
	fmt.Fprintf(w, "machine: nproc %d, GOMAXPROCS %d, %s %s/%s; %d-byte leaves, %v per system%s, dir %s\n",
		m.NumCPU, m.GOMAXPROCS, m.GoVersion, m.OS, m.Arch, r.LeafSize, r.Duration, rounds, m.Dir)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	header := "system\twriters\tappends/s\tratio\t"
	if r.Rounds > 1 {
		header += "ratio range\t"
	}
	fmt.Fprintln(tw, header+"p50\tp99\tpeak RSS\tdisk B/entry\tappends\t")
	for _, x := range r.Summary {
		ratio, span := "-", "-"
		if x.Ratio > 0 {
			ratio = fmt.Sprintf("%.2f", x.Ratio)
			span = fmt.Sprintf("%.2f-%.2f", x.RatioMin, x.RatioMax)
		}
		fmt.Fprintf(tw, "%s\t%d\t%.0f\t%s\t", x.System, x.Writers, x.PerSecond, ratio)
		if r.Rounds > 1 {
			fmt.Fprintf(tw, "%s\t", span)
		}
		fmt.Fprintf(tw, "%s\t%s\t%.0f MiB\t%.0f\t%d\t\n",
			latency(x.P50), latency(x.P99), float64(x.PeakRSS)/(1<<20), x.BytesPerEntry, x.Appends)
	}
	return tw.Flush()
}

func latency(d time.Duration) string {
	switch {
	case d >= 100*time.Millisecond:
		return fmt.Sprintf("%.0fms", d.Seconds()*1e3)
	case d >= time.Millisecond:
		return fmt.Sprintf("%.1fms", d.Seconds()*1e3)
	default:
		return fmt.Sprintf("%.0fµs", d.Seconds()*1e6)
	}
}
