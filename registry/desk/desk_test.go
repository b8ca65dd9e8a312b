package desk_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/desk"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// Accounts of the test chain.
const (
	admin    = 0 // deploys the registry: admin and resolver
	anchorer = 1 // the log's anchorer
	deskAcct = 2 // the dispute desk
	outsider = 3 // files disputes of its own
)

// env is a real chain (the simulated backend) with the registry, and a real
// Pebble log of n leaves, anchored at size anchored and registered.
type env struct {
	t      *testing.T
	chain  *simchain.Chain
	dir    string
	signer note.Signer
	log    *auditlog.Log
	logID  registry.LogID
	leaves [][]byte
	desk   *desk.Desk
	store  *auditlog.Store
}

func newEnv(t *testing.T, n, anchored uint64, limit uint32) *env {
	t.Helper()
	ctx := context.Background()
	c, err := simchain.New(ctx, &simchain.Options{Accounts: 4})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	const origin = "example.com/glassbox/desk-test"
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := base64.StdEncoding.DecodeString(strings.SplitN(vkey, "+", 3)[2])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Registry.RegisterLog(ctx, c.TransactOpts(admin), origin, ed25519.PublicKey(raw[1:]), c.Address(anchorer)); err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, chain: c, dir: filepath.Join(t.TempDir(), "log"), signer: signer, logID: registry.LogIDFor(origin)}
	e.open()
	for i := range n {
		leaf := []byte(fmt.Sprintf("decision %d", i))
		if _, err := e.log.Append(ctx, leaf); err != nil {
			t.Fatal(err)
		}
		e.leaves = append(e.leaves, leaf)
	}
	if anchored > 0 {
		root, err := e.log.RootAt(ctx, anchored)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Registry.Anchor(ctx, c.TransactOpts(anchorer), e.logID, anchored, root); err != nil {
			t.Fatal(err)
		}
	}
	if limit != 0 {
		if _, err := c.Registry.SetDisputeLimit(ctx, c.TransactOpts(admin), c.Address(deskAcct), limit); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

// open opens (or reopens) the log and a desk over its store.
func (e *env) open() {
	t := e.t
	l, err := auditlog.Open(e.dir, &auditlog.Options{Signer: e.signer, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	st, err := l.Store(desk.DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}
	d, err := desk.New(e.chain.Registry, e.chain.TransactOpts(deskAcct), e.logID, st)
	if err != nil {
		t.Fatal(err)
	}
	e.log, e.store, e.desk = l, st, d
}

func (e *env) leafHash(i uint64) [32]byte { return verify.LeafHash(e.leaves[i]) }

func (e *env) disputeCount() uint64 {
	e.t.Helper()
	n, err := e.chain.Registry.DisputeCount(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}

// TestFileTextStatus files a dispute through the desk, reads its text back
// from the store checked against the chain, and follows its status until
// the resolver upholds it; the store survives reopening the log.
func TestFileTextStatus(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, 5, 5, 0)
	text := "I repaid the loan in 2024; the debt figure is wrong. Ünïcode ✓"
	id, err := e.desk.File(ctx, 3, e.leafHash(3), text)
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.desk.Text(ctx, id)
	if err != nil || got != text {
		t.Fatalf("Text = %q, %v; want %q", got, err, text)
	}
	st, err := e.desk.Status(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if st.ID != id || st.Status != registry.DisputeOpen || st.LeafIndex != 3 || st.LeafHash != e.leafHash(3) ||
		st.Filer != e.chain.Address(deskAcct) || st.LogID != e.logID || st.ReasonURI != desk.ReasonURI(text) {
		t.Fatalf("Status = %+v", st)
	}
	// The chain holds the commitment, never the text.
	if strings.Contains(st.ReasonURI, "repaid") {
		t.Fatalf("reasonURI %q carries the text", st.ReasonURI)
	}
	if _, err := e.chain.Registry.ResolveDispute(ctx, e.chain.TransactOpts(admin), id, registry.DisputeUpheld, "https://lender.example/rulings/1"); err != nil {
		t.Fatal(err)
	}
	if st, err = e.desk.Status(ctx, id); err != nil || st.Status != registry.DisputeUpheld || st.ResolutionURI != "https://lender.example/rulings/1" {
		t.Fatalf("Status after resolving = %+v, %v", st, err)
	}

	// The text is durable: close the log, reopen it, read it with a new desk.
	if err := e.log.Close(); err != nil {
		t.Fatal(err)
	}
	e.open()
	if got, err := e.desk.Text(ctx, id); err != nil || got != text {
		t.Fatalf("Text after reopening = %q, %v", got, err)
	}
}

// TestFileIdempotent: a form submitted twice files one dispute; a different
// text (or leaf hash) against a leaf with an open dispute is refused with
// the open dispute named; once resolved, the leaf may be disputed again.
func TestFileIdempotent(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, 4, 4, 0)
	text := "The income on file is last year's."
	id, err := e.desk.File(ctx, 1, e.leafHash(1), text)
	if err != nil {
		t.Fatal(err)
	}
	again, err := e.desk.File(ctx, 1, e.leafHash(1), text)
	if err != nil || again != id {
		t.Fatalf("second File = %d, %v; want %d, nil", again, err, id)
	}
	if n := e.disputeCount(); n != 1 {
		t.Fatalf("DisputeCount after a retried filing = %d; want 1", n)
	}
	for _, c := range []struct {
		name string
		hash [32]byte
		text string
	}{
		{"other text", e.leafHash(1), "Another complaint."},
		{"other leaf hash", e.leafHash(2), text},
	} {
		other, err := e.desk.File(ctx, 1, c.hash, c.text)
		var oe *desk.OpenDisputeError
		if !errors.Is(err, desk.ErrAlreadyDisputed) || !errors.As(err, &oe) {
			t.Fatalf("%s: File = %d, %v; want ErrAlreadyDisputed", c.name, other, err)
		}
		if other != id || oe.ID != id || oe.LeafIndex != 1 || oe.ReasonURI != desk.ReasonURI(text) || oe.LeafHash != e.leafHash(1) {
			t.Fatalf("%s: File = %d, %+v; want the open dispute %d", c.name, other, oe, id)
		}
	}
	if n := e.disputeCount(); n != 1 {
		t.Fatalf("DisputeCount = %d; want 1", n)
	}
	// The first text is still the one the dispute commits to.
	if got, err := e.desk.Text(ctx, id); err != nil || got != text {
		t.Fatalf("Text = %q, %v", got, err)
	}
	if _, err := e.chain.Registry.ResolveDispute(ctx, e.chain.TransactOpts(admin), id, registry.DisputeRejected, "https://lender.example/r"); err != nil {
		t.Fatal(err)
	}
	next, err := e.desk.File(ctx, 1, e.leafHash(1), text)
	if err != nil || next == id {
		t.Fatalf("File after resolution = %d, %v; want a new dispute", next, err)
	}
}

// TestFileNotAnchored: a leaf past the latest anchored size is refused with
// registry.ErrLeafNotAnchored, naming the leaf; after the next anchor the
// same call files.
func TestFileNotAnchored(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, 6, 4, 0)
	_, err := e.desk.File(ctx, 4, e.leafHash(4), "Not yet anchored.")
	var ce *registry.ContractError
	if !errors.Is(err, registry.ErrLeafNotAnchored) || !errors.As(err, &ce) || !strings.Contains(err.Error(), "leaf 4") {
		t.Fatalf("File of an unanchored leaf: %v; want ErrLeafNotAnchored naming leaf 4", err)
	}
	if len(ce.Args) != 3 || ce.Args[1] != uint64(4) || ce.Args[2] != uint64(4) {
		t.Fatalf("LeafNotAnchored args %v; want leaf 4, latest size 4", ce.Args)
	}
	root, err := e.log.RootAt(ctx, 6)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.chain.Registry.Anchor(ctx, e.chain.TransactOpts(anchorer), e.logID, 6, root); err != nil {
		t.Fatal(err)
	}
	if _, err := e.desk.File(ctx, 4, e.leafHash(4), "Not yet anchored."); err != nil {
		t.Fatalf("File after the anchor: %v", err)
	}
}

// TestTextRules: empty, non-UTF-8 and over-long texts are refused before
// anything is stored or sent; a text of exactly MaxTextBytes files.
func TestTextRules(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, 2, 2, 0)
	for _, c := range []struct {
		name, text string
		want       error
		msg        string
	}{
		{"empty", "", desk.ErrEmptyText, ""},
		{"bad UTF-8", "ok \xff bad", desk.ErrInvalidUTF8, "byte 3"},
		{"truncated rune", "é"[:1], desk.ErrInvalidUTF8, "byte 0"},
		{"surrogate", "\xed\xa0\x80", desk.ErrInvalidUTF8, "byte 0"},
		{"too long", strings.Repeat("a", desk.MaxTextBytes+1), desk.ErrTextTooLong, "4001 bytes"},
	} {
		_, err := e.desk.File(ctx, 0, e.leafHash(0), c.text)
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: File: %v; want %v mentioning %q", c.name, err, c.want, c.msg)
		}
	}
	if n := e.disputeCount(); n != 0 {
		t.Fatalf("DisputeCount after refused texts = %d", n)
	}
	stored := 0
	if err := e.store.Scan(nil, func(k, v []byte) error { stored++; return nil }); err != nil {
		t.Fatal(err)
	}
	if stored != 0 {
		t.Fatalf("%d texts stored after refused filings", stored)
	}
	longest := strings.Repeat("é", desk.MaxTextBytes/2)
	id, err := e.desk.File(ctx, 0, e.leafHash(0), longest)
	if err != nil {
		t.Fatalf("File of %d bytes: %v", len(longest), err)
	}
	if got, err := e.desk.Text(ctx, id); err != nil || got != longest {
		t.Fatalf("Text of the longest text: %d bytes, %v", len(got), err)
	}
}

