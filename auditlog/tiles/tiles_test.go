package tiles_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/tiles"
	"github.com/glassbox-audit/glassbox/internal/testkeys"
)

const origin = "example.org/glassbox/tiles-test"

// testLog is a real log on disk with the leaves appended so far and the
// hashes golang.org/x/mod/sumdb/tlog computes from them: the reference.
type testLog struct {
	*auditlog.Log
	leaves [][]byte
	ref    tlogHashes
}

type tlogHashes []tlog.Hash

func (h tlogHashes) ReadHashes(idx []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(idx))
	for i, x := range idx {
		if x >= int64(len(h)) {
			return nil, fmt.Errorf("hash %d not computed", x)
		}
		out[i] = h[x]
	}
	return out, nil
}

func newLog(t testing.TB) *testLog {
	t.Helper()
	s, v := testkeys.New(t, origin)
	l, err := auditlog.Open(filepath.Join(t.TempDir(), "log"), &auditlog.Options{Signer: s, Verifier: v, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return &testLog{Log: l}
}

// grow appends n leaves (of varied lengths, one of them empty-looking but
// never empty) and, when sign, signs a checkpoint of the new size.
func (tl *testLog) grow(t testing.TB, n int, sign bool) {
	t.Helper()
	batch := make([][]byte, n)
	for i := range batch {
		idx := len(tl.leaves) + i
		batch[i] = fmt.Appendf(nil, "leaf %d %s", idx, strings.Repeat("·", idx%7))
		hs, err := tlog.StoredHashes(int64(idx), batch[i], tl.ref)
		if err != nil {
			t.Fatal(err)
		}
		tl.ref = append(tl.ref, hs...)
	}
	if _, err := tl.AppendBatch(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	tl.leaves = append(tl.leaves, batch...)
	if sign {
		if _, err := tl.Checkpoint(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

// want is the reference content of tile t: tlog's tile data for hash
// tiles, the bundle built by hand for entries.
func (tl *testLog) want(t testing.TB, tile tlog.Tile) []byte {
	t.Helper()
	if tile.L == -1 {
		var b []byte
		for i := tile.N * tiles.Width; i < tile.N*tiles.Width+int64(tile.W); i++ {
			leaf := tl.leaves[i]
			b = append(b, byte(len(leaf)>>8), byte(len(leaf)))
			b = append(b, leaf...)
		}
		return b
	}
	data, err := tlog.ReadTileData(tile, tl.ref)
	if err != nil {
		t.Fatalf("tlog.ReadTileData(%v): %v", tile, err)
	}
	return data
}

// allTiles lists every tile of a tree of size, by tlog's arithmetic: the
// tiles that tlog.NewTiles names for the growth from 0 to size, and the
// entry bundles beside the level-0 ones.
func allTiles(size int64) []tlog.Tile {
	ts := tlog.NewTiles(tiles.Height, 0, size)
	for _, t := range ts {
		if t.L == 0 {
			ts = append(ts, tlog.Tile{H: t.H, L: -1, N: t.N, W: t.W})
		}
	}
	return ts
}

func TestPathMatchesTlog(t *testing.T) {
	for _, n := range []int64{0, 1, 999, 1000, 1001, 123456, 1234067, 1 << 40, 1<<63 - 1} {
		for _, l := range []int{-1, 0, 1, 7} {
			for _, w := range []int{1, 17, 255, 256} {
				tile := tlog.Tile{H: tiles.Height, L: l, N: n, W: w}
				// tlog writes tile/8/<L>/... and tile/8/data/... for bundles.
				want := strings.Replace(strings.TrimPrefix(tile.Path(), "tile/8/"), "data/", "entries/", 1)
				want = "tile/" + want
				if got := tiles.Path(tile); got != want {
					t.Fatalf("Path(%+v) = %q, want %q", tile, got, want)
				}
				back, err := tiles.ParsePath(want)
				if err != nil || back != tile {
					t.Fatalf("ParsePath(%q) = %+v, %v; want %+v", want, back, err, tile)
				}
			}
		}
	}
	if got := tiles.Path(tlog.Tile{H: 8, L: 0, N: 1234067, W: 256}); got != "tile/0/x001/x234/067" {
		t.Errorf("spec example: %q", got)
	}
}

func TestParsePathRejects(t *testing.T) {
	for _, p := range []string{
		"", "tile", "tile/", "tile/0", "tile/0/", "tile/0/1", "tile/0/0001", "tile/00/000", "tile/8/000",
		"tile/0/000.p/0", "tile/0/000.p/256", "tile/0/000.p/01", "tile/0/000.p/", "tile/0/x000/001",
		"tile/0/001/002", "tile/0/x001", "tile/-1/000", "tile/+1/000", "tile/data/000", "tile/entries/",
		"tile/entries/000.p/300", "tile/0/000/", "/tile/0/000", "tile/0/x1000/000", "tile/0/x009/x223/x372/x036/x854/x775/808",
		"tile/0/000.p/5.p/4", "tile/0/0a0", "checkpoint/x", "tile/0/x001/x234/067 ",
	} {
		if tile, err := tiles.ParsePath(p); !errors.Is(err, tiles.ErrMalformedPath) {
			t.Errorf("ParsePath(%q) = %+v, %v; want ErrMalformedPath", p, tile, err)
		}
	}
}

// FuzzParsePath: the parser never panics, accepts only what Path writes,
// and agrees with golang.org/x/mod/sumdb/tlog on every path it accepts.
func FuzzParsePath(f *testing.F) {
	for _, s := range []string{"tile/0/000", "tile/entries/x001/234.p/7", "tile/7/x001/x234/067", "tile/0/000.p/255", "tile/1/x000/001", "checkpoint"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		tile, err := tiles.ParsePath(p)
		ref := ""
		if rest, ok := strings.CutPrefix(p, "tile/entries/"); ok {
			ref = "tile/8/data/" + rest
		} else if rest, ok := strings.CutPrefix(p, "tile/"); ok && !strings.HasPrefix(rest, "data/") {
			ref = "tile/8/" + rest
		}
		rt, rerr := tlog.ParseTilePath(ref)
		if err != nil {
			if !errors.Is(err, tiles.ErrMalformedPath) {
				t.Fatalf("ParsePath(%q): %v, not ErrMalformedPath", p, err)
			}
			if rerr == nil && rt.H == 8 && rt.L <= 7 {
				t.Fatalf("ParsePath(%q) refused what tlog reads as %+v: %v", p, rt, err)
			}
			return
		}
		if got := tiles.Path(tile); got != p {
			t.Fatalf("ParsePath(%q) = %+v, which Path writes %q", p, tile, got)
		}
		if rerr != nil || rt != tile {
			t.Fatalf("ParsePath(%q) = %+v, tlog reads %q as %+v, %v", p, tile, ref, rt, rerr)
		}
	})
}

// TestReadMatchesTlog: every tile and bundle of trees that cross tile
// and level boundaries is what tlog computes, and nothing beyond the tree
// is read.
func TestReadMatchesTlog(t *testing.T) {
	ctx := context.Background()
	tl := newLog(t)
	grown := 0
	for _, size := range []int{1, 2, 255, 256, 257, 511, 512, 513, 1000} {
		tl.grow(t, size-grown, false)
		grown = size
		all := allTiles(int64(size))
		have := map[[2]int64]bool{}
		for _, tile := range all {
			have[[2]int64{int64(tile.L), tile.N}] = true
		}
		for _, tile := range all {
			got, err := tiles.Read(ctx, tl.Log, uint64(size), tile)
			if err != nil {
				t.Fatalf("size %d: Read(%s): %v", size, tiles.Path(tile), err)
			}
			if want := tl.want(t, tile); !bytes.Equal(got, want) {
				t.Fatalf("size %d: %s differs from the reference", size, tiles.Path(tile))
			}
			// One more hash or entry than the tree has is not published.
			wider := tile
			if wider.W < tiles.Width {
				wider.W++
			} else if wider.N, wider.W = wider.N+1, 1; have[[2]int64{int64(tile.L), wider.N}] {
				continue
			}
			if _, err := tiles.Read(ctx, tl.Log, uint64(size), wider); !errors.Is(err, tiles.ErrNotPublished) {
				t.Fatalf("size %d: Read(%s) = %v, want ErrNotPublished", size, tiles.Path(wider), err)
			}
		}
	}
	// Every hash tlog needs for a proof comes out of the tiles.
	size := int64(len(tl.leaves))
	th, err := tlog.TreeHash(size, tl.ref)
	if err != nil {
		t.Fatal(err)
	}
	tr := tileReader{ctx: ctx, lg: tl.Log, size: uint64(size)}
	hr := tlog.TileHashReader(tlog.Tree{N: size, Hash: th}, tr)
	for _, i := range []int64{0, 255, 256, 999} {
		p, err := tlog.ProveRecord(size, i, hr)
		if err != nil {
			t.Fatal(err)
		}
		if err := tlog.CheckRecord(p, size, th, i, tlog.RecordHash(tl.leaves[i])); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
	}
}

type tileReader struct {
	ctx  context.Context
	lg   *auditlog.Log
	size uint64
}

func (r tileReader) Height() int { return tiles.Height }
func (r tileReader) ReadTiles(ts []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(ts))
	for i, t := range ts {
		b, err := tiles.Read(r.ctx, r.lg, r.size, t)
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}
func (r tileReader) SaveTiles([]tlog.Tile, [][]byte) {}

func TestReadEntryTooLarge(t *testing.T) {
	tl := newLog(t)
	tl.grow(t, 3, false)
	big := bytes.Repeat([]byte{'x'}, 1<<16)
	if _, err := tl.Append(context.Background(), big); err != nil {
		t.Fatal(err)
	}
	_, err := tiles.Read(context.Background(), tl.Log, 4, tlog.Tile{H: 8, L: -1, N: 0, W: 4})
	var e *tiles.EntryTooLargeError
	if !errors.As(err, &e) || e.Index != 3 || e.Size != 1<<16 || !errors.Is(err, tiles.ErrEntryTooLarge) {
		t.Fatalf("err = %v, want EntryTooLargeError for leaf 3", err)
	}
	// The hash tile of the same leaves is served: only bundles are bounded.
	if _, err := tiles.Read(context.Background(), tl.Log, 4, tlog.Tile{H: 8, L: 0, N: 0, W: 4}); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, h http.Handler, method, path string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, "http://log.example"+path, nil))
	return rec.Result()
}

func body(t *testing.T, r *http.Response) []byte {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHandler(t *testing.T) {
	tl := newLog(t)
	h := tiles.Handler(tl.Log, nil)
	// Before the first checkpoint there is nothing to serve.
	tl.grow(t, 10, false)
	for _, p := range []string{"/checkpoint", "/tile/0/000.p/10", "/tile/entries/000.p/1"} {
		if r := get(t, h, "GET", p); r.StatusCode != http.StatusNotFound {
			t.Errorf("before any checkpoint: GET %s = %d, want 404", p, r.StatusCode)
		}
	}
	tl.grow(t, 290, true)  // checkpoint at 300
	tl.grow(t, 100, false) // 400 leaves, only 300 published

	cp, err := tl.LatestCheckpoint(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r := get(t, h, "GET", "/checkpoint")
	if r.StatusCode != 200 || !bytes.Equal(body(t, r), cp.Note) {
		t.Fatalf("GET /checkpoint = %d, not the signed note", r.StatusCode)
	}
	if ct, cc := r.Header.Get("Content-Type"), r.Header.Get("Cache-Control"); ct != tiles.CheckpointContentType || cc != "public, max-age=10" {
		t.Errorf("checkpoint: Content-Type %q, Cache-Control %q", ct, cc)
	}

	for _, c := range []struct {
		path  string
		code  int
		cache string
		tile  tlog.Tile
	}{
		{"/tile/0/000", 200, tiles.ImmutableCacheControl, tlog.Tile{H: 8, L: 0, N: 0, W: 256}},
		{"/tile/0/001.p/44", 200, "public, max-age=10", tlog.Tile{H: 8, L: 0, N: 1, W: 44}},
		{"/tile/0/001.p/20", 200, "public, max-age=10", tlog.Tile{H: 8, L: 0, N: 1, W: 20}}, // an older, narrower tree
		{"/tile/1/000.p/1", 200, "public, max-age=10", tlog.Tile{H: 8, L: 1, N: 0, W: 1}},
		{"/tile/entries/000", 200, tiles.ImmutableCacheControl, tlog.Tile{H: 8, L: -1, N: 0, W: 256}},
		{"/tile/entries/001.p/44", 200, "public, max-age=10", tlog.Tile{H: 8, L: -1, N: 1, W: 44}},
		{"/tile/0/001.p/45", 404, "no-store", tlog.Tile{}},        // appended, not yet checkpointed
		{"/tile/entries/001.p/144", 404, "no-store", tlog.Tile{}}, // ditto
		{"/tile/0/001", 404, "no-store", tlog.Tile{}},
		{"/tile/1/000.p/2", 404, "no-store", tlog.Tile{}},
		{"/tile/2/000.p/1", 404, "no-store", tlog.Tile{}},
		{"/tile/7/x009/x223/x372/x036/x854/775", 404, "no-store", tlog.Tile{}},
		{"/tile/0/1", 400, "no-store", tlog.Tile{}},
		{"/tile/0/000.p/256", 400, "no-store", tlog.Tile{}},
		{"/tile/8/000", 400, "no-store", tlog.Tile{}},
		{"/", 400, "no-store", tlog.Tile{}},
		{"/checkpoint/", 400, "no-store", tlog.Tile{}},
	} {
		r := get(t, h, "GET", c.path)
		b := body(t, r)
		if r.StatusCode != c.code || r.Header.Get("Cache-Control") != c.cache {
			t.Errorf("GET %s = %d, Cache-Control %q; want %d, %q (%s)", c.path, r.StatusCode, r.Header.Get("Cache-Control"), c.code, c.cache, b)
			continue
		}
		if c.code != 200 {
			continue
		}
		if ct := r.Header.Get("Content-Type"); ct != tiles.TileContentType {
			t.Errorf("GET %s: Content-Type %q", c.path, ct)
		}
		if want := tl.want(t, c.tile); !bytes.Equal(b, want) {
			t.Errorf("GET %s: not the reference tile", c.path)
		}
	}
	if r := get(t, h, "HEAD", "/tile/0/000"); r.StatusCode != 200 || r.Header.Get("Content-Length") != "8192" || len(body(t, r)) != 0 {
		t.Errorf("HEAD: %d, Content-Length %q", r.StatusCode, r.Header.Get("Content-Length"))
	}
	if r := get(t, h, "POST", "/checkpoint"); r.StatusCode != http.StatusMethodNotAllowed || r.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d", r.StatusCode)
	}
	// Once a checkpoint covers them, the new leaves are served.
	if _, err := tl.Checkpoint(context.Background()); err != nil {
		t.Fatal(err)
	}
	if r := get(t, h, "GET", "/tile/0/001.p/144"); r.StatusCode != 200 || !bytes.Equal(body(t, r), tl.want(t, tlog.Tile{H: 8, L: 0, N: 1, W: 144})) {
		t.Errorf("after the checkpoint at 400: GET /tile/0/001.p/144 = %d", r.StatusCode)
	}
	if r := get(t, h, "GET", "/tile/0/001"); r.StatusCode != 404 {
		t.Errorf("after the checkpoint at 400: GET /tile/0/001 = %d, want 404", r.StatusCode)
	}
	tl.Close()
	if r := get(t, h, "GET", "/tile/0/000"); r.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("after Close: %d, want 503", r.StatusCode)
	}
}

// FuzzHandler: no request path makes the handler panic or answer with a
// server error; every 200 is a tile the checkpoint covers.
func FuzzHandler(f *testing.F) {
	for _, s := range []string{"/checkpoint", "/tile/0/000.p/5", "/tile/entries/000.p/5", "/tile/0/x001/000", "/tile/1/000.p/1", "/%zz", "/tile/0/000.p/-1"} {
		f.Add(s)
	}
	tl := newLog(f)
	tl.grow(f, 300, true)
	h := tiles.Handler(tl.Log, nil)
	f.Fuzz(func(t *testing.T, p string) {
		req, err := http.NewRequest("GET", "http://log.example/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Path = p
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("GET %q = %d: %s", p, rec.Code, rec.Body)
		}
		if rec.Code == 200 && p != "/checkpoint" {
			tile, err := tiles.ParsePath(strings.TrimPrefix(p, "/"))
			if err != nil {
				t.Fatalf("GET %q = 200 but it is no tile path", p)
			}
			if want := tl.want(t, tile); !bytes.Equal(rec.Body.Bytes(), want) {
				t.Fatalf("GET %q: not the reference tile", p)
			}
		}
	})
}

// readTree returns every file of dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestExportIncremental: an export is the tree of files the handler
// serves; a later export writes only what changed, keeps older partial
// tiles (or prunes them when asked), and resumes after a crash.
func TestExportIncremental(t *testing.T) {
	ctx := context.Background()
	tl := newLog(t)
	out := filepath.Join(t.TempDir(), "export")
	if _, err := tiles.Export(ctx, tl.Log, out, nil); !errors.Is(err, tiles.ErrNotPublished) {
		t.Fatalf("Export with no checkpoint: %v, want ErrNotPublished", err)
	}
	h := tiles.Handler(tl.Log, nil)
	check := func(size int) map[string][]byte {
		t.Helper()
		files := readTree(t, out)
		for p, b := range files {
			r := get(t, h, "GET", "/"+p)
			if got := body(t, r); r.StatusCode != 200 || !bytes.Equal(got, b) {
				t.Fatalf("size %d: %s in the export is not what the handler serves (%d)", size, p, r.StatusCode)
			}
		}
		for _, tile := range allTiles(int64(size)) {
			if _, ok := files[tiles.Path(tile)]; !ok {
				t.Fatalf("size %d: %s missing from the export", size, tiles.Path(tile))
			}
		}
		return files
	}
	var prev map[string][]byte
	from := 0
	for _, size := range []int{1, 255, 256, 257, 600} {
		tl.grow(t, size-from, true)
		res, err := tiles.Export(ctx, tl.Log, out, nil)
		if err != nil {
			t.Fatalf("Export at %d: %v", size, err)
		}
		want := 0
		for _, tile := range allTiles(int64(size)) {
			if _, ok := prev[tiles.Path(tile)]; !ok {
				want++
			}
		}
		if res.From != uint64(from) || res.Size != uint64(size) || res.Files != want {
			t.Errorf("Export %d->%d = %+v, want from %d, %d files", from, size, res, from, want)
		}
		files := check(size)
		for p, b := range prev { // every file written before is still there, unchanged
			if p != tiles.CheckpointPath && !bytes.Equal(files[p], b) {
				t.Errorf("size %d: %s changed or vanished", size, p)
			}
		}
		prev, from = files, size
	}
	// Nothing new: nothing written.
	if res, err := tiles.Export(ctx, tl.Log, out, nil); err != nil || res.Files != 0 {
		t.Fatalf("Export again: %+v, %v", res, err)
	}

	// A crash after some tiles and before the checkpoint: the checkpoint
	// in the directory is the old one, a tile is missing. The next export
	// completes it.
	old := prev[tiles.CheckpointPath]
	tl.grow(t, 400, true) // 1000
	if _, err := tiles.Export(ctx, tl.Log, out, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, tiles.CheckpointPath), old, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(out, "tile/0/003.p/232")); err != nil {
		t.Fatal(err)
	}
	if res, err := tiles.Export(ctx, tl.Log, out, nil); err != nil || res.From != 600 || res.Size != 1000 {
		t.Fatalf("resumed Export: %+v, %v", res, err)
	}
	check(1000)

	// Pruning: the partial tiles a full tile replaces are removed.
	tl.grow(t, 24, true) // 1024: tile 0/003 and entries/003 are full
	if _, err := tiles.Export(ctx, tl.Log, out, &tiles.ExportOptions{PrunePartials: true}); err != nil {
		t.Fatal(err)
	}
	files := check(1024)
	for p := range files {
		if strings.HasPrefix(p, "tile/0/003.p/") || strings.HasPrefix(p, "tile/entries/003.p/") {
			t.Errorf("%s not pruned", p)
		}
	}
	if _, ok := files["tile/0/002.p/88"]; !ok {
		t.Errorf("tile/0/002.p/88 was pruned, but this export did not write tile/0/002")
	}
	for p := range files {
		if strings.Contains(p, ".tmp-") {
			t.Errorf("temporary file %s left behind", p)
		}
	}
}

// TestExportRefusesAnotherLog: a directory that holds another log's
// export, or a tree this log does not have, is left alone.
func TestExportRefusesAnotherLog(t *testing.T) {
	ctx := context.Background()
	a, b := newLog(t), newLog(t)
	a.grow(t, 300, true)
	b.grow(t, 5, false)
	b.Log.Append(ctx, []byte("another history"))
	if _, err := b.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := tiles.Export(ctx, b.Log, out, nil); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	// Log a has the same origin but other keys: its checkpoint does not
	// verify with b's key.
	_, err := tiles.Export(ctx, a.Log, out, nil)
	var me *tiles.ExportMismatchError
	if !errors.As(err, &me) || !errors.Is(err, tiles.ErrForeignExport) {
		t.Fatalf("Export of another log: %v, want ExportMismatchError", err)
	}
	if !strings.Contains(err.Error(), "does not verify") {
		t.Errorf("error does not say why: %v", err)
	}
	if after := readTree(t, out); len(after) != len(before) {
		t.Errorf("the refused export wrote %d files", len(after)-len(before))
	}
}

// httpTiles reads tiles through a handler, as a client would.
type httpTiles struct {
	t *testing.T
	h http.Handler
}

func (r httpTiles) Height() int { return tiles.Height }
func (r httpTiles) ReadTiles(ts []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(ts))
	for i, tile := range ts {
		resp := get(r.t, r.h, "GET", "/"+tiles.Path(tile))
		if resp.StatusCode != 200 {
			return nil, fmt.Errorf("GET %s: %d", tiles.Path(tile), resp.StatusCode)
		}
		out[i] = body(r.t, resp)
	}
	return out, nil
}
func (r httpTiles) SaveTiles([]tlog.Tile, [][]byte) {}

// TestHandlerWhileGrowing: while the log grows and signs checkpoints, every
// checkpoint a client fetches is served with the tiles of exactly its tree
// (tlog's TileHashReader checks each tile against the signed root), and
// every tile of an earlier checkpoint is still served, the same.
func TestHandlerWhileGrowing(t *testing.T) {
	ctx := context.Background()
	tl := newLog(t)
	tl.grow(t, 1, true)
	h := tiles.Handler(tl.Log, nil)
	done := make(chan error, 1)
	go func() {
		for i := range 40 {
			batch := make([][]byte, 1+i*13)
			for j := range batch {
				batch[j] = fmt.Appendf(nil, "grown %d.%d", i, j)
			}
			if _, err := tl.AppendBatch(ctx, batch); err != nil {
				done <- err
				return
			}
			if i%3 != 2 { // some appends stay unpublished for a while
				if _, err := tl.Checkpoint(ctx); err != nil {
					done <- err
					return
				}
			}
		}
		done <- nil
	}()
	var trees []tlog.Tree
	check := func(tree tlog.Tree) {
		t.Helper()
		hr := tlog.TileHashReader(tree, httpTiles{t, h})
		th, err := tlog.TreeHash(tree.N, hr)
		if err != nil || th != tree.Hash {
			t.Fatalf("tree of %d from the tiles: %s, %v; signed %s", tree.N, th, err, tree.Hash)
		}
		if _, err := tlog.ProveRecord(tree.N, tree.N-1, hr); err != nil {
			t.Fatalf("record %d of %d: %v", tree.N-1, tree.N, err)
		}
	}
	for running := true; running; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			running = false
		default:
		}
		r := get(t, h, "GET", "/checkpoint")
		msg := body(t, r)
		text, _, _ := bytes.Cut(msg, []byte("\n\n"))
		lines := strings.Split(string(text), "\n")
		var tree tlog.Tree
		if _, err := fmt.Sscan(lines[1], &tree.N); err != nil {
			t.Fatalf("checkpoint %q: %v", msg, err)
		}
		root, err := tlog.ParseHash(lines[2])
		if err != nil {
			t.Fatal(err)
		}
		tree.Hash = root
		if len(trees) > 0 && trees[len(trees)-1] == tree {
			continue
		}
		check(tree)
		trees = append(trees, tree)
	}
	for _, tree := range trees { // older checkpoints stay readable
		check(tree)
	}
	if len(trees) < 2 {
		t.Logf("only %d checkpoints seen while growing", len(trees))
	}
}
