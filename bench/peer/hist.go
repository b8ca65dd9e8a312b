package peer

import (
	"math/bits"
	"sync/atomic"
	"time"
)

// subBits is the number of mantissa bits a histogram bucket keeps: 64
// buckets per power of two, a relative resolution of 1/64.
const subBits = 6

const histBuckets = 64 << subBits

// histShards spreads concurrent writers over several bucket arrays so that
// they do not all increment the same cache lines.
const histShards = 16

// histogram counts durations in log-linear buckets. It is safe for
// concurrent use.
type histogram struct {
	shards [histShards][histBuckets]atomic.Uint64
}

func bucketOf(ns uint64) int {
	if ns < 1<<subBits {
		return int(ns)
	}
	exp := bits.Len64(ns) - 1 - subBits
	return (exp+1)<<subBits | int(ns>>uint(exp))&(1<<subBits-1)
}

// bucketLow is the smallest value in bucket b.
func bucketLow(b int) uint64 {
	if b < 1<<subBits {
		return uint64(b)
	}
	exp := b>>subBits - 1
	return (1<<subBits | uint64(b)&(1<<subBits-1)) << uint(exp)
}

func (h *histogram) record(shard int, d time.Duration) {
	if d < 0 {
		d = 0
	}
	h.shards[shard%histShards][bucketOf(uint64(d))].Add(1)
}

// quantiles returns the durations below which the fractions qs of the
// recorded values lie (the midpoint of the bucket that holds each).
func (h *histogram) quantiles(qs ...float64) []time.Duration {
	var counts [histBuckets]uint64
	var total uint64
	for s := range h.shards {
		for b := range counts {
			c := h.shards[s][b].Load()
			counts[b] += c
			total += c
		}
	}
	out := make([]time.Duration, len(qs))
	if total == 0 {
		return out
	}
	for i, q := range qs {
		rank := uint64(q * float64(total))
		if rank >= total {
			rank = total - 1
		}
		var seen uint64
		for b, c := range counts {
			seen += c
			if seen > rank {
				lo := bucketLow(b)
				hi := lo + 1
				if b+1 < histBuckets {
					hi = bucketLow(b + 1)
				}
				out[i] = time.Duration(lo + (hi-lo)/2)
				break
			}
		}
	}
	return out
}
