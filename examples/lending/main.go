// Command lending is the Glassbox end-to-end example: a lending service that
// scores credit applicants with a shipped XGBoost model, explains each
// decision with TreeSHAP, records it in a tamper-evident audit log, anchors
// the log on an Ethereum contract, and then verifies one applicant's receipt
// end to end, offline and against the chain.
//
//	go run ./examples/lending              # simulated chain in process, temp dir
//	go run ./examples/lending -n 100       # the first 100 applicants only
//	go run ./examples/lending --http :8080 --dir /tmp/lending # serve the API on 127.0.0.1:8080
//	go run ./examples/lending --rpc http://127.0.0.1:8545 --contract 0x.. --keystore KEYFILE --password-file PW
//	go run ./cmd/glassbox devnet           # all of the above against anvil, in one command (docs/deploy.md)
//
// The applicants are the whole Statlog German Credit data set
// (model/applicants.csv, 1,000 rows), each scored once, exactly as the data
// set has them; -n N scores the first N.
//
// With no --rpc, the chain is go-ethereum's simulated backend in this
// process, with the GlassboxRegistry contract deployed at start: nothing
// has to be installed. With no --dir, everything lives in a temporary
// directory removed at exit.
//
// # HTTP mode
//
// The API is package httpapi's (docs/http.md), listening on loopback
// unless --public, with bearer tokens from --tokens or DIR/tokens (one per
// role, made on first start; the path is printed, the tokens never are)
// and the link key in DIR/link.key. This program adds one route:
//
//	POST /v1/decisions (lender) one application (JSON) -> the decision, its
//	                            index, reasons and the applicant's link
//
// A repeated id with the same application is answered from the log; with
// another application it is 409 Conflict.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"time"
)

