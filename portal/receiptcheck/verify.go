package receiptcheck

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
)

// Options says what to check a receipt against. Nil means neither a key
// nor a chain: only the format can be checked.
type Options struct {
	// LogKey is the log's note verifier key (name+hash+base64). It may be
	// empty when RPC is set: the key is then the one registered on the
	// contract. When both are set, they must agree.
	LogKey string
	// RPC reaches an Ethereum node; nil means no chain check (the anchor,
	// if any, is then only claimed, as with `glassbox verify` without
	// --rpc).
	RPC Transport
	// Contract is the GlassboxRegistry address, 0x and 40 hex digits;
	// required with RPC.
	Contract string
	// Witnesses are cosignature/v1 verifier keys of the witnesses a
	// policy names (as `glassbox verify --witness`). Set, a witness step
	// follows the offline steps: at least WitnessThreshold of them (0: all)
	// have a valid cosignature on the receipt's checkpoint, and
	// Report.Cosigned names them.
	Witnesses []string
	// WitnessThreshold: 1 to len(Witnesses), or 0 for all of them.
	WitnessThreshold int
}

type resolved struct {
	key      note.Verifier // nil: none given
	keyText  string        // the key given, as given
	keyBytes []byte        // the given key's algorithm byte and public key
	rpc      Transport
	contract [20]byte
	policy   *receipt.VerifyOptions // nil: no witness step
}

func (o *Options) resolve() (resolved, error) {
	var r resolved
	if o == nil {
		return r, nil
	}
	if k := strings.TrimSpace(o.LogKey); k != "" {
		v, err := note.NewVerifier(k)
		if err != nil {
			return r, fmt.Errorf("%w: log key: %v", ErrOptions, err)
		}
		// NewVerifier accepted name+hash+base64; keep the key's bytes to
		// compare with a registered key.
		parts := strings.SplitN(k, "+", 3)
		kb, err := base64.StdEncoding.DecodeString(parts[2])
		if err != nil {
			return r, fmt.Errorf("%w: log key: %v", ErrOptions, err)
		}
		r.key, r.keyText, r.keyBytes = v, k, kb
	}
	if len(o.Witnesses) > 0 || o.WitnessThreshold != 0 {
		pol := &receipt.VerifyOptions{WitnessThreshold: o.WitnessThreshold}
		for i, k := range o.Witnesses {
			w, err := cosig.NewVerifier(strings.TrimSpace(k))
			if err != nil {
				return r, fmt.Errorf("%w: witness key %d: %v", ErrOptions, i, err)
			}
			pol.Witnesses = append(pol.Witnesses, w)
		}
		if n := len(pol.Witnesses); o.WitnessThreshold < 0 || o.WitnessThreshold > n || n == 0 {
			return r, fmt.Errorf("%w: witness threshold %d of %d witnesses", ErrOptions, o.WitnessThreshold, n)
		}
		r.policy = pol
	}
	switch {
	case o.RPC == nil && o.Contract != "":
		return r, fmt.Errorf("%w: a contract address without an RPC transport", ErrOptions)
	case o.RPC != nil:
		b, err := decodeHexData(o.Contract)
		if err != nil || len(b) != len(r.contract) {
			return r, fmt.Errorf("%w: contract %q is not 0x and 40 hex digits", ErrOptions, o.Contract)
		}
		r.rpc = o.RPC
		copy(r.contract[:], b)
	}
	return r, nil
}

// Verify checks a receipt step by step and reports every step (see the
// package documentation for the steps). It returns an error only for
// unusable options ([ErrOptions]); whatever is wrong with the receipt or
// the chain is in the Report. It never trusts the chain's silence: a chain
// that cannot be read leaves its steps "not checked", never "passed".
func Verify(ctx context.Context, receiptBytes []byte, opts *Options) (*Report, error) {
	o, err := opts.resolve()
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	r, err := receipt.Parse(receiptBytes)
	if err != nil {
		rep.add(CheckFormat, "", Failed, "%v", err)
		for _, c := range []receipt.Check{CheckKey, receipt.CheckSignature, receipt.CheckLeaf, receipt.CheckInclusion,
			receipt.CheckCommitment, receipt.CheckAnchor, CheckChain, CheckBlock} {
			rep.add(c, "", NotChecked, "not run: the receipt does not parse")
		}
		return rep.finish(), nil
	}
	rep.add(CheckFormat, "", Passed, "a %s receipt in canonical form", receipt.FormatV1)
	var ch *chainReader
	if o.rpc != nil {
		ch = &chainReader{rpc: &rpcClient{t: o.rpc}, contract: o.contract}
	}
	v, keyOK, down := checkKey(ctx, rep, r, o, ch)
	blocked := ""
	switch {
	case !keyOK:
		blocked = "not run: the key check failed"
	case v == nil:
		blocked = "no key to check it with: " + rep.Steps[len(rep.Steps)-1].Message
	}
	blocked = checkOffline(rep, r, v, blocked)
	if o.policy != nil {
		checkWitnesses(rep, r, v, o.policy, blocked)
	}
	checkChain(ctx, rep, r, ch, down, blocked)
	return rep.finish(), nil
}

