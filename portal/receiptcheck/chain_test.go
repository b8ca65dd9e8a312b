//go:build !js

package receiptcheck_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/internal/anviltest"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck/receiptchecktest"
	"github.com/glassbox-audit/glassbox/registry"
)

// TestChainSimulated runs the chain cases against go-ethereum's simulated
// backend, served over HTTP.
func TestChainSimulated(t *testing.T) {
	testChain(t, receiptchecktest.StartSimulated(t))
}

// TestChainAnvil runs them against anvil (another node, another way of
// reporting reverts); skipped under -short or without anvil.
func TestChainAnvil(t *testing.T) {
	testChain(t, receiptchecktest.OnAnvil(t, anviltest.Start(t, nil)))
}

func caseText(t *testing.T, vf receiptchecktest.Vectors, name string) string {
	t.Helper()
	for _, c := range vf.Cases {
		if c.Name == name {
			return c.Receipt
		}
	}
	t.Fatalf("no vector %q", name)
	return ""
}

// editAnchor changes a receipt's anchor and re-encodes it.
func editAnchor(t *testing.T, text string, edit func(*receipt.Anchor)) string {
	t.Helper()
	r, err := receipt.Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	edit(r.Anchor)
	b, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// goChainVerdict is what package anchor's VerifyReceipt (`glassbox verify
// --rpc`) says of the receipt on this chain and contract.
func goChainVerdict(t *testing.T, url, contract, text string) error {
	t.Helper()
	c, err := ethclient.Dial(url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	reader, err := registry.At(c, common.HexToAddress(contract), nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := receipt.Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	_, err = anchor.VerifyReceipt(context.Background(), r, reader)
	return err
}

func testChain(t *testing.T, c *receiptchecktest.Chain) {
	vf := receiptchecktest.ReadVectors(t)
	origin := strings.SplitN(vf.LogKey, "+", 2)[0]
	c.RegisterLog(t, vf.LogKey)
	valid := c.AnchorReceipt(t, caseText(t, vf, "valid"))
	later := c.AnchorReceipt(t, caseText(t, vf, "valid-anchored-later"))
	notAnchoredYet := caseText(t, vf, "valid")

	// Registries on the same node that contradict the receipt: another
	// root at the same size, no such log, the log but no root.
	forked := c.Redeploy(t)
	forked.RegisterLog(t, vf.LogKey)
	forked.AnchorRoot(t, origin, 5, [32]byte{0xba, 0xd})
	unregistered := c.Redeploy(t)
	unanchored := c.Redeploy(t)
	unanchored.RegisterLog(t, vf.LogKey)
	on := func(other *receiptchecktest.Chain, text string) string {
		return editAnchor(t, text, func(a *receipt.Anchor) { a.Contract = other.Registry.Address() })
	}
	nobody := "0x00000000000000000000000000000000000000b0"
	_, sameNameKey, err := note.GenerateKey(nil, origin)
	if err != nil {
		t.Fatal(err)
	}
	live := receiptchecktest.HTTPTransport(c.URL)
	dead := receiptchecktest.HTTPTransport("http://127.0.0.1:1") // port 1: nothing listens

	type stepWant struct {
		check  receipt.Check
		status receiptcheck.Status
	}
	for _, tc := range []struct {
		name     string
		text     string
		contract string // default: c's
		logKey   string
		down     bool // read through a transport to nothing
		verdict  receiptcheck.Verdict
		failed   receipt.Check
		steps    []stepWant // some steps' statuses
	}{
		{name: "valid", text: valid, verdict: receiptcheck.Valid,
			steps: []stepWant{{receiptcheck.CheckKey, receiptcheck.Passed}, {receiptcheck.CheckChain, receiptcheck.Passed}, {receiptcheck.CheckBlock, receiptcheck.Passed}}},
		{name: "valid with the key given", text: valid, logKey: vf.LogKey, verdict: receiptcheck.Valid},
		{name: "anchored later", text: later, verdict: receiptcheck.Valid,
			steps: []stepWant{{receipt.CheckAnchor, receiptcheck.Passed}, {receiptcheck.CheckBlock, receiptcheck.Passed}}},
		{name: "no anchor", text: notAnchoredYet, verdict: receiptcheck.Partial,
			steps: []stepWant{{receiptcheck.CheckKey, receiptcheck.Passed}, {receipt.CheckInclusion, receiptcheck.Passed}, {receiptcheck.CheckChain, receiptcheck.NotChecked}}},
		{name: "another key given", text: valid, logKey: sameNameKey, verdict: receiptcheck.Invalid, failed: receiptcheck.CheckKey},
		{name: "another root on chain", text: on(forked, valid), contract: forked.Contract(), verdict: receiptcheck.Invalid, failed: receiptcheck.CheckChain},
		{name: "log not registered", text: on(unregistered, valid), contract: unregistered.Contract(), verdict: receiptcheck.Invalid, failed: receiptcheck.CheckKey},
		{name: "size not anchored", text: on(unanchored, valid), contract: unanchored.Contract(), verdict: receiptcheck.Invalid, failed: receiptcheck.CheckChain},
		{name: "no contract there", text: editAnchor(t, valid, func(a *receipt.Anchor) { a.Contract = [20]byte(common.HexToAddress(nobody)) }),
			contract: nobody, verdict: receiptcheck.Invalid, failed: receiptcheck.CheckKey},
		{name: "another contract checked", text: valid, contract: forked.Contract(), verdict: receiptcheck.Invalid, failed: receiptcheck.CheckChain},
		{name: "another chain id", text: editAnchor(t, valid, func(a *receipt.Anchor) { a.ChainID++ }), verdict: receiptcheck.Invalid, failed: receiptcheck.CheckChain},
		{name: "another log id", text: editAnchor(t, valid, func(a *receipt.Anchor) { a.LogID[0] ^= 1 }), verdict: receiptcheck.Invalid, failed: receiptcheck.CheckChain},
		{name: "another block hash", text: editAnchor(t, valid, func(a *receipt.Anchor) { a.BlockHash[0] ^= 1 }), verdict: receiptcheck.Invalid, failed: receiptcheck.CheckBlock},
		{name: "a transaction not in the block", text: editAnchor(t, valid, func(a *receipt.Anchor) { a.TxHash[0] ^= 1 }), verdict: receiptcheck.Invalid, failed: receiptcheck.CheckBlock},
		// The contract's block for the size is not the receipt's: as for
		// anchor.VerifyReceipt, a re-anchoring after a reorg; the root
		// is what counts.
		{name: "another block number", text: editAnchor(t, valid, func(a *receipt.Anchor) { a.BlockNumber++ }), verdict: receiptcheck.Valid,
			steps: []stepWant{{receiptcheck.CheckChain, receiptcheck.Passed}, {receiptcheck.CheckBlock, receiptcheck.Skipped}}},
		{name: "chain unreachable, key given", text: valid, logKey: vf.LogKey, down: true, verdict: receiptcheck.Partial,
			steps: []stepWant{{receiptcheck.CheckKey, receiptcheck.NotChecked}, {receipt.CheckSignature, receiptcheck.Passed},
				{receipt.CheckAnchor, receiptcheck.Passed}, {receiptcheck.CheckChain, receiptcheck.NotChecked}}},
		{name: "chain unreachable, no key", text: valid, down: true, verdict: receiptcheck.Partial,
			steps: []stepWant{{receiptcheck.CheckFormat, receiptcheck.Passed}, {receipt.CheckSignature, receiptcheck.NotChecked}, {receiptcheck.CheckChain, receiptcheck.NotChecked}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.contract == "" {
				tc.contract = c.Contract()
			}
			rpc := live
			if tc.down {
				rpc = dead
			}
			rep, err := receiptcheck.Verify(context.Background(), []byte(tc.text), &receiptcheck.Options{LogKey: tc.logKey, RPC: rpc, Contract: tc.contract})
			if err != nil {
				t.Fatal(err)
			}
			checkShape(t, tc.name, rep)
			if rep.Verdict != tc.verdict || rep.Failed != tc.failed {
				t.Fatalf("verdict %s (failed %q), want %s (%q)\n%s\n%q", rep.Verdict, rep.Failed, tc.verdict, tc.failed, rep.Summary, statuses(rep))
			}
			for _, w := range tc.steps {
				for _, s := range rep.Steps {
					if s.Check == w.check && s.Status != w.status {
						t.Errorf("step %s is %s (%s), want %s", s.Check, s.Status, s.Message, w.status)
					}
				}
			}
			t.Logf("%s", rep.Summary)
			if tc.down || tc.logKey != "" {
				return
			}
			// The same verdict as the Go chain verifier; it fails a
			// receipt without an anchor, which is partial here.
			goErr := goChainVerdict(t, c.URL, tc.contract, tc.text)
			if (goErr == nil) != (rep.Verdict == receiptcheck.Valid) {
				t.Errorf("anchor.VerifyReceipt says %v, the report %s", goErr, rep.Verdict)
			}
			if tc.name == "no anchor" && !errors.Is(goErr, anchor.ErrNoAnchor) {
				t.Errorf("anchor.VerifyReceipt on a receipt without an anchor: %v", goErr)
			}
		})
	}
}

// TestChainAnswersNotEvidence: a node that answers garbage, another
// request's id, an HTTP error or a JSON-RPC error that is not a revert
// leaves the chain steps not checked: the verdict is partial, never
// invalid or valid.
func TestChainAnswersNotEvidence(t *testing.T) {
	vf := receiptchecktest.ReadVectors(t)
	text := caseText(t, vf, "valid-anchored")
	for name, answer := range map[string]func(req []byte) ([]byte, error){
		"transport error": func([]byte) ([]byte, error) { return nil, errors.New("connection refused") },
		"not JSON":        func([]byte) ([]byte, error) { return []byte("<html>"), nil },
		"another id":      func([]byte) ([]byte, error) { return []byte(`{"jsonrpc":"2.0","id":99,"result":"0x"}`), nil },
		"no result":       func([]byte) ([]byte, error) { return []byte(`{"jsonrpc":"2.0","id":1}`), nil },
		"node error": func([]byte) ([]byte, error) {
			return []byte(`{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"header not found"}}`), nil
		},
		"revert without data": func([]byte) ([]byte, error) {
			return []byte(`{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"execution reverted"}}`), nil
		},
		"too large": func([]byte) ([]byte, error) { return make([]byte, receiptcheck.MaxResponse+1), nil },
	} {
		rpc := receiptcheck.TransportFunc(func(_ context.Context, req []byte) ([]byte, error) { return answer(req) })
		for _, key := range []string{"", vf.LogKey} {
			rep, err := receiptcheck.Verify(context.Background(), []byte(text), &receiptcheck.Options{LogKey: key, RPC: rpc, Contract: "0x00000000000000000000000000000000000000b0"})
			if err != nil {
				t.Fatal(err)
			}
			checkShape(t, name, rep)
			if rep.Verdict != receiptcheck.Partial {
				t.Errorf("%s (key %q): verdict %s: %s", name, key, rep.Verdict, rep.Summary)
			}
			if key != "" && rep.Index == nil {
				t.Errorf("%s: with a key the offline steps should have run: %q", name, statuses(rep))
			}
		}
	}
}

// TestRequests: the verifier's JSON-RPC requests are what a node expects.
func TestRequests(t *testing.T) {
	vf := receiptchecktest.ReadVectors(t)
	var got []string
	rpc := receiptcheck.TransportFunc(func(_ context.Context, req []byte) ([]byte, error) {
		got = append(got, string(req))
		return nil, fmt.Errorf("stop")
	})
	_, err := receiptcheck.Verify(context.Background(), []byte(caseText(t, vf, "valid")), &receiptcheck.Options{RPC: rpc, Contract: "0x00000000000000000000000000000000000000B0"})
	if err != nil {
		t.Fatal(err)
	}
	// logInfo(sha256("example.org/glassbox/vectors")) at the latest block.
	want := `{"jsonrpc":"2.0","id":1,"method":"eth_call","params":[{"data":"0xdbbcee35` + logIDHex(t, vf) + `","to":"0x00000000000000000000000000000000000000b0"},"latest"]}`
	if len(got) != 1 || got[0] != want {
		t.Errorf("requests %q\nwant %q", got, want)
	}
}

func logIDHex(t *testing.T, vf receiptchecktest.Vectors) string {
	t.Helper()
	id := registry.LogIDFor(strings.SplitN(vf.LogKey, "+", 2)[0])
	return fmt.Sprintf("%x", id[:])
}
