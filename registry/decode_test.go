package registry_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/glassbox-audit/glassbox/registry"
)

func keccak(s string) []byte { return crypto.Keccak256([]byte(s)) }

// encodeError builds revert data the way Solidity does, from the error's
// signature (not from the generated ABI) so the decoder is checked against
// an independent encoding.
func encodeError(t testing.TB, sig string, types []string, args ...any) []byte {
	t.Helper()
	var in abi.Arguments
	for _, ty := range types {
		typ, err := abi.NewType(ty, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, abi.Argument{Type: typ})
	}
	body, err := in.Pack(args...)
	if err != nil {
		t.Fatal(err)
	}
	return append(keccak(sig)[:4], body...)
}

func TestDecodeRevert(t *testing.T) {
	id := [32]byte{1, 2, 3}
	cases := []struct {
		data     []byte
		name     string
		sentinel error
		args     []any
	}{
		{encodeError(t, "SizeNotGrowing(bytes32,uint64,uint64)", []string{"bytes32", "uint64", "uint64"}, id, uint64(9), uint64(3)),
			"SizeNotGrowing", registry.ErrSizeNotGrowing, []any{id, uint64(9), uint64(3)}},
		{encodeError(t, "VersionExists(string,string)", []string{"string", "string"}, "credit", "1.0"),
			"VersionExists", registry.ErrDuplicateVersion, []any{"credit", "1.0"}},
		{encodeError(t, "EmptyName()", nil), "EmptyName", registry.ErrEmptyName, []any{}},
		{encodeError(t, "DisputeClosed(uint256,uint8)", []string{"uint256", "uint8"}, big.NewInt(4), uint8(2)),
			"DisputeClosed", registry.ErrDisputeClosed, []any{big.NewInt(4), uint8(2)}},
		{encodeError(t, "Error(string)", []string{"string"}, "plain require"), "Error", registry.ErrReverted, []any{"plain require"}},
		{encodeError(t, "Panic(uint256)", []string{"uint256"}, big.NewInt(0x32)), "Panic", registry.ErrReverted, []any{big.NewInt(0x32)}},
		{[]byte{0xde, 0xad, 0xbe, 0xef}, "", registry.ErrReverted, nil},
		{nil, "", registry.ErrReverted, nil},
		// A known selector with a truncated body decodes to no name.
		{encodeError(t, "SizeNotGrowing(bytes32,uint64,uint64)", []string{"bytes32", "uint64", "uint64"}, id, uint64(9), uint64(3))[:40],
			"", registry.ErrReverted, nil},
	}
	for _, tc := range cases {
		ce := registry.DecodeRevert(tc.data)
		if ce.Name != tc.name {
			t.Errorf("%x: name %q; want %q", tc.data, ce.Name, tc.name)
			continue
		}
		if !errors.Is(ce, tc.sentinel) {
			t.Errorf("%s: not errors.Is %v", tc.name, tc.sentinel)
		}
		if tc.args != nil {
			wantArgs(t, ce.Args, tc.args...)
		}
		if ce.Error() == "" {
			t.Errorf("%s: empty message", tc.name)
		}
	}
}

// TestEveryContractErrorHasASentinel keeps the Go sentinels in step with
// the contract: each custom error in the ABI decodes to its own sentinel.
func TestEveryContractErrorHasASentinel(t *testing.T) {
	a := registry.Bindings().GetABI()
	seen := map[error]string{}
	for name, e := range a.Errors {
		args := make([]any, len(e.Inputs))
		for i, in := range e.Inputs {
			switch in.Type.String() {
			case "address":
				args[i] = [20]byte{}
			case "bytes32":
				args[i] = [32]byte{}
			case "uint32":
				args[i] = uint32(0)
			case "uint64":
				args[i] = uint64(0)
			case "uint256":
				args[i] = big.NewInt(0)
			case "uint8":
				args[i] = uint8(0)
			case "string":
				args[i] = ""
			default:
				t.Fatalf("%s: unhandled type %s", name, in.Type)
			}
		}
		body, err := e.Inputs.Pack(args...)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ce := registry.DecodeRevert(append(e.ID[:4:4], body...))
		if ce.Name != name {
			t.Fatalf("%s decoded as %q", name, ce.Name)
		}
		s := errors.Unwrap(ce)
		if s == registry.ErrReverted {
			t.Errorf("contract error %s has no sentinel", name)
		}
		if prev, dup := seen[s]; dup {
			t.Errorf("%s and %s share a sentinel", name, prev)
		}
		seen[s] = name
	}
}

func FuzzDecodeRevert(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0x08, 0xc3, 0x79, 0xa0})
	f.Add(encodeError(f, "SizeNotGrowing(bytes32,uint64,uint64)", []string{"bytes32", "uint64", "uint64"}, [32]byte{}, uint64(1), uint64(1)))
	f.Add(encodeError(f, "VersionExists(string,string)", []string{"string", "string"}, "a", "b"))
	f.Add(encodeError(f, "Error(string)", []string{"string"}, "x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ce := registry.DecodeRevert(data)
		if ce == nil {
			t.Fatal("nil")
		}
		_ = ce.Error()
		if errors.Unwrap(ce) == nil {
			t.Fatal("no sentinel")
		}
		if ce.Name == "" && ce.Args != nil {
			t.Fatal("args without a name")
		}
	})
}

func TestDecodeErrorFromNode(t *testing.T) {
	_, r := newChain(t)
	// A raw call the typed client does not offer: logIdAt past the end.
	_, err := bind.Call(r.Contract(), nil, registry.Bindings().PackLogIdAt(big.NewInt(5)), registry.Bindings().UnpackLogIdAt)
	got := registry.DecodeError(err)
	wantArgs(t, wantRevert(t, got, registry.ErrIndexOutOfRange, "IndexOutOfRange"), big.NewInt(5), big.NewInt(0))
	if registry.DecodeError(nil) != nil {
		t.Fatal("DecodeError(nil) != nil")
	}
	plain := errors.New("connection refused")
	if registry.DecodeError(plain) != plain {
		t.Fatal("an error without revert data was changed")
	}
}
