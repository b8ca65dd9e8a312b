package access

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"unicode"
)

// Role is what a bearer token may do.
type Role string

// The roles of Glassbox's surfaces.
const (
	// RoleLender writes: records decisions, issues capability links, files
	// disputes and erasures for applicants.
	RoleLender Role = "lender"
	// RoleRegulator reads: decisions, receipts and reports, never writes.
	RoleRegulator Role = "regulator"
	// RoleMetrics reads the Prometheus metrics and nothing else.
	RoleMetrics Role = "metrics"
)

// Roles lists the known roles.
var Roles = []Role{RoleLender, RoleRegulator, RoleMetrics}

// MinTokenLen is the shortest bearer token accepted, in bytes.
const MinTokenLen = 32

// maxTokenLen bounds a token read from a request.
const maxTokenLen = 256

// Tokens authenticates bearer tokens. It is safe for concurrent use.
type Tokens struct {
	entries []tokenEntry
}

type tokenEntry struct {
	digest [32]byte
	role   Role
}

// NewTokens returns the authenticator of the given tokens. Each token must
// be [MinTokenLen] to 256 printable ASCII bytes without spaces, appear once,
// and name a known role.
func NewTokens(tokens map[string]Role) (*Tokens, error) {
	t := &Tokens{}
	seen := map[[32]byte]bool{}
	for tok, role := range tokens {
		if !slices.Contains(Roles, role) {
			return nil, fmt.Errorf("%w: unknown role %q (want one of %v)", ErrConfig, role, Roles)
		}
		if err := checkToken(tok); err != nil {
			return nil, fmt.Errorf("%w: a %s token: %w", ErrConfig, role, err)
		}
		d := sha256.Sum256([]byte(tok))
		if seen[d] {
			return nil, fmt.Errorf("%w: a token appears twice", ErrConfig)
		}
		seen[d] = true
		t.entries = append(t.entries, tokenEntry{digest: d, role: role})
	}
	return t, nil
}

func checkToken(tok string) error {
	if len(tok) < MinTokenLen {
		return fmt.Errorf("%d bytes, want at least %d", len(tok), MinTokenLen)
	}
	if len(tok) > maxTokenLen {
		return fmt.Errorf("%d bytes, want at most %d", len(tok), maxTokenLen)
	}
	for _, c := range tok {
		if c > unicode.MaxASCII || !unicode.IsPrint(c) || c == ' ' {
			return fmt.Errorf("it holds %q; want printable ASCII without spaces", c)
		}
	}
	return nil
}

// NewToken returns a new random token: 32 bytes from crypto/rand,
// base64url without padding (43 characters).
func NewToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Authenticate returns the role of the request's bearer token:
// [ErrNoCredentials] when it has none, [ErrBadCredentials] when the token is
// not configured. Every configured token is compared, in constant time.
func (t *Tokens) Authenticate(r *http.Request) (Role, error) {
	h := r.Header.Values("Authorization")
	if len(h) == 0 {
		return "", ErrNoCredentials
	}
	if len(h) > 1 {
		return "", fmt.Errorf("%w: %d Authorization headers", ErrBadCredentials, len(h))
	}
	scheme, tok, ok := strings.Cut(h[0], " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" || len(tok) > maxTokenLen {
		return "", fmt.Errorf("%w: want Authorization: Bearer TOKEN", ErrBadCredentials)
	}
	d := sha256.Sum256([]byte(tok))
	var role Role
	found := 0
	for i := range t.entries {
		eq := subtle.ConstantTimeCompare(d[:], t.entries[i].digest[:])
		if eq == 1 {
			role = t.entries[i].role
		}
		found |= eq
	}
	if found == 0 {
		return "", ErrBadCredentials
	}
	return role, nil
}

type roleKey struct{}

// WithRole returns ctx carrying role, as [Tokens.Require] passes it on; for
// a server that authenticates with [Tokens.Authenticate] itself.
func WithRole(ctx context.Context, role Role) context.Context {
	return context.WithValue(ctx, roleKey{}, role)
}

// RoleFrom returns the role that [Tokens.Require] authenticated.
func RoleFrom(ctx context.Context) (Role, bool) {
	r, ok := ctx.Value(roleKey{}).(Role)
	return r, ok
}

// Require returns a handler that serves next only to a bearer token of one
// of roles: 401 (with WWW-Authenticate: Bearer) without a valid token, 403
// for a token of another role. The answers are plain text and name no
// token.
func (t *Tokens) Require(next http.Handler, roles ...Role) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		role, err := t.Authenticate(r)
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="glassbox"`)
			http.Error(w, "unauthorized: "+err.Error(), http.StatusUnauthorized)
			return
		}
		if !slices.Contains(roles, role) {
			http.Error(w, fmt.Sprintf("forbidden: the %s role may not do this", role), http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), roleKey{}, role)))
	})
}

// ParseTokens reads a token file: one "ROLE TOKEN" pair a line; blank lines
// and lines starting with # are skipped. Errors name the line.
func ParseTokens(r io.Reader) (map[string]Role, error) {
	out := map[string]Role{}
	sc := bufio.NewScanner(io.LimitReader(r, 1<<20))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return nil, fmt.Errorf("%w: token file line %d: want ROLE TOKEN", ErrConfig, n)
		}
		if _, dup := out[f[1]]; dup {
			return nil, fmt.Errorf("%w: token file line %d: the token appears twice", ErrConfig, n)
		}
		out[f[1]] = Role(f[0])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: token file: %w", ErrConfig, err)
	}
	return out, nil
}
