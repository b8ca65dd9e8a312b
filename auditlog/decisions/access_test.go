package decisions_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// TestRecordAccess: an access is a leaf of the Merkle log, listed by
// Accesses with an inclusion proof that verifies against the returned
// checkpoint; it changes no decision, query or fairness counter; an access
// naming a wrong leaf index or an unknown decision writes nothing.
func TestRecordAccess(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	opts := recTestOptions(t)
	lg, l := openRecTestLog(t, dir, opts, nil)
	for i := range 3 {
		if _, err := l.Append(ctx, testDecision(i, 2)); err != nil {
			t.Fatal(err)
		}
	}
	before, err := l.Counts(ctx, decisions.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.Get(ctx, "dec-0000001")
	if err != nil {
		t.Fatal(err)
	}
	a := record.Access{DecisionID: "dec-0000001", Index: got.Index, Reader: "examiner", What: "payload", Time: testT0}
	res, err := l.RecordAccess(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if res.Index != 3 || lg.Size() != 4 {
		t.Fatalf("access at leaf %d, size %d; want 3, 4", res.Index, lg.Size())
	}
	for name, bad := range map[string]record.Access{
		"wrong index":      {DecisionID: "dec-0000001", Index: 0, Reader: "examiner", What: "payload", Time: testT0},
		"unknown decision": {DecisionID: "nope", Index: 1, Reader: "examiner", What: "payload", Time: testT0},
	} {
		if _, err := l.RecordAccess(ctx, bad); !errors.Is(err, decisions.ErrNotFound) {
			t.Errorf("%s: %v, want ErrNotFound", name, err)
		}
	}
	var ve *record.ValidationError
	if _, err := l.RecordAccess(ctx, record.Access{DecisionID: "dec-0000001", Index: 1, What: "payload", Time: testT0}); !errors.As(err, &ve) || ve.Field != "access.reader" {
		t.Errorf("no reader: %v", err)
	}
	if lg.Size() != 4 {
		t.Fatalf("refused accesses wrote leaves: size %d", lg.Size())
	}
	var es []decisions.AccessEntry
	cp, next, err := l.Accesses(ctx, 0, 0, func(e decisions.AccessEntry) error { es = append(es, e); return nil })
	if err != nil || next != 0 || len(es) != 1 {
		t.Fatalf("Accesses: %d entries, next %d, %v", len(es), next, err)
	}
	e := es[0]
	if e.Index != 3 || !reflect.DeepEqual(e.Access, a) {
		t.Errorf("entry %+v, want %+v at 3", e.Access, a)
	}
	if err := verify.VerifyInclusion(e.Index, cp.Size, verify.LeafHash(e.LeafBytes), e.Proof, cp.Root); err != nil || cp.Size != 4 {
		t.Errorf("inclusion in %d: %v", cp.Size, err)
	}
	after, err := l.Counts(ctx, decisions.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before.Cells, after.Cells) {
		t.Error("an access moved the fairness counters")
	}
	n := 0
	if _, err := l.Scan(ctx, decisions.Filter{}, func(decisions.Stored) error { n++; return nil }); err != nil || n != 3 {
		t.Errorf("Scan after an access: %d decisions, %v", n, err)
	}
	// Paging: a second access, then pages of one.
	if _, err := l.RecordAccess(ctx, a); err != nil {
		t.Fatal(err)
	}
	var idx []uint64
	_, next, err = l.Accesses(ctx, 0, 1, func(e decisions.AccessEntry) error { idx = append(idx, e.Index); return nil })
	if err != nil || next != 4 || len(idx) != 1 || idx[0] != 3 {
		t.Fatalf("page 1: %v next %d %v", idx, next, err)
	}
	_, next, err = l.Accesses(ctx, next, 1, func(e decisions.AccessEntry) error { idx = append(idx, e.Index); return nil })
	if err != nil || next != 0 || len(idx) != 2 || idx[1] != 4 {
		t.Fatalf("page 2: %v next %d %v", idx, next, err)
	}
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}

	// Read-only: refused, nothing written.
	ro := *opts
	ro.ReadOnly = true
	lg, l = openRecTestLog(t, dir, &ro, nil)
	defer lg.Close()
	if _, err := l.RecordAccess(ctx, a); !errors.Is(err, auditlog.ErrReadOnly) {
		t.Fatalf("read-only RecordAccess: %v, want ErrReadOnly", err)
	}
	if lg.Size() != 5 {
		t.Fatalf("read-only size %d", lg.Size())
	}
}
