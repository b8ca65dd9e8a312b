package anchor

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/glassbox-audit/glassbox/registry"
)

// State is where an anchorer keeps its progress: the chain it is bound to,
// the transaction in flight and the confirmed anchors (see the keys below,
// and docs/anchoring.md). *auditlog.Store implements it, so a log keeps its
// anchorer's state in its own database: log.Store(DefaultNamespace).
//
// An implementation MUST make Put and Delete durable when they return: the
// anchorer's promise never to anchor a size twice across a crash rests on
// it. Scan MUST call fn for every key that starts with prefix, in
// ascending byte order, and return fn's first error; fn does not keep k or
// v. Reads go through Scan alone, so an implementation need not agree with
// the anchorer on how a missing key is reported.
type State interface {
	Put(key, value []byte) error
	Delete(key []byte) error
	Scan(prefix []byte, fn func(k, v []byte) error) error
}

var errStop = errors.New("stop")

// get reads one key of st; ok is false when it is absent.
func get(st State, key []byte) (value []byte, ok bool, err error) {
	err = st.Scan(key, func(k, v []byte) error {
		if !bytes.Equal(k, key) {
			return nil // a longer key with this prefix
		}
		value, ok = bytes.Clone(v), true
		return errStop
	})
	if err != nil && !errors.Is(err, errStop) {
		return nil, false, err
	}
	return value, ok, nil
}

// anchorCalldata is the calldata of anchor(logId, treeSize, root): what the
// anchorer sends, and what a receipt's transaction must carry.
func anchorCalldata(id registry.LogID, treeSize uint64, root [32]byte) []byte {
	return registry.Bindings().PackAnchor(id, treeSize, root)
}

// Anchor is a confirmed anchor: a checkpoint of the log (tree size and
// root) written to the contract by a transaction that has the configured
// number of confirmations.
type Anchor struct {
	ChainID     uint64         `json:"chain_id"`
	Contract    common.Address `json:"contract"`
	LogID       registry.LogID `json:"log_id"`
	TreeSize    uint64         `json:"tree_size"`
	Root        common.Hash    `json:"root"`
	TxHash      common.Hash    `json:"tx_hash"`
	BlockNumber uint64         `json:"block_number"`
	BlockHash   common.Hash    `json:"block_hash"`
	GasUsed     uint64         `json:"gas_used"`
	Nonce       uint64         `json:"nonce"`
	ConfirmedAt time.Time      `json:"confirmed_at"`
	// RawTx is the signed transaction, kept so that it can be sent again
	// as it was if a reorg drops it.
	RawTx hexutil.Bytes `json:"raw_tx"`
}

// pending is the anchor in flight: written to the store before any of its
// transactions is broadcast, deleted once the anchor is confirmed (and
// stored) or abandoned. There is at most one.
type pending struct {
	TreeSize uint64      `json:"tree_size"`
	Root     common.Hash `json:"root"`
	Nonce    uint64      `json:"nonce"`
	Gas      uint64      `json:"gas"`
	// Reanchor marks an anchor sent again because a reorg dropped it.
	Reanchor bool      `json:"reanchor,omitempty"`
	Created  time.Time `json:"created"`
	// Attempts are the signed transactions for Nonce, oldest first; each
	// replacement pays more than the one before.
	Attempts []attempt `json:"attempts"`
}

type attempt struct {
	TxHash common.Hash   `json:"tx_hash"`
	Raw    hexutil.Bytes `json:"raw"`
	SentAt time.Time     `json:"sent_at"`
}

// meta binds the stored state to one chain, contract, log and account.
type meta struct {
	ChainID  uint64         `json:"chain_id"`
	Contract common.Address `json:"contract"`
	LogID    registry.LogID `json:"log_id"`
}

// Keys in the anchorer's state.
var (
	keyMeta      = []byte("meta")
	keyPending   = []byte("pending")
	prefixAnchor = []byte("anchor/")
)

// anchorKey orders anchors by tree size.
func anchorKey(size uint64) []byte { return fmt.Appendf(nil, "anchor/%020d", size) }

func decodeRecord(key, b []byte, v any) error {
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%w: key %q: %v", ErrCorruptState, key, err)
	}
	return nil
}

// tx decodes the attempt's signed transaction.
func (at attempt) tx() (*types.Transaction, error) {
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(at.Raw); err != nil {
		return nil, fmt.Errorf("%w: transaction %s: %v", ErrCorruptState, at.TxHash.Hex(), err)
	}
	if tx.Hash() != at.TxHash {
		return nil, fmt.Errorf("%w: transaction bytes hash to %s, recorded as %s", ErrCorruptState, tx.Hash().Hex(), at.TxHash.Hex())
	}
	return tx, nil
}
