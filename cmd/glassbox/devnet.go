package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/glassbox-audit/glassbox/registry"
)

func devnetCommand() command {
	return command{name: "devnet", summary: "a real local chain in one command: anvil, the contract, the lending example anchoring on it", run: runDevnet}
}

// devnetOut is what glassbox devnet prints (one JSON line) once the
// service is up and its first decisions are anchored.
type devnetOut struct {
	RPC          string `json:"rpc"`
	ChainID      uint64 `json:"chain_id"`
	Contract     string `json:"contract"`
	Origin       string `json:"origin"`
	LogID        string `json:"log_id"`
	LogKey       string `json:"log_public_key"` // hex Ed25519, as read from the contract
	Service      string `json:"service"`
	Dir          string `json:"dir"`
	Tokens       string `json:"tokens"`
	Keystore     string `json:"keystore"`
	DecisionID   string `json:"decision_id"`
	LinkToken    string `json:"link_token"`
	Page         string `json:"page"`
	RegulatorCmd string `json:"regulator"`
	ApplicantCmd string `json:"applicant"`
}

// runDevnet starts anvil, deploys the registry, puts the admin's key in an
// encrypted keystore, and runs the lending example against the node with
// --keystore (it registers the log and the model, decides --demo
// applicants and anchors them). It prints what the regulator and applicant
// examples need, then runs until interrupted and stops both processes.
func runDevnet(ctx context.Context, env *cliEnv, args []string) int {
	const cmd = "devnet"
	fs := newFlagSet(env, cmd)
	dir := fs.String("dir", "", "directory for the node's config, the keystore and the log (default: a temporary directory, removed at exit)")
	anvilPath := fs.String("anvil", "", "the anvil executable (default: node_modules/.bin/anvil in the module checkout, then anvil on $PATH)")
	port := fs.Int("port", 8545, "anvil's JSON-RPC port on 127.0.0.1 (0: any free port)")
	blockTime := fs.Duration("block-time", time.Second, "anvil's block time (the service waits for 2 confirmations)")
	httpAddr := fs.String("http", "127.0.0.1:8080", "the lending service's address (loopback)")
	lending := fs.String("lending", "", "a built examples/lending binary (default: built from the module checkout into DIR)")
	demo := fs.Int("demo", 20, "applicants the service decides (and anchors) before it is ready")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() != 0 || *port < 0 || *port > 65535 || *demo < 1 || *blockTime < time.Second {
		return usageErr(env, cmd, "usage: glassbox devnet [--dir DIR] [--anvil PATH] [--port N] [--block-time D (>= 1s)] [--http ADDR] [--lending BIN] [--demo N (>= 1)]")
	}
	bin, err := findAnvil(*anvilPath)
	if err != nil {
		return usageErr(env, cmd, "%v", err)
	}
	d := *dir
	if d == "" {
		tmp, err := os.MkdirTemp("", "glassbox-devnet-")
		if err != nil {
			return failed(env, cmd, "%v", err)
		}
		defer os.RemoveAll(tmp)
		d = tmp
	} else if err := os.MkdirAll(d, 0o700); err != nil {
		return failed(env, cmd, "%v", err)
	}
	if *lending == "" {
		root, err := moduleRoot()
		if err != nil {
			return usageErr(env, cmd, "--lending: %v", err)
		}
		*lending = filepath.Join(d, "lending")
		fmt.Fprintf(env.stderr, "devnet: building examples/lending into %s\n", *lending)
		b := exec.CommandContext(ctx, "go", "build", "-o", *lending, "./examples/lending")
		b.Dir, b.Stdout, b.Stderr = root, env.stderr, env.stderr
		if err := b.Run(); err != nil {
			return failed(env, cmd, "building examples/lending: %v", err)
		}
	}
	p := *port
	if p == 0 {
		if p, err = freeTCPPort(); err != nil {
			return failed(env, cmd, "%v", err)
		}
	}

	// The node.
	rpcURL := "http://127.0.0.1:" + strconv.Itoa(p)
	cfgOut := filepath.Join(d, "anvil.json")
	os.Remove(cfgOut)
	anvil := exec.Command(bin, "--host", "127.0.0.1", "--port", strconv.Itoa(p), "--accounts", "3",
		"--block-time", strconv.Itoa(int(blockTime.Seconds())), "--config-out", cfgOut, "--silent")
	anvil.Stdout, anvil.Stderr = env.stderr, env.stderr
	if err := anvil.Start(); err != nil {
		return failed(env, cmd, "starting %s: %v", bin, err)
	}
	defer stopProcess(anvil)
	fmt.Fprintf(env.stderr, "devnet: anvil (%s) on %s\n", bin, rpcURL)
	client, chainID, err := dialNode(ctx, rpcURL)
	if err != nil {
		return failed(env, cmd, "%v", err)
	}
	defer client.Close()
	keys, err := anvilKeys(ctx, cfgOut)
	if err != nil {
		return failed(env, cmd, "%v", err)
	}
	admin, err := crypto.HexToECDSA(strings.TrimPrefix(keys[0], "0x"))
	if err != nil {
		return failed(env, cmd, "anvil's dev key 0: %v", err)
	}

	// The contract, deployed by dev account 0 (admin, model publisher).
	reg, rc, err := registry.Deploy(ctx, client, bind.NewKeyedTransactor(admin, chainID), nil)
	if err != nil {
		return failed(env, cmd, "deploying the registry: %v", err)
	}
	fmt.Fprintf(env.stderr, "devnet: GlassboxRegistry at %s (block %d, %d gas)\n", reg.Address().Hex(), rc.BlockNumber, rc.GasUsed)

	// The service's key, in an encrypted keystore; its passphrase in a
	// 0600 file, never on a command line.
	ksPath, pwPath, err := writeDevKeystore(d, admin)
	if err != nil {
		return failed(env, cmd, "%v", err)
	}

	// The lending service.
	logDir := filepath.Join(d, "log")
	svc := exec.Command(*lending, "--http", *httpAddr, "--dir", logDir, "--rpc", rpcURL, "--contract", reg.Address().Hex(),
		"--keystore", ksPath, "--password-file", pwPath, "--demo", strconv.Itoa(*demo), "--anchor-interval", "1s")
	out, err := svc.StdoutPipe()
	if err != nil {
		return failed(env, cmd, "%v", err)
	}
	svc.Stderr = env.stderr
	if err := svc.Start(); err != nil {
		return failed(env, cmd, "starting %s: %v", *lending, err)
	}
	defer stopProcess(svc)
	lines := make(chan string)
	stopped := make(chan struct{})
	defer close(stopped) // before stopProcess(svc): the reader ends
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			fmt.Fprintln(env.stderr, "lending:", sc.Text())
			select {
			case lines <- sc.Text():
			case <-stopped:
				return
			}
		}
	}()
	res := devnetOut{RPC: rpcURL, ChainID: chainID.Uint64(), Contract: reg.Address().Hex(), Dir: d, Keystore: ksPath, Tokens: filepath.Join(logDir, "tokens")}
	for res.Service == "" || res.LinkToken == "" {
		select {
		case <-ctx.Done():
			return failed(env, cmd, "interrupted before the service was ready")
		case l, ok := <-lines:
			if !ok {
				return failed(env, cmd, "the lending service exited before it was ready (its errors are above)")
			}
			if rest, ok := strings.CutPrefix(l, "demo link: "); ok {
				f := strings.Fields(rest)
				if len(f) == 3 {
					res.DecisionID, res.LinkToken, res.Page = f[0], f[1], f[2]
				}
			} else if rest, ok := strings.CutPrefix(l, "demo origin: "); ok {
				res.Origin = rest
			} else if rest, ok := strings.CutPrefix(l, "lending service on "); ok {
				res.Service, _, _ = strings.Cut(rest, " ")
			}
		}
	}
	if res.Origin == "" {
		return failed(env, cmd, "the lending service did not print its log's origin")
	}
	id := registry.LogIDFor(res.Origin)
	info, err := reg.Log(ctx, id)
	if err != nil {
		return failed(env, cmd, "the log %q on the contract: %v", res.Origin, err)
	}
	res.LogID, res.LogKey = id.String(), hex.EncodeToString(info.PublicKey)
	res.RegulatorCmd = fmt.Sprintf("go run ./examples/regulator --service %s --tokens %s --rpc %s --contract %s", res.Service, res.Tokens, rpcURL, res.Contract)
	res.ApplicantCmd = fmt.Sprintf("go run ./examples/applicant --service %s --link %s --rpc %s --contract %s", res.Service, res.LinkToken, rpcURL, res.Contract)
	if err := writeJSON(env.stdout, res); err != nil {
		return failed(env, cmd, "%v", err)
	}
	fmt.Fprintf(env.stderr, "devnet: ready; the regulator:\n  %s\ndevnet: the applicant:\n  %s\ndevnet: Ctrl-C stops the service and the node\n", res.RegulatorCmd, res.ApplicantCmd)
	// Keep the service's output flowing until it ends or we are stopped.
	for {
		select {
		case <-ctx.Done():
			return exitOK
		case _, ok := <-lines:
			if !ok {
				return failed(env, cmd, "the lending service exited")
			}
		}
	}
}

