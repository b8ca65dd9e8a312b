package interop

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"filippo.io/torchwood"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
	tessera "github.com/transparency-dev/tessera/client"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/tiles"
	"github.com/glassbox-audit/glassbox/internal/testkeys"
)

const origin = "example.org/glassbox/interop"

// fixture is a real log on disk (Pebble) with two signed checkpoints, an
// older one of size old and the latest of size size, and what the clients
// must find in it.
type fixture struct {
	lg       *auditlog.Log
	verifier note.Verifier
	leaves   [][]byte
	old      auditlog.SignedCheckpoint
	latest   auditlog.SignedCheckpoint
	export   string // static export of the latest checkpoint, made incrementally
}

// newFixture appends size leaves of random lengths in batches, with a
// checkpoint at old (exported then) and one at size (exported after).
func newFixture(t *testing.T, rng *mrand.Rand, size, old int, exportDir string) *fixture {
	t.Helper()
	signer, verifier := testkeys.New(t, origin)
	return newFixtureWith(t, rng, size, old, exportDir, signer, verifier, nil)
}

// newFixtureWith is newFixture with the given keys, and tweak (when not
// nil) changing leaves as they are made.
func newFixtureWith(t *testing.T, rng *mrand.Rand, size, old int, exportDir string, signer note.Signer, verifier note.Verifier, tweak func(i int, leaf []byte) []byte) *fixture {
	t.Helper()
	ctx := context.Background()
	var err error
	lg, err := auditlog.Open(filepath.Join(t.TempDir(), "store"), &auditlog.Options{Signer: signer, Verifier: verifier, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lg.Close() })
	f := &fixture{lg: lg, verifier: verifier, export: exportDir}
	appendTo := func(n int) {
		for len(f.leaves) < n {
			batch := make([][]byte, min(8192, n-len(f.leaves)))
			for i := range batch {
				batch[i] = fmt.Appendf(nil, "decision commitment %d %x", len(f.leaves)+i, rng.Uint64()>>(rng.IntN(64)))
				if tweak != nil {
					batch[i] = tweak(len(f.leaves)+i, batch[i])
				}
			}
			if _, err := lg.AppendBatch(ctx, batch); err != nil {
				t.Fatal(err)
			}
			f.leaves = append(f.leaves, batch...)
		}
	}
	appendTo(old)
	if f.old, err = lg.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := tiles.Export(ctx, lg, exportDir, nil); err != nil {
		t.Fatal(err)
	}
	appendTo(size)
	if f.latest, err = lg.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	res, err := tiles.Export(ctx, lg, exportDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.From != uint64(old) || res.Size != uint64(size) {
		t.Fatalf("incremental export: %+v, want %d -> %d", res, old, size)
	}
	return f
}

// indexes picks the leaves to check in a tree of n: the first, the last,
// the tile edges and a few at random.
func indexes(rng *mrand.Rand, n int) []int64 {
	out := []int64{0, int64(n - 1)}
	for _, e := range []int{255, 256, 257, 65535, 65536} {
		if e < n {
			out = append(out, int64(e))
		}
	}
	for range 6 {
		out = append(out, rng.Int64N(int64(n)))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// client is one independent client's view of a log at a base URL.
type client interface {
	// checkpoint fetches and verifies the log's checkpoint.
	checkpoint(ctx context.Context) (size uint64, root []byte, raw []byte, err error)
	// entry fetches leaf i of the tree of the given checkpoint and
	// verifies its inclusion, returning the entry.
	entry(ctx context.Context, cp []byte, i int64) ([]byte, error)
	// consistent verifies, from tiles, that checkpoint newer extends older.
	consistent(ctx context.Context, older, newer []byte) error
}

// torchwoodClient is filippo.io/torchwood's tlog client.
type torchwoodClient struct {
	base string
	v    note.Verifier
}

func (c torchwoodClient) tree(cp []byte) (tlog.Tree, error) {
	n, err := note.Open(cp, note.VerifierList(c.v))
	if err != nil {
		return tlog.Tree{}, err
	}
	parsed, err := torchwood.ParseCheckpoint(n.Text)
	if err != nil {
		return tlog.Tree{}, err
	}
	if parsed.Origin != origin {
		return tlog.Tree{}, fmt.Errorf("origin %q", parsed.Origin)
	}
	return parsed.Tree, nil
}

func (c torchwoodClient) fetcher() *torchwood.TileFetcher {
	f, err := torchwood.NewTileFetcher(c.base)
	if err != nil {
		panic(err) // never fails: it only stores its options
	}
	return f
}

func (c torchwoodClient) checkpoint(ctx context.Context) (uint64, []byte, []byte, error) {
	raw, err := c.fetcher().ReadEndpoint(ctx, "checkpoint")
	if err != nil {
		return 0, nil, nil, err
	}
	tree, err := c.tree(raw)
	if err != nil {
		return 0, nil, nil, err
	}
	return uint64(tree.N), tree.Hash[:], raw, nil
}

func (c torchwoodClient) entry(ctx context.Context, cp []byte, i int64) ([]byte, error) {
	tree, err := c.tree(cp)
	if err != nil {
		return nil, err
	}
	cl, err := torchwood.NewClient(c.fetcher()) // fresh: no tile cached from before
	if err != nil {
		return nil, err
	}
	e, _, err := cl.Entry(ctx, tree, i)
	return e, err
}

func (c torchwoodClient) consistent(ctx context.Context, older, newer []byte) error {
	t1, err := c.tree(older)
	if err != nil {
		return err
	}
	t2, err := c.tree(newer)
	if err != nil {
		return err
	}
	p, err := tlog.ProveTree(t2.N, t1.N, torchwood.TileHashReaderWithContext(ctx, t2, c.fetcher()))
	if err != nil {
		return err
	}
	return tlog.CheckTree(p, t2.N, t2.Hash, t1.N, t1.Hash)
}

// tesseraClient is the Tessera client (github.com/transparency-dev/tessera/client).
type tesseraClient struct {
	base string
	v    note.Verifier
}

func (c tesseraClient) fetcher() *tessera.HTTPFetcher {
	u, err := url.Parse(c.base)
	if err != nil {
		panic(err)
	}
	f, err := tessera.NewHTTPFetcher(u, http.DefaultClient)
	if err != nil {
		panic(err)
	}
	return f
}

func (c tesseraClient) checkpoint(ctx context.Context) (uint64, []byte, []byte, error) {
	cp, raw, _, err := tessera.FetchCheckpoint(ctx, c.fetcher().ReadCheckpoint, c.v, origin)
	if err != nil {
		return 0, nil, nil, err
	}
	return cp.Size, cp.Hash, raw, nil
}

func (c tesseraClient) entry(ctx context.Context, cpRaw []byte, i int64) ([]byte, error) {
	f := c.fetcher()
	cp, _, _, err := tessera.FetchCheckpoint(ctx, func(context.Context) ([]byte, error) { return cpRaw, nil }, c.v, origin)
	if err != nil {
		return nil, err
	}
	pb, err := tessera.NewProofBuilder(ctx, cp.Size, f.ReadTile)
	if err != nil {
		return nil, err
	}
	p, err := pb.InclusionProof(ctx, uint64(i))
	if err != nil {
		return nil, err
	}
	bundle, err := tessera.GetEntryBundle(ctx, f.ReadEntryBundle, uint64(i)/256, cp.Size)
	if err != nil {
		return nil, err
	}
	if int(i%256) >= len(bundle.Entries) {
		return nil, fmt.Errorf("bundle %d has %d entries", i/256, len(bundle.Entries))
	}
	e := bundle.Entries[i%256]
	if err := proof.VerifyInclusion(rfc6962.DefaultHasher, uint64(i), cp.Size, rfc6962.DefaultHasher.HashLeaf(e), p, cp.Hash); err != nil {
		return nil, err
	}
	return e, nil
}

// consistent uses Tessera's LogStateTracker: it holds older, fetches the
// log's checkpoint and accepts it only with a consistency proof.
func (c tesseraClient) consistent(ctx context.Context, older, newer []byte) error {
	f := c.fetcher()
	lst, err := tessera.NewLogStateTracker(ctx, f.ReadTile, older, c.v, origin,
		tessera.UnilateralConsensus(func(context.Context) ([]byte, error) { return newer, nil }))
	if err != nil {
		return err
	}
	if _, _, _, err := lst.Update(ctx); err != nil {
		return err
	}
	got := lst.Latest()
	if !bytes.Equal(got.Marshal(), noteBody(newer)) {
		return fmt.Errorf("tracker holds %q after the update", got.Marshal())
	}
	return nil
}

func noteBody(msg []byte) []byte {
	body, _, _ := bytes.Cut(msg, []byte("\n\n"))
	return append(body, '\n')
}

// TestClientsVerifyTiles: torchwood's and Tessera's clients read logs of
// sizes that cross tile and level boundaries, from tiles.Handler and from
// an nginx serving a static export, and verify the checkpoint signature,
// inclusion of the first, last, edge and random entries (in the latest
// tree and in an older one), and consistency between the two checkpoints.
func TestClientsVerifyTiles(t *testing.T) {
	seed := mrand.Uint64()
	t.Logf("seed %d", seed)
	rng := mrand.New(mrand.NewPCG(seed, 0))
	sizes := []int{1, 255, 256, 257, 65536, 65537, 2 + rng.IntN(254), 258 + rng.IntN(5000), 65538 + rng.IntN(40000)}
	if testing.Short() {
		sizes = []int{1, 255, 256, 257, 2 + rng.IntN(3000)}
	}
	web := startNginx(t)
	for _, size := range sizes {
		old := 1 + rng.IntN(size)
		if size > 1 && old == size {
			old = size - 1
		}
		t.Run(fmt.Sprintf("size=%d,old=%d", size, old), func(t *testing.T) {
			name := fmt.Sprintf("log-%d", size)
			f := newFixture(t, rng, size, old, filepath.Join(web.root, name))
			srv := httptest.NewServer(tiles.Handler(f.lg, nil))
			defer srv.Close()
			for _, where := range []struct{ name, base string }{{"handler", srv.URL + "/"}, {"nginx", web.base + name + "/"}} {
				for _, cl := range []struct {
					name string
					c    client
				}{{"torchwood", torchwoodClient{where.base, f.verifier}}, {"tessera", tesseraClient{where.base, f.verifier}}} {
					t.Run(where.name+"/"+cl.name, func(t *testing.T) {
						f.check(t, rng, cl.c)
					})
				}
			}
		})
	}
}

func (f *fixture) check(t *testing.T, rng *mrand.Rand, c client) {
	ctx := context.Background()
	size, root, raw, err := c.checkpoint(ctx)
	if err != nil {
		t.Fatalf("checkpoint: %v", err)
	}
	if size != f.latest.Size || !bytes.Equal(root, f.latest.Root[:]) || !bytes.Equal(raw, f.latest.Note) {
		t.Fatalf("checkpoint: size %d root %x, want %d %s", size, root, f.latest.Size, f.latest.Root)
	}
	for _, cp := range []auditlog.SignedCheckpoint{f.latest, f.old} {
		for _, i := range indexes(rng, int(cp.Size)) {
			e, err := c.entry(ctx, cp.Note, i)
			if err != nil {
				t.Fatalf("entry %d of tree %d: %v", i, cp.Size, err)
			}
			if !bytes.Equal(e, f.leaves[i]) {
				t.Fatalf("entry %d = %q, want %q", i, e, f.leaves[i])
			}
		}
	}
	if err := c.consistent(ctx, f.old.Note, f.latest.Note); err != nil {
		t.Fatalf("consistency %d -> %d: %v", f.old.Size, f.latest.Size, err)
	}
	// A checkpoint signed by another key is refused.
	skey, _, _ := note.GenerateKey(rand.Reader, origin)
	other, _ := note.NewSigner(skey)
	forged, err := note.Sign(&note.Note{Text: string(noteBody(f.latest.Note))}, other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.entry(ctx, forged, 0); err == nil {
		t.Fatalf("a checkpoint signed by another key was accepted")
	}
}

// TestClientsDetectTampering: one byte changed in a tile, on disk behind
// nginx or on the wire from the handler, makes both clients fail: in the
// entry bundle (the entry no longer hashes into the tree), in a hash tile
// (the proof or the tile's own hash check breaks), and a checkpoint
// consistency check against a tree with a changed leaf fails.
func TestClientsDetectTampering(t *testing.T) {
	rng := mrand.New(mrand.NewPCG(1, 2))
	web := startNginx(t)
	const size, old = 700, 300
	f := newFixture(t, rng, size, old, filepath.Join(web.root, "log"))
	// The tampered files: the bundle and hash tile of leaf 600 (tile 2,
	// 188 wide in the tree of 700), and leaf 601's hash, its sibling.
	const i = 600
	bundle := tiles.Path(tlog.Tile{H: 8, L: -1, N: 2, W: 188})
	hashTile := tiles.Path(tlog.Tile{H: 8, L: 0, N: 2, W: 188})
	cases := []struct {
		name, path string
		offset     func(data []byte) int
	}{
		{"entry-bundle", bundle, func(data []byte) int { // a byte of leaf 600's entry
			off := 0
			for range i - 512 {
				off += 2 + (int(data[off])<<8 | int(data[off+1]))
			}
			return off + 2 + 5
		}},
		{"hash-tile", hashTile, func([]byte) int { return (i + 1 - 512) * 32 }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// On the wire: a proxy in front of the handler flips the byte.
			h := tiles.Handler(f.lg, nil)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, r)
				b := rec.Body.Bytes()
				if strings.TrimPrefix(r.URL.Path, "/") == tc.path {
					b[tc.offset(b)] ^= 0x01
				}
				for k, v := range rec.Header() {
					w.Header()[k] = v
				}
				w.WriteHeader(rec.Code)
				w.Write(b)
			}))
			defer srv.Close()
			// On disk: the exported file served by nginx.
			name := filepath.Join(f.export, filepath.FromSlash(tc.path))
			orig, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			bad := bytes.Clone(orig)
			bad[tc.offset(bad)] ^= 0x01
			if err := os.WriteFile(name, bad, 0o644); err != nil {
				t.Fatal(err)
			}
			defer os.WriteFile(name, orig, 0o644)

			for _, base := range []string{srv.URL + "/", web.base + "log/"} {
				for _, c := range []client{torchwoodClient{base, f.verifier}, tesseraClient{base, f.verifier}} {
					e, err := c.entry(context.Background(), f.latest.Note, i)
					if err == nil {
						t.Errorf("%T at %s: entry %d read as %q from a tampered %s", c, base, i, e, tc.path)
					}
					// The untouched tree of 300 still verifies: the failure is the tampering's.
					if _, err := c.entry(context.Background(), f.old.Note, 100); err != nil {
						t.Errorf("%T at %s: entry 100 of the old tree: %v", c, base, err)
					}
				}
			}
		})
	}
	// A fork: the same key signs a tree in which leaf 5 differs (a split
	// view, as a lender hiding a decision from one reader would show). A
	// client that holds the log's checkpoint of 300 and reads the fork's
	// tiles and checkpoint refuses the fork: no consistency proof holds.
	t.Run("fork", func(t *testing.T) {
		ctx := context.Background()
		signer, verifier := testkeys.New(t, origin)
		f := newFixtureWith(t, mrand.New(mrand.NewPCG(3, 4)), size, old, filepath.Join(web.root, "honest"), signer, verifier, nil)
		f.lg.Close() // one writer per key at a time
		fork := newFixtureWith(t, mrand.New(mrand.NewPCG(3, 4)), size, old, filepath.Join(web.root, "fork"), signer, verifier,
			func(i int, leaf []byte) []byte {
				if i == 5 {
					return []byte("a decision told differently")
				}
				return leaf
			})
		if f.old.Root == fork.old.Root || f.latest.Root == fork.latest.Root {
			t.Fatal("the fork has the honest log's roots")
		}
		srv := httptest.NewServer(tiles.Handler(fork.lg, nil))
		defer srv.Close()
		for _, base := range []string{srv.URL + "/", web.base + "fork/"} {
			for _, c := range []client{torchwoodClient{base, verifier}, tesseraClient{base, verifier}} {
				if err := c.consistent(ctx, f.old.Note, fork.latest.Note); err == nil {
					t.Errorf("%T at %s: the fork was proved consistent with the log's checkpoint", c, base)
				}
				// The fork is consistent with itself: the failure is the fork's.
				if err := c.consistent(ctx, fork.old.Note, fork.latest.Note); err != nil {
					t.Errorf("%T at %s: the fork's own checkpoints: %v", c, base, err)
				}
			}
		}
	})
}

