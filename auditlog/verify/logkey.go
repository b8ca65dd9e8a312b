package verify

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"

	"golang.org/x/mod/sumdb/note"
)

// LogKey is a log's Ed25519 checkpoint key, as read by [ParseLogKey] from
// any of the forms the tools print.
type LogKey struct {
	// Name is the log's origin when the form names it (a note verifier
	// key), "" for a bare public key.
	Name      string
	PublicKey ed25519.PublicKey
}

// ParseLogKey reads a log's checkpoint key in each form the tools print,
// white space around it ignored:
//
//   - a note verifier key, NAME+HASH+BASE64 (golang.org/x/mod/sumdb/note):
//     what `glassbox log init` prints and the file verifier.key of a log
//     directory holds; its hash is checked;
//   - the 32-byte Ed25519 public key in standard base64 (what `glassbox
//     registry log` prints), or the 33 bytes of a note key (0x01, then the
//     key) in base64;
//   - the 32-byte key in hex, 64 digits, with or without 0x.
//
// Any other input is an error wrapping [ErrLogKey] that says which forms
// are read. ParseLogKey reads no file; a program that accepts a file name
// reads the file and passes its text.
func ParseLogKey(s string) (LogKey, error) {
	s = strings.TrimSpace(s)
	bad := func(why string) (LogKey, error) {
		return LogKey{}, fmt.Errorf("%w: %s (want a note verifier key NAME+HASH+BASE64, or the 32-byte Ed25519 key in base64 or hex)", ErrLogKey, why)
	}
	// The forms have distinct lengths: hex 64 or 66 characters, base64 44,
	// a note key at least 55 (NAME, "+", 8 hex digits, "+", 48 of base64).
	if s == "" {
		return bad("empty")
	}
	if h := strings.TrimPrefix(s, "0x"); len(h) == 2*ed25519.PublicKeySize {
		b, err := hex.DecodeString(h)
		if err != nil {
			return bad(fmt.Sprintf("64 characters, but not hex: %v", err))
		}
		return LogKey{PublicKey: ed25519.PublicKey(b)}, nil
	}
	if b, err := base64.StdEncoding.Strict().DecodeString(s); err == nil {
		switch {
		case len(b) == ed25519.PublicKeySize:
			return LogKey{PublicKey: ed25519.PublicKey(b)}, nil
		case len(b) == 1+ed25519.PublicKeySize && b[0] == 1:
			return LogKey{PublicKey: ed25519.PublicKey(b[1:])}, nil
		}
		return bad(fmt.Sprintf("base64 of %d bytes, not 32", len(b)))
	}
	parts := strings.SplitN(s, "+", 3)
	if len(parts) != 3 {
		return bad("not base64 or hex, and not NAME+HASH+BASE64")
	}
	v, err := note.NewVerifier(s)
	if err != nil {
		return bad(fmt.Sprintf("not a note verifier key: %v", err))
	}
	// note.NewVerifier checked the name, the algorithm and the hash; the
	// key data is 0x01 (Ed25519), then the key.
	raw, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(raw) != 1+ed25519.PublicKeySize || raw[0] != 1 {
		return bad("not an Ed25519 note verifier key")
	}
	return LogKey{Name: v.Name(), PublicKey: ed25519.PublicKey(raw[1:])}, nil
}

// Verifier returns the note verifier of k for the log named origin. A key
// that names another log is an error wrapping [ErrLogKey]; a bare key takes
// origin as its name. origin may be "" for a key that names its log.
func (k LogKey) Verifier(origin string) (note.Verifier, error) {
	name := k.Name
	switch {
	case name != "" && origin != "" && name != origin:
		return nil, fmt.Errorf("%w: the key of log %q, not of log %q", ErrLogKey, name, origin)
	case name == "":
		name = origin
	}
	if name == "" {
		return nil, fmt.Errorf("%w: a bare key needs the log's origin", ErrLogKey)
	}
	vkey, err := note.NewEd25519VerifierKey(name, k.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrLogKey, err)
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrLogKey, err)
	}
	return v, nil
}

// String returns k as a note verifier key when it names its log, else
// its public key in base64.
func (k LogKey) String() string {
	if k.Name != "" {
		if vkey, err := note.NewEd25519VerifierKey(k.Name, k.PublicKey); err == nil {
			return vkey
		}
	}
	return base64.StdEncoding.EncodeToString(k.PublicKey)
}
