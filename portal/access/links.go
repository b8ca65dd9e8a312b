package access

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"time"
	"unicode/utf8"
)

// Link parameters.
const (
	// LinkKeySize is the size of a link key: AES-256.
	LinkKeySize = 32
	// DefaultLinkTTL is how long a link is valid when LinkOptions.TTL is 0.
	DefaultLinkTTL = 90 * 24 * time.Hour
	// MaxLinkID is the longest decision id a link can carry, in bytes
	// (record.MaxIDLen).
	MaxLinkID = 128
)

// linkAAD binds a sealed link to its purpose and format version, so no
// other ciphertext under the same key passes for a link.
const linkAAD = "glassbox/capability-link/v1"

const (
	nonceSize = 12
	tagSize   = 16
	// maxLinkToken is the longest token Open decodes.
	maxLinkToken = (nonceSize + 8 + MaxLinkID + tagSize + 2) * 4 / 3
)

// LinkOptions configures [NewLinks]. Nil means all defaults.
type LinkOptions struct {
	TTL time.Duration // how long an issued link is valid (0: DefaultLinkTTL)
	// Retired keys still open links sealed under them, until the links
	// expire; new links are sealed under the current key only.
	Retired [][]byte
	Now     func() time.Time // the clock (nil: time.Now)
}

// Links issues and opens capability links. It is safe for concurrent use.
type Links struct {
	seal cipher.AEAD
	open []cipher.AEAD // current key first
	ttl  time.Duration
	now  func() time.Time
}

// NewLinks returns the links sealed under key, [LinkKeySize] bytes.
func NewLinks(key []byte, opts *LinkOptions) (*Links, error) {
	var o LinkOptions
	if opts != nil {
		o = *opts
	}
	if o.TTL < 0 {
		return nil, fmt.Errorf("%w: link TTL %v is negative", ErrConfig, o.TTL)
	}
	if o.TTL == 0 {
		o.TTL = DefaultLinkTTL
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	l := &Links{ttl: o.TTL, now: o.Now}
	for i, k := range append([][]byte{key}, o.Retired...) {
		if len(k) != LinkKeySize {
			return nil, fmt.Errorf("%w: link key %d is %d bytes, want %d", ErrConfig, i, len(k), LinkKeySize)
		}
		b, err := aes.NewCipher(k)
		if err != nil {
			return nil, fmt.Errorf("%w: link key %d: %w", ErrConfig, i, err)
		}
		a, err := cipher.NewGCM(b)
		if err != nil {
			return nil, fmt.Errorf("%w: link key %d: %w", ErrConfig, i, err)
		}
		l.open = append(l.open, a)
	}
	l.seal = l.open[0]
	return l, nil
}

// NewLinkKey returns a new random link key.
func NewLinkKey() []byte {
	k := make([]byte, LinkKeySize)
	_, _ = rand.Read(k) // crypto/rand.Read never fails (Go 1.24+)
	return k
}

// Issue returns a token for the decision id that opens until expires. The
// token is URL-safe (base64url, no padding) and reveals nothing of the id
// but an upper bound of its length.
func (l *Links) Issue(decisionID string) (token string, expires time.Time, err error) {
	if decisionID == "" || len(decisionID) > MaxLinkID || !utf8.ValidString(decisionID) {
		return "", time.Time{}, fmt.Errorf("%w: decision id must be 1 to %d bytes of UTF-8", ErrConfig, MaxLinkID)
	}
	expires = l.now().Add(l.ttl).Truncate(time.Second)
	plain := binary.BigEndian.AppendUint64(make([]byte, 0, 8+len(decisionID)), uint64(expires.Unix()))
	plain = append(plain, decisionID...)
	nonce := make([]byte, nonceSize, nonceSize+len(plain)+tagSize)
	_, _ = rand.Read(nonce)
	sealed := l.seal.Seal(nonce, nonce, plain, []byte(linkAAD))
	return base64.RawURLEncoding.EncodeToString(sealed), expires.UTC(), nil
}

// Open returns the decision id and expiry of a token that Issue made under
// the current or a retired key: [ErrLinkInvalid] for anything else,
// [ErrLinkExpired] (wrapped, naming the expiry) for an authentic token past
// its expiry.
func (l *Links) Open(token string) (decisionID string, expires time.Time, err error) {
	if len(token) == 0 || len(token) > maxLinkToken {
		return "", time.Time{}, fmt.Errorf("%w: %d characters", ErrLinkInvalid, len(token))
	}
	b, err := base64.RawURLEncoding.Strict().DecodeString(token)
	if err != nil || len(b) < nonceSize+8+1+tagSize {
		return "", time.Time{}, ErrLinkInvalid
	}
	var plain []byte
	for _, a := range l.open {
		if plain, err = a.Open(nil, b[:nonceSize], b[nonceSize:], []byte(linkAAD)); err == nil {
			break
		}
	}
	if err != nil {
		return "", time.Time{}, ErrLinkInvalid
	}
	exp := binary.BigEndian.Uint64(plain[:8])
	id := string(plain[8:])
	if exp > 1<<62 || !utf8.ValidString(id) || len(id) > MaxLinkID {
		return "", time.Time{}, ErrLinkInvalid // sealed by us, so never; checked anyway
	}
	expires = time.Unix(int64(exp), 0).UTC()
	if !l.now().Before(expires) {
		return "", expires, fmt.Errorf("%w: it expired at %s", ErrLinkExpired, expires.Format(time.RFC3339))
	}
	return id, expires, nil
}