// checkKey adds the key step: the log's key as the contract registers it
// (when a chain is given), compared with the key given (if any). It
// returns the key to verify with (nil: none), whether the step did not
// fail, and the error that made the chain unavailable (nil if it was read
// or not asked for).
func checkKey(ctx context.Context, rep *Report, r *receipt.Receipt, o resolved, ch *chainReader) (v note.Verifier, ok bool, down error) {
	if ch == nil {
		if o.key == nil {
			rep.add(CheckKey, "", NotChecked, "no log key was given and no chain to read it from")
			return nil, true, nil
		}
		// A key of another log fails the signature step, as in
		// receipt.Verify.
		rep.add(CheckKey, "", Passed, "the key given, for log %q (no chain was asked to confirm it)", o.key.Name())
		rep.LogKey = o.keyText
		return o.key, true, nil
	}
	id := sha256.Sum256([]byte(r.Origin))
	where := fmt.Sprintf("log %q (id %s) on contract %s", r.Origin, hex0x(id[:]), hex0x(ch.contract[:]))
	info, err := ch.logInfo(ctx, id)
	if size, ok := checkpointSize(r.Checkpoint); ok && err == nil && info.Origin == r.Origin {
		// The key for the checkpoint's size: after a rotation, older
		// checkpoints stay signed by the key they were signed with.
		info.PublicKey, err = ch.keyAt(ctx, id, size)
	}
	switch {
	case errors.Is(err, ErrUnavailable) && o.key == nil:
		rep.add(CheckKey, "", NotChecked, "the chain could not be read and no key was given: %v", err)
		return nil, true, err
	case errors.Is(err, ErrUnavailable):
		rep.add(CheckKey, "", NotChecked, "the chain could not be read to confirm the key given (for log %q), which the next steps use: %v", o.key.Name(), err)
		return o.key, true, err
	case err != nil:
		rep.add(CheckKey, "", Failed, "reading %s: %v", where, err)
		return nil, false, nil
	case info.Origin != r.Origin:
		rep.add(CheckKey, "", Failed, "the contract registers origin %q under the id of %q", info.Origin, r.Origin)
		return nil, false, nil
	}
	vkey, err := note.NewEd25519VerifierKey(info.Origin, ed25519.PublicKey(info.PublicKey[:]))
	if err == nil {
		v, err = note.NewVerifier(vkey)
	}
	if err != nil {
		rep.add(CheckKey, "", Failed, "the key registered for %s is unusable: %v", where, err)
		return nil, false, nil
	}
	if o.key != nil && (o.key.Name() != info.Origin || !bytes.Equal(o.keyBytes, append([]byte{1}, info.PublicKey[:]...))) {
		rep.add(CheckKey, "", Failed, "the key given, %s, is not the key registered for %s, %s", o.keyText, where, vkey)
		return nil, false, nil
	}
	rep.add(CheckKey, "", Passed, "the key registered for %s: %s", where, vkey)
	rep.LogKey = vkey
	return v, true, nil
}

// checkpointSize reads the tree size of a signed checkpoint note without
// checking its signature (the signature step does): the second line of its
// text. ok is false when the note has no such line.
func checkpointSize(signed []byte) (uint64, bool) {
	i := bytes.Index(signed, []byte("\n\n"))
	if i < 0 {
		return 0, false
	}
	c, err := verify.ParseCheckpoint(signed[:i+1])
	if err != nil {
		return 0, false
	}
	return c.Size, true
}

