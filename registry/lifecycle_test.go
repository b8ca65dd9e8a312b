package registry_test

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"math"
	"math/big"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/glassbox-audit/glassbox/internal/anviltest"
	"github.com/glassbox-audit/glassbox/registry"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// lifeEnv is a chain for the lifecycle suite: four funded signers (admin,
// anchorer, a second anchorer who also files disputes, an outsider) and,
// for a simulated chain, a way to mine.
type lifeEnv struct {
	backend registry.Backend
	signers [4]*bind.TransactOpts
	commit  func()
}

// deploy deploys a fresh registry from the admin, so each part of the
// suite starts from empty state.
func (e lifeEnv) deploy(t *testing.T) *registry.Client {
	t.Helper()
	r, _, err := registry.Deploy(context.Background(), e.backend, e.signers[0], &registry.Options{Commit: e.commit})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRecoveryBackends runs the lifecycle suite (the freeze attack and its
// recovery, key rotation, the dispute bounds, access control) on the
// simulated backend and on anvil over JSON-RPC.
func TestRecoveryBackends(t *testing.T) {
	suite := func(t *testing.T, env lifeEnv) {
		t.Run("freeze-and-recover", func(t *testing.T) { freezeAndRecover(t, env) })
		t.Run("key-rotation", func(t *testing.T) { keyRotation(t, env) })
		t.Run("dispute-bounds", func(t *testing.T) { disputeBounds(t, env) })
		t.Run("dispute-limit", func(t *testing.T) { disputeLimit(t, env) })
		t.Run("access-control", func(t *testing.T) { lifecycleAccess(t, env) })
	}
	t.Run("simulated", func(t *testing.T) {
		c, err := simchain.New(context.Background(), &simchain.Options{Accounts: 4})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		suite(t, lifeEnv{c.Client, [4]*bind.TransactOpts{c.TransactOpts(0), c.TransactOpts(1), c.TransactOpts(2), c.TransactOpts(3)}, func() { c.Commit() }})
	})
	t.Run("anvil", func(t *testing.T) {
		n := anviltest.Start(t, &anviltest.Options{Accounts: 4, Hardfork: "prague"})
		suite(t, lifeEnv{n.Client, [4]*bind.TransactOpts{n.TransactOpts(0), n.TransactOpts(1), n.TransactOpts(2), n.TransactOpts(3)}, nil})
	})
}

// freezeAndRecover: one anchor of size 2^64-1 from the (stolen) anchorer key
// stops the log for good, even after the admin replaces the anchorer; the
// admin retires the log, with the bad anchor still readable as evidence, and
// registers a successor that anchors from 0.
func freezeAndRecover(t *testing.T, env lifeEnv) {
	ctx := context.Background()
	adm, stolen, fresh, outsider := env.signers[0], env.signers[1], env.signers[2], env.signers[3]
	r := env.deploy(t)

	origin := "example.com/glassbox/recovery-v1"
	id := registry.LogIDFor(origin)
	must[*types.Receipt](t)(r.RegisterLog(ctx, adm, origin, pubKey("v1"), stolen.From))
	good := must[*types.Receipt](t)(r.Anchor(ctx, stolen, id, 10, h("good 10")))

	// The attack: one transaction anchors the largest size.
	bad := must[*types.Receipt](t)(r.Anchor(ctx, stolen, id, math.MaxUint64, h("forged")))

	// Replacing the anchorer does not help: no size can grow past it.
	must[*types.Receipt](t)(r.SetAnchorer(ctx, adm, id, fresh.From))
	_, err := r.Anchor(ctx, fresh, id, 11, h("good 11"))
	wantArgs(t, wantRevert(t, err, registry.ErrSizeNotGrowing, "SizeNotGrowing"), id, uint64(math.MaxUint64), uint64(11))
	// Nor does a key rotation: there is no size above the latest.
	_, err = r.RotateKey(ctx, adm, id, pubKey("v1 rotated"), math.MaxUint64)
	wantArgs(t, wantRevert(t, err, registry.ErrRotationBelowAnchored, "RotationBelowAnchored"), id, uint64(math.MaxUint64), uint64(math.MaxUint64))

	// A successor needs the old log retired first.
	_, err = r.RegisterSuccessor(ctx, adm, id, "example.com/glassbox/recovery-v2", pubKey("v2"), fresh.From)
	wantArgs(t, wantRevert(t, err, registry.ErrLogNotRetired, "LogNotRetired"), id)
	if ret := must[registry.Retirement](t)(r.Retirement(ctx, id)); ret != (registry.Retirement{}) {
		t.Fatalf("Retirement before retiring = %+v; want zero", ret)
	}

	// Recovery, step 1: retire.
	_, err = r.RetireLog(ctx, adm, id, "")
	wantRevert(t, err, registry.ErrEmptyReason, "EmptyReason")
	reason := "anchorer key stolen; forged anchor of size 2^64-1 in the block of tx " + bad.TxHash.Hex()
	rcpt := must[*types.Receipt](t)(r.RetireLog(ctx, adm, id, reason))
	ev := one(t, rcpt, b.UnpackRetiredEvent)
	if ev.LogId != id || ev.FinalSize != math.MaxUint64 || ev.Reason != reason {
		t.Fatalf("Retired %+v", ev)
	}
	ret := must[registry.Retirement](t)(r.Retirement(ctx, id))
	if want := (registry.Retirement{Retired: true, BlockNumber: rcpt.BlockNumber.Uint64(), Reason: reason}); ret != want {
		t.Fatalf("Retirement = %+v; want %+v", ret, want)
	}
	_, err = r.RetireLog(ctx, adm, id, "again")
	wantArgs(t, wantRevert(t, err, registry.ErrLogRetired, "LogRetired"), id)

	// A retired log refuses every anchor, checked before the size...
	_, err = r.Anchor(ctx, fresh, id, 11, h("good 11"))
	wantArgs(t, wantRevert(t, err, registry.ErrLogRetired, "LogRetired"), id)
	_, err = r.AnchorMany(ctx, fresh, []registry.Anchor{{LogID: id, TreeSize: 12, Root: h("good 12")}})
	wantRevert(t, err, registry.ErrLogRetired, "LogRetired")
	_, err = r.RotateKey(ctx, adm, id, pubKey("v1 rotated"), 1)
	wantRevert(t, err, registry.ErrLogRetired, "LogRetired")
	// ...also when the transaction fails after mining (no gas estimation).
	forced := *fresh
	forced.GasLimit = 300_000
	failed, err := r.Anchor(ctx, &forced, id, 11, h("good 11"))
	wantRevert(t, err, registry.ErrLogRetired, "LogRetired")
	if failed == nil || failed.Status != types.ReceiptStatusFailed {
		t.Fatalf("receipt %+v; want a failed one", failed)
	}

	// The evidence stays: the good anchor and the forged one, with blocks.
	if a := must[registry.Anchor](t)(r.RootAt(ctx, id, 10)); a.Root != h("good 10") || a.BlockNumber != good.BlockNumber.Uint64() {
		t.Fatalf("RootAt(10) = %+v", a)
	}
	if a := must[registry.Anchor](t)(r.RootAt(ctx, id, math.MaxUint64)); a.Root != h("forged") || a.BlockNumber != bad.BlockNumber.Uint64() {
		t.Fatalf("RootAt(2^64-1) = %+v", a)
	}
	if a := must[registry.Anchor](t)(r.LatestAnchor(ctx, id)); a.TreeSize != math.MaxUint64 || a.Root != h("forged") {
		t.Fatalf("LatestAnchor = %+v", a)
	}
	evs := must[[]registry.AnchorEvent](t)(r.AnchorEvents(ctx, id, 0, nil))
	if len(evs) != 2 || evs[1].TreeSize != math.MaxUint64 || evs[1].TxHash != bad.TxHash {
		t.Fatalf("Anchored events %+v", evs)
	}
	// Entries of a retired log can still be disputed.
	if _, _, err := r.FileDispute(ctx, outsider, id, 3, h("leaf 3"), "https://example.com/d/3"); err != nil {
		t.Fatalf("dispute against a retired log: %v", err)
	}

	// Recovery, step 2: the successor, a new log under a new origin.
	origin2 := "example.com/glassbox/recovery-v2"
	id2 := registry.LogIDFor(origin2)
	rcpt = must[*types.Receipt](t)(r.RegisterSuccessor(ctx, adm, id, origin2, pubKey("v2"), fresh.From))
	sr := one(t, rcpt, b.UnpackSuccessorRegisteredEvent)
	if sr.LogId != id || sr.Successor != id2 {
		t.Fatalf("SuccessorRegistered %+v", sr)
	}
	if lr := one(t, rcpt, b.UnpackLogRegisteredEvent); lr.LogId != id2 || lr.Origin != origin2 || lr.Anchorer != fresh.From {
		t.Fatalf("LogRegistered %+v", lr)
	}
	if ac := one(t, rcpt, b.UnpackAnchorerChangedEvent); ac.LogId != id2 || ac.NewAnchorer != fresh.From {
		t.Fatalf("AnchorerChanged %+v", ac)
	}
	wantLink(t, r.Successor, id, id2, true)
	wantLink(t, r.Predecessor, id2, id, true)
	wantLink(t, r.Successor, id2, [32]byte{}, false)
	wantLink(t, r.Predecessor, id, [32]byte{}, false)
	if ids := must[[]registry.LogID](t)(r.LogIDs(ctx)); !reflect.DeepEqual(ids, []registry.LogID{id, id2}) {
		t.Fatalf("LogIDs = %x", ids)
	}
	_, err = r.RegisterSuccessor(ctx, adm, id, "example.com/glassbox/recovery-v3", pubKey("v3"), fresh.From)
	wantArgs(t, wantRevert(t, err, registry.ErrSuccessorExists, "SuccessorExists"), id, id2)

	// The successor anchors from size 1; the stolen key has no say in it.
	must[*types.Receipt](t)(r.Anchor(ctx, fresh, id2, 1, h("v2 root 1")))
	_, err = r.Anchor(ctx, stolen, id2, 2, h("v2 forged"))
	wantRevert(t, err, registry.ErrNotAnchorer, "NotAnchorer")
	if info := must[registry.LogInfo](t)(r.Log(ctx, id2)); info.LatestSize != 1 || info.Origin != origin2 || !info.PublicKey.Equal(pubKey("v2")) {
		t.Fatalf("successor Log = %+v", info)
	}

	// A successor's origin must be new, and the old log must exist.
	origin3 := "example.com/glassbox/other"
	id3 := registry.LogIDFor(origin3)
	must[*types.Receipt](t)(r.RegisterLog(ctx, adm, origin3, pubKey("other"), fresh.From))
	must[*types.Receipt](t)(r.RetireLog(ctx, adm, id3, "test"))
	_, err = r.RegisterSuccessor(ctx, adm, id3, origin2, pubKey("v2"), fresh.From)
	wantArgs(t, wantRevert(t, err, registry.ErrLogExists, "LogExists"), id2)
	_, err = r.RegisterSuccessor(ctx, adm, registry.LogIDFor("nope"), "example.com/glassbox/x", pubKey("x"), fresh.From)
	wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog")
	_, err = r.RegisterSuccessor(ctx, adm, id3, "", pubKey("x"), fresh.From)
	wantRevert(t, err, registry.ErrEmptyOrigin, "EmptyOrigin")
	_, err = r.RegisterSuccessor(ctx, adm, id3, "example.com/glassbox/x", pubKey("x")[:8], fresh.From)
	if !errors.Is(err, registry.ErrInvalidArgument) {
		t.Fatalf("short successor key: %v; want ErrInvalidArgument", err)
	}
	_, _, err = r.Successor(ctx, registry.LogIDFor("nope"))
	wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog")
	_, err = r.Retirement(ctx, registry.LogIDFor("nope"))
	wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog")
}

func wantLink(t *testing.T, read func(context.Context, registry.LogID) (registry.LogID, bool, error), from, want registry.LogID, wantOK bool) {
	t.Helper()
	got, ok, err := read(context.Background(), from)
	if err != nil || got != want || ok != wantOK {
		t.Fatalf("link of %x: %x, %v, %v; want %x, %v", from[:4], got[:4], ok, err, want[:4], wantOK)
	}
}

// keyRotation: rotations apply from sizes above everything anchored, in
// order; keyAt, keys, CheckpointKey and KeyForSize agree at every boundary,
// and the key of an anchored size never changes.
func keyRotation(t *testing.T, env lifeEnv) {
	ctx := context.Background()
	adm, anc := env.signers[0], env.signers[1]
	r := env.deploy(t)

	origin := "example.com/glassbox/rotating"
	id := registry.LogIDFor(origin)
	k0, k1, k2, k3 := pubKey("k0"), pubKey("k1"), pubKey("k2"), pubKey("k3")
	must[*types.Receipt](t)(r.RegisterLog(ctx, adm, origin, k0, anc.From))
	must[*types.Receipt](t)(r.Anchor(ctx, anc, id, 10, h("r10")))

	// Not at or below the anchored size.
	for _, from := range []uint64{0, 5, 10} {
		_, err := r.RotateKey(ctx, adm, id, k1, from)
		wantArgs(t, wantRevert(t, err, registry.ErrRotationBelowAnchored, "RotationBelowAnchored"), id, from, uint64(10))
	}
	_, err := r.RotateKey(ctx, adm, id, make(ed25519.PublicKey, 32), 11)
	wantRevert(t, err, registry.ErrZeroPublicKey, "ZeroPublicKey")
	_, err = r.RotateKey(ctx, adm, id, k1[:31], 11)
	if !errors.Is(err, registry.ErrInvalidArgument) {
		t.Fatalf("short key: %v; want ErrInvalidArgument", err)
	}

	rc1 := must[*types.Receipt](t)(r.RotateKey(ctx, adm, id, k1, 11))
	kr := one(t, rc1, b.UnpackKeyRotatedEvent)
	if kr.LogId != id || kr.PublicKey != [32]byte(k1) || kr.FromSize != 11 {
		t.Fatalf("KeyRotated %+v", kr)
	}
	// Rotations are in order of size.
	for _, from := range []uint64{11, 10} {
		_, err = r.RotateKey(ctx, adm, id, k2, from)
		if from == 11 {
			wantArgs(t, wantRevert(t, err, registry.ErrRotationOutOfOrder, "RotationOutOfOrder"), id, uint64(11), uint64(11))
		} else {
			wantRevert(t, err, registry.ErrRotationBelowAnchored, "RotationBelowAnchored")
		}
	}
	rc2 := must[*types.Receipt](t)(r.RotateKey(ctx, adm, id, k2, 100))

	want := []registry.LogKey{
		{PublicKey: k0, FromSize: 0, BlockNumber: 0},
		{PublicKey: k1, FromSize: 11, BlockNumber: rc1.BlockNumber.Uint64()},
		{PublicKey: k2, FromSize: 100, BlockNumber: rc2.BlockNumber.Uint64()},
	}
	keys := must[[]registry.LogKey](t)(r.Keys(ctx, id))
	if !reflect.DeepEqual(keys, want) {
		t.Fatalf("Keys = %+v\nwant %+v", keys, want)
	}
	boundaries := []struct {
		size uint64
		want int
	}{{0, 0}, {1, 0}, {10, 0}, {11, 1}, {12, 1}, {99, 1}, {100, 2}, {101, 2}, {math.MaxUint64, 2}}
	for _, bd := range boundaries {
		got := must[registry.LogKey](t)(r.KeyAt(ctx, id, bd.size))
		if !reflect.DeepEqual(got, want[bd.want]) {
			t.Fatalf("KeyAt(%d) = %+v; want %+v", bd.size, got, want[bd.want])
		}
		if off := must[registry.LogKey](t)(registry.KeyForSize(keys, bd.size)); !reflect.DeepEqual(off, got) {
			t.Fatalf("KeyForSize(%d) = %+v; KeyAt says %+v", bd.size, off, got)
		}
		if pk := must[ed25519.PublicKey](t)(r.CheckpointKey(ctx, origin, bd.size)); !pk.Equal(want[bd.want].PublicKey) {
			t.Fatalf("CheckpointKey(%d) = %x", bd.size, pk)
		}
	}
	// logInfo names the newest key.
	if info := must[registry.LogInfo](t)(r.Log(ctx, id)); !info.PublicKey.Equal(k2) {
		t.Fatalf("Log().PublicKey = %x; want the newest key", info.PublicKey)
	}

	// A real signature: a checkpoint of size 50 signed with k1 checks
	// with the key for size 50, not with the key for size 10.
	body := []byte(origin + "\n50\n" + "n9m1iq7P4Xb4Hb3N4S0a7f6wXrcR9Nq7oM5dDJ0b8Ck=\n")
	sig := ed25519.Sign(privKey("k1"), body)
	if !ed25519.Verify(must[ed25519.PublicKey](t)(r.CheckpointKey(ctx, origin, 50)), body, sig) {
		t.Fatal("checkpoint signed by k1 does not verify with the key for size 50")
	}
	if ed25519.Verify(must[ed25519.PublicKey](t)(r.CheckpointKey(ctx, origin, 10)), body, sig) {
		t.Fatal("checkpoint signed by k1 verifies with the key for size 10")
	}

	// Anchoring past a rotation fixes the keys below; a later rotation must
	// be above the new anchored size, and leaves the anchored sizes' keys.
	must[*types.Receipt](t)(r.Anchor(ctx, anc, id, 200, h("r200")))
	_, err = r.RotateKey(ctx, adm, id, k3, 150)
	wantArgs(t, wantRevert(t, err, registry.ErrRotationBelowAnchored, "RotationBelowAnchored"), id, uint64(150), uint64(200))
	must[*types.Receipt](t)(r.RotateKey(ctx, adm, id, k3, 201))
	for _, bd := range boundaries[:len(boundaries)-1] {
		if got := must[registry.LogKey](t)(r.KeyAt(ctx, id, bd.size)); !reflect.DeepEqual(got, want[bd.want]) {
			t.Fatalf("after a later rotation, KeyAt(%d) = %+v; want %+v", bd.size, got, want[bd.want])
		}
	}
	if got := must[registry.LogKey](t)(r.KeyAt(ctx, id, 200)); !got.PublicKey.Equal(k2) {
		t.Fatalf("KeyAt(200) = %x; want k2", got.PublicKey)
	}
	if got := must[registry.LogKey](t)(r.KeyAt(ctx, id, 201)); !got.PublicKey.Equal(k3) || got.FromSize != 201 {
		t.Fatalf("KeyAt(201) = %+v; want k3 from 201", got)
	}

	// A log that never rotated has its registration key everywhere.
	plain := "example.com/glassbox/plain"
	must[*types.Receipt](t)(r.RegisterLog(ctx, adm, plain, pubKey("plain"), anc.From))
	if ks := must[[]registry.LogKey](t)(r.Keys(ctx, registry.LogIDFor(plain))); len(ks) != 1 || !ks[0].PublicKey.Equal(pubKey("plain")) || ks[0].FromSize != 0 {
		t.Fatalf("Keys of an unrotated log = %+v", ks)
	}
	if k := must[registry.LogKey](t)(r.KeyAt(ctx, registry.LogIDFor(plain), math.MaxUint64)); !k.PublicKey.Equal(pubKey("plain")) {
		t.Fatalf("KeyAt of an unrotated log = %+v", k)
	}

	// Unknown logs.
	unknown := registry.LogIDFor("nope")
	_, err = r.KeyAt(ctx, unknown, 1)
	wantArgs(t, wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog"), unknown)
	_, err = r.Keys(ctx, unknown)
	wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog")
	_, err = r.CheckpointKey(ctx, "nope", 1)
	wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog")
	_, err = r.RotateKey(ctx, adm, unknown, k1, 1)
	wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog")
}

// disputeBounds: disputes only against anchored leaves, one open per filer
// and leaf, MaxOpenDisputes open per filer; resolving frees the slot.
func disputeBounds(t *testing.T, env lifeEnv) {
	ctx := context.Background()
	adm, anc, filer, other := env.signers[0], env.signers[1], env.signers[2], env.signers[3]
	r := env.deploy(t)
	ids := make([]registry.LogID, 2)
	for i, o := range []string{"example.com/glassbox/disputed", "example.com/glassbox/empty"} {
		must[*types.Receipt](t)(r.RegisterLog(ctx, adm, o, pubKey(o), anc.From))
		ids[i] = registry.LogIDFor(o)
	}
	id := ids[0]
	must[*types.Receipt](t)(r.Anchor(ctx, anc, id, 10, h("r10")))
	file := func(who *bind.TransactOpts, logID registry.LogID, leaf uint64) (uint64, error) {
		did, _, err := r.FileDispute(ctx, who, logID, leaf, h("leaf"), "https://example.com/d")
		return did, err
	}

	// Anchored leaves only: index < latest anchored size.
	_, err := file(filer, ids[1], 0)
	wantArgs(t, wantRevert(t, err, registry.ErrLeafNotAnchored, "LeafNotAnchored"), ids[1], uint64(0), uint64(0))
	for _, leaf := range []uint64{10, 11, math.MaxUint64} {
		_, err = file(filer, id, leaf)
		wantArgs(t, wantRevert(t, err, registry.ErrLeafNotAnchored, "LeafNotAnchored"), id, leaf, uint64(10))
	}
	first := must[uint64](t)(file(filer, id, 9))

	// One open dispute per filer and leaf; another filer may dispute it too.
	_, err = file(filer, id, 9)
	wantArgs(t, wantRevert(t, err, registry.ErrDuplicateDispute, "DuplicateDispute"), id, uint64(9), filer.From, u256(first))
	if got := must[uint64](t)(r.OpenDisputeOf(ctx, filer.From, id, 9)); got != first {
		t.Fatalf("OpenDisputeOf = %d; want %d", got, first)
	}
	if got := must[uint64](t)(r.OpenDisputeOf(ctx, other.From, id, 9)); got != 0 {
		t.Fatalf("OpenDisputeOf another filer = %d; want 0", got)
	}
	otherID := must[uint64](t)(file(other, id, 9))

	// At most MaxOpenDisputes open per filer.
	for leaf := uint64(0); leaf < registry.MaxOpenDisputes-1; leaf++ {
		must[uint64](t)(file(filer, id, leaf))
	}
	if n := must[uint64](t)(r.OpenDisputes(ctx, filer.From)); n != registry.MaxOpenDisputes {
		t.Fatalf("OpenDisputes = %d; want %d", n, registry.MaxOpenDisputes)
	}
	_, err = file(filer, id, 8)
	wantArgs(t, wantRevert(t, err, registry.ErrTooManyOpenDisputes, "TooManyOpenDisputes"), filer.From, u256(registry.MaxOpenDisputes))
	// The cap is per filer.
	must[uint64](t)(file(other, id, 8))
	if n := must[uint64](t)(r.OpenDisputes(ctx, other.From)); n != 2 {
		t.Fatalf("OpenDisputes(other) = %d; want 2", n)
	}
	if c := must[*big.Int](t)(bind.Call(r.Contract(), nil, b.PackMAXOPENDISPUTES(), b.UnpackMAXOPENDISPUTES)); c.Cmp(u256(registry.MaxOpenDisputes)) != 0 {
		t.Fatalf("MAX_OPEN_DISPUTES = %s; registry.MaxOpenDisputes = %d", c, registry.MaxOpenDisputes)
	}

	// Resolving frees the slot and the leaf; the dispute stays on record.
	must[*types.Receipt](t)(r.ResolveDispute(ctx, adm, first, registry.DisputeRejected, "https://example.com/r"))
	if n := must[uint64](t)(r.OpenDisputes(ctx, filer.From)); n != registry.MaxOpenDisputes-1 {
		t.Fatalf("OpenDisputes after resolving = %d; want %d", n, registry.MaxOpenDisputes-1)
	}
	if got := must[uint64](t)(r.OpenDisputeOf(ctx, filer.From, id, 9)); got != 0 {
		t.Fatalf("OpenDisputeOf after resolving = %d; want 0", got)
	}
	if d := must[registry.Dispute](t)(r.Dispute(ctx, first)); d.Status != registry.DisputeRejected || d.LeafIndex != 9 || d.Filer != filer.From {
		t.Fatalf("resolved dispute %+v", d)
	}
	again := must[uint64](t)(file(filer, id, 9)) // the same leaf again: a new dispute
	if again == first {
		t.Fatalf("refiled dispute reuses id %d", first)
	}
	_, err = file(filer, id, 8)
	wantRevert(t, err, registry.ErrTooManyOpenDisputes, "TooManyOpenDisputes")
	// The other filer's dispute on the same leaf was untouched.
	if got := must[uint64](t)(r.OpenDisputeOf(ctx, other.From, id, 9)); got != otherID {
		t.Fatalf("other filer's open dispute = %d; want %d", got, otherID)
	}
	// Upholding frees the slot too.
	must[*types.Receipt](t)(r.ResolveDispute(ctx, adm, again, registry.DisputeUpheld, "https://example.com/r2"))
	must[uint64](t)(file(filer, id, 8))
}

// disputeLimit: the admin raises one address's open-dispute limit (a
// dispute desk filing for many applicants); that address files past
// MaxOpenDisputes up to its limit, every other address still stops at
// MaxOpenDisputes; only the admin sets a limit, within MaxDisputeLimit; 0
// restores the default.
func disputeLimit(t *testing.T, env lifeEnv) {
	ctx := context.Background()
	adm, anc, desk, ordinary := env.signers[0], env.signers[1], env.signers[2], env.signers[3]
	r := env.deploy(t)
	origin := "example.com/glassbox/desk"
	id := registry.LogIDFor(origin)
	must[*types.Receipt](t)(r.RegisterLog(ctx, adm, origin, pubKey(origin), anc.From))
	must[*types.Receipt](t)(r.Anchor(ctx, anc, id, 40, h("r40")))
	file := func(who *bind.TransactOpts, leaf uint64) (uint64, error) {
		did, _, err := r.FileDispute(ctx, who, id, leaf, h("leaf"), "sha256:reason")
		return did, err
	}
	limitOf := func(who *bind.TransactOpts) uint64 {
		t.Helper()
		return must[uint64](t)(r.DisputeLimit(ctx, who.From))
	}
	if got := limitOf(desk); got != registry.MaxOpenDisputes {
		t.Fatalf("default DisputeLimit = %d; want %d", got, registry.MaxOpenDisputes)
	}
	if c := must[uint32](t)(bind.Call(r.Contract(), nil, b.PackMAXDISPUTELIMIT(), b.UnpackMAXDISPUTELIMIT)); c != registry.MaxDisputeLimit {
		t.Fatalf("MAX_DISPUTE_LIMIT = %d; registry.MaxDisputeLimit = %d", c, registry.MaxDisputeLimit)
	}

	// Only the admin sets a limit: not the desk itself, not the anchorer.
	for _, who := range []*bind.TransactOpts{desk, anc, ordinary} {
		_, err := r.SetDisputeLimit(ctx, who, desk.From, 1000)
		wantArgs(t, wantRevert(t, err, registry.ErrNotAdmin, "NotAdmin"), who.From)
	}
	_, err := r.SetDisputeLimit(ctx, adm, common.Address{}, 1000)
	wantRevert(t, err, registry.ErrZeroAddress, "ZeroAddress")
	_, err = r.SetDisputeLimit(ctx, adm, desk.From, registry.MaxDisputeLimit+1)
	wantArgs(t, wantRevert(t, err, registry.ErrDisputeLimitTooHigh, "DisputeLimitTooHigh"),
		desk.From, uint32(registry.MaxDisputeLimit+1), uint32(registry.MaxDisputeLimit))
	if got := limitOf(desk); got != registry.MaxOpenDisputes {
		t.Fatalf("DisputeLimit after refused attempts = %d; want %d", got, registry.MaxOpenDisputes)
	}
	rcpt := must[*types.Receipt](t)(r.SetDisputeLimit(ctx, adm, desk.From, registry.MaxDisputeLimit))
	if ev := one(t, rcpt, b.UnpackDisputeLimitSetEvent); ev.Filer != desk.From || ev.Limit != registry.MaxDisputeLimit {
		t.Fatalf("DisputeLimitSet %+v", ev)
	}
	const raised = 12
	rcpt = must[*types.Receipt](t)(r.SetDisputeLimit(ctx, adm, desk.From, raised))
	if ev := one(t, rcpt, b.UnpackDisputeLimitSetEvent); ev.Filer != desk.From || ev.Limit != raised {
		t.Fatalf("DisputeLimitSet %+v", ev)
	}
	if got, other := limitOf(desk), limitOf(ordinary); got != raised || other != registry.MaxOpenDisputes {
		t.Fatalf("DisputeLimit desk %d, ordinary %d; want %d, %d", got, other, raised, registry.MaxOpenDisputes)
	}

	// The desk files past MaxOpenDisputes, up to its limit.
	var deskIDs []uint64
	for leaf := uint64(0); leaf < raised; leaf++ {
		deskIDs = append(deskIDs, must[uint64](t)(file(desk, leaf)))
	}
	if n := must[uint64](t)(r.OpenDisputes(ctx, desk.From)); n != raised {
		t.Fatalf("desk OpenDisputes = %d; want %d", n, raised)
	}
	_, err = file(desk, raised)
	wantArgs(t, wantRevert(t, err, registry.ErrTooManyOpenDisputes, "TooManyOpenDisputes"), desk.From, u256(raised))

	// Everyone else still stops at MaxOpenDisputes.
	for leaf := uint64(0); leaf < registry.MaxOpenDisputes; leaf++ {
		must[uint64](t)(file(ordinary, leaf))
	}
	_, err = file(ordinary, registry.MaxOpenDisputes)
	wantArgs(t, wantRevert(t, err, registry.ErrTooManyOpenDisputes, "TooManyOpenDisputes"), ordinary.From, u256(registry.MaxOpenDisputes))

	// 0 restores the default; the open disputes stay open and the desk
	// files again once it is below the default.
	rcpt = must[*types.Receipt](t)(r.SetDisputeLimit(ctx, adm, desk.From, 0))
	if ev := one(t, rcpt, b.UnpackDisputeLimitSetEvent); ev.Filer != desk.From || ev.Limit != 0 {
		t.Fatalf("DisputeLimitSet %+v", ev)
	}
	if got := limitOf(desk); got != registry.MaxOpenDisputes {
		t.Fatalf("DisputeLimit after reset = %d; want %d", got, registry.MaxOpenDisputes)
	}
	_, err = file(desk, raised)
	wantArgs(t, wantRevert(t, err, registry.ErrTooManyOpenDisputes, "TooManyOpenDisputes"), desk.From, u256(registry.MaxOpenDisputes))
	for _, did := range deskIDs[:raised-registry.MaxOpenDisputes+1] {
		must[*types.Receipt](t)(r.ResolveDispute(ctx, adm, did, registry.DisputeRejected, "https://example.com/r"))
	}
	if n := must[uint64](t)(r.OpenDisputes(ctx, desk.From)); n != registry.MaxOpenDisputes-1 {
		t.Fatalf("desk OpenDisputes after resolving = %d; want %d", n, registry.MaxOpenDisputes-1)
	}
	must[uint64](t)(file(desk, raised))
	_, err = file(desk, raised+1)
	wantRevert(t, err, registry.ErrTooManyOpenDisputes, "TooManyOpenDisputes")
}

// lifecycleAccess: only the admin retires, succeeds and rotates; neither an
// outsider nor the log's own anchorer may.
func lifecycleAccess(t *testing.T, env lifeEnv) {
	ctx := context.Background()
	adm, anc, outsider := env.signers[0], env.signers[1], env.signers[3]
	r := env.deploy(t)
	origin := "example.com/glassbox/guarded"
	id := registry.LogIDFor(origin)
	must[*types.Receipt](t)(r.RegisterLog(ctx, adm, origin, pubKey(origin), anc.From))

	for _, who := range []*bind.TransactOpts{outsider, anc} {
		_, err := r.RetireLog(ctx, who, id, "hostile")
		wantArgs(t, wantRevert(t, err, registry.ErrNotAdmin, "NotAdmin"), who.From)
		_, err = r.RotateKey(ctx, who, id, pubKey("hostile"), 1)
		wantArgs(t, wantRevert(t, err, registry.ErrNotAdmin, "NotAdmin"), who.From)
	}
	_, err := r.RetireLog(ctx, adm, registry.LogIDFor("nope"), "x")
	wantRevert(t, err, registry.ErrUnknownLog, "UnknownLog")
	must[*types.Receipt](t)(r.RetireLog(ctx, adm, id, "end of service"))
	for _, who := range []*bind.TransactOpts{outsider, anc} {
		_, err = r.RegisterSuccessor(ctx, who, id, "example.com/glassbox/hostile", pubKey("hostile"), who.From)
		wantArgs(t, wantRevert(t, err, registry.ErrNotAdmin, "NotAdmin"), who.From)
	}
	// Nothing changed.
	if _, ok, err := r.Successor(ctx, id); ok || err != nil {
		t.Fatalf("successor after refused attempts: %v, %v", ok, err)
	}
	if ks := must[[]registry.LogKey](t)(r.Keys(ctx, id)); len(ks) != 1 {
		t.Fatalf("keys after refused rotations: %+v", ks)
	}
	// A new admin holds the power, the old one has lost it.
	must[*types.Receipt](t)(r.TransferAdmin(ctx, adm, outsider.From))
	must[*types.Receipt](t)(r.AcceptAdmin(ctx, outsider))
	_, err = r.RegisterSuccessor(ctx, adm, id, "example.com/glassbox/guarded-2", pubKey("g2"), anc.From)
	wantRevert(t, err, registry.ErrNotAdmin, "NotAdmin")
	must[*types.Receipt](t)(r.RegisterSuccessor(ctx, outsider, id, "example.com/glassbox/guarded-2", pubKey("g2"), anc.From))
}

func privKey(seed string) ed25519.PrivateKey {
	s := sha256.Sum256([]byte(seed))
	return ed25519.NewKeyFromSeed(s[:])
}

// TestDecodeLifecycleReverts decodes the new errors from an encoding made
// from their signatures, not from the generated ABI.
func TestDecodeLifecycleReverts(t *testing.T) {
	id := [32]byte{7}
	filer := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	cases := []struct {
		data     []byte
		name     string
		sentinel error
		args     []any
	}{
		{encodeError(t, "LogRetired(bytes32)", []string{"bytes32"}, id), "LogRetired", registry.ErrLogRetired, []any{id}},
		{encodeError(t, "LogNotRetired(bytes32)", []string{"bytes32"}, id), "LogNotRetired", registry.ErrLogNotRetired, []any{id}},
		{encodeError(t, "SuccessorExists(bytes32,bytes32)", []string{"bytes32", "bytes32"}, id, [32]byte{8}), "SuccessorExists", registry.ErrSuccessorExists, []any{id, [32]byte{8}}},
		{encodeError(t, "RotationBelowAnchored(bytes32,uint64,uint64)", []string{"bytes32", "uint64", "uint64"}, id, uint64(3), uint64(9)),
			"RotationBelowAnchored", registry.ErrRotationBelowAnchored, []any{id, uint64(3), uint64(9)}},
		{encodeError(t, "RotationOutOfOrder(bytes32,uint64,uint64)", []string{"bytes32", "uint64", "uint64"}, id, uint64(3), uint64(9)),
			"RotationOutOfOrder", registry.ErrRotationOutOfOrder, []any{id, uint64(3), uint64(9)}},
		{encodeError(t, "LeafNotAnchored(bytes32,uint64,uint64)", []string{"bytes32", "uint64", "uint64"}, id, uint64(5), uint64(5)),
			"LeafNotAnchored", registry.ErrLeafNotAnchored, []any{id, uint64(5), uint64(5)}},
		{encodeError(t, "DuplicateDispute(bytes32,uint64,address,uint256)", []string{"bytes32", "uint64", "address", "uint256"}, id, uint64(5), filer, u256(3)),
			"DuplicateDispute", registry.ErrDuplicateDispute, []any{id, uint64(5), filer, u256(3)}},
		{encodeError(t, "TooManyOpenDisputes(address,uint256)", []string{"address", "uint256"}, filer, u256(8)),
			"TooManyOpenDisputes", registry.ErrTooManyOpenDisputes, []any{filer, u256(8)}},
		{encodeError(t, "DisputeLimitTooHigh(address,uint32,uint32)", []string{"address", "uint32", "uint32"}, filer, uint32(1<<20+1), uint32(1<<20)),
			"DisputeLimitTooHigh", registry.ErrDisputeLimitTooHigh, []any{filer, uint32(1<<20 + 1), uint32(1 << 20)}},
	}
	for _, tc := range cases {
		ce := registry.DecodeRevert(tc.data)
		if ce.Name != tc.name || !errors.Is(ce, tc.sentinel) {
			t.Errorf("%s: decoded %q (%v)", tc.name, ce.Name, ce.Unwrap())
			continue
		}
		wantArgs(t, ce.Args, tc.args...)
	}
}

func TestKeyForSize(t *testing.T) {
	k := func(s string, from uint64) registry.LogKey {
		return registry.LogKey{PublicKey: pubKey(s), FromSize: from}
	}
	for _, bad := range [][]registry.LogKey{
		nil,
		{k("a", 1)},
		{k("a", 0), k("b", 5), k("c", 5)},
		{k("a", 0), k("b", 5), k("c", 3)},
	} {
		if _, err := registry.KeyForSize(bad, 4); !errors.Is(err, registry.ErrInvalidArgument) {
			t.Errorf("KeyForSize(%+v): %v; want ErrInvalidArgument", bad, err)
		}
	}
	keys := []registry.LogKey{k("a", 0), k("b", 5), k("c", math.MaxUint64)}
	for size, want := range map[uint64]string{0: "a", 4: "a", 5: "b", math.MaxUint64 - 1: "b", math.MaxUint64: "c"} {
		got, err := registry.KeyForSize(keys, size)
		if err != nil || !got.PublicKey.Equal(pubKey(want)) {
			t.Errorf("KeyForSize(%d) = %+v, %v; want key %s", size, got, err, want)
		}
	}
}

// FuzzKeyForSize checks KeyForSize against a plain reference (scan from the
// end for the last key starting at or below the size) on any list, sorted
// or not; it never panics.
func FuzzKeyForSize(f *testing.F) {
	f.Add([]byte{0, 5, 9}, uint64(6))
	f.Add([]byte{0}, uint64(0))
	f.Add([]byte{3, 1}, uint64(2))
	f.Fuzz(func(t *testing.T, froms []byte, size uint64) {
		keys := make([]registry.LogKey, len(froms))
		for i, fr := range froms {
			keys[i] = registry.LogKey{PublicKey: pubKey(string(rune(i))), FromSize: uint64(fr)}
		}
		got, err := registry.KeyForSize(keys, size)
		valid := len(keys) > 0 && keys[0].FromSize == 0
		for i := 1; valid && i < len(keys); i++ {
			valid = keys[i].FromSize > keys[i-1].FromSize
		}
		if !valid {
			if !errors.Is(err, registry.ErrInvalidArgument) {
				t.Fatalf("invalid list %v: %v", froms, err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		for i := len(keys) - 1; i >= 0; i-- {
			if keys[i].FromSize <= size {
				if !reflect.DeepEqual(got, keys[i]) {
					t.Fatalf("KeyForSize(%v, %d) = %+v; want key %d", froms, size, got, i)
				}
				return
			}
		}
		t.Fatal("no key found by the reference")
	})
}
