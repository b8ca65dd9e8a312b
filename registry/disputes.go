package registry

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// DisputeStatus is the state of a dispute; the values match the contract's
// DisputeStatus enum.
type DisputeStatus uint8

// Dispute states. DisputeUpheld and DisputeRejected are the outcomes a
// resolver may choose.
const (
	DisputeNone     DisputeStatus = 0
	DisputeOpen     DisputeStatus = 1
	DisputeUpheld   DisputeStatus = 2
	DisputeRejected DisputeStatus = 3
)

func (s DisputeStatus) String() string {
	switch s {
	case DisputeNone:
		return "none"
	case DisputeOpen:
		return "open"
	case DisputeUpheld:
		return "upheld"
	case DisputeRejected:
		return "rejected"
	}
	return fmt.Sprintf("DisputeStatus(%d)", uint8(s))
}

// Dispute is a dispute filed against a log entry.
type Dispute struct {
	ID            uint64
	LogID         LogID
	LeafIndex     uint64
	LeafHash      [32]byte
	ReasonURI     string
	Filer         common.Address
	FiledBlock    uint64
	Status        DisputeStatus
	ResolutionURI string
}

// FileDispute files a dispute against the entry at leafIndex of a log, with
// the entry's leaf hash and a URI explaining the reason. Anyone may file
// one. It returns the new dispute's id, read from the DisputeFiled event.
func (c *Client) FileDispute(ctx context.Context, auth *bind.TransactOpts, logID LogID, leafIndex uint64, leafHash [32]byte, reasonURI string) (uint64, *types.Receipt, error) {
	rcpt, err := c.transact(ctx, "fileDispute", auth, bindings.PackFileDispute(logID, leafIndex, leafHash, reasonURI))
	if err != nil {
		return 0, rcpt, err
	}
	for _, l := range rcpt.Logs {
		if l.Address != c.address {
			continue
		}
		ev, err := bindings.UnpackDisputeFiledEvent(l)
		if err != nil {
			continue
		}
		if !ev.Id.IsUint64() {
			return 0, rcpt, fmt.Errorf("registry: fileDispute: implausible dispute id %s", ev.Id)
		}
		return ev.Id.Uint64(), rcpt, nil
	}
	return 0, rcpt, fmt.Errorf("registry: fileDispute: no DisputeFiled event in transaction %s", rcpt.TxHash)
}

// ResolveDispute closes an open dispute with outcome DisputeUpheld or
// DisputeRejected and a URI explaining the resolution. Resolver only.
func (c *Client) ResolveDispute(ctx context.Context, auth *bind.TransactOpts, id uint64, outcome DisputeStatus, resolutionURI string) (*types.Receipt, error) {
	return c.transact(ctx, "resolveDispute", auth, bindings.PackResolveDispute(new(big.Int).SetUint64(id), uint8(outcome), resolutionURI))
}

// Dispute returns a dispute by id ([ErrUnknownDispute] if there is none).
func (c *Client) Dispute(ctx context.Context, id uint64) (Dispute, error) {
	d, err := call(ctx, c, "dispute", bindings.PackDispute(new(big.Int).SetUint64(id)), bindings.UnpackDispute)
	if err != nil {
		return Dispute{}, err
	}
	return Dispute{
		ID:            id,
		LogID:         d.LogId,
		LeafIndex:     d.LeafIndex,
		LeafHash:      d.LeafHash,
		ReasonURI:     d.ReasonURI,
		Filer:         d.Filer,
		FiledBlock:    d.FiledBlock,
		Status:        DisputeStatus(d.Status),
		ResolutionURI: d.ResolutionURI,
	}, nil
}

// DisputeCount returns the number of disputes filed; ids run from 1 to it.
func (c *Client) DisputeCount(ctx context.Context) (uint64, error) {
	n, err := call(ctx, c, "disputeCount", bindings.PackDisputeCount(), bindings.UnpackDisputeCount)
	if err != nil {
		return 0, err
	}
	if !n.IsUint64() {
		return 0, fmt.Errorf("registry: disputeCount: implausible count %s", n)
	}
	return n.Uint64(), nil
}
