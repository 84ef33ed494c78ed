// Escape closes the phone menu and puts focus back on its button.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var menu = document.getElementById("main-nav");
    if (!menu || !menu.classList.contains("show") || !window.bootstrap) return;
    window.bootstrap.Collapse.getOrCreateInstance(menu, { toggle: false }).hide();
    var toggler = document.querySelector('[data-bs-target="#main-nav"]');
    if (toggler) toggler.focus();
  });
})();