// config is the command line.
type config struct {
	N              int           // applicants to score
	Workers        int           // concurrent deciders
	Dir            string        // "" = a temporary directory
	HTTP           string        // listen address; "" = batch mode
	Public         bool          // allow a non-loopback --http address
	Tokens         string        // bearer tokens file; "" = DIR/tokens
	Regulators     string        // regulator credentials file; "" = no regulator's portal
	RPC            string        // node URL; "" = simulated chain
	Contract       string        // registry address with --rpc
	Key            string        // anchorer (and registering) key with --rpc, hex (visible in ps; prefer Keystore)
	Keystore       string        // encrypted keystore file of that key
	PasswordFile   string        // the keystore's passphrase ("" = $GLASSBOX_KEYSTORE_PASSWORD)
	AnchorInterval time.Duration // anchorer Options.Interval
	AnchorEntries  uint64        // anchorer Options.Entries
	Confirmations  uint64        // anchorer Options.Confirmations
	Poll           time.Duration // anchorer Options.PollInterval
	Demo           int           // with HTTP: decide this many applicants first and print a link
	Witnesses      witnessFlag   // -witness VKEY=URL, repeated: the follower's witnesses
	WitnessK       int           // -witness-threshold: cosignatures a receipt's checkpoint needs (0: all)
	Verbose        bool
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	cfg := &config{}
	fs := flag.NewFlagSet("lending", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&cfg.N, "n", dataRows, "number of applicants to score: the data set's applicants in turn, each once (at most its 1000)")
	fs.IntVar(&cfg.Workers, "workers", 8, "concurrent deciders")
	fs.StringVar(&cfg.Dir, "dir", "", "the log directory (signer.key, verifier.key, pebble/), made on first use; glassbox reads it with --dir (default: a temporary directory, removed at exit)")
	fs.StringVar(&cfg.HTTP, "http", "", "serve the HTTP API on this address instead of the batch run (loopback: \":8080\" means 127.0.0.1:8080)")
	fs.BoolVar(&cfg.Public, "public", false, "allow --http on a non-loopback address (put TLS in front)")
	fs.StringVar(&cfg.Regulators, "regulators", "", "regulator credentials (JSON, mode 0600; docs/regulator.md): with --http, mounts the regulator's portal at /regulator")
	fs.StringVar(&cfg.Tokens, "tokens", "", "bearer tokens file, \"ROLE TOKEN\" lines, mode 0600 (default: DIR/tokens, one token per role made on first start)")
	fs.StringVar(&cfg.RPC, "rpc", "", "Ethereum JSON-RPC URL (default: an in-process simulated chain)")
	fs.StringVar(&cfg.Contract, "contract", "", "GlassboxRegistry address (with --rpc)")
	fs.StringVar(&cfg.Key, "key", "", "hex private key of the log's anchorer (with --rpc; visible to every user in ps: prefer --keystore); it also registers the log and the model if it may")
	fs.StringVar(&cfg.Keystore, "keystore", "", "encrypted Ethereum keystore file of the anchorer's key (with --rpc), instead of --key")
	fs.StringVar(&cfg.PasswordFile, "password-file", "", "file (mode 0600) whose first line is the keystore's passphrase (default: $GLASSBOX_KEYSTORE_PASSWORD)")
	fs.DurationVar(&cfg.AnchorInterval, "anchor-interval", 500*time.Millisecond, "anchor at least this often when the log grew")
	fs.Uint64Var(&cfg.AnchorEntries, "anchor-entries", 1000, "anchor as soon as this many decisions are new")
	fs.Uint64Var(&cfg.Confirmations, "confirmations", 0, "confirmations before an anchor counts (default 1 on the simulated chain, 2 otherwise)")
	fs.DurationVar(&cfg.Poll, "poll", 20*time.Millisecond, "how often the anchorer looks at the log and the chain")
	fs.IntVar(&cfg.Demo, "demo", 0, "with --http: first decide this many applicants of the data set, wait for their anchor, and print a link to the first one's receipt")
	fs.BoolVar(&cfg.Verbose, "v", false, "log the anchorer's progress to stderr")
	fs.Var(&cfg.Witnesses, "witness", "a witness as VKEY=URL (cosignature/v1 verifier key, its c2sp.org/tlog-witness URL), repeatable: every new checkpoint is submitted to it, and receipts are built on the latest checkpoint the witnesses cosigned")
	fs.IntVar(&cfg.WitnessK, "witness-threshold", 0, "with -witness: how many witnesses must have cosigned the checkpoint a receipt is built on (default: all)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if cfg.RPC != "" && (cfg.Contract == "" || (cfg.Key == "") == (cfg.Keystore == "")) {
		return nil, errors.New("--rpc needs --contract and one of --key or --keystore")
	}
	if cfg.PasswordFile != "" && cfg.Keystore == "" {
		return nil, errors.New("--password-file needs --keystore")
	}
	if cfg.N < 1 || cfg.Workers < 1 {
		return nil, errors.New("-n and -workers must be positive")
	}
	if cfg.Demo < 0 || cfg.Demo > dataRows || (cfg.Demo > 0 && cfg.HTTP == "") {
		return nil, fmt.Errorf("--demo %d: needs --http, and at most the data set's %d applicants", cfg.Demo, dataRows)
	}
	if cfg.N > dataRows {
		return nil, fmt.Errorf("-n %d: the data set has %d applicants, each scored once", cfg.N, dataRows)
	}
	if cfg.WitnessK < 0 || cfg.WitnessK > len(cfg.Witnesses) {
		return nil, fmt.Errorf("-witness-threshold %d: want 1 to the number of -witness witnesses (%d)", cfg.WitnessK, len(cfg.Witnesses))
	}
	if cfg.Confirmations == 0 {
		cfg.Confirmations = 1
		if cfg.RPC != "" {
			cfg.Confirmations = 2
		}
	}
	return cfg, nil
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole program, callable from tests.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(stderr, "lending:", err)
		return 2
	}
	dir := cfg.Dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "glassbox-lending-")
		if err != nil {
			fmt.Fprintln(stderr, "lending:", err)
			return 1
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(stderr, "lending:", err)
		return 1
	}
	level := slog.LevelError
	if cfg.Verbose {
		level = slog.LevelInfo
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	s, err := startService(ctx, cfg, dir, logger)
	if err != nil {
		fmt.Fprintln(stderr, "lending:", err)
		return 1
	}
	if cfg.HTTP != "" {
		err = s.serve(ctx, stdout)
	} else {
		err = s.batch(ctx, stdout)
	}
	if cerr := s.close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(stderr, "lending:", err)
		return 1
	}
	return 0
}
