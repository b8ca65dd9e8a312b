// Package cosig signs and verifies witness cosignatures in the
// c2sp.org/tlog-cosignature form (cosignature/v1).
//
// # The idea
//
// A witness that has checked a checkpoint's consistency with every
// checkpoint it saw before adds its own signature line to the checkpoint
// note. The cosignature/v1 line is an Ed25519 signature, not over the note
// body alone, but over
//
//	cosignature/v1
//	time T
//	<checkpoint body>
//
// where T is the witness's clock (seconds since the Unix epoch) when it
// signed. The signature bytes are T (8 bytes, big endian) followed by the
// 64-byte Ed25519 signature, after the note's 4-byte key id. The key id is
// the first 4 bytes of SHA-256(name || 0x0A || 0x04 || public key), and
// the verifier key is written name+hex(key id)+base64(0x04 || public key).
//
// [NewVerifier] parses such a key into a [note.Verifier], so that
// golang.org/x/mod/sumdb/note checks cosignatures beside the log's own
// signature. [NewSigner] is the witness side, for tests and for programs
// that run a witness.
//
// # Caveats
//
// A valid cosignature says the witness saw this checkpoint at time T and
// found it consistent with what it saw before. It says nothing about
// checkpoints the witness never saw, and T is the witness's word. The
// package imports only the standard library and note, so verifiers can
// embed it.
package cosig

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/mod/sumdb/note"
)

// AlgV1 is the signature type byte of cosignature/v1 keys.
const AlgV1 = 0x04

// SignatureSize is the size of a cosignature/v1 signature after the key id:
// an 8-byte timestamp and a 64-byte Ed25519 signature.
const SignatureSize = 8 + ed25519.SignatureSize

// ErrKey: a verifier key is not a cosignature/v1 key.
var ErrKey = errors.New("cosig: bad cosignature/v1 verifier key")

// KeyID returns the note key id of a cosignature/v1 key.
func KeyID(name string, pub ed25519.PublicKey) uint32 {
	h := sha256.New()
	h.Write([]byte(name))
	h.Write([]byte{'\n', AlgV1})
	h.Write(pub)
	return binary.BigEndian.Uint32(h.Sum(nil))
}

// VerifierKey returns the verifier key of a witness in the c2sp form,
// name+hex(key id)+base64(0x04 || public key).
func VerifierKey(name string, pub ed25519.PublicKey) string {
	return fmt.Sprintf("%s+%08x+%s", name, KeyID(name, pub),
		base64.StdEncoding.EncodeToString(append([]byte{AlgV1}, pub...)))
}

// Message returns the bytes a cosignature/v1 signs: the header with time t
// and the checkpoint body.
func Message(t uint64, body []byte) []byte {
	m := fmt.Appendf(nil, "cosignature/v1\ntime %d\n", t)
	return append(m, body...)
}

// Verifier is a cosignature/v1 note verifier. Besides [note.Verifier] it
// reports the time a verified cosignature carries ([Verifier.Time]).
type Verifier struct {
	name string
	id   uint32
	pub  ed25519.PublicKey
}

// NewVerifier parses a cosignature/v1 verifier key,
// name+hex(key id)+base64(0x04 || 32-byte Ed25519 public key). It fails with
// [ErrKey], saying what is wrong, on anything else: an Ed25519 note key (type
// 0x01) is the key of a log, not of a witness.
func NewVerifier(vkey string) (*Verifier, error) {
	name, rest, ok1 := strings.Cut(vkey, "+")
	idHex, keyB64, ok2 := strings.Cut(rest, "+")
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("%w: want name+keyid+key, got %q", ErrKey, vkey)
	}
	if !validName(name) {
		return nil, fmt.Errorf("%w: name %q is empty, has a space or a + or is not UTF-8", ErrKey, name)
	}
	if len(idHex) != 8 || strings.ToLower(idHex) != idHex {
		return nil, fmt.Errorf("%w: key id %q is not 8 lowercase hex digits", ErrKey, idHex)
	}
	id, err := strconv.ParseUint(idHex, 16, 32)
	if err != nil {
		return nil, fmt.Errorf("%w: key id %q is not 8 lowercase hex digits", ErrKey, idHex)
	}
	key, err := base64.StdEncoding.Strict().DecodeString(keyB64)
	if err != nil {
		return nil, fmt.Errorf("%w: key is not canonical base64: %w", ErrKey, err)
	}
	if len(key) != 1+ed25519.PublicKeySize || key[0] != AlgV1 {
		return nil, fmt.Errorf("%w: key is not 0x04 and a 32-byte Ed25519 public key", ErrKey)
	}
	pub := ed25519.PublicKey(key[1:])
	if want := KeyID(name, pub); uint32(id) != want {
		return nil, fmt.Errorf("%w: key id %08x does not match the key (want %08x)", ErrKey, id, want)
	}
	return &Verifier{name: name, id: uint32(id), pub: pub}, nil
}

