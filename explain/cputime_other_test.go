//go:build !linux

package explain

import "time"

var cpuStart = time.Now()

// threadCPU falls back to the wall clock where the thread's CPU clock is not read.
func threadCPU() time.Duration { return time.Since(cpuStart) }
