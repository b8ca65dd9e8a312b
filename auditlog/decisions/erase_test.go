package decisions_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2"

	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/decisions/keystoretest"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/internal/pebbletune"
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
		if errors.Is(err, fs.ErrNotExist) {
			return nil // deleted by Pebble while we walked: it holds nothing
		}
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

// TestErasedIndexKeysTieNothing: a store large enough has sstables whose
// boundary keys fall inside the erased subject's subject index, and the
// MANIFEST keeps those keys after Erase, out of the scrub's reach. Tiny
// sstables bring that about with a few hundred decisions. The index is
// keyed by a tag under the subject's own key, so what stays in the
// MANIFEST ties nothing to the subject once the key is gone: no file holds
// the SubjectID next to an erased decision's index (the layout keyed by
// SubjectID left exactly that in the MANIFEST), nor the key.
func TestErasedIndexKeysTieNothing(t *testing.T) {
	pebbletune.Tune = func(o *pebble.Options) {
		for i := range o.TargetFileSizes {
			o.TargetFileSizes[i] = 2 << 10
		}
	}
	t.Cleanup(func() { pebbletune.Tune = nil })
	ctx := context.Background()
	dir := t.TempDir()
	lg, l := openRecTestLog(t, dir, recTestOptions(t), nil)
	defer lg.Close()
	var ds []record.Decision
	for i := range 600 {
		if i%3 == 0 {
			ds = append(ds, erasedDecision(i))
		} else {
			ds = append(ds, testDecision(i, 10))
		}
	}
	res, err := l.AppendBatch(ctx, ds)
	if err != nil {
		t.Fatal(err)
	}
	st, err := lg.Store(decisions.DefaultNamespace)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Compact(ctx, nil, nil); err != nil {
		t.Fatal(err)
	}
	sid := decisions.SubjectIDOf(l, erasedSubject)
	key, err := decisions.DefaultKeyStore(l).Key(ctx, sid)
	if err != nil {
		t.Fatal(err)
	}
	tag := decisions.SubjectTagOf(key)
	needles := map[string][]byte{
		"subject string": []byte(erasedSubject),
		"subject key":    key,
		"group value":    []byte(erasedGroupValue),
	}
	erased := 0
	for i, r := range res {
		if ds[i].Subject == erasedSubject {
			needles[fmt.Sprintf("SubjectID next to index %d", r.Index)] = binary.BigEndian.AppendUint64(bytes.Clone(sid[:]), r.Index)
			erased++
		}
	}
	// The scenario is reached: the MANIFEST records keys of the subject's
	// index as sstable boundaries.
	if hits := fileHits(t, dir, map[string][]byte{"subject tag": tag[:]}); !slices.ContainsFunc(hits, func(h string) bool { return strings.HasPrefix(h, "MANIFEST") }) {
		t.Fatalf("before erasure no MANIFEST holds a subject index key of the subject (%q): the sstables are not small enough for this test", hits)
	}
	n, err := l.Erase(ctx, erasedSubject)
	if err != nil || n != erased {
		t.Fatalf("Erase = %d, %v; want %d", n, err, erased)
	}
	if hits := fileHits(t, dir, needles); len(hits) > 0 {
		t.Fatalf("after Erase returned: %q", hits)
	}
	left := fileHits(t, dir, map[string][]byte{"subject tag": tag[:]})
	t.Logf("after Erase, keyed by a tag nobody can link any more: %q", left)
	if p, err := l.BySubject(ctx, erasedSubject, decisions.PageRequest{}); err != nil || len(p.Records) != 0 {
		t.Fatalf("BySubject after Erase: %v %v", p, err)
	}
}

// TestOlderLayoutIsMigrated: a log written with the subject index keyed by
// SubjectID and one counter key per cell reads the same read-only, and a
// writable open moves it to the tag-keyed index and the counter buckets,
// leaving no key of the older families; erasure then works as on a new log.
func TestOlderLayoutIsMigrated(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	opts := recTestOptions(t)
	lg, l := openRecTestLog(t, dir, opts, nil)
	var ds []record.Decision
	for i := range 40 {
		ds = append(ds, testDecision(i, 6))
	}
	ds = append(ds, erasedDecision(0), erasedDecision(1))
	if _, err := l.AppendBatch(ctx, ds); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AppendOutcome(ctx, record.Outcome{DecisionID: "dec-0000003", Time: testT0.AddDate(0, 1, 0), Label: "repaid"}); err != nil {
		t.Fatal(err)
	}
	type answers struct {
		subject []uint64
		cells   []record.CountCell
	}
	read := func(l *decisions.Log) answers {
		t.Helper()
		var a answers
		p, err := l.BySubject(ctx, "subject-3", decisions.PageRequest{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range p.Records {
			a.subject = append(a.subject, r.Index)
		}
		cv, err := l.Counts(ctx, decisions.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		a.cells = cv.Cells
		slices.SortFunc(a.cells, func(x, y record.CountCell) int { return strings.Compare(fmt.Sprint(x), fmt.Sprint(y)) })
		return a
	}
	want := read(l)
	if len(want.subject) != 7 || len(want.cells) == 0 {
		t.Fatalf("before: %d decisions of subject-3, %d cells", len(want.subject), len(want.cells))
	}
	if err := decisions.ToOlderLayout(ctx, l); err != nil {
		t.Fatal(err)
	}
	fam, err := decisions.KeyFamilies(l)
	if err != nil || fam['s'] != len(ds) || fam['u'] != 0 || fam['n'] == 0 || fam['N'] != 0 {
		t.Fatalf("the older layout was not written: %v %v", fam, err)
	}
	lg.Close()

	ro := *opts
	ro.ReadOnly = true
	lg, l = openRecTestLog(t, dir, &ro, nil)
	if got := read(l); !reflect.DeepEqual(got, want) {
		t.Errorf("read-only, older layout:\n%v\nwant\n%v", got, want)
	}
	if fam, _ := decisions.KeyFamilies(l); fam['s'] != len(ds) || fam['n'] == 0 {
		t.Errorf("a read-only open changed the layout: %v", fam)
	}
	lg.Close()

	lg, l = openRecTestLog(t, dir, opts, nil)
	defer lg.Close()
	if got := read(l); !reflect.DeepEqual(got, want) {
		t.Errorf("migrated:\n%v\nwant\n%v", got, want)
	}
	fam, _ = decisions.KeyFamilies(l)
	if fam['s'] != 0 || fam['n'] != 0 || fam['u'] != len(ds) || fam['N'] == 0 {
		t.Errorf("after the writable open: %v, want only 'u' and 'N'", fam)
	}
	if n, err := l.Erase(ctx, erasedSubject); err != nil || n != 2 {
		t.Fatalf("Erase after migration = %d, %v", n, err)
	}
	if p, _ := l.BySubject(ctx, erasedSubject, decisions.PageRequest{}); len(p.Records) != 0 {
		t.Errorf("BySubject after Erase: %d", len(p.Records))
	}
}
