package decisions

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog"
)

// SealedPayloads calls fn, by increasing index, with the sealed payload of
// every decision of [start, end) whose subject is not erased, exactly as
// stored: AES-256-GCM under the subject's key, bound to the decision id and
// the leaf bytes (record.Seal). It reads one consistent view of the log;
// end beyond the view's size is [auditlog.ErrOutOfRange]. The payloads stay
// sealed and no key leaves the log: this is what an export carries
// (package auditlog/export). A payload whose key is already gone (an
// erasure in progress) is skipped, as if erased. fn may keep sealed; an
// error from fn stops the scan and is returned.
func (d *Log) SealedPayloads(ctx context.Context, start, end uint64, fn func(index uint64, sealed []byte) error) error {
	v, err := d.st.View(ctx)
	if err != nil {
		return err
	}
	defer v.Close()
	if start > end || end > v.Size() {
		return fmt.Errorf("%w: payloads of [%d, %d), view of tree size %d", auditlog.ErrOutOfRange, start, end, v.Size())
	}
	if start == end {
		return nil
	}
	return v.Scan(payloadKey(start), payloadKey(end), func(k, pv []byte) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		idx := lastU64(k)
		switch {
		case len(pv) == 1 && pv[0] == payloadErased:
			return nil
		case len(pv) <= 33 || pv[0] != payloadSealed:
			return fmt.Errorf("%w: payload entry of leaf %d", ErrCorrupt, idx)
		}
		var sid SubjectID
		copy(sid[:], pv[1:33])
		if _, err := d.readKey(ctx, v, sid); errors.Is(err, ErrKeyNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		return fn(idx, bytes.Clone(pv[33:]))
	})
}
