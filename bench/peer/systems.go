package peer

import (
	"context"
	crand "crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/glassbox-audit/glassbox/auditlog"
	"github.com/glassbox-audit/glassbox/auditlog/decisions"
	"github.com/glassbox-audit/glassbox/auditlog/record"
	"github.com/glassbox-audit/glassbox/auditlog/verify"
	"github.com/glassbox-audit/glassbox/explain"
	"github.com/transparency-dev/tessera"
	"github.com/transparency-dev/tessera/storage/posix"
	"golang.org/x/mod/sumdb/note"
)

// The systems a run compares, in the order they run.
const (
	RawPebble      = "raw-pebble"
	Glassbox       = "glassbox"
	Decisions      = "glassbox-decisions"
	TesseraBatch   = "tessera-batch"
	TesseraDefault = "tessera-default"
)

// Systems lists every system, baseline first.
var Systems = []string{RawPebble, Glassbox, Decisions, TesseraBatch, TesseraDefault}

// TesseraBatchCheckpointInterval is the checkpoint interval of the
// tessera-batch system.
const TesseraBatchCheckpointInterval = time.Second

// system is one store under test, opened on its own directory.
type system interface {
	// append writes leaf and returns once it is durable.
	append(ctx context.Context, leaf []byte) error
	// finish ends the run: it waits for what the system does after its
	// last append (Tessera's published checkpoint), checks that exactly n
	// entries were written and closes the system. It returns what it
	// checked.
	finish(ctx context.Context, n uint64) (string, error)
	// compact rewrites the store compactly before its size is measured.
	compact() error
}

func openSystem(ctx context.Context, name, dir string, writers int) (system, error) {
	switch name {
	case RawPebble:
		return openRawPebble(dir)
	case Glassbox:
		return openGlassbox(dir)
	case Decisions:
		return openDecisions(dir)
	case TesseraBatch:
		return openTessera(ctx, dir, writers, true)
	case TesseraDefault:
		return openTessera(ctx, dir, writers, false)
	}
	return nil, fmt.Errorf("peer: unknown system %q", name)
}

// pebbleOptions are the options auditlog opens its store with (see
// auditlog's log.go), without its logger and file cleaner.
func pebbleOptions() *pebble.Options {
	return &pebble.Options{
		MemTableSize:                64 << 20,
		MemTableStopWritesThreshold: 4,
		L0CompactionThreshold:       4,
		L0StopWritesThreshold:       24,
		Logger:                      quietLogger{},
	}
}

type quietLogger struct{}

func (quietLogger) Infof(string, ...any)  {}
func (quietLogger) Errorf(string, ...any) {}
func (quietLogger) Fatalf(format string, args ...any) {
	panic(fmt.Sprintf(format, args...))
}

// compactPebble opens the Pebble store in dir, compacts its whole key
// range and closes it.
func compactPebble(dir string) error {
	db, err := pebble.Open(dir, pebbleOptions())
	if err != nil {
		return err
	}
	err = db.Compact(context.Background(), []byte{}, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, true)
	return errors.Join(err, db.Close())
}

type rawPebble struct {
	dir  string
	db   *pebble.DB
	next atomic.Uint64
}

func openRawPebble(dir string) (*rawPebble, error) {
	db, err := pebble.Open(dir, pebbleOptions())
	if err != nil {
		return nil, err
	}
	return &rawPebble{dir: dir, db: db}, nil
}

func (r *rawPebble) append(_ context.Context, leaf []byte) error {
	var key [9]byte
	key[0] = 'L'
	binary.BigEndian.PutUint64(key[1:], r.next.Add(1))
	b := r.db.NewBatch()
	defer b.Close()
	if err := b.Set(key[:], leaf, nil); err != nil {
		return err
	}
	return b.Commit(pebble.Sync)
}

func (r *rawPebble) finish(_ context.Context, n uint64) (string, error) {
	var got uint64
	it, err := r.db.NewIter(nil)
	if err != nil {
		return "", errors.Join(err, r.db.Close())
	}
	for ok := it.First(); ok; ok = it.Next() {
		got++
	}
	err = errors.Join(it.Close(), r.db.Close())
	if err != nil {
		return "", err
	}
	if got != n {
		return "", fmt.Errorf("raw-pebble: %d keys stored, %d appends counted", got, n)
	}
	return fmt.Sprintf("%d keys", got), nil
}

func (r *rawPebble) compact() error { return compactPebble(r.dir) }

type glassbox struct {
	dir string
	log *auditlog.Log
	v   note.Verifier
}