// findAnvil: flag, then node_modules/.bin/anvil in the module checkout,
// then $PATH.
func findAnvil(flagPath string) (string, error) {
	if flagPath != "" {
		if _, err := os.Stat(flagPath); err != nil {
			return "", fmt.Errorf("--anvil: %w", err)
		}
		return flagPath, nil
	}
	if root, err := moduleRoot(); err == nil {
		p := filepath.Join(root, "node_modules", ".bin", "anvil")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath("anvil"); err == nil {
		return p, nil
	}
	return "", errors.New("anvil not found: run bash scripts/setup (node_modules/.bin/anvil), put anvil on $PATH, or give --anvil")
}

// moduleRoot is the directory of the Glassbox module's go.mod at or above
// the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(b), "module github.com/glassbox-audit/glassbox\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside a Glassbox checkout (no go.mod of github.com/glassbox-audit/glassbox above the working directory)")
		}
		dir = parent
	}
}

func freeTCPPort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// dialNode waits until the node answers (anvil takes a moment to bind).
func dialNode(ctx context.Context, url string) (*ethclient.Client, *big.Int, error) {
	c, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return nil, nil, err
	}
	for i := 0; ; i++ {
		id, err := c.ChainID(ctx)
		if err == nil {
			return c, id, nil
		}
		if i == 600 || ctx.Err() != nil {
			c.Close()
			return nil, nil, fmt.Errorf("anvil on %s does not answer: %w", url, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// anvilKeys reads the dev keys from anvil's --config-out file, which anvil
// may finish writing after it answers.
func anvilKeys(ctx context.Context, path string) ([]string, error) {
	for i := 0; ; i++ {
		b, err := os.ReadFile(path)
		var cfg struct {
			PrivateKeys []string `json:"private_keys"`
		}
		if err == nil {
			if err = json.Unmarshal(b, &cfg); err == nil && len(cfg.PrivateKeys) == 0 {
				err = errors.New("no private_keys")
			}
		}
		if err == nil {
			return cfg.PrivateKeys, nil
		}
		if i == 600 || ctx.Err() != nil {
			return nil, fmt.Errorf("anvil's --config-out %s: %w", path, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// writeDevKeystore puts key in DIR/keystore (go-ethereum's format; light
// scrypt parameters: this is a development chain's well-known key) with
// a random passphrase in DIR/keystore.password (0600).
func writeDevKeystore(dir string, key *ecdsa.PrivateKey) (ksPath, pwPath string, err error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", "", err
	}
	pass := hex.EncodeToString(b[:])
	pwPath = filepath.Join(dir, "keystore.password")
	if err := os.WriteFile(pwPath, []byte(pass+"\n"), 0o600); err != nil {
		return "", "", err
	}
	ksDir := filepath.Join(dir, "keystore")
	os.RemoveAll(ksDir)
	ks := keystore.NewKeyStore(ksDir, keystore.LightScryptN, keystore.LightScryptP)
	a, err := ks.ImportECDSA(key, pass)
	if err != nil {
		return "", "", fmt.Errorf("writing the keystore: %w", err)
	}
	return a.URL.Path, pwPath, nil
}

// stopProcess interrupts p and waits for it; a process that does not
// take interrupts is killed.
func stopProcess(p *exec.Cmd) {
	if p.Process == nil {
		return
	}
	if err := p.Process.Signal(os.Interrupt); err != nil {
		_ = p.Process.Kill()
	}
	done := make(chan struct{})
	go func() { _ = p.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = p.Process.Kill()
		<-done
	}
}
