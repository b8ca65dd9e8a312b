// Package browsertest runs pages in a real browser for tests: Debian's
// chromium, headless, driven over the DevTools protocol with chromedp (no
// driver binary).
//
// # The browser
//
// [Start] runs one chromium for a test (--headless=new, and --no-sandbox
// when the test runs as root, as CI does) and stops it when the test ends.
// [Path] looks at $CHROMIUM, then for chromium and chromium-browser on
// $PATH; Start skips the test, saying so, when there is none (`bash
// scripts/setup` installs Debian's package). Any other failure fails the
// test.
//
// # Problems
//
// A [Page] records every console error, uncaught exception, error entry
// of the browser log (a failed load, a refused connection) and
// Content-Security-Policy violation as a [Problem], and fails its test
// when the test ends for each one it did not take with
// [Page.TakeProblems] (the browser's own request for /favicon.ico does not
// count). A page under test is expected to run cleanly, under
// its CSP, with nothing in the console.
//
// CSP violations are caught twice: from the browser log and from a
// securitypolicyviolation listener that the harness adds to every
// document before its own scripts run (the harness's script is not
// subject to the page's CSP).
package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// ErrNotInstalled is returned by Path when no chromium is found.
var ErrNotInstalled = errors.New("browsertest: chromium is not installed (run bash scripts/setup, or set $CHROMIUM)")

// Defaults for [Options].
const (
	DefaultWidth  = 1280
	DefaultHeight = 900
)

// Options configures [Start]. Nil means all defaults.
type Options struct {
	Width, Height int // window size (0: DefaultWidth, DefaultHeight)
}

// Path returns the chromium executable: $CHROMIUM if set (it must exist),
// else chromium or chromium-browser on $PATH, else ErrNotInstalled.
func Path() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("browsertest: $CHROMIUM=%s: %w", p, err)
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNotInstalled
}

// Browser is a running chromium.
type Browser struct {
	ctx context.Context // the browser's chromedp context
}

// Start runs chromium for the duration of the test. It skips the test when
// chromium is not installed.
func Start(tb testing.TB, opts *Options) *Browser {
	tb.Helper()
	bin, err := Path()
	if errors.Is(err, ErrNotInstalled) {
		tb.Skip(err.Error())
	}
	if err != nil {
		tb.Fatal(err)
	}
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Width <= 0 {
		o.Width = DefaultWidth
	}
	if o.Height <= 0 {
		o.Height = DefaultHeight
	}
	flags := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", "new"),
		chromedp.Flag("disable-gpu", true),
		chromedp.WindowSize(o.Width, o.Height),
	)
	if os.Geteuid() == 0 {
		flags = append(flags, chromedp.NoSandbox)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), flags...)
	ctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithLogf(tb.Logf))
	// Cancelling the contexts closes the browser and waits for it.
	tb.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // start it now: fail here, not in the first page
		tb.Fatalf("browsertest: starting %s: %v", bin, err)
	}
	return &Browser{ctx: ctx}
}

// Problem is something the page reported that a clean page does not.
type Problem struct {
	Kind string // "console" (console.error), "exception", "log" (browser log error) or "csp"
	Text string
	URL  string // where it came from, when known
}

func (p Problem) String() string {
	if p.URL != "" {
		return fmt.Sprintf("%s: %s (%s)", p.Kind, p.Text, p.URL)
	}
	return p.Kind + ": " + p.Text
}

// Page is a browser tab of a test.
type Page struct {
	ctx context.Context

	mu       sync.Mutex
	problems []Problem
}

// cspBinding is the function the harness's listener reports CSP
// violations through.
const cspBinding = "__browsertestCSPViolation"

const cspListener = `document.addEventListener("securitypolicyviolation", function (e) {
  ` + cspBinding + `(JSON.stringify({directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample}));
});`

// NewPage opens a tab that records problems. When the test ends, the tab
// closes and the test fails for every problem not taken.
func (b *Browser) NewPage(tb testing.TB) *Page {
	tb.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	p := &Page{ctx: ctx}
	tb.Cleanup(func() {
		cancel()
		for _, pr := range p.TakeProblems() {
			tb.Errorf("browsertest: the page reported %s", pr)
		}
	})
	if err := chromedp.Listen(ctx, p.record); err != nil {
		tb.Fatalf("browsertest: opening a tab: %v", err)
	}
	if _, err := chromedp.Call(ctx, runtime.AddBinding, runtime.AddBindingParams{Name: cspBinding}); err != nil {
		tb.Fatalf("browsertest: adding the CSP binding: %v", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspListener}); err != nil {
		tb.Fatalf("browsertest: adding the CSP listener: %v", err)
	}
	return p
}

// record runs on chromedp's event goroutine: it must not block.
func (p *Page) record(ev any) {
	var pr Problem
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError && ev.Type != runtime.ConsoleAPICalledTypeAssert {
			return
		}
		var parts []string
		for _, a := range ev.Args {
			switch {
			case len(a.Value) > 0:
				var s string
				if json.Unmarshal(a.Value, &s) == nil {
					parts = append(parts, s)
				} else {
					parts = append(parts, string(a.Value))
				}
			default:
				parts = append(parts, a.Description)
			}
		}
		pr = Problem{Kind: "console", Text: strings.Join(parts, " ")}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		pr = Problem{Kind: "exception", Text: text, URL: d.URL}
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level != log.EntryLevelError {
			return
		}
		if strings.HasSuffix(e.URL, "/favicon.ico") {
			return // the browser's own request, not the page's
		}
		pr = Problem{Kind: "log", Text: string(e.Source) + ": " + e.Text, URL: e.URL}
		if strings.Contains(e.Text, "Content Security Policy") {
			pr.Kind = "csp"
		}
	case *runtime.EventBindingCalled:
		if ev.Name != cspBinding {
			return
		}
		pr = Problem{Kind: "csp", Text: "securitypolicyviolation " + ev.Payload}
	default:
		return
	}
	p.mu.Lock()
	p.problems = append(p.problems, pr)
	p.mu.Unlock()
}

// Context is the tab's chromedp context, for chromedp.Do, Run and Call.
func (p *Page) Context() context.Context { return p.ctx }

// Navigate loads url and waits for it to load.
func (p *Page) Navigate(url string) error {
	return chromedp.Do(p.ctx, chromedp.Navigate(url))
}

// Problems returns the problems recorded so far.
func (p *Page) Problems() []Problem {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Problem(nil), p.problems...)
}

// TakeProblems returns the problems recorded so far and forgets them, for a
// test that expects some.
func (p *Page) TakeProblems() []Problem {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.problems
	p.problems = nil
	return out
}

// Screenshot writes a PNG of the whole page to path, creating its
// directory.
func (p *Page) Screenshot(path string) error {
	png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return fmt.Errorf("browsertest: screenshot: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, png, 0o644)
}
