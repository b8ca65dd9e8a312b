package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"

	"github.com/glassbox-audit/glassbox/internal/strictjson"
)

// DefaultMaxBody bounds a request body decoded by [DecodeJSON] when its
// limit is 0.
const DefaultMaxBody = 1 << 20

// errorJSON is every error answer: {"error": "..."}.
type errorJSON struct {
	Error string `json:"error"`
}

// WriteJSON writes v as the JSON answer with the given status code.
func WriteJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// WriteError writes {"error": msg} with the given status code. msg MUST
// NOT hold personal data (a subject, an input or group value): error
// answers go to whoever asked, authenticated or not.
func WriteError(w http.ResponseWriter, code int, msg string) {
	WriteJSON(w, code, errorJSON{Error: msg})
}

// DecodeJSON reads r's body, at most limit bytes (0: DefaultMaxBody), and
// decodes it strictly into v (internal/strictjson: valid UTF-8, one value,
// no duplicate keys, no unknown fields, nothing after the value). On any
// failure it has written the error answer and returns the error: 415 for a
// Content-Type other than application/json, 413 for a body over the limit,
// 408 for a body that did not arrive within the server's ReadTimeout, 400
// naming what is wrong (the field or byte offset, never a value) otherwise.
func DecodeJSON(w http.ResponseWriter, r *http.Request, v any, limit int64) error {
	if limit <= 0 {
		limit = DefaultMaxBody
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		WriteError(w, http.StatusUnsupportedMediaType, "want Content-Type: application/json")
		return fmt.Errorf("httpapi: content type %q", r.Header.Get("Content-Type"))
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var mb *http.MaxBytesError
		var ne net.Error
		switch {
		case errors.As(err, &mb):
			WriteError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than %d bytes", limit))
		case errors.As(err, &ne) && ne.Timeout():
			WriteError(w, http.StatusRequestTimeout, "the body did not arrive in time")
		default:
			WriteError(w, http.StatusBadRequest, "reading the body failed")
		}
		return fmt.Errorf("httpapi: reading the body: %w", err)
	}
	if err := strictjson.Decode(b, v); err != nil {
		WriteError(w, http.StatusBadRequest, "bad JSON body: "+err.Error())
		return err
	}
	return nil
}