// disclosedFields lists the receipt's disclosed fields in leaf order, the
// order package receipt checks them in.
func disclosedFields(d *receipt.Disclosures) []record.Field {
	var fs []record.Field
	for _, f := range []struct {
		ok    bool
		field record.Field
	}{
		{d.Subject != nil, record.FieldSubject},
		{d.Inputs != nil, record.FieldInputs},
		{d.Groups != nil, record.FieldGroups},
		{d.Metadata != nil, record.FieldMetadata},
		{d.Explanation != nil, record.FieldExplanation},
	} {
		if f.ok {
			fs = append(fs, f.field)
		}
	}
	return fs
}

// checkOffline adds the steps of receipt.Verify, run with v: signature,
// leaf, inclusion, one commitment step per disclosed field, anchor. When
// blocked is set (no key to check with), they are not checked, for that
// reason. It returns why the steps after it do not run: blocked, or the
// failed check; "" when every step passed.
func checkOffline(rep *Report, r *receipt.Receipt, v note.Verifier, blocked string) string {
	type planned struct {
		check receipt.Check
		field record.Field
		skip  string // why the step does not apply
	}
	plan := []planned{{check: receipt.CheckSignature}, {check: receipt.CheckLeaf}, {check: receipt.CheckInclusion}}
	var ve *receipt.VerifyError
	var res *receipt.Result
	if blocked == "" {
		var err error
		res, err = receipt.Verify(r, v)
		if err != nil && !errors.As(err, &ve) {
			ve = &receipt.VerifyError{Check: receipt.CheckSignature, Err: err}
		}
	}
	fields := disclosedFields(&r.Disclosures)
	switch {
	case ve != nil && ve.Check == receipt.CheckCommitment && ve.Field == 0:
		// A leaf without commitments: one failed commitment step.
		plan = append(plan, planned{check: receipt.CheckCommitment})
	case len(fields) == 0:
		plan = append(plan, planned{check: receipt.CheckCommitment, skip: "the receipt discloses no field"})
	}
	for _, f := range fields {
		if ve == nil || ve.Check != receipt.CheckCommitment || ve.Field != 0 {
			plan = append(plan, planned{check: receipt.CheckCommitment, field: f})
		}
	}
	anchor := planned{check: receipt.CheckAnchor}
	if r.Anchor == nil {
		anchor.skip = "the receipt carries no anchor"
	}
	plan = append(plan, anchor)

	var cp verify.Checkpoint
	var leaf *record.Leaf
	if res != nil {
		cp, leaf = res.Checkpoint, res.Leaf
	}
	failed := false
	for _, p := range plan {
		field := ""
		if p.field != 0 {
			field = p.field.String()
		}
		switch {
		case p.skip != "":
			rep.add(p.check, field, Skipped, "%s", p.skip)
			continue
		case blocked != "":
			rep.add(p.check, field, NotChecked, "%s", blocked)
			continue
		case ve != nil && ve.Check == p.check && ve.Field == p.field:
			rep.add(p.check, field, Failed, "%v", ve.Err)
			blocked, failed = fmt.Sprintf("not run: the %s check failed", stepName(p.check, field)), true
			continue
		}
		// The step passed; say what it established.
		switch p.check {
		case receipt.CheckSignature:
			if res == nil {
				cp, _ = verify.OpenCheckpoint(r.Checkpoint, v) // it passed in receipt.Verify
			}
			size := cp.Size
			rep.Origin, rep.TreeSize = cp.Origin, &size
			rep.add(p.check, "", Passed, "the checkpoint of log %q at tree size %d (root %s) carries the log's signature",
				cp.Origin, cp.Size, base64.StdEncoding.EncodeToString(cp.Root[:]))
		case receipt.CheckLeaf:
			if leaf == nil {
				leaf, _ = record.DecodeLeaf(r.Leaf) // it passed in receipt.Verify
			}
			rep.DecisionID, rep.Kind = leaf.DecisionID, leaf.Kind.String()
			rep.add(p.check, "", Passed, "a %s leaf for decision %q, recorded %s", leaf.Kind, leaf.DecisionID, leaf.Time.UTC().Format(time.RFC3339Nano))
		case receipt.CheckInclusion:
			index := r.Index
			rep.Index = &index
			rep.add(p.check, "", Passed, "leaf %d is in the checkpoint's tree of size %d (a proof of %d hashes)", r.Index, cp.Size, len(r.InclusionProof))
		case receipt.CheckCommitment:
			rep.Disclosed = append(rep.Disclosed, field)
			rep.add(p.check, field, Passed, "the disclosed value of %s matches the leaf's commitment", field)
		case receipt.CheckAnchor:
			if a := r.Anchor; a.TreeSize == cp.Size {
				rep.add(p.check, "", Passed, "the anchored tree is the checkpoint's own (size %d, same root)", a.TreeSize)
			} else {
				rep.add(p.check, "", Passed, "the anchored tree of size %d extends the checkpoint's tree of size %d (a consistency proof of %d hashes)",
					a.TreeSize, cp.Size, len(a.ConsistencyProof))
			}
		}
	}
	if ve != nil && !failed {
		// A check this plan does not know: report it rather than pass.
		rep.add(ve.Check, "", Failed, "%v", ve.Err)
		blocked = fmt.Sprintf("not run: the %s check failed", ve.Check)
	}
	return blocked
}

