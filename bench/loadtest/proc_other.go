//go:build !linux

package loadtest

import "os/exec"

// dieWithParent does nothing here: a service outlives a killed loadtest.
func dieWithParent(*exec.Cmd) {}
