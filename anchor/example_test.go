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
)

// With no chain configured, NewDev anchors on an in-process simulated chain.
func ExampleNewDev() {
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
	a, dev, err := anchor.NewDev(ctx, log, pub, anchor.Options{Entries: 1, PollInterval: 10 * time.Millisecond})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer dev.Close()

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
	on, err := anchor.VerifyCheckpoint(ctx, a.Reader(), cp.Checkpoint, 3, nil)
	fmt.Println(on.TreeSize, err)
	// Output:
	// 3 <nil> <nil>
	// 3 <nil>
}
