/* Report progress without reloading by hand: poll the JSON status of pending reports and reload once one is
   finished, so the download link appears. Pages work without this script (they offer a "Vernieuwen" link). */
(function () {
  "use strict";
  var INTERVAL_MS = 2000;
  var MAX_POLLS = 300; // stop after ten minutes; the page still has its "Vernieuwen" link

  function urls() {
    var found = [];
    document.querySelectorAll("[data-report-status-url]").forEach(function (el) {
      found.push(el.getAttribute("data-report-status-url"));
    });
    document.querySelectorAll("[data-report-poll]").forEach(function (el) {
      el.getAttribute("data-report-poll").split(/\s+/).forEach(function (url) {
        if (url) { found.push(url); }
      });
    });
    return found;
  }

  function poll(list, count) {
    if (!list.length || count > MAX_POLLS) { return; }
    Promise.all(list.map(function (url) {
      return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; });
    })).then(function (results) {
      var label = document.querySelector("[data-report-status]");
      var first = results[0];
      if (label && first && first.label && label.textContent !== first.label) { label.textContent = first.label; }
      var progress = document.querySelector("[data-report-progress]");
      if (progress && first && first.progress && progress.textContent !== first.progress) {
        progress.textContent = first.progress;
      }
      if (results.some(function (r) { return r && r.finished; })) {
        window.location.reload();
        return;
      }
      window.setTimeout(function () { poll(list, count + 1); }, INTERVAL_MS);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    window.setTimeout(function () { poll(urls(), 0); }, INTERVAL_MS);
  });
})();
