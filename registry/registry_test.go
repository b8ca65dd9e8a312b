package registry_test

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/glassbox-audit/glassbox/contracts"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// Accounts of the test chain.
const (
	admin    = 0 // deployer: admin, publisher, resolver
	anchorer = 1
	outsider = 2 // holds no role
	other    = 3
)

var b = registry.Bindings()

func newChain(t *testing.T) (*simchain.Chain, *registry.Client) {
	t.Helper()
	c, err := simchain.New(context.Background(), &simchain.Options{Accounts: 4})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c, c.Registry
}

// wantRevert checks that err is the contract's custom error name, that it
// matches sentinel with errors.Is, and returns its arguments.
func wantRevert(t *testing.T, err error, sentinel error, name string) []any {
	t.Helper()
	if err == nil {
		t.Fatalf("succeeded; want revert %s", name)
	}
	if !errors.Is(err, sentinel) {
		t.Fatalf("error %v; want errors.Is %v", err, sentinel)
	}
	var ce *registry.ContractError
	if !errors.As(err, &ce) {
		t.Fatalf("error %v is not a *ContractError", err)
	}
	if ce.Name != name {
		t.Fatalf("revert %s; want %s", ce.Name, name)
	}
	if !strings.Contains(err.Error(), name) {
		t.Fatalf("message %q does not name %s", err, name)
	}
	return ce.Args
}

// wantArgs compares decoded revert arguments; a LogID in want stands for
// the bytes32 the ABI decodes.
func wantArgs(t *testing.T, got []any, want ...any) {
	t.Helper()
	for i, w := range want {
		if id, ok := w.(registry.LogID); ok {
			want[i] = [32]byte(id)
		}
	}
	same := len(got) == len(want)
	for i := 0; same && i < len(got); i++ {
		if gb, ok := got[i].(*big.Int); ok {
			wb, ok := want[i].(*big.Int)
			same = ok && gb.Cmp(wb) == 0
			continue
		}
		same = reflect.DeepEqual(got[i], want[i])
	}
	if !same {
		t.Fatalf("revert args %v; want %v", got, want)
	}
}

func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// events decodes every log of rcpt that is the event unpack knows.
func events[T any](rcpt *types.Receipt, unpack func(*types.Log) (*T, error)) []*T {
	var out []*T
	for _, l := range rcpt.Logs {
		if ev, err := unpack(l); err == nil {
			out = append(out, ev)
		}
	}
	return out
}

func one[T any](t *testing.T, rcpt *types.Receipt, unpack func(*types.Log) (*T, error)) *T {
	t.Helper()
	evs := events(rcpt, unpack)
	if len(evs) != 1 {
		t.Fatalf("%d events of type %T in receipt; want 1", len(evs), *new(T))
	}
	return evs[0]
}

func h(s string) [32]byte { return sha256.Sum256([]byte(s)) }

func pubKey(seed string) ed25519.PublicKey {
	s := sha256.Sum256([]byte(seed))
	return ed25519.NewKeyFromSeed(s[:]).Public().(ed25519.PublicKey)
}

func u256(v uint64) *big.Int { return new(big.Int).SetUint64(v) }

// rawTransact sends calldata the typed client would refuse to build.
func rawTransact(t *testing.T, c *simchain.Chain, r *registry.Client, from int, data []byte) error {
	t.Helper()
	_, err := bind.Transact(r.Contract(), c.TransactOpts(from), data)
	if err == nil {
		t.Fatal("raw transaction was accepted by gas estimation")
	}
	var ce *registry.ContractError
	if data, ok := revertDataOf(err); ok {
		ce = registry.DecodeRevert(data)
		return ce
	}
	return err
}

func revertDataOf(err error) ([]byte, bool) {
	type dataError interface{ ErrorData() any }
	var de dataError
	if !errors.As(err, &de) {
		return nil, false
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return nil, false
	}
	return common.FromHex(s), true
}

