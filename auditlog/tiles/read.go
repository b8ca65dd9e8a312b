package tiles

import (
	"context"
	"encoding/binary"
	"fmt"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog"
)

// Read returns the bytes of tile t in the tree of the given size: for a
// hash tile of level L, the t.W hashes of tree level 8L from index
// 256*t.N, concatenated (as [tlog.ReadTileData] defines them); for an
// entry bundle (t.L == -1), the t.W leaves from index 256*t.N, each
// prefixed with its length as a big-endian uint16. size MUST be the size
// of a tree the log has committed, normally that of a signed checkpoint.
// A tile that the tree of size does not cover completely is
// [ErrNotPublished]; a leaf of more than 65,535 bytes is an
// [*EntryTooLargeError].
//
// The entries are the leaf bytes exactly as appended, nothing else: the
// decision layer appends a commitment to a record, never the record, so a
// bundle carries no personal data (see docs/tiles.md).
func Read(ctx context.Context, lg *auditlog.Log, size uint64, t tlog.Tile) ([]byte, error) {
	if !covered(size, t) {
		return nil, fmt.Errorf("%w: %s needs more than the %d leaves of the tree", ErrNotPublished, Path(t), size)
	}
	start := uint64(t.N) * Width
	if t.L == -1 {
		leaves, err := lg.LeafRange(ctx, size, start, t.W)
		if err != nil {
			return nil, err
		}
		n := 0
		for _, leaf := range leaves {
			n += 2 + len(leaf)
		}
		out := make([]byte, 0, n)
		for i, leaf := range leaves {
			if len(leaf) > maxEntry {
				return nil, &EntryTooLargeError{Index: start + uint64(i), Size: len(leaf)}
			}
			out = binary.BigEndian.AppendUint16(out, uint16(len(leaf)))
			out = append(out, leaf...)
		}
		return out, nil
	}
	hashes, err := lg.NodeHashes(ctx, size, uint(t.L*Height), start, t.W)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(hashes)*tlog.HashSize)
	for _, h := range hashes {
		out = append(out, h[:]...)
	}
	return out, nil
}

// covered reports whether every node of tile t is complete in the tree of
// size: the last one, index 256*t.N+t.W-1 at tree level 8*t.L (0 for an
// entry bundle), ends at or before leaf size.
func covered(size uint64, t tlog.Tile) bool {
	if t.H != Height || t.L < -1 || t.L > maxTileLevel || t.N < 0 || t.W < 1 || t.W > Width {
		return false
	}
	level := 0
	if t.L > 0 {
		level = t.L * Height
	}
	nodes := size >> uint(level) // complete nodes at that level
	if nodes < uint64(t.W) {
		return false
	}
	return uint64(t.N) <= (nodes-uint64(t.W))/Width
}
