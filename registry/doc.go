// Package registry is the Go API over the GlassboxRegistry contract: the
// on-chain registry of model versions, the anchors of audit-log checkpoints,
// and disputes against log entries.
//
// # The contract
//
// One GlassboxRegistry contract (package contracts; docs/contracts.md)
// serves a deployment. It knows four roles: one admin, who grants the
// others; model publishers; one dispute resolver; one anchorer per log.
// The deployer starts as admin, publisher and resolver.
//
// # Models
//
// A model version is published once with [Client.RegisterModel]: a name, a
// version, the SHA-256 of its artifact ([ArtifactDigest]) and a metadata URI.
// It can never change, only be deprecated ([Client.DeprecateModel]). A
// service that loads a model file checks it against the chain with
// [Client.CheckArtifact] before recording decisions made with it.
//
// # Logs and anchors
//
// A log is registered by its checkpoint origin line; its id, a [LogID], is
// the SHA-256 of the origin ([LogIDFor]), so a checkpoint names its log on
// chain. [Client.Log] returns its registration ([LogInfo]). Its anchorer
// posts (tree size, root) pairs with [Client.Anchor] or, for several logs in
// one transaction, [Client.AnchorMany]. Sizes must strictly grow. The
// contract keeps the root of every anchored size ([Client.RootAt]) and the
// latest ([Client.LatestAnchor]): a receipt is checked against contract state,
// which survives the pruning of old transactions and event logs by nodes.
//
// # Retirement, succession and key rotation
//
// Anchors are never removed, not even a forged one, so a bad anchor of size
// 2^64-1 would stop a log for good. The admin takes such a log out of
// service with [Client.RetireLog] (its anchors stay readable; new ones fail
// with [ErrLogRetired]) and continues its line with [Client.RegisterSuccessor],
// a new log under a new origin anchored from size 0 ([Client.Successor],
// [Client.Predecessor]). [Client.RotateKey] declares a new checkpoint key from
// a size above every anchored size, so the key of an anchored checkpoint
// never changes; a verifier opens a checkpoint with [Client.CheckpointKey]
// (or [KeyForSize] over [Client.Keys]), not with the newest key.
//
// # Disputes
//
// Anyone may file a dispute against an anchored log entry
// ([Client.FileDispute]: log id, leaf index below the latest anchored size,
// leaf hash, a URI with the reason); a filer has at most one open dispute
// per entry and [MaxOpenDisputes] in all, so that griefing costs a fresh
// funded address every few disputes. The admin may give a named address
// another limit, up to [MaxDisputeLimit] ([Client.SetDisputeLimit]): a
// lender's dispute desk files for thousands of applicants from one address
// (package registry/desk). The resolver closes a dispute as upheld
// or rejected ([Client.ResolveDispute]), which frees the filer's slot. Both
// leave events and contract state ([Client.Dispute]).
//
// # Events
//
// Every state change emits an indexed event. [Client.AnchorEvents] and
// [Client.ModelEvents] list anchors and published models with their
// transactions; the bindings ([Bindings]) decode every event from a receipt.
// Events are history: nodes may prune them, the contract state stays.
//
// # Errors
//
// A revert comes back as a [*ContractError] carrying the custom error's name
// and decoded arguments; it unwraps to a sentinel of this package, so
//
//	if errors.Is(err, registry.ErrSizeNotGrowing) { ... }
//
// works whether the revert was found while estimating gas or after the
// transaction was mined (the client then replays it as a call to recover the
// reason). Both the simulated backend and JSON-RPC nodes (geth, anvil) return
// revert data this way.
//
// # Backends
//
// A [Client] works over any [Backend] (go-ethereum's bind.Backend and the
// chain id): an *ethclient.Client, or the client of go-ethereum's simulated
// backend. [New] checks that the contract is deployed; [At] reads nothing
// until the first call. Package registry/simchain starts an in-process
// simulated chain with the contract deployed, for examples and tests; no
// production package links it. Write methods wait until their transaction
// is mined; with a simulated backend set [Options].Commit (simchain does) or
// mine blocks from another goroutine.
//
// # One client
//
// This package is the only Go code that speaks to the contract: package
// anchor sends its anchoring transactions with the calldata of [Bindings],
// reads anchors and registrations with a [Client] and matches reverts with
// the sentinels here.
//
// # What it does not do
//
// The client keeps no local state and does not watch for reorganisations:
// a receipt returned by a write method is the one of the current canonical
// chain. Confirmation depth and reorg handling belong to package anchor.
package registry
