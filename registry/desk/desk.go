package desk

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/registry"
)

// MaxTextBytes bounds a dispute's text, in bytes of UTF-8.
const MaxTextBytes = 4000

// DefaultNamespace is the [auditlog.Store] namespace a desk's texts are
// meant to live in: pass auditlog.Log.Store(DefaultNamespace) to [New].
const DefaultNamespace = "dispute-desk"

// commitmentDomain prefixes a text before hashing, so that a commitment to
// a dispute text is never the SHA-256 of anything else Glassbox hashes.
const commitmentDomain = "glassbox dispute text v1\x00"

// reasonPrefix starts the reasonURI of a committed text.
const reasonPrefix = "sha256:"

// textKey prefixes the store key of a text, followed by its commitment.
const textKey = "text/"

// Commitment returns SHA-256("glassbox dispute text v1" || 0x00 || text),
// the hash a desk puts on chain for a dispute's text.
func Commitment(text string) [32]byte {
	h := sha256.New()
	h.Write([]byte(commitmentDomain))
	h.Write([]byte(text))
	return [32]byte(h.Sum(nil))
}

// ReasonURI returns the reasonURI a desk files for text: "sha256:" and the
// lowercase hex of [Commitment](text).
func ReasonURI(text string) string {
	c := Commitment(text)
	return reasonPrefix + hex.EncodeToString(c[:])
}

// ParseReasonURI returns the commitment of a reasonURI made by [ReasonURI]:
// exactly "sha256:" and 64 lowercase hex digits ([ErrNotCommitment]
// otherwise).
func ParseReasonURI(uri string) ([32]byte, error) {
	var c [32]byte
	h, ok := strings.CutPrefix(uri, reasonPrefix)
	if !ok {
		return c, fmt.Errorf("%w: %.80q does not start with %q", ErrNotCommitment, uri, reasonPrefix)
	}
	if len(h) != 2*len(c) {
		return c, fmt.Errorf("%w: %d hex digits after %q, want %d", ErrNotCommitment, len(h), reasonPrefix, 2*len(c))
	}
	for i := 0; i < len(h); i++ {
		if b := h[i]; (b < '0' || b > '9') && (b < 'a' || b > 'f') {
			return c, fmt.Errorf("%w: byte %d of the hash (%q) is not a lowercase hex digit", ErrNotCommitment, i, b)
		}
	}
	if _, err := hex.Decode(c[:], []byte(h)); err != nil {
		return c, fmt.Errorf("%w: %v", ErrNotCommitment, err)
	}
	return c, nil
}

// CheckText reports whether text may be filed: non-empty ([ErrEmptyText]),
// valid UTF-8 ([ErrInvalidUTF8], naming the first bad byte), at most
// [MaxTextBytes] bytes ([ErrTextTooLong]).
func CheckText(text string) error {
	if text == "" {
		return ErrEmptyText
	}
	if len(text) > MaxTextBytes {
		return fmt.Errorf("%w: %d bytes, at most %d", ErrTextTooLong, len(text), MaxTextBytes)
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n <= 1 {
			return fmt.Errorf("%w: byte %d (0x%02x) starts no UTF-8 character", ErrInvalidUTF8, i, text[i])
		}
		i += n
	}
	return nil
}

// Desk files disputes for applicants and keeps their texts. It files from
// one address (auth.From) against one log. A Desk is safe for concurrent
// use; its filings are sent one at a time, so that they do not race for
// the address's nonce.
type Desk struct {
	c     *registry.Client
	auth  *bind.TransactOpts
	logID registry.LogID
	st    *auditlog.Store

	fileMu sync.Mutex // held while a dispute transaction is sent and mined
}

// New returns a desk that files from auth against the log logID through c,
// and keeps texts in st (an [auditlog.Store] the desk owns, such as
// log.Store([DefaultNamespace])). It does no I/O; an unknown log shows on
// the first File as registry.ErrUnknownLog.
func New(c *registry.Client, auth *bind.TransactOpts, logID registry.LogID, st *auditlog.Store) (*Desk, error) {
	switch {
	case c == nil:
		return nil, fmt.Errorf("%w: nil registry client", ErrInvalidArgument)
	case auth == nil:
		return nil, fmt.Errorf("%w: nil TransactOpts", ErrInvalidArgument)
	case logID == (registry.LogID{}):
		return nil, fmt.Errorf("%w: zero log id", ErrInvalidArgument)
	case st == nil:
		return nil, fmt.Errorf("%w: nil store", ErrInvalidArgument)
	}
	return &Desk{c: c, auth: auth, logID: logID, st: st}, nil
}

func storeKey(c [32]byte) []byte { return append([]byte(textKey), c[:]...) }

