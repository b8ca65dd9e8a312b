package receiptcheck

import (
	"encoding/binary"
	"fmt"
	"unicode/utf8"
)

// The registry calls the verifier makes, encoded by hand (Solidity ABI:
// a 4-byte selector, then 32-byte words). Selectors are the first four
// bytes of the Keccak-256 of the signature; abi_test.go checks them, and
// every encoding and decoding here, against go-ethereum's ABI package and
// the contract itself.
var (
	selLogInfo = [4]byte{0xdb, 0xbc, 0xee, 0x35} // logInfo(bytes32)
	selRootAt  = [4]byte{0x93, 0x0b, 0x6a, 0xce} // rootAt(bytes32,uint64)
	selAnchor  = [4]byte{0x70, 0xc1, 0x27, 0xc6} // anchor(bytes32,uint64,bytes32)

	errSelUnknownLog  = [4]byte{0x3d, 0x19, 0x9f, 0x11} // UnknownLog(bytes32)
	errSelNotAnchored = [4]byte{0xb0, 0x6b, 0xf3, 0xe4} // NotAnchored(bytes32,uint64)
	errSelError       = [4]byte{0x08, 0xc3, 0x79, 0xa0} // Error(string)
)

const word = 32

// maxOrigin bounds the origin string logInfo may return.
const maxOrigin = 1 << 16

func appendUint64(b []byte, v uint64) []byte {
	var w [word]byte
	binary.BigEndian.PutUint64(w[word-8:], v)
	return append(b, w[:]...)
}

// packLogInfo is the calldata of logInfo(logId).
func packLogInfo(logID [32]byte) []byte {
	return append(selLogInfo[:len(selLogInfo):len(selLogInfo)], logID[:]...)
}

// packRootAt is the calldata of rootAt(logId, treeSize).
func packRootAt(logID [32]byte, treeSize uint64) []byte {
	b := append(selRootAt[:len(selRootAt):len(selRootAt)], logID[:]...)
	return appendUint64(b, treeSize)
}

// packAnchor is the calldata of anchor(logId, treeSize, root), as the
// anchorer sends it.
func packAnchor(logID [32]byte, treeSize uint64, root [32]byte) []byte {
	b := append(selAnchor[:len(selAnchor):len(selAnchor)], logID[:]...)
	b = appendUint64(b, treeSize)
	return append(b, root[:]...)
}

// wordAt returns the i-th 32-byte word of b.
func wordAt(b []byte, i int) []byte { return b[i*word : (i+1)*word] }

// uint64Word decodes a uint64 word: its first 24 bytes must be zero.
func uint64Word(w []byte, what string) (uint64, error) {
	for _, c := range w[:word-8] {
		if c != 0 {
			return 0, fmt.Errorf("%w: %s 0x%x does not fit 64 bits", ErrABI, what, w)
		}
	}
	return binary.BigEndian.Uint64(w[word-8:]), nil
}

// unpackRootAt decodes the outputs of rootAt: (bytes32 root, uint64
// blockNumber), exactly two words.
func unpackRootAt(b []byte) (root [32]byte, block uint64, err error) {
	if len(b) != 2*word {
		return root, 0, fmt.Errorf("%w: rootAt returned %d bytes, want %d", ErrABI, len(b), 2*word)
	}
	copy(root[:], wordAt(b, 0))
	block, err = uint64Word(wordAt(b, 1), "rootAt's block number")
	return root, block, err
}

// registeredLog is what logInfo returns.
type registeredLog struct {
	Origin     string
	PublicKey  [32]byte
	Anchorer   [20]byte
	LatestSize uint64
}

// unpackLogInfo decodes the outputs of logInfo: (string origin, bytes32
// publicKey, address anchorer, uint64 latestSize), in the one encoding the
// ABI specification gives them: four head words, the string's offset 0x80,
// its length, its bytes padded with zeros to a whole word, and nothing
// after.
func unpackLogInfo(b []byte) (registeredLog, error) {
	var l registeredLog
	if len(b) < 5*word || len(b)%word != 0 {
		return l, fmt.Errorf("%w: logInfo returned %d bytes, not a whole number of words of at least %d", ErrABI, len(b), 5*word)
	}
	off, err := uint64Word(wordAt(b, 0), "logInfo's string offset")
	if err != nil {
		return l, err
	}
	if off != 4*word {
		return l, fmt.Errorf("%w: logInfo's string offset is %d, want %d", ErrABI, off, 4*word)
	}
	copy(l.PublicKey[:], wordAt(b, 1))
	a := wordAt(b, 2)
	for _, c := range a[:12] {
		if c != 0 {
			return l, fmt.Errorf("%w: logInfo's anchorer 0x%x is not an address", ErrABI, a)
		}
	}
	copy(l.Anchorer[:], a[12:])
	if l.LatestSize, err = uint64Word(wordAt(b, 3), "logInfo's latest size"); err != nil {
		return l, err
	}
	n, err := uint64Word(wordAt(b, 4), "logInfo's origin length")
	if err != nil {
		return l, err
	}
	if n > maxOrigin {
		return l, fmt.Errorf("%w: logInfo's origin is %d bytes, over %d", ErrABI, n, maxOrigin)
	}
	padded := (n + word - 1) / word * word
	if uint64(len(b)) != 5*word+padded {
		return l, fmt.Errorf("%w: logInfo returned %d bytes, want %d for an origin of %d bytes", ErrABI, len(b), 5*word+padded, n)
	}
	s := b[5*word:]
	for _, c := range s[n:] {
		if c != 0 {
			return l, fmt.Errorf("%w: logInfo's origin is padded with non-zero bytes", ErrABI)
		}
	}
	if !utf8.Valid(s[:n]) {
		return l, fmt.Errorf("%w: logInfo's origin is not UTF-8", ErrABI)
	}
	l.Origin = string(s[:n])
	return l, nil
}

// decodeRevert interprets revert data of the registry: its UnknownLog and
// NotAnchored errors and Error(string). Other data, or data that does not
// decode, gives a *RevertError with an empty Name.
func decodeRevert(data []byte) *RevertError {
	e := &RevertError{Data: data}
	if len(data) < 4 {
		return e
	}
	sel, args := [4]byte(data[:4]), data[4:]
	switch sel {
	case errSelUnknownLog:
		if len(args) == word {
			e.Name, e.LogID = "UnknownLog", [32]byte(args)
		}
	case errSelNotAnchored:
		if len(args) == 2*word {
			if size, err := uint64Word(wordAt(args, 1), "size"); err == nil {
				e.Name, e.LogID, e.TreeSize = "NotAnchored", [32]byte(wordAt(args, 0)), size
			}
		}
	case errSelError:
		if s, ok := unpackString(args); ok {
			e.Name, e.Reason = "Error", s
		}
	}
	return e
}

// unpackString decodes the ABI encoding of a lone string argument.
func unpackString(b []byte) (string, bool) {
	if len(b) < 2*word || len(b)%word != 0 {
		return "", false
	}
	if off, err := uint64Word(wordAt(b, 0), "offset"); err != nil || off != word {
		return "", false
	}
	n, err := uint64Word(wordAt(b, 1), "length")
	if err != nil || n > uint64(len(b)-2*word) {
		return "", false
	}
	return string(b[2*word : 2*word+n]), true
}
