package auditlog

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/mod/sumdb/note"
)

// The files of a log directory, the one layout every Glassbox program
// writes and reads ([CreateDir], [OpenDir]):
//
//	signer.key    the note signer key (note.NewSigner text), mode 0600
//	verifier.key  the note verifier key (note.NewVerifier text)
//	pebble/       the log's store, as [Open] reads it
//	latest-checkpoint  the high-water mark: the latest signed checkpoint
//	              ([Options.CheckpointFile]), written by the first
//	              checkpoint; kept beside the store, so that restoring a
//	              backup of pebble/ alone is refused with [ErrRollback]
//
// The signer key is written before the store exists, so that a crash in
// CreateDir leaves keys without a store, never a store whose key is lost.
// A copy of the directory without signer.key still opens read-only.
const (
	SignerKeyFile   = "signer.key"
	VerifierKeyFile = "verifier.key"
	StoreDir        = "pebble"
	// KEKFile is where a records layer keeps its file key-encryption key
	// (see decisions.OpenDirKEK), mode 0600; the log itself never reads it.
	KEKFile = "kek"
)

// DirInfo describes a log directory: its origin and its public key.
type DirInfo struct {
	Dir         string        // the directory, as given
	Origin      string        // the checkpoints' origin, the key's name
	VerifierKey string        // the content of verifier.key, without its newline
	Verifier    note.Verifier // VerifierKey, parsed
	PublicKey   ed25519.PublicKey
}

// CreateDir makes a new log directory for origin: a fresh Ed25519 note
// key pair in signer.key (mode 0600) and verifier.key, then an empty store
// in pebble/. Every file and the directory are synced before it returns.
// dir must be missing or empty; a directory holding anything is refused
// with an error wrapping [fs.ErrExist], and left as it was. If CreateDir
// fails, it removes what it made.
func CreateDir(dir, origin string) (*DirInfo, error) {
	// GenerateKey does not check the name; NewSigner and NewVerifier do.
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	if err == nil {
		_, err = note.NewSigner(skey)
	}
	if err == nil {
		_, err = note.NewVerifier(vkey)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: origin %q is not a valid key name (no spaces or '+'): %v", ErrInvalidOptions, origin, err)
	}
	info, err := parseVerifierKey(vkey)
	if err != nil {
		return nil, err
	}
	info.Dir = dir
	if err := checkEmptyDir(dir); err != nil {
		return nil, err
	}
	made := false
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("auditlog: create %s: %w", dir, err)
		}
		made = true
	}
	if err := writeDir(dir, skey, vkey); err != nil {
		for _, n := range []string{StoreDir, VerifierKeyFile, SignerKeyFile} {
			os.RemoveAll(filepath.Join(dir, n))
		}
		if made {
			os.Remove(dir)
		}
		return nil, fmt.Errorf("auditlog: create %s: %w", dir, err)
	}
	return info, nil
}

// writeDir writes the keys, synced, then creates the store.
func writeDir(dir, skey, vkey string) error {
	if err := writeNewFile(filepath.Join(dir, SignerKeyFile), skey+"\n", 0o600); err != nil {
		return err
	}
	if err := writeNewFile(filepath.Join(dir, VerifierKeyFile), vkey+"\n", 0o644); err != nil {
		return err
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		return err
	}
	l, err := Open(filepath.Join(dir, StoreDir), &Options{Signer: signer, CheckpointInterval: -1})
	if err != nil {
		return err
	}
	if err := l.Close(); err != nil {
		return err
	}
	return syncDir(dir)
}

// checkEmptyDir accepts a missing or empty directory, and says what is in
// the way otherwise.
func checkEmptyDir(dir string) error {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("auditlog: create %s: %w", dir, err)
	}
	for _, e := range ents {
		if n := e.Name(); n == SignerKeyFile || n == VerifierKeyFile || n == StoreDir {
			return fmt.Errorf("auditlog: create %s: the directory already holds a log (%s exists): %w", dir, n, fs.ErrExist)
		}
	}
	if isPebbleStore(ents) {
		return fmt.Errorf("auditlog: create %s: the directory already holds a log (a bare Pebble store): %w", dir, fs.ErrExist)
	}
	if len(ents) > 0 {
		return fmt.Errorf("auditlog: create %s: the directory is not empty (%s, ...); a log directory is made in a missing or empty one: %w", dir, ents[0].Name(), fs.ErrExist)
	}
	return nil
}

