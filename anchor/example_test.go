package anchor_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/anchor"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/registry/simchain"
)

// An anchorer on the in-process development chain: the contract's admin
// registers the log with account 1 as its anchorer; the anchorer keeps its
// progress in the log's own store.
func ExampleNew() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "anchor-example-")
	defer os.RemoveAll(dir)

	skey, vkey, _ := note.GenerateKey(rand.Reader, "example.com/log")
	signer, _ := note.NewSigner(skey)
	raw, _ := base64.StdEncoding.DecodeString(strings.SplitN(vkey, "+", 3)[2])
	pub := ed25519.PublicKey(raw[1:]) // vkey = name+hash+base64(0x01 || key)

	log, err := auditlog.Open(dir, &auditlog.Options{Signer: signer})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer log.Close()

	sim, err := simchain.New(ctx, &simchain.Options{MineOnSend: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer sim.Close()
	if _, err := sim.Registry.RegisterLog(ctx, sim.TransactOpts(0), log.Origin(), pub, sim.Address(1)); err != nil {
		fmt.Println(err)
		return
	}
	state, err := log.Store(anchor.DefaultNamespace)
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := anchor.New(log, state, sim.Client, anchor.Options{
		Contract: sim.Registry.Address(), Key: sim.Keys[1],
		Entries: 1, Confirmations: 1, PollInterval: 10 * time.Millisecond,
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- a.Run(runCtx) }()

	for _, leaf := range []string{"first", "second", "third"} {
		log.Append(ctx, []byte(leaf))
	}
	anc, err := a.WaitAnchored(ctx, 3)
	stop()
	fmt.Println(anc.TreeSize, err, <-done)

	// Anyone can check the log's checkpoint against the contract.
	cp, _ := log.CheckpointAt(ctx, 3)
	on, err := anchor.VerifyCheckpoint(ctx, sim.Registry, cp.Checkpoint, 3, nil)
	fmt.Println(on.TreeSize, err)
	// Output:
	// 3 <nil> <nil>
	// 3 <nil>
}
