package receipt

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// ParseReformatted is [Parse] for a receipt that a tool has re-indented
// (jq, python -m json.tool, an editor): when b is not canonical only
// because of white space between JSON tokens, it parses the compact form
// and reports reformatted. This is safe: nothing a receipt proves is
// signed over its JSON bytes (the checkpoint note is a string inside it,
// the leaf is base64, the disclosures are re-encoded canonically before
// their commitments are checked), and white space between tokens carries
// no meaning in JSON (RFC 8259, section 2), so the compact form is the one
// receipt every reader sees. Any other rewriting (key order, string
// escapes such as \u00e9 for é, number format, a key twice) is refused
// with [ErrNotCanonical], which says so: a receipt has exactly one form.
func ParseReformatted(b []byte) (r *Receipt, reformatted bool, err error) {
	r, err = Parse(b)
	if err == nil || !errors.Is(err, ErrNotCanonical) {
		return r, false, err
	}
	var buf bytes.Buffer
	if json.Compact(&buf, b) != nil {
		return nil, false, err
	}
	if bytes.Equal(buf.Bytes(), bytes.TrimSuffix(b, []byte("\n"))) {
		return nil, false, fmt.Errorf("%w; the receipt has no extra white space, so it was rewritten in another way (key order, string escapes, number format): use the receipt as the log issued it", err)
	}
	r, err = Parse(buf.Bytes())
	if errors.Is(err, ErrNotCanonical) {
		return nil, false, fmt.Errorf("%w; white space alone is accepted, but this receipt was rewritten further (key order, string escapes such as \\u00e9, number format): use the receipt as the log issued it", err)
	}
	if err != nil {
		return nil, false, err
	}
	return r, true, nil
}
