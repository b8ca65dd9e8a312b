package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/lineage"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// dataLine returns the line of the data file of applicant id, without its
// newline, read straight from the file (not through parseApplicants).
func dataLine(t *testing.T, id string) []byte {
	t.Helper()
	for ln := range bytes.SplitSeq(applicantsCSV, []byte{'\n'}) {
		if c, _, ok := bytes.Cut(ln, []byte{','}); ok && string(c) == id {
			return ln
		}
	}
	t.Fatalf("no line for %s in model/applicants.csv", id)
	return nil
}

// TestRegisteredLineage: the lineage the service registered on its chain
// is that of the documents it serves: the card and the schema fetched
// from /v1/documents/ have the registered digests and pass the binding's
// checks; the manifest root is that of the data file's training lines,
// recomputed here from the file's text; a training line proves inclusion
// against the registered root; a test line has no proof, and a training
// line's proof presented for a test line fails with ErrMismatch.
func TestRegisteredLineage(t *testing.T) {
	a := startAPI(t)
	ctx := context.Background()
	m, err := a.s.chain.registry.Model(ctx, modelName, modelVersion)
	if err != nil {
		t.Fatal(err)
	}
	b := m.Lineage
	if b.CodeRef != codeRefPath+" (XGBoost 1.7.4)" {
		t.Errorf("registered code ref %q", b.CodeRef)
	}

	cardBytes, err := lineage.Fetch(ctx, a.srv.Client(), a.srv.URL, b.CardDigest)
	if err != nil {
		t.Fatalf("fetching the registered card: %v", err)
	}
	card, err := lineage.ParseCard(cardBytes)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.CheckCard(card); err != nil {
		t.Errorf("served card: %v", err)
	}
	if card.Model != modelName || card.Version != modelVersion {
		t.Errorf("the card is of %s %s, the registered model %s %s", card.Model, card.Version, modelName, modelVersion)
	}
	schemaBytes, err := lineage.Fetch(ctx, a.srv.Client(), a.srv.URL, b.SchemaDigest)
	if err != nil {
		t.Fatalf("fetching the registered schema: %v", err)
	}
	schema, err := lineage.ParseSchema(schemaBytes)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.CheckSchema(schema); err != nil {
		t.Errorf("served schema: %v", err)
	}
	if len(schema.Features) != len(a.s.model.features) {
		t.Errorf("the schema has %d features, the model %d", len(schema.Features), len(a.s.model.features))
	}
	for i, f := range schema.Features {
		if f.Name != a.s.model.features[i] {
			t.Fatalf("schema feature %d is %q, the model's column %q", i, f.Name, a.s.model.features[i])
		}
	}
	// Nothing else is served: a digest of no document is 404, a bad name 400.
	other := b.ManifestRoot
	if _, err := lineage.Fetch(ctx, a.srv.Client(), a.srv.URL, other); !errors.Is(err, lineage.ErrNotFound) {
		t.Errorf("fetching the manifest root as a document: %v; want ErrNotFound", err)
	}
	if code, _ := a.do(t, "GET", lineage.DocumentsPath+"XYZ", "", ""); code != 400 {
		t.Errorf("GET a malformed document name: %d; want 400", code)
	}

	// The manifest root, recomputed from the file's text: the lines ending
	// in ",train", in file order.
	var train bytes.Buffer
	for ln := range bytes.SplitSeq(applicantsCSV, []byte{'\n'}) {
		if bytes.HasSuffix(ln, []byte(",train")) {
			train.Write(ln)
			train.WriteByte('\n')
		}
	}
	hs, err := lineage.ReadRecords(&train)
	if err != nil {
		t.Fatal(err)
	}
	man, err := lineage.NewManifest(hs)
	if err != nil {
		t.Fatal(err)
	}
	if man.Size() != 800 {
		t.Errorf("%d training lines; model/README.md says 800", man.Size())
	}
	if err := b.CheckManifest(man); err != nil {
		t.Fatalf("registered manifest root: %v", err)
	}

	trainLine, testLine := dataLine(t, "A0201"), dataLine(t, "A0001")
	if !strings.HasSuffix(string(trainLine), ",train") || !strings.HasSuffix(string(testLine), ",test") {
		t.Fatalf("A0201 %q / A0001 %q: not a training and a test line", trainLine, testLine)
	}
	p, err := man.Prove(lineage.RecordHash(trainLine))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.CheckRecord(p); err != nil {
		t.Errorf("a training line against the registered root: %v", err)
	}
	if _, err := man.Prove(lineage.RecordHash(testLine)); !errors.Is(err, lineage.ErrNotInManifest) {
		t.Errorf("proving a test line: %v; want ErrNotInManifest", err)
	}
	forged := *p
	forged.RecordHash = lineage.RecordHash(testLine)
	var be *lineage.BindingError
	if err := b.CheckRecord(&forged); !errors.Is(err, lineage.ErrMismatch) || !errors.As(err, &be) || be.Registered != hex.EncodeToString(b.ManifestRoot[:]) {
		t.Errorf("a test line with a training line's proof: %v; want a BindingError with the registered root", err)
	}

	// The service answers the proof of a training record, against the
	// registered root, to the regulator's role only.
	sp, err := lineage.FetchProof(ctx, a.srv.Client(), a.srv.URL, a.tokens[access.RoleRegulator], b.ManifestRoot, lineage.RecordHash(trainLine))
	if err != nil {
		t.Fatalf("the service's proof of a training line: %v", err)
	}
	if err := b.CheckRecord(sp); err != nil || sp.Index != p.Index {
		t.Errorf("the service's proof: %v (index %d, want %d)", err, sp.Index, p.Index)
	}
	if _, err := lineage.FetchProof(ctx, a.srv.Client(), a.srv.URL, a.tokens[access.RoleRegulator], b.ManifestRoot, lineage.RecordHash(testLine)); !errors.Is(err, lineage.ErrNotInManifest) {
		t.Errorf("the service's proof of a test line: %v; want ErrNotInManifest", err)
	}
	path := lineage.ManifestsPath + hex.EncodeToString(b.ManifestRoot[:]) + "/records/" + hex.EncodeToString(sp.RecordHash[:])
	for _, role := range []access.Role{"", access.RoleLender, access.RoleMetrics} {
		if code, body := a.do(t, "GET", path, role, ""); code != 401 && code != 403 {
			t.Errorf("GET a training proof as %q: %d %s; want 401 or 403", role, code, body)
		}
	}
}
