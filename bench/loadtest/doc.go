// Package loadtest load-tests the lending example's HTTP API
// (examples/lending, POST /v1/decisions) with vegeta's attacker, in
// constant-rate steps, and finds the highest rate the service holds within
// a latency target.
//
// # Steps
//
// [Run] sends decisions at [Options.Start] per second for
// [Options.Duration], then at Start+Step, and so on up to [Options.Max]. A
// step meets the target when its p99 latency is at most [Options.P99], at
// most [Options.MaxErrors] of its requests failed (anything but 2xx, or no
// answer), and the service answered at least [Options.MinThroughput] of the
// asked rate; the run stops after the first step that does not. [Result.Best]
// is the highest rate that met the target.
//
// Every request is a real application: a row of the shipped data set
// (examples/lending/model/applicants.csv, read by [LoadApplicants]) in turn,
// under a new decision id and a new subject (or, with
// [Options.RowSubjects], the row's own applicant as a returning subject),
// so that every request is scored, explained with TreeSHAP and appended to
// the log, never answered from it. Ids are "lt-RUN-N", RUN random per [Run]: a run against a
// service that already holds decisions appends new ones.
//
// Each [Step] has vegeta's figures (rate, throughput, success, latency
// quantiles, status codes, a latency [vegeta.Histogram]), the requests over
// the target by second sent (a stall shows as a few bad seconds, a tail as
// many), and, with [Options.Sample], the service's side: its synced
// commits, decisions a commit, time a sync and CPU time, next to the load
// generator's.
//
// # The baseline
//
// [StartBaseline] serves POST /v1/decisions doing only what any HTTP
// service does (the token checked, the body decoded, a small answer).
// The same steps against it in the same run give the floor of the load
// generator and the HTTP stack on the machine at that moment; the service's
// figures are read as ratios to it.
//
// # The service
//
// [StartLending] runs the lending service for a run: durable (every
// decision synced before it is answered, as always), with TreeSHAP, and with
// authentication on (a tokens file it writes, one token per role). The
// example is a main package, which Go does not let another package import,
// so the service runs as a child process of the example's own binary
// (built with the go tool when [LendingOptions.Binary] is empty), on
// 127.0.0.1 on a free port, in a temporary directory, on its simulated
// chain. Its anchorer runs as in production.
//
// # Caveats
//
// vegeta measures a request's latency from when a worker sends it. When
// every worker is busy the attacker falls behind its pacer, and requests
// that would have waited are not counted as waiting (coordinated
// omission): a step's achieved throughput below its asked rate is the sign,
// which is why [Options.MinThroughput] is part of the target.
//
// The load generator competes with the service for the same CPUs when both
// run on one machine: figures are those of the pair, not of the service
// alone.
package loadtest
