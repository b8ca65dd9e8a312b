package main

import (
	"net/http"
	"testing"

	"github.com/glassbox-audit/glassbox/httpapi"
	"github.com/glassbox-audit/glassbox/portal"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// TestServeRoutesDocumented: every route glassbox serve mounts (with the
// regulator's portal too) is in the OpenAPI document.
func TestServeRoutesDocumented(t *testing.T) {
	dir := sdkLogDir(t)
	lg, err := openLog(dir, "", readLog)
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	dec, err := openLayer(lg, dir)
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := access.NewTokens(map[string]access.Role{access.NewToken(): access.RoleRegulator})
	if err != nil {
		t.Fatal(err)
	}
	links, err := httpapi.DirLinks(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := portal.New(&portal.Options{Decisions: dec, Links: links, Log: lg, Prefix: servePortalPrefix})
	if err != nil {
		t.Fatal(err)
	}
	h, err := serveHandler(lg, dec, tokens, links, p, http.NotFoundHandler(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Routes()) < 10 {
		t.Fatalf("serve mounts %d routes: %+v", len(h.Routes()), h.Routes())
	}
	if u := h.Undocumented(); len(u) != 0 {
		t.Errorf("glassbox serve mounts routes the OpenAPI document lacks: %+v", u)
	}
}
