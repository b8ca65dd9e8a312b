package export_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/export"
	"github.com/glassbox-audit/glassbox/auditlog/export/offline"
)

// The lender exports its log up to a signed checkpoint; a regulator who
// holds only the export and the log's public key verifies it, with no
// database, and reads the leaves it now trusts.
func Example() {
	ctx := context.Background()
	tmp, err := os.MkdirTemp("", "export-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "log")
	info, err := auditlog.CreateDir(dir, "example.org/glassbox/export")
	if err != nil {
		log.Fatal(err)
	}
	lg, err := auditlog.OpenDir(dir, &auditlog.Options{CheckpointInterval: -1})
	if err != nil {
		log.Fatal(err)
	}
	defer lg.Close()
	for _, leaf := range []string{"one", "two", "three"} {
		if _, err := lg.Append(ctx, []byte(leaf)); err != nil {
			log.Fatal(err)
		}
	}
	if _, err := lg.Checkpoint(ctx); err != nil {
		log.Fatal(err)
	}

	var buf bytes.Buffer
	if err := export.Write(ctx, &buf, lg, nil); err != nil {
		log.Fatal(err)
	}

	// The regulator's side.
	e, err := offline.Verify(bytes.NewReader(buf.Bytes()), info.Verifier, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("verified %d leaves up to size %d; leaf 2 is %q\n", len(e.Leaves), e.Checkpoint.Size, e.Leaves[2])

	// One changed byte anywhere and the export is refused.
	forged := bytes.Replace(buf.Bytes(), []byte(`"dGhyZWU="`), []byte(`"dGhyZWF="`), 1)
	_, err = offline.Verify(bytes.NewReader(forged), info.Verifier, nil)
	fmt.Println("forged export verifies:", err == nil)
	// Output:
	// verified 3 leaves up to size 3; leaf 2 is "three"
	// forged export verifies: false
}
