package auditlog

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/internal/testkeys"
)

const engOrigin = "example.org/glassbox/engine-test"

// engKeys makes a fresh Ed25519 note key pair named origin.
func engKeys(t testing.TB, origin string) (note.Signer, note.Verifier) {
	t.Helper()
	return testkeys.New(t, origin)
}

func engOptions(t testing.TB) *Options {
	s, v := engKeys(t, engOrigin)
	return &Options{Signer: s, Verifier: v, CheckpointInterval: -1}
}

func openEng(t testing.TB, dir string, o *Options) *Log {
	t.Helper()
	l, err := Open(dir, o)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return l
}

func leafBytes(i int) []byte { return fmt.Appendf(nil, "leaf %d of the engine test", i) }

// tlogReader serves tlog with hashes computed by tlog itself.
type tlogHashes []tlog.Hash

func (h tlogHashes) ReadHashes(idx []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(idx))
	for i, x := range idx {
		out[i] = h[x]
	}
	return out, nil
}

// TestInteropTlog checks roots, inclusion and consistency proofs against
// golang.org/x/mod/sumdb/tlog, an independent RFC 6962 implementation.
func TestInteropTlog(t *testing.T) {
	ctx := context.Background()
	l := openEng(t, t.TempDir(), engOptions(t))
	defer l.Close()
	const max = 2000
	var stored tlogHashes
	rnd := mrand.New(mrand.NewPCG(1, 2))
	sizes := map[int64]bool{1: true, 2: true, 3: true, 7: true, 8: true, 9: true, max: true}
	for len(sizes) < 40 {
		sizes[1+rnd.Int64N(max)] = true
	}
	for n := int64(0); n < max; n++ {
		leaf := leafBytes(int(n))
		if _, err := l.Append(ctx, leaf); err != nil {
			t.Fatal(err)
		}
		hs, err := tlog.StoredHashes(n, leaf, stored)
		if err != nil {
			t.Fatal(err)
		}
		stored = append(stored, hs...)
		size := n + 1
		if !sizes[size] {
			continue
		}
		want, err := tlog.TreeHash(size, stored)
		if err != nil {
			t.Fatal(err)
		}
		got, err := l.RootAt(ctx, uint64(size))
		if err != nil {
			t.Fatal(err)
		}
		if got != verify.Hash(want) {
			t.Fatalf("size %d: root %s, tlog %x", size, got, want)
		}
		for k := 0; k < 5; k++ {
			i := rnd.Int64N(size)
			p, err := l.InclusionProof(ctx, uint64(i), uint64(size))
			if err != nil {
				t.Fatal(err)
			}
			tp, err := tlog.ProveRecord(size, i, stored)
			if err != nil {
				t.Fatal(err)
			}
			if !sameProof(p, tp) {
				t.Fatalf("inclusion %d in %d differs from tlog", i, size)
			}
			if err := tlog.CheckRecord(tlog.RecordProof(toTlog(p)), size, want, i, tlog.RecordHash(leafBytes(int(i)))); err != nil {
				t.Fatalf("tlog rejects our inclusion proof %d in %d: %v", i, size, err)
			}
			old := 1 + rnd.Int64N(size)
			cp, err := l.ConsistencyProof(ctx, uint64(old), uint64(size))
			if err != nil {
				t.Fatal(err)
			}
			tcp, err := tlog.ProveTree(size, old, stored)
			if err != nil {
				t.Fatal(err)
			}
			if !sameProof(cp, tcp) {
				t.Fatalf("consistency %d->%d differs from tlog", old, size)
			}
			oldRoot, _ := tlog.TreeHash(old, stored)
			if err := tlog.CheckTree(tlog.TreeProof(toTlog(cp)), size, want, old, oldRoot); err != nil {
				t.Fatalf("tlog rejects our consistency proof %d->%d: %v", old, size, err)
			}
		}
	}
}

func toTlog(p []verify.Hash) []tlog.Hash {
	out := make([]tlog.Hash, len(p))
	for i := range p {
		out[i] = tlog.Hash(p[i])
	}
	return out
}

