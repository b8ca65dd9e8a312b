package receipt

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func issuedReceipt(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "issued", "full.json"))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b, []byte("\n"))
}

// TestParseReformatted: a pretty-printed receipt is the receipt; any other
// rewriting is refused, saying why.
func TestParseReformatted(t *testing.T) {
	orig := issuedReceipt(t)
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, orig, "", "  "); err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(pretty.Bytes()); !errors.Is(err, ErrNotCanonical) {
		t.Fatalf("Parse of a pretty-printed receipt: %v, want ErrNotCanonical", err)
	}
	r, re, err := ParseReformatted(pretty.Bytes())
	if err != nil || !re {
		t.Fatalf("ParseReformatted(pretty): %v, reformatted %v", err, re)
	}
	if again, err := r.Marshal(); err != nil || !bytes.Equal(again, orig) {
		t.Errorf("the pretty receipt parsed to another receipt: %v", err)
	}
	if _, re, err := ParseReformatted(orig); err != nil || re {
		t.Errorf("ParseReformatted(canonical): %v, reformatted %v", err, re)
	}
	for name, bad := range map[string][]byte{
		"escaped":  bytes.Replace(pretty.Bytes(), []byte(`"format"`), []byte(`"form\u0061t"`), 1),
		"reorder":  bytes.Replace(orig, []byte(`{"format":"glassbox-receipt/v1",`), []byte(`{`), 1),
		"compact+": bytes.Replace(orig, []byte(`"format"`), []byte(`"form\u0061t"`), 1),
	} {
		if name == "reorder" {
			bad = append(bytes.TrimSuffix(bad, []byte("}")), []byte(`,"format":"glassbox-receipt/v1"}`)...)
		}
		_, _, err := ParseReformatted(bad)
		if !errors.Is(err, ErrNotCanonical) || !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "use the receipt as the log issued it") {
			t.Errorf("%s: %v, want ErrNotCanonical saying what to do", name, err)
		}
	}
}

// FuzzParseReformatted: whatever ParseReformatted accepts differs from the
// canonical form of what it returns by white space alone.
func FuzzParseReformatted(f *testing.F) {
	orig := issuedReceipt(f)
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, orig, " ", "\t"); err != nil {
		f.Fatal(err)
	}
	f.Add(orig)
	f.Add(pretty.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		r, _, err := ParseReformatted(b)
		if err != nil {
			return
		}
		canon, err := r.Marshal()
		if err != nil {
			t.Fatalf("accepted receipt does not marshal: %v", err)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, b); err != nil {
			t.Fatalf("accepted input is not JSON: %v", err)
		}
		if !bytes.Equal(compact.Bytes(), canon) {
			t.Fatalf("accepted input differs from its canonical form beyond white space:\n%s\n%s", compact.Bytes(), canon)
		}
	})
}
