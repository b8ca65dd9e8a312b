package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/receipt"
	"github.com/glassbox-audit/glassbox/auditlog/tiles"
	"github.com/glassbox-audit/glassbox/auditlog/witness"
	"github.com/glassbox-audit/glassbox/httpapi"
	"github.com/glassbox-audit/glassbox/portal"
	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/regulator"
	"github.com/glassbox-audit/glassbox/registry"
)

// serveCommand is `glassbox serve --dir DIR [--addr A] [--tokens F]
// [--public] [--rpc URL --contract ADDR] [--static DIR] [--lender NAME]`.
func serveCommand() command {
	return command{name: "serve", summary: "serve a log directory's read API and applicant portal over HTTP (docs/http.md, docs/portal.md)", run: runServe}
}

// servePortalPrefix is where serve mounts the applicant portal, and
// serveTilesPrefix the log as c2sp.org/tlog-tiles (docs/tiles.md), and
// serveRegulatorPrefix the regulator's portal (docs/regulator.md).
const (
	servePortalPrefix    = "/portal"
	serveTilesPrefix     = "/log"
	serveRegulatorPrefix = "/regulator" // with --regulators
)

// serveStarted is the one line serve prints once it listens.
type serveStarted struct {
	Addr   string `json:"addr"`
	Tokens string `json:"tokens"` // the tokens file (its path; the tokens are never printed)
	// Portal is the public check page; applicants' pages are under it.
	Portal string `json:"portal"`
	// Tiles is the log's tlog-tiles prefix (its checkpoint is Tiles +
	// "/checkpoint").
	Tiles string `json:"tiles"`
}