// TestDeskPastDefaultLimit: with the limit the admin raised, the desk holds
// more than MaxOpenDisputes open; without it, it stops at MaxOpenDisputes.
func TestDeskPastDefaultLimit(t *testing.T) {
	ctx := context.Background()
	const n = registry.MaxOpenDisputes + 4
	e := newEnv(t, n+1, n+1, 64)
	for i := range uint64(n) {
		if _, err := e.desk.File(ctx, i, e.leafHash(i), fmt.Sprintf("applicant %d disputes this", i)); err != nil {
			t.Fatalf("dispute %d: %v", i, err)
		}
	}
	if open, err := e.chain.Registry.OpenDisputes(ctx, e.chain.Address(deskAcct)); err != nil || open != n {
		t.Fatalf("OpenDisputes = %d, %v; want %d", open, err, n)
	}
	// Back to the default: the desk is over it and is refused.
	if _, err := e.chain.Registry.SetDisputeLimit(ctx, e.chain.TransactOpts(admin), e.chain.Address(deskAcct), 0); err != nil {
		t.Fatal(err)
	}
	_, err := e.desk.File(ctx, n, e.leafHash(n), "one more")
	if !errors.Is(err, registry.ErrTooManyOpenDisputes) {
		t.Fatalf("File past the default limit: %v; want ErrTooManyOpenDisputes", err)
	}
}

