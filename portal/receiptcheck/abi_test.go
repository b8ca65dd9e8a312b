//go:build !js

package receiptcheck

import (
	"bytes"
	"errors"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	"github.com/glassbox-audit/glassbox/contracts"
)

// The hand-written ABI code against go-ethereum's encoder and the
// contract's ABI (contracts/GlassboxRegistry.abi, through its bindings).

func registryABI(t testing.TB) *abi.ABI {
	t.Helper()
	a, err := contracts.GlassboxRegistryMetaData.ParseABI()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestSelectors(t *testing.T) {
	a := registryABI(t)
	if got, want := topicAnchored, a.Events["Anchored"].ID; got != want {
		t.Errorf("Anchored topic %x, the ABI says %x", got, want)
	}
	for _, c := range []struct {
		name string
		got  [4]byte
		want []byte
	}{
		{"logInfo", selLogInfo, a.Methods["logInfo"].ID},
		{"rootAt", selRootAt, a.Methods["rootAt"].ID},
		{"keyAt", selKeyAt, a.Methods["keyAt"].ID},
		{"anchor", selAnchor, a.Methods["anchor"].ID},
		{"dispute", selDispute, a.Methods["dispute"].ID},
		{"UnknownDispute", errSelUnknownDispute, a.Errors["UnknownDispute"].ID.Bytes()[:4]},
		{"UnknownLog", errSelUnknownLog, a.Errors["UnknownLog"].ID.Bytes()[:4]},
		{"NotAnchored", errSelNotAnchored, a.Errors["NotAnchored"].ID.Bytes()[:4]},
		{"Error(string)", errSelError, abi.NewMethod("Error", "Error", abi.Function, "", false, false, stringArgs(t), nil).ID},
	} {
		if !bytes.Equal(c.got[:], c.want) {
			t.Errorf("%s: selector %x, the ABI says %x", c.name, c.got, c.want)
		}
	}
}

func stringArgs(t testing.TB) abi.Arguments {
	ty, err := abi.NewType("string", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	return abi.Arguments{{Type: ty}}
}

func randBytes32(r *rand.Rand) (b [32]byte) {
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func randAddress(r *rand.Rand) common.Address {
	b := randBytes32(r)
	return common.Address(b[:20])
}

func randSize(r *rand.Rand) uint64 {
	switch r.IntN(3) {
	case 0:
		return uint64(r.IntN(1000))
	case 1:
		return ^uint64(0) - uint64(r.IntN(3))
	}
	return r.Uint64()
}

func TestPackMatchesGoEthereum(t *testing.T) {
	a := registryABI(t)
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		id, root, size := randBytes32(r), randBytes32(r), randSize(r)
		for _, c := range []struct {
			name string
			got  []byte
			args []any
		}{
			{"logInfo", packLogInfo(id), []any{id}},
			{"rootAt", packRootAt(id, size), []any{id, size}},
			{"keyAt", packKeyAt(id, size), []any{id, size}},
			{"anchor", packAnchor(id, size, root), []any{id, size, root}},
		} {
			want, err := a.Pack(c.name, c.args...)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(c.got, want) {
				t.Fatalf("%s%v: packed %x, go-ethereum %x", c.name, c.args, c.got, want)
			}
		}
	}
}

var origins = []string{"", "a", strings.Repeat("x", 31), strings.Repeat("y", 32), strings.Repeat("z", 33),
	"example.org/glassbox/vectors", "bank.example/credit-log/é", strings.Repeat("long origin ", 40)}

func TestUnpackMatchesGoEthereum(t *testing.T) {
	a := registryABI(t)
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 200 {
		root, size := randBytes32(r), randSize(r)
		out, err := a.Methods["rootAt"].Outputs.Pack(root, size)
		if err != nil {
			t.Fatal(err)
		}
		gr, gs, err := unpackRootAt(out)
		if err != nil || gr != root || gs != size {
			t.Fatalf("rootAt %x %d: unpacked %x %d %v", root, size, gr, gs, err)
		}
		from, block := randSize(r), randSize(r)
		type logKey struct {
			PublicKey   [32]byte
			FromSize    uint64
			BlockNumber uint64
		}
		out, err = a.Methods["keyAt"].Outputs.Pack(logKey{root, from, block})
		if err != nil {
			t.Fatal(err)
		}
		gk, gf, err := unpackKeyAt(out)
		if err != nil || gk != root || gf != from {
			t.Fatalf("keyAt %x %d: unpacked %x %d %v", root, from, gk, gf, err)
		}
		if _, _, err := unpackKeyAt(out[:len(out)-1]); !errors.Is(err, ErrABI) {
			t.Fatalf("keyAt, one byte short: %v, want ErrABI", err)
		}
		origin, pub, anch := origins[i%len(origins)], randBytes32(r), randAddress(r)
		out, err = a.Methods["logInfo"].Outputs.Pack(origin, pub, anch, size)
		if err != nil {
			t.Fatal(err)
		}
		l, err := unpackLogInfo(out)
		if err != nil || l.Origin != origin || l.PublicKey != pub || l.Anchorer != anch || l.LatestSize != size {
			t.Fatalf("logInfo %q: unpacked %+v %v", origin, l, err)
		}
	}
}

func TestUnpackRejects(t *testing.T) {
	a := registryABI(t)
	good, err := a.Methods["logInfo"].Outputs.Pack("origin", [32]byte{1}, common.Address{2}, uint64(3))
	if err != nil {
		t.Fatal(err)
	}
	for name, mutate := range map[string]func([]byte) []byte{
		"short":              func(b []byte) []byte { return b[:len(b)-32] },
		"trailing word":      func(b []byte) []byte { return append(b, make([]byte, 32)...) },
		"trailing byte":      func(b []byte) []byte { return append(b, 0) },
		"offset":             func(b []byte) []byte { b[31] = 0xa0; return b },
		"address high bytes": func(b []byte) []byte { b[64] = 1; return b },
		"size over 64 bits":  func(b []byte) []byte { b[96+23] = 1; return b },
		"length":             func(b []byte) []byte { b[159] = 40; return b },
		"padding":            func(b []byte) []byte { b[len(b)-1] = 1; return b },
		"not UTF-8":          func(b []byte) []byte { b[160] = 0xff; return b },
	} {
		if _, err := unpackLogInfo(mutate(bytes.Clone(good))); err == nil {
			t.Errorf("logInfo output with bad %s decoded", name)
		}
	}
	if _, _, err := unpackRootAt(make([]byte, 65)); err == nil {
		t.Error("65-byte rootAt output decoded")
	}
	b := make([]byte, 64)
	b[32] = 1
	if _, _, err := unpackRootAt(b); err == nil {
		t.Error("rootAt block number over 64 bits decoded")
	}
}

func TestDecodeRevert(t *testing.T) {
	a := registryABI(t)
	id := [32]byte{9, 8, 7}
	pack := func(name string, args ...any) []byte {
		e := a.Errors[name]
		b, err := e.Inputs.Pack(args...)
		if err != nil {
			t.Fatal(err)
		}
		return append(e.ID.Bytes()[:4:4], b...)
	}
	if e := decodeRevert(pack("UnknownLog", id)); e.Name != "UnknownLog" || e.LogID != id {
		t.Errorf("UnknownLog: %+v", e)
	}
	if e := decodeRevert(pack("NotAnchored", id, uint64(77))); e.Name != "NotAnchored" || e.LogID != id || e.TreeSize != 77 {
		t.Errorf("NotAnchored: %+v", e)
	}
	if e := decodeRevert(pack("UnknownDispute", new(big.Int).SetUint64(1<<40))); e.Name != "UnknownDispute" || e.DisputeID != 1<<40 {
		t.Errorf("UnknownDispute: %+v", e)
	}
	if e := decodeRevert(pack("UnknownDispute", new(big.Int).Lsh(big.NewInt(1), 64))); e.Name != "" {
		t.Errorf("UnknownDispute of an id over 64 bits: %+v", e)
	}
	reason, err := stringArgs(t).Pack("no such thing")
	if err != nil {
		t.Fatal(err)
	}
	if e := decodeRevert(append(errSelError[:4:4], reason...)); e.Name != "Error" || e.Reason != "no such thing" {
		t.Errorf("Error(string): %+v", e)
	}
	for _, d := range [][]byte{nil, {1, 2}, pack("LogExists", id), pack("UnknownLog", id)[:20]} {
		if e := decodeRevert(d); e.Name != "" || !bytes.Equal(e.Data, d) {
			t.Errorf("revert data %x decoded as %+v", d, e)
		}
	}
}

// FuzzUnpackLogInfo: whatever the hand-written decoder accepts, go-ethereum
// decodes to the same values, and re-encodes to exactly the input (there is
// one encoding it accepts per value).
func FuzzUnpackLogInfo(f *testing.F) {
	a := registryABI(f)
	for _, o := range origins {
		b, err := a.Methods["logInfo"].Outputs.Pack(o, [32]byte{1}, common.Address{2}, uint64(3))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := unpackLogInfo(b)
		if err != nil {
			return
		}
		vals, err := a.Unpack("logInfo", b)
		if err != nil {
			t.Fatalf("accepted %x, go-ethereum: %v", b, err)
		}
		if vals[0].(string) != l.Origin || vals[1].([32]byte) != l.PublicKey || vals[2].(common.Address) != l.Anchorer || vals[3].(uint64) != l.LatestSize {
			t.Fatalf("decoded %+v, go-ethereum %v", l, vals)
		}
		again, err := a.Methods["logInfo"].Outputs.Pack(l.Origin, l.PublicKey, common.Address(l.Anchorer), l.LatestSize)
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("accepted %x, which is not the encoding of its values %x (%v)", b, again, err)
		}
	})
}

