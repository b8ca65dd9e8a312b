package receipt

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/explain"
)

// The test log is built with golang.org/x/mod/sumdb/tlog, an RFC 6962
// implementation we did not write, so the proofs in these receipts do not
// come from the code under test.

const testOrigin = "example.org/glassbox/test-log"

type testLog struct {
	signer   note.Signer
	verifier note.Verifier
	leaves   [][]byte
	records  []*record.Record
	hashes   []tlog.Hash // stored hashes, tlog layout
}

func (l *testLog) ReadHashes(idx []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(idx))
	for i, x := range idx {
		out[i] = l.hashes[x]
	}
	return out, nil
}

func (l *testLog) add(t testing.TB, leaf []byte) {
	hs, err := tlog.StoredHashes(int64(len(l.leaves)), leaf, l)
	if err != nil {
		t.Fatal(err)
	}
	l.hashes = append(l.hashes, hs...)
	l.leaves = append(l.leaves, leaf)
}

func decision(i int) *record.Decision {
	return &record.Decision{
		ID:      fmt.Sprintf("dec-%04d", i),
		Time:    time.Date(2026, 11, 23, 1, 0, i, 0, time.UTC),
		Subject: fmt.Sprintf("applicant-%d", i),
		Model:   record.Model{Name: "credit", Version: "1.0.0", ArtifactDigest: record.Digest{9, 9, 9}},
		Inputs: []record.Feature{
			{Name: "income", Value: record.Number(40000 + float64(i))},
			{Name: "age", Value: record.Integer(30)},
			{Name: "region", Value: record.String("north")},
			{Name: "homeowner", Value: record.Bool(i%2 == 0)},
		},
		Output: record.Output{Label: "approve", Score: 0.75},
		Explanation: &explain.Attribution{
			Method: explain.MethodTreeSHAP, Space: explain.SpaceMargin, Base: -1, Output: 0.5,
			Contributions: []explain.Contribution{
				{Feature: "income", Value: 40000 + float64(i), Contribution: 1.25},
				{Feature: "age", Value: math.NaN(), Missing: true, Contribution: 0.25},
			},
		},
		Groups:        []record.Attr{{Name: "sex", Value: "female"}},
		PolicyVersion: "p1",
		Metadata:      map[string]string{"channel": "web"},
	}
}

func newTestLog(t testing.TB, n int) *testLog {
	ds := make([]*record.Decision, n)
	for i := range ds {
		ds[i] = decision(i)
	}
	return newTestLogOf(t, ds...)
}

