package regulator

import (
	"encoding/json"
	"io/fs"
	"net/http"

	"github.com/glassbox-audit/glassbox/portal/access"
	"github.com/glassbox-audit/glassbox/portal/receiptcheck"
)

// The check in the regulator's browser: the overview's "Check in this
// browser" loads static/logcheck.js and the WebAssembly verifier
// (Options.Static, built by scripts/build-wasm), fetches each log's
// evidence.json (the lender's checkpoints at its anchored sizes and the
// latest, with the consistency proofs between them) and hands it to
// glassboxCheckLog, which reads the contract's anchors and the log's key
// itself through the RPC URL the regulator typed (kept in the browser's
// localStorage, never sent to the portal).

const (
	wasmFile     = "receipt.wasm"
	wasmExecFile = "wasm_exec.js"
)

// browserCheck reports whether Options.Static holds the verifier.
func (p *Portal) browserCheck() bool {
	if p.o.Static == nil {
		return false
	}
	for _, f := range []string{wasmFile, wasmExecFile} {
		if _, err := fs.Stat(p.o.Static, f); err != nil {
			return false
		}
	}
	return true
}

// static serves the script and, from Options.Static, the verifier.
func (p *Portal) static(w http.ResponseWriter, r *http.Request) {
	var (
		fsys  fs.FS
		name  string
		ctype string
	)
	switch f := r.PathValue("file"); f {
	case "logcheck.js":
		fsys, name, ctype = ownStatic, "static/logcheck.js", "text/javascript; charset=utf-8"
	case wasmExecFile:
		fsys, name, ctype = p.o.Static, f, "text/javascript; charset=utf-8"
	case wasmFile:
		fsys, name, ctype = p.o.Static, f, "application/wasm"
	}
	if fsys == nil {
		p.fail(w, r, http.StatusNotFound, "Page not found", "There is no file at this address.")
		return
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		p.fail(w, r, http.StatusNotFound, "Page not found", "There is no file at this address.")
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

// evidence serves the log's evidence for glassboxCheckLog: the stored
// checkpoint of each size the lender's anchor state says was anchored,
// then the latest checkpoint, each with the consistency proof from the one
// before. A size whose checkpoint the log lacks is left out: the browser
// then names it as the first bad one.
func (p *Portal) evidence(w http.ResponseWriter, r *http.Request, s *access.Session) {
	l, _, ok := p.logOf(w, r, s)
	if !ok {
		return
	}
	ctx := r.Context()
	as, err := anchorsOf(l.Anchors)
	if err != nil {
		p.internal(w, r, "read the anchor state", err)
		return
	}
	var sizes []uint64
	for _, a := range as {
		if len(sizes) == 0 || a.TreeSize > sizes[len(sizes)-1] {
			sizes = append(sizes, a.TreeSize)
		}
	}
	if cp, err := l.Log.LatestCheckpoint(ctx); err == nil && (len(sizes) == 0 || cp.Size > sizes[len(sizes)-1]) {
		sizes = append(sizes, cp.Size)
	}
	ev := receiptcheck.LogEvidence{Origin: l.Log.Origin(), Checkpoints: []receiptcheck.EvidenceCheckpoint{}}
	var prev uint64
	for _, n := range sizes {
		cp, err := l.Log.CheckpointAt(ctx, n)
		if err != nil {
			continue
		}
		c := receiptcheck.EvidenceCheckpoint{Size: n, Note: string(cp.Note)}
		if len(ev.Checkpoints) > 0 {
			if c.Proof, err = l.Log.ConsistencyProof(ctx, prev, n); err != nil {
				p.internal(w, r, "make a consistency proof", err)
				return
			}
		}
		ev.Checkpoints = append(ev.Checkpoints, c)
		prev = n
	}
	b, err := json.Marshal(ev)
	if err != nil {
		p.internal(w, r, "write the evidence", err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}
