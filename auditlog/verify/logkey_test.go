package verify_test

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// TestParseLogKey: every form the tools print reads as the same key; the
// note form keeps the log's name; anything else is ErrLogKey.
func TestParseLogKey(t *testing.T) {
	_, vkey, err := note.GenerateKey(rand.Reader, "example.org/log")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := base64.StdEncoding.DecodeString(strings.SplitN(vkey, "+", 3)[2])
	pub := data[1:]
	for form, s := range map[string]string{
		"note key (log init, verifier.key)": vkey,
		"note key with a newline":           vkey + "\n",
		"base64 (registry log)":             base64.StdEncoding.EncodeToString(pub),
		"base64 of the note key data":       base64.StdEncoding.EncodeToString(data),
		"hex":                               hex.EncodeToString(pub),
		"0x hex":                            "0x" + hex.EncodeToString(pub),
	} {
		k, err := verify.ParseLogKey(s)
		if err != nil || !bytes.Equal(k.PublicKey, pub) {
			t.Errorf("%s: %v, key %x, want %x", form, err, k.PublicKey, pub)
			continue
		}
		if named := strings.HasPrefix(form, "note"); named != (k.Name == "example.org/log") {
			t.Errorf("%s: name %q", form, k.Name)
		}
		v, err := k.Verifier("example.org/log")
		if err != nil || v.Name() != "example.org/log" || v.KeyHash() != mustVerifier(t, vkey).KeyHash() {
			t.Errorf("%s: verifier %v, %v", form, v, err)
		}
	}
	named, _ := verify.ParseLogKey(vkey)
	if _, err := named.Verifier("example.org/other"); !errors.Is(err, verify.ErrLogKey) || !strings.Contains(err.Error(), `"example.org/log"`) {
		t.Errorf("the key of another log: %v", err)
	}
	if named.String() != vkey {
		t.Errorf("String() = %q, want %q", named.String(), vkey)
	}
	bare, _ := verify.ParseLogKey(hex.EncodeToString(pub))
	if _, err := bare.Verifier(""); !errors.Is(err, verify.ErrLogKey) {
		t.Errorf("a bare key without an origin: %v", err)
	}
	badHash := strings.Replace(vkey, "+", "+0", 1)
	for _, s := range []string{
		"", "   ", "abc", "0x" + hex.EncodeToString(pub[:31]), hex.EncodeToString(pub)[:63] + "g",
		base64.StdEncoding.EncodeToString(append([]byte{2}, pub...)), base64.StdEncoding.EncodeToString(pub[:31]),
		badHash, "example.org/log+00000000+" + base64.StdEncoding.EncodeToString(pub),
		base64.RawStdEncoding.EncodeToString(pub),
	} {
		if k, err := verify.ParseLogKey(s); !errors.Is(err, verify.ErrLogKey) {
			t.Errorf("ParseLogKey(%q) = %x, %v; want ErrLogKey", s, k.PublicKey, err)
		}
	}
}

func mustVerifier(t *testing.T, vkey string) note.Verifier {
	t.Helper()
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// FuzzParseLogKey: no input panics; a key read is 32 bytes and reads back
// the same from its String form.
func FuzzParseLogKey(f *testing.F) {
	_, vkey, _ := note.GenerateKey(rand.Reader, "example.org/log")
	for _, s := range []string{vkey, "0x" + strings.Repeat("ab", 32), strings.Repeat("A", 43) + "=", "a+b+c", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := verify.ParseLogKey(s)
		if err != nil {
			if !errors.Is(err, verify.ErrLogKey) {
				t.Fatalf("error %v does not wrap ErrLogKey", err)
			}
			return
		}
		if len(k.PublicKey) != 32 {
			t.Fatalf("key of %d bytes", len(k.PublicKey))
		}
		again, err := verify.ParseLogKey(k.String())
		if err != nil || again.Name != k.Name || !bytes.Equal(again.PublicKey, k.PublicKey) {
			t.Fatalf("String() %q does not read back: %v %+v", k.String(), err, again)
		}
	})
}