// newTestLogOf returns a test log of the given decisions, under a fresh key.
func newTestLogOf(t testing.TB, ds ...*record.Decision) *testLog {
	skey, vkey, err := note.GenerateKey(rand.Reader, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	l := &testLog{}
	if l.signer, err = note.NewSigner(skey); err != nil {
		t.Fatal(err)
	}
	if l.verifier, err = note.NewVerifier(vkey); err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		r, err := record.Build(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		l.records = append(l.records, r)
		l.add(t, r.LeafBytes)
	}
	return l
}

func (l *testLog) root(t testing.TB, size int) verify.Hash {
	h, err := tlog.TreeHash(int64(size), l)
	if err != nil {
		t.Fatal(err)
	}
	return verify.Hash(h)
}

func (l *testLog) checkpoint(t testing.TB, size int) []byte {
	root := l.root(t, size)
	body := fmt.Sprintf("%s\n%d\n%s\n", testOrigin, size, base64.StdEncoding.EncodeToString(root[:]))
	msg, err := note.Sign(&note.Note{Text: body}, l.signer)
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

func (l *testLog) receipt(t testing.TB, index, size int) *Receipt {
	proof, err := tlog.ProveRecord(int64(size), int64(index), l)
	if err != nil {
		t.Fatal(err)
	}
	r := &Receipt{
		Origin:     testOrigin,
		Index:      uint64(index),
		Leaf:       l.leaves[index],
		Checkpoint: l.checkpoint(t, size),
	}
	for _, h := range proof {
		r.InclusionProof = append(r.InclusionProof, verify.Hash(h))
	}
	rec := l.records[index]
	r.Disclosures = Disclose(rec.Leaf, rec.Payload)
	return r
}

func (l *testLog) anchor(t testing.TB, size, anchored int) *Anchor {
	a := &Anchor{ChainID: 31337, Contract: [20]byte{0xab}, LogID: [32]byte{1}, TreeSize: uint64(anchored),
		Root: l.root(t, anchored), BlockNumber: 12, BlockHash: [32]byte{2}, TxHash: [32]byte{3}, ConsistencyProof: []verify.Hash{}}
	if anchored > size {
		p, err := tlog.ProveTree(int64(anchored), int64(size), l)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range p {
			a.ConsistencyProof = append(a.ConsistencyProof, verify.Hash(h))
		}
	}
	return a
}

func roundTrip(t testing.TB, r *Receipt) *Receipt {
	b, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse(b)
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	return back
}

func wantCheck(t *testing.T, err error, c Check) {
	t.Helper()
	var ve *VerifyError
	if !errors.As(err, &ve) || ve.Check != c || !errors.Is(err, ErrVerify) {
		t.Fatalf("got %v, want a failed %s check", err, c)
	}
}

func TestVerify(t *testing.T) {
	l := newTestLog(t, 7)
	for size := 1; size <= 7; size++ {
		for i := range size {
			r := roundTrip(t, l.receipt(t, i, size))
			res, err := VerifyDecision(r, l.verifier, fmt.Sprintf("dec-%04d", i))
			if err != nil {
				t.Fatalf("index %d size %d: %v", i, size, err)
			}
			if res.Checkpoint.Size != uint64(size) || len(res.Disclosed) != 5 || res.Leaf.DecisionID != fmt.Sprintf("dec-%04d", i) {
				t.Fatalf("unexpected result %+v", res)
			}
		}
	}
}

func TestVerifyFailures(t *testing.T) {
	l := newTestLog(t, 5)
	other := newTestLog(t, 1)
	fresh := func() *Receipt { return roundTrip(t, l.receipt(t, 2, 5)) }

	r := fresh()
	_, err := Verify(r, other.verifier)
	wantCheck(t, err, CheckSignature)

	r = fresh()
	r.Origin = "example.org/other"
	_, err = Verify(r, l.verifier)
	wantCheck(t, err, CheckSignature)

	r = fresh()
	r.Leaf = l.leaves[3] // another decision's leaf
	_, err = Verify(r, l.verifier)
	wantCheck(t, err, CheckInclusion)

	r = fresh()
	r.Index = 3
	_, err = Verify(r, l.verifier)
	wantCheck(t, err, CheckInclusion)

	r = fresh()
	r.Leaf = append(bytes.Clone(r.Leaf), 0)
	_, err = Verify(r, l.verifier)
	wantCheck(t, err, CheckLeaf)

	// Another decision's disclosures do not match this leaf.
	r = fresh()
	r.Disclosures = l.receipt(t, 3, 5).Disclosures
	_, err = Verify(r, l.verifier)
	wantCheck(t, err, CheckCommitment)
	var ve *VerifyError
	if errors.As(err, &ve); ve.Field != record.FieldSubject {
		t.Fatalf("field %v", ve.Field)
	}
	var ce *record.CommitmentError
	if !errors.As(err, &ce) {
		t.Fatal("no commitment evidence")
	}

	r = fresh()
	r.Disclosures.Groups.Weight = 2
	_, err = Verify(r, l.verifier)
	wantCheck(t, err, CheckCommitment)

	// A receipt for one decision never verifies as another's.
	for i := range 5 {
		for j := range 5 {
			_, err := VerifyDecision(roundTrip(t, l.receipt(t, i, 5)), l.verifier, fmt.Sprintf("dec-%04d", j))
			if (err == nil) != (i == j) {
				t.Fatalf("receipt %d as decision %d: %v", i, j, err)
			}
			if i != j {
				wantCheck(t, err, CheckDecision)
			}
		}
	}

	// An outcome leaf has nothing to disclose.
	_, ob, _ := record.BuildOutcome(&record.Outcome{DecisionID: "dec-0000", Time: time.Unix(9, 0), Label: "repaid"})
	ol := newTestLog(t, 0)
	ol.signer, ol.verifier = l.signer, l.verifier
	ol.add(t, ob)
	r = &Receipt{Origin: testOrigin, Index: 0, Leaf: ob, InclusionProof: []verify.Hash{}, Checkpoint: ol.checkpoint(t, 1)}
	if _, err := Verify(roundTrip(t, r), l.verifier); err != nil {
		t.Fatal(err)
	}
	if _, err := VerifyDecision(r, l.verifier, "dec-0000"); err == nil {
		t.Fatal("an outcome receipt verified as the decision's")
	}
	r.Disclosures = l.receipt(t, 0, 5).Disclosures
	_, err = Verify(r, l.verifier)
	wantCheck(t, err, CheckCommitment)
}

func TestAnchor(t *testing.T) {
	l := newTestLog(t, 9)
	for _, c := range []struct{ size, anchored int }{{3, 3}, {3, 4}, {3, 9}, {8, 9}, {1, 9}} {
		r := l.receipt(t, 0, c.size)
		r.Anchor = l.anchor(t, c.size, c.anchored)
		res, err := Verify(roundTrip(t, r), l.verifier)
		if err != nil || res.Anchor == nil {
			t.Fatalf("%+v: %v", c, err)
		}
		if c.anchored > c.size {
			r.Anchor.Root[0] ^= 1
			_, err := Verify(r, l.verifier)
			wantCheck(t, err, CheckAnchor)
			r.Anchor = l.anchor(t, c.size, c.anchored)
			r.Anchor.TreeSize--
			_, err = Verify(r, l.verifier)
			wantCheck(t, err, CheckAnchor)
		}
	}
	r := l.receipt(t, 0, 5)
	r.Anchor = l.anchor(t, 4, 4)
	_, err := Verify(r, l.verifier)
	wantCheck(t, err, CheckAnchor) // an anchor older than the checkpoint
	r.Anchor = l.anchor(t, 5, 5)
	r.Anchor.Root[3] ^= 1
	_, err = Verify(r, l.verifier)
	wantCheck(t, err, CheckAnchor)
}

// TestTamperEveryByte changes every byte of a sample receipt to other values:
// each change must make parsing or verification fail.
func TestTamperEveryByte(t *testing.T) {
	l := newTestLog(t, 6)
	r := l.receipt(t, 4, 6)
	b, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(roundTrip(t, r), l.verifier); err != nil {
		t.Fatal(err)
	}
	deltas := []byte{0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xff}
	if testing.Short() {
		deltas = []byte{0x01, 0x20, 0x80}
	}
	tampered := bytes.Clone(b)
	for i := range b {
		for _, d := range deltas {
			tampered[i] = b[i] ^ d
			r, err := Parse(tampered)
			if err == nil {
				_, err = Verify(r, l.verifier)
			}
			if err == nil {
				t.Fatalf("byte %d changed from %q to %q: still verifies", i, b[i], tampered[i])
			}
		}
		tampered[i] = b[i]
	}
	// Appending anything but one newline fails too.
	for _, tail := range []string{" ", "\n\n", "{}", "\t"} {
		if _, err := Parse(append(bytes.Clone(b), tail...)); !errors.Is(err, ErrFormat) {
			t.Fatalf("tail %q accepted: %v", tail, err)
		}
	}
	if _, err := Parse(append(bytes.Clone(b), '\n')); err != nil {
		t.Fatal(err)
	}
}

func TestParseRejects(t *testing.T) {
	l := newTestLog(t, 2)
	b, _ := l.receipt(t, 1, 2).Marshal()
	s := string(b)
	for name, in := range map[string]string{
		"unknown field":  strings.Replace(s, `{"format"`, `{"x":1,"format"`, 1),
		"other version":  strings.Replace(s, FormatV1, "glassbox-receipt/v2", 1),
		"spaces":         strings.Replace(s, `,"index"`, `, "index"`, 1),
		"key case":       strings.Replace(s, `"index"`, `"Index"`, 1),
		"duplicate key":  strings.Replace(s, `"index":1`, `"index":1,"index":1`, 1),
		"pretty printed": strings.ReplaceAll(s, `,"`, ",\n\""),
		"not json":       "receipt",
		"empty":          "",
	} {
		if _, err := Parse([]byte(in)); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: got %v", name, err)
		}
	}
}

// TestImports keeps the verifier free of storage and chain dependencies.
func TestImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Skipf("go list unavailable: %v\n%s", err, out)
	}
	allowed := []string{
		"github.com/glassbox-audit/glassbox/auditlog/receipt",
		"github.com/glassbox-audit/glassbox/auditlog/record",
		"github.com/glassbox-audit/glassbox/auditlog/verify",
		"github.com/glassbox-audit/glassbox/explain",
		"golang.org/x/mod/sumdb/note",
		"github.com/transparency-dev/merkle",
		"golang.org/x/crypto/ed25519", // not expected; listed only if note pulls it in on old toolchains
	}
	for _, p := range strings.Fields(string(out)) {
		ok := false
		for _, a := range allowed {
			if p == a || strings.HasPrefix(p, a+"/") {
				ok = true
			}
		}
		if !ok {
			t.Errorf("package receipt depends on %s", p)
		}
	}
}

