package portal

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/witness/cosig"
	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/registry"
)

// DefaultNamespace is the engine store namespace in which the portal
// remembers the dispute filed for a decision, when Options.Store is nil and
// Options.Log is set.
const DefaultNamespace = "portal"

// MaxDisputeText is the longest dispute text the form accepts, in bytes.
const MaxDisputeText = 4000

// MaxReasons is the most principal reasons the page gives, as an
// adverse-action notice does (explain.DefaultReasonCount).
const MaxReasons = explain.DefaultReasonCount

// Disputes files a dispute on the registry contract for the lender: the text
// stays off chain, and the contract records its hash (registry/desk's Desk
// implements it). File returns the contract's dispute id.
type Disputes interface {
	File(ctx context.Context, leafIndex uint64, leafHash [32]byte, text string) (uint64, error)
}

// ModelInfo is what the page needs to explain a model's decisions in plain
// language.
type ModelInfo struct {
	// Reasons turns an explanation into principal reasons. Reasons.Texts
	// MUST name a text for every variable: the page never shows a raw
	// column name as a reason. Reasons.K above MaxReasons is capped.
	Reasons explain.ReasonOptions
	// Labels are display names of input features and of variables (the
	// keys of Reasons.Variables' values); a name without a label is shown
	// as it is.
	Labels map[string]string
	// Outcomes are display texts of output labels ("decline": "Declined").
	Outcomes map[string]string
	// Adverse lists the output labels for which the page gives principal
	// reasons; nil means every outcome.
	Adverse []string
	// ScoreName says what the score is ("Estimated probability of default").
	ScoreName string
}

// Options configure [New]. Decisions and Links are required.
type Options struct {
	// Decisions is the decisions layer the links open decisions of.
	Decisions *decisions.Log
	// Links opens the capability tokens of the applicants' links.
	Links *access.Links
	// Attach, when set, completes a receipt before it is shown or
	// downloaded, typically with its anchor (anchor.Attach, or the
	// running anchorer's Attach). An error other than anchor.ErrNoAnchor
	// is shown; a receipt without an anchor is still shown and checked.
	Attach func(ctx context.Context, r *receipt.Receipt) error
	// Models describes a model version for the page; nil, or false, means
	// the page gives no reasons and shows names as they are.
	Models func(name, version string) (*ModelInfo, bool)
	// Registry is read by the server for the model's on-chain registration
	// (and deprecation). Nil: the page says it was not read.
	Registry *registry.Client
	// RPCURL is the JSON-RPC endpoint the applicant's browser reads the
	// contract through (never through this server); it is added to the
	// page's connect-src. Contract is the registry's address (0x hex).
	// Both empty: the browser checks the receipt offline only.
	RPCURL, Contract string
	// LogKey is the log's note verifier key, given to the browser's
	// verifier. Empty: the browser reads the key from the contract (and
	// without a chain cannot check the signature).
	LogKey string
	// Witnesses are the cosignature/v1 verifier keys of the witnesses the
	// applicant's browser requires on the receipt's checkpoint, of which
	// WitnessThreshold (0: all) must have cosigned; the page's checks then
	// show which did. Empty: the browser asks for no witness policy.
	Witnesses        []string
	WitnessThreshold int
	// Artifacts returns the model file whose SHA-256 is digest, for the
	// applicant's browser to re-run the decision (package reproduce, in
	// the WebAssembly verifier). It is served only through a link, as GET
	// /a/{token}/model, the artifact of that link's decision. Nil: the page
	// offers no re-run.
	Artifacts func(ctx context.Context, digest [32]byte) ([]byte, error)
	// Disputes files disputes; nil: the page offers no dispute form.
	Disputes Disputes
	// DisputeStatus reads a dispute's status ("open", "upheld",
	// "rejected") for the page when the browser cannot (no
	// glassboxDispute in the verifier). Nil: the page shows the id only.
	DisputeStatus func(ctx context.Context, id uint64) (string, error)
	// Store keeps the dispute id filed for each decision (keyed by leaf
	// index). Nil: Log.Store(DefaultNamespace) when Log is set, else an
	// in-memory map that a restart forgets.
	Store KV
	// Log is the engine log under Decisions, for the default Store.
	Log *auditlog.Log
	// Static holds receipt.wasm and wasm_exec.js (built by
	// scripts/build-wasm). Nil: the directory DefaultStaticDir returns.
	// When they are missing the pages say the in-browser check is not
	// available.
	Static fs.FS
	// Authorize, when set, is asked after a link opened, before anything
	// of the decision is shown or done; an error refuses the request with
	// 403 and the error's text.
	Authorize func(r *http.Request, decisionID string) error
	// Prefix is the path the portal is mounted under ("/portal"); it is
	// stripped from requests that carry it and put in front of every link
	// the pages make. Empty: the root.
	Prefix string
	// Lender is the lender's name, shown in page titles. Empty: "Your lender".
	Lender string
	// Logger receives the errors the pages report. Nil: slog.Default().
	Logger *slog.Logger
}

