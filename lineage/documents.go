package lineage

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
)

// DocumentsPath is where a [Store] serves documents: GET
// DocumentsPath+hex(SHA-256 of the bytes).
const DocumentsPath = "/v1/documents/sha256/"

// MaxDocumentSize bounds a document a [Store] holds and [Fetch] reads.
const MaxDocumentSize = 4 << 20

// Store is a content-addressed set of public lineage documents (schemas,
// cards, manifests: nothing personal), served over HTTP. It is safe for
// concurrent use.
type Store struct {
	mu   sync.RWMutex
	docs map[[32]byte][]byte
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{docs: map[[32]byte][]byte{}} }

// Add stores a copy of b and returns its name, the SHA-256 of b.
func (s *Store) Add(b []byte) ([32]byte, error) {
	if len(b) > MaxDocumentSize {
		return [32]byte{}, fmt.Errorf("%w: %d bytes, more than %d", ErrDocument, len(b), MaxDocumentSize)
	}
	d := sha256.Sum256(b)
	s.mu.Lock()
	s.docs[d] = append([]byte(nil), b...)
	s.mu.Unlock()
	return d, nil
}

// Get returns the document named d.
func (s *Store) Get(d [32]byte) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	b, ok := s.docs[d]
	return b, ok
}

// ServeHTTP answers GET (and HEAD) DocumentsPath+hex with the bytes whose
// SHA-256 is hex, as application/json; 404 for any other name, 400 for a
// name that is not 64 lower-case hex digits, 405 for other methods.
func (s *Store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := strings.CutPrefix(r.URL.Path, DocumentsPath)
	if !ok {
		http.NotFound(w, r)
		return
	}
	d, err := parseHex32(name)
	if err != nil {
		http.Error(w, "document name: "+err.Error(), http.StatusBadRequest)
		return
	}
	b, ok := s.Get(d)
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(b)
}

// Fetch gets the document named d from the service at baseURL (for
// example "https://lender.example") and returns its bytes only if their
// SHA-256 is d: a server cannot substitute another document. A 404 is
// [ErrNotFound]; bytes with another digest are [ErrMismatch].
func Fetch(ctx context.Context, client *http.Client, baseURL string, d [32]byte) ([]byte, error) {
	url := strings.TrimSuffix(baseURL, "/") + DocumentsPath + hexOf(d)
	b, err := get(ctx, client, url, "", MaxDocumentSize, ErrNotFound)
	if err != nil {
		return nil, err
	}
	if got := sha256.Sum256(b); got != d {
		return nil, fmt.Errorf("%w: %s served bytes with SHA-256 %s", ErrMismatch, url, hexOf(got))
	}
	return b, nil
}

// get reads url's body of at most limit bytes, with bearer as the
// Authorization bearer token when it is not empty; a 404 is notFound,
// anything else that fails ErrDocument.
func get(ctx context.Context, client *http.Client, url, bearer string, limit int, notFound error) ([]byte, error) {
	if client == nil {
		client = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDocument, err)
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDocument, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return nil, fmt.Errorf("%w: the service says so (%s)", notFound, url)
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("%w: %s: %s", ErrDocument, url, resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrDocument, url, err)
	}
	if len(b) > limit {
		return nil, fmt.Errorf("%w: %s: more than %d bytes", ErrDocument, url, limit)
	}
	return b, nil
}
