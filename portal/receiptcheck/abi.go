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
	selKeyAt   = [4]byte{0x3a, 0x9e, 0x35, 0x8a} // keyAt(bytes32,uint64)
	selAnchor  = [4]byte{0x70, 0xc1, 0x27, 0xc6} // anchor(bytes32,uint64,bytes32)
	selDispute = [4]byte{0x86, 0xd6, 0x28, 0x2c} // dispute(uint256)

	errSelUnknownLog  = [4]byte{0x3d, 0x19, 0x9f, 0x11} // UnknownLog(bytes32)
	errSelNotAnchored = [4]byte{0xb0, 0x6b, 0xf3, 0xe4} // NotAnchored(bytes32,uint64)
	errSelError       = [4]byte{0x08, 0xc3, 0x79, 0xa0} // Error(string)

	errSelUnknownDispute = [4]byte{0x8f, 0x09, 0xa2, 0x9b} // UnknownDispute(uint256)
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

// packKeyAt is the calldata of keyAt(logId, treeSize).
func packKeyAt(logID [32]byte, treeSize uint64) []byte {
	b := append(selKeyAt[:len(selKeyAt):len(selKeyAt)], logID[:]...)
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

// unpackKeyAt decodes the outputs of keyAt: the struct LogKey (bytes32
// publicKey, uint64 fromSize, uint64 blockNumber), exactly three words.
func unpackKeyAt(b []byte) (key [32]byte, fromSize uint64, err error) {
	if len(b) != 3*word {
		return key, 0, fmt.Errorf("%w: keyAt returned %d bytes, want %d", ErrABI, len(b), 3*word)
	}
	copy(key[:], wordAt(b, 0))
	if fromSize, err = uint64Word(wordAt(b, 1), "keyAt's first size"); err != nil {
		return key, 0, err
	}
	if _, err = uint64Word(wordAt(b, 2), "keyAt's block number"); err != nil {
		return key, 0, err
	}
	return key, fromSize, nil
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

// decodeRevert interprets revert data of the registry: its UnknownLog,
// NotAnchored and UnknownDispute errors and Error(string). Other data, or data that does not
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
	case errSelUnknownDispute:
		if len(args) == word {
			if id, err := uint64Word(args, "dispute id"); err == nil {
				e.Name, e.DisputeID = "UnknownDispute", id
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

// packDispute is the calldata of dispute(id).
func packDispute(id uint64) []byte {
	return appendUint64(selDispute[:len(selDispute):len(selDispute)], id)
}

// disputeRecord is what dispute(id) returns.
type disputeRecord struct {
	LogID         [32]byte
	LeafIndex     uint64
	FiledBlock    uint64
	Status        uint8 // 1 open, 2 upheld, 3 rejected
	Filer         [20]byte
	LeafHash      [32]byte
	ReasonURI     string
	ResolutionURI string
}

// unpackDispute decodes the output of dispute(id), a Dispute struct
// (bytes32 logId, uint64 leafIndex, uint64 filedBlock, uint8 status,
// address filer, bytes32 leafHash, string reasonURI, string
// resolutionURI), in the one encoding the ABI specification gives it: the
// tuple's offset 0x20; eight head words, the strings' offsets relative to
// the tuple being 0x100 and just past the first string; each string as its
// length and its bytes padded with zeros to a whole word; nothing after.
// The status must be a state a filed dispute has (open, upheld, rejected),
// and the strings UTF-8.
func unpackDispute(b []byte) (disputeRecord, error) {
	var d disputeRecord
	const head = 8 * word
	if len(b) < word+head+2*word || len(b)%word != 0 {
		return d, fmt.Errorf("%w: dispute returned %d bytes, not a whole number of words of at least %d", ErrABI, len(b), word+head+2*word)
	}
	off, err := uint64Word(wordAt(b, 0), "dispute's tuple offset")
	if err != nil {
		return d, err
	}
	if off != word {
		return d, fmt.Errorf("%w: dispute's tuple offset is %d, want %d", ErrABI, off, word)
	}
	t := b[word:] // the tuple
	copy(d.LogID[:], wordAt(t, 0))
	if d.LeafIndex, err = uint64Word(wordAt(t, 1), "dispute's leaf index"); err != nil {
		return d, err
	}
	if d.FiledBlock, err = uint64Word(wordAt(t, 2), "dispute's filed block"); err != nil {
		return d, err
	}
	st, err := uint64Word(wordAt(t, 3), "dispute's status")
	if err != nil {
		return d, err
	}
	if st < 1 || st > 3 {
		return d, fmt.Errorf("%w: dispute's status is %d, not open (1), upheld (2) or rejected (3)", ErrABI, st)
	}
	d.Status = uint8(st)
	a := wordAt(t, 4)
	for _, c := range a[:12] {
		if c != 0 {
			return d, fmt.Errorf("%w: dispute's filer 0x%x is not an address", ErrABI, a)
		}
	}
	copy(d.Filer[:], a[12:])
	copy(d.LeafHash[:], wordAt(t, 5))
	off1, err := uint64Word(wordAt(t, 6), "dispute's reasonURI offset")
	if err != nil {
		return d, err
	}
	if off1 != head {
		return d, fmt.Errorf("%w: dispute's reasonURI offset is %d, want %d", ErrABI, off1, head)
	}
	var next uint64
	if d.ReasonURI, next, err = stringAt(t, off1, "dispute's reasonURI"); err != nil {
		return d, err
	}
	off2, err := uint64Word(wordAt(t, 7), "dispute's resolutionURI offset")
	if err != nil {
		return d, err
	}
	if off2 != next {
		return d, fmt.Errorf("%w: dispute's resolutionURI offset is %d, want %d", ErrABI, off2, next)
	}
	if d.ResolutionURI, next, err = stringAt(t, off2, "dispute's resolutionURI"); err != nil {
		return d, err
	}
	if next != uint64(len(t)) {
		return d, fmt.Errorf("%w: dispute returned %d bytes after its strings", ErrABI, uint64(len(t))-next)
	}
	return d, nil
}

// stringAt decodes the string whose length word is at offset off of b: it
// returns the string and the offset just past its zero padding.
func stringAt(b []byte, off uint64, what string) (string, uint64, error) {
	if off > uint64(len(b)) || uint64(len(b))-off < word {
		return "", 0, fmt.Errorf("%w: %s: no length word at offset %d of %d bytes", ErrABI, what, off, len(b))
	}
	n, err := uint64Word(b[off:off+word], what+"'s length")
	if err != nil {
		return "", 0, err
	}
	rest := uint64(len(b)) - off - word
	if n > rest {
		return "", 0, fmt.Errorf("%w: %s is %d bytes, only %d follow", ErrABI, what, n, rest)
	}
	padded := (n + word - 1) / word * word
	if padded > rest {
		return "", 0, fmt.Errorf("%w: %s's padding runs past the data", ErrABI, what)
	}
	s := b[off+word : off+word+padded]
	for _, c := range s[n:] {
		if c != 0 {
			return "", 0, fmt.Errorf("%w: %s is padded with non-zero bytes", ErrABI, what)
		}
	}
	if !utf8.Valid(s[:n]) {
		return "", 0, fmt.Errorf("%w: %s is not UTF-8", ErrABI, what)
	}
	return string(s[:n]), off + word + padded, nil
}
