package auditlog

import "encoding/binary"

// Pebble key layout of the engine. Every key starts with one family byte.
//
//	'M' "format"             -> formatMagic (written once, at creation)
//	'M' "size"               -> u64 tree size
//	'L' u64 index            -> 32-byte leaf hash, then the leaf bytes
//	'H' u8 level, u64 index  -> 32-byte hash of the perfect subtree (levels >= 1)
//	'C' u64 size             -> signed checkpoint note
//	'D' dedup key            -> u64 index (idempotency keys of the records layer)
//	'R' ...                  -> the records layer's own keys (side writes)
//	'S' namespace 0x00 key   -> companion stores ([Log.Store])
//
// Integers are big-endian so that keys sort by them.
const (
	famMeta       = 'M'
	famLeaf       = 'L'
	famHash       = 'H'
	famCheckpoint = 'C'
	famDedup      = 'D'
	famRecords    = 'R'
	famStore      = 'S'
)

const formatMagic = "glassbox-auditlog/v1"

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

func dedupKey(k []byte) []byte { return append([]byte{famDedup}, k...) }

func recordsKey(k []byte) []byte { return append([]byte{famRecords}, k...) }

func u64bytes(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// upperBound returns the smallest key greater than every key with prefix p.
func upperBound(p []byte) []byte {
	b := append([]byte(nil), p...)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] != 0xff {
			b[i]++
			return b[:i+1]
		}
	}
	return nil
}
