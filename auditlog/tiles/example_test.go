package tiles_test

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/tiles"
)

// A log served as tiles: a client reads the checkpoint and the entry
// bundle, and checks the entries against the signed root with
// golang.org/x/mod/sumdb/tlog alone.
func ExampleHandler() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "tiles-example")
	defer os.RemoveAll(dir)
	skey, vkey, _ := note.GenerateKey(rand.Reader, "example.org/lender/decisions")
	signer, _ := note.NewSigner(skey)
	verifier, _ := note.NewVerifier(vkey)
	lg, err := auditlog.Open(filepath.Join(dir, "store"), &auditlog.Options{Signer: signer, Verifier: verifier})
	if err != nil {
		panic(err)
	}
	defer lg.Close()
	lg.AppendBatch(ctx, [][]byte{[]byte("first"), []byte("second"), []byte("third")})
	lg.Checkpoint(ctx)

	srv := httptest.NewServer(tiles.Handler(lg, nil))
	defer srv.Close()
	fetch := func(path string) []byte {
		resp, err := http.Get(srv.URL + "/" + path)
		if err != nil {
			panic(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		fmt.Printf("GET %s: %d %s\n", path, resp.StatusCode, resp.Header.Get("Cache-Control"))
		return b
	}

	n, err := note.Open(fetch("checkpoint"), note.VerifierList(verifier))
	if err != nil {
		panic(err)
	}
	// The note's text: origin, size, base64 root (c2sp.org/tlog-checkpoint).
	lines := strings.Split(n.Text, "\n")
	var tree tlog.Tree
	tree.N, _ = strconv.ParseInt(lines[1], 10, 64)
	rootBytes, _ := base64.StdEncoding.DecodeString(lines[2])
	copy(tree.Hash[:], rootBytes)
	bundle := fetch(tiles.Path(tlog.Tile{H: tiles.Height, L: -1, N: 0, W: int(tree.N)}))
	hashes := fetch(tiles.Path(tlog.Tile{H: tiles.Height, L: 0, N: 0, W: int(tree.N)}))
	for i := int64(0); len(bundle) > 0; i++ {
		size := int(bundle[0])<<8 | int(bundle[1])
		entry := bundle[2 : 2+size]
		bundle = bundle[2+size:]
		leafHash := tlog.Hash(hashes[32*i : 32*i+32])
		fmt.Printf("entry %d %q hashes to the tile: %v\n", i, entry, tlog.RecordHash(entry) == leafHash)
	}
	// The tree of three: (h0 h1) h2, each node SHA-256(0x01 || left || right).
	h := func(i int) tlog.Hash { return tlog.Hash(hashes[32*i : 32*i+32]) }
	root := tlog.NodeHash(tlog.NodeHash(h(0), h(1)), h(2))
	fmt.Println("root from the tile is the signed root:", root == tree.Hash)
	fetch("tile/0/000.p/4")
	// Output:
	// GET checkpoint: 200 public, max-age=10
	// GET tile/entries/000.p/3: 200 public, max-age=10
	// GET tile/0/000.p/3: 200 public, max-age=10
	// entry 0 "first" hashes to the tile: true
	// entry 1 "second" hashes to the tile: true
	// entry 2 "third" hashes to the tile: true
	// root from the tile is the signed root: true
	// GET tile/0/000.p/4: 404 no-store
}
