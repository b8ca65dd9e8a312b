package anchor

import (
	"errors"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// Failure kinds counted by glassbox_anchor_failures_total.
const (
	FailureRPC      = "rpc"      // a node call failed
	FailureReverted = "reverted" // an anchoring transaction was mined but reverted
	FailureStuck    = "stuck"    // a transaction was replaced with bumped fees
	FailureReorg    = "reorg"    // a confirmed anchor was dropped by a reorg
	FailureNonce    = "nonce"    // the nonce was taken by an unknown transaction
	FailureFunds    = "funds"    // the account cannot pay for gas
	FailureFatal    = "fatal"    // Run ended with an error
)

type metrics struct {
	anchoredSize prometheus.Gauge
	lagEntries   prometheus.Gauge
	lagSeconds   prometheus.Gauge
	latency      prometheus.Histogram
	gasUsed      prometheus.Counter
	anchors      prometheus.Counter
	failures     *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		anchoredSize: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "glassbox_anchor_anchored_size",
			Help: "Tree size of the latest confirmed anchor.",
		}),
		lagEntries: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "glassbox_anchor_lag_entries",
			Help: "Log entries not yet covered by a confirmed anchor.",
		}),
		lagSeconds: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "glassbox_anchor_lag_seconds",
			Help: "Age of the oldest log entry not yet covered by a confirmed anchor (as first seen by the anchorer).",
		}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "glassbox_anchor_latency_seconds",
			Help:    "Per anchor: time from the anchorer first seeing the oldest entry it covers to its confirmation.",
			Buckets: prometheus.ExponentialBuckets(0.25, 2, 14),
		}),
		gasUsed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "glassbox_anchor_gas_used_total",
			Help: "Gas used by confirmed anchoring transactions.",
		}),
		anchors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "glassbox_anchor_anchors_total",
			Help: "Confirmed anchors.",
		}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "glassbox_anchor_failures_total",
			Help: "Anchoring failures by kind: rpc, reverted, stuck, reorg, nonce, funds, fatal.",
		}, []string{"kind"}),
	}
	for _, k := range []string{FailureRPC, FailureReverted, FailureStuck, FailureReorg, FailureNonce, FailureFunds, FailureFatal} {
		m.failures.WithLabelValues(k)
	}
	if reg == nil {
		return m, nil
	}
	for _, c := range []prometheus.Collector{m.anchoredSize, m.lagEntries, m.lagSeconds, m.latency, m.gasUsed, m.anchors, m.failures} {
		if err := reg.Register(c); err != nil {
			var are prometheus.AlreadyRegisteredError
			if errors.As(err, &are) {
				return nil, fmt.Errorf("anchor: registering metrics: %w (one Registerer per anchorer)", err)
			}
			return nil, fmt.Errorf("anchor: registering metrics: %w", err)
		}
	}
	return m, nil
}

func (m *metrics) failure(kind string) { m.failures.WithLabelValues(kind).Inc() }
