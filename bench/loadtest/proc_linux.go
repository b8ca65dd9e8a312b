package loadtest

import (
	"os/exec"
	"syscall"
)

// dieWithParent has the kernel kill the service if this process dies
// first (a test binary killed at its timeout, say), so that no service is
// left running.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
