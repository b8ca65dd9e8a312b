// Package importrules holds the module's layering to account. It has no
// code, only a test: for each rule, the test asks the go command which
// packages a package links (go list -deps -json, build dependencies only,
// not tests) and fails naming the import chain that reaches a forbidden
// one.
//
// # The rules
//
//   - The production packages that speak to a chain (registry, anchor, the
//     CLI) link no in-process node: neither go-ethereum's
//     ethclient/simulated nor the development chain registry/simchain,
//     which only tests and examples may link.
//   - The verifiers (auditlog/verify, auditlog/receipt) link neither
//     Pebble nor go-ethereum: checking a receipt needs the formats and the
//     standard library only.
//   - The log engine (auditlog) knows nothing of the layers above it:
//     decisions, anchoring, the registry, fairness, explanations, commands
//     (neither by its own imports, nor through the packages it imports).
//   - Fairness reports link no Pebble.
//   - The HTTP surface (httpapi) links no go-ethereum and nothing of the
//     anchorer, the registry, the commands or the examples: a program
//     hands it the anchor through Options.Receipt.
//
// A rule that does not hold yet carries the reason in its pending field;
// the test then reports it as skipped, and fails once the rule holds, so
// that it is enabled.
package importrules
