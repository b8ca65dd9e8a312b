// Package witnesstest is a c2sp.org/tlog-witness witness for tests,
// written from the spec: it keeps one tree head per log it follows, checks
// the log's signature and the consistency proof from the size it has, and
// cosigns (cosignature/v1) with a real Ed25519 key. Only tests link it;
// interop/ tests the client against torchwood's litewitness as well.
package witnesstest

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/auditlog/witness"
	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
)

// Time is the time every cosignature of a test witness carries.
var Time = time.Unix(1_790_000_000, 0)

// Server is a running test witness.
type Server struct {
	t      testing.TB
	signer *cosig.Signer
	logV   note.Verifier
	mu     sync.Mutex
	size   uint64
	root   verify.Hash
	olds   []uint64
	down   bool
	// URL is the witness's submission prefix.
	URL string
	// VKey is its cosignature/v1 verifier key.
	VKey string
}

// New starts a witness named name that follows the log of logV. It is
// stopped when the test ends.
func New(t testing.TB, logV note.Verifier, name string) (*Server, *witness.Witness) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := cosig.NewSigner(name, priv, func() time.Time { return Time })
	if err != nil {
		t.Fatal(err)
	}
	tw := &Server{t: t, signer: s, logV: logV, root: emptyRoot()}
	srv := httptest.NewServer(tw)
	t.Cleanup(srv.Close)
	tw.URL, tw.VKey = srv.URL, s.Verifier().String()
	v, err := cosig.NewVerifier(tw.VKey)
	if err != nil {
		t.Fatal(err)
	}
	return tw, &witness.Witness{URL: srv.URL, Verifier: v, Client: srv.Client()}
}

// SetDown makes the witness answer 503 to every submission (down true)
// or follow the log again (false).
func (tw *Server) SetDown(down bool) {
	tw.mu.Lock()
	defer tw.mu.Unlock()
	tw.down = down
}

// Olds returns the old sizes of the requests, in order.
func (tw *Server) Olds() []uint64 {
	tw.mu.Lock()
	defer tw.mu.Unlock()
	return slices.Clone(tw.olds)
}

// Size returns the tree size the witness has cosigned last.
func (tw *Server) Size() uint64 {
	tw.mu.Lock()
	defer tw.mu.Unlock()
	return tw.size
}

func emptyRoot() verify.Hash {
	// RFC 6962: the root of the empty tree is SHA-256 of nothing.
	return verify.Hash{0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
		0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55}
}

// ServeHTTP answers POST /add-checkpoint.
func (tw *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/add-checkpoint" {
		http.NotFound(w, r)
		return
	}
	b, _ := io.ReadAll(r.Body)
	head, n, ok := bytes.Cut(b, []byte("\n\n"))
	lines := strings.Split(string(head), "\n")
	oldS, ok2 := strings.CutPrefix(lines[0], "old ")
	old, err := strconv.ParseUint(oldS, 10, 64)
	if !ok || !ok2 || err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var proof []verify.Hash
	for _, l := range lines[1:] {
		h, err := base64.StdEncoding.DecodeString(l)
		if err != nil || len(h) != 32 {
			http.Error(w, "bad proof line", http.StatusBadRequest)
			return
		}
		proof = append(proof, verify.Hash(h))
	}
	cp, err := verify.OpenCheckpoint(n, tw.logV)
	if err != nil {
		http.Error(w, "unknown log or bad signature", http.StatusForbidden)
		return
	}
	tw.mu.Lock()
	defer tw.mu.Unlock()
	if tw.down {
		http.Error(w, "down for the test", http.StatusServiceUnavailable)
		return
	}
	tw.olds = append(tw.olds, old)
	if old > cp.Size {
		http.Error(w, "old size above the checkpoint's", http.StatusBadRequest)
		return
	}
	if old != tw.size {
		w.Header().Set("Content-Type", "text/x.tlog.size")
		w.WriteHeader(http.StatusConflict)
		fmt.Fprintf(w, "%d\n", tw.size)
		return
	}
	switch {
	case old == cp.Size && cp.Root != tw.root, old > 0 && old < cp.Size && verify.VerifyConsistency(old, cp.Size, proof, tw.root, cp.Root) != nil:
		http.Error(w, "bad consistency proof", http.StatusUnprocessableEntity)
		return
	}
	tw.size, tw.root = cp.Size, cp.Root
	body := n[:bytes.LastIndex(n, []byte("\n\n"))+1]
	signed, err := note.Sign(&note.Note{Text: string(body)}, tw.signer)
	if err != nil {
		tw.t.Error(err)
		return
	}
	w.Write(signed[len(body)+1:])
}
