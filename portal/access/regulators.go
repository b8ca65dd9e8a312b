package access

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/glassbox-audit/glassbox/internal/strictjson"
)

// Scope is what one regulator credential may read. A nil list allows
// everything of its kind; an empty, non-nil list allows nothing.
type Scope struct {
	// Logs lists the log origins the credential may read (nil: every log
	// the portal serves).
	Logs []string `json:"logs,omitempty"`
	// Models lists the model names the credential may read (nil: all).
	Models []string `json:"models,omitempty"`
	// Sealed allows reading the sealed personal payloads of decisions
	// (subject, inputs, group attributes, explanation). Every such read is
	// recorded by the portal before it is shown.
	Sealed bool `json:"sealed,omitempty"`
}

// AllowsLog reports whether the scope covers the log of this origin.
func (s Scope) AllowsLog(origin string) bool {
	return s.Logs == nil || slices.Contains(s.Logs, origin)
}

// AllowsModel reports whether the scope covers the model of this name.
func (s Scope) AllowsModel(name string) bool {
	return s.Models == nil || slices.Contains(s.Models, name)
}

// Regulator is who holds a regulator credential, and what it may read.
type Regulator struct {
	// Name identifies the regulator (or examiner) in the audit trail.
	Name  string `json:"name"`
	Scope Scope  `json:"scope"`
}

// Regulators authenticates regulator credentials: secret tokens, each
// mapped to a [Regulator]. It is read-only after [NewRegulators] and safe
// for concurrent use.
type Regulators struct {
	entries []regEntry
}

type regEntry struct {
	digest [32]byte
	reg    Regulator
}

// NewRegulators returns the authenticator of the given credentials. Each
// token follows the rules of [NewTokens] ([MinTokenLen] to 256 printable
// ASCII bytes, no spaces, each once); each regulator needs a Name.
func NewRegulators(creds map[string]Regulator) (*Regulators, error) {
	r := &Regulators{}
	seen := map[[32]byte]bool{}
	for tok, reg := range creds {
		if reg.Name == "" {
			return nil, fmt.Errorf("%w: a regulator credential without a name", ErrConfig)
		}
		if err := checkToken(tok); err != nil {
			return nil, fmt.Errorf("%w: the credential of %q: %w", ErrConfig, reg.Name, err)
		}
		d := sha256.Sum256([]byte(tok))
		if seen[d] {
			return nil, fmt.Errorf("%w: a credential appears twice", ErrConfig)
		}
		seen[d] = true
		reg.Scope.Logs = slices.Clone(reg.Scope.Logs)
		reg.Scope.Models = slices.Clone(reg.Scope.Models)
		r.entries = append(r.entries, regEntry{digest: d, reg: reg})
	}
	return r, nil
}

// Authenticate returns the regulator of a credential, comparing its
// SHA-256 digest with every configured one in constant time:
// [ErrNoCredentials] for an empty token, [ErrBadCredentials] for an
// unknown one.
func (r *Regulators) Authenticate(token string) (Regulator, error) {
	if token == "" {
		return Regulator{}, ErrNoCredentials
	}
	if len(token) > maxTokenLen {
		return Regulator{}, ErrBadCredentials
	}
	d := sha256.Sum256([]byte(token))
	var found Regulator
	hit := 0
	for i := range r.entries {
		eq := subtle.ConstantTimeCompare(d[:], r.entries[i].digest[:])
		if eq == 1 {
			found = r.entries[i].reg
		}
		hit |= eq
	}
	if hit == 0 {
		return Regulator{}, ErrBadCredentials
	}
	return found, nil
}

// DefaultSessionTTL is how long a regulator's session lasts after login
// when [SessionOptions].TTL is zero.
const DefaultSessionTTL = 30 * time.Minute

// SessionOptions configure [NewSessions]; nil means the defaults.
type SessionOptions struct {
	// TTL is how long a session lasts after it starts (not renewed by
	// use). 0: DefaultSessionTTL.
	TTL time.Duration
	// Clock tells the time. Nil: time.Now.
	Clock func() time.Time
}

