package loadtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// Defaults of [Options].
const (
	DefaultStart         = 500
	DefaultStep          = 500
	DefaultMax           = 8000
	DefaultDuration      = 10 * time.Second
	DefaultP99           = 50 * time.Millisecond
	DefaultMaxErrors     = 0.001 // 0.1%
	DefaultMinThroughput = 0.9
	// DefaultWorkers is under the service's connection limit
	// (httpapi.ServerOptions.MaxConns, 256): a connection past it waits to
	// be accepted until another closes, and the attacker's never do.
	DefaultWorkers = 240
	DefaultTimeout = 30 * time.Second
	DefaultWarmup  = 2 * time.Second
)

// DefaultBuckets are the latency histogram's bucket bounds.
var DefaultBuckets = vegeta.Buckets{
	0, 1 * time.Millisecond, 2 * time.Millisecond, 5 * time.Millisecond,
	10 * time.Millisecond, 20 * time.Millisecond, 50 * time.Millisecond,
	100 * time.Millisecond, 200 * time.Millisecond, 500 * time.Millisecond,
	1 * time.Second,
}

// Options configure [Run]. Zero fields take the defaults above.
type Options struct {
	// Target is the service's base URL (http://127.0.0.1:8080). Required.
	Target string
	// Token is a lender's bearer token. Required.
	Token string
	// Applicants are the applications sent, in turn. Required.
	Applicants []Applicant
	// RowSubjects sends each application under its data set row's id as
	// the subject (1,000 subjects, each applying again and again) instead
	// of a new subject for every request. A new subject's key is made,
	// and its payload sealed, inside the log's commit; a known subject's
	// payload is sealed in the request's goroutine.
	RowSubjects bool

	Start, Step, Max int           // rates, requests per second; Max == Start for one step
	Duration         time.Duration // of each step
	Warmup           time.Duration // a first step at Start, not judged; negative: none
	P99              time.Duration // the latency target
	MaxErrors        float64       // the highest ratio of failed requests that meets the target
	MinThroughput    float64       // the lowest ratio of achieved to asked rate that meets the target
	Workers          int           // the most requests in flight (and connections)
	Timeout          time.Duration // of one request
	Buckets          vegeta.Buckets

	// Sample, if set, measures the service before and after each step:
	// the step's Service is the difference.
	Sample func(context.Context) (Sample, error)

	// Progress, if set, is called after each step.
	Progress func(Step)
}

