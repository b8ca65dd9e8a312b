package lineage_test

import (
	"context"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/lineage"
)

// TestProofServer: a record holder fetches the inclusion proof of their
// record against the registered root and it verifies; a record not in the
// training set is ErrNotInManifest; bad names are 400, another root 404,
// other methods 405; and a server that answers with another record's
// proof, or with a proof edited to fit, is caught by FetchProof.
func TestProofServer(t *testing.T) {
	rs := records(300)
	m, err := lineage.NewManifest(rs)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(lineage.NewProofServer(m))
	defer srv.Close()
	ctx := context.Background()
	root := m.Root()

	for _, i := range []int{0, 1, 255, 299} {
		p, err := lineage.FetchProof(ctx, srv.Client(), srv.URL, "", root, rs[i])
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if p.Index != uint64(i) || p.Size != 300 {
			t.Errorf("record %d: proof of index %d size %d", i, p.Index, p.Size)
		}
	}
	outsider := lineage.RecordHash([]byte("A9999,not in the training data"))
	if _, err := lineage.FetchProof(ctx, srv.Client(), srv.URL, "", root, outsider); !errors.Is(err, lineage.ErrNotInManifest) {
		t.Errorf("a record not in the training set: %v", err)
	}
	other := root
	other[0] ^= 1
	if _, err := lineage.FetchProof(ctx, srv.Client(), srv.URL, "", other, rs[0]); !errors.Is(err, lineage.ErrNotInManifest) {
		t.Errorf("another root: %v", err)
	}

	hx := func(b [32]byte) string { return hex.EncodeToString(b[:]) }
	for _, c := range []struct {
		method, path string
		want         int
	}{
		{"GET", lineage.ManifestsPath + hx(root) + "/records/" + hx(rs[3]), 200},
		{"HEAD", lineage.ManifestsPath + hx(root) + "/records/" + hx(rs[3]), 200},
		{"POST", lineage.ManifestsPath + hx(root) + "/records/" + hx(rs[3]), 405},
		{"GET", lineage.ManifestsPath + hx(root) + "/records/" + strings.ToUpper(hx(rs[3])), 400},
		{"GET", lineage.ManifestsPath + "12/records/" + hx(rs[3]), 400},
		{"GET", lineage.ManifestsPath + hx(root) + "/records/" + hx(rs[3]) + "x", 400},
		{"GET", lineage.ManifestsPath + hx(root), 404},
		{"GET", lineage.ManifestsPath + hx(other) + "/records/" + hx(rs[3]), 404},
	} {
		req, _ := http.NewRequest(c.method, srv.URL+c.path, nil)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("%s %s: %d, want %d", c.method, c.path, resp.StatusCode, c.want)
		}
	}

	// A lying server: it answers with the proof of another record, or
	// with a proof whose record hash was swapped for the one asked about.
	p5, err := m.ProveIndex(5)
	if err != nil {
		t.Fatal(err)
	}
	swapped := *p5
	swapped.RecordHash = outsider
	for name, answer := range map[string]*lineage.InclusionProof{"another record's proof": p5, "a swapped record hash": &swapped} {
		liar := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			b, _ := answer.MarshalJSON()
			w.Write(b)
		}))
		_, err := lineage.FetchProof(ctx, liar.Client(), liar.URL, "", root, outsider)
		liar.Close()
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// The bearer token goes in the Authorization header.
	var got string
	auth := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("Authorization")
		lineage.NewProofServer(m).ServeHTTP(w, r)
	}))
	defer auth.Close()
	if _, err := lineage.FetchProof(ctx, auth.Client(), auth.URL, "tok", root, rs[7]); err != nil || got != "Bearer tok" {
		t.Errorf("with a token: %v, Authorization %q", err, got)
	}
}