// FuzzParse feeds the parser and the verifier with mutations of honest
// receipts whose every recorded value is known (the vectors and the issued
// fixture, under fixed keys). An accepted receipt must be in canonical form;
// a verified one must be for a leaf the log holds and may disclose only the
// values recorded for it: any other disclosure that verifies is a forgery.
func FuzzParse(f *testing.F) {
	vf := readVectors(f)
	vv, err := note.NewVerifier(vf.LogKey)
	if err != nil {
		f.Fatal(err)
	}
	verifiers := map[string]note.Verifier{vv.Name(): vv}
	honest := map[string]Disclosures{} // by leaf bytes
	for _, lv := range vf.Leaves {
		var leaf, pb []byte
		fmt.Sscanf(lv.Leaf, "%x", &leaf)
		fmt.Sscanf(lv.Payload, "%x", &pb)
		l, err := record.DecodeLeaf(leaf)
		if err != nil {
			f.Fatal(err)
		}
		p, err := record.DecodePayload(pb)
		if err != nil {
			f.Fatal(err)
		}
		honest[string(leaf)] = Disclose(l, p)
	}
	for _, c := range vf.Cases {
		f.Add([]byte(c.Receipt))
	}
	dir := filepath.Join("testdata", "issued")
	key, err := os.ReadFile(filepath.Join(dir, "log.pub"))
	if err != nil {
		f.Fatal(err)
	}
	iv, err := note.NewVerifier(strings.TrimSpace(string(key)))
	if err != nil {
		f.Fatal(err)
	}
	verifiers[iv.Name()] = iv
	for _, name := range []string{"full.json", "minimal.json", "erased.json"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		r, err := Parse(b)
		if err != nil {
			f.Fatal(err)
		}
		if name != "erased.json" {
			honest[string(r.Leaf)] = r.Disclosures
		}
		if name == "full.json" { // a repeated signature line, reversed inputs
			f.Add(bytes.Replace(b, []byte(`\n\n`), []byte(`\n\n`+strings.SplitN(string(r.Checkpoint), "\n\n", 2)[1]), 1))
			in, _ := json.Marshal(r.Disclosures.Inputs.Value)
			reversed := slices.Clone(r.Disclosures.Inputs.Value)
			slices.Reverse(reversed)
			rev, _ := json.Marshal(reversed)
			if bytes.Count(b, in) != 1 {
				f.Fatal("inputs not found in full.json")
			}
			f.Add(bytes.Replace(b, in, rev, 1))
		}
	}
	same := func(a, b any) bool {
		ja, err1 := json.Marshal(a)
		jb, err2 := json.Marshal(b)
		return err1 == nil && err2 == nil && bytes.Equal(ja, jb)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := Parse(b)
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("Parse failed without ErrFormat: %v", err)
			}
			return
		}
		again, err := r.Marshal()
		if err != nil || !bytes.Equal(again, bytes.TrimSuffix(b, []byte("\n"))) {
			t.Fatalf("accepted a non-canonical receipt (%v)", err)
		}
		v, ok := verifiers[r.Origin]
		if !ok {
			v = vv
		}
		if _, err := Verify(r, v); err != nil {
			if !errors.Is(err, ErrVerify) {
				t.Fatalf("Verify failed without ErrVerify: %v", err)
			}
			return
		}
		h, ok := honest[string(r.Leaf)]
		if !ok {
			if len(r.Leaf) > 0 && r.Disclosures != (Disclosures{}) {
				t.Fatalf("verified disclosures for a leaf whose values are unknown")
			}
			return // an outcome leaf or an erased decision
		}
		d := r.Disclosures
		for _, c := range []struct {
			f         record.Field
			got, want any
			disclosed bool
		}{
			{record.FieldSubject, d.Subject, h.Subject, d.Subject != nil},
			{record.FieldInputs, d.Inputs, h.Inputs, d.Inputs != nil},
			{record.FieldGroups, d.Groups, h.Groups, d.Groups != nil},
			{record.FieldMetadata, d.Metadata, h.Metadata, d.Metadata != nil},
			{record.FieldExplanation, d.Explanation, h.Explanation, d.Explanation != nil},
		} {
			if c.disclosed && !same(c.got, c.want) {
				t.Fatalf("forged %s disclosure verifies", c.f)
			}
		}
	})
}
