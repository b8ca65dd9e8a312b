// Package strictjson decodes JSON that must mean exactly one thing.
//
// encoding/json is lenient: it keeps the last of two equal keys, replaces
// invalid UTF-8 with U+FFFD, ignores fields it does not know and, through a
// Decoder, leaves bytes after the value unread. For an audit log each of
// these lets two parties read one body two ways. Decode refuses all of them:
// the input must be valid UTF-8, hold exactly one JSON value (white space
// around it allowed), repeat no key in any object at any depth, and name no
// field the target struct lacks. Every error wraps a sentinel from errors.go
// and names the byte offset or the field path where the input went wrong.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Decode parses data strictly into v. On success v holds exactly what
// encoding/json would have decoded; on any refusal the error wraps one of
// ErrInvalidUTF8, ErrSyntax, ErrDuplicateKey, ErrTrailingData,
// ErrUnknownField or ErrType.
func Decode(data []byte, v any) error {
	if off := invalidUTF8At(data); off >= 0 {
		return fmt.Errorf("%w at byte offset %d", ErrInvalidUTF8, off)
	}
	if err := checkStructure(data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &te):
			return fmt.Errorf("%w: field %q at byte offset %d: %s does not fit %s", ErrType, te.Field, te.Offset, te.Value, te.Type)
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			return fmt.Errorf("%w %s", ErrUnknownField, strings.TrimPrefix(err.Error(), "json: unknown field "))
		default:
			return fmt.Errorf("%w: %v", ErrSyntax, err)
		}
	}
	return nil
}

// invalidUTF8At returns the offset of the first byte that is not part of a
// valid UTF-8 sequence, or -1.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// checkStructure walks the tokens of data: one value, no duplicate keys,
// nothing after it.
func checkStructure(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := walkValue(dec, "$"); err != nil {
		return err
	}
	off := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("%w at byte offset %d", ErrTrailingData, off)
	}
	return nil
}

func walkValue(dec *json.Decoder, path string) error {
	off := dec.InputOffset()
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return fmt.Errorf("%w: %s: unexpected end of input at byte offset %d", ErrSyntax, path, off)
		}
		return fmt.Errorf("%w: %s: %v (near byte offset %d)", ErrSyntax, path, err, off)
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for dec.More() {
			koff := dec.InputOffset()
			kt, err := dec.Token()
			if err != nil {
				return fmt.Errorf("%w: %s: %v (near byte offset %d)", ErrSyntax, path, err, koff)
			}
			key, ok := kt.(string)
			if !ok {
				return fmt.Errorf("%w: %s: object key is not a string at byte offset %d", ErrSyntax, path, koff)
			}
			child := path + "." + key
			if seen[key] {
				return fmt.Errorf("%w: %s (near byte offset %d)", ErrDuplicateKey, child, koff)
			}
			seen[key] = true
			if err := walkValue(dec, child); err != nil {
				return err
			}
		}
		return closeDelim(dec, path)
	case json.Delim('['):
		for i := 0; dec.More(); i++ {
			if err := walkValue(dec, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		return closeDelim(dec, path)
	}
	return nil
}

func closeDelim(dec *json.Decoder, path string) error {
	off := dec.InputOffset()
	if _, err := dec.Token(); err != nil {
		return fmt.Errorf("%w: %s: %v (near byte offset %d)", ErrSyntax, path, err, off)
	}
	return nil
}
