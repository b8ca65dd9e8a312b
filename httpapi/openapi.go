package httpapi

import (
	_ "embed"
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"github.com/glassbox-audit/glassbox/portal/access"
)

// openAPIDoc is the hand-written OpenAPI 3 document of every route of the
// package and of the programs that mount their own (examples/lending's
// POST /v1/decisions). GET /v1/openapi.json serves the part of it that a
// handler has mounted.
//
//go:embed openapi.json
var openAPIDoc []byte

// OpenAPIPath is the public route of the OpenAPI document.
const OpenAPIPath = "/v1/openapi.json"

// Route is one route mounted on a [Handler].
type Route struct {
	Method string        // "GET", "POST"; "" for a subtree mounted for every method ("/portal/")
	Path   string        // http.ServeMux syntax, as in the OpenAPI document: "/v1/decisions/{id}"
	Roles  []access.Role // the roles it is mounted for; nil for a public route
}

func routeOf(pattern string, roles []access.Role) Route {
	r := Route{Path: pattern, Roles: roles}
	if m, p, ok := strings.Cut(pattern, " "); ok {
		r.Method, r.Path = m, strings.TrimSpace(p)
	}
	return r
}

// Routes lists the routes mounted so far, in the order they were mounted.
func (h *Handler) Routes() []Route {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.routes)
}

func (h *Handler) addRoute(pattern string, roles []access.Role) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.routes = append(h.routes, routeOf(pattern, roles))
}

// apiDoc is the part of the OpenAPI document Undocumented and the served
// document look at.
type apiDoc struct {
	Paths    map[string]map[string]json.RawMessage `json:"paths"`
	Subtrees []subtree                             `json:"x-glassbox-subtrees"`
}

// subtree is a part of the URL space mounted for every method (pages).
type subtree struct {
	Path string `json:"path"`
}

func parseAPIDoc() (apiDoc, map[string]any, error) {
	var d apiDoc
	if err := json.Unmarshal(openAPIDoc, &d); err != nil {
		return d, nil, err
	}
	var full map[string]any
	err := json.Unmarshal(openAPIDoc, &full)
	return d, full, err
}

// Undocumented lists the routes of h that the OpenAPI document lacks: a
// program's test calls it so that a route it mounts is documented.
func (h *Handler) Undocumented() []Route {
	d, _, err := parseAPIDoc()
	var out []Route
	for _, r := range h.Routes() {
		switch {
		case err != nil:
			out = append(out, r)
		case r.Method == "":
			if !slices.Contains(d.Subtrees, subtree{r.Path}) {
				out = append(out, r)
			}
		default:
			if _, ok := d.Paths[r.Path][strings.ToLower(r.Method)]; !ok {
				out = append(out, r)
			}
		}
	}
	return out
}

// serveOpenAPI answers the OpenAPI document with the routes of h only: a
// client reads what this server does, not what another program mounts.
func (h *Handler) serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	_, full, err := parseAPIDoc()
	if err != nil {
		h.internal(w, r, err)
		return
	}
	mounted := map[string]bool{}
	subtrees := map[string]bool{}
	for _, rt := range h.Routes() {
		if rt.Method == "" {
			subtrees[rt.Path] = true
		} else {
			mounted[strings.ToLower(rt.Method)+" "+rt.Path] = true
		}
	}
	paths, _ := full["paths"].(map[string]any)
	for p, v := range paths {
		ops, _ := v.(map[string]any)
		for m := range ops {
			if !mounted[m+" "+p] {
				delete(ops, m)
			}
		}
		if len(ops) == 0 {
			delete(paths, p)
		}
	}
	var keep []any
	if st, ok := full["x-glassbox-subtrees"].([]any); ok {
		for _, s := range st {
			if m, ok := s.(map[string]any); ok && subtrees[m["path"].(string)] {
				keep = append(keep, s)
			}
		}
	}
	full["x-glassbox-subtrees"] = keep
	WriteJSON(w, http.StatusOK, full)
}
