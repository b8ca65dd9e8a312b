package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"time"
)

// Server defaults. They bound what one client can hold: a connection that
// sends its headers or body slower than these is cut.
const (
	// DefaultAddr is where a server listens when no address is given.
	DefaultAddr = "127.0.0.1:8080"
	// DefaultReadHeaderTimeout bounds reading a request's headers.
	DefaultReadHeaderTimeout = 5 * time.Second
	// DefaultReadTimeout bounds reading a whole request, body included.
	DefaultReadTimeout = 15 * time.Second
	// DefaultWriteTimeout bounds writing an answer, from the end of the
	// request's headers.
	DefaultWriteTimeout = 30 * time.Second
	// DefaultIdleTimeout bounds an idle keep-alive connection.
	DefaultIdleTimeout = 60 * time.Second
	// DefaultMaxHeaderBytes bounds a request's headers.
	DefaultMaxHeaderBytes = 16 << 10
	// DefaultMaxConns bounds the connections served at once; more wait
	// in the kernel's accept queue.
	DefaultMaxConns = 256
	// DefaultShutdownTimeout bounds the graceful shutdown in [Serve].
	DefaultShutdownTimeout = 5 * time.Second
)

// ServerOptions configures [Listen], [NewServer] and [Serve]. Nil means all
// defaults; a zero field means its default.
type ServerOptions struct {
	// Addr is the listen address, host:port ("" means DefaultAddr). An
	// empty host means loopback, and a host that is not a loopback address
	// is refused, unless Public is set ([ResolveAddr]).
	Addr string
	// Public allows listening on a non-loopback address. Set it only with
	// TLS in front (a reverse proxy), the tokens file kept secret, and the
	// reason written down: the API then answers the network.
	Public bool

	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	MaxHeaderBytes    int
	// MaxConns is the number of connections served at once. A connection
	// beyond it is accepted only when another one closes.
	MaxConns        int
	ShutdownTimeout time.Duration
}

// withDefaults returns a copy of o with every zero field defaulted, or an
// error naming a negative one.
func (o *ServerOptions) withDefaults() (ServerOptions, error) {
	var c ServerOptions
	if o != nil {
		c = *o
	}
	def := func(name string, d *time.Duration, v time.Duration) error {
		if *d < 0 {
			return fmt.Errorf("%w: %s %v is negative", ErrConfig, name, *d)
		}
		if *d == 0 {
			*d = v
		}
		return nil
	}
	if err := errors.Join(
		def("ReadHeaderTimeout", &c.ReadHeaderTimeout, DefaultReadHeaderTimeout),
		def("ReadTimeout", &c.ReadTimeout, DefaultReadTimeout),
		def("WriteTimeout", &c.WriteTimeout, DefaultWriteTimeout),
		def("IdleTimeout", &c.IdleTimeout, DefaultIdleTimeout),
		def("ShutdownTimeout", &c.ShutdownTimeout, DefaultShutdownTimeout),
	); err != nil {
		return c, err
	}
	if c.MaxHeaderBytes < 0 || c.MaxConns < 0 {
		return c, fmt.Errorf("%w: MaxHeaderBytes and MaxConns must not be negative", ErrConfig)
	}
	if c.MaxHeaderBytes == 0 {
		c.MaxHeaderBytes = DefaultMaxHeaderBytes
	}
	if c.MaxConns == 0 {
		c.MaxConns = DefaultMaxConns
	}
	return c, nil
}

// ResolveAddr returns the address to listen on for addr: "" is
// DefaultAddr, an empty host (":8080") is 127.0.0.1 unless public, and a
// host that is not loopback ("localhost", 127.0.0.0/8, ::1) is refused with
// [ErrPublicAddress] unless public.
func ResolveAddr(addr string, public bool) (string, error) {
	if addr == "" {
		return DefaultAddr, nil
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("%w: listen address %q: %w", ErrConfig, addr, err)
	}
	if public {
		return addr, nil
	}
	if host == "" {
		return net.JoinHostPort("127.0.0.1", port), nil
	}
	if host == "localhost" {
		return addr, nil
	}
	if ip, err := netip.ParseAddr(host); err == nil && ip.IsLoopback() {
		return addr, nil
	}
	return "", fmt.Errorf("%w: %q is not a loopback address; listen on 127.0.0.1:PORT, or opt in explicitly (--public, ServerOptions.Public) with TLS in front", ErrPublicAddress, addr)
}

// Listen opens a TCP listener on o.Addr (loopback unless o.Public, see
// [ResolveAddr]) that serves at most o.MaxConns connections at once.
func Listen(o *ServerOptions) (net.Listener, error) {
	c, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	addr, err := ResolveAddr(c.Addr, c.Public)
	if err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return LimitListener(l, c.MaxConns), nil
}

// NewServer returns an http.Server for h with every timeout and the header
// limit of o set.
func NewServer(h http.Handler, o *ServerOptions) (*http.Server, error) {
	c, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: c.ReadHeaderTimeout,
		ReadTimeout:       c.ReadTimeout,
		WriteTimeout:      c.WriteTimeout,
		IdleTimeout:       c.IdleTimeout,
		MaxHeaderBytes:    c.MaxHeaderBytes,
	}, nil
}

// Serve serves srv on l until ctx ends, then shuts it down gracefully
// (waiting at most o.ShutdownTimeout for requests in flight). It returns
// when the server has stopped; the error is nil after a shutdown that ctx
// asked for.
func Serve(ctx context.Context, l net.Listener, srv *http.Server, o *ServerOptions) error {
	c, err := o.withDefaults()
	if err != nil {
		return err
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), c.ShutdownTimeout)
	defer cancel()
	err = srv.Shutdown(shut)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// LimitListener returns a listener that has at most n accepted connections
// open at once: Accept waits until one of them is closed.
func LimitListener(l net.Listener, n int) net.Listener {
	return &limitListener{Listener: l, slots: make(chan struct{}, n), done: make(chan struct{})}
}

type limitListener struct {
	net.Listener
	slots     chan struct{}
	done      chan struct{}
	closeOnce sync.Once
}

func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	case <-l.done:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitConn{Conn: c, release: func() { <-l.slots }}, nil
}

func (l *limitListener) Close() error {
	l.closeOnce.Do(func() { close(l.done) })
	return l.Listener.Close()
}

type limitConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
