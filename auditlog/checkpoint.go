package auditlog

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"golang.org/x/mod/sumdb/note"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// SignedCheckpoint is a checkpoint with its signed note: Note is the whole
// note text (body, blank line, signature lines), as C2SP tools read it.
type SignedCheckpoint struct {
	verify.Checkpoint
	Note []byte
}

// Checkpoint signs and stores a checkpoint of the current tree, unless the
// latest checkpoint already covers the current size, in which case that one
// is returned.
func (l *Log) Checkpoint(ctx context.Context) (SignedCheckpoint, error) {
	if err := l.checkOpen(); err != nil {
		return SignedCheckpoint{}, err
	}
	return l.checkpointAt(ctx, l.db, l.Size())
}

// LatestCheckpoint returns the latest stored checkpoint, or ErrNotFound.
func (l *Log) LatestCheckpoint(ctx context.Context) (SignedCheckpoint, error) {
	if err := l.checkOpen(); err != nil {
		return SignedCheckpoint{}, err
	}
	if cp := l.cpLatest.Load(); cp != nil {
		return *cp, nil
	}
	return SignedCheckpoint{}, fmt.Errorf("%w: no checkpoint has been signed yet", ErrNotFound)
}

// CheckpointAt returns the stored checkpoint of exactly the given size.
func (l *Log) CheckpointAt(ctx context.Context, size uint64) (SignedCheckpoint, error) {
	if err := l.checkOpen(); err != nil {
		return SignedCheckpoint{}, err
	}
	return l.storedCheckpoint(l.db, size)
}

// Checkpoints calls fn for each stored checkpoint, by increasing size.
func (l *Log) Checkpoints(ctx context.Context, fn func(SignedCheckpoint) error) error {
	if err := l.checkOpen(); err != nil {
		return err
	}
	return l.checkpointsFrom(ctx, l.db, fn)
}

// checkpointsFrom calls fn for each checkpoint stored in r (the DB or a
// snapshot), by increasing size.
func (l *Log) checkpointsFrom(ctx context.Context, r reader, fn func(SignedCheckpoint) error) error {
	it, err := r.NewIter(&pebble.IterOptions{LowerBound: []byte{famCheckpoint}, UpperBound: []byte{famCheckpoint + 1}})
	if err != nil {
		return err
	}
	defer it.Close()
	for it.First(); it.Valid(); it.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		cp, err := l.parseStored(binary.BigEndian.Uint64(it.Key()[1:]), it.Value())
		if err != nil {
			return err
		}
		if err := fn(cp); err != nil {
			return err
		}
	}
	return it.Error()
}

func (l *Log) storedCheckpoint(r reader, size uint64) (SignedCheckpoint, error) {
	v, err := getFrom(r, checkpointKey(size))
	if errors.Is(err, ErrNotFound) {
		return SignedCheckpoint{}, fmt.Errorf("%w: no checkpoint at size %d", ErrNotFound, size)
	}
	if err != nil {
		return SignedCheckpoint{}, err
	}
	return l.parseStored(size, v)
}

// parseStored parses a stored note and checks it names the size it is
// stored under. The signature is checked by CheckIntegrity when a verifier
// is configured; here the note is trusted as our own.
func (l *Log) parseStored(size uint64, v []byte) (SignedCheckpoint, error) {
	text, err := noteText(v)
	if err != nil {
		return SignedCheckpoint{}, &IntegrityError{Kind: "checkpoint", Index: size, Err: err}
	}
	c, err := verify.ParseCheckpoint(text)
	if err != nil {
		return SignedCheckpoint{}, &IntegrityError{Kind: "checkpoint", Index: size, Err: err}
	}
	if c.Size != size || c.Origin != l.opts.Origin {
		return SignedCheckpoint{}, &IntegrityError{Kind: "checkpoint", Index: size, Err: fmt.Errorf("stored note is for %q at size %d", c.Origin, c.Size)}
	}
	return SignedCheckpoint{Checkpoint: c, Note: v}, nil
}