// TestPrunedExport: an export made with PrunePartials has no partial tile
// that a full one replaced, and the Tessera client, which falls back to the
// full tile, still verifies entries of the older tree and the consistency
// of the two; torchwood's client verifies the latest tree.
func TestPrunedExport(t *testing.T) {
	ctx := context.Background()
	web := startNginx(t)
	signer, verifier := testkeys.New(t, origin)
	lg, err := auditlog.Open(filepath.Join(t.TempDir(), "store"), &auditlog.Options{Signer: signer, Verifier: verifier, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	out := filepath.Join(web.root, "pruned")
	var leaves [][]byte
	var cps []auditlog.SignedCheckpoint
	for _, n := range []int{300, 600} {
		batch := make([][]byte, n-len(leaves))
		for i := range batch {
			batch[i] = fmt.Appendf(nil, "pruned %d", len(leaves)+i)
		}
		if _, err := lg.AppendBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
		leaves = append(leaves, batch...)
		cp, err := lg.Checkpoint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		cps = append(cps, cp)
		if _, err := tiles.Export(ctx, lg, out, &tiles.ExportOptions{PrunePartials: true}); err != nil {
			t.Fatal(err)
		}
	}
	for _, gone := range []string{"tile/0/001.p", "tile/entries/001.p"} {
		if _, err := os.Stat(filepath.Join(out, gone)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s still there: %v", gone, err)
		}
	}
	base := web.base + "pruned/"
	tc := tesseraClient{base, verifier}
	for _, i := range []int64{0, 256, 299} {
		e, err := tc.entry(ctx, cps[0].Note, i)
		if err != nil || !bytes.Equal(e, leaves[i]) {
			t.Errorf("tessera, entry %d of the tree of 300 from full tiles: %q, %v", i, e, err)
		}
	}
	if err := tc.consistent(ctx, cps[0].Note, cps[1].Note); err != nil {
		t.Errorf("tessera, consistency 300 -> 600: %v", err)
	}
	tw := torchwoodClient{base, verifier}
	for _, i := range []int64{0, 299, 599} {
		e, err := tw.entry(ctx, cps[1].Note, i)
		if err != nil || !bytes.Equal(e, leaves[i]) {
			t.Errorf("torchwood, entry %d of the tree of 600: %q, %v", i, e, err)
		}
	}
	if err := tw.consistent(ctx, cps[0].Note, cps[1].Note); err != nil {
		t.Errorf("torchwood, consistency 300 -> 600: %v", err)
	}
}