func TestRoles(t *testing.T) {
	ctx := context.Background()
	c, r := newChain(t)

	if got := must[common.Address](t)(r.Admin(ctx)); got != c.Address(admin) {
		t.Fatalf("admin %s; want deployer", got)
	}
	if got := must[common.Address](t)(r.Resolver(ctx)); got != c.Address(admin) {
		t.Fatalf("resolver %s; want deployer", got)
	}
	if !must[bool](t)(r.IsPublisher(ctx, c.Address(admin))) {
		t.Fatal("deployer is not a publisher")
	}

	// Only the admin changes roles.
	_, err := r.SetPublisher(ctx, c.TransactOpts(outsider), c.Address(outsider), true)
	wantArgs(t, wantRevert(t, err, registry.ErrNotAdmin, "NotAdmin"), c.Address(outsider))
	_, err = r.SetResolver(ctx, c.TransactOpts(outsider), c.Address(outsider))
	wantRevert(t, err, registry.ErrNotAdmin, "NotAdmin")
	_, err = r.TransferAdmin(ctx, c.TransactOpts(outsider), c.Address(outsider))
	wantRevert(t, err, registry.ErrNotAdmin, "NotAdmin")
	_, err = r.SetAnchorer(ctx, c.TransactOpts(outsider), registry.LogIDFor("x"), c.Address(outsider))
	wantRevert(t, err, registry.ErrNotAdmin, "NotAdmin")

	// Zero addresses are refused.
	_, err = r.SetPublisher(ctx, c.TransactOpts(admin), common.Address{}, true)
	wantRevert(t, err, registry.ErrZeroAddress, "ZeroAddress")
	_, err = r.SetResolver(ctx, c.TransactOpts(admin), common.Address{})
	wantRevert(t, err, registry.ErrZeroAddress, "ZeroAddress")
	_, err = r.TransferAdmin(ctx, c.TransactOpts(admin), common.Address{})
	wantRevert(t, err, registry.ErrZeroAddress, "ZeroAddress")

	// Grants and their events.
	rcpt := must[*types.Receipt](t)(r.SetPublisher(ctx, c.TransactOpts(admin), c.Address(other), true))
	ps := one(t, rcpt, b.UnpackPublisherSetEvent)
	if ps.Account != c.Address(other) || !ps.Enabled {
		t.Fatalf("PublisherSet %+v", ps)
	}
	if !must[bool](t)(r.IsPublisher(ctx, c.Address(other))) {
		t.Fatal("grant not effective")
	}
	rcpt = must[*types.Receipt](t)(r.SetPublisher(ctx, c.TransactOpts(admin), c.Address(other), false))
	if ps := one(t, rcpt, b.UnpackPublisherSetEvent); ps.Enabled {
		t.Fatal("revocation event says enabled")
	}
	if must[bool](t)(r.IsPublisher(ctx, c.Address(other))) {
		t.Fatal("revocation not effective")
	}

	rcpt = must[*types.Receipt](t)(r.SetResolver(ctx, c.TransactOpts(admin), c.Address(other)))
	rc := one(t, rcpt, b.UnpackResolverChangedEvent)
	if rc.PreviousResolver != c.Address(admin) || rc.NewResolver != c.Address(other) {
		t.Fatalf("ResolverChanged %+v", rc)
	}
	if got := must[common.Address](t)(r.Resolver(ctx)); got != c.Address(other) {
		t.Fatalf("resolver %s", got)
	}

	// Handing over the admin role takes two steps.
	rcpt = must[*types.Receipt](t)(r.TransferAdmin(ctx, c.TransactOpts(admin), c.Address(outsider)))
	ts := one(t, rcpt, b.UnpackAdminTransferStartedEvent)
	if ts.Admin != c.Address(admin) || ts.PendingAdmin != c.Address(outsider) {
		t.Fatalf("AdminTransferStarted %+v", ts)
	}
	// A second offer replaces the first.
	must[*types.Receipt](t)(r.TransferAdmin(ctx, c.TransactOpts(admin), c.Address(other)))
	if p := must[common.Address](t)(r.PendingAdmin(ctx)); p != c.Address(other) {
		t.Fatalf("pending admin %s", p)
	}
	_, err = r.AcceptAdmin(ctx, c.TransactOpts(outsider))
	wantArgs(t, wantRevert(t, err, registry.ErrNotPendingAdmin, "NotPendingAdmin"), c.Address(outsider))
	if a := must[common.Address](t)(r.Admin(ctx)); a != c.Address(admin) {
		t.Fatalf("admin changed before acceptance: %s", a)
	}
	rcpt = must[*types.Receipt](t)(r.AcceptAdmin(ctx, c.TransactOpts(other)))
	at := one(t, rcpt, b.UnpackAdminTransferredEvent)
	if at.PreviousAdmin != c.Address(admin) || at.NewAdmin != c.Address(other) {
		t.Fatalf("AdminTransferred %+v", at)
	}
	if p := must[common.Address](t)(r.PendingAdmin(ctx)); p != (common.Address{}) {
		t.Fatalf("pending admin after acceptance: %s", p)
	}
	_, err = r.AcceptAdmin(ctx, c.TransactOpts(other))
	wantRevert(t, err, registry.ErrNotPendingAdmin, "NotPendingAdmin")
	// The old admin has lost the role, the new one has it.
	_, err = r.SetPublisher(ctx, c.TransactOpts(admin), c.Address(outsider), true)
	wantRevert(t, err, registry.ErrNotAdmin, "NotAdmin")
	must[*types.Receipt](t)(r.SetPublisher(ctx, c.TransactOpts(other), c.Address(outsider), true))
}

