package regulator_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/portal/regulator"
)

// TestTrailChain: entries are numbered and chained; rewriting an entry in
// the store (here its author and Prev) breaks the chain, which Entries reports
// as a *TrailError naming it.
func TestTrailChain(t *testing.T) {
	dir := t.TempDir()
	if _, err := auditlog.CreateDir(dir+"/log", "trail.example/log"); err != nil {
		t.Fatal(err)
	}
	lg, err := auditlog.OpenDir(dir+"/log", &auditlog.Options{Origin: "trail.example/log"})
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	st, err := lg.Store(regulator.DefaultTrailNamespace)
	if err != nil {
		t.Fatal(err)
	}
	tr := regulator.OpenTrail(st)
	ctx := context.Background()
	for i := range 3 {
		a, err := tr.Record(ctx, regulator.Access{Time: time.Unix(int64(i), 0).UTC(), Regulator: "R", Log: "trail.example/log", Decision: "d", What: "payload"})
		if err != nil || a.Seq != uint64(i) || (i > 0) != (a.Prev != "") {
			t.Fatalf("entry %d: %+v %v", i, a, err)
		}
	}
	n := 0
	if err := tr.Entries(func(regulator.Access) error { n++; return nil }); err != nil || n != 3 {
		t.Fatalf("%d entries, %v", n, err)
	}
	if err := st.Put([]byte("entry/00000000000000000001"), []byte(`{"seq":1,"time":"1970-01-01T00:00:01Z","regulator":"someone else","log":"trail.example/log","decision":"d","what":"payload","prev":"x"}`)); err != nil {
		t.Fatal(err)
	}
	var te *regulator.TrailError
	err = tr.Entries(func(regulator.Access) error { return nil })
	if !errors.As(err, &te) || te.Seq != 1 || !errors.Is(err, regulator.ErrTrailBroken) {
		t.Fatalf("after the edit: %v", err)
	}
}
