package verify_test

import (
	"errors"
	"fmt"

	"github.com/glassbox-audit/glassbox/auditlog/verify"
)

// Check that a leaf is in a tree of three leaves, knowing only the leaf, its
// index, the tree's root and the proof the log handed out. The tree is
// built by hand here (RFC 6962: the root of three leaves is
// H(H(l0, l1), l2)); a real verifier takes the root from a signed
// checkpoint ([verify.OpenCheckpoint]).
func ExampleVerifyInclusion() {
	l0, l1, l2 := verify.LeafHash([]byte("a")), verify.LeafHash([]byte("b")), verify.LeafHash([]byte("c"))
	root := verify.NodeHash(verify.NodeHash(l0, l1), l2)

	// The proof for leaf 2 is the hash of the subtree beside it.
	proof := []verify.Hash{verify.NodeHash(l0, l1)}
	fmt.Println("leaf c:", verify.VerifyInclusion(2, 3, l2, proof, root))

	// Another leaf at index 2 does not verify.
	err := verify.VerifyInclusion(2, 3, verify.LeafHash([]byte("forged")), proof, root)
	fmt.Println("forged leaf rejected:", errors.Is(err, verify.ErrProof))

	// Consistency: the tree of two leaves is a prefix of the tree of three.
	fmt.Println("consistent:", verify.VerifyConsistency(2, 3, []verify.Hash{l2}, verify.NodeHash(l0, l1), root))
	// Output:
	// leaf c: <nil>
	// forged leaf rejected: true
	// consistent: <nil>
}
