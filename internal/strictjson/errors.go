package strictjson

import "errors"

// Sentinel errors returned (wrapped, with the offending field or offset) by Decode.
var (
	// ErrInvalidUTF8 means the input holds a byte sequence that is not UTF-8.
	ErrInvalidUTF8 = errors.New("strictjson: invalid UTF-8")
	// ErrSyntax means the input is not one well-formed JSON value.
	ErrSyntax = errors.New("strictjson: malformed JSON")
	// ErrDuplicateKey means an object, at any depth, repeats a key.
	ErrDuplicateKey = errors.New("strictjson: duplicate key")
	// ErrTrailingData means something other than white space follows the value.
	ErrTrailingData = errors.New("strictjson: trailing data after the JSON value")
	// ErrUnknownField means an object holds a field the target type lacks.
	ErrUnknownField = errors.New("strictjson: unknown field")
	// ErrType means a value does not fit the target's Go type.
	ErrType = errors.New("strictjson: wrong type")
)