// TestTextChecked: Text refuses a stored text that no longer matches the
// on-chain commitment, a dispute whose text the desk never stored, a
// dispute whose reasonURI is no commitment, and disputes of other filers.
func TestTextChecked(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, 4, 4, 0)
	text := "The address is not mine."
	id, err := e.desk.File(ctx, 0, e.leafHash(0), text)
	if err != nil {
		t.Fatal(err)
	}
	// Alter the stored text in place, through the store's own API.
	var key []byte
	if err := e.store.Scan(nil, func(k, v []byte) error { key = append([]byte(nil), k...); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := e.store.Put(key, []byte("The address is mine.")); err != nil {
		t.Fatal(err)
	}
	_, err = e.desk.Text(ctx, id)
	var me *desk.TextMismatchError
	if !errors.Is(err, desk.ErrTextMismatch) || !errors.As(err, &me) {
		t.Fatalf("Text of an altered store: %v; want ErrTextMismatch", err)
	}
	if me.ID != id || me.Committed != desk.Commitment(text) || me.Computed != desk.Commitment("The address is mine.") {
		t.Fatalf("TextMismatchError %+v", me)
	}

	// Filed from the desk's address but not through this desk: no text.
	r, deskOpts := e.chain.Registry, e.chain.TransactOpts(deskAcct)
	bare, _, err := r.FileDispute(ctx, deskOpts, e.logID, 1, e.leafHash(1), desk.ReasonURI("never stored"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.desk.Text(ctx, bare); !errors.Is(err, desk.ErrTextNotFound) {
		t.Fatalf("Text of a dispute without a stored text: %v; want ErrTextNotFound", err)
	}
	plain, _, err := r.FileDispute(ctx, deskOpts, e.logID, 2, e.leafHash(2), "https://lender.example/disputes/7")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.desk.Text(ctx, plain); !errors.Is(err, desk.ErrNotCommitment) {
		t.Fatalf("Text of a dispute with a plain URI: %v; want ErrNotCommitment", err)
	}

	// Another filer's dispute is not the desk's to show.
	foreign, _, err := r.FileDispute(ctx, e.chain.TransactOpts(outsider), e.logID, 0, e.leafHash(0), desk.ReasonURI(text))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.desk.Text(ctx, foreign); !errors.Is(err, desk.ErrForeignDispute) {
		t.Fatalf("Text of another filer's dispute: %v; want ErrForeignDispute", err)
	}
	if _, err := e.desk.Status(ctx, foreign); !errors.Is(err, desk.ErrForeignDispute) {
		t.Fatalf("Status of another filer's dispute: %v; want ErrForeignDispute", err)
	}
	if _, err := e.desk.Status(ctx, 99); !errors.Is(err, registry.ErrUnknownDispute) {
		t.Fatalf("Status of an unknown id: %v; want ErrUnknownDispute", err)
	}
}

func TestNewRejects(t *testing.T) {
	e := newEnv(t, 1, 0, 0)
	opts := e.chain.TransactOpts(deskAcct)
	for name, f := range map[string]func() (*desk.Desk, error){
		"nil client": func() (*desk.Desk, error) { return desk.New(nil, opts, e.logID, e.store) },
		"nil auth":   func() (*desk.Desk, error) { return desk.New(e.chain.Registry, nil, e.logID, e.store) },
		"zero log":   func() (*desk.Desk, error) { return desk.New(e.chain.Registry, opts, registry.LogID{}, e.store) },
		"nil store":  func() (*desk.Desk, error) { return desk.New(e.chain.Registry, opts, e.logID, nil) },
	} {
		if d, err := f(); d != nil || !errors.Is(err, desk.ErrInvalidArgument) {
			t.Errorf("%s: New = %v, %v; want ErrInvalidArgument", name, d, err)
		}
	}
}

// TestCommitment pins the commitment against a plain SHA-256 of the
// domain-separated bytes, written out here rather than taken from the
// package, and checks that it is not the bare SHA-256 of the text.
func TestCommitment(t *testing.T) {
	text := "Mon revenu est mal saisi."
	want := sha256.Sum256(append([]byte("glassbox dispute text v1\x00"), text...))
	if got := desk.Commitment(text); got != want {
		t.Fatalf("Commitment = %x; want %x", got, want)
	}
	if desk.Commitment(text) == sha256.Sum256([]byte(text)) {
		t.Fatal("the commitment is the bare SHA-256 of the text")
	}
	if uri := desk.ReasonURI(text); uri != "sha256:"+hex.EncodeToString(want[:]) {
		t.Fatalf("ReasonURI = %q", uri)
	}
	for _, bad := range []string{
		"", "sha256:", "sha256:" + strings.Repeat("0", 63), "sha256:" + strings.Repeat("0", 65),
		"SHA256:" + strings.Repeat("0", 64), "sha256:" + strings.Repeat("A", 64), "sha256:" + strings.Repeat("g", 64),
		"https://example.com/x", " sha256:" + strings.Repeat("0", 64),
	} {
		if _, err := desk.ParseReasonURI(bad); !errors.Is(err, desk.ErrNotCommitment) {
			t.Errorf("ParseReasonURI(%q): %v; want ErrNotCommitment", bad, err)
		}
	}
}

// FuzzParseReasonURI: the parser never panics, accepts exactly what
// ReasonURI's format allows, and what it accepts re-encodes to the input.
func FuzzParseReasonURI(f *testing.F) {
	f.Add(desk.ReasonURI("x"))
	f.Add("sha256:")
	f.Add("sha256:" + strings.Repeat("F", 64))
	f.Add("ipfs://bafy")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := desk.ParseReasonURI(s)
		if err != nil {
			if !errors.Is(err, desk.ErrNotCommitment) {
				t.Fatalf("error %v is not ErrNotCommitment", err)
			}
			return
		}
		if again := "sha256:" + hex.EncodeToString(c[:]); again != s {
			t.Fatalf("accepted %q, which re-encodes as %q", s, again)
		}
	})
}

// FuzzCheckText compares CheckText with the standard library's rules.
func FuzzCheckText(f *testing.F) {
	f.Add("")
	f.Add("ok")
	f.Add("\xff")
	f.Add("\xed\xa0\x80")
	f.Fuzz(func(t *testing.T, s string) {
		err := desk.CheckText(s)
		valid := s != "" && len(s) <= desk.MaxTextBytes && utf8.ValidString(s)
		if (err == nil) != valid {
			t.Fatalf("CheckText(%q) = %v; valid by the standard library: %v", s, err, valid)
		}
	})
}
