package cosig_test

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
)

const body = "example.org/log\n3\nq6A+Gv6m0gXo0tWwfhGdPyxOzYRQgA9R7RJWbQUBQIw=\n"

func signer(t testing.TB) *cosig.Signer {
	s, err := cosig.NewSigner("example.org/w", ed25519.NewKeyFromSeed(make([]byte, 32)), func() time.Time { return time.Unix(1_790_000_000, 0) })
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRoundTrip: a cosignature verifies with the parsed verifier key and
// carries its time; changing the time or the body breaks it.
func TestRoundTrip(t *testing.T) {
	s := signer(t)
	v, err := cosig.NewVerifier(s.Verifier().String())
	if err != nil {
		t.Fatal(err)
	}
	if v.Name() != s.Name() || v.KeyHash() != s.KeyHash() || v.String() != s.Verifier().String() {
		t.Fatalf("parsed verifier %v differs from %v", v, s.Verifier())
	}
	sig, err := s.Sign([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if !v.Verify([]byte(body), sig) {
		t.Fatal("cosignature does not verify")
	}
	if tm, err := cosig.Time(sig); err != nil || !tm.Equal(time.Unix(1_790_000_000, 0)) {
		t.Errorf("Time = %v, %v", tm, err)
	}
	bad := append([]byte{}, sig...)
	bad[7]++ // the timestamp is signed
	if v.Verify([]byte(body), bad) {
		t.Error("a cosignature with another time verifies")
	}
	if v.Verify([]byte(strings.Replace(body, "3\n", "4\n", 1)), sig) {
		t.Error("a cosignature verifies over another body")
	}
	// The message is the c2sp one.
	if got := string(cosig.Message(7, []byte(body))); got != "cosignature/v1\ntime 7\n"+body {
		t.Errorf("Message = %q", got)
	}
	// A plain Ed25519 signature of the body (the log's algorithm) is no
	// cosignature.
	if v.Verify([]byte(body), append(make([]byte, 8), ed25519.Sign(ed25519.NewKeyFromSeed(make([]byte, 32)), []byte(body))...)) {
		t.Error("a plain Ed25519 signature verifies as a cosignature")
	}
}

func TestNewVerifierRefuses(t *testing.T) {
	good := signer(t).Verifier().String()
	name, rest, _ := strings.Cut(good, "+")
	id, key, _ := strings.Cut(rest, "+")
	raw, _ := base64.StdEncoding.DecodeString(key)
	logKey := append([]byte{1}, raw[1:]...)
	for what, vkey := range map[string]string{
		"no plus":       "example.org/w",
		"empty name":    "+" + rest,
		"bad id":        name + "+0000000g+" + key,
		"upper id":      name + "+" + strings.ToUpper(id) + "+" + key,
		"wrong id":      name + "+00000000+" + key,
		"log key type":  name + "+" + id + "+" + base64.StdEncoding.EncodeToString(logKey),
		"short key":     name + "+" + id + "+" + base64.StdEncoding.EncodeToString(raw[:20]),
		"not base64":    name + "+" + id + "+" + key + "!",
		"space in name": "a b+" + rest,
	} {
		if _, err := cosig.NewVerifier(vkey); !errors.Is(err, cosig.ErrKey) {
			t.Errorf("%s: NewVerifier(%q) = %v, want ErrKey", what, vkey, err)
		}
	}
}

// TestNoteOpen: note.Open checks a cosignature beside the log's signature.
func TestNoteOpen(t *testing.T) {
	s := signer(t)
	signed, err := note.Sign(&note.Note{Text: body}, s)
	if err != nil {
		t.Fatal(err)
	}
	n, err := note.Open(signed, note.VerifierList(s.Verifier()))
	if err != nil || len(n.Sigs) != 1 {
		t.Fatalf("note.Open: %v", err)
	}
}

func FuzzNewVerifier(f *testing.F) {
	f.Add(signer(f).Verifier().String())
	f.Add("example.org/w+00000000+BA==")
	f.Fuzz(func(t *testing.T, vkey string) {
		v, err := cosig.NewVerifier(vkey)
		if err != nil {
			return
		}
		if v.String() != vkey {
			t.Fatalf("accepted %q, which is written %q", vkey, v.String())
		}
	})
}