func newKeys(origin string) (note.Signer, note.Verifier, error) {
	skey, vkey, err := note.GenerateKey(crand.Reader, origin)
	if err != nil {
		return nil, nil, err
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		return nil, nil, err
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return nil, nil, err
	}
	return s, v, nil
}

func openGlassbox(dir string) (*glassbox, error) {
	s, v, err := newKeys("peerbench.example/glassbox")
	if err != nil {
		return nil, err
	}
	// As auditlog's BenchmarkAppend: checkpoints only on demand.
	l, err := auditlog.Open(dir, &auditlog.Options{Signer: s, Verifier: v, CheckpointInterval: -1})
	if err != nil {
		return nil, err
	}
	return &glassbox{dir: dir, log: l, v: v}, nil
}

func (g *glassbox) append(ctx context.Context, leaf []byte) error {
	_, err := g.log.Append(ctx, leaf)
	return err
}

// finish signs a checkpoint of the whole tree, checks its size and
// signature, an inclusion proof of a leaf and a consistency proof from
// half the tree.
func (g *glassbox) finish(ctx context.Context, n uint64) (string, error) {
	what, err := g.check(ctx, n)
	return what, errors.Join(err, g.log.Close())
}

func (g *glassbox) check(ctx context.Context, n uint64) (string, error) {
	if size := g.log.Size(); size != n {
		return "", fmt.Errorf("glassbox: tree size %d, %d appends counted", size, n)
	}
	sc, err := g.log.Checkpoint(ctx)
	if err != nil {
		return "", err
	}
	cp, err := verify.OpenCheckpoint(sc.Note, g.v)
	if err != nil {
		return "", err
	}
	if cp.Size != n {
		return "", fmt.Errorf("glassbox: checkpoint of size %d, %d appends counted", cp.Size, n)
	}
	i := rand.Uint64N(n)
	leaf, err := g.log.Leaf(ctx, i)
	if err != nil {
		return "", err
	}
	p, err := g.log.InclusionProof(ctx, i, n)
	if err != nil {
		return "", err
	}
	if err := verify.VerifyInclusion(i, n, verify.LeafHash(leaf), p, cp.Root); err != nil {
		return "", fmt.Errorf("glassbox: inclusion of leaf %d: %w", i, err)
	}
	what := fmt.Sprintf("checkpoint size %d, inclusion of %d", n, i)
	if m := n / 2; m > 0 {
		root1, err := g.log.RootAt(ctx, m)
		if err != nil {
			return "", err
		}
		p, err := g.log.ConsistencyProof(ctx, m, n)
		if err != nil {
			return "", err
		}
		if err := verify.VerifyConsistency(m, n, p, root1, cp.Root); err != nil {
			return "", fmt.Errorf("glassbox: consistency %d to %d: %w", m, n, err)
		}
		what += fmt.Sprintf(", consistency %d to %d", m, n)
	}
	return what, nil
}

func (g *glassbox) compact() error { return compactPebble(g.dir) }

// glassboxDecisions appends whole credit decisions through the decisions
// layer: a leaf of the decision's public part, its sealed payload, and the
// layer's index entries and counters, all in the engine's synced batch.
// The harness's leaf is ignored; decisions come from a pool of templates
// with a fresh id each.
type glassboxDecisions struct {
	*glassbox
	layer *decisions.Log
	pool  []record.Decision
	next  atomic.Uint64
	t0    time.Time
}

func openDecisions(dir string) (*glassboxDecisions, error) {
	g, err := openGlassbox(dir)
	if err != nil {
		return nil, err
	}
	layer, err := decisions.Open(g.log, nil)
	if err != nil {
		return nil, errors.Join(err, g.log.Close())
	}
	pool := make([]record.Decision, 1024)
	for i := range pool {
		pool[i] = sampleDecision(i)
	}
	return &glassboxDecisions{glassbox: g, layer: layer, pool: pool, t0: time.Now().UTC().Truncate(time.Second)}, nil
}

