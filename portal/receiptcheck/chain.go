package receiptcheck

import (
	"context"
	"errors"
	"fmt"
)

// Dispute is a dispute's record on the registry contract, as [ReadDispute]
// reads it, with the JSON names the browser gets (glassboxDispute in
// cmd/receiptwasm). Hashes and addresses are 0x and lowercase hex.
type Dispute struct {
	ID            uint64 `json:"id"`
	Status        string `json:"status"` // "open", "upheld" or "rejected"
	LogID         string `json:"log_id"`
	LeafIndex     uint64 `json:"leaf_index"`
	LeafHash      string `json:"leaf_hash"`
	Filer         string `json:"filer"`
	FiledBlock    uint64 `json:"filed_block"`
	ReasonURI     string `json:"reason_uri"`
	ResolutionURI string `json:"resolution_uri"` // "" while open
}

// ReadDispute reads dispute id from the GlassboxRegistry at contract (0x
// and 40 hex digits) through rpc, at the node's latest block. It returns
// [ErrOptions] for a nil transport or a malformed address,
// [ErrUnknownDispute] (a *RevertError) when the contract has no dispute of
// that id, [ErrNoContract], [ErrABI] when the answer does not decode as the
// registry's, and [ErrUnavailable] when the node cannot be read. The record
// is what the node says: a page that shows it trusts that node.
func ReadDispute(ctx context.Context, rpc Transport, contract string, id uint64) (Dispute, error) {
	if rpc == nil {
		return Dispute{}, fmt.Errorf("%w: no RPC transport", ErrOptions)
	}
	b, err := decodeHexData(contract)
	if err != nil || len(b) != 20 {
		return Dispute{}, fmt.Errorf("%w: contract %q is not 0x and 40 hex digits", ErrOptions, contract)
	}
	ch := &chainReader{rpc: &rpcClient{t: rpc}, contract: [20]byte(b)}
	out, err := ch.ethCall(ctx, "dispute", packDispute(id))
	if err != nil {
		return Dispute{}, fmt.Errorf("receiptcheck: reading dispute %d: %w", id, err)
	}
	d, err := unpackDispute(out)
	if err != nil {
		return Dispute{}, fmt.Errorf("receiptcheck: reading dispute %d: %w", id, err)
	}
	return Dispute{
		ID:            id,
		Status:        [...]string{1: "open", 2: "upheld", 3: "rejected"}[d.Status],
		LogID:         hex0x(d.LogID[:]),
		LeafIndex:     d.LeafIndex,
		LeafHash:      hex0x(d.LeafHash[:]),
		Filer:         hex0x(d.Filer[:]),
		FiledBlock:    d.FiledBlock,
		ReasonURI:     d.ReasonURI,
		ResolutionURI: d.ResolutionURI,
	}, nil
}

// chainReader reads the registry contract, and the blocks and transactions
// that anchored it, through one node.
type chainReader struct {
	rpc      *rpcClient
	contract [20]byte
}

// chainID returns the node's chain id (eth_chainId).
func (c *chainReader) chainID(ctx context.Context) (uint64, error) {
	var s string
	if err := c.rpc.call(ctx, &s, "eth_chainId"); err != nil {
		return 0, unavailable(err)
	}
	id, err := decodeQuantity(s)
	if err != nil {
		return 0, fmt.Errorf("%w: eth_chainId: %v", ErrUnavailable, err)
	}
	return id, nil
}

