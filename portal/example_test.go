package portal_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/portal"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// A lender mounts the portal under /portal/ on its own mux, beside its
// API, and gives each applicant a link.
func Example() {
	dir, err := os.MkdirTemp("", "portal-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	skey, vkey, _ := note.GenerateKey(rand.Reader, "lender.example/glassbox")
	signer, _ := note.NewSigner(skey)
	lg, err := auditlog.Open(filepath.Join(dir, "log"), &auditlog.Options{Signer: signer})
	if err != nil {
		log.Fatal(err)
	}
	defer lg.Close()
	dec, err := decisions.Open(lg, nil)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := dec.Append(context.Background(), record.Decision{
		ID: "app-1", Time: time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC), Subject: "applicant-17",
		Model:  record.Model{Name: "credit", Version: "1.0", ArtifactDigest: record.Digest{1}},
		Inputs: []record.Feature{{Name: "income", Value: record.Number(42000)}},
		Output: record.Output{Label: "approve", Score: 0.81},
	}); err != nil {
		log.Fatal(err)
	}
	links, err := access.NewLinks(access.NewLinkKey(), nil) // keep the key secret and stable
	if err != nil {
		log.Fatal(err)
	}
	p, err := portal.New(&portal.Options{
		Decisions: dec, Links: links, Log: lg, LogKey: vkey,
		Lender: "Example Lending", Prefix: "/portal",
	})
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/portal/", p)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	token, _, err := links.Issue("app-1") // sent to the applicant
	if err != nil {
		log.Fatal(err)
	}
	resp, err := http.Get(srv.URL + "/portal/a/" + token)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	page, err := io.ReadAll(resp.Body)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode, resp.Header.Get("Referrer-Policy"))
	fmt.Println(strings.Contains(string(page), `href="/portal/static/portal.css"`))
	resp2, err := http.Get(srv.URL + "/portal/a/not-a-link")
	if err != nil {
		log.Fatal(err)
	}
	resp2.Body.Close()
	fmt.Println(resp2.StatusCode)
	// Output:
	// 200 no-referrer
	// true
	// 404
}
