package registry_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/glassbox-audit/glassbox/internal/anviltest"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// gasRow is one measured transaction.
type gasRow struct {
	op  string
	gas uint64
}

// gasEnv is a chain to measure on: a backend, two signers (admin, anchorer)
// and an optional commit hook.
type gasEnv struct {
	backend  registry.Backend
	admin    *bind.TransactOpts
	anchorer *bind.TransactOpts
	commit   func()
}

// measureGas runs the same sequence of transactions on env and returns the
// gas each used. Inputs are fixed so the figures are reproducible: origins
// of 26 bytes, a 74-byte metadata URI, roots and digests that are SHA-256
// outputs (no zero bytes to discount).
func measureGas(t *testing.T, env gasEnv) []gasRow {
	t.Helper()
	ctx := context.Background()
	r, rcpt, err := registry.Deploy(ctx, env.backend, env.admin, &registry.Options{Commit: env.commit})
	if err != nil {
		t.Fatal(err)
	}
	rows := []gasRow{{"deploy", rcpt.GasUsed}}
	add := func(op string, rcpt *types.Receipt, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", op, err)
		}
		rows = append(rows, gasRow{op, rcpt.GasUsed})
	}
	ids := make([][32]byte, 10)
	for i := range ids {
		origin := fmt.Sprintf("example.com/glassbox/log-%d", i)
		rcpt, err := r.RegisterLog(ctx, env.admin, origin, pubKey(origin), env.anchorer.From)
		if i == 0 {
			add("registerLog", rcpt, err)
		} else if err != nil {
			t.Fatal(err)
		}
		ids[i] = registry.LogIDFor(origin)
	}
	rcpt, err = r.Anchor(ctx, env.anchorer, ids[0], 1000, h("root 1000"))
	add("anchor (first anchor of the log)", rcpt, err)
	rcpt, err = r.Anchor(ctx, env.anchorer, ids[0], 2000, h("root 2000"))
	add("anchor", rcpt, err)
	batch := make([]registry.Anchor, len(ids))
	for i, id := range ids {
		batch[i] = registry.Anchor{LogID: id, TreeSize: 3000, Root: h(fmt.Sprint("batch ", i))}
	}
	rcpt, err = r.AnchorMany(ctx, env.anchorer, batch)
	add("anchorMany(10)", rcpt, err)
	uri := "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/card.json"
	rcpt, err = r.RegisterModel(ctx, env.admin, "credit-risk", "1.0.0", h("model 1.0.0"), registry.Lineage{}, uri)
	add("registerModel (first version of the model)", rcpt, err)
	rcpt, err = r.RegisterModel(ctx, env.admin, "credit-risk", "1.1.0", h("model 1.1.0"), registry.Lineage{}, uri)
	add("registerModel", rcpt, err)
	rcpt, err = r.DeprecateModel(ctx, env.admin, "credit-risk", "1.0.0", "superseded by 1.1.0")
	add("deprecateModel", rcpt, err)
	_, rcpt, err = r.FileDispute(ctx, env.anchorer, ids[0], 17, h("leaf 17"), "https://example.com/disputes/17")
	add("fileDispute (the filer's first open dispute)", rcpt, err)
	_, rcpt, err = r.FileDispute(ctx, env.anchorer, ids[0], 18, h("leaf 18"), "https://example.com/disputes/18")
	add("fileDispute (the filer has one open)", rcpt, err)
	rcpt, err = r.ResolveDispute(ctx, env.admin, 1, registry.DisputeRejected, "https://example.com/rulings/17")
	add("resolveDispute", rcpt, err)
	rcpt, err = r.RotateKey(ctx, env.admin, ids[1], pubKey("example.com/glassbox/log-1 key 2"), 3001)
	add("rotateKey (first rotation)", rcpt, err)
	rcpt, err = r.RotateKey(ctx, env.admin, ids[1], pubKey("example.com/glassbox/log-1 key 3"), 4001)
	add("rotateKey", rcpt, err)
	rcpt, err = r.RetireLog(ctx, env.admin, ids[2], "anchorer key compromised; see incident 2026-07")
	add("retireLog (46-byte reason)", rcpt, err)
	successor := "example.com/glassbox/log-s"
	rcpt, err = r.RegisterSuccessor(ctx, env.admin, ids[2], successor, pubKey(successor), env.anchorer.From)
	add("registerSuccessor", rcpt, err)
	rcpt, err = r.SetDisputeLimit(ctx, env.admin, env.anchorer.From, 10000)
	add("setDisputeLimit", rcpt, err)
	_, rcpt, err = r.FileDispute(ctx, env.anchorer, ids[0], 19, h("leaf 19"), "https://example.com/disputes/19")
	add("fileDispute (a filer with a raised limit, one open)", rcpt, err)
	return rows
}

