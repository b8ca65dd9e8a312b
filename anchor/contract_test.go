package anchor

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

func newSimChain(t testing.TB, opts *simchain.Options) *simchain.Chain {
	t.Helper()
	c, err := simchain.New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestLogIDIsSHA256OfOrigin(t *testing.T) {
	origin := "example.com/log\n"
	want := sha256.Sum256([]byte(origin))
	if got := LogIDFor(origin); got != LogID(want) {
		t.Fatalf("LogIDFor = %x, want %x", got, want)
	}
	if got := LogIDFor(origin); [32]byte(got) != registry.LogID(origin) {
		t.Fatalf("LogIDFor and registry.LogID disagree")
	}
	var back LogID
	txt, _ := LogIDFor(origin).MarshalText()
	if err := back.UnmarshalText(txt); err != nil || back != LogIDFor(origin) {
		t.Fatalf("text round trip: %v %x", err, back)
	}
	for _, bad := range []string{"", "0x", "0x1234", "zz", "0x" + string(make([]byte, 64))} {
		if err := back.UnmarshalText([]byte(bad)); err == nil {
			t.Errorf("UnmarshalText(%q) accepted", bad)
		}
	}
}

func TestReaderAgainstContract(t *testing.T) {
	ctx := context.Background()
	c := newSimChain(t, nil)
	r, err := NewReader(c.Client, c.Registry.Address())
	if err != nil {
		t.Fatal(err)
	}
	origin := "reader.test/log"
	id := LogIDFor(origin)

	if _, err := r.LatestAnchor(ctx, id); !errors.Is(err, ErrUnknownLog) || !errors.Is(err, registry.ErrUnknownLog) {
		t.Fatalf("LatestAnchor of unregistered log: %v, want ErrUnknownLog", err)
	}
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	if _, err := c.Registry.RegisterLog(ctx, c.TransactOpts(0), origin, pub, c.Address(1)); err != nil {
		t.Fatal(err)
	}
	info, err := r.LogInfo(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if info.Origin != origin || info.Anchorer != c.Address(1) || string(info.PublicKey[:]) != string(pub) || info.LatestSize != 0 {
		t.Fatalf("LogInfo = %+v", info)
	}
	if _, err := r.RootAt(ctx, id, 5); !errors.Is(err, ErrNotAnchored) {
		t.Fatalf("RootAt(5) before anchoring: %v, want ErrNotAnchored", err)
	}
	root := [32]byte{1, 2, 3}
	rcpt, err := c.Registry.Anchor(ctx, c.TransactOpts(1), [32]byte(id), 5, root)
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.RootAt(ctx, id, 5)
	if err != nil {
		t.Fatal(err)
	}
	if got.Root != root || got.BlockNumber != rcpt.BlockNumber.Uint64() {
		t.Fatalf("RootAt(5) = %+v, want root %x block %d", got, root, rcpt.BlockNumber)
	}
	latest, err := r.LatestAnchor(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if latest.TreeSize != 5 || latest.Root != root {
		t.Fatalf("LatestAnchor = %+v", latest)
	}
	chainID, err := r.ChainID(ctx)
	if err != nil || chainID != c.ChainID.Uint64() {
		t.Fatalf("ChainID = %d, %v; want %d", chainID, err, c.ChainID)
	}

	// A wrong key: estimating an anchor from account 2 decodes NotAnchorer.
	data, err := packAnchor(r.abi, id, 6, root)
	if err != nil {
		t.Fatal(err)
	}
	to := r.Contract()
	_, err = c.Client.EstimateGas(ctx, callMsg(c.Address(2), to, data))
	dec, ok := decodeRevert(err)
	if !ok || !errors.Is(dec, ErrUnauthorized) || !errors.Is(dec, registry.ErrNotAnchorer) {
		t.Fatalf("estimate from a non-anchorer: %v (decoded %v, %v)", err, dec, ok)
	}

	// No contract at the address.
	empty, _ := NewReader(c.Client, common.HexToAddress("0x00000000000000000000000000000000000000aa"))
	if _, err := empty.LatestAnchor(ctx, id); !errors.Is(err, ErrNoContract) {
		t.Fatalf("reader of an empty address: %v, want ErrNoContract", err)
	}
}