// writeNewFile creates path (which must not exist) with content, synced.
func writeNewFile(path, content string, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.WriteString(content)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// ReadDirInfo reads the public side of a log directory: its verifier.key.
// A missing or empty directory gives [ErrNotExist]; a directory without
// verifier.key [ErrNotALog]; a malformed key [ErrKeyFile].
func ReadDirInfo(dir string) (*DirInfo, error) {
	b, err := os.ReadFile(filepath.Join(dir, VerifierKeyFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, noLayout(dir)
	}
	if err != nil {
		return nil, fmt.Errorf("auditlog: open %s: %w", dir, err)
	}
	info, err := parseVerifierKey(strings.TrimSpace(string(b)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, VerifierKeyFile), err)
	}
	info.Dir = dir
	return info, nil
}

// noLayout says why dir, which has no verifier.key, is no log directory.
func noLayout(dir string) error {
	ents, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%w: %s does not exist", ErrNotExist, dir)
	case err != nil:
		return fmt.Errorf("auditlog: open %s: %w", dir, err)
	case len(ents) == 0:
		return fmt.Errorf("%w: %s is empty", ErrNotExist, dir)
	case isPebbleStore(ents):
		return fmt.Errorf("%w: %s is a bare log store, not a log directory (no %s): open it with its signer key", ErrNotALog, dir, VerifierKeyFile)
	}
	return fmt.Errorf("%w: %s is not a log directory (no %s)", ErrNotALog, dir, VerifierKeyFile)
}

// parseVerifierKey parses a note verifier key of an Ed25519 key:
// name+hash+base64(0x01 || public key).
func parseVerifierKey(vkey string) (*DirInfo, error) {
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return nil, fmt.Errorf("%w: not a note verifier key: %v", ErrKeyFile, err)
	}
	parts := strings.SplitN(vkey, "+", 3)
	raw, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(raw) != 1+ed25519.PublicKeySize || raw[0] != 1 {
		return nil, fmt.Errorf("%w: not an Ed25519 note verifier key", ErrKeyFile)
	}
	return &DirInfo{Origin: v.Name(), VerifierKey: vkey, Verifier: v, PublicKey: ed25519.PublicKey(raw[1:])}, nil
}

// OpenDir opens the log of a log directory made by [CreateDir]. It never
// creates anything: a directory without the layout gives [ErrNotExist] or
// [ErrNotALog], one whose store is missing [ErrNotExist].
//
// opts may be nil and is not modified. Origin and Verifier are taken from
// verifier.key (when given, they MUST match it). Signer is read from
// signer.key unless given (then it MUST match verifier.key) or ReadOnly is
// set: a read-only open needs only verifier.key and the store.
// CheckpointFile defaults to DIR/latest-checkpoint. signer.key
// MUST be readable by its owner only (mode 0600), or OpenDir refuses it
// with [ErrKeyFile].
func OpenDir(dir string, opts *Options) (*Log, error) {
	info, err := ReadDirInfo(dir)
	if err != nil {
		return nil, err
	}
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Verifier != nil && (o.Verifier.Name() != info.Origin || o.Verifier.KeyHash() != info.Verifier.KeyHash()) {
		return nil, fmt.Errorf("%w: Verifier %s+%08x is not the key of %s (%s)", ErrInvalidOptions, o.Verifier.Name(), o.Verifier.KeyHash(), dir, info.VerifierKey)
	}
	if o.Origin != "" && o.Origin != info.Origin {
		return nil, fmt.Errorf("%w: Origin %q is not the origin of %s (%q)", ErrInvalidOptions, o.Origin, dir, info.Origin)
	}
	o.Origin, o.Verifier = info.Origin, info.Verifier
	switch {
	case o.Signer != nil:
		if o.Signer.Name() != info.Origin || o.Signer.KeyHash() != info.Verifier.KeyHash() {
			return nil, fmt.Errorf("%w: the signer key %s+%08x is not the key of %s (%s)", ErrKeyFile, o.Signer.Name(), o.Signer.KeyHash(), dir, info.VerifierKey)
		}
	case !o.ReadOnly:
		if o.Signer, err = ReadSignerKey(filepath.Join(dir, SignerKeyFile)); err != nil {
			return nil, err
		}
	}
	store := filepath.Join(dir, StoreDir)
	if _, err := os.Stat(store); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s holds keys but no store (%s): an interrupted CreateDir? remove the directory and create it again", ErrNotExist, dir, StoreDir)
	}
	if o.CheckpointFile == "" {
		o.CheckpointFile = filepath.Join(dir, CheckpointFileName)
	}
	o.MustExist = true
	return Open(store, &o)
}

// ReadSignerKey reads a note signer key file (note.NewSigner text). The
// file MUST be readable by its owner only (mode 0600 or stricter), or it
// is refused with [ErrKeyFile], naming the file and its mode.
func ReadSignerKey(path string) (note.Signer, error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s is missing (without its signer key a log directory opens only read-only)", ErrKeyFile, path)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrKeyFile, err)
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 && runtime.GOOS != "windows" {
		return nil, fmt.Errorf("%w: %s has mode %04o: a signer key must be readable by its owner only (chmod 600 %s)", ErrKeyFile, path, perm, path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrKeyFile, err)
	}
	s, err := note.NewSigner(strings.TrimSpace(string(b)))
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not a note signer key: %v", ErrKeyFile, path, err)
	}
	return s, nil
}
