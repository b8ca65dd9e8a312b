package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/explain"
	"github.com/glassbox-audit/glassbox/internal/anviltest"
	"github.com/glassbox-audit/glassbox/registry"
)

func TestApplicantChecksReceipt(t *testing.T) {
	ctx := context.Background()
	node := anviltest.Start(t, nil)
	reg, _, err := registry.Deploy(ctx, node.Client, node.TransactOpts(0), nil)
	if err != nil {
		t.Fatal(err)
	}
	const origin = "example.org/applicant-test"
	skey, vkey, _ := note.GenerateKey(rand.Reader, origin)
	signer, _ := note.NewSigner(skey)
	raw, _ := base64.StdEncoding.DecodeString(strings.SplitN(vkey, "+", 3)[2])
	if _, err := reg.RegisterLog(ctx, node.TransactOpts(0), origin, ed25519.PublicKey(raw[1:]), node.Address(1)); err != nil {
		t.Fatal(err)
	}
	l, err := auditlog.Open(t.TempDir(), &auditlog.Options{Signer: signer, CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	dl, err := decisions.Open(l, nil)
	if err != nil {
		t.Fatal(err)
	}
	attr := &explain.Attribution{Method: explain.MethodTreeSHAP, Space: explain.SpaceMargin, Base: -1, Output: 0.5,
		Contributions: []explain.Contribution{{Feature: "debt", Value: 9000, Contribution: 2}, {Feature: "income", Value: 20000, Contribution: -0.5}}}
	if _, err := dl.Append(ctx, record.Decision{
		ID: "app-1", Time: time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC), Subject: "alice",
		Model:       record.Model{Name: "credit", Version: "1", ArtifactDigest: record.Digest{7}},
		Inputs:      []record.Feature{{Name: "debt", Value: record.Number(9000)}, {Name: "income", Value: record.Number(20000)}},
		Output:      record.Output{Label: "decline", Score: 0.62},
		Explanation: attr,
	}); err != nil {
		t.Fatal(err)
	}
	state, err := l.Store(anchor.DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}
	a, err := anchor.New(l, state, node.Client, anchor.Options{Contract: reg.Address(), Key: node.Keys[1], Entries: 1, Confirmations: 1, PollInterval: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- a.Run(runCtx) }()
	_, err = a.WaitAnchored(ctx, 1)
	stop()
	if err != nil || <-done != nil {
		t.Fatal(err)
	}
	r, err := dl.Receipt(ctx, "app-1")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Attach(ctx, r); err != nil {
		t.Fatal(err)
	}
	b, _ := r.Marshal()
	dir := t.TempDir()
	good := filepath.Join(dir, "receipt.json")
	os.WriteFile(good, b, 0o644)
	bad := filepath.Join(dir, "changed.json")
	os.WriteFile(bad, bytes.Replace(b, []byte(`"alice"`), []byte(`"alica"`), 1), 0o644)

	var out bytes.Buffer
	args := []string{"--rpc", node.URL, "--contract", reg.Address().Hex(), "--receipt"}
	if code := run(ctx, append(args, good), &out, io.Discard); code != 0 {
		t.Fatalf("exit %d:\n%s", code, out.String())
	}
	for _, want := range []string{"VERIFIED: decision app-1", "decision:    decline", "debt (+2.000)", "subject"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if code := run(ctx, append(args, bad), &out, io.Discard); code != 1 || !strings.HasPrefix(out.String(), "NOT VERIFIED") {
		t.Fatalf("changed subject: exit %d, %s", code, out.String())
	}
	if code := run(ctx, []string{"--receipt", good}, io.Discard, io.Discard); code != 2 {
		t.Fatalf("missing --rpc: exit %d", code)
	}
}

// --devnet replaces the other flags, and its file must be devnet's output.
func TestDevnetFlagUsage(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"rpc":"http://127.0.0.1:1"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--devnet", bad},
		{"--devnet", filepath.Join(dir, "missing")},
		{"--devnet", bad, "--rpc", "http://127.0.0.1:1"},
	} {
		var errb bytes.Buffer
		if code := run(context.Background(), args, io.Discard, &errb); code != 2 || !strings.Contains(errb.String(), "--devnet") {
			t.Errorf("%q: exit %d, stderr %q; want 2 naming --devnet", args, code, errb.String())
		}
	}
}