func TestLogs(t *testing.T) {
	ctx := context.Background()
	c, r := newChain(t)
	origin := "example.com/glassbox/log-1"
	id := registry.LogIDFor(origin)
	pk := pubKey("log-1")

	if id != sha256.Sum256([]byte(origin)) {
		t.Fatal("LogID is not SHA-256 of the origin")
	}

	// Rejections.
	_, err := r.RegisterLog(ctx, c.TransactOpts(outsider), origin, pk, c.Address(anchorer))
	wantRevert(t, err, registry.ErrNotAdmin, "NotAdmin")
	_, err = r.RegisterLog(ctx, c.TransactOpts(admin), "", pk, c.Address(anchorer))
	wantRevert(t, err, registry.ErrEmptyOrigin, "EmptyOrigin")
	_, err = r.RegisterLog(ctx, c.TransactOpts(admin), origin, make(ed25519.PublicKey, 32), c.Address(anchorer))
	wantRevert(t, err, registry.ErrZeroPublicKey, "ZeroPublicKey")
	_, err = r.RegisterLog(ctx, c.TransactOpts(admin), origin, pk, common.Address{})
	wantRevert(t, err, registry.ErrZeroAddress, "ZeroAddress")
	_, err = r.RegisterLog(ctx, c.TransactOpts(admin), origin, pk[:31], c.Address(anchorer))
	if !errors.Is(err, registry.ErrInvalidArgument) {
		t.Fatalf("short key: %v; want ErrInvalidArgument", err)
	}
	var pk32 [32]byte
	copy(pk32[:], pk)
	err = rawTransact(t, c, r, admin, b.PackRegisterLog(h("not the origin"), origin, pk32, c.Address(anchorer)))
	wantArgs(t, wantRevert(t, err, registry.ErrLogIDMismatch, "LogIdMismatch"), h("not the origin"), id)

	// Unknown log everywhere.
	_, err = r.Log(ctx, id)
	wantArgs(t, wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog"), id)
	_, err = r.LatestAnchor(ctx, id)
	wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog")
	_, err = r.RootAt(ctx, id, 1)
	wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog")
	_, err = r.Anchor(ctx, c.TransactOpts(anchorer), id, 1, h("root"))
	wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog")
	_, err = r.SetAnchorer(ctx, c.TransactOpts(admin), id, c.Address(other))
	wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog")

	// Registration and its events.
	rcpt := must[*types.Receipt](t)(r.RegisterLog(ctx, c.TransactOpts(admin), origin, pk, c.Address(anchorer)))
	lr := one(t, rcpt, b.UnpackLogRegisteredEvent)
	if lr.LogId != id || lr.Origin != origin || lr.PublicKey != pk32 || lr.Anchorer != c.Address(anchorer) {
		t.Fatalf("LogRegistered %+v", lr)
	}
	ac := one(t, rcpt, b.UnpackAnchorerChangedEvent)
	if ac.LogId != id || ac.PreviousAnchorer != (common.Address{}) || ac.NewAnchorer != c.Address(anchorer) {
		t.Fatalf("AnchorerChanged %+v", ac)
	}
	_, err = r.RegisterLog(ctx, c.TransactOpts(admin), origin, pk, c.Address(anchorer))
	wantArgs(t, wantRevert(t, err, registry.ErrLogExists, "LogExists"), id)

	info := must[registry.LogInfo](t)(r.Log(ctx, id))
	if info.ID != id || info.Origin != origin || !info.PublicKey.Equal(pk) || info.Anchorer != c.Address(anchorer) || info.LatestSize != 0 {
		t.Fatalf("Log = %+v", info)
	}
	if la := must[registry.Anchor](t)(r.LatestAnchor(ctx, id)); la.TreeSize != 0 || la.Root != ([32]byte{}) || la.BlockNumber != 0 {
		t.Fatalf("LatestAnchor before any anchor = %+v; want zero", la)
	}

	// A second log; LogIDs lists both in order; an index past the end is a
	// named error too.
	origin2 := "example.com/glassbox/log-2"
	must[*types.Receipt](t)(r.RegisterLog(ctx, c.TransactOpts(admin), origin2, pubKey("log-2"), c.Address(anchorer)))
	ids := must[[]registry.LogID](t)(r.LogIDs(ctx))
	if !reflect.DeepEqual(ids, []registry.LogID{id, registry.LogIDFor(origin2)}) {
		t.Fatalf("LogIDs = %x", ids)
	}
	_, err = bind.Call(r.Contract(), nil, b.PackLogIdAt(u256(2)), b.UnpackLogIdAt)
	if data, ok := revertDataOf(err); !ok {
		t.Fatalf("logIdAt(2): %v; want revert data", err)
	} else {
		wantArgs(t, wantRevert(t, registry.DecodeRevert(data), registry.ErrIndexOutOfRange, "IndexOutOfRange"), u256(2), u256(2))
	}

	// Changing the anchorer: the old one loses the right.
	rcpt = must[*types.Receipt](t)(r.SetAnchorer(ctx, c.TransactOpts(admin), id, c.Address(other)))
	ac = one(t, rcpt, b.UnpackAnchorerChangedEvent)
	if ac.PreviousAnchorer != c.Address(anchorer) || ac.NewAnchorer != c.Address(other) {
		t.Fatalf("AnchorerChanged %+v", ac)
	}
	_, err = r.SetAnchorer(ctx, c.TransactOpts(admin), id, common.Address{})
	wantRevert(t, err, registry.ErrZeroAddress, "ZeroAddress")
	_, err = r.Anchor(ctx, c.TransactOpts(anchorer), id, 1, h("r1"))
	wantArgs(t, wantRevert(t, err, registry.ErrNotAnchorer, "NotAnchorer"), id, c.Address(anchorer))
	must[*types.Receipt](t)(r.Anchor(ctx, c.TransactOpts(other), id, 1, h("r1")))
}

func registerLogs(t *testing.T, c *simchain.Chain, r *registry.Client, n int) [][32]byte {
	t.Helper()
	ids := make([][32]byte, n)
	for i := range ids {
		origin := "example.com/glassbox/log-" + string(rune('a'+i))
		must[*types.Receipt](t)(r.RegisterLog(context.Background(), c.TransactOpts(admin), origin, pubKey(origin), c.Address(anchorer)))
		ids[i] = registry.LogIDFor(origin)
	}
	return ids
}

func TestAnchor(t *testing.T) {
	ctx := context.Background()
	c, r := newChain(t)
	id := registerLogs(t, c, r, 1)[0]
	an := c.TransactOpts(anchorer)

	_, err := r.Anchor(ctx, c.TransactOpts(admin), id, 5, h("r5"))
	wantArgs(t, wantRevert(t, err, registry.ErrNotAnchorer, "NotAnchorer"), id, c.Address(admin))
	_, err = r.Anchor(ctx, an, id, 0, h("r0"))
	wantArgs(t, wantRevert(t, err, registry.ErrSizeNotGrowing, "SizeNotGrowing"), id, uint64(0), uint64(0))
	_, err = r.Anchor(ctx, an, id, 5, [32]byte{})
	wantArgs(t, wantRevert(t, err, registry.ErrZeroRoot, "ZeroRoot"), id, uint64(5))

	rcpt := must[*types.Receipt](t)(r.Anchor(ctx, an, id, 5, h("r5")))
	ev := one(t, rcpt, b.UnpackAnchoredEvent)
	if ev.LogId != id || ev.TreeSize != 5 || ev.Root != h("r5") {
		t.Fatalf("Anchored %+v", ev)
	}
	block5 := rcpt.BlockNumber.Uint64()

	// Same size and smaller sizes are refused, naming the latest size.
	_, err = r.Anchor(ctx, an, id, 5, h("other"))
	wantArgs(t, wantRevert(t, err, registry.ErrSizeNotGrowing, "SizeNotGrowing"), id, uint64(5), uint64(5))
	_, err = r.Anchor(ctx, an, id, 4, h("r4"))
	wantArgs(t, wantRevert(t, err, registry.ErrSizeNotGrowing, "SizeNotGrowing"), id, uint64(5), uint64(4))

	rcpt = must[*types.Receipt](t)(r.Anchor(ctx, an, id, 9, h("r9")))
	block9 := rcpt.BlockNumber.Uint64()
	if block9 <= block5 {
		t.Fatalf("blocks %d then %d", block5, block9)
	}

	// Every anchored size keeps its root and block.
	if a := must[registry.Anchor](t)(r.RootAt(ctx, id, 5)); a.Root != h("r5") || a.BlockNumber != block5 || a.TreeSize != 5 {
		t.Fatalf("RootAt(5) = %+v", a)
	}
	if a := must[registry.Anchor](t)(r.RootAt(ctx, id, 9)); a.Root != h("r9") || a.BlockNumber != block9 {
		t.Fatalf("RootAt(9) = %+v", a)
	}
	_, err = r.RootAt(ctx, id, 7)
	wantArgs(t, wantRevert(t, err, registry.ErrNotAnchored, "NotAnchored"), id, uint64(7))
	if a := must[registry.Anchor](t)(r.LatestAnchor(ctx, id)); a.TreeSize != 9 || a.Root != h("r9") || a.BlockNumber != block9 {
		t.Fatalf("LatestAnchor = %+v", a)
	}
	if info := must[registry.LogInfo](t)(r.Log(ctx, id)); info.LatestSize != 9 {
		t.Fatalf("LatestSize %d", info.LatestSize)
	}
}

func TestAnchorMany(t *testing.T) {
	ctx := context.Background()
	c, r := newChain(t)
	ids := registerLogs(t, c, r, 3)
	an := c.TransactOpts(anchorer)

	_, err := r.AnchorMany(ctx, an, nil)
	wantRevert(t, err, registry.ErrEmptyBatch, "EmptyBatch")
	err = rawTransact(t, c, r, anchorer, b.PackAnchorMany(ids, []uint64{1, 2}, [][32]byte{h("a"), h("b"), h("c")}))
	wantArgs(t, wantRevert(t, err, registry.ErrLengthMismatch, "LengthMismatch"), u256(3), u256(2), u256(3))

	// One bad entry rejects the whole batch: nothing is anchored.
	_, err = r.AnchorMany(ctx, an, []registry.Anchor{
		{LogID: ids[0], TreeSize: 3, Root: h("0/3")},
		{LogID: ids[1], TreeSize: 3, Root: [32]byte{}},
	})
	wantRevert(t, err, registry.ErrZeroRoot, "ZeroRoot")
	if a := must[registry.Anchor](t)(r.LatestAnchor(ctx, ids[0])); a.TreeSize != 0 {
		t.Fatalf("partial batch applied: %+v", a)
	}

	// A log may appear twice if it grows in order; not if it does not.
	_, err = r.AnchorMany(ctx, an, []registry.Anchor{
		{LogID: ids[0], TreeSize: 3, Root: h("0/3")},
		{LogID: ids[0], TreeSize: 3, Root: h("0/3")},
	})
	wantArgs(t, wantRevert(t, err, registry.ErrSizeNotGrowing, "SizeNotGrowing"), ids[0], uint64(3), uint64(3))

	batch := []registry.Anchor{
		{LogID: ids[0], TreeSize: 3, Root: h("0/3")},
		{LogID: ids[1], TreeSize: 10, Root: h("1/10")},
		{LogID: ids[0], TreeSize: 4, Root: h("0/4")},
		{LogID: ids[2], TreeSize: 1, Root: h("2/1")},
	}
	rcpt := must[*types.Receipt](t)(r.AnchorMany(ctx, an, batch))
	evs := events(rcpt, b.UnpackAnchoredEvent)
	if len(evs) != len(batch) {
		t.Fatalf("%d Anchored events; want %d", len(evs), len(batch))
	}
	for i, a := range batch {
		if evs[i].LogId != a.LogID || evs[i].TreeSize != a.TreeSize || evs[i].Root != a.Root {
			t.Fatalf("event %d = %+v; want %+v", i, evs[i], a)
		}
		got := must[registry.Anchor](t)(r.RootAt(ctx, a.LogID, a.TreeSize))
		if got.Root != a.Root || got.BlockNumber != rcpt.BlockNumber.Uint64() {
			t.Fatalf("RootAt(%x, %d) = %+v", a.LogID[:4], a.TreeSize, got)
		}
	}
	if a := must[registry.Anchor](t)(r.LatestAnchor(ctx, ids[0])); a.TreeSize != 4 {
		t.Fatalf("latest of log 0: %+v", a)
	}

	// Only the anchorer of every log in the batch may send it.
	must[*types.Receipt](t)(r.SetAnchorer(ctx, c.TransactOpts(admin), ids[2], c.Address(other)))
	_, err = r.AnchorMany(ctx, an, []registry.Anchor{{LogID: ids[0], TreeSize: 5, Root: h("0/5")}, {LogID: ids[2], TreeSize: 2, Root: h("2/2")}})
	wantArgs(t, wantRevert(t, err, registry.ErrNotAnchorer, "NotAnchorer"), ids[2], c.Address(anchorer))
}

// TestRevertAfterMining sends a transaction that passes no gas estimation
// (its gas limit is given) and fails in its block: the client recovers the
// reason by replaying it.
func TestRevertAfterMining(t *testing.T) {
	ctx := context.Background()
	c, r := newChain(t)
	id := registerLogs(t, c, r, 1)[0]
	an := c.TransactOpts(anchorer)
	must[*types.Receipt](t)(r.Anchor(ctx, an, id, 2, h("r2")))
	an.GasLimit = 200_000
	rcpt, err := r.Anchor(ctx, an, id, 2, h("again"))
	wantArgs(t, wantRevert(t, err, registry.ErrSizeNotGrowing, "SizeNotGrowing"), id, uint64(2), uint64(2))
	if rcpt == nil || rcpt.Status != types.ReceiptStatusFailed {
		t.Fatalf("receipt %+v; want a failed one", rcpt)
	}
	if !strings.Contains(err.Error(), rcpt.TxHash.Hex()) {
		t.Fatalf("error %q does not name the transaction", err)
	}
}

func TestModels(t *testing.T) {
	ctx := context.Background()
	c, r := newChain(t)
	pub := c.TransactOpts(admin)
	d1, d2 := h("model v1"), h("model v2")

	_, err := r.RegisterModel(ctx, c.TransactOpts(outsider), "credit", "1.0.0", d1, registry.Lineage{}, "")
	wantArgs(t, wantRevert(t, err, registry.ErrNotPublisher, "NotPublisher"), c.Address(outsider))
	_, err = r.RegisterModel(ctx, pub, "", "1.0.0", d1, registry.Lineage{}, "")
	wantRevert(t, err, registry.ErrEmptyName, "EmptyName")
	_, err = r.RegisterModel(ctx, pub, "credit", "", d1, registry.Lineage{}, "")
	wantRevert(t, err, registry.ErrEmptyVersion, "EmptyVersion")
	_, err = r.RegisterModel(ctx, pub, "credit", "1.0.0", [32]byte{}, registry.Lineage{}, "")
	wantRevert(t, err, registry.ErrZeroDigest, "ZeroDigest")
	_, err = r.Model(ctx, "credit", "1.0.0")
	wantArgs(t, wantRevert(t, err, registry.ErrUnknownVersion, "UnknownVersion"), "credit", "1.0.0")
	if v := must[[]string](t)(r.Versions(ctx, "credit")); len(v) != 0 {
		t.Fatalf("versions of an unknown model: %q", v)
	}

	uri := "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/model-card.json"
	rcpt := must[*types.Receipt](t)(r.RegisterModel(ctx, pub, "credit", "1.0.0", d1, registry.Lineage{}, uri))
	ev := one(t, rcpt, b.UnpackModelRegisteredEvent)
	if ev.Name != "credit" || ev.Version != "1.0.0" || ev.ArtifactDigest != d1 || ev.Publisher != c.Address(admin) || ev.MetadataURI != uri {
		t.Fatalf("ModelRegistered %+v", ev)
	}
	// The indexed name is the Keccak-256 of the name: clients filter on it.
	if ev.NameKey != common.BytesToHash(keccak("credit")) {
		t.Fatalf("NameKey %x", ev.NameKey)
	}

	// Published versions are immutable.
	_, err = r.RegisterModel(ctx, pub, "credit", "1.0.0", d2, registry.Lineage{}, "")
	wantArgs(t, wantRevert(t, err, registry.ErrDuplicateVersion, "VersionExists"), "credit", "1.0.0")

	// A second publisher; a revoked one can no longer publish.
	must[*types.Receipt](t)(r.SetPublisher(ctx, c.TransactOpts(admin), c.Address(other), true))
	must[*types.Receipt](t)(r.RegisterModel(ctx, c.TransactOpts(other), "credit", "1.1.0", d2, registry.Lineage{}, ""))
	must[*types.Receipt](t)(r.SetPublisher(ctx, c.TransactOpts(admin), c.Address(other), false))
	_, err = r.RegisterModel(ctx, c.TransactOpts(other), "credit", "1.2.0", h("v3"), registry.Lineage{}, "")
	wantRevert(t, err, registry.ErrNotPublisher, "NotPublisher")
	must[*types.Receipt](t)(r.RegisterModel(ctx, pub, "fraud", "1.0.0", h("fraud"), registry.Lineage{}, ""))

	if v := must[[]string](t)(r.Versions(ctx, "credit")); !reflect.DeepEqual(v, []string{"1.0.0", "1.1.0"}) {
		t.Fatalf("Versions(credit) = %q", v)
	}
	m := must[registry.ModelVersion](t)(r.Model(ctx, "credit", "1.0.0"))
	want := registry.ModelVersion{Name: "credit", Version: "1.0.0", ArtifactDigest: d1, MetadataURI: uri,
		Publisher: c.Address(admin), BlockNumber: rcpt.BlockNumber.Uint64()}
	if m != want {
		t.Fatalf("Model = %+v\nwant %+v", m, want)
	}
	if m := must[registry.ModelVersion](t)(r.Model(ctx, "credit", "1.1.0")); m.Publisher != c.Address(other) || m.ArtifactDigest != d2 {
		t.Fatalf("Model(1.1.0) = %+v", m)
	}

	// Deprecation.
	_, err = r.DeprecateModel(ctx, c.TransactOpts(outsider), "credit", "1.0.0", "bias found")
	wantRevert(t, err, registry.ErrNotPublisher, "NotPublisher")
	_, err = r.DeprecateModel(ctx, pub, "credit", "9.9.9", "")
	wantArgs(t, wantRevert(t, err, registry.ErrUnknownVersion, "UnknownVersion"), "credit", "9.9.9")
	rcpt = must[*types.Receipt](t)(r.DeprecateModel(ctx, pub, "credit", "1.0.0", "bias found in audit 7"))
	dev := one(t, rcpt, b.UnpackModelDeprecatedEvent)
	if dev.Name != "credit" || dev.Version != "1.0.0" || dev.Reason != "bias found in audit 7" {
		t.Fatalf("ModelDeprecated %+v", dev)
	}
	_, err = r.DeprecateModel(ctx, pub, "credit", "1.0.0", "again")
	wantRevert(t, err, registry.ErrAlreadyDeprecated, "AlreadyDeprecated")
	m = must[registry.ModelVersion](t)(r.Model(ctx, "credit", "1.0.0"))
	if !m.Deprecated || m.DeprecationReason != "bias found in audit 7" || m.ArtifactDigest != d1 {
		t.Fatalf("after deprecation: %+v", m)
	}
	// Deprecating without a reason works too.
	must[*types.Receipt](t)(r.DeprecateModel(ctx, pub, "credit", "1.1.0", ""))
	if m := must[registry.ModelVersion](t)(r.Model(ctx, "credit", "1.1.0")); !m.Deprecated || m.DeprecationReason != "" {
		t.Fatalf("after deprecation: %+v", m)
	}
}

func TestArtifactDigest(t *testing.T) {
	ctx := context.Background()
	c, r := newChain(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "model.json")
	// FIPS 180-2, appendix B.1: SHA-256("abc").
	if err := os.WriteFile(path, []byte("abc"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := must[[32]byte](t)(registry.ArtifactDigest(path))
	if want := common.HexToHash("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); d != want {
		t.Fatalf("digest %x; want %x", d, want)
	}
	if _, err := registry.ArtifactDigest(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing file: %v", err)
	}

	must[*types.Receipt](t)(r.RegisterModel(ctx, c.TransactOpts(admin), "credit", "1", d, registry.Lineage{}, ""))
	if m, err := r.CheckArtifact(ctx, "credit", "1", path); err != nil || m.ArtifactDigest != d {
		t.Fatalf("CheckArtifact of the registered file: %+v, %v", m, err)
	}

	tampered := filepath.Join(dir, "tampered.json")
	if err := os.WriteFile(tampered, []byte("abd"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := r.CheckArtifact(ctx, "credit", "1", tampered)
	var dm *registry.DigestMismatchError
	if !errors.As(err, &dm) || !errors.Is(err, registry.ErrDigestMismatch) {
		t.Fatalf("tampered file: %v; want *DigestMismatchError", err)
	}
	if dm.Registered != d || dm.Computed != sha256.Sum256([]byte("abd")) || dm.Path != tampered || dm.Name != "credit" {
		t.Fatalf("mismatch evidence %+v", dm)
	}
	_, err = r.CheckArtifact(ctx, "credit", "2", path)
	wantRevert(t, err, registry.ErrUnknownVersion, "UnknownVersion")
}

func TestDisputes(t *testing.T) {
	ctx := context.Background()
	c, r := newChain(t)
	id := registerLogs(t, c, r, 1)[0]
	anyone := c.TransactOpts(outsider)
	// Disputes are filed against anchored entries only (lifecycle_test.go).
	must[*types.Receipt](t)(r.Anchor(ctx, c.TransactOpts(anchorer), id, 42, h("r42")))

	_, _, err := r.FileDispute(ctx, anyone, registry.LogIDFor("nope"), 1, h("leaf"), "https://example.com/d/1")
	wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog")
	_, _, err = r.FileDispute(ctx, anyone, id, 1, [32]byte{}, "https://example.com/d/1")
	wantRevert(t, err, registry.ErrZeroLeafHash, "ZeroLeafHash")
	_, _, err = r.FileDispute(ctx, anyone, id, 1, h("leaf"), "")
	wantRevert(t, err, registry.ErrEmptyReason, "EmptyReason")
	_, err = r.Dispute(ctx, 1)
	wantArgs(t, wantRevert(t, err, registry.ErrUnknownDispute, "UnknownDispute"), u256(1))
	if n := must[uint64](t)(r.DisputeCount(ctx)); n != 0 {
		t.Fatalf("DisputeCount %d", n)
	}

	did, rcpt, err := r.FileDispute(ctx, anyone, id, 41, h("leaf 41"), "https://example.com/d/1")
	if err != nil {
		t.Fatal(err)
	}
	if did != 1 {
		t.Fatalf("first dispute id %d", did)
	}
	fe := one(t, rcpt, b.UnpackDisputeFiledEvent)
	if fe.Id.Uint64() != 1 || fe.LogId != id || fe.Filer != c.Address(outsider) || fe.LeafIndex != 41 || fe.LeafHash != h("leaf 41") || fe.ReasonURI != "https://example.com/d/1" {
		t.Fatalf("DisputeFiled %+v", fe)
	}
	did2, _, err := r.FileDispute(ctx, c.TransactOpts(other), id, 7, h("leaf 7"), "ipfs://reason")
	if err != nil || did2 != 2 {
		t.Fatalf("second dispute: %d, %v", did2, err)
	}
	if n := must[uint64](t)(r.DisputeCount(ctx)); n != 2 {
		t.Fatalf("DisputeCount %d", n)
	}
	d := must[registry.Dispute](t)(r.Dispute(ctx, 1))
	want := registry.Dispute{ID: 1, LogID: id, LeafIndex: 41, LeafHash: h("leaf 41"), ReasonURI: "https://example.com/d/1",
		Filer: c.Address(outsider), FiledBlock: rcpt.BlockNumber.Uint64(), Status: registry.DisputeOpen}
	if d != want {
		t.Fatalf("Dispute = %+v\nwant %+v", d, want)
	}

	// Resolution.
	res := c.TransactOpts(admin)
	_, err = r.ResolveDispute(ctx, anyone, 1, registry.DisputeUpheld, "")
	wantArgs(t, wantRevert(t, err, registry.ErrNotResolver, "NotResolver"), c.Address(outsider))
	for _, bad := range []registry.DisputeStatus{registry.DisputeNone, registry.DisputeOpen} {
		_, err = r.ResolveDispute(ctx, res, 1, bad, "")
		wantArgs(t, wantRevert(t, err, registry.ErrInvalidOutcome, "InvalidOutcome"), uint8(bad))
	}
	// An out-of-range enum value fails ABI decoding in the contract: a
	// revert without data.
	_, err = r.ResolveDispute(ctx, res, 1, registry.DisputeStatus(9), "")
	if !errors.Is(err, registry.ErrReverted) {
		t.Fatalf("outcome 9: %v; want ErrReverted", err)
	}
	for _, bad := range []uint64{0, 3} {
		_, err = r.ResolveDispute(ctx, res, bad, registry.DisputeRejected, "")
		wantArgs(t, wantRevert(t, err, registry.ErrUnknownDispute, "UnknownDispute"), u256(bad))
	}
	rcpt = must[*types.Receipt](t)(r.ResolveDispute(ctx, res, 1, registry.DisputeUpheld, "https://example.com/d/1/ruling"))
	re := one(t, rcpt, b.UnpackDisputeResolvedEvent)
	if re.Id.Uint64() != 1 || re.LogId != id || registry.DisputeStatus(re.Outcome) != registry.DisputeUpheld || re.ResolutionURI != "https://example.com/d/1/ruling" {
		t.Fatalf("DisputeResolved %+v", re)
	}
	_, err = r.ResolveDispute(ctx, res, 1, registry.DisputeRejected, "")
	wantArgs(t, wantRevert(t, err, registry.ErrDisputeClosed, "DisputeClosed"), u256(1), uint8(registry.DisputeUpheld))
	d = must[registry.Dispute](t)(r.Dispute(ctx, 1))
	if d.Status != registry.DisputeUpheld || d.ResolutionURI != "https://example.com/d/1/ruling" {
		t.Fatalf("after resolution: %+v", d)
	}

	// A new resolver takes over; the old one cannot resolve any more.
	must[*types.Receipt](t)(r.SetResolver(ctx, c.TransactOpts(admin), c.Address(other)))
	_, err = r.ResolveDispute(ctx, res, 2, registry.DisputeRejected, "")
	wantRevert(t, err, registry.ErrNotResolver, "NotResolver")
	must[*types.Receipt](t)(r.ResolveDispute(ctx, c.TransactOpts(other), 2, registry.DisputeRejected, "ipfs://ruling"))
	if d := must[registry.Dispute](t)(r.Dispute(ctx, 2)); d.Status != registry.DisputeRejected || d.Status.String() != "rejected" {
		t.Fatalf("dispute 2: %+v", d)
	}
}

func TestDeployAndNew(t *testing.T) {
	ctx := context.Background()
	c, _ := newChain(t)
	r, rcpt, err := registry.Deploy(ctx, c.Client, c.TransactOpts(other), &registry.Options{Commit: func() { c.Commit() }})
	if err != nil {
		t.Fatal(err)
	}
	if rcpt.ContractAddress != r.Address() {
		t.Fatalf("receipt address %s, client %s", rcpt.ContractAddress, r.Address())
	}
	if a := must[common.Address](t)(r.Admin(ctx)); a != c.Address(other) {
		t.Fatalf("admin of a contract deployed by account 3: %s", a)
	}
	// The deployment emits the initial role events.
	if ev := one(t, rcpt, b.UnpackAdminTransferredEvent); ev.PreviousAdmin != (common.Address{}) || ev.NewAdmin != c.Address(other) {
		t.Fatalf("AdminTransferred %+v", ev)
	}
	if _, err := registry.New(ctx, c.Client, common.Address{0x42}, nil); !errors.Is(err, registry.ErrNoContract) {
		t.Fatalf("New on an empty address: %v", err)
	}
	if _, err := registry.New(ctx, c.Client, r.Address(), &registry.Options{PollInterval: -1}); !errors.Is(err, registry.ErrInvalidArgument) {
		t.Fatalf("negative PollInterval: %v", err)
	}
	if _, err := r.SetResolver(ctx, nil, c.Address(0)); !errors.Is(err, registry.ErrInvalidArgument) {
		t.Fatalf("nil TransactOpts: %v", err)
	}
	noSend := c.TransactOpts(0)
	noSend.NoSend = true
	if _, err := r.SetResolver(ctx, noSend, c.Address(0)); !errors.Is(err, registry.ErrInvalidArgument) {
		t.Fatalf("NoSend: %v", err)
	}
	// The bytecode deployed is the committed artifact.
	code, err := c.Client.CodeAt(ctx, r.Address(), nil)
	if err != nil || len(code) == 0 {
		t.Fatalf("code: %d bytes, %v", len(code), err)
	}
	if !strings.Contains(contracts.GlassboxRegistryMetaData.Bin, common.Bytes2Hex(code[:64])) {
		t.Fatal("deployed code is not part of the committed bytecode")
	}
}

func TestAnchorEvents(t *testing.T) {
	ctx := context.Background()
	c, r := newChain(t)
	ids := registerLogs(t, c, r, 2)
	an := c.TransactOpts(anchorer)
	r1 := must[*types.Receipt](t)(r.Anchor(ctx, an, ids[0], 1, h("a1")))
	must[*types.Receipt](t)(r.Anchor(ctx, an, ids[1], 1, h("b1")))
	r3 := must[*types.Receipt](t)(r.AnchorMany(ctx, an, []registry.Anchor{{LogID: ids[0], TreeSize: 2, Root: h("a2")}, {LogID: ids[1], TreeSize: 2, Root: h("b2")}}))

	evs := must[[]registry.AnchorEvent](t)(r.AnchorEvents(ctx, ids[0], 0, nil))
	if len(evs) != 2 {
		t.Fatalf("%d events for log 0; want 2", len(evs))
	}
	want := []registry.AnchorEvent{
		{Anchor: registry.Anchor{LogID: ids[0], TreeSize: 1, Root: h("a1"), BlockNumber: r1.BlockNumber.Uint64()}, TxHash: r1.TxHash, BlockHash: r1.BlockHash},
		{Anchor: registry.Anchor{LogID: ids[0], TreeSize: 2, Root: h("a2"), BlockNumber: r3.BlockNumber.Uint64()}, TxHash: r3.TxHash, BlockHash: r3.BlockHash},
	}
	if !reflect.DeepEqual(evs, want) {
		t.Fatalf("events\n%+v\nwant\n%+v", evs, want)
	}
	// A block range selects.
	to := r1.BlockNumber.Uint64()
	evs = must[[]registry.AnchorEvent](t)(r.AnchorEvents(ctx, ids[0], 0, &to))
	if len(evs) != 1 || evs[0].TreeSize != 1 {
		t.Fatalf("events up to block %d: %+v", to, evs)
	}
}

func TestModelEvents(t *testing.T) {
	ctx := context.Background()
	c, r := newChain(t)
	pub := c.TransactOpts(admin)
	lin := registry.Lineage{SchemaDigest: h("schema"), ManifestRoot: h("manifest"), CardDigest: h("card"), CodeRef: "git+https://example.org/credit@v1"}
	r1 := must[*types.Receipt](t)(r.RegisterModel(ctx, pub, "credit", "1", h("c1"), lin, "uri-c1"))
	must[*types.Receipt](t)(r.RegisterModel(ctx, pub, "fraud", "1", h("f1"), registry.Lineage{}, ""))
	r3 := must[*types.Receipt](t)(r.RegisterModel(ctx, pub, "credit", "2", h("c2"), registry.Lineage{}, ""))

	all := must[[]registry.ModelEvent](t)(r.ModelEvents(ctx, "", 0, nil))
	var got []string
	for _, e := range all {
		got = append(got, e.Name+"@"+e.Version)
	}
	if !reflect.DeepEqual(got, []string{"credit@1", "fraud@1", "credit@2"}) {
		t.Fatalf("all model events: %q", got)
	}
	credit := must[[]registry.ModelEvent](t)(r.ModelEvents(ctx, "credit", 0, nil))
	want := []registry.ModelEvent{
		{Name: "credit", Version: "1", ArtifactDigest: h("c1"), MetadataURI: "uri-c1", Publisher: c.Address(admin), Lineage: lin, BlockNumber: r1.BlockNumber.Uint64(), TxHash: r1.TxHash},
		{Name: "credit", Version: "2", ArtifactDigest: h("c2"), Publisher: c.Address(admin), BlockNumber: r3.BlockNumber.Uint64(), TxHash: r3.TxHash},
	}
	if !reflect.DeepEqual(credit, want) {
		t.Fatalf("credit events\n%+v\nwant\n%+v", credit, want)
	}
	if none := must[[]registry.ModelEvent](t)(r.ModelEvents(ctx, "nope", 0, nil)); len(none) != 0 {
		t.Fatalf("events of an unknown model: %+v", none)
	}
}
