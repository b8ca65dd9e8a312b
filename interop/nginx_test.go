package interop

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// nginx is Debian's nginx, started by the test with its own configuration
// on a free loopback port, serving root as a static web server would serve
// a tiles export: no Glassbox code on the serving side.
type nginx struct {
	root string // the directory served
	base string // http://127.0.0.1:PORT/
	cmd  *exec.Cmd
}

// nginxConf serves exports with the cache policy docs/tiles.md gives.
const nginxConf = `daemon off;
master_process off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 256; }
http {
	access_log off;
	client_body_temp_path %[1]s/tmp-body;
	proxy_temp_path %[1]s/tmp-proxy;
	fastcgi_temp_path %[1]s/tmp-fastcgi;
	uwsgi_temp_path %[1]s/tmp-uwsgi;
	scgi_temp_path %[1]s/tmp-scgi;
	default_type application/octet-stream;
	server {
		listen 127.0.0.1:%[2]d;
		root %[3]s;
		location ~ /checkpoint$ {
			default_type "text/plain; charset=utf-8";
			add_header Cache-Control "public, max-age=10" always;
		}
		location ~ \.p/ {
			add_header Cache-Control "public, max-age=10" always;
		}
		location / {
			add_header Cache-Control "public, max-age=31536000, immutable" always;
		}
	}
}
`

func findNginx() string {
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	for _, p := range []string{"/usr/sbin/nginx", "/usr/local/sbin/nginx"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// startNginx starts nginx serving a fresh directory; it is stopped when
// the test ends. The test is skipped, saying why, when nginx is not
// installed (scripts/setup installs it).
func startNginx(t *testing.T) *nginx {
	t.Helper()
	bin := findNginx()
	if bin == "" {
		t.Skip("nginx is not installed (apt-get install nginx; scripts/setup does it as root): the static-export interop tests need a real web server")
	}
	work := t.TempDir()
	root := filepath.Join(work, "www")
	if err := os.Mkdir(root, 0o755); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	conf := filepath.Join(work, "nginx.conf")
	if err := os.WriteFile(conf, fmt.Appendf(nil, nginxConf, work, port, root), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", work, "-e", filepath.Join(work, "error.log"), "-c", conf)
	out := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting nginx: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
	})
	n := &nginx{root: root, base: fmt.Sprintf("http://127.0.0.1:%d/", port), cmd: cmd}
	// Wait until it answers (or exits): a readiness probe, not a time limit.
	if err := os.WriteFile(filepath.Join(root, "ready"), []byte("ok"), 0o644); err != nil {
		t.Fatal(err)
	}
	for {
		select {
		case err := <-done:
			done <- err
			log, _ := os.ReadFile(filepath.Join(work, "error.log"))
			t.Fatalf("nginx exited: %v\n%s%s", err, out, log)
		default:
		}
		if resp, err := http.Get(n.base + "ready"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return n
			}
		}
		time.Sleep(20 * time.Millisecond) // a poll interval, not a limit
	}
}
