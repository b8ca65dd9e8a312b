package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/httpapi"
	"github.com/glassbox-audit/glassbox/internal/strictjson"
)

// FuzzDecodeJSON: any body gets 200 exactly when strictjson accepts it
// within the limit, otherwise 400 or 413 with a JSON error, never a panic.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{`{"name":"a","n":1}`, `{"name":"a","name":"b"}`, `{} x`, "{\"name\":\"\xff\"}", `{"n":1e999}`, `[]`, ``, `{"name":"` + strings.Repeat("x", 70) + `"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		w := httptest.NewRecorder()
		r := httptest.NewRequest("POST", "/", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		var v echo
		err := httpapi.DecodeJSON(w, r, &v, 64)
		var ref echo
		refErr := strictjson.Decode([]byte(body), &ref)
		switch {
		case len(body) > 64:
			if err == nil || w.Code != http.StatusRequestEntityTooLarge {
				t.Fatalf("%d bytes: %v %d", len(body), err, w.Code)
			}
		case refErr == nil:
			if err != nil || v != ref {
				t.Fatalf("strictjson accepts %q, DecodeJSON: %v %+v", body, err, v)
			}
		default:
			if err == nil || w.Code != http.StatusBadRequest || !strings.HasPrefix(w.Body.String(), `{"error":`) {
				t.Fatalf("strictjson refuses %q (%v), DecodeJSON: %v %d %s", body, refErr, err, w.Code, w.Body.String())
			}
		}
	})
}
