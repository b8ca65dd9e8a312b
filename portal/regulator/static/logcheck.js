"use strict";
// The regulator portal's only script: "Check in this browser" on the
// overview. It loads the WebAssembly verifier (the Go code of package
// portal/receiptcheck), fetches each log's evidence.json from the portal
// and has glassboxCheckLog read the contract's anchors and the log's key
// through the RPC URL the regulator typed, which stays in this browser
// (localStorage). Without the script the overview keeps its server-side
// verdicts.
(function () {
  var form = document.getElementById("browser-check");
  if (!form) return;
  var rpc = document.getElementById("rpc-url");
  var contract = document.getElementById("contract");
  try {
    if (!rpc.value && localStorage.getItem("glassbox.regulator.rpc")) rpc.value = localStorage.getItem("glassbox.regulator.rpc");
  } catch (e) { /* storage refused: the field stays empty */ }

  var verifier = null;
  function load() {
    if (!verifier) {
      verifier = (async function () {
        var go = new Go();
        var res = await WebAssembly.instantiateStreaming(fetch(form.dataset.wasm), go.importObject);
        go.run(res.instance);
      })();
    }
    return verifier;
  }

  function show(out, cls, text, v) {
    out.className = "verdict " + cls;
    out.textContent = text;
    out.dataset.verdict = cls;
    if (v && v.has_bad) out.dataset.firstBad = String(v.first_bad); else delete out.dataset.firstBad;
  }

  async function checkOne(out) {
    show(out, "unchecked", "Checking in this browser…");
    try {
      await load();
      var resp = await fetch(out.dataset.evidence, { credentials: "same-origin", cache: "no-store" });
      if (!resp.ok) throw new Error("the portal answered " + resp.status + " for the evidence");
      var evidence = await resp.text();
      var v = JSON.parse(await glassboxCheckLog(evidence, rpc.value.trim(), contract.value.trim()));
      if (v.ok) {
        show(out, "pass", "Verified in this browser: all " + v.anchors + " anchored checkpoints carry the key and roots the contract holds, each consistent with the one before.", v);
      } else if (v.has_bad) {
        show(out, "fail", "Failed in this browser at the anchored checkpoint of tree size " + v.first_bad + ": " + v.problem + " (" + v.verified + " of " + v.anchors + " anchors verified before it).", v);
      } else {
        show(out, "unchecked", "Not verified in this browser: " + v.problem + ".", v);
      }
    } catch (e) {
      show(out, "unchecked", "Not verified in this browser: " + (e && e.message ? e.message : String(e)) + ".");
    }
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    try { localStorage.setItem("glassbox.regulator.rpc", rpc.value.trim()); } catch (e) { /* not kept */ }
    var outs = document.querySelectorAll("p.browser-verdict");
    form.dataset.state = "running";
    Promise.all(Array.prototype.map.call(outs, checkOne)).then(function () { form.dataset.state = "done"; });
  });
})();
