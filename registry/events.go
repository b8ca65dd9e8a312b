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
func (c *Client) AnchorEvents(ctx context.Context, logID [32]byte, fromBlock uint64, toBlock *uint64) ([]AnchorEvent, error) {
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
