package witness

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
)

// maxResponse bounds a witness's response; maxErrorBody is how much of a
// refusal's body a RefusalError keeps.
const (
	maxResponse  = 64 << 10
	maxErrorBody = 1 << 10
)

// Log is what Submit needs of the log: consistency proofs.
// *auditlog.Log implements it.
type Log interface {
	ConsistencyProof(ctx context.Context, size1, size2 uint64) ([]verify.Hash, error)
}

// Witness is one tlog-witness endpoint.
type Witness struct {
	// Name is the witness's name, for reports; empty: Verifier.Name().
	Name string
	// URL is the witness's submission prefix: requests go to
	// URL + "/add-checkpoint".
	URL string
	// Verifier checks the witness's cosignatures (a *cosig.Verifier).
	Verifier note.Verifier
	// Client sends the requests; nil: http.DefaultClient.
	Client *http.Client
}

// Parse reads a witness given as VKEY=URL: a cosignature/v1 verifier key,
// "=", and an http:// or https:// URL (the submission prefix).
func Parse(s string) (*Witness, error) {
	i := strings.Index(s, "=http://")
	if j := strings.Index(s, "=https://"); i < 0 || (j >= 0 && j < i) {
		i = j
	}
	if i < 0 {
		return nil, fmt.Errorf("%w: witness %q is not VKEY=URL with an http:// or https:// URL", ErrInvalid, s)
	}
	v, err := cosig.NewVerifier(s[:i])
	if err != nil {
		return nil, err
	}
	return &Witness{URL: strings.TrimSuffix(s[i+1:], "/"), Verifier: v}, nil
}

func (w *Witness) name() string {
	if w.Name != "" {
		return w.Name
	}
	if w.Verifier != nil {
		return w.Verifier.Name()
	}
	return w.URL
}

// id names the witness's key in stored state: name+hex(key id).
func (w *Witness) id() string { return fmt.Sprintf("%s+%08x", w.Verifier.Name(), w.Verifier.KeyHash()) }

// Cosignature is one verified cosignature of a checkpoint.
type Cosignature struct {
	Witness string    // the witness's name
	Size    uint64    // the checkpoint's tree size
	Line    string    // the note signature line, "— name base64\n"
	Time    time.Time // the time the witness says it signed
}

// Submit sends cp to the witness with a consistency proof from oldSize, the
// tree size the witness is believed to have seen (0 for a witness new to
// the log; it is lowered to cp's size when above it). On 409 Conflict it
// retries once from the size the witness reports, unless that size is above
// cp's (a stale checkpoint). It returns the witness's cosignature, checked
// with w.Verifier against cp's body, or a *[RefusalError] carrying the
// evidence of a refusal, or an error wrapping [ErrBadCosignature] when a
// 200 answer holds no valid cosignature by the witness's key.
func (w *Witness) Submit(ctx context.Context, lg Log, cp auditlog.SignedCheckpoint, oldSize uint64) (*Cosignature, error) {
	if w.Verifier == nil || w.URL == "" {
		return nil, fmt.Errorf("%w: witness %q needs a URL and a verifier", ErrInvalid, w.name())
	}
	body, err := noteBody(cp.Note)
	if err != nil {
		return nil, err
	}
	old := min(oldSize, cp.Size)
	for attempt := 0; ; attempt++ {
		var proof []verify.Hash
		if old > 0 && old < cp.Size {
			if proof, err = lg.ConsistencyProof(ctx, old, cp.Size); err != nil {
				return nil, fmt.Errorf("witness %s: consistency proof %d to %d: %w", w.name(), old, cp.Size, err)
			}
		}
		status, resp, err := w.post(ctx, requestBody(old, proof, cp.Note))
		if err != nil {
			return nil, err
		}
		refuse := func(k Kind) *RefusalError {
			b := resp
			if len(b) > maxErrorBody {
				b = b[:maxErrorBody]
			}
			return &RefusalError{Witness: w.name(), Kind: k, Status: status, Body: strings.TrimSpace(string(b)),
				OldSize: old, Size: cp.Size, Proof: proof}
		}
		switch status {
		case http.StatusOK:
			c, err := ParseResponse(resp, body, w.Verifier)
			if err != nil {
				return nil, fmt.Errorf("witness %s: %w", w.name(), err)
			}
			c.Size = cp.Size
			return c, nil
		case http.StatusConflict:
			e := refuse(KindConflict)
			known, perr := ParseSize(resp)
			if perr != nil {
				e.Body = fmt.Sprintf("%s (%v)", e.Body, perr)
				return nil, e
			}
			e.WitnessSize = known
			switch {
			case known > cp.Size:
				e.Kind = KindStale
				return nil, e
			case attempt > 0 || known == old:
				return nil, e
			}
			old = known
		case http.StatusUnprocessableEntity:
			return nil, refuse(KindInconsistent)
		case http.StatusForbidden, http.StatusNotFound:
			return nil, refuse(KindForbidden)
		case http.StatusBadRequest:
			return nil, refuse(KindBadRequest)
		default:
			return nil, refuse(KindStatus)
		}
	}
}

