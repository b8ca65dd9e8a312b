package decisions

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/glassbox-audit/glassbox/auditlog"
)

// KEK is a key-encryption key: it wraps the layer's master key, under
// which the subject secret and the subject keys of the default key store
// are sealed in the store (envelope encryption). The log calls it only when
// it opens (Unwrap) and when it creates or migrates its master key (Wrap),
// never on the append path, so a KEK may be a remote KMS.
//
// Implementations MUST be safe for concurrent use, and Unwrap MUST fail
// for a blob that Wrap of the same KEK did not produce (an authenticated
// wrapping), so that a log opened with another KEK fails instead of reading
// garbage. Package auditlog/decisions/kek has an example over a KMS-shaped
// interface; [FileKEK] keeps the key in a local file.
type KEK interface {
	Wrap(ctx context.Context, key []byte) ([]byte, error)
	Unwrap(ctx context.Context, wrapped []byte) ([]byte, error)
}

// KEKSize is the size of a [FileKEK] key and of the layer's master key.
const KEKSize = 32

// FileKEK is a KEK held in a local file of [KEKSize] random bytes, mode
// 0600, that wraps with AES-256-GCM. It guards the keys against a copy of
// the store alone (a backup, a stolen disk image of the store directory),
// not against someone who can read the file too.
type FileKEK struct {
	aead cipher.AEAD
}

// OpenFileKEK reads the KEK in path; when the file does not exist and
// create is set, it creates it (mode 0600, synced) with fresh random bytes.
// A file readable by others than its owner, or not [KEKSize] bytes long, is
// refused with an error wrapping [ErrKEK].
func OpenFileKEK(path string, create bool) (*FileKEK, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && create {
		b = make([]byte, KEKSize)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		if err := writeKEKFile(path, b); err != nil {
			return nil, err
		}
		return newFileKEK(b)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKEK, err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKEK, err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%w: %s has mode %v; it must be readable by its owner only (0600)", ErrKEK, path, fi.Mode().Perm())
	}
	if len(b) != KEKSize {
		return nil, fmt.Errorf("%w: %s holds %d bytes, want %d", ErrKEK, path, len(b), KEKSize)
	}
	return newFileKEK(b)
}

// OpenDirKEK opens the file KEK of a log directory (see
// [auditlog.OpenDir]): DIR/kek, created when missing and create is set.
func OpenDirKEK(dir string, create bool) (*FileKEK, error) {
	return OpenFileKEK(filepath.Join(dir, auditlog.KEKFile), create)
}

func writeKEKFile(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("%w: creating %s: %w", ErrKEK, path, err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func newFileKEK(b []byte) (*FileKEK, error) {
	a, err := newAEAD(b)
	if err != nil {
		return nil, err
	}
	return &FileKEK{aead: a}, nil
}

func newAEAD(key []byte) (cipher.AEAD, error) {
	c, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(c)
}

var fileKEKAAD = []byte("glassbox/v1/file-kek")

// Wrap seals key under the file's key.
func (k *FileKEK) Wrap(_ context.Context, key []byte) ([]byte, error) {
	return seal(k.aead, key, fileKEKAAD)
}

// Unwrap opens a blob of Wrap, or fails with an error wrapping [ErrWrongKEK].
func (k *FileKEK) Unwrap(_ context.Context, wrapped []byte) ([]byte, error) {
	b, err := open(k.aead, wrapped, fileKEKAAD)
	if err != nil {
		return nil, fmt.Errorf("%w: the file KEK does not open this key", ErrWrongKEK)
	}
	return b, nil
}

// sealedTag starts a value sealed under the master key; a clear value (a
// log from before the KEK, or opened without one) is exactly 32 bytes.
const sealedTag = 0x01

func seal(a cipher.AEAD, plain, aad []byte) ([]byte, error) {
	out := make([]byte, 1+a.NonceSize(), 1+a.NonceSize()+len(plain)+a.Overhead())
	out[0] = sealedTag
	if _, err := rand.Read(out[1:]); err != nil {
		return nil, err
	}
	return a.Seal(out, out[1:], plain, aad), nil
}

func open(a cipher.AEAD, b, aad []byte) ([]byte, error) {
	if len(b) < 1+a.NonceSize()+a.Overhead() || b[0] != sealedTag {
		return nil, fmt.Errorf("%w: a sealed key of %d bytes", ErrCorrupt, len(b))
	}
	n := 1 + a.NonceSize()
	return a.Open(nil, b[1:n], b[n:], aad)
}

// keyCodec seals and opens the secret and the subject keys in the store:
// under the master key, or in clear (mk nil: no KEK).
type keyCodec struct{ mk cipher.AEAD }

func secretAAD() []byte { return []byte("glassbox/v1/subject-secret") }

func subjectKeyAAD(id SubjectID) []byte {
	return append([]byte("glassbox/v1/subject-key\x00"), id[:]...)
}

// encode is what the store holds for a secret or key.
func (c keyCodec) encode(plain, aad []byte) ([]byte, error) {
	if c.mk == nil {
		return bytes.Clone(plain), nil
	}
	return seal(c.mk, plain, aad)
}

// decode reverses encode; a clear value is accepted (it is migrated on the
// first writable open with a KEK), with clear set.
func (c keyCodec) decode(v, aad []byte, size int) (plain []byte, clear bool, err error) {
	if len(v) == size {
		return v, true, nil
	}
	if c.mk == nil {
		return nil, false, fmt.Errorf("%w: the store's keys are sealed under a master key, and no KEK was given", ErrKEK)
	}
	p, err := open(c.mk, v, aad)
	if err != nil {
		return nil, false, fmt.Errorf("%w: a sealed key does not open under the master key", ErrCorrupt)
	}
	if len(p) != size {
		return nil, false, fmt.Errorf("%w: a sealed key of %d bytes", ErrCorrupt, len(p))
	}
	return p, false, nil
}

// DirOptions returns the Options of the decisions layer of a log directory
// (see [auditlog.CreateDir]): its file KEK, DIR/kek, which a writable open
// creates on first use. A read-only open of a directory that has no KEK
// file yet (its keys were never wrapped) gets no KEK.
func DirOptions(dir string, writable bool) (*Options, error) {
	kek, err := OpenDirKEK(dir, writable)
	if !writable && errors.Is(err, fs.ErrNotExist) {
		return &Options{}, nil
	}
	if err != nil {
		return nil, err
	}
	return &Options{KEK: kek}, nil
}
