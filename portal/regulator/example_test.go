package regulator_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/regulator"
)

// Mount the regulator's portal under /regulator of the lender's server.
// In production Options.Registry is a registry client dialed at the
// regulator's RPC endpoint; without it the overview says the chain was not
// read.
func Example() {
	dir, _ := os.MkdirTemp("", "glassbox-example-")
	defer os.RemoveAll(dir)
	logDir := filepath.Join(dir, "log")
	if _, err := auditlog.CreateDir(logDir, "lender.example/glassbox/credit"); err != nil {
		fmt.Println(err)
		return
	}
	lg, err := auditlog.OpenDir(logDir, &auditlog.Options{Origin: "lender.example/glassbox/credit"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer lg.Close()
	dec, err := decisions.Open(lg, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	regs, err := access.NewRegulators(map[string]access.Regulator{
		access.NewToken(): {Name: "Financial Conduct Examiner", Scope: access.Scope{Sealed: false}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := regulator.New(&regulator.Options{
		Logs:       []regulator.Log{{Log: lg, Decisions: dec}},
		Regulators: regs,
		Prefix:     "/regulator",
		Lender:     "Example Lending",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	mux := http.NewServeMux()
	mux.Handle("/regulator/", p)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/regulator/")
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println(resp.Request.URL.Path, resp.StatusCode)
	// Output: /regulator/login 200
}
