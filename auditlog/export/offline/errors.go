package offline

import (
	"errors"
	"fmt"
)

// Errors of the export format; check them with errors.Is. A failed check of
// a signature or a proof wraps the error of package
// [github.com/glassbox-audit/glassbox/auditlog/verify] instead
// (verify.ErrBadSignature, verify.ErrOrigin, verify.ErrProof).
var (
	// ErrMalformed: a line is not in the format of docs/export.md (not
	// canonical JSON, a duplicate or unknown key, a missing field, a line
	// out of order, a count that does not add up).
	ErrMalformed = errors.New("malformed")
	// ErrMismatch: a line's plain fields disagree with its signed note, or
	// a line names an index or size that the export does not allow.
	ErrMismatch = errors.New("fields disagree")
	// ErrTooLarge: the export exceeds one of the limits of [Options].
	ErrTooLarge = errors.New("too large")
	// ErrTruncated: the export ends before its end line, or its last line
	// has no final newline.
	ErrTruncated = errors.New("truncated")
	// ErrTrailingData: there is data after the end line.
	ErrTrailingData = errors.New("data after the end line")
)

// LineError says which line of an export failed and why. Kind is the
// line's type ("header", "checkpoint", "anchor", "leaf", "payload",
// "counter", "end", or "" when the line could not be read far enough to
// tell); Index is the leaf index of a leaf or payload line, the tree size of
// a checkpoint or anchor line, and the position (from 0) of a counter line.
type LineError struct {
	Line  int // from 1
	Kind  string
	Index uint64
	Err   error
}

func (e *LineError) Error() string {
	switch e.Kind {
	case "":
		return fmt.Sprintf("export: line %d: %v", e.Line, e.Err)
	case "header", "end":
		return fmt.Sprintf("export: line %d (%s): %v", e.Line, e.Kind, e.Err)
	case "checkpoint", "anchor":
		return fmt.Sprintf("export: line %d (%s of size %d): %v", e.Line, e.Kind, e.Index, e.Err)
	}
	return fmt.Sprintf("export: line %d (%s %d): %v", e.Line, e.Kind, e.Index, e.Err)
}

func (e *LineError) Unwrap() error { return e.Err }

// LeavesError reports leaves that do not hash to the root they must: the
// leaves [Start, End), after the header's prefix and the leaves before
// Start, do not give the root signed for size End (by a checkpoint line,
// or by the header through its range proof). The leaves before Start were
// checked against an earlier signed root, so the changed, dropped or moved
// leaf lies in [Start, End) (or the header's prefix is wrong, when Start is
// the export's first leaf). Signed is the size of the signed checkpoint
// the root was checked against: End, or the header's size when the root at
// End is tied to it by the header's range proof. Lines are those of the
// leaves Start and End-1. Err is a *verify.RootMismatchError or another
// verify.ErrProof.
type LeavesError struct {
	Start, End          uint64
	Signed              uint64
	FirstLine, LastLine int
	Err                 error
}

func (e *LeavesError) Error() string {
	if e.Signed != e.End {
		return fmt.Sprintf("export: leaves [%d, %d) (lines %d-%d) do not hash to a root that the range proof ties to the checkpoint of size %d: %v", e.Start, e.End, e.FirstLine, e.LastLine, e.Signed, e.Err)
	}
	return fmt.Sprintf("export: leaves [%d, %d) (lines %d-%d) do not hash to the root signed for size %d: %v", e.Start, e.End, e.FirstLine, e.LastLine, e.End, e.Err)
}

func (e *LeavesError) Unwrap() error { return e.Err }