// noteText returns the body of a signed note without checking signatures.
func noteText(msg []byte) ([]byte, error) {
	for i := 0; i+1 < len(msg); i++ {
		if msg[i] == '\n' && msg[i+1] == '\n' {
			return msg[:i+1], nil
		}
	}
	return nil, errors.New("malformed note: no blank line before the signatures")
}

func (l *Log) latestStored() (SignedCheckpoint, error) {
	it, err := l.db.NewIter(&pebble.IterOptions{LowerBound: []byte{famCheckpoint}, UpperBound: []byte{famCheckpoint + 1}})
	if err != nil {
		return SignedCheckpoint{}, err
	}
	defer it.Close()
	if !it.Last() {
		if err := it.Error(); err != nil {
			return SignedCheckpoint{}, err
		}
		return SignedCheckpoint{}, ErrNotFound
	}
	return l.parseStored(binary.BigEndian.Uint64(it.Key()[1:]), it.Value())
}

// checkpointAt returns the stored checkpoint of exactly size, signing and
// storing one when there is none. r must hold the tree at least up to size
// (the DB, or a snapshot taken when the tree had that size or more).
func (l *Log) checkpointAt(ctx context.Context, r reader, size uint64) (SignedCheckpoint, error) {
	// Only durable state is signed: the committed size, or the size
	// recorded in a snapshot (a synced batch becomes visible only once it
	// is durable, possibly just before l.size catches up with it).
	limit := l.Size()
	if r != reader(l.db) {
		if vs, err := l.viewSize(r); err == nil && vs > limit {
			limit = vs
		}
	}
	if size > limit {
		return SignedCheckpoint{}, fmt.Errorf("%w: checkpoint at size %d of a tree of size %d", ErrOutOfRange, size, limit)
	}
	l.cpMu.Lock()
	defer l.cpMu.Unlock()
	if cp, err := l.storedCheckpoint(l.db, size); err == nil {
		// Stored but perhaps not yet in the mark (its write failed).
		if l.readOnly == nil {
			if err := l.writeMark(cp); err != nil {
				return SignedCheckpoint{}, err
			}
		}
		return cp, nil
	} else if !errors.Is(err, ErrNotFound) {
		return SignedCheckpoint{}, err
	}
	if l.readOnly != nil {
		return SignedCheckpoint{}, l.readOnly
	}
	root, err := l.rootAt(r, size)
	if err != nil {
		return SignedCheckpoint{}, err
	}
	c := verify.Checkpoint{Origin: l.opts.Origin, Size: size, Root: root}
	msg, err := note.Sign(&note.Note{Text: string(c.Marshal())}, l.opts.Signer)
	if err != nil {
		return SignedCheckpoint{}, fmt.Errorf("auditlog: sign checkpoint: %w", err)
	}
	if err := l.db.Set(checkpointKey(size), msg, pebble.Sync); err != nil {
		return SignedCheckpoint{}, fmt.Errorf("auditlog: store checkpoint: %w", err)
	}
	cp := SignedCheckpoint{Checkpoint: c, Note: msg}
	// The high-water mark first: no one sees a checkpoint that a lost WAL
	// tail or an old backup could take back.
	if err := l.writeMark(cp); err != nil {
		return SignedCheckpoint{}, err
	}
	if latest := l.cpLatest.Load(); latest == nil || latest.Size <= size {
		l.cpLatest.Store(&cp)
		l.cpTime.Store(l.now().UnixNano())
	}
	return cp, nil
}

// checkpointLoop signs a checkpoint every interval when the tree grew.
func (l *Log) checkpointLoop() {
	defer l.wg.Done()
	t := time.NewTicker(l.opts.CheckpointInterval)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			latest := l.cpLatest.Load()
			if latest != nil && latest.Size == l.Size() {
				continue
			}
			if _, err := l.checkpointAt(context.Background(), l.db, l.Size()); err != nil {
				l.opts.Logger.Error("auditlog: periodic checkpoint failed", "err", err)
			}
		}
	}
}