// Session is a logged-in regulator.
type Session struct {
	Regulator Regulator
	Started   time.Time
	Expires   time.Time
}

// Sessions is a server-side session store: the browser holds only a random
// session id (a cookie), the store maps it, by its SHA-256 digest, to the
// regulator and the expiry. Sessions live in memory: a restart logs every
// regulator out. It is safe for concurrent use.
type Sessions struct {
	ttl   time.Duration
	clock func() time.Time
	mu    sync.Mutex
	m     map[[32]byte]Session
}

// NewSessions returns an empty session store.
func NewSessions(opts *SessionOptions) (*Sessions, error) {
	var o SessionOptions
	if opts != nil {
		o = *opts
	}
	if o.TTL < 0 {
		return nil, fmt.Errorf("%w: session TTL %v is negative", ErrConfig, o.TTL)
	}
	if o.TTL == 0 {
		o.TTL = DefaultSessionTTL
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	return &Sessions{ttl: o.TTL, clock: o.Clock, m: map[[32]byte]Session{}}, nil
}

// Start opens a session for reg and returns its id (43 characters of
// base64url, 256 random bits) and the session.
func (s *Sessions) Start(reg Regulator) (string, Session) {
	id := NewToken()
	now := s.clock()
	ses := Session{Regulator: reg, Started: now, Expires: now.Add(s.ttl)}
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, v := range s.m { // forget expired sessions as new ones start
		if !now.Before(v.Expires) {
			delete(s.m, k)
		}
	}
	s.m[sha256.Sum256([]byte(id))] = ses
	return id, ses
}

// Get returns the session of an id: [ErrNoSession] for an id it does not
// hold (never issued, ended, or forgotten), [ErrSessionExpired] for one
// past its expiry (which it then forgets).
func (s *Sessions) Get(id string) (Session, error) {
	if id == "" || len(id) > maxTokenLen {
		return Session{}, ErrNoSession
	}
	k := sha256.Sum256([]byte(id))
	s.mu.Lock()
	defer s.mu.Unlock()
	ses, ok := s.m[k]
	if !ok {
		return Session{}, ErrNoSession
	}
	if !s.clock().Before(ses.Expires) {
		delete(s.m, k)
		return Session{}, fmt.Errorf("%w: it expired at %s", ErrSessionExpired, ses.Expires.UTC().Format(time.RFC3339))
	}
	return ses, nil
}

// End ends a session (logout). Ending an unknown id does nothing.
func (s *Sessions) End(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, sha256.Sum256([]byte(id)))
}

// regulatorsFile is the JSON form ParseRegulators reads.
type regulatorsFile struct {
	Regulators []struct {
		Token string `json:"token"`
		Regulator
	} `json:"regulators"`
}

// ParseRegulators reads a regulators file: one JSON object
//
//	{"regulators": [{"token": "…", "name": "…", "scope": {"logs": […], "models": […], "sealed": false}}]}
//
// decoded strictly (no unknown field, no key twice, no trailing data,
// valid UTF-8). The tokens and names are checked by [NewRegulators].
func ParseRegulators(r io.Reader) (map[string]Regulator, error) {
	b, err := io.ReadAll(io.LimitReader(r, 1<<20+1))
	if err != nil {
		return nil, fmt.Errorf("%w: regulators file: %w", ErrConfig, err)
	}
	if len(b) > 1<<20 {
		return nil, fmt.Errorf("%w: regulators file: over 1 MiB", ErrConfig)
	}
	var f regulatorsFile
	if err := strictjson.Decode(b, &f); err != nil {
		return nil, fmt.Errorf("%w: regulators file: %w", ErrConfig, err)
	}
	out := make(map[string]Regulator, len(f.Regulators))
	for i, e := range f.Regulators {
		if _, dup := out[e.Token]; dup {
			return nil, fmt.Errorf("%w: regulators file: entry %d repeats a token", ErrConfig, i)
		}
		out[e.Token] = e.Regulator
	}
	return out, nil
}