// checkChain adds the chain and block steps: the contract holds the
// anchored root for the receipt's log and tree size, and the receipt's
// block and transaction are the ones that anchored it. down is the error
// that made the chain unavailable in an earlier step; blocked, when set,
// says why the steps do not run.
func checkChain(ctx context.Context, rep *Report, r *receipt.Receipt, ch *chainReader, down error, blocked string) {
	notChecked := func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		rep.add(CheckChain, "", NotChecked, "%s", msg)
		rep.add(CheckBlock, "", NotChecked, "%s", msg)
	}
	a := r.Anchor
	switch {
	case ch == nil && a == nil:
		rep.add(CheckChain, "", Skipped, "no chain was asked for, and the receipt carries no anchor")
		rep.add(CheckBlock, "", Skipped, "no chain was asked for")
		return
	case ch == nil:
		rep.add(CheckChain, "", Skipped, "no chain was asked for: the anchor is claimed, not checked on chain")
		rep.add(CheckBlock, "", Skipped, "no chain was asked for")
		return
	case down != nil:
		notChecked("the chain could not be read: %v", down)
		return
	case blocked != "":
		notChecked("%s", blocked)
		return
	case a == nil:
		rep.add(CheckChain, "", NotChecked, "the receipt carries no anchor, so nothing ties its checkpoint to the chain yet; a receipt issued after the log is anchored will carry one")
		rep.add(CheckBlock, "", Skipped, "the receipt carries no anchor")
		return
	}
	fail := func(format string, args ...any) {
		rep.add(CheckChain, "", Failed, format, args...)
		rep.add(CheckBlock, "", NotChecked, "not run: the chain check failed")
	}
	id := sha256.Sum256([]byte(r.Origin))
	if a.Contract != ch.contract {
		fail("the receipt's anchor names contract %s, this check reads contract %s", hex0x(a.Contract[:]), hex0x(ch.contract[:]))
		return
	}
	if a.LogID != id {
		fail("the receipt's anchor names log id %s, the id of origin %q is %s", hex0x(a.LogID[:]), r.Origin, hex0x(id[:]))
		return
	}
	chainID, err := ch.chainID(ctx)
	if err != nil {
		notChecked("the chain could not be read: %v", err)
		return
	}
	if chainID != a.ChainID {
		fail("the node is on chain %d, the receipt's anchor is on chain %d", chainID, a.ChainID)
		return
	}
	root, block, err := ch.rootAt(ctx, id, a.TreeSize)
	switch {
	case errors.Is(err, ErrUnavailable):
		notChecked("the chain could not be read: %v", err)
		return
	case err != nil:
		fail("reading the root of tree size %d of log %q: %v", a.TreeSize, r.Origin, err)
		return
	case root != a.Root:
		fail("the contract holds root %s for tree size %d of log %q (block %d), the receipt's anchor says %s: the log has shown two different trees",
			hex0x(root[:]), a.TreeSize, r.Origin, block, hex0x(a.Root[:]))
		return
	}
	rep.add(CheckChain, "", Passed, "contract %s on chain %d holds the anchored root %s for tree size %d of log %q (anchored in block %d)",
		hex0x(ch.contract[:]), chainID, hex0x(root[:]), a.TreeSize, r.Origin, block)
	checkBlock(ctx, rep, a, ch, id, block)
}

