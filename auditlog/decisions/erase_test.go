package decisions_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/decisions/keystoretest"
	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// erasedSubject is the subject TestEraseLeavesNoBytesInAnyFile erases; its
// decisions carry a group value no other subject has, on a day of their own.
const (
	erasedSubject    = "subject-to-erase-7f3a"
	erasedGroupValue = "erased-group-value-91c2"
)

func erasedDecision(i int) record.Decision {
	d := testDecision(1000+i, 1)
	d.ID = fmt.Sprintf("erased-%d", i)
	d.Subject = erasedSubject
	d.Time = testT0.AddDate(0, 0, 20).Add(time.Duration(i) * time.Minute)
	d.Groups = []record.Attr{{Name: "sex", Value: erasedGroupValue}}
	return d
}

// fileHits lists the files under dir that hold any of the needles.
func fileHits(t *testing.T, dir string, needles map[string][]byte) []string {
	t.Helper()
	var hits []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for name, n := range needles {
			if bytes.Contains(b, n) {
				hits = append(hits, fmt.Sprintf("%s holds the %s", filepath.Base(p), name))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hits
}

// TestEraseLeavesNoBytesInAnyFile erases one subject among many and then
// reads every file of the database (write-ahead logs, sstables, MANIFEST,
// OPTIONS, ...) for the subject string, its SubjectID, its key and its group
// value (which the counter cells hold next to the decision's day). Before
// Erase scrubbed, the WAL and MANIFEST kept the SubjectID and recycled WAL
// files kept the key.
func TestEraseLeavesNoBytesInAnyFile(t *testing.T) {
	runs := 100
	if testing.Short() {
		runs = 10
	}
	ctx := context.Background()
	opts := recTestOptions(t)
	for run := range runs {
		dir := t.TempDir()
		lg, l := openRecTestLog(t, dir, opts, nil)
		var ds []record.Decision
		for i := range 30 {
			ds = append(ds, testDecision(i, 10))
		}
		ds = append(ds, erasedDecision(0), erasedDecision(1))
		if _, err := l.AppendBatch(ctx, ds); err != nil {
			t.Fatal(err)
		}
		// Reopen: Pebble replays the write-ahead log into an sstable and
		// retires the old log file.
		if err := lg.Close(); err != nil {
			t.Fatal(err)
		}
		lg, l = openRecTestLog(t, dir, opts, nil)
		ds = ds[:0]
		for i := 30; i < 30+run%7; i++ {
			ds = append(ds, testDecision(i, 10))
		}
		ds = append(ds, erasedDecision(2))
		if _, err := l.AppendBatch(ctx, ds); err != nil {
			t.Fatal(err)
		}
		if _, err := l.AppendOutcome(ctx, record.Outcome{DecisionID: "erased-0", Time: testT0.AddDate(0, 2, 0), Label: "repaid"}); err != nil {
			t.Fatal(err)
		}
		sid := decisions.SubjectIDOf(l, erasedSubject)
		key, err := decisions.DefaultKeyStore(l).Key(ctx, sid)
		if err != nil {
			t.Fatal(err)
		}
		needles := map[string][]byte{
			"subject string": []byte(erasedSubject),
			"SubjectID":      sid[:],
			"subject key":    key,
			"group value":    []byte(erasedGroupValue),
		}
		if run == 0 {
			// The needles are there before erasure: the search can fail.
			if hits := fileHits(t, dir, needles); len(hits) == 0 {
				t.Fatal("before erasure no file holds the SubjectID, key or group value: the search finds nothing")
			}
		}
		n, err := l.Erase(ctx, erasedSubject)
		if err != nil || n != 3 {
			t.Fatalf("run %d: Erase = %d, %v; want 3", run, n, err)
		}
		if hits := fileHits(t, dir, needles); len(hits) > 0 {
			t.Fatalf("run %d: after Erase returned: %q", run, hits)
		}
		// The other subjects are still readable.
		if s, err := l.Get(ctx, "dec-0000001"); err != nil || s.Status != decisions.StatusSealed {
			t.Fatalf("run %d: another subject's decision: %+v %v", run, s.Status, err)
		}
		if err := lg.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReadOnlyRefusesErase: a log opened read-only erases nothing and says
// why.
func TestReadOnlyRefusesErase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	opts := recTestOptions(t)
	lg, l := openRecTestLog(t, dir, opts, nil)
	if _, err := l.Append(ctx, erasedDecision(0)); err != nil {
		t.Fatal(err)
	}
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}
	ro := *opts
	ro.ReadOnly = true
	lg, l = openRecTestLog(t, dir, &ro, nil)
	defer lg.Close()
	if n, err := l.Erase(ctx, erasedSubject); !errors.Is(err, auditlog.ErrReadOnly) || n != 0 {
		t.Fatalf("read-only Erase = %d, %v; want ErrReadOnly", n, err)
	}
	if s, err := l.Get(ctx, "erased-0"); err != nil || s.Status != decisions.StatusSealed {
		t.Fatalf("after a refused erase: %v %v", s.Status, err)
	}
}

// A read-only log refuses appends before an outside key store creates
// anything: a refused append must leave no key behind for a subject the
// log never recorded.
func TestReadOnlyAppendCreatesNoKey(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	opts := recTestOptions(t)
	keys := &keystoretest.Memory{}
	lg, l := openRecTestLog(t, dir, opts, &decisions.Options{KeyStore: keys})
	if _, err := l.Append(ctx, erasedDecision(0)); err != nil {
		t.Fatal(err)
	}
	if err := lg.Close(); err != nil {
		t.Fatal(err)
	}
	before := keys.Len()
	ro := *opts
	ro.ReadOnly = true
	lg, l = openRecTestLog(t, dir, &ro, &decisions.Options{KeyStore: keys})
	defer lg.Close()
	d := erasedDecision(1)
	d.Subject = "never-recorded"
	if _, err := l.Append(ctx, d); !errors.Is(err, auditlog.ErrReadOnly) {
		t.Fatalf("read-only Append: %v; want ErrReadOnly", err)
	}
	if _, err := l.AppendOutcome(ctx, record.Outcome{DecisionID: "erased-0", Time: testT0.Add(time.Hour), Label: "repaid"}); !errors.Is(err, auditlog.ErrReadOnly) {
		t.Fatalf("read-only AppendOutcome: %v; want ErrReadOnly", err)
	}
	if n := keys.Len(); n != before {
		t.Fatalf("the key store holds %d keys after a refused append, %d before", n, before)
	}
}