// runServe serves httpapi's routes for a log directory until ctx ends. The
// log is opened read-only (nothing in the store is written; Pebble's lock
// is exclusive, so a log another process holds open is refused with
// auditlog.ErrLocked: serve a stopped service's directory or a copy). The
// tokens come from --tokens or DIR/tokens, the link key from DIR/link.key;
// both files are made on first use.
func runServe(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlagSet(env, "serve")
	dir := fs.String("dir", "", "the log directory (required)")
	addr := fs.String("addr", httpapi.DefaultAddr, "listen address (loopback unless --public)")
	tokensFile := fs.String("tokens", "", "bearer tokens file, \"ROLE TOKEN\" lines, mode 0600 (default: DIR/tokens, one token per role made on first start)")
	public := fs.Bool("public", false, "allow a non-loopback --addr (put TLS in front)")
	rpc := fs.String("rpc", "", "the chain's JSON-RPC endpoint (http or https): this server reads the models' registrations there, and the applicants' browsers read the contract there themselves")
	contract := fs.String("contract", "", "the registry contract's address (with --rpc)")
	static := fs.String("static", portal.DefaultStaticDir(), "the directory of receipt.wasm and wasm_exec.js (scripts/build-wasm) for the in-browser check")
	lender := fs.String("lender", "", "the lender's name on the portal's pages")
	regulators := fs.String("regulators", "", "regulator credentials (JSON, mode 0600; docs/regulator.md): mounts the regulator's portal at /regulator")
	wkeys := &witnessKeysFlag{}
	fs.Var(wkeys, "witness", "a witness's cosignature/v1 verifier key, or a file holding it (repeatable): receipts are built on the latest checkpoint these witnesses cosigned (as stored by glassbox witness submit or the service's follower), carrying the cosignatures")
	wk := fs.Int("witness-threshold", 0, "with --witness: how many of them must have cosigned the checkpoint receipts are built on (default: all)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 0 {
		return usageErr(env, "serve", "unexpected arguments %q", fs.Args())
	}
	if *dir == "" {
		return usageErr(env, "serve", "--dir is required")
	}
	if len(*wkeys) == 0 && flagSet(fs, "witness-threshold") {
		return usageErr(env, "serve", "--witness-threshold needs --witness keys")
	}
	if *wk < 0 || *wk > len(*wkeys) {
		return usageErr(env, "serve", "--witness-threshold %d: want 1 to the number of --witness keys (%d)", *wk, len(*wkeys))
	}
	if (*rpc == "") != (*contract == "") {
		return usageErr(env, "serve", "--rpc and --contract go together")
	}
	if *contract != "" && !common.IsHexAddress(*contract) {
		return usageErr(env, "serve", "--contract %q is not an address", *contract)
	}
	so := &httpapi.ServerOptions{Addr: *addr, Public: *public}
	if _, err := httpapi.ResolveAddr(*addr, *public); err != nil {
		return usageErr(env, "serve", "%v", err)
	}
	if _, err := auditlog.ReadDirInfo(*dir); err != nil {
		return usageErr(env, "serve", "%v (serve needs a log directory)", err)
	}
	lg, err := openLog(*dir, "", readLog)
	if err != nil {
		return openFailed(env, "serve", err)
	}
	defer lg.Close()
	dec, err := openLayer(lg, *dir)
	if err != nil {
		return openFailed(env, "serve", err)
	}
	var tokens *access.Tokens
	where := *tokensFile
	if where != "" {
		tokens, err = httpapi.LoadTokens(where)
	} else {
		tokens, where, _, err = httpapi.DirTokens(*dir)
	}
	if err != nil {
		return usageErr(env, "serve", "%v", err)
	}
	links, err := httpapi.DirLinks(*dir, nil)
	if err != nil {
		return usageErr(env, "serve", "%v", err)
	}
	po := &portal.Options{Decisions: dec, Links: links, Log: lg, Lender: *lender, Prefix: servePortalPrefix}
	if *static != "" {
		po.Static = os.DirFS(*static)
	}
	// With --witness, receipts move onto the latest cosigned checkpoint
	// (witness.Rebase); one newer than it keeps the latest, uncosigned.
	rebase := func(context.Context, *receipt.Receipt) error { return nil }
	if len(*wkeys) > 0 {
		wst, err := lg.Store(witness.DefaultNamespace)
		if err != nil {
			return openFailed(env, "serve", err)
		}
		var ws []*witness.Witness
		for _, v := range *wkeys {
			ws = append(ws, &witness.Witness{Verifier: v})
		}
		rebase = func(ctx context.Context, r *receipt.Receipt) error {
			_, err := witness.Rebase(ctx, lg, wst, r, ws, *wk)
			return err
		}
	}
	if st, err := lg.Store(anchor.DefaultNamespace); err == nil {
		po.Attach = func(ctx context.Context, r *receipt.Receipt) error {
			if err := rebase(ctx, r); err != nil {
				return err
			}
			return anchor.Attach(ctx, lg, st, r)
		}
	}
	if *rpc != "" {
		c, err := ethclient.DialContext(ctx, *rpc)
		if err != nil {
			return usageErr(env, "serve", "--rpc %s: %v", *rpc, err)
		}
		defer c.Close()
		reg, err := registry.New(ctx, c, common.HexToAddress(*contract), nil)
		if err != nil {
			return failed(env, "serve", "--contract %s: %v", *contract, err)
		}
		po.Registry, po.RPCURL, po.Contract = reg, *rpc, common.HexToAddress(*contract).Hex()
		po.DisputeStatus = func(ctx context.Context, id uint64) (string, error) {
			d, err := reg.Dispute(ctx, id)
			return d.Status.String(), err
		}
	}
	p, err := portal.New(po)
	if err != nil {
		return usageErr(env, "serve", "%v", err)
	}
	var rp http.Handler
	if *regulators != "" {
		regs, err := httpapi.LoadRegulators(*regulators)
		if err != nil {
			return usageErr(env, "serve", "--regulators: %v", err)
		}
		rl := regulator.Log{Log: lg, Decisions: dec}
		if st, err := lg.Store(anchor.DefaultNamespace); err == nil {
			rl.Anchors = st
		}
		rp, err = regulator.New(&regulator.Options{Logs: []regulator.Log{rl}, Regulators: regs, Registry: po.Registry, Prefix: serveRegulatorPrefix, Lender: *lender, Static: po.Static})
		if err != nil {
			return usageErr(env, "serve", "the regulator's portal: %v", err)
		}
	}
	h, err := serveHandler(lg, dec, tokens, links, p, rp, func(ctx context.Context, id string) (*receipt.Receipt, error) {
		r, err := dec.Receipt(ctx, id)
		if err == nil {
			err = rebase(ctx, r)
		}
		return r, err
	})
	if err != nil {
		return failed(env, "serve", "%v", err)
	}
	l, err := httpapi.Listen(so)
	if err != nil {
		return usageErr(env, "serve", "%v", err)
	}
	srv, err := httpapi.NewServer(h, so)
	if err != nil {
		l.Close()
		return usageErr(env, "serve", "%v", err)
	}
	if err := writeJSON(env.stdout, serveStarted{Addr: l.Addr().String(), Tokens: where, Portal: "http://" + l.Addr().String() + servePortalPrefix + "/check", Tiles: "http://" + l.Addr().String() + serveTilesPrefix}); err != nil {
		l.Close()
		return failed(env, "serve", "%v", err)
	}
	if err := httpapi.Serve(ctx, l, srv, so); err != nil && !errors.Is(err, context.Canceled) {
		return failed(env, "serve", "%v", err)
	}
	return exitOK
}

// serveHandler is the handler glassbox serve runs: httpapi's read side,
// with the process's Go metrics on /metrics, and the applicant portal p
// under servePortalPrefix (links carry its page), and the log's tiles under
// serveTilesPrefix. The log is read-only, so
// the portal offers no erasure and files no disputes: those are the
// lender's service's.
// serveHandler is serve's HTTP surface; rc builds the receipts of the
// API's receipt route (nil: dec.Receipt).
func serveHandler(lg *auditlog.Log, dec *decisions.Log, tokens *access.Tokens, links *access.Links, p *portal.Portal, rp http.Handler, rc func(context.Context, string) (*receipt.Receipt, error)) (*httpapi.Handler, error) {
	reg := prometheus.NewRegistry()
	if err := reg.Register(collectors.NewGoCollector()); err != nil {
		return nil, fmt.Errorf("metrics: %w", err)
	}
	return httpapi.New(httpapi.Options{
		Log:        lg,
		Decisions:  dec,
		Tokens:     tokens,
		Links:      links,
		Receipt:    rc,
		Metrics:    promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}),
		PagePrefix: servePortalPrefix + "/a/",
		Mount: func(h *httpapi.Handler) {
			h.HandlePublic(servePortalPrefix+"/", p)
			h.HandlePublic(serveTilesPrefix+"/", http.StripPrefix(serveTilesPrefix, tiles.Handler(lg, nil)))
			if rp != nil {
				h.HandlePublic(serveRegulatorPrefix+"/", rp)
			}
		},
	})
}
