package receiptcheck

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"slices"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// MaxEvidence bounds the evidence document [CheckLog] reads.
const MaxEvidence = 4 << 20

// maxEvidenceCheckpoints bounds its checkpoints (and the anchors read).
const maxEvidenceCheckpoints = 10000

// topicAnchored is the Keccak-256 of the registry's event signature
// Anchored(bytes32,uint64,bytes32) (abi_test.go checks it against the
// contract's ABI).
var topicAnchored = [32]byte{0xbe, 0xa4, 0xd1, 0x1b, 0x91, 0x0a, 0xad, 0x40, 0xd2, 0xdf, 0x2a, 0x90, 0xd9, 0x7a, 0x33, 0x29,
	0x21, 0x9b, 0x63, 0x89, 0xf8, 0x57, 0x77, 0xc9, 0x9d, 0xaa, 0xd7, 0xeb, 0x5f, 0xaf, 0xd4, 0x39}

// LogEvidence is what a lender's portal serves for the browser to check a
// log against the chain (the regulator's portal serves it at
// /logs/{log}/evidence.json): the log's origin and its signed checkpoints,
// by increasing size, each with the consistency proof from the checkpoint
// before it in the list (none for the first). It should hold a checkpoint
// of every anchored size, then the latest checkpoint.
type LogEvidence struct {
	Origin      string               `json:"origin"`
	Checkpoints []EvidenceCheckpoint `json:"checkpoints"`
}

// EvidenceCheckpoint is one signed checkpoint of a [LogEvidence].
type EvidenceCheckpoint struct {
	Size  uint64        `json:"size"`
	Note  string        `json:"note"`  // the signed note text
	Proof []verify.Hash `json:"proof"` // consistency from the previous checkpoint of the list
}

// LogVerdict is [CheckLog]'s finding on one log.
type LogVerdict struct {
	Origin string `json:"origin"`
	LogID  string `json:"log_id"`
	// Checked is false when the chain could not be read (Problem says
	// why): no verdict either way.
	Checked bool `json:"checked"`
	// OK: every anchored size has a checkpoint in the evidence, signed by
	// the key registered on the contract, with the root the contract
	// anchored, each consistent with the one before, and the last one
	// extends the latest anchor.
	OK bool `json:"ok"`
	// Anchors is the number of the contract's Anchored events for the log;
	// Verified how many passed before the first failure.
	Anchors  int `json:"anchors"`
	Verified int `json:"verified"`
	// HasBad: FirstBad is the smallest tree size whose checkpoint failed,
	// and Problem what failed.
	HasBad   bool   `json:"has_bad"`
	FirstBad uint64 `json:"first_bad,omitempty"`
	Problem  string `json:"problem,omitempty"`
	// Key is the note verifier key registered on the contract.
	Key string `json:"key,omitempty"`
}

// anchored is one Anchored event.
type anchored struct {
	size uint64
	root [32]byte
}

