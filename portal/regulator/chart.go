package regulator

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/glassbox-audit/glassbox/fairness"
)

// chart is an SVG line chart of each group's selection rate per window,
// with its Wilson band, drawn on the server: the template writes every
// coordinate and label (escaped), and the page gives the same values as
// a table.
type chart struct {
	Width, Height int
	Left, Right   int
	Top, Bottom   int
	Title, Desc   string
	XTicks        []tick
	YTicks        []tick
	Series        []series
}

type tick struct {
	Pos   string
	Label string
}

type series struct {
	Label   string
	Class   string // colour class: s0..s5
	Line    string // polyline points
	Band    string // polygon points
	Points  []point
	LegendX int
	LegendY int
}

type point struct {
	X, Y  string
	Title string
}

const (
	chartW, chartH                 = 760, 320
	chartL, chartR, chartT, chartB = 56, 44, 16, 64
	palette                        = 6
)

func f1(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// seriesChart draws rep's series; nil without one.
func seriesChart(rep *fairness.Report) *chart {
	if len(rep.Series) == 0 {
		return nil
	}
	c := &chart{Width: chartW, Height: chartH, Left: chartL, Right: chartW - chartR, Top: chartT, Bottom: chartH - chartB,
		Title: "Selection rate per group and " + string(rep.Query.Window) + ", with 95% Wilson bands",
		Desc:  fmt.Sprintf("%d windows; computed at tree size %d. The table below gives every value.", len(rep.Series), rep.Checkpoint.Size)}
	n := len(rep.Series)
	x := func(i int) float64 {
		if n == 1 {
			return float64(c.Left+c.Right) / 2
		}
		return float64(c.Left) + float64(i)*float64(c.Right-c.Left)/float64(n-1)
	}
	y := func(v float64) float64 { return float64(c.Bottom) - v*float64(c.Bottom-c.Top) }
	for i, wr := range rep.Series {
		c.XTicks = append(c.XTicks, tick{Pos: f1(x(i)), Label: wr.Window})
	}
	for _, v := range []float64{0, 0.25, 0.5, 0.75, 1} {
		c.YTicks = append(c.YTicks, tick{Pos: f1(y(v)), Label: strconv.FormatFloat(v, 'f', 2, 64)})
	}
	// Groups in order of first appearance.
	var labels []string
	idx := map[string]int{}
	for _, wr := range rep.Series {
		if wr.Metrics == nil {
			continue
		}
		for _, g := range wr.Metrics.Groups {
			if _, ok := idx[g.Label]; !ok {
				idx[g.Label] = len(labels)
				labels = append(labels, g.Label)
			}
		}
	}
	c.Series = make([]series, len(labels))
	upper := make([][]string, len(labels))
	lower := make([][]string, len(labels))
	lines := make([][]string, len(labels))
	for i, l := range labels {
		c.Series[i] = series{Label: l, Class: "s" + strconv.Itoa(i%palette), LegendX: c.Left + (i%3)*230, LegendY: chartH - 24 + (i/3)*18}
	}
	for wi, wr := range rep.Series {
		if wr.Metrics == nil {
			continue
		}
		for _, g := range wr.Metrics.Groups {
			i := idx[g.Label]
			sr := g.SelectionRate
			if !sr.Defined {
				continue
			}
			px, py := f1(x(wi)), f1(y(sr.V))
			lines[i] = append(lines[i], px+","+py)
			title := fmt.Sprintf("%s, %s: %s (n=%d)", g.Label, wr.Window, est(sr), g.Count)
			if g.Small {
				title += ", small group"
			}
			c.Series[i].Points = append(c.Series[i].Points, point{X: px, Y: py, Title: title})
			if sr.CI.Defined {
				upper[i] = append(upper[i], px+","+f1(y(sr.CI.Hi)))
				lower[i] = append([]string{px + "," + f1(y(sr.CI.Lo))}, lower[i]...)
			}
		}
	}
	for i := range c.Series {
		c.Series[i].Line = strings.Join(lines[i], " ")
		if len(upper[i]) > 1 {
			c.Series[i].Band = strings.Join(append(upper[i], lower[i]...), " ")
		}
	}
	c.Height = chartH + max(0, (len(labels)-1)/3)*18
	return c
}

func queryEscape(s string) string { return url.QueryEscape(s) }