// requestBody is the add-checkpoint request: "old N", the proof's hashes
// one a line in base64, a blank line, and the checkpoint note.
func requestBody(old uint64, proof []verify.Hash, n []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "old %d\n", old)
	for _, h := range proof {
		b.WriteString(base64.StdEncoding.EncodeToString(h[:]))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.Write(n)
	return b.Bytes()
}

func (w *Witness) post(ctx context.Context, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(w.URL, "/")+"/add-checkpoint", bytes.NewReader(body))
	if err != nil {
		return 0, nil, fmt.Errorf("%w: witness %s: %w", ErrInvalid, w.name(), err)
	}
	c := w.Client
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, fmt.Errorf("witness %s: %w", w.name(), err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil {
		return 0, nil, fmt.Errorf("witness %s: reading the response: %w", w.name(), err)
	}
	if len(b) > maxResponse {
		return 0, nil, fmt.Errorf("witness %s: response is over %d bytes", w.name(), maxResponse)
	}
	return resp.StatusCode, b, nil
}

// noteBody returns the body of a signed note (up to and including the
// newline before the blank line).
func noteBody(n []byte) ([]byte, error) {
	i := bytes.LastIndex(n, []byte("\n\n"))
	if i < 0 {
		return nil, fmt.Errorf("%w: checkpoint is not a signed note", ErrInvalid)
	}
	return n[:i+1], nil
}

// ParseSize parses the body of a 409 answer: a decimal tree size and a
// newline.
func ParseSize(b []byte) (uint64, error) {
	s, ok := strings.CutSuffix(string(b), "\n")
	if !ok || s == "" || (len(s) > 1 && s[0] == '0') {
		return 0, fmt.Errorf("%w: 409 body %q is not a tree size and a newline", ErrInvalid, b)
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: 409 body %q is not a tree size and a newline", ErrInvalid, b)
	}
	return n, nil
}

// ParseResponse checks a witness's 200 answer to add-checkpoint: one or
// more note signature lines, each "— name base64" and a newline. It returns
// the one line that v verifies as a signature of the checkpoint body, and
// fails with [ErrBadCosignature] when there is none, when v's line does not
// verify, or when the answer is malformed. Lines by other keys are ignored.
func ParseResponse(resp, body []byte, v note.Verifier) (*Cosignature, error) {
	if len(resp) == 0 || resp[len(resp)-1] != '\n' {
		return nil, fmt.Errorf("%w: answer %q is not signature lines", ErrBadCosignature, trunc(resp))
	}
	for _, line := range strings.SplitAfter(string(resp), "\n") {
		if line == "" {
			continue
		}
		rest, ok := strings.CutPrefix(line, "\u2014 ")
		name, sig, ok2 := strings.Cut(strings.TrimSuffix(rest, "\n"), " ")
		if !ok || !ok2 || name == "" {
			return nil, fmt.Errorf("%w: line %q is not a signature line", ErrBadCosignature, trunc([]byte(line)))
		}
		if _, err := base64.StdEncoding.Strict().DecodeString(sig); err != nil {
			return nil, fmt.Errorf("%w: line %q is not canonical base64", ErrBadCosignature, trunc([]byte(line)))
		}
	}
	n, err := note.Open(append(append(append([]byte{}, body...), '\n'), resp...), note.VerifierList(v))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadCosignature, err)
	}
	if len(n.Sigs) != 1 {
		return nil, fmt.Errorf("%w: %d valid cosignatures by %s, want 1", ErrBadCosignature, len(n.Sigs), v.Name())
	}
	s := n.Sigs[0]
	c := &Cosignature{Witness: v.Name(), Line: "\u2014 " + s.Name + " " + s.Base64 + "\n"}
	raw, _ := base64.StdEncoding.DecodeString(s.Base64)
	if len(raw) > 4 {
		if t, err := cosig.Time(raw[4:]); err == nil {
			c.Time = t
		}
	}
	return c, nil
}

func trunc(b []byte) string {
	if len(b) > 120 {
		return string(b[:120]) + "..."
	}
	return string(b)
}
