// Poll a running catalogue check and reload the page when it finishes.
(function () {
  var el = document.getElementById("status");
  if (!el || !el.dataset.job) return;
  var status = el.dataset.status;
  if (status !== "queued" && status !== "checking") return;
  function poll() {
    fetch("/api/v1/jobs/" + el.dataset.job, {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (j) {
        if (j.status === "done" || j.status === "failed") { location.reload(); return; }
        var s = el.querySelector("strong");
        if (s) s.textContent = "checking: " + j.progress + " of " + (j.total || "?") + " rows";
        setTimeout(poll, 700);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 500);
})();
