package registry

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// Discover lists the logs registered on the contract (logCount, logIdAt,
// logInfo), in registration order; with anchorer set, only those whose
// anchorer is that address: the logs of one lender. A regulator or a
// journalist who knows a lender's anchoring address finds all its logs
// this way, including those of service instances it never mentioned.
func (c *Client) Discover(ctx context.Context, anchorer *common.Address) ([]LogInfo, error) {
	ids, err := c.LogIDs(ctx)
	if err != nil {
		return nil, fmt.Errorf("registry: listing logs: %w", err)
	}
	var out []LogInfo
	for _, id := range ids {
		info, err := c.Log(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("registry: log %s: %w", id, err)
		}
		if info.ID != LogIDFor(info.Origin) {
			return nil, fmt.Errorf("%w: log %s is registered with origin %q, whose id is %s", ErrLogIDMismatch, id, info.Origin, LogIDFor(info.Origin))
		}
		if anchorer != nil && info.Anchorer != *anchorer {
			continue
		}
		out = append(out, info)
	}
	return out, nil
}