// KV is where the portal remembers what it filed: *auditlog.Store
// implements it. Get returns an error wrapping auditlog.ErrNotFound for a
// missing key.
type KV interface {
	Get(key []byte) ([]byte, error)
	Put(key, value []byte) error
}

// DefaultStaticDir returns the portal/static directory of the module's
// checkout this package was built from, where scripts/build-wasm writes the
// verifier; "" when the build has no source paths (-trimpath).
func DefaultStaticDir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return ""
	}
	return filepath.Join(filepath.Dir(file), "static")
}

// withDefaults clones, defaults and validates o.
func (o *Options) withDefaults() (Options, error) {
	var c Options
	if o != nil {
		c = *o
	}
	if c.Decisions == nil {
		return c, fmt.Errorf("%w: Options.Decisions is required", ErrConfig)
	}
	if c.Links == nil {
		return c, fmt.Errorf("%w: Options.Links is required", ErrConfig)
	}
	if (c.RPCURL == "") != (c.Contract == "") {
		return c, fmt.Errorf("%w: RPCURL and Contract go together", ErrConfig)
	}
	if c.RPCURL != "" {
		u, err := url.Parse(c.RPCURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(c.RPCURL, " ;,'\"") {
			return c, fmt.Errorf("%w: RPCURL %q is not an http(s) URL usable in a Content-Security-Policy", ErrConfig, c.RPCURL)
		}
	}
	if c.Contract != "" && (len(c.Contract) != 42 || !strings.HasPrefix(c.Contract, "0x") || strings.Trim(strings.ToLower(c.Contract[2:]), "0123456789abcdef") != "") {
		return c, fmt.Errorf("%w: Contract %q is not a 0x address", ErrConfig, c.Contract)
	}
	for _, k := range c.Witnesses {
		if _, err := cosig.NewVerifier(k); err != nil || strings.ContainsAny(k, " \t\n") {
			return c, fmt.Errorf("%w: Witnesses: %q is not a cosignature/v1 verifier key", ErrConfig, k)
		}
	}
	c.Witnesses = slices.Clone(c.Witnesses)
	if c.WitnessThreshold < 0 || c.WitnessThreshold > len(c.Witnesses) {
		return c, fmt.Errorf("%w: WitnessThreshold %d: want 0 (all) to %d", ErrConfig, c.WitnessThreshold, len(c.Witnesses))
	}
	c.Prefix = strings.TrimRight(c.Prefix, "/")
	if c.Prefix != "" && !strings.HasPrefix(c.Prefix, "/") {
		return c, fmt.Errorf("%w: Prefix %q must start with /", ErrConfig, c.Prefix)
	}
	if c.Store == nil {
		if c.Log != nil {
			s, err := c.Log.Store(DefaultNamespace)
			if err != nil {
				return c, fmt.Errorf("%w: the portal's store namespace: %w", ErrConfig, err)
			}
			c.Store = s
		} else {
			c.Store = newMemKV()
		}
	}
	if c.Static == nil {
		if dir := DefaultStaticDir(); dir != "" {
			c.Static = os.DirFS(dir)
		}
	}
	if c.Lender == "" {
		c.Lender = "Your lender"
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c, nil
}
