package receipt

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// TestIssuedReceipts checks the receipts of testdata/issued, issued by a
// real log (issued_gen_test.go) before the receipt checks were tightened:
// receipts already handed out must keep verifying, with the same result.
func TestIssuedReceipts(t *testing.T) {
	dir := filepath.Join("testdata", "issued")
	key, err := os.ReadFile(filepath.Join(dir, "log.pub"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := note.NewVerifier(strings.TrimSpace(string(key)))
	if err != nil {
		t.Fatal(err)
	}
	all := []record.Field{record.FieldSubject, record.FieldInputs, record.FieldGroups, record.FieldMetadata, record.FieldExplanation}
	for _, c := range []struct {
		file, id  string
		index     uint64
		disclosed []record.Field
	}{
		{"full.json", "loan-2026-0001", 0, all},
		{"minimal.json", "loan-2026-0002", 1, all[:4]},
		{"erased.json", "loan-2026-0003", 2, nil},
	} {
		b, err := os.ReadFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		r, err := Parse(b)
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		res, err := VerifyDecision(r, v, c.id)
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		if res.Index != c.index || res.Checkpoint.Size != 4 || res.Checkpoint.Origin != v.Name() || !slices.Equal(res.Disclosed, c.disclosed) {
			t.Errorf("%s: index %d, checkpoint %+v, disclosed %v", c.file, res.Index, res.Checkpoint, res.Disclosed)
		}
	}
}