func sameProof(p []verify.Hash, tp []tlog.Hash) bool {
	if len(p) != len(tp) {
		return false
	}
	for i := range p {
		if p[i] != verify.Hash(tp[i]) {
			return false
		}
	}
	return true
}

func TestRFC6962Vectors(t *testing.T) {
	raw, err := os.ReadFile("testdata/rfc6962-roots.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Leaves []string `json:"leaves"`
		Roots  []string `json:"roots"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	// The vectors' first leaf is empty, which the log refuses by design, so
	// the vectors are checked on the hash functions and the recursive
	// definition of RFC 6962 section 2.1, and the log's own roots for the
	// seven non-empty leaves against the same definition.
	var hashes []verify.Hash
	for i, hx := range v.Leaves {
		leaf, _ := hex.DecodeString(hx)
		hashes = append(hashes, verify.LeafHash(leaf))
		want := v.Roots[i+1]
		if got := refRoot(hashes); hex.EncodeToString(got[:]) != want {
			t.Fatalf("root of %d leaves %x, vector %s", i+1, got, want)
		}
	}
	if got := verify.EmptyRoot(); hex.EncodeToString(got[:]) != v.Roots[0] {
		t.Fatalf("empty root %x", got)
	}
	ctx := context.Background()
	l := openEng(t, t.TempDir(), engOptions(t))
	defer l.Close()
	var mine []verify.Hash
	for _, hx := range v.Leaves[1:] {
		leaf, _ := hex.DecodeString(hx)
		if _, err := l.Append(ctx, leaf); err != nil {
			t.Fatal(err)
		}
		mine = append(mine, verify.LeafHash(leaf))
		got, err := l.RootAt(ctx, l.Size())
		if err != nil {
			t.Fatal(err)
		}
		if got != refRoot(mine) {
			t.Fatalf("log root at %d differs from the reference", l.Size())
		}
	}
}

// refRoot is the recursive definition of RFC 6962 section 2.1.
func refRoot(h []verify.Hash) verify.Hash {
	if len(h) == 1 {
		return h[0]
	}
	k := 1
	for k*2 < len(h) {
		k *= 2
	}
	return verify.NodeHash(refRoot(h[:k]), refRoot(h[k:]))
}

func TestReopenAndCheckpoints(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	o := engOptions(t)
	l := openEng(t, dir, o)
	for i := 0; i < 37; i++ {
		if _, err := l.Append(ctx, leafBytes(i)); err != nil {
			t.Fatal(err)
		}
	}
	cp, err := l.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cp.Size != 37 {
		t.Fatalf("checkpoint size %d", cp.Size)
	}
	c, err := verify.OpenCheckpoint(cp.Note, o.Verifier)
	if err != nil {
		t.Fatalf("note.Open rejects our checkpoint: %v", err)
	}
	if c != cp.Checkpoint {
		t.Fatalf("opened %+v, stored %+v", c, cp.Checkpoint)
	}
	if _, err := note.Open(cp.Note, note.VerifierList(o.Verifier)); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); !errors.Is(err, ErrClosed) {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := l.Append(ctx, []byte("x")); !errors.Is(err, ErrClosed) {
		t.Fatalf("Append after Close: %v", err)
	}
	l = openEng(t, dir, o)
	defer l.Close()
	if l.Size() != 37 {
		t.Fatalf("size after reopen %d", l.Size())
	}
	latest, err := l.LatestCheckpoint(ctx)
	if err != nil || latest.Root != cp.Root {
		t.Fatalf("latest checkpoint after reopen: %v %+v", err, latest)
	}
	idx, err := l.Append(ctx, leafBytes(37))
	if err != nil || idx != 37 {
		t.Fatalf("append after reopen: %d %v", idx, err)
	}
	cp2, err := l.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p, err := l.ConsistencyProof(ctx, cp.Size, cp2.Size)
	if err != nil {
		t.Fatal(err)
	}
	if err := verify.VerifyConsistency(cp.Size, cp2.Size, p, cp.Root, cp2.Root); err != nil {
		t.Fatal(err)
	}
	got, err := l.Leaf(ctx, 5)
	if err != nil || !bytes.Equal(got, leafBytes(5)) {
		t.Fatalf("Leaf(5) = %q, %v", got, err)
	}
	if err := l.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestConcurrentAppendsAreDistinct(t *testing.T) {
	ctx := context.Background()
	reg := prometheus.NewRegistry()
	o := engOptions(t)
	o.Registerer = reg
	before := runtime.NumGoroutine()
	l := openEng(t, t.TempDir(), o)
	const writers, each = 16, 50
	var mu sync.Mutex
	got := map[uint64][]byte{}
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				leaf := fmt.Appendf(nil, "w%d-%d", w, i)
				var idx uint64
				var err error
				if i%2 == 0 {
					idx, err = l.Append(ctx, leaf)
				} else {
					idx, err = l.AppendAsync(ctx, leaf)()
				}
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				if _, dup := got[idx]; dup {
					t.Errorf("index %d handed out twice", idx)
				}
				got[idx] = leaf
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if l.Size() != writers*each {
		t.Fatalf("size %d", l.Size())
	}
	for idx, leaf := range got {
		b, err := l.Leaf(ctx, idx)
		if err != nil || !bytes.Equal(b, leaf) {
			t.Fatalf("leaf %d = %q, want %q (%v)", idx, b, leaf, err)
		}
	}
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, mf := range mfs {
		names[mf.GetName()] = true
	}
	for _, n := range []string{"glassbox_auditlog_appends_total", "glassbox_auditlog_commit_batch_entries", "glassbox_auditlog_commit_sync_seconds", "glassbox_auditlog_tree_size", "glassbox_auditlog_checkpoint_age_seconds"} {
		if !names[n] {
			t.Errorf("metric %s not registered", n)
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after Close, %d before Open", n, before)
	}
}

func TestBadInput(t *testing.T) {
	ctx := context.Background()
	o := engOptions(t)
	o.MaxLeafSize = 16
	l := openEng(t, t.TempDir(), o)
	defer l.Close()
	if _, err := l.Append(ctx, nil); !errors.Is(err, ErrEmptyLeaf) {
		t.Errorf("empty leaf: %v", err)
	}
	if _, err := l.Append(ctx, make([]byte, 17)); !errors.Is(err, ErrLeafTooLarge) {
		t.Errorf("oversize leaf: %v", err)
	}
	if _, err := l.AppendBatch(ctx, [][]byte{[]byte("ok"), nil}); !errors.Is(err, ErrEmptyLeaf) || l.Size() != 0 {
		t.Errorf("batch with an empty leaf: %v, size %d", err, l.Size())
	}
	if _, err := l.AppendBatch(ctx, [][]byte{[]byte("a"), []byte("b")}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		err  error
	}{
		{"inclusion index beyond size", func() error { _, err := l.InclusionProof(ctx, 2, 2); return err }()},
		{"inclusion size beyond tree", func() error { _, err := l.InclusionProof(ctx, 0, 3); return err }()},
		{"consistency reversed", func() error { _, err := l.ConsistencyProof(ctx, 2, 1); return err }()},
		{"consistency beyond tree", func() error { _, err := l.ConsistencyProof(ctx, 1, 3); return err }()},
		{"leaf beyond tree", func() error { _, err := l.Leaf(ctx, 2); return err }()},
		{"checkpoint not stored", func() error { _, err := l.CheckpointAt(ctx, 1); return err }()},
	} {
		if c.err == nil || !(errors.Is(c.err, ErrOutOfRange) || errors.Is(c.err, ErrNotFound)) {
			t.Errorf("%s: %v", c.name, c.err)
		}
	}
	if _, err := Open(t.TempDir(), nil); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("nil options: %v", err)
	}
	other := engOptions(t)
	bad := &Options{Signer: o.Signer, Verifier: other.Verifier}
	if _, err := Open(t.TempDir(), bad); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("mismatched verifier: %v", err)
	}
	notLog := t.TempDir()
	os.WriteFile(filepath.Join(notLog, "notes.txt"), []byte("hello"), 0o644)
	if _, err := Open(notLog, engOptions(t)); !errors.Is(err, ErrNotALog) {
		t.Errorf("a directory with other files: %v", err)
	}
	// A Pebble store without our marker.
	plain := t.TempDir()
	db, err := pebble.Open(plain, &pebble.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Set([]byte("k"), []byte("v"), pebble.Sync)
	db.Close()
	if _, err := Open(plain, engOptions(t)); !errors.Is(err, ErrNotALog) {
		t.Errorf("a foreign pebble store: %v", err)
	}
}

// TestTamperDetected flips bytes in a stored leaf, node hash and
// checkpoint, one at a time, and expects CheckIntegrity to name each.
func TestTamperDetected(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		key  []byte
		pos  int // byte to flip; -1: the middle
		kind string
	}{
		{"leaf", leafKey(6), 40, "leaf"},
		{"leaf hash", leafKey(3), 5, "leaf"},
		{"node hash", hashKey(2, 1), -1, "node"},
		{"checkpoint", checkpointKey(10), -1, "checkpoint"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			o := engOptions(t)
			l := openEng(t, dir, o)
			for i := 0; i < 13; i++ {
				if _, err := l.Append(ctx, leafBytes(i)); err != nil {
					t.Fatal(err)
				}
				if i == 9 {
					if _, err := l.Checkpoint(ctx); err != nil {
						t.Fatal(err)
					}
				}
			}
			if err := l.CheckIntegrity(ctx); err != nil {
				t.Fatal(err)
			}
			l.Close()
			db, err := pebble.Open(dir, &pebble.Options{})
			if err != nil {
				t.Fatal(err)
			}
			v, closer, err := db.Get(c.key)
			if err != nil {
				t.Fatal(err)
			}
			tampered := bytes.Clone(v)
			closer.Close()
			pos := c.pos
			if pos < 0 {
				pos = len(tampered) / 2
			}
			tampered[pos] ^= 0x01
			if err := db.Set(c.key, tampered, pebble.Sync); err != nil {
				t.Fatal(err)
			}
			db.Close()
			l, err = Open(dir, o)
			if err != nil {
				// A tampered checkpoint or frontier node is caught on open.
				var ie *IntegrityError
				if !errors.As(err, &ie) && !errors.Is(err, ErrCorrupt) {
					t.Fatalf("open: %v", err)
				}
				return
			}
			defer l.Close()
			err = l.CheckIntegrity(ctx)
			var ie *IntegrityError
			if !errors.As(err, &ie) {
				t.Fatalf("tampering not found: %v", err)
			}
			if ie.Kind != c.kind {
				t.Fatalf("kind %q, want %q: %v", ie.Kind, c.kind, err)
			}
		})
	}
}

// TestReopenWithAnotherKey: a log whose checkpoints were signed by one key
// opens read-only under another key (a copy held without the signing key),
// and not at all under another origin.
func TestReopenWithAnotherKey(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	o := engOptions(t)
	l := openEng(t, dir, o)
	if _, err := l.Append(ctx, []byte("a")); err != nil {
		t.Fatal(err)
	}
	cp, err := l.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	other := engOptions(t) // same origin, another key
	for _, opts := range []*Options{other, {Signer: other.Signer}} {
		ro, err := Open(dir, opts)
		if err != nil {
			t.Fatalf("reopen with another key: %v", err)
		}
		if _, err := ro.Append(ctx, []byte("b")); !errors.Is(err, ErrWrongKey) {
			t.Errorf("append under another key: %v", err)
		}
		got, err := ro.Checkpoint(ctx) // the stored one, not a new signature
		if err != nil || !bytes.Equal(got.Note, cp.Note) {
			t.Errorf("checkpoint under another key: %v", err)
		}
		if _, err := ro.InclusionProof(ctx, 0, 1); err != nil {
			t.Errorf("proof from a read-only log: %v", err)
		}
		ro.Close()
	}
	skey, _, _ := note.GenerateKey(rand.Reader, "example.org/another-origin")
	s, _ := note.NewSigner(skey)
	if _, err := Open(dir, &Options{Signer: s}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("reopen with another origin: %v", err)
	}
	l, err = Open(dir, &Options{Signer: o.Signer}) // the right key, no verifier
	if err != nil {
		t.Fatalf("reopen with the right key: %v", err)
	}
	defer l.Close()
	if _, err := l.Append(ctx, []byte("b")); err != nil {
		t.Fatalf("append with the right key: %v", err)
	}
}
