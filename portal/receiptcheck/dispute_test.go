//go:build !js

package receiptcheck_test

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/glassbox-audit/glassbox/internal/anviltest"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
	"github.com/glassbox-audit/glassbox/registry"
)

// TestReadDisputeSimulated reads disputes with the hand-written reader from
// go-ethereum's simulated backend over HTTP and compares them with what the
// registry client (go-ethereum's ABI decoder) reads.
func TestReadDisputeSimulated(t *testing.T) {
	testReadDispute(t, receiptchecktest.StartSimulated(t))
}

// TestReadDisputeAnvil does the same on anvil; skipped under -short or
// without anvil.
func TestReadDisputeAnvil(t *testing.T) {
	testReadDispute(t, receiptchecktest.OnAnvil(t, anviltest.Start(t, nil)))
}

func testReadDispute(t *testing.T, c *receiptchecktest.Chain) {
	ctx := context.Background()
	const origin = "example.org/glassbox/disputes"
	seed := sha256.Sum256([]byte(origin))
	pub := ed25519.NewKeyFromSeed(seed[:]).Public().(ed25519.PublicKey)
	if _, err := c.Registry.RegisterLog(ctx, c.Auth, origin, pub, c.Auth.From); err != nil {
		t.Fatal(err)
	}
	logID := registry.LogIDFor(origin)
	c.AnchorRoot(t, origin, 10, sha256.Sum256([]byte("root 10")))
	reasons := []string{"sha256:" + strings.Repeat("ab", 32), "https://lender.example/d/é", strings.Repeat("r", 33)}
	var ids []uint64
	for i, reason := range reasons {
		id, _, err := c.Registry.FileDispute(ctx, c.Auth, logID, uint64(7+i), sha256.Sum256([]byte{byte(i)}), reason)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if _, err := c.Registry.ResolveDispute(ctx, c.Auth, ids[1], registry.DisputeUpheld, "https://lender.example/rulings/2"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Registry.ResolveDispute(ctx, c.Auth, ids[2], registry.DisputeRejected, ""); err != nil {
		t.Fatal(err)
	}
	rpc := receiptchecktest.HTTPTransport(c.URL)
	for i, id := range ids {
		got, err := receiptcheck.ReadDispute(ctx, rpc, c.Contract(), id)
		if err != nil {
			t.Fatalf("ReadDispute(%d): %v", id, err)
		}
		want, err := c.Registry.Dispute(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != id || got.Status != want.Status.String() || got.LeafIndex != want.LeafIndex || got.FiledBlock != want.FiledBlock ||
			got.ReasonURI != want.ReasonURI || got.ResolutionURI != want.ResolutionURI ||
			got.LogID != "0x"+hex.EncodeToString(want.LogID[:]) || got.LeafHash != "0x"+hex.EncodeToString(want.LeafHash[:]) ||
			got.Filer != strings.ToLower(want.Filer.Hex()) {
			t.Errorf("dispute %d: ReadDispute %+v\nregistry client %+v", id, got, want)
		}
		if got.ReasonURI != reasons[i] || got.LeafIndex != uint64(7+i) {
			t.Errorf("dispute %d: %+v; filed with reason %q against leaf %d", id, got, reasons[i], 7+i)
		}
	}
	// The JSON the browser gets.
	d, err := receiptcheck.ReadDispute(ctx, rpc, c.Contract(), ids[1])
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]any{"id": float64(ids[1]), "status": "upheld", "leaf_index": float64(8),
		"reason_uri": reasons[1], "resolution_uri": "https://lender.example/rulings/2"} {
		if m[k] != v {
			t.Errorf("JSON %s = %v; want %v (%s)", k, m[k], v, b)
		}
	}
	if fb, ok := m["filed_block"].(float64); !ok || fb == 0 {
		t.Errorf("JSON filed_block = %v (%s)", m["filed_block"], b)
	}

	// No such dispute: the contract's answer, with the id.
	for _, id := range []uint64{0, uint64(len(ids)) + 1} {
		_, err := receiptcheck.ReadDispute(ctx, rpc, c.Contract(), id)
		var re *receiptcheck.RevertError
		if !errors.Is(err, receiptcheck.ErrUnknownDispute) || !errors.As(err, &re) || re.DisputeID != id {
			t.Errorf("ReadDispute(%d): %v; want ErrUnknownDispute naming it", id, err)
		}
	}
	// No contract at the address.
	if _, err := receiptcheck.ReadDispute(ctx, rpc, "0x00000000000000000000000000000000000000b0", 1); !errors.Is(err, receiptcheck.ErrNoContract) {
		t.Errorf("ReadDispute on an empty address: %v; want ErrNoContract", err)
	}
}

func TestReadDisputeRejects(t *testing.T) {
	ctx := context.Background()
	down := receiptcheck.TransportFunc(func(context.Context, []byte) ([]byte, error) { return nil, errors.New("connection refused") })
	const addr = "0x00000000000000000000000000000000000000b0"
	for name, c := range map[string]struct {
		rpc      receiptcheck.Transport
		contract string
		want     error
	}{
		"nil transport": {nil, addr, receiptcheck.ErrOptions},
		"short address": {down, "0x00b0", receiptcheck.ErrOptions},
		"no 0x":         {down, strings.TrimPrefix(addr, "0x"), receiptcheck.ErrOptions},
		"node down":     {down, addr, receiptcheck.ErrUnavailable},
		"not JSON-RPC": {receiptcheck.TransportFunc(func(context.Context, []byte) ([]byte, error) { return []byte("<html>"), nil }),
			addr, receiptcheck.ErrUnavailable},
		"garbage result": {receiptcheck.TransportFunc(func(context.Context, []byte) ([]byte, error) {
			return []byte(`{"jsonrpc":"2.0","id":1,"result":"0x` + strings.Repeat("00", 64) + `"}`), nil
		}), addr, receiptcheck.ErrABI},
	} {
		if _, err := receiptcheck.ReadDispute(ctx, c.rpc, c.contract, 1); !errors.Is(err, c.want) {
			t.Errorf("%s: %v; want %v", name, err, c.want)
		}
	}
}

// TestReadDisputeRequest: the request is eth_call of dispute(id) at the
// latest block.
func TestReadDisputeRequest(t *testing.T) {
	var got string
	rpc := receiptcheck.TransportFunc(func(_ context.Context, req []byte) ([]byte, error) {
		got = string(req)
		return nil, errors.New("stop")
	})
	_, _ = receiptcheck.ReadDispute(context.Background(), rpc, "0x00000000000000000000000000000000000000B0", 258)
	want := `{"jsonrpc":"2.0","id":1,"method":"eth_call","params":[{"data":"0x86d6282c` + strings.Repeat("0", 60) + `0102","to":"0x00000000000000000000000000000000000000b0"},"latest"]}`
	if got != want {
		t.Errorf("request %s\nwant %s", got, want)
	}
}
