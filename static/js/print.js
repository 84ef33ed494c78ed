// The printable page's "Print" button. Without JavaScript the button is
// hidden and the page tells the member to use the browser's Print command.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
