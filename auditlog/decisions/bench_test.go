package decisions_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/explain"
)

// benchDecision is a full decision: 30 inputs, a 30-feature explanation,
// two group attributes and some metadata.
func benchDecision(i int) record.Decision {
	d := record.Decision{
		ID:      fmt.Sprintf("bench-%09d", i),
		Time:    testT0,
		Subject: fmt.Sprintf("subject-%d", i%100000),
		Model:   record.Model{Name: "credit-xgb", Version: "1.3.0", ArtifactDigest: record.Digest{7}},
		Output:  record.Output{Label: "approve", Score: 0.73},
		Groups:  []record.Attr{{Name: "sex", Value: "female"}, {Name: "age_band", Value: "40-49"}},
		Explanation: &explain.Attribution{Method: explain.MethodTreeSHAP, Space: explain.SpaceMargin,
			Base: -0.4, Output: 1.1},
		PolicyVersion: "policy-7",
		Metadata:      map[string]string{"channel": "web", "branch": "north"},
	}
	for f := range 30 {
		name := fmt.Sprintf("feature_%02d", f)
		v := float64(i%1000) + float64(f)/7
		d.Inputs = append(d.Inputs, record.Feature{Name: name, Value: record.Number(v)})
		d.Explanation.Contributions = append(d.Explanation.Contributions,
			explain.Contribution{Feature: name, Value: v, Contribution: 0.05})
	}
	return d
}

// BenchmarkAppendDecision compares full decisions with raw leaves of the
// same size (the decision's leaf) and of the same stored bytes (leaf plus
// sealed payload), appended by the same number of goroutines.
func BenchmarkAppendDecision(b *testing.B) {
	ctx := context.Background()
	sample, err := record.Build(ptr(benchDecision(0)), nil)
	if err != nil {
		b.Fatal(err)
	}
	plain, err := record.EncodePayload(sample.Payload)
	if err != nil {
		b.Fatal(err)
	}
	sealedSize := len(plain) + record.SealOverhead
	run := func(b *testing.B, appendOne func(lg *auditlog.Log, l *decisions.Log, i int) error) {
		lg, l := openRecTestLog(b, b.TempDir(), recTestOptions(b), nil)
		defer lg.Close()
		var next atomic.Int64
		b.SetParallelism(8)
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if err := appendOne(lg, l, int(next.Add(1))); err != nil {
					b.Error(err)
					return
				}
			}
		})
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "appends/s")
	}
	b.Run("decision", func(b *testing.B) {
		run(b, func(_ *auditlog.Log, l *decisions.Log, i int) error {
			_, err := l.Append(ctx, benchDecision(i))
			return err
		})
	})
	for _, c := range []struct {
		name string
		size int
	}{{fmt.Sprintf("raw-leaf-%dB", len(sample.LeafBytes)), len(sample.LeafBytes)}, {fmt.Sprintf("raw-leaf-%dB", len(sample.LeafBytes)+sealedSize), len(sample.LeafBytes) + sealedSize}} {
		b.Run(c.name, func(b *testing.B) {
			run(b, func(lg *auditlog.Log, _ *decisions.Log, i int) error {
				leaf := make([]byte, c.size)
				rand.Read(leaf)
				_, err := lg.Append(ctx, leaf)
				return err
			})
		})
	}
}

func ptr[T any](v T) *T { return &v }

// BenchmarkReceipt measures receipts built (read, prove, disclose, marshal)
// and verified (parse and verify) per second, in a log of 10,000 decisions.
func BenchmarkReceipt(b *testing.B) {
	ctx := context.Background()
	lg, l := receiptBenchLog(b)
	defer lg.Close()
	b.Run("build", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			r, err := l.Receipt(ctx, fmt.Sprintf("bench-%09d", i%receiptBenchSize))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := r.Marshal(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "receipts/s")
	})
	r, err := l.Receipt(ctx, "bench-000004242")
	if err != nil {
		b.Fatal(err)
	}
	raw, err := r.Marshal()
	if err != nil {
		b.Fatal(err)
	}
	v := lg.Verifier()
	b.Run("verify", func(b *testing.B) {
		for b.Loop() {
			r, err := receipt.Parse(raw)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := receipt.Verify(r, v); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "receipts/s")
	})
}

// BenchmarkAppendBatch appends batches of 100 full decisions with
// decisions' AppendBatch against batches of 100 raw leaves of the decision
// leaf's size with the engine's AppendBatch, from one goroutine; ns/op is
// per record.
func BenchmarkAppendBatch(b *testing.B) {
	ctx := context.Background()
	const batch = 100
	sample, err := record.Build(ptr(benchDecision(0)), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("decisions", func(b *testing.B) {
		lg, l := openRecTestLog(b, b.TempDir(), recTestOptions(b), nil)
		defer lg.Close()
		next := 0
		for b.Loop() {
			ds := make([]record.Decision, batch)
			for i := range ds {
				ds[i] = benchDecision(next)
				next++
			}
			if _, err := l.AppendBatch(ctx, ds); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "records/s")
	})
	b.Run(fmt.Sprintf("raw-leaves-%dB", len(sample.LeafBytes)), func(b *testing.B) {
		lg, _ := openRecTestLog(b, b.TempDir(), recTestOptions(b), nil)
		defer lg.Close()
		for b.Loop() {
			leaves := make([][]byte, batch)
			for i := range leaves {
				leaves[i] = make([]byte, len(sample.LeafBytes))
				rand.Read(leaves[i])
			}
			if _, err := lg.AppendBatch(ctx, leaves); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "records/s")
	})
}

// receiptBenchSize is the number of decisions in receiptBenchLog.
const receiptBenchSize = 10_000

// receiptBenchLog is a log of 10,000 benchDecisions, in batches of 1,000,
// with a checkpoint of all of them.
func receiptBenchLog(b *testing.B) (*auditlog.Log, *decisions.Log) {
	b.Helper()
	ctx := context.Background()
	lg, l := openRecTestLog(b, b.TempDir(), recTestOptions(b), nil)
	for start := 0; start < receiptBenchSize; start += 1000 {
		ds := make([]record.Decision, 0, 1000)
		for i := start; i < start+1000; i++ {
			ds = append(ds, benchDecision(i))
		}
		if _, err := l.AppendBatch(ctx, ds); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := lg.Checkpoint(ctx); err != nil {
		b.Fatal(err)
	}
	return lg, l
}
