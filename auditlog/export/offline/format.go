package offline

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// FormatV1 is the value of the header's "format" field.
const FormatV1 = "glassbox-export/v1"

// Checkpoint is a signed checkpoint: its parsed body and the whole signed
// note (body, blank line, signature lines) it was parsed from.
type Checkpoint struct {
	verify.Checkpoint
	Note []byte
}

// Anchor says that the log's root at TreeSize was written to a registry
// contract by a transaction. In an export it is a claim: [Verify] checks
// that it is consistent with the export's checkpoint, not that the chain
// holds it. A chain check (package anchor) must confirm that the contract
// LogID on chain ChainID at Contract holds Root for TreeSize; TxHash,
// BlockNumber and BlockHash say where to look.
type Anchor struct {
	ChainID     uint64
	Contract    [20]byte
	LogID       [32]byte
	TreeSize    uint64
	Root        verify.Hash
	BlockNumber uint64
	BlockHash   [32]byte
	TxHash      [32]byte
}

// Payload is the sealed personal payload of the decision at Index, as the
// decision layer stores it: AES-256-GCM under the subject's key, with
// associated data binding it to the decision id and the exact leaf bytes
// (package record, Seal and Open). Whoever holds the subject's key opens it
// with the leaf of Index; nobody else can read it.
type Payload struct {
	Index  uint64
	Sealed []byte
}

// Header is what the first line of an export says: the signed checkpoint
// the export is up to, the range [From, To) of leaves it carries with the
// proof material that binds them to the checkpoint's root, and whether
// payload and counter lines follow.
type Header struct {
	Checkpoint Checkpoint
	From, To   uint64
	// Prefix holds the hashes of the perfect subtrees that cover the
	// leaves [0, From), in the order of compact.RangeNodes(0, From); it is
	// empty unless 0 < From < To.
	Prefix []verify.Hash
	// RangeProof is the RFC 6962 consistency proof from the tree of size To
	// to the checkpoint's tree; it is empty unless From < To < size.
	RangeProof []verify.Hash
	Payloads   bool
	Counters   bool
}

// Line types, the value of each line's "type" key, in the order their
// lines appear.
const (
	typeHeader     = "header"
	typeCheckpoint = "checkpoint"
	typeAnchor     = "anchor"
	typeLeaf       = "leaf"
	typePayload    = "payload"
	typeCounter    = "counter"
	typeEnd        = "end"
)

// The wire form. Field order is the canonical key order; every line is the
// canonical encoding of one of these (see encodeLine).
type (
	wireHeader struct {
		Type       string      `json:"type"`
		Format     string      `json:"format"`
		Origin     string      `json:"origin"`
		TreeSize   uint64      `json:"tree_size"`
		Root       verify.Hash `json:"root"`
		Note       string      `json:"note"`
		From       uint64      `json:"from"`
		To         uint64      `json:"to"`
		Prefix     hashList    `json:"prefix"`
		RangeProof hashList    `json:"range_proof"`
		Payloads   bool        `json:"payloads"`
		Counters   bool        `json:"counters"`
	}
	wireCheckpoint struct {
		Type             string      `json:"type"`
		TreeSize         uint64      `json:"tree_size"`
		Root             verify.Hash `json:"root"`
		Note             string      `json:"note"`
		ConsistencyProof hashList    `json:"consistency_proof"`
	}
	wireAnchor struct {
		Type             string   `json:"type"`
		ChainID          uint64   `json:"chain_id"`
		Contract         hex20    `json:"contract"`
		LogID            hex32    `json:"log_id"`
		TreeSize         uint64   `json:"tree_size"`
		Root             hex32    `json:"root"`
		BlockNumber      uint64   `json:"block_number"`
		BlockHash        hex32    `json:"block_hash"`
		TxHash           hex32    `json:"tx_hash"`
		ConsistencyProof hashList `json:"consistency_proof"`
	}
	wireLeaf struct {
		Type  string `json:"type"`
		Index uint64 `json:"index"`
		Leaf  []byte `json:"leaf"`
	}
	wirePayload struct {
		Type   string `json:"type"`
		Index  uint64 `json:"index"`
		Sealed []byte `json:"sealed"`
	}
	wireCounter struct {
		Type     string   `json:"type"`
		Model    string   `json:"model"`
		Version  string   `json:"version"`
		Day      string   `json:"day"`
		Groups   attrList `json:"groups"`
		Decision string   `json:"decision"`
		Outcome  string   `json:"outcome"`
		Count    uint64   `json:"count"`
		Weight   float64  `json:"weight"`
		Erased   bool     `json:"erased,omitempty"`
	}
	wireEnd struct {
		Type        string `json:"type"`
		Checkpoints uint64 `json:"checkpoints"`
		Anchors     uint64 `json:"anchors"`
		Leaves      uint64 `json:"leaves"`
		Payloads    uint64 `json:"payloads"`
		Counters    uint64 `json:"counters"`
	}
)