func (o *Options) withDefaults() (Options, error) {
	c := *o
	def := func(p *int, v int) {
		if *p == 0 {
			*p = v
		}
	}
	def(&c.Start, DefaultStart)
	def(&c.Step, DefaultStep)
	def(&c.Max, DefaultMax)
	def(&c.Workers, DefaultWorkers)
	if c.Duration == 0 {
		c.Duration = DefaultDuration
	}
	if c.Warmup == 0 {
		c.Warmup = DefaultWarmup
	}
	if c.P99 == 0 {
		c.P99 = DefaultP99
	}
	if c.MaxErrors == 0 {
		c.MaxErrors = DefaultMaxErrors
	}
	if c.MinThroughput == 0 {
		c.MinThroughput = DefaultMinThroughput
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Buckets == nil {
		c.Buckets = DefaultBuckets
	}
	switch {
	case c.Target == "":
		return c, errors.New("loadtest: no target URL")
	case c.Token == "":
		return c, errors.New("loadtest: no bearer token")
	case len(c.Applicants) == 0:
		return c, errors.New("loadtest: no applicants")
	case c.Start < 1 || c.Step < 1 || c.Max < c.Start:
		return c, fmt.Errorf("loadtest: rates start %d, step %d, max %d: want 1 <= start <= max, step >= 1", c.Start, c.Step, c.Max)
	case c.Duration < 0 || c.P99 < 0 || c.Workers < 1 || c.Timeout < 0:
		return c, errors.New("loadtest: negative duration, p99, timeout or workers")
	case c.MaxErrors < 0 || c.MaxErrors > 1 || c.MinThroughput < 0 || c.MinThroughput > 1:
		return c, errors.New("loadtest: error and throughput ratios must be in [0, 1]")
	}
	c.Target = strings.TrimSuffix(c.Target, "/")
	return c, nil
}

// Step is the outcome of one constant-rate step.
type Step struct {
	Rate       int               `json:"rate"`       // asked, per second
	Requests   uint64            `json:"requests"`   // sent
	Throughput float64           `json:"throughput"` // successful answers per second
	Success    float64           `json:"success"`    // ratio of 2xx answers
	P50        time.Duration     `json:"p50_ns"`
	P90        time.Duration     `json:"p90_ns"`
	P99        time.Duration     `json:"p99_ns"`
	Max        time.Duration     `json:"max_ns"`
	Codes      map[string]int    `json:"status_codes"` // "0" is no answer
	Errors     []string          `json:"errors,omitempty"`
	Histogram  *vegeta.Histogram `json:"histogram"`
	Seconds    []Second          `json:"seconds"`           // by second of sending
	Service    *ServiceStats     `json:"service,omitempty"` // with Options.Sample
	Warmup     bool              `json:"warmup,omitempty"`  // the warm-up, not judged
	Met        bool              `json:"met"`               // the step met the target
	Why        string            `json:"why,omitempty"`     // why it did not
}

// Second is one second of a step, by when its requests were sent: a
// latency spike shows here as the seconds whose requests were slow.
type Second struct {
	Requests int           `json:"requests"`
	Slow     int           `json:"slow"` // over the p99 target, or failed
	Max      time.Duration `json:"max_ns"`
}

// Sample is what [Options.Sample] reads from the service: totals since it
// started.
type Sample struct {
	Commits     float64       // group commits (synced Pebble batches)
	Leaves      float64       // leaves in them
	SyncSeconds float64       // time in the synced commits
	ServiceCPU  time.Duration // the service's CPU time; 0 if unknown
}

// ServiceStats is the service's side of one step.
type ServiceStats struct {
	Commits      uint64        `json:"commits"`          // synced batches
	MeanBatch    float64       `json:"mean_batch"`       // leaves per batch
	MeanSync     time.Duration `json:"mean_sync_ns"`     // time per synced batch
	ServiceCPU   time.Duration `json:"service_cpu_ns"`   // 0 if unknown
	GeneratorCPU time.Duration `json:"generator_cpu_ns"` // this process's, 0 if unknown
	Wall         time.Duration `json:"wall_ns"`          // of the step, answers included
}

func diffSample(a, b Sample, genCPU, wall time.Duration) *ServiceStats {
	s := &ServiceStats{Commits: uint64(b.Commits - a.Commits), GeneratorCPU: genCPU, Wall: wall}
	if s.Commits > 0 {
		s.MeanBatch = (b.Leaves - a.Leaves) / float64(s.Commits)
		s.MeanSync = time.Duration((b.SyncSeconds - a.SyncSeconds) / float64(s.Commits) * float64(time.Second))
	}
	if a.ServiceCPU > 0 && b.ServiceCPU > 0 {
		s.ServiceCPU = b.ServiceCPU - a.ServiceCPU
	}
	return s
}

// Result is the outcome of a run.
type Result struct {
	Target string `json:"target"`
	// P99, MaxErrors and MinThroughput are the target the steps were held to.
	P99           time.Duration `json:"p99_target_ns"`
	MaxErrors     float64       `json:"max_errors"`
	MinThroughput float64       `json:"min_throughput"`
	Duration      time.Duration `json:"step_duration_ns"`
	RowSubjects   bool          `json:"row_subjects"`
	Warmup        *Step         `json:"warmup,omitempty"`
	Steps         []Step        `json:"steps"`
	// Best is the highest rate that met the target; 0 if none did.
	Best int `json:"best"`
	// Successes is the number of 2xx answers over every step and the
	// warm-up.
	Successes uint64 `json:"successes"`
}

// Run runs the steps of o against o.Target until a step misses the target,
// the rate would pass o.Max, or ctx ends (then it returns the steps done
// and ctx's error).
func Run(ctx context.Context, o *Options) (*Result, error) {
	c, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	var rnd [4]byte
	_, _ = rand.Read(rnd[:])
	b, err := newBodies("lt-"+hex.EncodeToString(rnd[:]), c.Applicants, c.RowSubjects)
	if err != nil {
		return nil, err
	}
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConnsPerHost: c.Workers,
		MaxConnsPerHost:     c.Workers,
		IdleConnTimeout:     30 * time.Second,
	}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: c.Timeout}
	res := &Result{Target: c.Target, P99: c.P99, MaxErrors: c.MaxErrors, MinThroughput: c.MinThroughput, Duration: c.Duration, RowSubjects: c.RowSubjects}
	var next uint64
	if c.Warmup > 0 {
		w := c
		w.Duration = c.Warmup
		st, err := runStep(ctx, &w, client, b, &next, c.Start)
		if err != nil {
			return res, err
		}
		st.Warmup, st.Met, st.Why = true, false, ""
		res.Warmup = &st
		res.Successes += uint64(st.Codes2xx())
		if c.Progress != nil {
			c.Progress(st)
		}
	}
	for rate := c.Start; rate <= c.Max; rate += c.Step {
		st, err := runStep(ctx, &c, client, b, &next, rate)
		if err != nil {
			return res, err
		}
		res.Steps = append(res.Steps, st)
		res.Successes += uint64(st.Codes2xx())
		if c.Progress != nil {
			c.Progress(st)
		}
		if !st.Met {
			break
		}
		res.Best = rate
	}
	return res, nil
}

