package registry_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/glassbox-audit/glassbox/registry"
)

func TestLogIDText(t *testing.T) {
	origin := "example.com/log\n"
	id := registry.LogIDFor(origin)
	if id != sha256.Sum256([]byte(origin)) {
		t.Fatalf("LogIDFor = %x, want the SHA-256 of the origin", id)
	}
	b, err := json.Marshal(struct{ ID registry.LogID }{id})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"ID":"` + id.String() + `"}`; string(b) != want || !strings.HasPrefix(id.String(), "0x") || len(id.String()) != 66 {
		t.Fatalf("JSON %s, want %s", b, want)
	}
	var back struct{ ID registry.LogID }
	if err := json.Unmarshal(b, &back); err != nil || back.ID != id {
		t.Fatalf("round trip: %v %s", err, back.ID)
	}
	for _, bad := range []string{"", "0x", "0x1234", "zz", id.String()[2:], id.String() + "00", "0x" + strings.Repeat("g", 64)} {
		var got registry.LogID
		if err := got.UnmarshalText([]byte(bad)); !errors.Is(err, registry.ErrInvalidArgument) {
			t.Errorf("UnmarshalText(%q) = %v, want ErrInvalidArgument", bad, err)
		}
	}
}

// Any text either decodes to the id whose text it is, or is refused with
// ErrInvalidArgument.
func FuzzLogIDUnmarshalText(f *testing.F) {
	f.Add([]byte(registry.LogIDFor("a").String()))
	f.Add([]byte("0x"))
	f.Add([]byte("0X" + strings.Repeat("0", 64)))
	f.Fuzz(func(t *testing.T, b []byte) {
		var id registry.LogID
		if err := id.UnmarshalText(b); err != nil {
			if !errors.Is(err, registry.ErrInvalidArgument) {
				t.Fatalf("error %v does not match ErrInvalidArgument", err)
			}
			return
		}
		if !strings.EqualFold(id.String(), string(b)) {
			t.Fatalf("%q decoded to %s", b, id)
		}
	})
}

// At reads nothing: a missing contract shows on the first call. ChainID
// reads the backend's.
func TestAtAndChainID(t *testing.T) {
	ctx := context.Background()
	c, r := newChain(t)
	if _, err := registry.At(nil, r.Address(), nil); !errors.Is(err, registry.ErrInvalidArgument) {
		t.Fatalf("At(nil backend): %v", err)
	}
	if _, err := registry.At(c.Client, common.Address{}, nil); !errors.Is(err, registry.ErrInvalidArgument) {
		t.Fatalf("At(zero address): %v", err)
	}
	empty, err := registry.At(c.Client, common.Address{0x42}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := empty.LatestAnchor(ctx, registry.LogIDFor("x")); !errors.Is(err, registry.ErrNoContract) {
		t.Fatalf("a call to an address without code: %v, want ErrNoContract", err)
	}
	if _, err := empty.SetResolver(ctx, c.TransactOpts(admin), c.Address(0)); !errors.Is(err, registry.ErrNoContract) {
		t.Fatalf("a transaction to an address without code: %v, want ErrNoContract", err)
	}
	id, err := r.ChainID(ctx)
	if err != nil || id != c.ChainID.Uint64() {
		t.Fatalf("ChainID = %d, %v; want %s", id, err, c.ChainID)
	}
}