// gasKeys are the fixed admin and anchorer keys used on every chain, so
// that calldata (the anchorer's address), senders and nonces are the same
// everywhere: calldata zero bytes are cheaper, so random keys would make
// registerLog's figure vary by a few gas.
func gasKeys(t *testing.T) [2]*ecdsa.PrivateKey {
	var keys [2]*ecdsa.PrivateKey
	for i, seed := range []string{"glassbox gas table: admin", "glassbox gas table: anchorer"} {
		d := sha256.Sum256([]byte(seed))
		k, err := crypto.ToECDSA(d[:])
		if err != nil {
			t.Fatal(err)
		}
		keys[i] = k
	}
	return keys
}

func simEnv(t *testing.T, cfg *params.ChainConfig) gasEnv {
	keys := gasKeys(t)
	c, err := simchain.New(context.Background(), &simchain.Options{Keys: keys[:], Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return gasEnv{backend: c.Client, admin: c.TransactOpts(0), anchorer: c.TransactOpts(1), commit: func() { c.Commit() }}
}

// simchain.New deploys a registry from the admin key first, so on anvil the
// admin sends one transaction too before measuring: nonces then match.
func anvilEnv(t *testing.T, fork string) gasEnv {
	ctx := context.Background()
	n := anviltest.Start(t, &anviltest.Options{Accounts: 1, Hardfork: fork})
	keys := gasKeys(t)
	var opts [2]*bind.TransactOpts
	for i, k := range keys {
		addr := crypto.PubkeyToAddress(k.PublicKey)
		if err := n.RPC.CallContext(ctx, nil, "anvil_setBalance", addr, "0x3635c9adc5dea00000"); err != nil { // 1000 ether
			t.Fatal(err)
		}
		opts[i] = bind.NewKeyedTransactor(k, n.ChainID)
	}
	if _, _, err := registry.Deploy(ctx, n.Client, opts[0], nil); err != nil {
		t.Fatal(err)
	}
	return gasEnv{backend: n.Client, admin: opts[0], anchorer: opts[1]}
}

// TestGasTable measures the gas of each operation under mainnet's fork rules
// (Osaka) on the simulated backend, checks the figures against anvil (revm,
// an independent EVM) under the Osaka and Prague rules, and prints the table
// (go test -run TestGasTable -v ./registry/). It also shows the simulated
// backend's default rules, which enable a fork mainnet has not scheduled.
func TestGasTable(t *testing.T) {
	mainnet := measureGas(t, simEnv(t, nil))
	dev := measureGas(t, simEnv(t, params.AllDevChainProtocolChanges))

	cols := [][]gasRow{mainnet}
	heads := []string{"simulated, mainnet rules (Osaka)"}
	if _, err := anviltest.Binary(); err == nil && !testing.Short() {
		for _, fork := range []string{"osaka", "prague"} {
			rows := measureGas(t, anvilEnv(t, fork))
			for i := range rows {
				if rows[i] != mainnet[i] {
					t.Errorf("%s: anvil --hardfork %s used %d gas, the simulated backend under mainnet rules %d",
						rows[i].op, fork, rows[i].gas, mainnet[i].gas)
				}
			}
			cols = append(cols, rows)
			heads = append(heads, "anvil --hardfork "+fork)
		}
	} else {
		t.Logf("anvil not started (-short, or not installed: %v); the figures are not cross-checked", err)
	}
	cols = append(cols, dev)
	heads = append(heads, "simulated, default dev rules")

	var sb strings.Builder
	fmt.Fprintf(&sb, "\n| operation | %s |\n|---|%s\n", strings.Join(heads, " | "), strings.Repeat("---:|", len(heads)))
	for i, row := range mainnet {
		fmt.Fprintf(&sb, "| %s |", row.op)
		for _, col := range cols {
			fmt.Fprintf(&sb, " %d |", col[i].gas)
		}
		sb.WriteString("\n")
	}
	t.Log(sb.String())

	// The point of measuring under mainnet rules: the dev rules price new
	// storage differently, so their figures would mislead.
	for i := range mainnet {
		if mainnet[i].op == "registerLog" && dev[i].gas == mainnet[i].gas {
			t.Errorf("registerLog costs the same under dev and mainnet rules (%d); the rules were not applied", dev[i].gas)
		}
	}
}
