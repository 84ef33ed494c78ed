// Runs in <head> before the page paints: follow the system's light or dark
// setting, and mark that JavaScript is available (the menu stays open without it).
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  var query = window.matchMedia("(prefers-color-scheme: dark)");
  function apply() {
    root.setAttribute("data-bs-theme", query.matches ? "dark" : "light");
  }
  apply();
  query.addEventListener("change", apply);
})();
