package record

import "time"

// Access is one read of a decision's personal data, as an access leaf
// ([KindAccess]) records it: who read it, which decision (id and leaf
// index), when, and what part. It holds no personal data of the applicant.
type Access struct {
	DecisionID string    `json:"decision_id"`
	Index      uint64    `json:"index"` // the decision's leaf index
	Reader     string    `json:"reader"`
	What       string    `json:"what"` // "payload", "receipt"
	Time       time.Time `json:"time"`
}

// BuildAccess validates a and returns its leaf and the leaf's bytes.
// Errors are *[ValidationError] naming the field.
func BuildAccess(a *Access) (*Leaf, []byte, error) {
	l := &Leaf{Version: Version1, Kind: KindAccess, DecisionID: a.DecisionID, Time: a.Time.UTC(),
		AccessReader: a.Reader, AccessIndex: a.Index, AccessWhat: a.What}
	b, err := EncodeLeaf(l)
	if err != nil {
		return nil, nil, withRecord(a.DecisionID, err)
	}
	return l, b, nil
}

// Access returns the access an access leaf records (ok false for another
// kind).
func (l *Leaf) Access() (Access, bool) {
	if l.Kind != KindAccess {
		return Access{}, false
	}
	return Access{DecisionID: l.DecisionID, Index: l.AccessIndex, Reader: l.AccessReader, What: l.AccessWhat, Time: l.Time}, true
}