// CheckLog checks a log's evidence (the JSON of a [LogEvidence]) against
// the GlassboxRegistry at contract, read through rpc: the log's key from
// logInfo, its anchored sizes and roots from the contract's Anchored
// events (eth_getLogs), and for each anchored size in order, that the
// evidence holds a checkpoint of that size signed by the registered key,
// with the anchored root, consistent with the checkpoint before it.
// Checkpoints between anchors and after the last one are checked for
// their signature and consistency too. It returns [ErrOptions] for an
// unusable transport or contract, and [ErrEvidence] for evidence that
// does not parse; every finding about the log is in the verdict, naming
// the first bad size. A chain that cannot be read gives a verdict with
// Checked false, never a failure.
func CheckLog(ctx context.Context, evidence []byte, rpc Transport, contract string) (*LogVerdict, error) {
	if rpc == nil {
		return nil, fmt.Errorf("%w: no RPC transport", ErrOptions)
	}
	cb, err := decodeHexData(contract)
	if err != nil || len(cb) != 20 {
		return nil, fmt.Errorf("%w: contract %q is not 0x and 40 hex digits", ErrOptions, contract)
	}
	ev, err := ParseLogEvidence(evidence)
	if err != nil {
		return nil, err
	}
	id := sha256.Sum256([]byte(ev.Origin))
	v := &LogVerdict{Origin: ev.Origin, LogID: hex0x(id[:])}
	ch := &chainReader{rpc: &rpcClient{t: rpc}, contract: [20]byte(cb)}
	info, err := ch.logInfo(ctx, id)
	if err != nil {
		v.Problem = fmt.Sprintf("reading log %q on contract %s: %v", ev.Origin, contract, err)
		return v, nil
	}
	if info.Origin != ev.Origin {
		v.Checked = true
		v.Problem = fmt.Sprintf("the contract registers origin %q under the id of %q", info.Origin, ev.Origin)
		return v, nil
	}
	vkey, err := note.NewEd25519VerifierKey(info.Origin, ed25519.PublicKey(info.PublicKey[:]))
	var nv note.Verifier
	if err == nil {
		nv, err = note.NewVerifier(vkey)
	}
	if err != nil {
		v.Checked = true
		v.Problem = "the key registered on the contract is unusable: " + err.Error()
		return v, nil
	}
	v.Key = vkey
	events, err := ch.anchoredEvents(ctx, id)
	if err != nil {
		v.Problem = "the contract's anchors could not be read: " + err.Error()
		return v, nil
	}
	v.Checked, v.Anchors = true, len(events)
	bad := func(size uint64, format string, args ...any) (*LogVerdict, error) {
		v.HasBad, v.FirstBad, v.Problem = true, size, fmt.Sprintf(format, args...)
		return v, nil
	}
	roots := map[uint64][32]byte{}
	for _, e := range events {
		roots[e.size] = e.root
	}
	// Walk the anchored sizes and the evidence's sizes together, in order.
	var prev *verify.Checkpoint
	next := 0 // the next anchored event
	for _, c := range ev.Checkpoints {
		if next < len(events) && events[next].size < c.Size {
			return bad(events[next].size, "the lender serves no checkpoint of the anchored size %d", events[next].size)
		}
		// The key the contract holds for this size: a rotation leaves
		// the checkpoints before it signed by the key they were signed with.
		pub, err := ch.keyAt(ctx, id, c.Size)
		if err != nil {
			v.Checked = false
			v.Problem = fmt.Sprintf("the contract's key for size %d could not be read: %v", c.Size, err)
			return v, nil
		}
		ckey, cv := vkey, nv
		if pub != info.PublicKey {
			if ckey, err = note.NewEd25519VerifierKey(info.Origin, ed25519.PublicKey(pub[:])); err == nil {
				cv, err = note.NewVerifier(ckey)
			}
			if err != nil {
				return bad(c.Size, "the key the contract holds for size %d is unusable: %v", c.Size, err)
			}
		}
		cp, err := verify.OpenCheckpoint([]byte(c.Note), cv)
		if err != nil {
			return bad(c.Size, "the checkpoint of size %d is not signed by the key the contract holds for that size (%s): %v", c.Size, ckey, err)
		}
		if cp.Origin != ev.Origin || cp.Size != c.Size {
			return bad(c.Size, "the checkpoint listed at size %d is of %q size %d", c.Size, cp.Origin, cp.Size)
		}
		if prev != nil {
			if err := verify.VerifyConsistency(prev.Size, cp.Size, c.Proof, prev.Root, cp.Root); err != nil {
				return bad(c.Size, "the checkpoint of size %d is not consistent with the one of size %d: %v", cp.Size, prev.Size, err)
			}
		}
		if root, ok := roots[c.Size]; ok {
			if root != cp.Root {
				return bad(c.Size, "the checkpoint of size %d has root %s, the contract anchored %s", c.Size, hex0x(cp.Root[:]), hex0x(root[:]))
			}
			v.Verified++
			next++
		}
		cc := cp
		prev = &cc
	}
	if next < len(events) {
		return bad(events[next].size, "the lender serves no checkpoint of the anchored size %d", events[next].size)
	}
	if len(events) == 0 {
		v.Problem = "the log was never anchored"
		return v, nil
	}
	v.OK = true
	return v, nil
}

