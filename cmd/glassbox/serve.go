package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/httpapi"
	"github.com/glassbox-audit/glassbox/portal/access"
)

// serveCommand is `glassbox serve --dir DIR [--addr A] [--tokens F]
// [--public]`.
func serveCommand() command {
	return command{name: "serve", summary: "serve a log directory's read API over HTTP (docs/http.md)", run: runServe}
}

// serveStarted is the one line serve prints once it listens.
type serveStarted struct {
	Addr   string `json:"addr"`
	Tokens string `json:"tokens"` // the tokens file (its path; the tokens are never printed)
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
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 0 {
		return usageErr(env, "serve", "unexpected arguments %q", fs.Args())
	}
	if *dir == "" {
		return usageErr(env, "serve", "--dir is required")
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
	h, err := serveHandler(lg, dec, tokens, links)
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
	if err := writeJSON(env.stdout, serveStarted{Addr: l.Addr().String(), Tokens: where}); err != nil {
		l.Close()
		return failed(env, "serve", "%v", err)
	}
	if err := httpapi.Serve(ctx, l, srv, so); err != nil && !errors.Is(err, context.Canceled) {
		return failed(env, "serve", "%v", err)
	}
	return exitOK
}

// serveHandler is the handler glassbox serve runs: httpapi's read side,
// with the process's Go metrics on /metrics. Programs that add routes (the
// applicant portal) mount them through httpapi.Options.Mount here.
func serveHandler(lg *auditlog.Log, dec *decisions.Log, tokens *access.Tokens, links *access.Links) (*httpapi.Handler, error) {
	reg := prometheus.NewRegistry()
	if err := reg.Register(collectors.NewGoCollector()); err != nil {
		return nil, fmt.Errorf("metrics: %w", err)
	}
	return httpapi.New(httpapi.Options{
		Log:       lg,
		Decisions: dec,
		Tokens:    tokens,
		Links:     links,
		Metrics:   promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}),
	})
}
