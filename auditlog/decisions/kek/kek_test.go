package kek_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/decisions/kek"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// TestKMSWrapUnwrap: the envelope over a fake KMS served on loopback HTTP
// unwraps what it wrapped, refuses another key id and a tampered blob, and
// keeps a decisions log that opens only under its own KMS key.
func TestKMSWrapUnwrap(t *testing.T) {
	ctx := context.Background()
	srv := httptest.NewServer(kek.Handler(&kek.MemoryKMS{}))
	defer srv.Close()
	client := &kek.Client{BaseURL: srv.URL, HTTP: srv.Client()}
	env := kek.Envelope{KMS: client, KeyID: "projects/demo/keys/log-a"}

	key := bytes.Repeat([]byte{7}, 32)
	w, err := env.Wrap(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(w, key) {
		t.Fatal("the wrapped blob holds the key")
	}
	if got, err := env.Unwrap(ctx, w); err != nil || !bytes.Equal(got, key) {
		t.Fatalf("Unwrap = %x, %v", got, err)
	}
	other := kek.Envelope{KMS: client, KeyID: "projects/demo/keys/log-b"}
	if _, err := other.Unwrap(ctx, w); !errors.Is(err, decisions.ErrWrongKEK) {
		t.Fatalf("another key id: %v", err)
	}
	bad := bytes.Clone(w)
	bad[len(bad)-1] ^= 1
	if _, err := env.Unwrap(ctx, bad); !errors.Is(err, decisions.ErrWrongKEK) {
		t.Fatalf("tampered blob: %v", err)
	}
	if _, err := env.Unwrap(ctx, []byte("junk")); !errors.Is(err, decisions.ErrWrongKEK) {
		t.Fatalf("junk: %v", err)
	}

	// A decisions log under the envelope.
	skey, vkey, err := note.GenerateKey(rand.Reader, "example.org/kek-test")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := note.NewSigner(skey)
	v, _ := note.NewVerifier(vkey)
	opts := &auditlog.Options{Origin: "example.org/kek-test", Signer: s, Verifier: v}
	dir := t.TempDir()
	open := func(k decisions.KEK) (*auditlog.Log, *decisions.Log, error) {
		lg, err := auditlog.Open(dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		d, err := decisions.Open(lg, &decisions.Options{KEK: k})
		if err != nil {
			lg.Close()
		}
		return lg, d, err
	}
	lg, d, err := open(env)
	if err != nil {
		t.Fatal(err)
	}
	dec := record.Decision{ID: "d1", Time: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Subject: "s1",
		Model:  record.Model{Name: "m", Version: "1", ArtifactDigest: record.Digest{1}},
		Output: record.Output{Label: "approve"}}
	if _, err := d.Append(ctx, dec); err != nil {
		t.Fatal(err)
	}
	lg.Close()
	if _, _, err := open(other); !errors.Is(err, decisions.ErrWrongKEK) {
		t.Fatalf("log opened under another KMS key: %v", err)
	}
	lg, d, err = open(env)
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	if got, err := d.Get(ctx, "d1"); err != nil || got.Status != decisions.StatusSealed || got.Payload.Subject != "s1" {
		t.Fatalf("reopened under the envelope: %v %v", got.Status, err)
	}
}

// FuzzEnvelopeUnwrap: any blob is refused with ErrWrongKEK or opens to what
// was wrapped; never a panic.
func FuzzEnvelopeUnwrap(f *testing.F) {
	env := kek.Envelope{KMS: &kek.MemoryKMS{}, KeyID: "k1"}
	w, err := env.Wrap(context.Background(), bytes.Repeat([]byte{1}, 32))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(w)
	f.Add([]byte("gbkek1\x00\x02k1"))
	f.Add([]byte("gbkek1\xff\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := env.Unwrap(context.Background(), b)
		if err != nil && !errors.Is(err, decisions.ErrWrongKEK) {
			t.Fatalf("error outside ErrWrongKEK: %v", err)
		}
		if err == nil && !bytes.Equal(p, bytes.Repeat([]byte{1}, 32)) {
			t.Fatalf("opened a blob to %x", p)
		}
	})
}
