//go:build !unix

package loadtest

import "time"

// selfCPU is 0: unknown on this system.
func selfCPU() time.Duration { return 0 }