// FuzzUnpackRootAt: the same for rootAt.
func FuzzUnpackRootAt(f *testing.F) {
	a := registryABI(f)
	b, err := a.Methods["rootAt"].Outputs.Pack([32]byte{1}, uint64(3))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		root, block, err := unpackRootAt(b)
		if err != nil {
			return
		}
		vals, err := a.Unpack("rootAt", b)
		if err != nil || vals[0].([32]byte) != root || vals[1].(uint64) != block {
			t.Fatalf("decoded %x %d, go-ethereum %v %v", root, block, vals, err)
		}
	})
}

// disputeOut packs a dispute's output with go-ethereum's encoder.
func disputeOut(t testing.TB, a *abi.ABI, d contracts.GlassboxRegistryDispute) []byte {
	t.Helper()
	b, err := a.Methods["dispute"].Outputs.Pack(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var uris = []string{"", "a", strings.Repeat("x", 31), strings.Repeat("y", 32), strings.Repeat("z", 33),
	"sha256:" + strings.Repeat("ab", 32), "https://lender.example/é", strings.Repeat("long uri ", 40)}

func randDispute(r *rand.Rand) contracts.GlassboxRegistryDispute {
	return contracts.GlassboxRegistryDispute{
		LogId: randBytes32(r), LeafIndex: randSize(r), FiledBlock: randSize(r), Status: uint8(1 + r.IntN(3)),
		Filer: randAddress(r), LeafHash: randBytes32(r),
		ReasonURI: uris[r.IntN(len(uris))], ResolutionURI: uris[r.IntN(len(uris))],
	}
}

func TestPackDisputeMatchesGoEthereum(t *testing.T) {
	a := registryABI(t)
	for _, id := range []uint64{0, 1, 258, 1 << 40, ^uint64(0)} {
		want, err := a.Pack("dispute", new(big.Int).SetUint64(id))
		if err != nil {
			t.Fatal(err)
		}
		if got := packDispute(id); !bytes.Equal(got, want) {
			t.Errorf("dispute(%d): %x, go-ethereum %x", id, got, want)
		}
	}
}

func TestUnpackDisputeMatchesGoEthereum(t *testing.T) {
	a := registryABI(t)
	r := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		want := randDispute(r)
		got, err := unpackDispute(disputeOut(t, a, want))
		if err != nil {
			t.Fatalf("%+v: %v", want, err)
		}
		if got.LogID != want.LogId || got.LeafIndex != want.LeafIndex || got.FiledBlock != want.FiledBlock || got.Status != want.Status ||
			got.Filer != [20]byte(want.Filer) || got.LeafHash != want.LeafHash || got.ReasonURI != want.ReasonURI || got.ResolutionURI != want.ResolutionURI {
			t.Fatalf("unpacked %+v\nwant %+v", got, want)
		}
	}
}

func TestUnpackDisputeRejects(t *testing.T) {
	a := registryABI(t)
	good := disputeOut(t, a, contracts.GlassboxRegistryDispute{LogId: [32]byte{1}, LeafIndex: 2, FiledBlock: 3, Status: 1,
		Filer: common.Address{4}, LeafHash: [32]byte{5}, ReasonURI: "reason", ResolutionURI: "ruling"})
	// Layout: tuple offset; 8 head words from byte 32; reasonURI's length
	// at 288, its word at 320; resolutionURI's length at 352, its word at 384.
	for name, mutate := range map[string]func([]byte) []byte{
		"short":                  func(b []byte) []byte { return b[:len(b)-32] },
		"trailing word":          func(b []byte) []byte { return append(b, make([]byte, 32)...) },
		"trailing byte":          func(b []byte) []byte { return append(b, 0) },
		"tuple offset":           func(b []byte) []byte { b[31] = 0x40; return b },
		"leaf index over 64":     func(b []byte) []byte { b[64+23] = 1; return b },
		"status none":            func(b []byte) []byte { b[128+31] = 0; return b },
		"status 4":               func(b []byte) []byte { b[128+31] = 4; return b },
		"status high bytes":      func(b []byte) []byte { b[128] = 1; return b },
		"filer high bytes":       func(b []byte) []byte { b[160] = 1; return b },
		"reason offset":          func(b []byte) []byte { b[224+31] = 0x20; return b },
		"resolution offset":      func(b []byte) []byte { b[256+31] += 32; return b },
		"reason length":          func(b []byte) []byte { b[288+31] = 40; return b },
		"reason length huge":     func(b []byte) []byte { b[288+24] = 0xff; return b },
		"reason padding":         func(b []byte) []byte { b[320+31] = 1; return b },
		"resolution padding":     func(b []byte) []byte { b[len(b)-1] = 1; return b },
		"reason not UTF-8":       func(b []byte) []byte { b[320] = 0xff; return b },
		"resolution not UTF-8":   func(b []byte) []byte { b[384] = 0xc3; return b },
		"resolution length long": func(b []byte) []byte { b[352+31] = 33; return b },
	} {
		if _, err := unpackDispute(mutate(bytes.Clone(good))); err == nil {
			t.Errorf("dispute output with bad %s decoded", name)
		} else if !errors.Is(err, ErrABI) {
			t.Errorf("%s: %v is not ErrABI", name, err)
		}
	}
	if _, err := unpackDispute(good); err != nil {
		t.Fatalf("the good encoding: %v", err)
	}
}

// FuzzUnpackDispute: whatever the hand-written decoder accepts, go-ethereum
// decodes to the same values, and re-encodes to exactly the input.
func FuzzUnpackDispute(f *testing.F) {
	a := registryABI(f)
	r := rand.New(rand.NewPCG(7, 8))
	for range 8 {
		f.Add(disputeOut(f, a, randDispute(r)))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := unpackDispute(b)
		if err != nil {
			return
		}
		vals, err := a.Unpack("dispute", b)
		if err != nil {
			t.Fatalf("accepted %x, go-ethereum: %v", b, err)
		}
		g := *abi.ConvertType(vals[0], new(contracts.GlassboxRegistryDispute)).(*contracts.GlassboxRegistryDispute)
		if g.LogId != d.LogID || g.LeafIndex != d.LeafIndex || g.FiledBlock != d.FiledBlock || g.Status != d.Status ||
			[20]byte(g.Filer) != d.Filer || g.LeafHash != d.LeafHash || g.ReasonURI != d.ReasonURI || g.ResolutionURI != d.ResolutionURI {
			t.Fatalf("decoded %+v, go-ethereum %+v", d, g)
		}
		if again := disputeOut(t, a, g); !bytes.Equal(again, b) {
			t.Fatalf("accepted %x, which is not the encoding of its values %x", b, again)
		}
	})
}
