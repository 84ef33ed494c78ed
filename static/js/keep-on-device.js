// "Keep this on this device" (templates/includes/keep_on_device.html): asks
// the service worker to keep the page's URLs for offline use, or to forget
// them. docs/offline.md describes the messages.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.MessageChannel) {
    return;
  }

  function ask(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (event.data && event.data.error) {
            reject(new Error(event.data.error));
          } else {
            resolve(event.data);
          }
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function enhance(box) {
    var input = box.querySelector("input[type=checkbox]");
    var status = box.querySelector("[data-keep-status]");
    var urls = (box.getAttribute("data-keep-urls") || "").split(/\s+/).filter(Boolean);
    // The words come from the template, in the page's language.
    var words = box.dataset;
    if (!input || !urls.length) {
      return;
    }

    ask({ type: "status", urls: urls }).then(function (reply) {
      input.checked = reply.kept;
      box.hidden = false;
      if (reply.kept) {
        // Refresh the kept copy, so it matches what the member sees now.
        input.disabled = true;
        ask({ type: "keep", urls: urls })
          .catch(function () {})
          .then(function () {
            input.disabled = false;
          });
      }
    });

    input.addEventListener("change", function () {
      var keeping = input.checked;
      input.disabled = true;
      status.textContent = keeping ? words.keepSaving : words.keepRemoving;
      ask(keeping ? { type: "keep", urls: urls } : { type: "forget" })
        .then(
          function (reply) {
            input.checked = reply.kept;
            status.textContent = reply.kept ? words.keepKept : words.keepNotKept;
          },
          function () {
            input.checked = false;
            status.textContent = words.keepFailed;
          }
        )
        .then(function () {
          input.disabled = false;
        });
    });
  }

  document.querySelectorAll("[data-keep-on-device]").forEach(enhance);
})();
