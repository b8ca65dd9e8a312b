package httpapi

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/glassbox-audit/glassbox/portal/access"
)

// Files a server keeps in its log directory.
const (
	// TokensFile holds the bearer tokens made by [DirTokens] when no
	// tokens file is given: "ROLE TOKEN" lines, mode 0600.
	TokensFile = "tokens"
	// LinkKeyFile holds the link key ([DirLinks]): 32 raw bytes, mode 0600.
	LinkKeyFile = "link.key"
)

// LoadTokens reads a tokens file (access.ParseTokens: "ROLE TOKEN" lines).
// A file that others than its owner may read is refused.
func LoadTokens(path string) (*access.Tokens, error) {
	if err := checkPrivate(path); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: tokens file: %w", ErrConfig, err)
	}
	m, err := access.ParseTokens(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("%w: tokens file %s holds no token", ErrConfig, path)
	}
	return access.NewTokens(m)
}

// LoadRegulators reads a regulators file (access.ParseRegulators), which
// must not be readable by others.
func LoadRegulators(path string) (*access.Regulators, error) {
	if err := checkPrivate(path); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: regulators file: %w", ErrConfig, err)
	}
	defer f.Close()
	m, err := access.ParseRegulators(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("%w: regulators file %s holds no credential", ErrConfig, path)
	}
	return access.NewRegulators(m)
}

// DirTokens returns the tokens of DIR/tokens, creating that file with one
// new token per role (mode 0600) when it does not exist; created says
// whether it did. The tokens are never logged: read them from the file.
func DirTokens(dir string) (t *access.Tokens, path string, created bool, err error) {
	path = filepath.Join(dir, TokensFile)
	var b strings.Builder
	b.WriteString("# Glassbox bearer tokens: ROLE TOKEN. Keep this file secret.\n")
	for _, r := range access.Roles {
		fmt.Fprintf(&b, "%s %s\n", r, access.NewToken())
	}
	switch err := writeExclusive(path, []byte(b.String())); {
	case err == nil:
		created = true
	case errors.Is(err, fs.ErrExist):
	default:
		return nil, path, false, fmt.Errorf("%w: creating %s: %w", ErrConfig, path, err)
	}
	t, err = LoadTokens(path)
	return t, path, created, err
}

// DirLinks returns the capability links sealed under DIR/link.key,
// creating a new random key (mode 0600) on first use. Deleting the file
// revokes every link issued under it.
func DirLinks(dir string, opts *access.LinkOptions) (*access.Links, error) {
	path := filepath.Join(dir, LinkKeyFile)
	if err := writeExclusive(path, access.NewLinkKey()); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("%w: creating %s: %w", ErrConfig, path, err)
	}
	if err := checkPrivate(path); err != nil {
		return nil, err
	}
	key, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: link key: %w", ErrConfig, err)
	}
	l, err := access.NewLinks(key, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return l, nil
}

// writeExclusive creates path with b, mode 0600, failing with fs.ErrExist
// if it exists. The content is synced before the file is visible whole.
func writeExclusive(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
	}
	return err
}

// checkPrivate refuses a secret file that its group or others may read.
func checkPrivate(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrConfig, err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("%w: %s has mode %v; a secret file must be readable by its owner only (chmod 600)", ErrConfig, path, fi.Mode().Perm())
	}
	return nil
}