// sampleDecision is a decision of a credit model with 30 inputs, their
// TreeSHAP attributions, two group attributes and some metadata (the shape
// of auditlog/decisions' BenchmarkAppendDecision).
func sampleDecision(i int) record.Decision {
	d := record.Decision{
		Model:  record.Model{Name: "credit-xgb", Version: "1.3.0", ArtifactDigest: record.Digest{7}},
		Output: record.Output{Label: "approve", Score: 0.73},
		Groups: []record.Attr{{Name: "sex", Value: []string{"female", "male"}[i%2]}, {Name: "age_band", Value: "40-49"}},
		Explanation: &explain.Attribution{Method: explain.MethodTreeSHAP, Space: explain.SpaceMargin,
			Base: -0.4, Output: 1.1},
		PolicyVersion: "policy-7",
		Metadata:      map[string]string{"channel": "web", "branch": "north"},
	}
	for f := range 30 {
		name := fmt.Sprintf("feature_%02d", f)
		v := float64(i%1000) + float64(f)/7
		d.Inputs = append(d.Inputs, record.Feature{Name: name, Value: record.Number(v)})
		d.Explanation.Contributions = append(d.Explanation.Contributions,
			explain.Contribution{Feature: name, Value: v, Contribution: 0.05})
	}
	return d
}

func (g *glassboxDecisions) append(ctx context.Context, _ []byte) error {
	i := g.next.Add(1)
	d := g.pool[i%uint64(len(g.pool))]
	d.ID = fmt.Sprintf("peer-%012d", i)
	d.Subject = fmt.Sprintf("subject-%d", i%100_000)
	d.Time = g.t0.Add(time.Duration(i) * time.Microsecond)
	_, err := g.layer.Append(ctx, d)
	return err
}

// finish checks the tree as [glassbox.finish] does, and reads one
// decision back by id with its payload opened.
func (g *glassboxDecisions) finish(ctx context.Context, n uint64) (string, error) {
	what, err := g.check(ctx, n)
	if err == nil && n > 0 {
		id := fmt.Sprintf("peer-%012d", n)
		var st decisions.Stored
		if st, err = g.layer.Get(ctx, id); err == nil && (st.Leaf.DecisionID != id || st.Payload == nil || len(st.Payload.Inputs) != 30) {
			err = fmt.Errorf("glassbox-decisions: Get(%s) returned %s with payload %v", id, st.Leaf.DecisionID, st.Payload)
		}
		what += ", decision " + id + " read back"
	}
	return what, errors.Join(err, g.log.Close())
}

type tesseraLog struct {
	dir      string
	add      tessera.AddFn
	reader   tessera.LogReader
	shutdown func(context.Context) error
	cancel   context.CancelFunc
	v        note.Verifier
}

// openTessera opens a Tessera POSIX log in dir: with batch size = writers
// and a checkpoint interval of 1s when batch is set, else with Tessera's
// default options.
func openTessera(ctx context.Context, dir string, writers int, batch bool) (*tesseraLog, error) {
	s, v, err := newKeys("peerbench.example/tessera")
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	driver, err := posix.New(ctx, posix.Config{Path: dir})
	if err != nil {
		cancel()
		return nil, err
	}
	opts := tessera.NewAppendOptions().WithCheckpointSigner(s)
	if batch {
		opts = opts.WithBatching(uint(writers), tessera.DefaultBatchMaxAge).
			WithCheckpointInterval(TesseraBatchCheckpointInterval)
	}
	a, shutdown, reader, err := tessera.NewAppender(ctx, driver, opts)
	if err != nil {
		cancel()
		return nil, err
	}
	return &tesseraLog{dir: dir, add: a.Add, reader: reader, shutdown: shutdown, cancel: cancel, v: v}, nil
}

func (t *tesseraLog) append(ctx context.Context, leaf []byte) error {
	_, err := t.add(ctx, tessera.NewEntry(leaf))()
	return err
}

// finish waits for Tessera's shutdown, which returns once a published
// checkpoint commits to every entry added, then checks that checkpoint's
// signature and size and the integrated size.
func (t *tesseraLog) finish(ctx context.Context, n uint64) (string, error) {
	defer t.cancel()
	if err := t.shutdown(ctx); err != nil {
		return "", fmt.Errorf("tessera: shutdown: %w", err)
	}
	size, err := t.reader.IntegratedSize(ctx)
	if err != nil {
		return "", err
	}
	if size != n {
		return "", fmt.Errorf("tessera: integrated size %d, %d appends counted", size, n)
	}
	raw, err := t.reader.ReadCheckpoint(ctx)
	if err != nil {
		return "", err
	}
	cp, err := verify.OpenCheckpoint(raw, t.v)
	if err != nil {
		return "", fmt.Errorf("tessera: checkpoint: %w", err)
	}
	if cp.Size != n {
		return "", fmt.Errorf("tessera: checkpoint of size %d, %d appends counted", cp.Size, n)
	}
	return fmt.Sprintf("checkpoint size %d", n), nil
}

func (t *tesseraLog) compact() error { return nil }
