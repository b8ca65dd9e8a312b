package registry

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
)

// AnchorEvent is one Anchored event: a checkpoint anchored by a
// transaction. Events are what nodes prune first; the contract state
// ([Client.RootAt]) is the lasting record, events say which transaction
// and block wrote it.
type AnchorEvent struct {
	Anchor
	TxHash    common.Hash
	BlockHash common.Hash
}

// AnchorEvents lists the Anchored events of a log in blocks fromBlock to
// toBlock inclusive (toBlock nil: the latest block), in chain order.
func (c *Client) AnchorEvents(ctx context.Context, logID LogID, fromBlock uint64, toBlock *uint64) ([]AnchorEvent, error) {
	it, err := bind.FilterEvents(c.contract, &bind.FilterOpts{Start: fromBlock, End: toBlock, Context: ctx},
		bindings.UnpackAnchoredEvent, []any{logID})
	if err != nil {
		return nil, fmt.Errorf("registry: Anchored events: %w", err)
	}
	defer it.Close()
	var out []AnchorEvent
	for it.Next() {
		ev := it.Value()
		out = append(out, AnchorEvent{
			Anchor:    Anchor{LogID: ev.LogId, TreeSize: ev.TreeSize, Root: ev.Root, BlockNumber: ev.Raw.BlockNumber},
			TxHash:    ev.Raw.TxHash,
			BlockHash: ev.Raw.BlockHash,
		})
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("registry: Anchored events: %w", err)
	}
	return out, nil
}

// ModelEvent is one ModelRegistered event: a model version published.
type ModelEvent struct {
	Name           string
	Version        string
	ArtifactDigest [32]byte
	MetadataURI    string
	Publisher      common.Address
	// Lineage is what the ModelLineage event of the same transaction
	// declares (zero fields: not declared; all zero as well when the
	// version predates lineage).
	Lineage     Lineage
	BlockNumber uint64
	TxHash      common.Hash
}

// ModelEvents lists the model versions published in blocks fromBlock to
// toBlock inclusive (toBlock nil: the latest block), in chain order; with a
// non-empty name, only that model's. It is how a client enumerates models:
// the contract lists the versions of a name ([Client.Versions]), not the
// names. Nodes may prune old events; the versions themselves stay readable
// with [Client.Model].
func (c *Client) ModelEvents(ctx context.Context, name string, fromBlock uint64, toBlock *uint64) ([]ModelEvent, error) {
	var topics [][]any
	if name != "" {
		topics = append(topics, []any{name}) // hashed into the indexed nameKey
	}
	it, err := bind.FilterEvents(c.contract, &bind.FilterOpts{Start: fromBlock, End: toBlock, Context: ctx},
		bindings.UnpackModelRegisteredEvent, topics...)
	if err != nil {
		return nil, fmt.Errorf("registry: ModelRegistered events: %w", err)
	}
	defer it.Close()
	var out []ModelEvent
	for it.Next() {
		ev := it.Value()
		out = append(out, ModelEvent{
			Name: ev.Name, Version: ev.Version, ArtifactDigest: ev.ArtifactDigest, MetadataURI: ev.MetadataURI,
			Publisher: ev.Publisher, BlockNumber: ev.Raw.BlockNumber, TxHash: ev.Raw.TxHash,
		})
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("registry: ModelRegistered events: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	// registerModel emits ModelLineage right after ModelRegistered, in the
	// same transaction: match them by transaction, name and version.
	type key struct {
		tx            common.Hash
		name, version string
	}
	lin := make(map[key]Lineage)
	lit, err := bind.FilterEvents(c.contract, &bind.FilterOpts{Start: fromBlock, End: toBlock, Context: ctx},
		bindings.UnpackModelLineageEvent, topics...)
	if err != nil {
		return nil, fmt.Errorf("registry: ModelLineage events: %w", err)
	}
	defer lit.Close()
	for lit.Next() {
		ev := lit.Value()
		lin[key{ev.Raw.TxHash, ev.Name, ev.Version}] = Lineage{SchemaDigest: ev.SchemaDigest, ManifestRoot: ev.ManifestRoot, CardDigest: ev.CardDigest, CodeRef: ev.CodeRef}
	}
	if err := lit.Error(); err != nil {
		return nil, fmt.Errorf("registry: ModelLineage events: %w", err)
	}
	for i := range out {
		out[i].Lineage = lin[key{out[i].TxHash, out[i].Name, out[i].Version}]
	}
	return out, nil
}
