// Ready-to-send messages: keep the sms: link in step with the text as the
// member types, and offer a copy button. Without this file, the form's
// "Use my changes" button rebuilds the link on the server. The status words
// come from the template's data attributes, in the page's language.
(function () {
  "use strict";

  // Same form as activities.models.sms_href: no recipient, and "?&body=" so that
  // both iOS and Android fill in the text.
  function smsHref(text) {
    return "sms:?&body=" + encodeURIComponent(text);
  }

  document.querySelectorAll("[data-ready-message]").forEach(function (form) {
    var text = form.querySelector("[data-message-text]");
    var link = form.querySelector("[data-sms-link]");
    var update = form.querySelector("[data-update-button]");
    var copy = form.querySelector("[data-copy-button]");
    var status = form.querySelector("[data-copy-status]");

    text.addEventListener("input", function () {
      link.href = smsHref(text.value);
      status.textContent = "";
    });
    update.hidden = true;

    if (navigator.clipboard && window.isSecureContext) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(text.value).then(
          function () {
            status.textContent = status.dataset.copied;
          },
          function () {
            status.textContent = status.dataset.copyFailed;
          }
        );
      });
    }
  });
})();