// Codes2xx is the number of 2xx answers in the step.
func (s *Step) Codes2xx() int {
	n := 0
	for code, k := range s.Codes {
		if len(code) == 3 && code[0] == '2' {
			n += k
		}
	}
	return n
}

func runStep(ctx context.Context, c *Options, client *http.Client, b *bodies, next *uint64, rate int) (Step, error) {
	// One attacker per step: vegeta's Attacker stops for good at the end
	// of an attack. The client, and its warm connections, are shared.
	atk := vegeta.NewAttacker(
		vegeta.Client(client),
		vegeta.Workers(uint64(min(c.Workers, max(rate/100, 10)))),
		vegeta.MaxWorkers(uint64(c.Workers)),
		vegeta.Redirects(vegeta.NoFollow),
	)
	hdr := http.Header{
		"Authorization": {"Bearer " + c.Token},
		"Content-Type":  {"application/json"},
	}
	url := c.Target + "/v1/decisions"
	first := *next
	var seq atomic.Uint64 // the attacker's workers call targeter at once
	targeter := func(t *vegeta.Target) error {
		n := first + seq.Add(1) - 1
		t.Method, t.URL, t.Header, t.Body = http.MethodPost, url, hdr, b.body(n)
		return nil
	}
	var before Sample
	if c.Sample != nil {
		var err error
		if before, err = c.Sample(ctx); err != nil {
			return Step{}, fmt.Errorf("loadtest: sampling the service: %w", err)
		}
	}
	cpu0, began := selfCPU(), time.Now()
	pacer := vegeta.ConstantPacer{Freq: rate, Per: time.Second}
	var m vegeta.Metrics
	h := &vegeta.Histogram{Buckets: c.Buckets}
	var secs []Second
	results := atk.Attack(targeter, pacer, c.Duration, fmt.Sprintf("%d/s", rate))
	stopped := false
	for {
		select {
		case r, ok := <-results:
			if !ok {
				goto done
			}
			m.Add(r)
			h.Add(r)
			if i := int(r.Timestamp.Sub(began) / time.Second); i >= 0 {
				for len(secs) <= i {
					secs = append(secs, Second{})
				}
				sec := &secs[i]
				sec.Requests++
				if r.Latency > c.P99 || r.Code < 200 || r.Code > 299 {
					sec.Slow++
				}
				sec.Max = max(sec.Max, r.Latency)
			}
		case <-ctx.Done():
			if !stopped {
				atk.Stop()
				stopped = true
			}
		}
	}
done:
	m.Close()
	*next = first + seq.Load()
	if err := ctx.Err(); err != nil {
		return Step{}, err
	}
	var svc *ServiceStats
	if c.Sample != nil {
		wall, cpu := time.Since(began), selfCPU()-cpu0
		after, err := c.Sample(ctx)
		if err != nil {
			return Step{}, fmt.Errorf("loadtest: sampling the service: %w", err)
		}
		svc = diffSample(before, after, cpu, wall)
	}
	st := Step{
		Rate:       rate,
		Requests:   m.Requests,
		Throughput: m.Throughput,
		Success:    m.Success,
		P50:        m.Latencies.P50,
		P90:        m.Latencies.P90,
		P99:        m.Latencies.P99,
		Max:        m.Latencies.Max,
		Codes:      m.StatusCodes,
		Errors:     m.Errors,
		Histogram:  h,
		Service:    svc,
		Seconds:    secs,
	}
	st.Success = float64(st.Codes2xx()) / float64(max(m.Requests, 1))
	switch {
	case m.Requests == 0:
		st.Why = "no request sent"
	case 1-st.Success > c.MaxErrors:
		st.Why = fmt.Sprintf("%.2f%% of requests failed (target %.2f%%)", 100*(1-st.Success), 100*c.MaxErrors)
	case st.P99 > c.P99:
		st.Why = fmt.Sprintf("p99 %s over the target %s", st.P99.Round(time.Microsecond), c.P99)
	case st.Throughput < c.MinThroughput*float64(rate):
		st.Why = fmt.Sprintf("throughput %.0f/s under %.0f%% of the asked %d/s", st.Throughput, 100*c.MinThroughput, rate)
	default:
		st.Met = true
	}
	return st, nil
}
