// Package portal is the applicant's side of Glassbox: an [http.Handler]
// that a lender mounts on its own server, where an applicant reads a
// decision about them, checks in their own browser that the record is
// genuine, downloads its receipt, disputes it, or has their personal data
// erased; and where anyone checks a receipt file.
//
// # Routes
//
//	GET  /a/{token}               the applicant's page
//	GET  /a/{token}/receipt.json  the receipt, as an attachment
//	POST /a/{token}/dispute       file a dispute (field "text")
//	POST /a/{token}/erase         erase the personal data (asks first; "confirm=yes" does it)
//	GET  /check                   the public check page
//	GET  /static/{file}           portal.css, portal.js, receipt.wasm, wasm_exec.js
//
// {token} is a capability link of package portal/access: whoever holds the
// link may see the decision, so the link is the credential, and the pages
// are sent with Referrer-Policy: no-referrer and Cache-Control: no-store.
// Mount the portal under a path with [Options].Prefix (requests carrying
// it have it stripped; pages link under it) or behind http.StripPrefix
// with the same Prefix.
//
// # What the page shows
//
// The page is rendered from the decision's receipt, the same bytes the
// browser then verifies: the outcome, score and date, the model's name and
// version with its registration on the registry contract (read by the
// server through [Options].Registry: block, publisher, whether the digest
// matches, deprecation), at most [MaxReasons] principal reasons in the
// lender's words ([ModelInfo].Reasons, never a raw column name), the
// explanation as a waterfall chart drawn on the server in SVG (from the
// base value, each variable's contribution in turn, to the output) with
// its values as a table, and the applicant's disclosed inputs under the
// lender's labels. After erasure the page shows what remains: the public
// leaf (outcome, score, date, model), which still verifies.
//
// # Verification in the browser
//
// portal.js loads receipt.wasm (cmd/receiptwasm: package
// portal/receiptcheck, the code of `glassbox verify`) and runs every
// check in the page, reading the registry contract itself through
// [Options].RPCURL, never through the lender's server: format, key,
// signature, leaf, inclusion, one commitment per disclosed field, anchor,
// chain and block. Each check is listed with its result, and the verdict
// (valid, invalid naming the failed check, or partial saying what could
// not be checked). The sections whose data a commitment proved are marked
// verified. receipt.wasm and wasm_exec.js are build outputs
// (scripts/build-wasm), served from [Options].Static; when they are
// missing, the pages say the in-browser check is not available and point
// to `glassbox verify`. Without JavaScript every page still reads.
//
// # Security
//
// Every response carries a Content-Security-Policy that allows only the
// portal's own files, compiling the wasm, and connecting to the
// configured RPC origin: no inline script or style, no other origin, no
// framing, forms only to the portal. Every value is escaped by
// html/template. POSTs from another site are refused (net/http's
// CrossOriginProtection: Sec-Fetch-Site, then Origin against Host), with
// a page that says why.
//
// # Disputes
//
// A dispute goes through [Options].Disputes (the lender's desk, which
// keeps the text and files its hash on the contract). The portal
// remembers the dispute id of each decision in its store namespace
// ([DefaultNamespace] of the engine log, keyed "dispute/" and the leaf
// index, big-endian) and files at most one per decision. The page shows
// the status read by the browser from the chain when the verifier offers
// glassboxDispute, else the status the server read through
// [Options].DisputeStatus.
//
// # What it does not do
//
// It issues no links (the lender does, with access.Links.Issue, and sends
// them), keeps no sessions and sets no cookies. It does not anchor: a
// receipt's anchor comes from [Options].Attach. A link stays valid until
// it expires, after erasure too (it then shows the public record only).
package portal