// File commits to text, stores it, and files a dispute against the leaf at
// leafIndex (whose RFC 6962 leaf hash is leafHash) from the desk's address.
// It returns the dispute's id once the filing is mined; by then the text is
// durable in the store. A bad text is refused before anything is written.
//
// While the desk's dispute against the leaf is open, filing the same text
// and leaf hash again returns that dispute's id and nil; a different text
// or leaf hash returns its id and an [*OpenDisputeError]. A leaf not yet
// anchored fails with registry.ErrLeafNotAnchored; a desk over its open
// limit with registry.ErrTooManyOpenDisputes.
func (d *Desk) File(ctx context.Context, leafIndex uint64, leafHash [32]byte, text string) (uint64, error) {
	if err := CheckText(text); err != nil {
		return 0, err
	}
	c := Commitment(text)
	uri := ReasonURI(text)
	if err := d.st.Put(storeKey(c), []byte(text)); err != nil {
		return 0, fmt.Errorf("desk: storing the text of a dispute of leaf %d: %w", leafIndex, err)
	}
	d.fileMu.Lock()
	id, _, err := d.c.FileDispute(ctx, d.auth, d.logID, leafIndex, leafHash, uri)
	d.fileMu.Unlock()
	if err == nil {
		return id, nil
	}
	var ce *registry.ContractError
	switch {
	case errors.Is(err, registry.ErrDuplicateDispute) && errors.As(err, &ce):
		return d.existing(ctx, ce, leafIndex, leafHash, uri)
	case errors.Is(err, registry.ErrLeafNotAnchored):
		return 0, fmt.Errorf("desk: leaf %d is not anchored yet; file it after the next anchor: %w", leafIndex, err)
	}
	return 0, fmt.Errorf("desk: filing a dispute of leaf %d: %w", leafIndex, err)
}

// existing handles a DuplicateDispute revert: the desk's open dispute
// against the leaf, named by the revert's openId.
func (d *Desk) existing(ctx context.Context, ce *registry.ContractError, leafIndex uint64, leafHash [32]byte, uri string) (uint64, error) {
	if len(ce.Args) != 4 {
		return 0, fmt.Errorf("desk: filing a dispute of leaf %d: %w", leafIndex, ce)
	}
	open, ok := ce.Args[3].(*big.Int)
	if !ok || !open.IsUint64() || open.Sign() == 0 {
		return 0, fmt.Errorf("desk: filing a dispute of leaf %d: implausible open dispute id in %w", leafIndex, ce)
	}
	id := open.Uint64()
	prev, err := d.c.Dispute(ctx, id)
	if err != nil {
		return 0, fmt.Errorf("desk: reading open dispute %d of leaf %d: %w", id, leafIndex, err)
	}
	if prev.ReasonURI == uri && prev.LeafHash == leafHash {
		return id, nil
	}
	return id, &OpenDisputeError{ID: id, LeafIndex: leafIndex, LeafHash: prev.LeafHash, ReasonURI: prev.ReasonURI}
}

// Status returns the on-chain record of a dispute this desk filed
// (registry.ErrUnknownDispute if there is none, [ErrForeignDispute] if
// another address filed it or it is on another log).
func (d *Desk) Status(ctx context.Context, id uint64) (registry.Dispute, error) {
	r, err := d.c.Dispute(ctx, id)
	if err != nil {
		return registry.Dispute{}, fmt.Errorf("desk: dispute %d: %w", id, err)
	}
	if r.Filer != d.auth.From || r.LogID != d.logID {
		return registry.Dispute{}, fmt.Errorf("%w: dispute %d was filed by %s on log %x; the desk is %s on log %x",
			ErrForeignDispute, id, r.Filer, r.LogID, d.auth.From, d.logID)
	}
	return r, nil
}

// Text returns the text of a dispute this desk filed, read from the store
// and checked against the commitment in the dispute's reasonURI on chain:
// [*TextMismatchError] if the stored bytes hash to anything else,
// [ErrTextNotFound] if the store holds none, [ErrNotCommitment] if the
// dispute's reasonURI is not a commitment.
func (d *Desk) Text(ctx context.Context, id uint64) (string, error) {
	r, err := d.Status(ctx, id)
	if err != nil {
		return "", err
	}
	c, err := ParseReasonURI(r.ReasonURI)
	if err != nil {
		return "", fmt.Errorf("desk: dispute %d: %w", id, err)
	}
	v, err := d.st.Get(storeKey(c))
	if errors.Is(err, auditlog.ErrNotFound) {
		return "", fmt.Errorf("%w: dispute %d, commitment %x", ErrTextNotFound, id, c)
	}
	if err != nil {
		return "", fmt.Errorf("desk: reading the text of dispute %d: %w", id, err)
	}
	if got := Commitment(string(v)); got != c {
		return "", &TextMismatchError{ID: id, Committed: c, Computed: got}
	}
	return string(v), nil
}