// ParseLogEvidence decodes a [LogEvidence] strictly: one JSON object, no
// unknown field, at most MaxEvidence bytes, a non-empty origin, and
// checkpoints of strictly increasing sizes, the first without a proof.
// Errors wrap [ErrEvidence].
func ParseLogEvidence(b []byte) (*LogEvidence, error) {
	if len(b) > MaxEvidence {
		return nil, fmt.Errorf("%w: %d bytes, over %d", ErrEvidence, len(b), MaxEvidence)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var ev LogEvidence
	if err := dec.Decode(&ev); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEvidence, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: data after the object", ErrEvidence)
	}
	if ev.Origin == "" {
		return nil, fmt.Errorf("%w: no origin", ErrEvidence)
	}
	if len(ev.Checkpoints) > maxEvidenceCheckpoints {
		return nil, fmt.Errorf("%w: %d checkpoints, over %d", ErrEvidence, len(ev.Checkpoints), maxEvidenceCheckpoints)
	}
	for i, c := range ev.Checkpoints {
		if i > 0 && c.Size <= ev.Checkpoints[i-1].Size {
			return nil, fmt.Errorf("%w: checkpoint %d (size %d) does not follow size %d", ErrEvidence, i, c.Size, ev.Checkpoints[i-1].Size)
		}
		if i == 0 && len(c.Proof) != 0 {
			return nil, fmt.Errorf("%w: the first checkpoint has a consistency proof", ErrEvidence)
		}
	}
	return &ev, nil
}

// logEntry is one entry of eth_getLogs.
type logEntry struct {
	Address string   `json:"address"`
	Topics  []string `json:"topics"`
	Data    string   `json:"data"`
	Removed bool     `json:"removed"`
}

// anchoredEvents reads the contract's Anchored events of a log, from the
// genesis block to the latest, sorted by tree size.
func (c *chainReader) anchoredEvents(ctx context.Context, logID [32]byte) ([]anchored, error) {
	filter := map[string]any{
		"address":   hex0x(c.contract[:]),
		"fromBlock": "0x0",
		"toBlock":   "latest",
		"topics":    []any{hex0x(topicAnchored[:]), hex0x(logID[:])},
	}
	var logs []logEntry
	if err := c.rpc.call(ctx, &logs, "eth_getLogs", filter); err != nil {
		return nil, unavailable(err)
	}
	if len(logs) > maxEvidenceCheckpoints {
		return nil, fmt.Errorf("%w: %d anchors, over %d", ErrUnavailable, len(logs), maxEvidenceCheckpoints)
	}
	var out []anchored
	for i, l := range logs {
		if l.Removed {
			continue
		}
		var t0, t1, t2 [32]byte
		if len(l.Topics) != 3 || decodeHash(l.Topics[0], &t0) != nil || decodeHash(l.Topics[1], &t1) != nil || decodeHash(l.Topics[2], &t2) != nil {
			return nil, fmt.Errorf("%w: Anchored event %d has topics %v", ErrABI, i, l.Topics)
		}
		if t0 != topicAnchored || t1 != logID {
			return nil, fmt.Errorf("%w: event %d is not an Anchored event of the log", ErrABI, i)
		}
		size, err := uint64Word(t2[:], "Anchored's tree size")
		if err != nil {
			return nil, err
		}
		data, err := decodeHexData(l.Data)
		if err != nil || len(data) != word {
			return nil, fmt.Errorf("%w: Anchored event %d has data %.80q", ErrABI, i, l.Data)
		}
		out = append(out, anchored{size: size, root: [32]byte(data)})
	}
	slices.SortFunc(out, func(a, b anchored) int {
		switch {
		case a.size < b.size:
			return -1
		case a.size > b.size:
			return 1
		}
		return 0
	})
	for i := 1; i < len(out); i++ {
		if out[i].size == out[i-1].size {
			return nil, fmt.Errorf("%w: two Anchored events of size %d", ErrABI, out[i].size)
		}
	}
	return out, nil
}
