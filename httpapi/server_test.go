package httpapi_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/httpapi"
)

// TestSlowBodyIsCut runs a real TCP server with a short ReadTimeout and a
// cap of one connection. A client that drip-feeds a body byte by byte is
// cut: the handler's DecodeJSON sees the read time out (and answers 408),
// and the server closes the connection while the body is unfinished. A second
// client, beyond the cap, is not served until the first connection is gone:
// its handler starts only after the slow one has ended.
func TestSlowBodyIsCut(t *testing.T) {
	so := &httpapi.ServerOptions{Addr: "127.0.0.1:0", ReadTimeout: 300 * time.Millisecond, ReadHeaderTimeout: 300 * time.Millisecond, MaxConns: 1}
	var mu sync.Mutex
	var events []string
	note := func(e string) {
		mu.Lock()
		events = append(events, e)
		mu.Unlock()
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /slow", func(w http.ResponseWriter, r *http.Request) {
		note("slow started")
		var v map[string]string
		err := httpapi.DecodeJSON(w, r, &v, 0)
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			note("slow timed out")
		} else {
			note(fmt.Sprintf("slow ended: %v", err))
		}
	})
	mux.HandleFunc("GET /fast", func(w http.ResponseWriter, r *http.Request) {
		note("fast served")
		_, _ = w.Write([]byte("ok"))
	})
	l, err := httpapi.Listen(so)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := httpapi.NewServer(mux, so)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- httpapi.Serve(ctx, l, srv, so) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Error(err)
		}
	}()

	slow, err := net.Dial("tcp", l.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	const bodyLen = 100000
	if _, err := fmt.Fprintf(slow, "POST /slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n{", bodyLen); err != nil {
		t.Fatal(err)
	}
	// Drip the body until the server cuts the connection.
	cut := make(chan int, 1)
	go func() {
		sent := 1
		for ; sent < bodyLen; sent++ {
			if _, err := slow.Write([]byte(" ")); err != nil {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		cut <- sent
	}()
	// Wait until the slow request holds the only connection slot.
	for {
		mu.Lock()
		started := len(events) > 0
		mu.Unlock()
		if started {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	// The second client connects (the kernel accepts it) but waits.
	resp, err := http.Get("http://" + l.Addr().String() + "/fast")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("fast: %s", resp.Status)
	}
	// The server closes the slow connection: the client's writes fail
	// before the body is complete. (Whether its 408 reaches the client
	// depends on TCP timing, so the handler's view is what is asserted.)
	if sent := <-cut; sent >= bodyLen {
		t.Fatalf("the slow body was read whole (%d bytes); it was never cut", sent)
	}
	mu.Lock()
	defer mu.Unlock()
	want := []string{"slow started", "slow timed out", "fast served"}
	if strings.Join(events, "|") != strings.Join(want, "|") {
		t.Fatalf("events %q, want %q: the connection beyond the cap was served before the slow one ended", events, want)
	}
}

// TestDefaultAddressIsLoopback: no address means 127.0.0.1:8080; an empty
// host (":8080", which net.Listen takes as every interface) means
// loopback; a non-loopback host is refused, naming the opt-in, until
// Public is set.
func TestDefaultAddressIsLoopback(t *testing.T) {
	if a, err := httpapi.ResolveAddr("", false); err != nil || a != "127.0.0.1:8080" {
		t.Errorf(`ResolveAddr(""): %q %v`, a, err)
	}
	for _, addr := range []string{":0", "127.0.0.1:0", "localhost:0", "[::1]:0", "127.0.0.2:0"} {
		a, err := httpapi.ResolveAddr(addr, false)
		if err != nil {
			t.Errorf("%s: %v", addr, err)
			continue
		}
		if addr == ":0" && a != "127.0.0.1:0" {
			t.Errorf(":0 resolves to %q, want 127.0.0.1:0", a)
		}
	}
	l, err := httpapi.Listen(&httpapi.ServerOptions{Addr: ":0"})
	if err != nil {
		t.Fatal(err)
	}
	ip := l.Addr().(*net.TCPAddr).IP
	l.Close()
	if !ip.IsLoopback() {
		t.Errorf("Listen(:0) listens on %v, want loopback", ip)
	}
	for _, addr := range []string{"0.0.0.0:0", "[::]:0", "192.0.2.1:8080", "example.com:80"} {
		_, err := httpapi.Listen(&httpapi.ServerOptions{Addr: addr})
		if !errors.Is(err, httpapi.ErrPublicAddress) || !strings.Contains(err.Error(), "--public") {
			t.Errorf("Listen(%s): %v, want ErrPublicAddress naming --public", addr, err)
		}
	}
	l, err = httpapi.Listen(&httpapi.ServerOptions{Addr: "0.0.0.0:0", Public: true})
	if err != nil {
		t.Fatalf("Listen(0.0.0.0:0, Public): %v", err)
	}
	l.Close()
	if _, err := httpapi.Listen(&httpapi.ServerOptions{Addr: "nocolon"}); !errors.Is(err, httpapi.ErrConfig) {
		t.Errorf("a bad address: %v", err)
	}
	srv, err := httpapi.NewServer(http.NotFoundHandler(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if srv.ReadHeaderTimeout != httpapi.DefaultReadHeaderTimeout || srv.ReadTimeout != httpapi.DefaultReadTimeout ||
		srv.WriteTimeout != httpapi.DefaultWriteTimeout || srv.IdleTimeout != httpapi.DefaultIdleTimeout || srv.MaxHeaderBytes != httpapi.DefaultMaxHeaderBytes {
		t.Errorf("NewServer(nil) limits: %+v", srv)
	}
	if _, err := httpapi.NewServer(nil, &httpapi.ServerOptions{ReadTimeout: -1}); !errors.Is(err, httpapi.ErrConfig) {
		t.Errorf("a negative timeout: %v", err)
	}
}

// TestDirFiles: DirTokens makes DIR/tokens (0600, one token per role) once
// and reads it back; DirLinks keeps one link key across opens, so a link
// outlives a restart; a secret file others may read is refused.
func TestDirFiles(t *testing.T) {
	dir := t.TempDir()
	t1, path, created, err := httpapi.DirTokens(dir)
	if err != nil || !created || path != filepath.Join(dir, httpapi.TokensFile) {
		t.Fatalf("DirTokens: %v %s %v", err, path, created)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("tokens file mode %v %v", fi.Mode(), err)
	}
	b, _ := os.ReadFile(path)
	_, _, created, err = httpapi.DirTokens(dir)
	if err != nil || created {
		t.Fatalf("second DirTokens: %v created=%v", err, created)
	}
	b2, _ := os.ReadFile(path)
	if string(b) != string(b2) {
		t.Fatal("the second start rewrote the tokens")
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		role, tok, _ := strings.Cut(line, " ")
		r, _ := http.NewRequest("GET", "/", nil)
		r.Header.Set("Authorization", "Bearer "+tok)
		if got, err := t1.Authenticate(r); err != nil || string(got) != role {
			t.Errorf("token of %s authenticates as %q %v", role, got, err)
		}
	}
	l1, err := httpapi.DirLinks(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	tok, _, _ := l1.Issue("d-1")
	l2, err := httpapi.DirLinks(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if id, _, err := l2.Open(tok); err != nil || id != "d-1" {
		t.Fatalf("a link after reopening: %q %v", id, err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := httpapi.LoadTokens(path); !errors.Is(err, httpapi.ErrConfig) || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a world-readable tokens file: %v", err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("# nothing\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := httpapi.LoadTokens(empty); !errors.Is(err, httpapi.ErrConfig) {
		t.Errorf("an empty tokens file: %v", err)
	}
}

// TestServeStops: connections that close free their slot; Serve returns
// nil once its context ends, the listener is closed, and no goroutine of
// the server is left behind.
func TestServeStops(t *testing.T) {
	before := runtime.NumGoroutine()
	so := &httpapi.ServerOptions{Addr: "127.0.0.1:0", MaxConns: 2}
	l, err := httpapi.Listen(so)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := httpapi.NewServer(http.NotFoundHandler(), so)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- httpapi.Serve(ctx, l, srv, so) }()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for range 5 { // more connections than slots, one after another: closed ones free their slot
		resp, err := client.Get("http://" + l.Addr().String() + "/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	client.CloseIdleConnections()
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Serve after cancel: %v", err)
	}
	if _, err := net.Dial("tcp", l.Addr().String()); err == nil {
		t.Error("the listener still accepts after Serve returned")
	}
	for runtime.NumGoroutine() > before {
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
}
