package anchor

import (
	"testing"

	"github.com/glassbox-audit/glassbox/registry"
)

// FuzzCarriesAnchor: any calldata is read without a panic, and is said to
// carry (id, 7, root) only if re-encoding a batch holding that triple or
// the single anchor gives calldata that is also accepted.
func FuzzCarriesAnchor(f *testing.F) {
	id := registry.LogIDFor("example.org/fuzz")
	root := [32]byte{1, 2, 3}
	f.Add(anchorCalldata(id, 7, root))
	f.Add(AnchorManyCalldata([]registry.Anchor{{LogID: id, TreeSize: 7, Root: root}, {LogID: registry.LogIDFor("x"), TreeSize: 1, Root: root}}))
	f.Add(AnchorManyCalldata(nil))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		if carriesAnchor(data, id, 7, root) && !carriesAnchor(AnchorManyCalldata([]registry.Anchor{{LogID: id, TreeSize: 7, Root: root}}), id, 7, root) {
			t.Fatal("inconsistent")
		}
	})
}

// TestCarriesAnchor: a batch carries exactly its triples.
func TestCarriesAnchor(t *testing.T) {
	id, other := registry.LogIDFor("a"), registry.LogIDFor("b")
	root := [32]byte{9}
	batch := AnchorManyCalldata([]registry.Anchor{{LogID: other, TreeSize: 3, Root: root}, {LogID: id, TreeSize: 7, Root: root}})
	if !carriesAnchor(batch, id, 7, root) || !carriesAnchor(batch, other, 3, root) {
		t.Fatal("a batch does not carry its triples")
	}
	if carriesAnchor(batch, id, 3, root) || carriesAnchor(batch, id, 7, [32]byte{8}) || carriesAnchor(batch[:len(batch)-1], id, 7, root) {
		t.Fatal("a batch carries a triple it does not hold")
	}
	if !carriesAnchor(anchorCalldata(id, 7, root), id, 7, root) || carriesAnchor(anchorCalldata(id, 7, root), other, 7, root) {
		t.Fatal("single anchor calldata")
	}
}
