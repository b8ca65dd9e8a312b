package anchor

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/registry"
)

// Errors of [VerifyLogs] verdicts (besides *RootMismatchError, an anchored
// root the served tree does not hold).
var (
	// ErrNoLogURL: the caller named no URL for a discovered log (the
	// contract holds none), so it was not checked.
	ErrNoLogURL = errors.New("anchor: no URL for this log")
	// ErrBehindAnchor: the served checkpoint is smaller than an anchored
	// size: the log rolled back, or serves an old tree.
	ErrBehindAnchor = errors.New("anchor: the served tree is smaller than an anchored size")
	// ErrServedLog: the log's checkpoint or tiles could not be fetched,
	// are malformed, or do not authenticate to the served checkpoint.
	ErrServedLog = errors.New("anchor: the log's served checkpoint or tiles")
)

// maxServed bounds a served checkpoint or tile.
const maxServed = 1 << 20

// LogsOptions configure [VerifyLogs].
type LogsOptions struct {
	// URLs maps a log's origin to the base URL of its c2sp.org/tlog-tiles
	// (where "/checkpoint" and "/tile/..." are read). The contract holds
	// no URL of a log: a log missing here gets ErrNoLogURL.
	URLs map[string]string
	// Client fetches; nil: http.DefaultClient.
	Client *http.Client
}

// LogVerdict is what [VerifyLogs] found of one discovered log.
type LogVerdict struct {
	Log registry.LogInfo
	URL string // the base URL read ("" when none was given)
	// Checkpoint is the served checkpoint, opened with the key the
	// contract holds for its size (keyAt); zero when it did not open.
	Checkpoint verify.Checkpoint
	// Anchors is how many anchored checkpoints (Anchored events) were
	// found consistent with the served tree; Checked how many were looked at.
	Anchors, Checked int
	// Err is nil when every anchored checkpoint is in the served tree.
	// Otherwise: ErrNoLogURL; ErrServedLog (fetch, format, signature or
	// tile authentication); ErrBehindAnchor; a *RootMismatchError naming
	// the anchored size whose root the served tree does not have (Claimed
	// is the served tree's root at that size); or a chain read's error.
	Err error
}

// OK reports whether the log passed.
func (v *LogVerdict) OK() bool { return v.Err == nil }

// VerifyLogs discovers the logs of lender (its anchoring address) on the
// contract (registry.Client.Discover) and checks each: it fetches the
// log's served checkpoint, opens it with the key the contract holds for its
// size (keyAt), and for every anchored checkpoint of the log (its Anchored
// events, all blocks) checks that the served tree, read from its hash
// tiles (each tile authenticated against the served checkpoint, as
// golang.org/x/mod/sumdb/tlog does), has the anchored root at the anchored
// size: the anchor is consistent with the log's current tree. It returns
// one verdict per discovered log, in registration order; the error is for
// the discovery only. Every log is checked, whatever the others' verdicts.
func VerifyLogs(ctx context.Context, reg *registry.Client, lender common.Address, opts *LogsOptions) ([]LogVerdict, error) {
	var o LogsOptions
	if opts != nil {
		o = *opts
	}
	if o.Client == nil {
		o.Client = http.DefaultClient
	}
	logs, err := reg.Discover(ctx, &lender)
	if err != nil {
		return nil, err
	}
	out := make([]LogVerdict, len(logs))
	for i, l := range logs {
		out[i] = verifyLog(ctx, reg, l, o)
	}
	return out, nil
}

func verifyLog(ctx context.Context, reg *registry.Client, l registry.LogInfo, o LogsOptions) LogVerdict {
	v := LogVerdict{Log: l, URL: strings.TrimSuffix(o.URLs[l.Origin], "/")}
	if v.URL == "" {
		v.Err = fmt.Errorf("%w %s (%s)", ErrNoLogURL, l.Origin, l.ID)
		return v
	}
	f := &tileFetcher{ctx: ctx, c: o.Client, base: v.URL}
	signed, err := f.get("checkpoint")
	if err != nil {
		v.Err = err
		return v
	}
	cp, err := OpenNote(ctx, reg, signed)
	if err != nil {
		v.Err = fmt.Errorf("%w: %s: %w", ErrServedLog, l.Origin, err)
		return v
	}
	if cp.Origin != l.Origin {
		v.Err = fmt.Errorf("%w: %s serves the checkpoint of %q", ErrServedLog, v.URL, cp.Origin)
		return v
	}
	v.Checkpoint = cp
	anchors, err := reg.AnchorEvents(ctx, l.ID, 0, nil)
	if err != nil {
		v.Err = err
		return v
	}
	hr := tlog.TileHashReader(tlog.Tree{N: int64(cp.Size), Hash: tlog.Hash(cp.Root)}, f)
	for _, a := range anchors {
		v.Checked++
		if a.TreeSize > cp.Size {
			v.Err = fmt.Errorf("%w: %s serves size %d, the contract anchored size %d in block %d", ErrBehindAnchor, l.Origin, cp.Size, a.TreeSize, a.BlockNumber)
			return v
		}
		root, err := tlog.TreeHash(int64(a.TreeSize), hr)
		if err != nil {
			if f.err != nil {
				err = f.err
			}
			v.Err = fmt.Errorf("%w: %s: the root at anchored size %d: %w", ErrServedLog, l.Origin, a.TreeSize, err)
			return v
		}
		if [32]byte(root) != a.Root {
			v.Err = &RootMismatchError{LogID: l.ID, TreeSize: a.TreeSize, Claimed: root, ChainRoot: a.Root, Block: a.BlockNumber}
			return v
		}
		v.Anchors++
	}
	return v
}

// tileFetcher is a tlog.TileReader over a c2sp.org/tlog-tiles URL.
type tileFetcher struct {
	ctx  context.Context
	c    *http.Client
	base string
	err  error // the first fetch error, for the verdict
}

func (f *tileFetcher) get(path string) ([]byte, error) {
	req, err := http.NewRequestWithContext(f.ctx, http.MethodGet, f.base+"/"+path, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrServedLog, err)
	}
	resp, err := f.c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrServedLog, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: GET %s: HTTP %d", ErrServedLog, req.URL, resp.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxServed+1))
	if err != nil {
		return nil, fmt.Errorf("%w: GET %s: %w", ErrServedLog, req.URL, err)
	}
	if len(b) > maxServed {
		return nil, fmt.Errorf("%w: GET %s: over %d bytes", ErrServedLog, req.URL, maxServed)
	}
	return b, nil
}

// Height is that of c2sp.org/tlog-tiles: 8.
func (f *tileFetcher) Height() int { return 8 }

// ReadTiles fetches hash tiles. tlog names a tile "tile/8/L/N..."; the
// c2sp.org/tlog-tiles path has no height: "tile/L/N...".
func (f *tileFetcher) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(tiles))
	for i, t := range tiles {
		b, err := f.get("tile/" + strings.TrimPrefix(t.Path(), "tile/8/"))
		if err != nil {
			if f.err == nil {
				f.err = err
			}
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

// SaveTiles keeps nothing: every check reads afresh.
func (f *tileFetcher) SaveTiles([]tlog.Tile, [][]byte) {}
