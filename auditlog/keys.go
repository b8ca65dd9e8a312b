package auditlog

import "encoding/binary"

// Pebble key layout of the engine. Every key starts with one family byte.
//
//	'M' "format"             -> formatMagic (written once, at creation)
//	'M' "size"               -> u64 tree size
//	'L' u64 index            -> 32-byte leaf hash, then the leaf bytes
//	'H' u8 level, u64 index  -> 32-byte hash of the perfect subtree (levels >= 1)
//	'C' u64 size             -> signed checkpoint note
//	'S' namespace 0x00 key   -> the stores of the layers above ([Log.Store]),
//	                            their idempotency keys included
//
// Integers are big-endian so that keys sort by them.
const (
	famMeta       = 'M'
	famLeaf       = 'L'
	famHash       = 'H'
	famCheckpoint = 'C'
	famStore      = 'S'
)

// formatMagic names the key layout above. Layout v1 kept idempotency keys
// ('D') and a records family ('R') in the engine; v2 keeps every key of a
// layer inside its store namespace.
const formatMagic = "glassbox-auditlog/v2"

var (
	keyFormat = []byte{famMeta, 'f', 'o', 'r', 'm', 'a', 't'}
	keySize   = []byte{famMeta, 's', 'i', 'z', 'e'}
)

func leafKey(i uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte{famLeaf}, i)
}

func hashKey(level uint, i uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte{famHash, byte(level)}, i)
}

func checkpointKey(size uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte{famCheckpoint}, size)
}

func u64bytes(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// PrefixEnd returns the smallest key greater than every key that starts
// with p: the exclusive upper bound of a prefix scan. It returns nil, no
// bound, when p is empty or all 0xff bytes.
func PrefixEnd(p []byte) []byte {
	b := append([]byte(nil), p...)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] != 0xff {
			b[i]++
			return b[:i+1]
		}
	}
	return nil
}
