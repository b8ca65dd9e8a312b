package witness_test

import (
	"crypto/ed25519"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/witness"
	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
)

// FuzzParseResponse: no answer panics, and whatever is accepted is a line
// that verifies with the witness's key over the body.
func FuzzParseResponse(f *testing.F) {
	priv := ed25519.NewKeyFromSeed(make([]byte, 32))
	s, err := cosig.NewSigner("example.org/w", priv, func() time.Time { return time.Unix(1_790_000_000, 0) })
	if err != nil {
		f.Fatal(err)
	}
	body := "example.org/log\n3\nq6A+Gv6m0gXo0tWwfhGdPyxOzYRQgA9R7RJWbQUBQIw=\n"
	signed, err := note.Sign(&note.Note{Text: body}, s)
	if err != nil {
		f.Fatal(err)
	}
	good := signed[len(body)+1:]
	f.Add(good)
	f.Add(append(append([]byte{}, good...), good...))
	f.Add([]byte("\u2014 example.org/w AAAA\n"))
	f.Add([]byte("not a line\n"))
	f.Add([]byte{})
	v := s.Verifier()
	f.Fuzz(func(t *testing.T, resp []byte) {
		c, err := witness.ParseResponse(resp, []byte(body), v)
		if err != nil {
			return
		}
		if _, err := note.Open([]byte(body+"\n"+c.Line), note.VerifierList(v)); err != nil {
			t.Fatalf("accepted line %q does not verify: %v", c.Line, err)
		}
	})
}

// FuzzParseSize: a size is accepted only in its one decimal form.
func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"0\n", "12\n", "012\n", "12", "-1\n", "18446744073709551616\n", " 1\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		n, err := witness.ParseSize(b)
		if err != nil {
			return
		}
		if got := []byte(uitoa(n) + "\n"); string(got) != string(b) {
			t.Fatalf("ParseSize(%q) = %d, which is written %q", b, n, got)
		}
	})
}

func uitoa(n uint64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
