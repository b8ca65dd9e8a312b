package registry

import (
	"context"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Admin returns the admin's address.
func (c *Client) Admin(ctx context.Context) (common.Address, error) {
	return call(ctx, c, "admin", bindings.PackAdmin(), bindings.UnpackAdmin)
}

// Resolver returns the dispute resolver's address.
func (c *Client) Resolver(ctx context.Context) (common.Address, error) {
	return call(ctx, c, "resolver", bindings.PackResolver(), bindings.UnpackResolver)
}

// IsPublisher reports whether account holds the model publisher role.
func (c *Client) IsPublisher(ctx context.Context, account common.Address) (bool, error) {
	return call(ctx, c, "isPublisher", bindings.PackIsPublisher(account), bindings.UnpackIsPublisher)
}

// PendingAdmin returns the address offered the admin role by
// TransferAdmin and not yet accepted (zero if none).
func (c *Client) PendingAdmin(ctx context.Context) (common.Address, error) {
	return call(ctx, c, "pendingAdmin", bindings.PackPendingAdmin(), bindings.UnpackPendingAdmin)
}

// TransferAdmin offers the admin role to newAdmin, who takes it with
// AcceptAdmin; until then the current admin keeps it. Admin only.
func (c *Client) TransferAdmin(ctx context.Context, auth *bind.TransactOpts, newAdmin common.Address) (*types.Receipt, error) {
	return c.transact(ctx, "transferAdmin", auth, bindings.PackTransferAdmin(newAdmin))
}

// AcceptAdmin takes the admin role offered to the sender by TransferAdmin
// ([ErrNotPendingAdmin] otherwise).
func (c *Client) AcceptAdmin(ctx context.Context, auth *bind.TransactOpts) (*types.Receipt, error) {
	return c.transact(ctx, "acceptAdmin", auth, bindings.PackAcceptAdmin())
}

// SetPublisher grants (enabled) or revokes the publisher role. Admin only.
func (c *Client) SetPublisher(ctx context.Context, auth *bind.TransactOpts, account common.Address, enabled bool) (*types.Receipt, error) {
	return c.transact(ctx, "setPublisher", auth, bindings.PackSetPublisher(account, enabled))
}

// SetResolver sets the dispute resolver. Admin only.
func (c *Client) SetResolver(ctx context.Context, auth *bind.TransactOpts, resolver common.Address) (*types.Receipt, error) {
	return c.transact(ctx, "setResolver", auth, bindings.PackSetResolver(resolver))
}
