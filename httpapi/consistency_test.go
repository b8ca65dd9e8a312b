package httpapi_test

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/httpapi"
)

func hashOf(t *testing.T, s string) verify.Hash {
	t.Helper()
	var h verify.Hash
	if err := h.UnmarshalText([]byte(s)); err != nil {
		t.Fatalf("hash %q: %v", s, err)
	}
	return h
}

// TestConsistencyDefaultsAndRoots: without to, the proof is up to the
// latest checkpoint, as glassbox log consistency does; the answer carries
// both roots and the stored notes, and the proof verifies between them.
func TestConsistencyDefaultsAndRoots(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	// A leaf past the checkpoint: the default is the checkpoint's size, not
	// the tree's.
	if _, err := f.dec.Append(ctx, decision("4", subjectName+" 4", 4)); err != nil {
		t.Fatal(err)
	}
	cp, err := f.log.LatestCheckpoint(ctx)
	if err != nil || cp.Size != 3 {
		t.Fatalf("latest checkpoint %d, %v", cp.Size, err)
	}
	code, b := f.do(t, "GET", "/v1/proofs/consistency?from=1", "", "", "")
	if code != 200 {
		t.Fatalf("?from=1: %d %s", code, b)
	}
	var c httpapi.Consistency
	mustJSON(t, b, &c)
	if c.From != 1 || c.To != 3 || c.NoteTo != string(cp.Note) || c.RootTo != base64.StdEncoding.EncodeToString(cp.Root[:]) || c.NoteFrom != "" {
		t.Fatalf("?from=1: %+v, want to=3 with the checkpoint's root and note", c)
	}
	proof := make([]verify.Hash, len(c.Proof))
	for i, p := range c.Proof {
		proof[i] = hashOf(t, p)
	}
	if err := verify.VerifyConsistency(c.From, c.To, proof, hashOf(t, c.RootFrom), hashOf(t, c.RootTo)); err != nil {
		t.Errorf("the proof does not verify between the answer's roots: %v", err)
	}
	// An explicit to beyond the checkpoint, up to the tree size.
	code, b = f.do(t, "GET", "/v1/proofs/consistency?from=3&to=4", "", "", "")
	c = httpapi.Consistency{}
	mustJSON(t, b, &c)
	if code != 200 || c.From != 3 || c.To != 4 || c.NoteFrom != string(cp.Note) || c.NoteTo != "" {
		t.Errorf("?from=3&to=4: %d %+v", code, c)
	}
	for q, want := range map[string]string{
		"?from=x":      "from:",
		"":             "from:",
		"?from=1&to=y": "to:",
		"?from=5":      "A <= B",
		"?from=2&to=9": "A <= B",
	} {
		code, b := f.do(t, "GET", "/v1/proofs/consistency"+q, "", "", "")
		if code != 400 || !strings.Contains(string(b), want) {
			t.Errorf("%q: %d %s, want 400 naming %q", q, code, b, want)
		}
	}
}
