package record

import (
	"encoding/binary"
	"fmt"

	"github.com/glassbox-audit/glassbox/explain"
)

// maxExplanationLen bounds the canonical encoding of an explanation inside a
// payload (about 4 KiB per contribution at the name limit, with room to spare).
const maxExplanationLen = 1 << 22

// checkAttribution returns the first bad field and why, or "", "". It adds
// the record limits to [explain.Attribution.Validate].
func checkAttribution(a *explain.Attribution) (string, string) {
	if r := checkName(string(a.Method), MaxNameLen, true); r != "" {
		return "method", r
	}
	if r := checkName(string(a.Space), MaxNameLen, true); r != "" {
		return "space", r
	}
	if len(a.Contributions) > MaxContributions {
		return "contributions", fmt.Sprintf("%d contributions, over the limit of %d", len(a.Contributions), MaxContributions)
	}
	for i, c := range a.Contributions {
		if r := checkName(c.Feature, MaxNameLen, true); r != "" {
			return fmt.Sprintf("contributions[%d].feature", i), r
		}
		if !c.Missing && !finite(c.Value) {
			return fmt.Sprintf("contributions[%d].value", i), "NaN or infinite but missing is false"
		}
		if !finite(c.Contribution) {
			return fmt.Sprintf("contributions[%d].contribution", i), "NaN and infinities are not allowed"
		}
	}
	if err := a.Validate(); err != nil {
		return "", err.Error()
	}
	return "", ""
}

// explanation appends a 32-bit length and the canonical encoding of a as
// defined by package explain ([explain.Attribution.Canonical]), which must
// be at most maxExplanationLen bytes.
func (e *encoder) explanation(a *explain.Attribution) {
	c, err := a.Canonical()
	switch {
	case err != nil:
		e.fail("explanation", err.Error())
		return
	case len(c) > maxExplanationLen:
		e.fail("explanation", fmt.Sprintf("%d bytes, over the limit of %d", len(c), maxExplanationLen))
		return
	}
	e.b = binary.BigEndian.AppendUint32(e.b, uint32(len(c)))
	e.b = append(e.b, c...)
}

func (d *decoder) explanation() *explain.Attribution {
	at := d.off
	p := d.take("explanation.length", 4)
	if p == nil {
		return nil
	}
	n := binary.BigEndian.Uint32(p)
	if n > maxExplanationLen {
		d.off = at
		d.fail("explanation.length", fmt.Errorf("%w: length %d over the limit %d", ErrMalformed, n, maxExplanationLen))
		return nil
	}
	at = d.off
	c := d.take("explanation", int(n))
	if d.err != nil {
		return nil
	}
	a, err := explain.ParseCanonical(c)
	if err != nil {
		d.off = at
		d.fail("explanation", fmt.Errorf("%w: %w", ErrMalformed, err))
		return nil
	}
	if field, r := checkAttribution(&a); r != "" {
		d.off = at
		d.fail("explanation."+field, fmt.Errorf("%w: %s", ErrMalformed, r))
		return nil
	}
	return &a
}

// ExplanationDigest returns the digest of an explanation that its commitment
// covers: [explain.Attribution.Digest], SHA-256 of the domain
// [explain.DigestDomain] and the canonical encoding. It fails only for an
// attribution that does not validate.
func ExplanationDigest(a *explain.Attribution) (Hash, error) {
	d, err := a.Digest()
	return Hash(d), err
}
