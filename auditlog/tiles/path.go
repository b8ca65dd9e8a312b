package tiles

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/tlog"
)

// Geometry of c2sp.org/tlog-tiles: every tile is 8 levels high, so a full
// tile holds 256 hashes, and an entry bundle 256 entries.
const (
	Height = 8
	Width  = 1 << Height
)

// CheckpointPath is where the log's latest checkpoint is served, relative
// to the log's base URL.
const CheckpointPath = "checkpoint"

// maxEntry is the longest entry an entry bundle can carry: its length is
// a big-endian uint16.
const maxEntry = 1<<16 - 1

// maxTileLevel is the highest tile level a tree of at most 2^63 leaves can
// have (tile level L holds the nodes of tree level 8L).
const maxTileLevel = 63 / Height

// Path returns the c2sp.org/tlog-tiles path of t, relative to the log's
// base URL: tile/<L>/<N>[.p/<W>] for a hash tile, tile/entries/<N>[.p/<W>]
// for an entry bundle (t.L == -1, as in golang.org/x/mod/sumdb/tlog). <N>
// is written in groups of three digits, all but the last prefixed with x:
// 1234067 is x001/x234/067. t MUST have height [Height], a level of at
// least -1, an index of at least 0 and a width in [1, [Width]].
func Path(t tlog.Tile) string {
	var b strings.Builder
	b.WriteString("tile/")
	if t.L == -1 {
		b.WriteString("entries")
	} else {
		b.WriteString(strconv.Itoa(t.L))
	}
	var groups []int64
	for n := t.N; ; n /= 1000 {
		groups = append(groups, n%1000)
		if n < 1000 {
			break
		}
	}
	for i := len(groups) - 1; i >= 0; i-- {
		b.WriteByte('/')
		if i > 0 {
			b.WriteByte('x')
		}
		fmt.Fprintf(&b, "%03d", groups[i])
	}
	if t.W != Width {
		fmt.Fprintf(&b, ".p/%d", t.W)
	}
	return b.String()
}

// ParsePath parses a hash tile or entry bundle path (without a leading
// slash) into a tile of height [Height]; an entry bundle has level -1. Only
// the canonical form that [Path] writes is accepted (no leading zeros in a
// level or width, three digits in every group, a partial width below
// [Width], tile levels up to 7); anything else is [ErrMalformedPath].
func ParsePath(p string) (tlog.Tile, error) {
	t, ok := parsePath(p)
	if !ok {
		return tlog.Tile{}, fmt.Errorf("%w: %.100q", ErrMalformedPath, p)
	}
	return t, nil
}

func parsePath(p string) (tlog.Tile, bool) {
	rest, ok := strings.CutPrefix(p, "tile/")
	if !ok {
		return tlog.Tile{}, false
	}
	level, rest, ok := strings.Cut(rest, "/")
	if !ok {
		return tlog.Tile{}, false
	}
	t := tlog.Tile{H: Height, L: -1, W: Width}
	if level != "entries" {
		l, ok := smallInt(level, maxTileLevel)
		if !ok {
			return tlog.Tile{}, false
		}
		t.L = l
	}
	if body, w, ok := strings.Cut(rest, ".p/"); ok {
		ww, ok := smallInt(w, Width-1)
		if !ok || ww == 0 {
			return tlog.Tile{}, false
		}
		t.W, rest = ww, body
	}
	groups := strings.Split(rest, "/")
	if len(groups) > 7 { // 7 groups of 3 digits exceed what an int64 holds
		return tlog.Tile{}, false
	}
	for i, g := range groups {
		if i < len(groups)-1 {
			if g, ok = strings.CutPrefix(g, "x"); !ok {
				return tlog.Tile{}, false
			}
		}
		if len(g) != 3 {
			return tlog.Tile{}, false
		}
		d := 0
		for _, c := range []byte(g) {
			if c < '0' || c > '9' {
				return tlog.Tile{}, false
			}
			d = d*10 + int(c-'0')
		}
		if t.N > (1<<63-1-int64(d))/1000 {
			return tlog.Tile{}, false
		}
		t.N = t.N*1000 + int64(d)
	}
	if Path(t) != p { // one path per tile: x000/..., for one, is refused
		return tlog.Tile{}, false
	}
	return t, true
}

// smallInt parses a canonical decimal (no sign, no leading zero) of at
// most max.
func smallInt(s string, max int) (int, bool) {
	if s == "" || len(s) > 3 || (len(s) > 1 && s[0] == '0') {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n <= max
}
