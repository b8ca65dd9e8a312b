"use strict";
// Loads receipt.wasm, runs glassboxVerify on every case of cases.json, and
// writes the reports (with the time each took, from performance.now()) into
// #results for the Go test to read; draws a table for the screenshot.
(async function () {
  const status = document.getElementById("status");
  const out = document.getElementById("results");
  const rows = document.getElementById("rows");
  document.getElementById("set").textContent = location.pathname.split("/")[1];
  function cell(tr, text, cls) {
    const td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    tr.appendChild(td);
  }
  try {
    const t0 = performance.now();
    const go = new Go();
    const { instance } = await WebAssembly.instantiateStreaming(fetch("receipt.wasm"), go.importObject);
    go.run(instance); // runs until main blocks; glassboxVerify is defined then
    const loadMs = performance.now() - t0;
    const cases = await (await fetch("cases.json")).json();
    const results = [];
    for (const c of cases) {
      const t = performance.now();
      const input = c.asBytes ? new TextEncoder().encode(c.receipt) : c.receipt;
      const report = JSON.parse(await glassboxVerify(input, c.rpcURL, c.contract, c.logKey));
      const ms = performance.now() - t;
      results.push({ name: c.name, ms: ms, report: report });
      const tr = document.createElement("tr");
      cell(tr, c.name);
      cell(tr, report.verdict, report.verdict);
      cell(tr, report.failed ? report.failed + (report.field ? " of " + report.field : "") : "");
      cell(tr, report.steps.map(function (s) {
        return s.check + (s.field ? ":" + s.field : "") + " " + s.status;
      }).join(", "), "steps");
      cell(tr, ms.toFixed(1));
      rows.appendChild(tr);
    }
    // Unusable arguments reject the promise; they do not end the program.
    const rejected = [];
    for (const args of [[42], ["{}", "http://127.0.0.1:9/", ""], ["{}", "", "", "not a key"], []]) {
      try {
        await glassboxVerify.apply(null, args);
        rejected.push("resolved");
      } catch (e) {
        rejected.push(String(e));
      }
    }
    // Disputes read with glassboxDispute: the JSON it resolves to, or the
    // message it rejects with.
    const disputes = [];
    for (const d of await (await fetch("disputes.json")).json()) {
      try {
        disputes.push({ name: d.name, json: await glassboxDispute(d.rpcURL, d.contract, d.id) });
      } catch (e) {
        disputes.push({ name: d.name, error: String(e) });
      }
      const tr = document.createElement("tr");
      const last = disputes[disputes.length - 1];
      cell(tr, "dispute: " + d.name);
      cell(tr, last.json ? JSON.parse(last.json).status : "rejected");
      cell(tr, "");
      cell(tr, last.json || last.error, "steps");
      cell(tr, "");
      rows.appendChild(tr);
    }
    status.textContent = cases.length + " receipts checked; the verifier loaded in " + loadMs.toFixed(0) + " ms.";
    out.textContent = JSON.stringify({ loadMs: loadMs, results: results, rejected: rejected, disputes: disputes });
    document.body.dataset.done = "ok";
  } catch (e) {
    status.textContent = "Failed: " + e;
    out.textContent = String((e && e.stack) || e);
    document.body.dataset.done = "error";
  }
})();
