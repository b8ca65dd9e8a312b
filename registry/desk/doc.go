// Package desk is a lender's dispute desk: it files disputes on the
// GlassboxRegistry contract for applicants who hold no Ethereum account,
// and keeps the text of each dispute off chain, in the lender's own log
// database.
//
// # The idea
//
// An applicant who disagrees with a decision writes why. The text is
// theirs and may be personal, so it does not go on a public chain. What
// goes on chain is a commitment to it: the dispute's reasonURI is
// "sha256:" and the hex of [Commitment], the SHA-256 of the text under a
// domain-separation prefix. The desk stores the text in an
// [auditlog.Store] under that hash. Anyone holding the text (the applicant
// kept a copy; the resolver receives one) recomputes the commitment and
// compares it with the contract's record: the lender cannot later show a
// different text, and the chain shows when the dispute was filed, against
// which leaf, and how it ended.
//
// # Filing
//
// [Desk.File] validates the text (non-empty, UTF-8, at most
// [MaxTextBytes] bytes), stores it, and files the dispute from the desk's
// address. The contract caps open disputes per address at
// registry.MaxOpenDisputes (8) unless the admin raised the desk's limit
// with registry.Client.SetDisputeLimit; a desk filing for many applicants
// needs that raise, and gets registry.ErrTooManyOpenDisputes without it.
// Only an anchored leaf can be disputed: a leaf past the latest anchored
// size fails with registry.ErrLeafNotAnchored; file again after the next
// anchor.
//
// Filing is idempotent per leaf: while the desk's dispute against a leaf
// is open, filing the same text against it again returns that dispute's id
// (a form submitted twice files once). A different text against the same
// leaf while one is open is refused with an [*OpenDisputeError] that names
// the open dispute; its id is returned too.
//
// # Reading
//
// [Desk.Text] returns the stored text of a dispute after checking it
// against the commitment on chain ([*TextMismatchError] if the store was
// altered). [Desk.Status] returns the dispute's on-chain record. Both
// refuse a dispute that this desk did not file ([ErrForeignDispute]).
//
// # Caveats
//
// The store keeps texts by hash; a text whose filing failed stays stored
// (it is addressed by its hash, so a retry reuses it). The desk does not
// check that leafHash is the hash of the leaf at leafIndex: it has no
// access to the leaves; the resolver checks that against the log.
package desk