// hashList is a list of hashes that encodes as [] when empty, so that a
// list has one encoding and a missing one (null) is not canonical.
type hashList []verify.Hash

func (l hashList) MarshalJSON() ([]byte, error) {
	if l == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]verify.Hash(l))
}

// attrList is a list of attributes that encodes as [] when empty.
type attrList []record.Attr

func (l attrList) MarshalJSON() ([]byte, error) {
	if l == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]record.Attr(l))
}

// hex20 and hex32 are chain values, written as on chain: "0x" and lowercase
// hexadecimal.
type (
	hex20 [20]byte
	hex32 [32]byte
)

func (h hex20) MarshalText() ([]byte, error)  { return hex0x(h[:]), nil }
func (h *hex20) UnmarshalText(b []byte) error { return unhex0x(b, h[:]) }
func (h hex32) MarshalText() ([]byte, error)  { return hex0x(h[:]), nil }
func (h *hex32) UnmarshalText(b []byte) error { return unhex0x(b, h[:]) }
func hex0x(b []byte) []byte                   { return append([]byte("0x"), hex.EncodeToString(b)...) }
func unhex0x(b []byte, out []byte) error {
	if !bytes.HasPrefix(b, []byte("0x")) || len(b) != 2+2*len(out) {
		return fmt.Errorf("want 0x and %d hexadecimal digits", 2*len(out))
	}
	if _, err := hex.Decode(out, b[2:]); err != nil {
		return err
	}
	return nil
}

// encodeLine returns the canonical encoding of a wire value, without the
// final newline: encoding/json's, keys in struct order, no HTML escaping.
func encodeLine(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func wireHeaderOf(h *Header) wireHeader {
	return wireHeader{
		Type: typeHeader, Format: FormatV1,
		Origin: h.Checkpoint.Origin, TreeSize: h.Checkpoint.Size, Root: h.Checkpoint.Root, Note: string(h.Checkpoint.Note),
		From: h.From, To: h.To, Prefix: h.Prefix, RangeProof: h.RangeProof,
		Payloads: h.Payloads, Counters: h.Counters,
	}
}

func wireCheckpointOf(c *Checkpoint, p []verify.Hash) wireCheckpoint {
	return wireCheckpoint{Type: typeCheckpoint, TreeSize: c.Size, Root: c.Root, Note: string(c.Note), ConsistencyProof: p}
}

func wireAnchorOf(a *Anchor, p []verify.Hash) wireAnchor {
	return wireAnchor{
		Type: typeAnchor, ChainID: a.ChainID, Contract: a.Contract, LogID: a.LogID,
		TreeSize: a.TreeSize, Root: hex32(a.Root), BlockNumber: a.BlockNumber,
		BlockHash: a.BlockHash, TxHash: a.TxHash, ConsistencyProof: p,
	}
}

func (w *wireAnchor) anchor() Anchor {
	return Anchor{
		ChainID: w.ChainID, Contract: w.Contract, LogID: w.LogID,
		TreeSize: w.TreeSize, Root: verify.Hash(w.Root), BlockNumber: w.BlockNumber,
		BlockHash: w.BlockHash, TxHash: w.TxHash,
	}
}

func wireCounterOf(c *record.CountCell) wireCounter {
	return wireCounter{
		Type: typeCounter, Model: c.Model, Version: c.Version, Day: c.Day, Groups: c.Groups,
		Decision: c.Decision, Outcome: c.Outcome, Count: c.Count, Weight: c.Weight, Erased: c.Erased,
	}
}

func (w *wireCounter) counter() record.CountCell {
	return record.CountCell{
		Model: w.Model, Version: w.Version, Day: w.Day, Groups: w.Groups,
		Decision: w.Decision, Outcome: w.Outcome, Count: w.Count, Weight: w.Weight, Erased: w.Erased,
	}
}
