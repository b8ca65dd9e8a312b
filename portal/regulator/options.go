package regulator

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/registry"
)

// Log is one log of the lender that the portal shows.
type Log struct {
	// Log is the engine log (checkpoints, proofs). Served read-only, it
	// cannot record reads of personal data, which then fail closed.
	Log *auditlog.Log
	// Decisions is the decisions layer on Log.
	Decisions *decisions.Log
	// Anchors is the anchorer's state (confirmed anchors, for receipts and
	// the overview's anchor times). Nil: Log.Store(anchor.DefaultNamespace).
	Anchors anchor.State
}

// Options configure [New]. Logs and Regulators are required.
type Options struct {
	// Logs are the lender's logs. Their origins must differ.
	Logs []Log
	// Regulators authenticates the credentials typed into the login form.
	Regulators *access.Regulators
	// Sessions keeps the logged-in regulators. Nil: a new store with
	// access.DefaultSessionTTL.
	Sessions *access.Sessions
	// Registry reads the registry contract through the regulator's own
	// JSON-RPC endpoint: the overview's verdicts, the models'
	// registrations and the disputes are read through it, never from the
	// lender's word. Nil: the pages say the chain was not read and give
	// no verdict.
	Registry *registry.Client
	// Favourable lists the predicted labels that count as favourable in
	// fairness reports. Nil: DefaultFavourable, as `glassbox fairness`.
	Favourable []string
	// FavourableOutcomes lists the favourable outcome labels. Nil:
	// DefaultFavourableOutcomes.
	FavourableOutcomes []string
	// Prefix is the path the portal is mounted under ("/regulator"); it is
	// stripped from requests that carry it and put in front of every link,
	// and is the Path of the session cookie. Empty: the root.
	Prefix string
	// Lender is the lender's name, shown in page titles. Empty: "The lender".
	Lender string
	// Clock tells the time (access leaves, "now"). Nil: time.Now.
	Clock func() time.Time
	// Logger receives the errors the pages report. Nil: slog.Default().
	Logger *slog.Logger
	// Artifacts returns the lender's model file whose SHA-256 is digest.
	// Set, a decision's page re-executes the decision for a credential
	// with the sealed scope (package reproduce) and says whether it
	// reproduces or what differs. Nil: no re-execution.
	Artifacts func(ctx context.Context, digest [32]byte) ([]byte, error)
	// Static holds the WebAssembly verifier, receipt.wasm and
	// wasm_exec.js (scripts/build-wasm writes them to portal/static). Nil,
	// or without them: the overview has no "Check in this browser". Nil:
	// the module's portal/static when this package was built from a
	// source tree (as portal.DefaultStaticDir).
	Static fs.FS
	// LenderAddress, with Registry, lists on the overview every log the
	// contract registers under this anchoring address (registry Discover),
	// each with the verdict of anchor.VerifyLogs: its served tlog-tiles
	// tree, read from LogURLs, against every anchored checkpoint. It shows
	// logs the lender did not configure here too. Nil: no such list.
	LenderAddress *common.Address
	// LogURLs maps a discovered log's origin to the base URL of its
	// c2sp.org/tlog-tiles (the contract holds none); a log missing here is
	// listed as not checked.
	LogURLs map[string]string
	// LogsClient fetches the discovered logs' tiles. Nil: http.DefaultClient.
	LogsClient *http.Client
}

// Defaults of the fairness reports, the same as `glassbox fairness`.
var (
	DefaultFavourable         = []string{"approve"}
	DefaultFavourableOutcomes = []string{"repaid"}
)

// SessionCookie is the name of the session cookie.
const SessionCookie = "glassbox_regulator"

func (o *Options) withDefaults() (Options, error) {
	var c Options
	if o != nil {
		c = *o
	}
	if len(c.Logs) == 0 {
		return c, fmt.Errorf("%w: Options.Logs is empty", ErrConfig)
	}
	if c.Regulators == nil {
		return c, fmt.Errorf("%w: Options.Regulators is required", ErrConfig)
	}
	c.Logs = slices.Clone(c.Logs)
	seen := map[string]bool{}
	for i := range c.Logs {
		l := &c.Logs[i]
		if l.Log == nil || l.Decisions == nil {
			return c, fmt.Errorf("%w: Options.Logs[%d] needs Log and Decisions", ErrConfig, i)
		}
		if seen[l.Log.Origin()] {
			return c, fmt.Errorf("%w: two logs of origin %q", ErrConfig, l.Log.Origin())
		}
		seen[l.Log.Origin()] = true
		if l.Anchors == nil {
			st, err := l.Log.Store(anchor.DefaultNamespace)
			if err != nil {
				return c, fmt.Errorf("%w: the anchor state of %s: %w", ErrConfig, l.Log.Origin(), err)
			}
			l.Anchors = st
		}
	}
	if c.Sessions == nil {
		s, err := access.NewSessions(&access.SessionOptions{Clock: c.Clock})
		if err != nil {
			return c, err
		}
		c.Sessions = s
	}
	if c.Favourable == nil {
		c.Favourable = DefaultFavourable
	}
	if c.FavourableOutcomes == nil {
		c.FavourableOutcomes = DefaultFavourableOutcomes
	}
	c.Prefix = strings.TrimRight(c.Prefix, "/")
	if c.Prefix != "" && (!strings.HasPrefix(c.Prefix, "/") || strings.ContainsAny(c.Prefix, " ;,\"'")) {
		return c, fmt.Errorf("%w: Prefix %q must start with / and be a plain path", ErrConfig, c.Prefix)
	}
	if c.Lender == "" {
		c.Lender = "The lender"
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Static == nil {
		if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
			c.Static = os.DirFS(filepath.Join(filepath.Dir(file), "..", "static"))
		}
	}
	return c, nil
}
