"use strict";
// The portal's only script. It runs the receipt verifier (receipt.wasm, the
// Go code of `glassbox verify`) in the page, shows each check as a step,
// and marks what the receipt proves. Without it the pages still read.
(function () {
  var names = {
    format: "The receipt is well formed",
    key: "The log's public key",
    signature: "The log signed its checkpoint",
    leaf: "The decision record decodes",
    inclusion: "The decision is in the log",
    commitment: "Disclosed data matches the record",
    anchor: "The anchored log extends this checkpoint",
    chain: "The anchored root is on the registry contract",
    block: "The anchoring transaction is in its block",
    decision: "The receipt is for this decision",
    witness: "Independent witnesses cosigned the checkpoint"
  };
  var fields = {
    subject: "Your identity matches the record",
    inputs: "Your inputs match the record",
    groups: "Your group data matches the record",
    metadata: "The metadata matches the record",
    explanation: "The explanation matches the record"
  };
  var statusText = { passed: "passed", failed: "failed", "not checked": "not checked", skipped: "does not apply" };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var verifier = null;
  function loadVerifier() {
    if (!verifier) {
      var url = document.body.dataset.wasm;
      var t0 = performance.now();
      verifier = (async function () {
        var go = new Go();
        var res = await WebAssembly.instantiateStreaming(fetch(url), go.importObject);
        go.run(res.instance); // returns when main blocks; glassboxVerify is set then
        document.body.dataset.wasmLoadMs = (performance.now() - t0).toFixed(1);
      })();
    }
    return verifier;
  }

  // show writes a report into the verify section.
  function show(section, report, ms) {
    var verdict = section.querySelector("#verdict");
    var steps = section.querySelector("#steps");
    steps.textContent = "";
    report.steps.forEach(function (s) {
      var li = el("li", s.status.replace(" ", "-"));
      li.dataset.check = s.check;
      if (s.field) li.dataset.field = s.field;
      var what = names[s.check] || s.check;
      if (s.check === "commitment" && s.field) what = fields[s.field] || "The disclosed " + s.field + " matches the record";
      li.appendChild(el("span", "what", what));
      li.appendChild(el("span", "status", statusText[s.status] || s.status));
      li.appendChild(el("span", "msg", s.message));
      steps.appendChild(li);
    });
    var head = { valid: "Verified: every check passed.", invalid: "Not genuine: a check failed.", partial: "Partly verified: some checks could not be run." }[report.verdict] || report.verdict;
    verdict.className = "verdict " + report.verdict;
    verdict.textContent = "";
    verdict.appendChild(el("span", "", head + " "));
    verdict.appendChild(el("span", "msg", report.summary));
    var short = document.getElementById("verify-short");
    if (short) {
      short.textContent = head + " See the checks below.";
      short.className = report.verdict;
    }
    section.dataset.verdict = report.verdict;
    section.dataset.ms = ms.toFixed(1);
    section.dataset.report = JSON.stringify(report);
  }

  async function run(section, receipt) {
    var verdict = section.querySelector("#verdict");
    try {
      await loadVerifier();
      var t = performance.now();
      var witnesses = section.dataset.witnesses || undefined;
      var threshold = witnesses && section.dataset.witnessThreshold ? Number(section.dataset.witnessThreshold) : undefined;
      var json = await glassboxVerify(receipt, section.dataset.rpc, section.dataset.contract, section.dataset.logkey, witnesses, threshold);
      var ms = performance.now() - t;
      var report = JSON.parse(json);
      show(section, report, ms);
      return report;
    } catch (e) {
      verdict.className = "verdict invalid";
      verdict.textContent = "The receipt could not be checked: " + (e && e.message ? e.message : String(e));
      section.dataset.verdict = "error";
      return null;
    }
  }

  // The applicant's page: check the receipt the page was rendered from, and
  // mark the sections whose data the receipt's commitments proved.
  async function applicant(section) {
    var report = await run(section, section.dataset.receipt);
    if (!report) return;
    if (report.verdict !== "invalid" && report.decision_id !== section.dataset.decision) {
      var v = section.querySelector("#verdict");
      v.className = "verdict invalid";
      v.textContent = "This receipt is for another decision (" + report.decision_id + ").";
      section.dataset.verdict = "invalid";
      return;
    }
    (report.disclosed || []).forEach(function (f) {
      var s = document.querySelector('[data-proves="' + f + '"]');
      if (!s) return;
      s.classList.add("verified");
      var b = s.querySelector(".badge");
      if (b) b.hidden = false;
    });
    rerun(section, report);
    var d = document.getElementById("dispute-status");
    if (d && typeof glassboxDispute === "function" && section.dataset.rpc) {
      try {
        var st = JSON.parse(await glassboxDispute(section.dataset.rpc, section.dataset.contract, d.dataset.id));
        var strong = d.querySelector(".status");
        if (strong) strong.textContent = st.status + " (read by your browser from the registry)";
      } catch (e) {
        // the server's reading stays shown
      }
    }
  }

  // rerun offers, once the receipt verified, to re-run the model in the
  // browser: the artifact is fetched through the link, and
  // glassboxReproduce checks its digest, the inputs, the score and the
  // explanation bit for bit.
  function rerun(section, report) {
    var box = document.getElementById("rerun");
    if (!box || typeof glassboxReproduce !== "function" || report.verdict === "invalid" || !report.log_key) return;
    box.hidden = false;
    var out = document.getElementById("rerun-result");
    document.getElementById("rerun-button").addEventListener("click", async function () {
      out.textContent = "Fetching the model and running it…";
      try {
        var resp = await fetch(box.dataset.model);
        if (!resp.ok) throw new Error("the server answered " + resp.status);
        var model = new Uint8Array(await resp.arrayBuffer());
        var res = JSON.parse(await glassboxReproduce(section.dataset.receipt, model, report.log_key));
        box.dataset.reproduced = String(res.reproduced);
        if (res.reproduced) {
          out.className = "valid";
          out.textContent = "Reproduced: the model gives exactly the recorded score and explanation (checked: " + res.checked.join(", ") + ").";
        } else {
          out.className = "invalid";
          out.textContent = "Does not reproduce: " + (res.part ? res.part + (res.feature ? " " + res.feature : "") + ": recorded " + res.recorded + ", the model gives " + res.recomputed : res.error);
        }
      } catch (e) {
        box.dataset.reproduced = "error";
        out.className = "invalid";
        out.textContent = "The model could not be re-run: " + (e && e.message ? e.message : String(e));
      }
    });
  }

  // The public check page: files and text are read here, never sent.
  function checkPage(section) {
    var form = document.getElementById("check-form");
    var drop = document.getElementById("drop");
    var file = document.getElementById("file");
    var paste = document.getElementById("paste");
    var source = document.getElementById("source");
    function fromFile(f) {
      if (!f) return;
      paste.value = "";
      source.textContent = "Checked: the file " + f.name + " (" + f.size + " bytes), read in your browser.";
      f.arrayBuffer().then(function (buf) { run(section, new Uint8Array(buf)); });
    }
    file.addEventListener("change", function () { fromFile(file.files[0]); });
    ["dragenter", "dragover"].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add("over"); });
    });
    drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
    drop.addEventListener("drop", function (e) {
      e.preventDefault();
      drop.classList.remove("over");
      if (e.dataTransfer && e.dataTransfer.files.length) fromFile(e.dataTransfer.files[0]);
    });
    drop.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); file.click(); }
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault(); // nothing is uploaded
      if (paste.value.trim()) {
        source.textContent = "Checked: the pasted text (" + paste.value.length + " characters).";
        run(section, paste.value);
      }
      else if (file.files[0]) fromFile(file.files[0]);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var section = document.getElementById("verify");
    if (!section || !document.body.dataset.wasm || typeof Go !== "function") return;
    if (section.dataset.receipt !== undefined) applicant(section);
    else if (document.getElementById("check-form")) checkPage(section);
  });
})();
