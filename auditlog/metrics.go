package auditlog

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are registered on Options.Registerer; with none they are kept
// but not exported.
type metrics struct {
	reg        prometheus.Registerer
	collectors []prometheus.Collector
	appends    prometheus.Counter
	batch      prometheus.Histogram
	sync       prometheus.Histogram
}

func newMetrics(reg prometheus.Registerer, l *Log) *metrics {
	m := &metrics{
		reg: reg,
		appends: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "glassbox_auditlog_appends_total", Help: "Leaves committed to the log.",
		}),
		batch: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "glassbox_auditlog_commit_batch_entries", Help: "Leaves per group commit.",
			Buckets: prometheus.ExponentialBuckets(1, 4, 8),
		}),
		sync: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "glassbox_auditlog_commit_sync_seconds", Help: "Latency of one synced Pebble batch commit.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 2, 14),
		}),
	}
	size := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "glassbox_auditlog_tree_size", Help: "Committed tree size.",
	}, func() float64 { return float64(l.Size()) })
	age := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "glassbox_auditlog_checkpoint_age_seconds", Help: "Seconds since the latest checkpoint was signed (or the log opened with it); -1 with none.",
	}, func() float64 {
		t := l.cpTime.Load()
		if t == 0 {
			return -1
		}
		return l.now().Sub(time.Unix(0, t)).Seconds()
	})
	m.collectors = []prometheus.Collector{m.appends, m.batch, m.sync, size, age}
	if reg != nil {
		for _, c := range m.collectors {
			if err := reg.Register(c); err != nil {
				l.opts.Logger.Warn("auditlog: metric not registered", "err", err)
			}
		}
	}
	return m
}

func (m *metrics) observeCommit(d time.Duration, entries int) {
	m.sync.Observe(d.Seconds())
	m.batch.Observe(float64(entries))
	m.appends.Add(float64(entries))
}

func (m *metrics) unregister() {
	if m.reg == nil {
		return
	}
	for _, c := range m.collectors {
		m.reg.Unregister(c)
	}
}
