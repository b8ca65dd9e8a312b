package browsertest_test

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/glassbox-audit/glassbox/internal/browsertest"
)

const csp = "default-src 'self'; script-src 'self'"

func server(t *testing.T) *httptest.Server {
	pages := map[string]string{
		"/clean":   `<!doctype html><title>clean</title><p>hello</p><script src="/done.js"></script>`,
		"/inline":  `<!doctype html><title>inline</title><body><script>document.title = "ran"</script><script src="/done.js"></script>`,
		"/error":   `<!doctype html><title>error</title><body><script src="/error.js"></script><script src="/done.js"></script>`,
		"/missing": `<!doctype html><title>missing</title><body><img src="/nothing.png" alt=""><script src="/done.js"></script>`,
	}
	scripts := map[string]string{
		"/done.js":  `document.body.dataset.done = "1";`,
		"/error.js": `console.error("boom", 42); throw new Error("kaboom");`,
	}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		if p, ok := pages[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(p))
			return
		}
		if s, ok := scripts[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "text/javascript")
			w.Write([]byte(s))
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// open loads a page and waits for its last script to run.
func open(t *testing.T, b *browsertest.Browser, url string) *browsertest.Page {
	t.Helper()
	p := b.NewPage(t)
	if err := p.Navigate(url); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(p.Context(), chromedp.WaitReady(chromedp.CSS("body[data-done]"))); err != nil {
		t.Fatal(err)
	}
	return p
}

// waitProblems polls until the page has recorded problems of all the
// kinds (events arrive asynchronously); the test's own timeout bounds it.
func waitProblems(t *testing.T, p *browsertest.Page, kinds ...string) []browsertest.Problem {
	t.Helper()
	for {
		got := p.Problems()
		missing := false
		for _, k := range kinds {
			found := false
			for _, pr := range got {
				found = found || pr.Kind == k
			}
			missing = missing || !found
		}
		if !missing {
			return p.TakeProblems()
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestCleanPage: a page that runs cleanly under its CSP reports nothing,
// and its screenshot is a PNG.
func TestCleanPage(t *testing.T) {
	b := browsertest.Start(t, nil)
	p := open(t, b, server(t).URL+"/clean")
	shot := filepath.Join(t.TempDir(), "shots", "clean.png")
	if err := p.Screenshot(shot); err != nil {
		t.Fatal(err)
	}
	png, err := os.ReadFile(shot)
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("screenshot: %v, %d bytes", err, len(png))
	}
	// Nothing asynchronous may be pending: a round trip through the page
	// orders after every event it emitted while loading.
	if _, err := chromedp.Run(p.Context(), chromedp.Evaluate[int]("1")); err != nil {
		t.Fatal(err)
	}
	if pr := p.Problems(); len(pr) != 0 {
		t.Errorf("a clean page reported %v", pr)
	}
}

// TestCSPViolation: an inline script under script-src 'self' is reported
// as a CSP violation, by the browser log and by the listener.
func TestCSPViolation(t *testing.T) {
	b := browsertest.Start(t, nil)
	p := open(t, b, server(t).URL+"/inline")
	var fromLog, fromListener bool
	for !fromLog || !fromListener {
		for _, pr := range waitProblems(t, p, "csp") {
			fromLog = fromLog || strings.Contains(pr.Text, "Content Security Policy")
			fromListener = fromListener || strings.Contains(pr.Text, "securitypolicyviolation")
		}
	}
	title, err := chromedp.Run(p.Context(), chromedp.Title())
	if err != nil || title == "ran" {
		t.Errorf("the inline script ran (title %q, %v)", title, err)
	}
}

// TestConsoleErrorAndException: console.error and an uncaught exception
// are both reported.
func TestConsoleErrorAndException(t *testing.T) {
	b := browsertest.Start(t, nil)
	p := open(t, b, server(t).URL+"/error")
	got := waitProblems(t, p, "console", "exception")
	var s []string
	for _, pr := range got {
		s = append(s, pr.String())
	}
	all := strings.Join(s, "\n")
	if !strings.Contains(all, "boom 42") || !strings.Contains(all, "kaboom") {
		t.Errorf("problems:\n%s", all)
	}
}

// TestFailedLoad: a resource that fails to load is reported.
func TestFailedLoad(t *testing.T) {
	b := browsertest.Start(t, nil)
	p := open(t, b, server(t).URL+"/missing")
	got := waitProblems(t, p, "log")
	if !strings.Contains(got[0].String(), "404") || !strings.Contains(got[0].URL, "nothing.png") {
		t.Errorf("problems %v", got)
	}
}

// TestPathNotInstalled: without chromium, Path says so (and Start skips).
func TestPathNotInstalled(t *testing.T) {
	t.Setenv("CHROMIUM", "")
	t.Setenv("PATH", t.TempDir())
	if _, err := browsertest.Path(); !errors.Is(err, browsertest.ErrNotInstalled) {
		t.Errorf("Path with an empty PATH: %v", err)
	}
	t.Setenv("CHROMIUM", filepath.Join(t.TempDir(), "none"))
	if _, err := browsertest.Path(); err == nil || errors.Is(err, browsertest.ErrNotInstalled) {
		t.Errorf("Path with $CHROMIUM naming nothing: %v", err)
	}
}
