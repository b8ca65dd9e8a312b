package tiles

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog"
)

// Cache policy. Full tiles and full entry bundles never change once the
// checkpoint covers them: they are cached for a year and marked immutable.
// The checkpoint changes as the log grows, and a partial tile is replaced
// by a wider one: they are cached for [Options.MutableMaxAge].
const (
	ImmutableCacheControl = "public, max-age=31536000, immutable"
	// DefaultMutableMaxAge is the default of [Options.MutableMaxAge].
	DefaultMutableMaxAge = 10 * time.Second
)

// Content types of what the handler serves.
const (
	CheckpointContentType = "text/plain; charset=utf-8"
	TileContentType       = "application/octet-stream"
)

// Options configure [Handler]. The zero value, or nil, is the default.
type Options struct {
	// MutableMaxAge is how long a client or cache may keep the checkpoint
	// and partial tiles (Cache-Control max-age). Zero means
	// [DefaultMutableMaxAge]; a negative value sends "no-cache".
	MutableMaxAge time.Duration
	// Logger receives the failures that are the server's (a store that
	// cannot be read), never the clients'. Nil discards them.
	Logger *slog.Logger
}

func (o *Options) withDefaults() Options {
	var c Options
	if o != nil {
		c = *o
	}
	if c.MutableMaxAge == 0 {
		c.MutableMaxAge = DefaultMutableMaxAge
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

func (o *Options) mutableCacheControl() string {
	if o.MutableMaxAge < 0 {
		return "no-cache"
	}
	return "public, max-age=" + strconv.FormatInt(int64(o.MutableMaxAge/time.Second), 10)
}

// Handler serves lg as c2sp.org/tlog-tiles, relative to where it is
// mounted (use [http.StripPrefix] for a prefix): GET or HEAD of
//
//	/checkpoint                  the latest signed checkpoint note
//	/tile/<L>/<N>[.p/<W>]        a hash tile
//	/tile/entries/<N>[.p/<W>]    an entry bundle: the leaves, length-prefixed
//
// Each request is answered from one view bound to the log's latest signed
// checkpoint ([auditlog.Log.LatestCheckpoint]), read once per request: a
// tile, full or partial, is served only when that checkpoint covers every
// hash or entry in it, so a client never sees a node the published
// checkpoint does not commit to; leaves appended since are served once a
// checkpoint is signed. Everything below a checkpoint's size is immutable,
// so the tile is that of every later checkpoint too.
//
// Status codes: 200; 400 for a path that is not one of the above (the
// parser is strict: one path per tile); 404 for a tile beyond the
// checkpoint, or any path before the first checkpoint; 405 for another
// method; 503 once the log is closed; 500 when the store fails (logged to
// Options.Logger). Tiles are application/octet-stream, the checkpoint
// text/plain; Cache-Control is [ImmutableCacheControl] for full tiles and
// bundles, and max-age [Options.MutableMaxAge] for the checkpoint and
// partial tiles. Request timeouts and limits are the http.Server's.
//
// The handler is safe for concurrent use, and reads only: it signs
// nothing and never writes to the log.
func Handler(lg *auditlog.Log, opts *Options) http.Handler {
	o := opts.withDefaults()
	return &handler{lg: lg, o: o, mutable: o.mutableCacheControl()}
}

type handler struct {
	lg      *auditlog.Log
	o       Options
	mutable string
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		h.fail(w, http.StatusMethodNotAllowed, "tiles: method %s not allowed", r.Method)
		return
	}
	p := strings.TrimPrefix(r.URL.Path, "/")
	t, err := parseRequest(p)
	if err != nil {
		h.fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	cp, err := h.lg.LatestCheckpoint(r.Context())
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	if t == nil {
		h.write(w, r, CheckpointContentType, h.mutable, cp.Note)
		return
	}
	data, err := Read(r.Context(), h.lg, cp.Size, *t)
	if err != nil {
		h.failErr(w, r, err)
		return
	}
	cc := ImmutableCacheControl
	if t.W != Width {
		cc = h.mutable
	}
	h.write(w, r, TileContentType, cc, data)
}

// parseRequest returns nil for the checkpoint, else the tile.
func parseRequest(p string) (*tlog.Tile, error) {
	if p == CheckpointPath {
		return nil, nil
	}
	t, err := ParsePath(p)
	if err != nil {
		return nil, err
	}
	return &t, nil
}

func (h *handler) write(w http.ResponseWriter, r *http.Request, contentType, cacheControl string, body []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Cache-Control", cacheControl)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body) // a failed write is the client's connection; nothing to do
	}
}

func (h *handler) failErr(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, ErrNotPublished), errors.Is(err, auditlog.ErrNotFound):
		h.fail(w, http.StatusNotFound, "%v", err)
	case errors.Is(err, auditlog.ErrClosed):
		h.fail(w, http.StatusServiceUnavailable, "tiles: the log is closed")
	case r.Context().Err() != nil:
		// The client went away; nobody reads the answer.
		h.fail(w, http.StatusServiceUnavailable, "tiles: request cancelled")
	default:
		h.o.Logger.Error("tiles: serving failed", "path", r.URL.Path, "err", err)
		h.fail(w, http.StatusInternalServerError, "tiles: internal error")
	}
}

func (h *handler) fail(w http.ResponseWriter, code int, format string, args ...any) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	io.WriteString(w, fmt.Sprintf(format, args...)+"\n")
}
