package keystoretest_test

import (
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/decisions/keystoretest"
)

func TestMemory(t *testing.T) {
	keystoretest.Run(t, func(*testing.T) decisions.KeyStore { return new(keystoretest.Memory) })
}
