package main

import (
	"encoding/json"
	"testing"

	"github.com/glassbox-audit/glassbox/httpapi"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// TestOpenAPIDocumentsTheService: every route the lending service mounts,
// POST /v1/decisions included, is in the OpenAPI document, and the
// document the service serves lists POST /v1/decisions with its request
// body.
func TestOpenAPIDocumentsTheService(t *testing.T) {
	a := startAPI(t)
	toks, err := access.NewTokens(map[string]access.Role{access.NewToken(): access.RoleLender})
	if err != nil {
		t.Fatal(err)
	}
	h, err := a.s.handler(toks, "")
	if err != nil {
		t.Fatal(err)
	}
	if u := h.Undocumented(); len(u) != 0 {
		t.Errorf("the lending service mounts routes the OpenAPI document lacks: %+v", u)
	}
	code, b := a.do(t, "GET", httpapi.OpenAPIPath, "", "")
	if code != 200 {
		t.Fatalf("GET %s: %d %s", httpapi.OpenAPIPath, code, b)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			RequestBody struct {
				Content map[string]struct {
					Schema struct {
						Ref string `json:"$ref"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"requestBody"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Required   []string                   `json:"required"`
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	post, ok := doc.Paths["/v1/decisions"]["post"]
	if !ok {
		t.Fatalf("the served document lacks POST /v1/decisions")
	}
	if ref := post.RequestBody.Content["application/json"].Schema.Ref; ref != "#/components/schemas/Application" {
		t.Fatalf("POST /v1/decisions body schema %q", ref)
	}
	// The schema names exactly the fields of Applicant's JSON.
	app := doc.Components.Schemas["Application"]
	var fields map[string]any
	raw, _ := json.Marshal(Applicant{ID: "x", Subject: "y", Features: map[string]*float64{}, Groups: map[string]string{"a": "b"}})
	json.Unmarshal(raw, &fields)
	for f := range fields {
		if _, ok := app.Properties[f]; !ok {
			t.Errorf("Applicant field %q is not in the Application schema", f)
		}
	}
	if len(app.Properties) != len(fields) {
		t.Errorf("the Application schema has %d properties, Applicant %d", len(app.Properties), len(fields))
	}
}