// checkBlock adds the block step. When the contract's anchoring block is the
// receipt's, the receipt's block hash must be that block's and its
// transaction must be in it, sent to the contract, anchoring exactly this
// size and root. When it is another block, the size was anchored again
// after a reorg: the root is the same and the receipt's block fields are
// stale (as package anchor's VerifyReceipt treats it).
func checkBlock(ctx context.Context, rep *Report, a *receipt.Anchor, ch *chainReader, id [32]byte, onChainBlock uint64) {
	if onChainBlock != a.BlockNumber {
		rep.add(CheckBlock, "", Skipped, "tree size %d was anchored again in block %d, not in the receipt's block %d (a reorg dropped the first transaction): the root is the same, the receipt's block and transaction fields are stale and were not checked",
			a.TreeSize, onChainBlock, a.BlockNumber)
		return
	}
	hash, txs, err := ch.block(ctx, a.BlockNumber)
	if err != nil {
		rep.add(CheckBlock, "", NotChecked, "the block could not be read: %v", err)
		return
	}
	if hash != a.BlockHash {
		rep.add(CheckBlock, "", Failed, "block %d is %s, the receipt says %s", a.BlockNumber, hex0x(hash[:]), hex0x(a.BlockHash[:]))
		return
	}
	index := -1
	for i, h := range txs {
		if h == a.TxHash {
			index = i
			break
		}
	}
	if index < 0 {
		rep.add(CheckBlock, "", Failed, "transaction %s is not in block %d", hex0x(a.TxHash[:]), a.BlockNumber)
		return
	}
	tx, ok, err := ch.txAt(ctx, hash, index)
	switch {
	case err != nil:
		rep.add(CheckBlock, "", NotChecked, "block %d includes transaction %s, but the transaction could not be read: %v", a.BlockNumber, hex0x(a.TxHash[:]), err)
		return
	case !ok:
		rep.add(CheckBlock, "", Passed, "block %d (%s) includes transaction %s; the node no longer serves the transaction itself, so what it sent was not checked",
			a.BlockNumber, hex0x(hash[:]), hex0x(a.TxHash[:]))
		return
	}
	var txHash [32]byte
	var to []byte
	if tx.To != nil {
		to, _ = decodeHexData(strings.ToLower(*tx.To))
	}
	input, ierr := decodeHexData(tx.Input)
	if decodeHash(tx.Hash, &txHash) != nil || txHash != a.TxHash {
		rep.add(CheckBlock, "", NotChecked, "asked for transaction %s, the node answered %q", hex0x(a.TxHash[:]), tx.Hash)
		return
	}
	if !bytes.Equal(to, ch.contract[:]) || ierr != nil || !bytes.Equal(input, packAnchor(id, a.TreeSize, a.Root)) {
		rep.add(CheckBlock, "", Failed, "transaction %s does not anchor tree size %d of this log on contract %s", hex0x(a.TxHash[:]), a.TreeSize, hex0x(ch.contract[:]))
		return
	}
	rep.add(CheckBlock, "", Passed, "block %d (%s) includes transaction %s, which anchored tree size %d with this root on the contract",
		a.BlockNumber, hex0x(hash[:]), hex0x(a.TxHash[:]), a.TreeSize)
}

// checkWitnesses adds the witness step: the policy's cosignatures on the
// receipt's checkpoint (receipt.VerifyWith), once the offline steps hold.
func checkWitnesses(rep *Report, r *receipt.Receipt, v note.Verifier, pol *receipt.VerifyOptions, blocked string) {
	if blocked != "" {
		rep.add(receipt.CheckWitness, "", NotChecked, "%s", blocked)
		return
	}
	k := pol.WitnessThreshold
	if k == 0 {
		k = len(pol.Witnesses)
	}
	res, err := receipt.VerifyWith(r, v, pol)
	if err != nil {
		var we *receipt.WitnessError
		if errors.As(err, &we) {
			rep.Cosigned = we.Valid
		}
		rep.add(receipt.CheckWitness, "", Failed, "%v", err)
		return
	}
	rep.Cosigned = res.Cosigned
	rep.add(receipt.CheckWitness, "", Passed, "cosigned by %s (%d of the %d witnesses required)", strings.Join(res.Cosigned, ", "), k, len(pol.Witnesses))
}
