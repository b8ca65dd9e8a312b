package auditlog

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/cockroachdb/pebble/v2"
)

// BenchmarkAppend measures durable appends of 512-byte leaves with several
// numbers of concurrent writers, next to its baseline: raw Pebble synced
// batches of the same bytes from the same number of writers (Pebble groups
// concurrent synced commits itself).
func BenchmarkAppend(b *testing.B) {
	leaf := make([]byte, 512)
	for i := range leaf {
		leaf[i] = byte(i)
	}
	for _, writers := range []int{1, 8, 64, 1024} {
		b.Run(fmt.Sprintf("raw-pebble/writers=%d", writers), func(b *testing.B) {
			db, err := pebble.Open(b.TempDir(), pebbleOptions())
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			var next atomic.Uint64
			runWriters(b, writers, func() error {
				i := next.Add(1)
				bt := db.NewBatch()
				bt.Set(binary.BigEndian.AppendUint64([]byte{'L'}, i), leaf, nil)
				err := bt.Commit(pebble.Sync)
				bt.Close()
				return err
			})
		})
		b.Run(fmt.Sprintf("auditlog/writers=%d", writers), func(b *testing.B) {
			l := openEng(b, b.TempDir(), engOptions(b))
			defer l.Close()
			ctx := context.Background()
			runWriters(b, writers, func() error {
				_, err := l.Append(ctx, leaf)
				return err
			})
		})
	}
}

// BenchmarkAppendBatch appends batches of 256 leaves from one writer; the
// baseline writes the same bytes as one synced Pebble batch.
func BenchmarkAppendBatch(b *testing.B) {
	const n = 256
	leaves := make([][]byte, n)
	for i := range leaves {
		leaves[i] = make([]byte, 512)
		leaves[i][0] = byte(i)
	}
	b.Run("raw-pebble", func(b *testing.B) {
		db, err := pebble.Open(b.TempDir(), pebbleOptions())
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		var k uint64
		b.SetBytes(n * 512)
		for b.Loop() {
			bt := db.NewBatch()
			for _, lf := range leaves {
				k++
				bt.Set(binary.BigEndian.AppendUint64([]byte{'L'}, k), lf, nil)
			}
			if err := bt.Commit(pebble.Sync); err != nil {
				b.Fatal(err)
			}
			bt.Close()
		}
		b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "leaves/s")
	})
	b.Run("auditlog", func(b *testing.B) {
		l := openEng(b, b.TempDir(), engOptions(b))
		defer l.Close()
		ctx := context.Background()
		b.SetBytes(n * 512)
		for b.Loop() {
			if _, err := l.AppendBatch(ctx, leaves); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "leaves/s")
	})
}

// BenchmarkAppendAsync pipelines appends from one goroutine with up to
// 1024 outstanding futures.
func BenchmarkAppendAsync(b *testing.B) {
	l := openEng(b, b.TempDir(), engOptions(b))
	defer l.Close()
	ctx := context.Background()
	leaf := make([]byte, 512)
	var pending []IndexFuture
	for b.Loop() {
		pending = append(pending, l.AppendAsync(ctx, leaf))
		if len(pending) == 1024 {
			for _, f := range pending {
				if _, err := f(); err != nil {
					b.Fatal(err)
				}
			}
			pending = pending[:0]
		}
	}
	for _, f := range pending {
		if _, err := f(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "appends/s")
}

// BenchmarkAppendDisk reports the bytes on disk per entry once 100,000
// entries of 512 bytes are appended (in batches of 1000) and the store is
// flushed and compacted; the baseline holds the same leaves under raw
// Pebble keys. It reports "sst-B/entry", the live sstables, and
// "disk-B/entry", every file of the store (the write-ahead log and the
// MANIFEST too); run it with -benchtime 1x.
func BenchmarkAppendDisk(b *testing.B) {
	const n, per = 100_000, 1000
	batch := make([][]byte, per)
	for i := range batch {
		batch[i] = make([]byte, 512)
	}
	fill := func(k uint64) {
		for i := range batch {
			// distinct, poorly compressible leaves, like signed records
			for j := 0; j < 512; j += 8 {
				binary.BigEndian.PutUint64(batch[i][j:], (k+uint64(i))*0x9e3779b97f4a7c15^uint64(j)*0xbf58476d1ce4e5b9)
			}
		}
	}
	perEntry := func(b *testing.B, db *pebble.DB) {
		if err := db.Flush(); err != nil {
			b.Fatal(err)
		}
		if err := db.Compact(context.Background(), []byte{0}, []byte{0xff}, false); err != nil {
			b.Fatal(err)
		}
		m := db.Metrics()
		b.ReportMetric(float64(m.Total().TablesSize)/n, "sst-B/entry")
		b.ReportMetric(float64(m.DiskSpaceUsage())/n, "disk-B/entry")
	}
	b.Run("raw-pebble", func(b *testing.B) {
		for b.Loop() {
			db, err := pebble.Open(b.TempDir(), pebbleOptions())
			if err != nil {
				b.Fatal(err)
			}
			for k := uint64(0); k < n; k += per {
				fill(k)
				bt := db.NewBatch()
				for i, lf := range batch {
					bt.Set(binary.BigEndian.AppendUint64([]byte{'L'}, k+uint64(i)), lf, nil)
				}
				if err := bt.Commit(pebble.Sync); err != nil {
					b.Fatal(err)
				}
				bt.Close()
			}
			perEntry(b, db)
			db.Close()
		}
	})
	b.Run("auditlog", func(b *testing.B) {
		ctx := context.Background()
		for b.Loop() {
			l := openEng(b, b.TempDir(), engOptions(b))
			for k := uint64(0); k < n; k += per {
				fill(k)
				if _, err := l.AppendBatch(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
			perEntry(b, l.db)
			l.Close()
		}
	})
}

// runWriters runs b.N calls of op spread over the given number of
// goroutines and reports appends per second.
func runWriters(b *testing.B, writers int, op func() error) {
	b.SetBytes(512)
	var left atomic.Int64
	left.Store(int64(b.N))
	var wg sync.WaitGroup
	var failed atomic.Value
	b.ResetTimer()
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for left.Add(-1) >= 0 {
				if err := op(); err != nil {
					failed.Store(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	if err, ok := failed.Load().(error); ok {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "appends/s")
	if rss := residentMB(); rss > 0 {
		b.ReportMetric(rss, "rss-MB")
	}
}

// residentMB returns the process's resident memory (VmRSS) in MiB, or 0
// where /proc is not there. Taken right after the writers finish, with
// the store still open.
func residentMB() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := bytes.CutPrefix(sc.Bytes(), []byte("VmRSS:")); ok {
			kb, err := strconv.ParseFloat(string(bytes.TrimSuffix(bytes.TrimSpace(v), []byte(" kB"))), 64)
			if err != nil {
				return 0
			}
			return kb / 1024
		}
	}
	return 0
}
