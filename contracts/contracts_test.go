package contracts

import (
	"os"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
)

// TestBindingsMatchArtifacts checks that the generated Go bindings embed the
// committed ABI and bytecode (build.sh --check checks that those match the
// Solidity source).
func TestBindingsMatchArtifacts(t *testing.T) {
	bin, err := os.ReadFile("GlassboxRegistry.bin")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimPrefix(GlassboxRegistryMetaData.Bin, "0x"), strings.TrimSpace(string(bin)); got != want {
		t.Fatalf("bindings embed %d hex chars of bytecode, GlassboxRegistry.bin has %d", len(got), len(want))
	}
	f, err := os.Open("GlassboxRegistry.abi")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fromFile, err := abi.JSON(f)
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := GlassboxRegistryMetaData.ParseABI()
	if err != nil {
		t.Fatal(err)
	}
	sigs := func(a *abi.ABI) map[string]bool {
		m := map[string]bool{}
		for _, x := range a.Methods {
			m["function "+x.Sig] = true
		}
		for _, x := range a.Events {
			m["event "+x.Sig] = true
		}
		for _, x := range a.Errors {
			m["error "+x.Sig] = true
		}
		return m
	}
	a, b := sigs(&fromFile), sigs(embedded)
	if len(a) != len(b) {
		t.Fatalf("ABI file has %d entries, bindings %d", len(a), len(b))
	}
	for s := range a {
		if !b[s] {
			t.Errorf("%s is in GlassboxRegistry.abi but not in the bindings", s)
		}
	}
	// The interface the rest of Glassbox relies on.
	for _, s := range []string{
		"function anchor(bytes32,uint64,bytes32)",
		"function anchorMany(bytes32[],uint64[],bytes32[])",
		"function rootAt(bytes32,uint64)",
		"function latestAnchor(bytes32)",
		"function registerLog(bytes32,string,bytes32,address)",
		"function registerModel(string,string,bytes32,(bytes32,bytes32,bytes32,string),string)",
		"event ModelLineage(string,string,string,bytes32,bytes32,bytes32,string)",
		"event Anchored(bytes32,uint64,bytes32)",
		"function retireLog(bytes32,string)",
		"function registerSuccessor(bytes32,bytes32,string,bytes32,address)",
		"function rotateKey(bytes32,bytes32,uint64)",
		"function keyAt(bytes32,uint64)",
		"function keys(bytes32)",
		"function successorOf(bytes32)",
		"function predecessorOf(bytes32)",
		"event Retired(bytes32,uint64,string)",
		"event SuccessorRegistered(bytes32,bytes32)",
		"event KeyRotated(bytes32,bytes32,uint64)",
		"error LogRetired(bytes32)",
		"function fileDispute(bytes32,uint64,bytes32,string)",
		"function dispute(uint256)",
		"function setDisputeLimit(address,uint32)",
		"function disputeLimit(address)",
		"function MAX_DISPUTE_LIMIT()",
		"event DisputeLimitSet(address,uint32)",
		"error DuplicateDispute(bytes32,uint64,address,uint256)",
		"error TooManyOpenDisputes(address,uint256)",
		"error DisputeLimitTooHigh(address,uint32,uint32)",
	} {
		if !a[s] {
			t.Errorf("ABI lacks %s", s)
		}
	}
}