func validName(name string) bool {
	return name != "" && utf8.ValidString(name) && !strings.ContainsFunc(name, unicode.IsSpace) && !strings.Contains(name, "+")
}

// Name returns the witness's name.
func (v *Verifier) Name() string { return v.name }

// KeyHash returns the key id.
func (v *Verifier) KeyHash() uint32 { return v.id }

// String returns the verifier key in the c2sp form.
func (v *Verifier) String() string { return VerifierKey(v.name, v.pub) }

// Verify reports whether sig (after the key id) is a valid cosignature/v1
// of the checkpoint body msg.
func (v *Verifier) Verify(msg, sig []byte) bool {
	if len(sig) != SignatureSize {
		return false
	}
	return ed25519.Verify(v.pub, Message(binary.BigEndian.Uint64(sig), msg), sig[8:])
}

// Time returns the timestamp of a cosignature/v1 signature (after the key
// id), without verifying it.
func Time(sig []byte) (time.Time, error) {
	if len(sig) != SignatureSize {
		return time.Time{}, fmt.Errorf("cosig: signature is %d bytes, want %d", len(sig), SignatureSize)
	}
	t := binary.BigEndian.Uint64(sig)
	if t > 1<<62 {
		return time.Time{}, fmt.Errorf("cosig: timestamp %d is out of range", t)
	}
	return time.Unix(int64(t), 0).UTC(), nil
}

// Signer is a cosignature/v1 note signer (the witness's side).
type Signer struct {
	v     Verifier
	key   ed25519.PrivateKey
	clock func() time.Time
}

// NewSigner returns a cosignature/v1 signer for the witness name with an
// Ed25519 private key; clock gives the time signed (nil: time.Now).
func NewSigner(name string, key ed25519.PrivateKey, clock func() time.Time) (*Signer, error) {
	if !validName(name) {
		return nil, fmt.Errorf("%w: name %q is empty, has a space or a + or is not UTF-8", ErrKey, name)
	}
	if len(key) != ed25519.PrivateKeySize {
		return nil, fmt.Errorf("%w: private key is %d bytes, want %d", ErrKey, len(key), ed25519.PrivateKeySize)
	}
	if clock == nil {
		clock = time.Now
	}
	pub := key.Public().(ed25519.PublicKey)
	return &Signer{v: Verifier{name: name, id: KeyID(name, pub), pub: pub}, key: key, clock: clock}, nil
}

// Name returns the witness's name.
func (s *Signer) Name() string { return s.v.name }

// KeyHash returns the key id.
func (s *Signer) KeyHash() uint32 { return s.v.id }

// Verifier returns the matching verifier.
func (s *Signer) Verifier() *Verifier { v := s.v; return &v }

// Sign returns the cosignature/v1 signature of the checkpoint body msg at
// the signer's clock.
func (s *Signer) Sign(msg []byte) ([]byte, error) {
	t := s.clock().Unix()
	if t < 0 {
		return nil, fmt.Errorf("cosig: clock %d is before 1970", t)
	}
	sig := binary.BigEndian.AppendUint64(nil, uint64(t))
	return append(sig, ed25519.Sign(s.key, Message(uint64(t), msg))...), nil
}

var (
	_ note.Verifier = (*Verifier)(nil)
	_ note.Signer   = (*Signer)(nil)
)