// ethCall runs a view call on the contract at the latest block. A revert
// is a *RevertError; empty return data is ErrNoContract.
func (c *chainReader) ethCall(ctx context.Context, method string, data []byte) ([]byte, error) {
	msg := map[string]string{"to": hex0x(c.contract[:]), "data": hex0x(data)}
	var s string
	err := c.rpc.call(ctx, &s, "eth_call", msg, "latest")
	var re *RPCError
	// A revert: geth and anvil answer code 3 with the revert data.
	if errors.As(err, &re) && re.Code == 3 && len(re.Data) > 0 {
		return nil, fmt.Errorf("%s: %w", method, decodeRevert(re.Data))
	}
	if err != nil {
		return nil, unavailable(err)
	}
	out, err := decodeHexData(s)
	if err != nil {
		return nil, fmt.Errorf("%w: eth_call %s: %v", ErrUnavailable, method, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: calling %s on %s returned no data", ErrNoContract, method, hex0x(c.contract[:]))
	}
	return out, nil
}

// logInfo reads a registered log (logInfo).
func (c *chainReader) logInfo(ctx context.Context, logID [32]byte) (registeredLog, error) {
	out, err := c.ethCall(ctx, "logInfo", packLogInfo(logID))
	if err != nil {
		return registeredLog{}, err
	}
	return unpackLogInfo(out)
}

// keyAt reads the key the contract holds for a tree size (keyAt): the
// registration key, or the latest rotation from that size or below.
func (c *chainReader) keyAt(ctx context.Context, logID [32]byte, treeSize uint64) ([32]byte, error) {
	out, err := c.ethCall(ctx, "keyAt", packKeyAt(logID, treeSize))
	if err != nil {
		return [32]byte{}, err
	}
	key, _, err := unpackKeyAt(out)
	return key, err
}

// rootAt reads the root anchored for exactly treeSize, and its block
// (rootAt).
func (c *chainReader) rootAt(ctx context.Context, logID [32]byte, treeSize uint64) ([32]byte, uint64, error) {
	out, err := c.ethCall(ctx, "rootAt", packRootAt(logID, treeSize))
	if err != nil {
		return [32]byte{}, 0, err
	}
	return unpackRootAt(out)
}

// blockHeader is what the verifier reads of a block.
type blockHeader struct {
	Hash         string   `json:"hash"`
	Number       string   `json:"number"`
	Transactions []string `json:"transactions"`
}

// block reads the canonical block at number, with its transaction hashes
// (eth_getBlockByNumber). A block the node does not serve is ErrUnavailable.
func (c *chainReader) block(ctx context.Context, number uint64) (hash [32]byte, txs [][32]byte, err error) {
	var b *blockHeader
	if err := c.rpc.call(ctx, &b, "eth_getBlockByNumber", quantity(number), false); err != nil {
		return hash, nil, unavailable(err)
	}
	if b == nil {
		return hash, nil, fmt.Errorf("%w: the node does not serve block %d", ErrUnavailable, number)
	}
	if n, err := decodeQuantity(b.Number); err != nil || n != number {
		return hash, nil, fmt.Errorf("%w: asked for block %d, the node answered block %q", ErrUnavailable, number, b.Number)
	}
	if err := decodeHash(b.Hash, &hash); err != nil {
		return hash, nil, fmt.Errorf("%w: block %d: hash: %v", ErrUnavailable, number, err)
	}
	txs = make([][32]byte, len(b.Transactions))
	for i, s := range b.Transactions {
		if err := decodeHash(s, &txs[i]); err != nil {
			return hash, nil, fmt.Errorf("%w: block %d: transaction %d: %v", ErrUnavailable, number, i, err)
		}
	}
	return hash, txs, nil
}

// transaction is what the verifier reads of a transaction.
type transaction struct {
	Hash  string  `json:"hash"`
	To    *string `json:"to"`
	Input string  `json:"input"`
}

// txAt reads the transaction at index in a block
// (eth_getTransactionByBlockHashAndIndex, served from the block's body, so
// it needs no transaction index on the node). ok is false when the node
// does not serve the body.
func (c *chainReader) txAt(ctx context.Context, blockHash [32]byte, index int) (tx transaction, ok bool, err error) {
	var t *transaction
	if err := c.rpc.call(ctx, &t, "eth_getTransactionByBlockHashAndIndex", hex0x(blockHash[:]), quantity(uint64(index))); err != nil {
		return tx, false, unavailable(err)
	}
	if t == nil {
		return tx, false, nil
	}
	return *t, true, nil
}

// unavailable wraps err in ErrUnavailable unless it already is.
func unavailable(err error) error {
	if errors.Is(err, ErrUnavailable) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrUnavailable, err)
}

func decodeHash(s string, out *[32]byte) error {
	b, err := decodeHexData(s)
	if err != nil {
		return err
	}
	if len(b) != len(out) {
		return fmt.Errorf("%q is not a 32-byte hash", s)
	}
	copy(out[:], b)
	return nil
}
