package regulator

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/registry"
)

// Verdict is the overview's finding on one log, checked against the
// registry contract read through Options.Registry.
type Verdict struct {
	// Checked is false when the chain was not read (no Registry, or an
	// error reading it: Problem says which).
	Checked bool `json:"checked"`
	// OK: every anchored checkpoint is signed by the key the contract
	// holds for its size, has the root the contract holds, and is
	// consistent with the checkpoint anchored before it; and the latest
	// checkpoint extends the latest anchor.
	OK bool `json:"ok"`
	// Anchors is the number of the log's Anchored events; Verified how
	// many of them passed, in tree-size order, before the first failure.
	Anchors  int `json:"anchors"`
	Verified int `json:"verified"`
	// FirstBad is the tree size of the first anchored checkpoint that
	// failed (HasBad), and Problem what failed.
	HasBad   bool   `json:"has_bad"`
	FirstBad uint64 `json:"first_bad,omitempty"`
	Problem  string `json:"problem,omitempty"`
}

// logSummary is one row of the overview.
type logSummary struct {
	Key, Origin    string
	Size           uint64
	CheckpointRoot string // hex
	Anchored       bool
	AnchorSize     uint64
	AnchorBlock    uint64
	AnchorTime     string
	Unanchored     uint64 // entries appended after the latest anchor
	Lag            string // from the append of the latest anchored entry to its anchor's confirmation
	ChainID        uint64
	Contract       string
	Verdict        Verdict
	Error          string
}

// discoveredLog is one row of the overview's list of the lender's logs on
// the contract (Options.LenderAddress), with anchor.VerifyLogs's verdict.
type discoveredLog struct {
	Origin, LogID, URL string
	Configured         bool // one of Options.Logs
	Checked, OK        bool // Checked: a URL was given and the log was read
	Anchors            int
	ServedSize         uint64
	Problem            string
}

type overviewPage struct {
	page
	Logs []logSummary
	// Discovered: the lender's logs on the contract; DiscoverError why
	// they could not be listed.
	Discover      bool
	Discovered    []discoveredLog
	DiscoverError string
	Registry      bool
	// Browser: the verifier is served, so the page offers the check in
	// the regulator's browser; Contract prefills its contract field.
	Browser  bool
	Contract string
}

func (p *Portal) overview(w http.ResponseWriter, r *http.Request, s *access.Session) {
	op := overviewPage{page: p.page("Overview", s, ""), Registry: p.o.Registry != nil, Browser: p.browserCheck()}
	if p.o.Registry != nil {
		op.Contract = p.o.Registry.Address().Hex()
	}
	for i := range p.o.Logs {
		l := &p.o.Logs[i]
		if !s.Regulator.Scope.AllowsLog(l.Log.Origin()) {
			continue
		}
		op.Logs = append(op.Logs, p.summary(r.Context(), strconv.Itoa(i), l))
	}
	if p.o.Registry != nil && p.o.LenderAddress != nil {
		op.Discover = true
		op.Discovered, op.DiscoverError = p.discovered(r.Context())
	}
	p.render(w, r, http.StatusOK, "overview", op)
}

// discovered lists the lender's logs on the contract, each checked with
// anchor.VerifyLogs against its served tiles.
func (p *Portal) discovered(ctx context.Context) ([]discoveredLog, string) {
	vs, err := anchor.VerifyLogs(ctx, p.o.Registry, *p.o.LenderAddress, &anchor.LogsOptions{URLs: p.o.LogURLs, Client: p.o.LogsClient})
	if err != nil {
		return nil, "the contract could not be read: " + err.Error()
	}
	configured := map[string]bool{}
	for _, l := range p.o.Logs {
		configured[l.Log.Origin()] = true
	}
	out := make([]discoveredLog, len(vs))
	for i, v := range vs {
		d := discoveredLog{Origin: v.Log.Origin, LogID: v.Log.ID.String(), URL: v.URL, Configured: configured[v.Log.Origin],
			OK: v.OK(), Anchors: v.Anchors, ServedSize: v.Checkpoint.Size}
		d.Checked = !errors.Is(v.Err, anchor.ErrNoLogURL)
		if v.Err != nil {
			d.Problem = v.Err.Error()
		}
		out[i] = d
	}
	return out, ""
}

// anchorsOf lists the confirmed anchors of the anchorer's state, by tree
// size.
func anchorsOf(st anchor.State) ([]anchor.Anchor, error) {
	var out []anchor.Anchor
	err := st.Scan([]byte("anchor/"), func(k, v []byte) error {
		var a anchor.Anchor
		if err := json.Unmarshal(v, &a); err != nil {
			return fmt.Errorf("anchor state %q: %w", k, err)
		}
		out = append(out, a)
		return nil
	})
	return out, err
}

