// Installs Connect's service worker, which keeps the offline crisis card
// (docs/offline.md). Pages work the same without it.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) {
    return;
  }
  var url = script.getAttribute("data-service-worker");
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(url, { scope: "/" }).catch(function () {
      // Private windows and some browsers refuse; the site works without it.
    });
  });
})();
