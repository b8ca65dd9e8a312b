package lineage

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// ManifestsPath is where a [ProofServer] answers: GET
// ManifestsPath+hex(root)+"/records/"+hex(record hash) is the
// [InclusionProof] of that training record in the manifest of that root.
const ManifestsPath = "/v1/manifests/sha256/"

// maxProofResponse bounds a proof's JSON as [FetchProof] reads it: 64
// path hashes of 64 hex digits and the fields.
const maxProofResponse = 8 << 10

// ProofServer answers inclusion proofs of training records in the
// manifests it was given, so that someone who holds one training record
// (its bytes, hence its [RecordHash]) can check it against the root the
// contract registers without the lender publishing the other records'
// hashes.
//
// A proof also answers "was this record in the training data?" for anyone
// who can guess a record's bytes: mount it behind authentication (the
// lending example serves it to the regulator's role only).
type ProofServer struct {
	manifests map[[32]byte]*Manifest
}

// NewProofServer serves the given manifests, each under its own root.
func NewProofServer(ms ...*Manifest) *ProofServer {
	s := &ProofServer{manifests: make(map[[32]byte]*Manifest, len(ms))}
	for _, m := range ms {
		s.manifests[m.Root()] = m
	}
	return s
}

// ServeHTTP answers GET (and HEAD) ManifestsPath+root+"/records/"+hash
// with the proof's JSON; 404 when the root is not a manifest served here
// or no training record has the hash, 400 for a name that is not 64
// lower-case hex digits, 405 for other methods.
func (s *ProofServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, ManifestsPath)
	rootHex, recHex, ok2 := strings.Cut(rest, "/records/")
	if !ok || !ok2 {
		http.NotFound(w, r)
		return
	}
	root, err := parseHex32(rootHex)
	if err != nil {
		http.Error(w, "manifest root: "+err.Error(), http.StatusBadRequest)
		return
	}
	rec, err := parseHex32(recHex)
	if err != nil {
		http.Error(w, "record hash: "+err.Error(), http.StatusBadRequest)
		return
	}
	m, ok := s.manifests[root]
	if !ok {
		http.Error(w, "no training manifest with this root is served here", http.StatusNotFound)
		return
	}
	p, err := m.Prove(rec)
	if err != nil {
		http.Error(w, "no training record of this manifest has this hash", http.StatusNotFound)
		return
	}
	b, err := p.MarshalJSON()
	if err != nil {
		http.Error(w, "encoding the proof", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "private, no-store")
	w.Write(b)
}

// FetchProof asks the service at baseURL for the inclusion proof of the
// training record with hash record in the manifest of root, sending
// bearer as the Authorization bearer token when it is not empty, and
// returns it only once it verifies against root: a server cannot make a
// record look included. A 404 is [ErrNotInManifest] (the service says the
// record is not there, which only the service's word backs: a manifest
// root proves inclusion, never absence).
func FetchProof(ctx context.Context, client *http.Client, baseURL, bearer string, root, record [32]byte) (*InclusionProof, error) {
	url := strings.TrimSuffix(baseURL, "/") + ManifestsPath + hexOf(root) + "/records/" + hexOf(record)
	b, err := get(ctx, client, url, bearer, maxProofResponse, ErrNotInManifest)
	if err != nil {
		return nil, err
	}
	p, err := ParseProof(b)
	if err != nil {
		return nil, err
	}
	if p.RecordHash != record {
		return nil, fmt.Errorf("%w: asked for record %s, the proof is of %s", ErrInvalidProof, hexOf(record), hexOf(p.RecordHash))
	}
	if err := p.Verify(root); err != nil {
		return nil, err
	}
	return p, nil
}
