package regulator

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
)

// DefaultTrailNamespace is the engine store namespace of each log in which
// the portal keeps its audit trail of personal-data reads.
const DefaultTrailNamespace = "regulator-trail"

// Access is one read of personal data through the portal, as the audit
// trail records it.
type Access struct {
	Seq       uint64    `json:"seq"`
	Time      time.Time `json:"time"`
	Regulator string    `json:"regulator"`
	Log       string    `json:"log"`      // the log's origin
	Decision  string    `json:"decision"` // the decision id
	What      string    `json:"what"`     // "payload", "receipt"
	// Prev is the SHA-256 (hex) of the previous entry's JSON; "" for the
	// first entry.
	Prev string `json:"prev"`
}

// Trail is the audit trail of one log: a hash chain of [Access] entries in
// the log's own Pebble database (a store namespace of the engine, beside
// the log, not in its Merkle tree). Record writes the entry and the chain's
// head in one synced batch. It is safe for concurrent use.
//
// The trail is tamper-evident only against edits that do not rewrite the
// whole chain from the edited entry on: it is not yet committed to by the
// log's signed checkpoints (docs/regulator.md says so).
type Trail struct {
	st *auditlog.Store
}

// OpenTrail returns the trail kept in st (for a log lg,
// lg.Store(DefaultTrailNamespace)).
func OpenTrail(st *auditlog.Store) *Trail { return &Trail{st: st} }

var trailHead = []byte("head")

func trailKey(seq uint64) []byte { return fmt.Appendf(nil, "entry/%020d", seq) }

type head struct {
	Seq  uint64 `json:"seq"` // the next entry's number
	Hash string `json:"hash"`
}

// Record appends a to the trail (Seq and Prev are set here) and returns
// it as recorded; when Record returns nil the entry is durable.
func (t *Trail) Record(ctx context.Context, a Access) (Access, error) {
	err := t.st.Update(ctx, func(tx *auditlog.Tx) error {
		var h head
		b, err := tx.Get(trailHead)
		switch {
		case errors.Is(err, auditlog.ErrNotFound):
		case err != nil:
			return err
		default:
			if err := json.Unmarshal(b, &h); err != nil {
				return fmt.Errorf("%w: the head: %w", ErrTrailBroken, err)
			}
		}
		a.Seq, a.Prev = h.Seq, h.Hash
		eb, err := json.Marshal(a)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(eb)
		hb, err := json.Marshal(head{Seq: h.Seq + 1, Hash: hex.EncodeToString(sum[:])})
		if err != nil {
			return err
		}
		if err := tx.Set(trailKey(a.Seq), eb); err != nil {
			return err
		}
		return tx.Set(trailHead, hb)
	})
	if err != nil {
		return Access{}, fmt.Errorf("%w: %w", ErrTrail, err)
	}
	return a, nil
}

// Entries calls fn for every entry in order, checking the hash chain as it
// goes: a broken link is a *[TrailError].
func (t *Trail) Entries(fn func(Access) error) error {
	prev, next := "", uint64(0)
	return t.st.Scan([]byte("entry/"), func(k, v []byte) error {
		var a Access
		if err := json.Unmarshal(v, &a); err != nil {
			return &TrailError{Seq: next, Reason: "not JSON: " + err.Error()}
		}
		if a.Seq != next || string(k) != string(trailKey(a.Seq)) {
			return &TrailError{Seq: next, Reason: "entry numbered " + strconv.FormatUint(a.Seq, 10) + " at key " + string(k)}
		}
		if a.Prev != prev {
			return &TrailError{Seq: a.Seq, Want: prev, Got: a.Prev, Reason: "the previous entry's hash differs"}
		}
		sum := sha256.Sum256(v)
		prev, next = hex.EncodeToString(sum[:]), next+1
		return fn(a)
	})
}

func uitoa(n uint64) string { return strconv.FormatUint(n, 10) }