func (p *Portal) summary(ctx context.Context, key string, l *Log) logSummary {
	sum := logSummary{Key: key, Origin: l.Log.Origin()}
	cp, err := l.Log.LatestCheckpoint(ctx)
	if err != nil && !errors.Is(err, auditlog.ErrNotFound) {
		sum.Error = "the latest checkpoint could not be read: " + err.Error()
		return sum
	}
	sum.Size = cp.Size
	sum.CheckpointRoot = hex.EncodeToString(cp.Root[:])
	if as, err := anchorsOf(l.Anchors); err != nil {
		sum.Error = err.Error()
	} else if n := len(as); n > 0 {
		a := as[n-1]
		sum.Anchored, sum.AnchorSize, sum.AnchorBlock = true, a.TreeSize, a.BlockNumber
		sum.AnchorTime = a.ConfirmedAt.UTC().Format(time.DateTime + " UTC")
		if cp.Size > a.TreeSize {
			sum.Unanchored = cp.Size - a.TreeSize
		}
		if b, err := l.Log.Leaf(ctx, max(a.TreeSize, 1)-1); err == nil {
			if lf, err := record.DecodeLeaf(b); err == nil && !a.ConfirmedAt.IsZero() {
				sum.Lag = a.ConfirmedAt.Sub(lf.Time).Round(time.Second).String()
			}
		}
	}
	if p.o.Registry != nil {
		if id, err := p.o.Registry.ChainID(ctx); err == nil {
			sum.ChainID = id
		}
		sum.Contract = p.o.Registry.Address().Hex()
	}
	sum.Verdict = p.verdict(ctx, l, cp)
	return sum
}

// verdict checks every anchored checkpoint of l against the contract, in
// tree-size order, and the latest checkpoint against the latest anchor.
func (p *Portal) verdict(ctx context.Context, l *Log, latest auditlog.SignedCheckpoint) Verdict {
	reg := p.o.Registry
	if reg == nil {
		return Verdict{Problem: "no RPC endpoint of the regulator is configured; the chain was not read"}
	}
	id := registry.LogIDFor(l.Log.Origin())
	events, err := reg.AnchorEvents(ctx, id, 0, nil)
	if err != nil {
		return Verdict{Problem: "the chain could not be read: " + err.Error()}
	}
	slices.SortFunc(events, func(a, b registry.AnchorEvent) int {
		switch {
		case a.TreeSize < b.TreeSize:
			return -1
		case a.TreeSize > b.TreeSize:
			return 1
		}
		return 0
	})
	v := Verdict{Checked: true, Anchors: len(events)}
	bad := func(size uint64, format string, args ...any) Verdict {
		v.HasBad, v.FirstBad, v.Problem = true, size, fmt.Sprintf(format, args...)
		return v
	}
	var prev *verify.Checkpoint
	for _, ev := range events {
		signed, err := l.Log.CheckpointAt(ctx, ev.TreeSize)
		if err != nil {
			return bad(ev.TreeSize, "the log has no checkpoint of the anchored size %d: %v", ev.TreeSize, err)
		}
		cp, _, err := anchor.VerifyNote(ctx, reg, signed.Note, ev.TreeSize, nil)
		if err != nil {
			return bad(ev.TreeSize, "the checkpoint of size %d does not match the contract: %v", ev.TreeSize, err)
		}
		if prev != nil {
			proof, err := l.Log.ConsistencyProof(ctx, prev.Size, cp.Size)
			if err == nil {
				err = verify.VerifyConsistency(prev.Size, cp.Size, proof, prev.Root, cp.Root)
			}
			if err != nil {
				return bad(ev.TreeSize, "the checkpoint of size %d is not consistent with the one of size %d: %v", cp.Size, prev.Size, err)
			}
		}
		v.Verified++
		c := cp
		prev = &c
	}
	if prev == nil {
		v.Problem = "the log was never anchored"
		return v
	}
	if latest.Size < prev.Size {
		v.Problem = fmt.Sprintf("the latest checkpoint (size %d) is older than the latest anchor (%d)", latest.Size, prev.Size)
		return v
	}
	var proof []verify.Hash
	if latest.Size > prev.Size {
		if proof, err = l.Log.ConsistencyProof(ctx, prev.Size, latest.Size); err != nil {
			v.Problem = "no consistency proof from the latest anchor to the latest checkpoint: " + err.Error()
			return v
		}
	}
	cp, err := anchor.OpenNote(ctx, reg, latest.Note)
	if err == nil {
		_, err = anchor.VerifyCheckpointFrom(ctx, reg, prev.Size, cp, proof)
	}
	if err != nil {
		v.Problem = "the latest checkpoint does not extend the latest anchor: " + err.Error()
		return v
	}
	v.OK = true
	return v
}
